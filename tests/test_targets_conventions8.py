"""Year conventions settled by `gold-conventions8` (GOLD_GUIDELINES 6.8.61): a `累计` in the
one-year part of a review whose heading also names the plan's five years is a sum over
them. Invented sentences, not lines of the dev or probe texts."""

from __future__ import annotations

_REPORT = (
    "青石省2036年政府工作报告\n"
    "一、2035年工作回顾和“十六五”发展成就\n"
    "过去一年，全省经济运行稳中向好。\n"
)


def _years(extract, body: str) -> dict[tuple[float, str], str]:
    return {(r.value, r.unit): r.year for r in extract(_REPORT + body, "青石_2036_gwr.txt")}


def test_a_sum_in_the_year_part_of_a_double_review_is_of_the_five_years(extract) -> None:
    got = _years(
        extract,
        "文化事业繁荣发展。累计建设城市书房260个，全省单位地区生产总值能耗累计下降15.2%。\n"
        "民生保障有力。累计帮扶困难群众12.6万户38.1万人，新建幼儿园40所。\n",
    )
    assert got[(260, "个")] == "2031-2035"
    assert got[(15.2, "%")] == "2031-2035"
    assert got[(12.6, "万户")] == "2031-2035"
    assert got[(38.1, "万人")] == "2031-2035"
    assert got[(40, "所")] == "2035"  # no 累计: the year's


def test_a_sum_the_paragraph_dates_or_a_total_that_stands_keeps_the_year(extract) -> None:
    got = _years(
        extract,
        "这一年，我们扩大消费。累计发放消费券3.2亿元。\n"
        "开放合作深化。友好城市累计达到86对，累计完成投资5.4亿元的物流园新增仓储面积12万平方米。\n",
    )
    assert got[(3.2, "亿元")] == "2035"  # the paragraph opens on its year
    assert got[(86, "对")] == "2035"  # 累计达到: where the total stands
    assert got[(12, "万平方米")] == "2035"  # the 累计 is the park's investment's


def test_a_sum_under_a_heading_of_one_year_stays_the_years(extract) -> None:
    heading = "青石省2036年政府工作报告\n一、2035年工作回顾\n"
    text = heading + "文化事业繁荣发展。累计建设城市书房260个。\n"
    got = {(r.value, r.unit): r.year for r in extract(text, "青石_2036_gwr.txt")}
    assert got[(260, "个")] == "2035"


def test_a_rate_held_in_a_five_year_review_is_of_the_five_years(extract) -> None:
    # 保持100% is a level held, as 保持在 is (6.8.34); 保持全国第一 a rank at the end
    got = _years(
        extract,
        "过去五年，我们推进依法行政。行政复议纠错率保持100%，营商环境评价保持全国第一，"
        "政务服务事项网办率达到98%。\n",
    )
    assert got[(100, "%")] == "2031-2035"
    assert got[(98, "%")] == "2035"


_EVALUATION = (
    "青石市“十六五”城乡建设规划中期评估报告\n一、总体评估\n"
    "“十六五”以来，全市城乡建设规划实施总体顺利。\n二、主要指标完成情况\n"
)


def test_what_an_evaluated_plans_years_did_is_of_those_years(extract) -> None:
    # 6.8.34 in a midterm evaluation: a flow done so far is of the years so far
    text = _EVALUATION + (
        "（一）道路。截至2032年底，全市道路总里程达到5200公里；新改建城市道路180公里。\n"
        "（二）社区。新建社区卫生服务站42个，完成规划目标的84%；新增供水能力12万吨/日。\n"
    )
    got = {(r.value, r.unit): r.year for r in extract(text, "青石_2033_midterm-evaluation.txt")}
    assert got[(5200, "公里")] == "2032"  # a level reached: the year reviewed
    assert got[(180, "公里")] == "2031-2032"
    assert got[(42, "个")] == "2031-2032"
    assert got[(84, "%")] == "2031-2032"  # its completion rate follows it
    assert got[(12, "万吨/日")] == "2031-2032"
