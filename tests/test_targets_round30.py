"""Rules found on the round-30 probe set (issue 11, ``tests/data/probes/round30/``): party
congress reports and other party documents (党代会报告, 全会公报, 经济工作会议讲话), many
written with Chinese numerals. Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

_CONGRESS = "在中国共产党某县第九次代表大会上的报告\n（2016年10月12日）\n\n一、过去五年工作回顾\n\n"
_NAME = "county_mou_2016_party-congress-report.txt"


# --- a yearly average in a part whose heading reviews five years -------------------------


def test_a_yearly_average_dated_by_the_reviews_last_year_is_of_the_stretch(extract):
    text = _CONGRESS + (
        "县第八次党代会以来，全县经济社会发展取得显著成绩。\n"
        "2016年预计全县地区生产总值达到96亿元，年均增长9.4%；"
        "一般公共预算收入达到5.2亿元，年均增长11.3%。\n"
    )
    got = {r.value: r.year for r in extract(text, _NAME)}
    assert got[96] == "2016"  # the level, at the stretch's end
    assert got[9.4] == "2012-2016"
    assert got[11.3] == "2012-2016"


def test_a_yearly_average_of_a_single_year_stays_outside_a_five_year_review(extract):
    text = "某县2018年政府工作报告\n\n一、2017年工作回顾\n\n" + (
        "2017年全县地区生产总值达到88亿元，年均增长9.1%。\n"
    )
    got = {r.value: r.year for r in extract(text, "county_mou_2018_gwr.txt")}
    assert got[9.1] == "2017"


# --- the years ahead a goals paragraph opens with, past its first 。 -----------------------


def test_goals_after_the_paragraphs_first_sentence_are_over_the_years_ahead(extract):
    text = (
        "在中国共产党某县第九次代表大会上的报告\n（2016年10月12日）\n\n二、今后五年的奋斗目标\n\n"
        + (
            "今后五年，全县发展的奋斗目标是：同步全面建成小康社会。主要预期指标是："
            "地区生产总值年均增长8.2%以上，到2021年达到150亿元；"
            "一般公共预算收入年均增长8.8%，到2021年突破八亿元；"
            "城乡居民人均可支配收入增长高于经济增长。\n"
        )
    )
    got = {(r.value, r.qualifier): r.year for r in extract(text, _NAME)}
    assert got[(8.2, "以上")] == "2017-2021"
    assert got[(150, "")] == "2021"  # a level, at the goal year written
    assert got[(8.8, "")] == "2017-2021"
    assert got[(None, "高于")] == "2017-2021"


# --- a speech given late in its year reviews that year ----------------------------------

_SPEECH = (
    "在市委经济工作会议上的讲话\n（2023年12月20日）\n同志们：\n\n一、今年经济工作取得的成绩\n\n"
)


def test_a_december_speech_s_this_year_is_its_own_year(extract):
    text = _SPEECH + "这一年，我们新增规模以上工业企业96家，新增城镇就业3.2万人。\n"
    got = {
        r.value: r.year for r in extract(text, "city_mou_2023_economic-work-conference-speech.txt")
    }
    assert got[96] == "2023"
    assert got[3.2] == "2023"


def test_a_december_speech_s_five_years_end_in_its_own_year(extract):
    text = _SPEECH + "五年来，全市地区生产总值年均增长6.1%，粮食产量稳定在50亿斤以上。\n"
    got = {
        r.value: r.year for r in extract(text, "city_mou_2023_economic-work-conference-speech.txt")
    }
    assert got[6.1] == "2019-2023"


def test_a_january_speech_s_past_year_is_the_year_before(extract):
    text = "在全市农村工作会议上的讲话\n（2024年1月16日）\n同志们：\n\n" + (
        "过去一年，全市新增高标准农田12万亩。\n"
    )
    got = {r.value: r.year for r in extract(text, "city_mou_2024_speech.txt")}
    assert got[12] == "2023"


# --- 五年内 in a part about as many years ahead ---------------------------------------------


def test_within_five_years_after_five_year_goals_is_those_years(extract):
    text = (
        "在中国共产党某市第八次代表大会上的报告\n（2021年9月20日）\n\n二、今后五年的目标任务\n\n"
        + (
            "今后五年全市经济社会发展的主要目标是：地区生产总值年均增长6.5%以上。\n"
            "（一）全力办好民生实事。五年内新增城镇就业18万人以上，新增养老床位6000张，"
            "每千人口托位数达到4.2个。\n"
        )
    )
    got = {r.value: r.year for r in extract(text, "city_mou_2021_party-congress-report.txt")}
    assert got[18] == "2022-2026"
    assert got[6000] == "2022-2026"
    assert got[4.2] == "2026"  # a level, at the years' end


def test_within_years_of_another_length_stays_without_a_year(extract):
    text = (
        "在中国共产党某市第八次代表大会上的报告\n（2021年9月20日）\n\n二、今后五年的目标任务\n\n"
        + (
            "今后五年全市经济社会发展的主要目标是：地区生产总值年均增长6.5%以上。\n"
            "（一）推进城市更新。三年内改造老旧小区120个。\n"
        )
    )
    got = {r.value: r.year for r in extract(text, "city_mou_2021_party-congress-report.txt")}
    assert got[120] == ""
