"""Rules found on the round-16 probe set (issue 11, ``tests/data/probes/round16/``): a
national work report opening a plan period, a pastoral district's report, a provincial
report opening the next one, a provincial leader's speech, a national strategy outline
and a provincial action plan. Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_REPORT = "江州市政府工作报告\n\n一、2025年工作回顾\n\n"
_NAME = "city_jiangzhou_2026_gwr.txt"


def _by_value(records) -> dict[float | None, tuple[str, str]]:
    return {r.value: (r.indicator, r.unit) for r in records}


# --- 两位数 counts digits: no rank -------------------------------------------------------------


def test_a_count_of_digits_is_no_rank(extract):
    text = _REPORT + "全市服务业投资增长14.2%，连续三年保持两位数增长；外贸出口实现三位数增长。\n"
    records = extract(text, _NAME)
    assert [r.unit for r in records if r.unit == "位"] == []
    assert names_by_value(records)[14.2] == "服务业投资"


def test_a_rank_written_with_its_place_still_counts(extract):
    text = _REPORT + "全市服务业投资增长14.2%，增速居全省第二位。\n"
    records = extract(text, _NAME)
    assert [(r.value, r.unit) for r in records if r.unit == "位"] == [(2, "位")]


# --- 增长一成: a change verb's own tenths ---------------------------------------------------------


def test_tenths_right_after_a_change_verb_are_a_figure(extract):
    text = _REPORT + "全市规上工业利润总额增长两成左右，农产品出口增加三成以上。\n"
    got = _by_value(extract(text, _NAME))
    assert got[3] == ("农产品出口", "成")
    assert got[2][1] == "成"


def test_tenths_after_a_fall_are_a_figure(extract):
    text = _REPORT + "全年安全生产事故起数下降四成。\n"
    got = _by_value(extract(text, _NAME))
    assert got[4] == ("安全生产事故起数", "成")


def test_tenths_inside_a_word_are_no_figure(extract):
    # 增长 then 一成不变 would not be a figure; 成长 is a word, not a change and tenths
    text = _REPORT + "引导企业成长三年行动，培育创新型企业120家。\n"
    records = extract(text, _NAME)
    assert [r.unit for r in records] == ["家"]


# --- 是前年的N倍: the base is a time, the multiple the figure's ---------------------------


def test_a_multiple_of_the_year_before_last_is_the_figure_before(extract):
    text = _REPORT + "全市锂电池产量达到12万吨，是前年的1.7倍。\n"
    got = _by_value(extract(text, _NAME))
    assert got[1.7] == ("锂电池产量", "倍")  # not 前年


# --- a rank said with an adverb of steadiness, and the economy's size ranked ---------------------


def test_an_adverb_before_the_rank_verb_is_no_part_of_the_name(extract):
    text = _REPORT + "规上工业增加值同比增长6.6%，高于全国1.5个百分点，总量继续稳居全国第四位。\n"
    got = _by_value(extract(text, _NAME))
    assert got[4] == ("规模以上工业增加值全国排名", "位")  # not 总量继续全国排名


def test_still_before_the_rank_verb_is_no_part_of_the_name(extract):
    text = _REPORT + "全市粮食产量达到52亿斤，仍居全省第一位。\n"
    got = _by_value(extract(text, _NAME))
    assert got[1] == ("粮食产量全省排名", "位")


def test_the_size_of_the_economy_ranked_is_the_output_ranked(extract):
    text = _REPORT + "全区实现地区生产总值1240亿元，同比增长5.1%，经济总量继续位居全市第二；\n"
    got = _by_value(extract(text, _NAME))
    assert got[2] == ("地区生产总值全市排名", "位")  # the table's name, not 经济总量


# --- a quoted count of tasks is a count, a slogan's 一件事 is not --------------------------------

_PLAN = "江州市政府工作报告\n\n二、2026年工作安排\n\n"


def test_a_quoted_count_of_tasks_is_a_figure(extract):
    text = _PLAN + "今年要继续办好“十二件民生实事”，新建社区食堂40个。\n"
    got = _by_value(extract(text, _NAME))
    assert got[12] == ("民生实事", "件")


def test_a_slogan_of_one_thing_stays_no_figure(extract):
    text = _PLAN + "深入推进“高效办成一件事”，新增集成服务事项12项。\n"
    records = extract(text, _NAME)
    assert [(r.value, r.unit) for r in records] == [(12, "项")]


# --- 棚户区住房 is the table's 棚户区, as 城镇棚户区住房 already was --------------------------


def test_shanty_town_housing_is_the_tables_shanty_towns(extract):
    text = _REPORT + "开工改造棚户区住房2.4万套，完成农村危房改造1800户。\n"
    got = _by_value(extract(text, _NAME))
    assert got[2.4] == ("棚户区", "万套")


def test_school_buildings_stay_their_own_measure(extract):
    # 中小学校舍 is the schools' floor space, not the schools: no alias may cut it
    text = _REPORT + "改造中小学校舍3.5万平方米。\n"
    got = _by_value(extract(text, _NAME))
    assert got[3.5] == ("中小学校舍", "万平方米")


# --- people counted in a bare 万 with a hedge after it ----------------------------------------


def test_people_in_a_bare_wan_with_a_hedge_after_it_are_counted(extract):
    text = _PLAN + "今年要再减少农村低收入人口80万以上，转移农村劳动力12万左右。\n"
    got = _by_value(extract(text, _NAME))
    assert got[80] == ("农村低收入人口", "万人")
    assert got[12][1] == "万人"


def test_money_in_a_bare_yi_with_a_hedge_after_it_is_money(extract):
    text = _REPORT + "全市数字经济营收超过900亿以上，增长8.5%。\n"
    got = _by_value(extract(text, _NAME))
    assert got[900][1] == "亿元"
