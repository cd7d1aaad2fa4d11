"""Rules found by the round34 probe set (real provincial documents written as remembered):
each test is a general form, on invented sentences, not a line of the probe texts."""

from __future__ import annotations

from bot.corpus.meta_year import infer_year


def test_an_undated_five_year_plan_outline_is_not_dated_by_its_horizon() -> None:
    # the title's 2035 is a horizon and the body's years are the review's and the table's
    title = "某省国民经济和社会发展第十四个五年规划和2035年远景目标纲要"
    text = f"{title}\n第一章 发展基础\n全省地区生产总值从2015年的3万亿元增加到2020年的4万亿元。\n"
    assert infer_year(text, [title, "第一章 发展基础"], title=title) is None


def test_a_dated_five_year_plan_outline_keeps_its_delivery_year() -> None:
    title = "某市国民经济和社会发展第十五个五年规划纲要"
    opening = f"{title}\n（2026年2月6日某市第十七届人民代表大会第五次会议批准）"
    assert infer_year(opening, [title], title=title, opening=opening) == 2026


_FIVE_YEARS = "2033年某省人民政府工作报告\n\n一、过去五年工作回顾\n\n"
_NAME = "province_mou_2033_gwr.txt"


def test_steps_crossed_one_after_another_are_dated_by_the_years_reviewed(extract) -> None:
    # 6.8.34: the first step was crossed before the end; the level reached stays the end's
    text = _FIVE_YEARS + (
        "全省生产总值先后跨越4万亿元、5万亿元两个台阶，2032年达到5.2万亿元，年均增长5.6%。"
        "一般公共预算收入相继迈上3000亿元、3500亿元台阶。\n"
    )
    got = {(r.value, r.unit): r.year for r in extract(text, _NAME)}
    assert got[(4, "万亿元")] == got[(5, "万亿元")] == "2028-2032"
    assert got[(3000, "亿元")] == got[(3500, "亿元")] == "2028-2032"
    assert got[(5.2, "万亿元")] == "2032"


def test_the_poor_and_the_villages_all_out_of_poverty_are_counted_over_the_years(extract) -> None:
    text = _FIVE_YEARS + (
        "412.3万农村贫困人口全部脱贫，36个贫困县全部摘帽，633个经济薄弱村全部达标。\n"
    )
    got = {r.value: r.year for r in extract(text, _NAME)}
    assert got == {412.3: "2028-2032", 36: "2028-2032", 633: "2028-2032"}


def test_the_poor_left_for_the_last_year_left_in_it(extract) -> None:
    # the 十三五's last year (2020), not its five years
    text = "2021年某省人民政府工作报告\n\n一、“十三五”时期工作回顾\n\n" + (
        "脱贫攻坚取得全面胜利，“十三五”以来，全省剩余的12.6万贫困人口全部脱贫。\n"
    )
    got = {r.value: r.year for r in extract(text, "province_mou_2021_gwr.txt")}
    assert got == {12.6: "2020"}


def test_a_rank_in_a_region_of_the_country_or_among_its_provinces_has_that_scope(extract) -> None:
    text = "2033年某省人民政府工作报告\n\n一、2032年工作回顾\n\n" + (
        "人均地区生产总值超过12万元，居全国各省区第1位。"
        "外贸进出口总额4340亿元、增长20.4%，总量居西部地区第4位。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _NAME) if r.unit == "位"}
    assert got == {1: "人均地区生产总值全国排名", 4: "外贸进出口总额西部地区排名"}
