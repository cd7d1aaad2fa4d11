"""Rules found by the round35 probe set (provincial speeches, action plans, an opinions text
and a press-conference news report written as remembered): each test is a general form, on
invented sentences, not a line of the probe texts."""

from __future__ import annotations

_STORY = (
    "2031年青石经济运行稳中有进\n"
    "青石日报讯 1月20日，省政府新闻办召开新闻发布会，省统计局发布2031年全省经济运行情况。\n"
    "初步核算，2031年全省地区生产总值3.5万亿元，比上年增长5.1%。\n"
)


def test_a_story_on_a_whole_years_data_says_its_now_of_the_year_after(extract) -> None:
    # a year's whole data are out only once it is over: the story's 今年 is the next year,
    # its figures of the year released stay that year's
    text = _STORY + "发布会还介绍，今年全省将锚定地区生产总值增长5%左右的预期目标。\n"
    got = {(r.value, r.unit): (r.year, r.kind) for r in extract(text, "story.txt")}
    assert got[(3.5, "万亿元")] == ("2031", "achievement")
    assert got[(5, "%")] == ("2032", "target")


def test_the_whole_year_of_a_now_said_earlier_in_the_sentence_is_that_year(extract) -> None:
    text = _STORY + (
        "局长表示，今年我省发展的有利条件多于不利因素，要努力实现全年地区生产总值增长5%左右。\n"
    )
    got = {(r.value, r.unit): r.year for r in extract(text, "story.txt")}
    assert got[(5, "%")] == "2032"
    # a 全年 with no 今年 before it in its sentence stays the year released
    plain = _STORY + "全年规模以上工业增加值增长6.2%。\n"
    assert {(r.value, r.unit): r.year for r in extract(plain, "story.txt")}[(6.2, "%")] == "2031"


def test_a_table_row_counted_in_its_own_unit_borrows_no_measure_from_the_row_above(
    extract,
) -> None:
    # a plan's 主要指标: 通用机场（个） is no part of 低空制造业产值（亿元）
    text = (
        "青石省推动低空经济高质量发展行动方案（2031—2033年）\n一、主要指标\n"
        "指标\t2030年\t2033年\n"
        "低空经济规模（亿元）\t1200\t3000\n"
        "低空制造业产值（亿元）\t450\t1000\n"
        "通用机场（个）\t14\t24\n"
        "通用航空飞行小时（万小时）\t8.5\t15\n"
    )
    got = {(r.value, r.unit): r.indicator for r in extract(text, "plan.txt")}
    assert got[(24, "个")] == "通用机场"
    assert got[(15, "万小时")] == "通用航空飞行小时"
    assert got[(1000, "亿元")] == "低空制造业产值"


def test_the_countrys_own_statistic_quoted_in_a_provincial_text_is_the_countrys(extract) -> None:
    text = (
        "在湖南省经济工作会议上的讲话\n（2031年1月28日）\n同志们：\n"
        "过去一年，在全国国内生产总值增长3%的情况下，全省生产总值增长3.1%。\n"
        "从全国看，国内生产总值134.9万亿元，全省经济增速高于全国0.1个百分点。\n"
    )
    got = {(r.value, r.unit): (r.indicator, r.region) for r in extract(text, "青石_speech.txt")}
    assert got[(3, "%")] == ("国内生产总值", "全国")
    assert got[(134.9, "万亿元")] == ("国内生产总值", "全国")
    assert got[(3.1, "%")][1] != "全国"


def test_a_provinces_named_set_of_counties_is_the_records_region(extract) -> None:
    text = (
        "在浙江省经济工作会议上的讲话\n（2031年1月28日）\n同志们：\n"
        "过去一年，山区26县生产总值增长4.2%、高于全省1.1个百分点。\n"
    )
    got = {(r.value, r.unit): (r.indicator, r.region) for r in extract(text, "speech.txt")}
    assert got[(4.2, "%")] == ("地区生产总值", "山区26县")
