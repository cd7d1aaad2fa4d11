"""Rules found on the round-26 probe set (issue 11, ``tests/data/probes/round26/``): sector
texts a third time (two mid-term evaluations, support measures, an industry chain plan, a
ministry's 工作要点, a fund's 管理办法). Every sentence here is invented for the test; none is
a probe's or a corpus document's."""

from __future__ import annotations

_EVAL = "某市“十四五”城乡建设规划中期评估报告\n二、主要指标完成情况\n"
_EVAL_NAME = "city_mou_2023_urban-14th-fyp-midterm-evaluation.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- a plan's target restated beside a result is the result's measure's -----------------------


def test_restated_targets_and_completion_rates_take_the_results_measure(extract):
    text = (
        _EVAL + "截至2022年底，全市城市道路长度达到1860公里，完成规划目标2100公里的88.6%；"
        "建成区绿地率为39.2%，规划目标为41%。全市新增停车泊位3.4万个，完成规划目标的57%。\n"
    )
    got = _by_value(extract(text, _EVAL_NAME))
    assert got[2100].indicator == got[1860].indicator  # not 规划
    assert got[88.6].indicator == got[1860].indicator + "规划目标完成率"
    assert got[41].indicator == got[39.2].indicator
    assert got[57].indicator == got[3.4].indicator + "规划目标完成率"


def test_targets_said_respectively_find_their_results_by_unit(extract):
    text = (
        _EVAL + "2022年，全市人均公园绿地面积达到14.6平方米，污水处理率为96.5%，"
        "规划目标分别为15平方米和98%；燃气普及率为99.1%，高于规划目标1.1个百分点。\n"
    )
    got = _by_value(extract(text, _EVAL_NAME))
    assert got[15].indicator == got[14.6].indicator
    assert got[98].indicator == got[96.5].indicator
    assert got[1.1].indicator == got[99.1].indicator


def test_a_gap_to_the_target_and_a_bare_completion_rate(extract):
    text = (
        _EVAL + "2022年，全市生活垃圾回收利用率为33.5%，距规划目标35%尚差1.5个百分点。"
        "全市改造老旧管网420公里，完成率70%。\n"
    )
    got = _by_value(extract(text, _EVAL_NAME))
    assert got[35].indicator == got[33.5].indicator
    assert got[1.5].indicator == got[33.5].indicator
    assert got[70].indicator == got[420].indicator + "完成率"


def test_a_restated_target_is_a_target_of_the_plans_end(extract):
    text = (
        _EVAL + "截至2022年底，全市城市道路长度达到1860公里，完成规划目标2100公里的88.6%；"
        "建成区绿地率为39.2%，规划目标为41%。\n"
    )
    got = _by_value(extract(text, _EVAL_NAME))
    assert (got[2100].kind, got[2100].year) == ("target", "2025")
    assert (got[41].kind, got[41].year) == ("target", "2025")
    assert (got[1860].kind, got[1860].year) == ("achievement", "2022")


def test_a_target_said_in_a_plan_that_is_no_evaluation_is_left_as_it_was(extract):
    text = (
        "某市城乡建设三年行动方案（2024—2026年）\n二、主要目标\n"
        "到2026年，城市道路长度达到2000公里，规划目标为2100公里。\n"
    )
    got = _by_value(extract(text, "city_mou_2024_urban-action-plan.txt"))
    assert got[2100].year == "2026"


# --- a text table's unit in brackets: a capacity per year, a battery's energy ------------------


def test_text_table_rows_read_units_per_year_and_in_gigawatt_hours(extract):
    text = (
        "某市储能产业链行动方案（2024—2026年）\n二、发展目标\n"
        "1．储能电池产能（吉瓦时）：2023年40，2026年120。\n"
        "2．负极材料产能（万吨/年）：2023年8，2026年20。\n"
    )
    got = _by_value(extract(text, "city_mou_2024_storage-chain-action-plan.txt"))
    assert (got[40].unit, got[120].unit) == ("吉瓦时", "吉瓦时")
    assert (got[8].unit, got[20].unit) == ("万吨/年", "万吨/年")
    assert got[20].indicator == "负极材料产能"


# --- a sum per unit of what is measured, given after its base --------------------------------


def test_a_sum_per_unit_after_its_base_is_the_receivers_award(extract):
    text = (
        "某省支持节能降碳的若干措施\n一、支持政策\n"
        "对新建成的抽水蓄能项目，按实际发电量给予每千瓦时0.05元的运营补贴。"
        "对既有居住建筑改造项目，按改造面积给予每平方米40元的一次性建设补助，"
        "单个项目最高不超过200万元。\n"
    )
    got = _by_value(extract(text, "province_mou_2024_energy-saving-measures.txt"))
    assert got[0.05].indicator == "抽水蓄能项目运营补贴"
    assert got[40].indicator == "既有居住建筑改造项目建设补助"
    assert got[200].indicator == "单个项目建设补助"


def test_an_evaluations_undated_results_and_sums_are_of_the_years_it_reviews(extract):
    text = (
        _EVAL + "（一）道路。截至2022年底，全市城市道路长度达到1860公里。\n"
        "（二）绿化。建成区绿地率达到39.2%；累计新增城市绿地1200公顷，完成规划目标的60%。\n"
    )
    got = _by_value(extract(text, _EVAL_NAME))
    assert got[39.2].year == "2022"  # the paragraph says no year: the last one reviewed
    assert got[1200].year == "2021-2022"  # a sum since the plan began
    assert got[60].year == "2021-2022"  # a completion rate: of what it completes


def test_new_building_is_the_act_not_the_receiver(extract):
    text = (
        "某省支持节能降碳的若干措施\n一、支持政策\n"
        "对新建近零能耗建筑项目，按建筑面积给予每平方米80元的补助。"
        "对新建换电站，按每千瓦120元给予建设补贴。\n"
    )
    got = _by_value(extract(text, "province_mou_2024_energy-saving-measures.txt"))
    assert got[80].indicator == "近零能耗建筑项目补助"
    assert got[120].indicator == "换电站建设补贴"


def test_the_plans_target_said_as_a_noun_dates_no_result(extract):
    text = (
        _EVAL + "一、总体情况\n截至2022年底，规划确定的24项主要指标中，已完成2025年目标值的有6项，"
        "进度滞后的有3项。\n"
    )
    got = _by_value(extract(text, _EVAL_NAME))
    assert got[6].year == "2022"
    assert got[3].year == "2022"


def test_an_evaluations_implementation_and_problems_parts_are_reviews(extract):
    text = (
        "某市“十四五”教育事业发展规划中期评估报告\n一、规划实施总体情况\n"
        "规划确定的30项重大工程项目中，已完工9项，完成投资48亿元。\n"
        "三、存在的问题\n规划重大工程项目中仍有4项未开工。\n"
    )
    got = _by_value(extract(text, "city_mou_2023_education-14th-fyp-midterm-evaluation.txt"))
    assert got[48].kind == "achievement"
    assert got[4].kind == "achievement"
