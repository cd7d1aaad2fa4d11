"""Kinds and years the probe rounds left (issue 11, ``targets-left12``): a year-end
speech's parts said by their year relative to when it was given (``一、关于今年工作`` looks
back, ``二、关于明年工作`` plans: round12d's county speech, round11's provincial one). Every
sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.kinds import NEUTRAL, PLAN, REVIEW, classify_heading, speaks_of_next_year

_SPEECH = "在市委经济工作会议上的讲话\n（2022年12月20日）\n\n同志们：\n\n"
_SPEECH_NAME = "city_qinghe_2022_economic-work-speech.txt"


def _by_value(records) -> dict[float | None, tuple[str, str]]:
    return {r.value: (r.kind, r.year) for r in records}


def test_a_year_end_speechs_part_on_this_year_is_a_review(extract):
    text = (
        _SPEECH
        + "一、关于今年工作\n\n全年全市新建城市书房27个，新增公共停车泊位4300个。\n\n"
        + "二、关于明年工作\n\n新建城市书房30个，新增公共停车泊位5000个。\n"
    )
    got = _by_value(extract(text, _SPEECH_NAME))
    assert got[27] == ("achievement", "2022")
    assert got[4300] == ("achievement", "2022")
    assert got[30] == ("target", "2023")
    assert got[5000] == ("target", "2023")


def test_a_part_on_next_year_plans_even_under_a_plain_title(extract):
    text = (
        _SPEECH
        + "一、今年工作\n\n农村公路改造完成380公里。\n\n"
        + "二、明年工作\n\n（一）交通\n\n农村公路改造完成400公里。\n"
    )
    got = _by_value(extract(text, _SPEECH_NAME))
    assert got[380] == ("achievement", "2022")
    assert got[400] == ("target", "2023")


def test_this_years_part_is_no_review_without_a_part_on_next_year():
    # a report given early in the year calls the year it plans 今年: only a part on 明年
    # beside it says the text was given at the year's end
    assert classify_heading("一、关于今年工作", 2022) == NEUTRAL
    assert classify_heading("一、关于今年工作", 2022, year_end=True) == REVIEW
    assert classify_heading("二、关于明年工作", 2022) == PLAN
    assert classify_heading("一、去年工作简要", 2022) == REVIEW


def test_a_year_as_a_base_in_a_heading_says_nothing():
    assert classify_heading("（三）比去年多办的几件事", 2022) == NEUTRAL
    assert not speaks_of_next_year([("一、关于今年工作", "（一）较明年预算")])
    assert speaks_of_next_year([("同志们",), ("二、明年工作安排",)])


# A span the sentence writes out (round13's action plan: 2024—2027年累计建设…; the
# guidelines: an amount summed over a period is of the span, a level reached of its end)

_PLAN = "清河市养老服务提升行动方案（2025—2028年）\n\n二、重点任务\n\n"
_PLAN_NAME = "city_qinghe_2025_action-plan.txt"


def test_an_amount_summed_over_a_written_span_is_of_the_span(extract):
    text = _PLAN + "2025—2028年累计建成社区嵌入式养老机构120家。\n"
    got = _by_value(extract(text, _PLAN_NAME))
    assert got[120] == ("target", "2025-2028")  # was 2028


def test_a_span_written_with_two_years_and_a_sum(extract):
    text = _PLAN + "2025年至2028年共计培训养老护理员6000人次。\n"
    got = _by_value(extract(text, _PLAN_NAME))
    assert got[6000][1] == "2025-2028"


def test_a_level_reached_over_a_written_span_is_of_its_end(extract):
    # no sum after the span: the share is reached by its end year
    text = _PLAN + "2025年到2028年，护理型床位占比从48%提高到60%。\n"
    got = _by_value(extract(text, _PLAN_NAME))
    assert got[60][1] == "2028"


# A part's share said with a bare 占 (round12d's speech: 规模以上工业企业中，高新技术企业占到
# 三分之一; dev's 对共建…国家投资占50%以上 named …占比): the part's share, of the whole the
# sentence opened on when it did; fractions in words as percentages

_REVIEW = "清河县人民政府工作报告\n\n一、2023年工作回顾\n\n"
_REVIEW_NAME = "county_qinghe_2024_gwr.txt"


def _names(records) -> dict[float | None, str]:
    return {r.value: r.indicator for r in records}


def test_a_fraction_said_of_a_whole_the_sentence_opened_on(extract):
    text = _REVIEW + "全县规模以上服务业企业中，科技服务企业占到五分之二。\n"
    got = _names(extract(text, _REVIEW_NAME))
    assert got[40] == "科技服务企业占规模以上服务业企业比重"  # was 科技服务企业


def test_a_percentage_said_of_a_whole_the_sentence_opened_on(extract):
    text = _REVIEW + "居民消费支出中，服务性消费支出占到46.5%。\n"
    got = _names(extract(text, _REVIEW_NAME))
    assert got[46.5] == "服务性消费支出占居民消费支出比重"


def test_a_bare_share_with_no_whole_is_the_parts_share(extract):
    text = _REVIEW + "文旅消费占三分之一以上，快递业务量增长12%。\n"
    got = _names(extract(text, _REVIEW_NAME))
    assert got[33.33] == "文旅消费占比"
    assert got[12] == "快递业务量"


def test_a_share_of_a_part_after_its_amount_keeps_its_name(extract):
    # 其中…，占25.1%: the clause names no part; the share is named as before
    text = _REVIEW + "民生支出48.2亿元，其中教育支出12.1亿元，占25.1%。\n"
    got = _names(extract(text, _REVIEW_NAME))
    assert got[25.1] != "占比"
    assert "占" not in got[12.1]


# A short alternate inside a word keeps its brackets, as the golds write it in 19 documents
# of dev and the probe sets (执业（助理）医师, 高职（专科）院校, 乡镇（街道）…) against none

_BULLETIN = "清河市2023年国民经济和社会发展统计公报\n\n十、卫生和教育\n\n"
_BULLETIN_NAME = "city_qinghe_2023_stat-bulletin.txt"


def test_an_alternate_inside_a_word_keeps_its_brackets(extract):
    text = _BULLETIN + "年末全市卫生技术人员3.4万人，其中执业（助理）医师1.3万人。\n"
    got = _names(extract(text, _BULLETIN_NAME))
    assert got[1.3] == "执业（助理）医师"  # was 执业助理医师


def test_an_alternate_in_a_longer_name_keeps_its_brackets(extract):
    text = _BULLETIN + "全市共有中等职业（技工）学校21所。\n"
    got = _names(extract(text, _BULLETIN_NAME))
    assert got[21] == "中等职业（技工）学校"


def test_a_note_in_brackets_is_no_alternate(extract):
    # 含…: what the figure takes in, not another name for it
    text = _BULLETIN + "全年蔬菜（含食用菌）产量52.6万吨。\n"
    got = _names(extract(text, _BULLETIN_NAME))
    assert "（" not in got[52.6] and "含" not in got[52.6]


def test_a_verbs_alternate_is_another_act_and_goes(extract):
    # 加装（更新）: another act beside 加装, not another name of the thing
    text = _REVIEW + "全年既有住宅加装（更新）电梯2600部。\n"
    got = _names(extract(text, _REVIEW_NAME))
    assert got[2600] == "既有住宅加装电梯"  # was 既有住宅加装更新电梯
