"""Rules found by the round37 probe set (long-horizon outlines, older work reports and a city
congress report written as remembered): each test is a general form, on invented sentences,
not a line of the probe texts."""

from __future__ import annotations


def test_a_caption_naming_a_set_of_indicators_owns_no_bare_measure(extract) -> None:
    # 生产总值增长（%） under 青石省“十五五”经济社会发展主要指标: the caption is a list's
    # title, not whose output; a bare measure the table knows is whole
    text = (
        "青石省国民经济和社会发展第十五个五年规划纲要\n"
        "表1　青石省“十五五”经济社会发展主要指标\n"
        "类别\t指标\t2030年\t2035年\t年均增长\t属性\n"
        "经济发展\t生产总值增长（%）\t4.1\t—\t5左右\t预期性\n"
        "\t常住人口城镇化率（%）\t66.2\t70\t—\t预期性\n"
    )
    names = {r.value: r.indicator for r in extract(text, "outline.txt")}
    assert names[4.1] == "地区生产总值"
    assert names[5] == "地区生产总值"
    assert names[70] == "常住人口城镇化率"


def test_a_share_of_the_output_spelled_without_the_region_is_the_tables_share(
    extract,
) -> None:
    # 占生产总值比重 is the measure's own base, as 占地区生产总值比重 is (6.8.53)
    text = (
        "青石省2031年政府工作报告\n一、2030年工作回顾\n"
        "数字经济核心产业增加值增长9.2%，占生产总值比重提高到12.4%。\n"
    )
    names = {r.value: r.indicator for r in extract(text, "report.txt")}
    assert names[12.4] == "数字经济核心产业增加值占比"


def test_last_years_budget_is_a_base_not_a_name(extract) -> None:
    # the points after 比去年预算高/低 are the planned rate's rise or cut
    text = (
        "青石省2031年预算报告\n二、2031年预算草案\n"
        "今年赤字率拟按3.2%安排，比去年预算高0.3个百分点。"
        "债务率拟按80%控制，比上年预算低5个百分点。\n"
    )
    recs = {r.value: r for r in extract(text, "budget.txt")}
    assert (recs[0.3].indicator, recs[0.3].change) == ("赤字率", "提高")
    assert (recs[5].indicator, recs[5].change) == ("债务率", "降低")
