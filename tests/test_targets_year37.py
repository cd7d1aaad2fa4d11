"""Year rules found by pooling every year miss of dev, the bundled gold and all probe sets
(`targets-year37`): each test is a general form, on invented sentences, not a line of the
probe texts."""

from __future__ import annotations

_PLAN = "青石市数字产业发展三年行动计划（2031—2033年）\n一、主要目标\n到2033年，数字产业规模达到3000亿元。\n二、重点任务\n"


def test_a_quantity_a_plans_task_adds_is_summed_over_the_plans_years(extract) -> None:
    # 新增 of a capacity or an area is what the plan's years add, as a count built is
    text = _PLAN + "新建算力中心4个，新增智能算力6000PFlops，新增产业载体面积150万平方米。\n"
    got = {(r.value, r.unit): r.year for r in extract(text, "plan.txt")}
    assert got[(4, "个")] == "2031-2033"
    assert got[(6000, "PFlops")] == "2031-2033"
    assert got[(150, "万平方米")] == "2031-2033"


def test_a_capacity_a_plans_task_reaches_stays_at_the_plans_end(extract) -> None:
    text = _PLAN + "全市智能算力规模达到9000PFlops，数据中心电能利用效率降至1.25以下。\n"
    got = {(r.value, r.unit): r.year for r in extract(text, "plan.txt")}
    assert got[(9000, "PFlops")] == "2033"
