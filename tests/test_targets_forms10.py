"""Figure forms the extractor did not read at all, found by the round-10 probe set (issue
11): a plan's indicator box (专栏) written as prose rows, one figure for several owners
(``各``), a time limit cut to a level (``缩短至11个工作日``). Every sentence here is invented
for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.tables.box_rows import box_row_cells

_OUTLINE = "江州市数字经济发展规划（2021—2025年）\n\n一、发展目标\n\n专栏1  数字经济发展主要指标\n"
_OUTLINE_NAME = "city_jiangzhou_2021_digital-economy-plan.txt"


def _by_value(records) -> dict[float | None, object]:
    return {r.value: r for r in records}


# --- 专栏 rows written as prose -----------------------------------------------------------


def test_a_box_row_gives_the_base_year_as_a_result_and_the_target_year_as_a_target(extract):
    text = _OUTLINE + (
        "——数字贸易进出口额（亿元）：2020年260，2025年480，预期性。\n"
        "——城市数字治理满意度（分）：2020年76.5，2025年86，预期性。\n"
    )
    got = _by_value(extract(text, _OUTLINE_NAME))
    base, goal = got[260], got[480]
    assert (base.indicator, base.unit, base.year, base.kind) == (
        "数字贸易进出口额",
        "亿元",
        "2020",
        "achievement",
    )
    assert (goal.indicator, goal.unit, goal.year, goal.kind) == (
        "数字贸易进出口额",
        "亿元",
        "2025",
        "target",
    )
    assert got[76.5].unit == "分"  # a score, said only in the label's brackets
    assert (got[86].indicator, got[86].kind) == ("城市数字治理满意度", "target")


def test_a_box_row_with_base_and_target_values_takes_the_plan_period_from_the_title(extract):
    text = _OUTLINE + (
        "·企业上云用云数量（家）：基期值3400，目标值9000（约束性）。\n"
        "——智能工厂（个）：2020年12，2025年≥60，约束性。\n"
    )
    got = _by_value(extract(text, _OUTLINE_NAME))
    assert (got[3400].year, got[3400].kind) == ("2020", "achievement")
    assert (got[9000].year, got[9000].kind, got[9000].unit) == ("2025", "target", "家")
    assert (got[60].qualifier, got[60].kind) == ("≥", "target")


def test_a_box_row_written_with_its_yearly_average_and_its_sum(extract):
    text = _OUTLINE + (
        "——信息服务业营业收入（亿元）：2020年410，2025年720，年均增长12%，预期性。\n"
        "——新增省级数字化车间（个）：五年累计〔150〕，预期性。\n"
    )
    got = _by_value(extract(text, _OUTLINE_NAME))
    assert (got[12].indicator, got[12].unit, got[12].change, got[12].year) == (
        "信息服务业营业收入",
        "%",
        "年均增长",
        "2021-2025",
    )
    assert (got[720].year, got[720].kind) == ("2025", "target")
    assert (got[150].change, got[150].year, got[150].unit) == ("累计", "2021-2025", "个")


def test_a_box_row_with_one_figure_over_the_plan_takes_the_plan_period(extract):
    outline = "江州市国民经济和社会发展第十四个五年规划纲要\n\n一、发展目标\n\n专栏2  主要指标\n"
    text = outline + (
        "——全社会研发投入年均增长（%）：9以上，预期性。\n"
        "——单位地区生产总值二氧化碳排放降低（%）：〔18〕，约束性。\n"
    )
    got = _by_value(extract(text, "city_jiangzhou_2021_plan-outline.txt"))
    assert (got[9].change, got[9].qualifier, got[9].year, got[9].kind) == (
        "年均增长",
        "以上",
        "2021-2025",
        "target",
    )
    assert (got[18].change, got[18].year, got[18].unit) == ("降低", "2021-2025", "%")


def test_box_rows_are_told_from_sentences_and_labels():
    row = box_row_cells("——跨境电商交易额（亿元）：2020年35，2025年90，预期性。")
    assert row == (
        ["指标", "2020年", "2025年", "属性"],
        ["跨境电商交易额（亿元）", "35", "90", "预期性"],
    )
    # a sentence with a verb between the year and its figure is no box row
    assert box_row_cells("主要目标：2025年跨境电商交易额达到90亿元，预期性。") is None
    # one figure and no attribute is a sentence's shape
    assert box_row_cells("合同金额：2020年5亿元。") is None
    # a date before the colon is no indicator's name
    assert box_row_cells("2020年：35，2025年：90，预期性。") is None
    # a lead word before the colon says the figures are of several things
    assert box_row_cells("主要目标：2025年12%，2030年15%。") is None
    assert box_row_cells("完成情况：2023年35，2024年40，预期性。") is None
    # no attribute, no list lead, no unit in brackets: a sentence's shape
    assert box_row_cells("5G基站：2020年0.8万个，2025年3.5万个。") is None
    assert box_row_cells("——5G基站：2020年0.8万个，2025年3.5万个。") is not None
    # a bare figure is a row's one figure only: beside a dated one its column is unsaid
    assert box_row_cells("——城镇新增就业（万人）：30，2025年40，预期性。") is None
    # a second figure that is not a cell of the row
    assert box_row_cells("——交易额（亿元）：2020年35，较上年增加较多，预期性。") is None


# --- a time limit cut to a level in months ------------------------------------------------

_REPORT = "江州县人民政府工作报告\n\n一、2023年工作回顾\n\n"
_REPORT_NAME = "county_jiangzhou_2024_gwr.txt"


def test_a_time_limit_cut_to_a_number_of_months_is_a_level_in_months(extract):
    text = _REPORT + (
        "营商环境持续改善，工业项目审批周期缩短至4个月，住宅用地去化周期压缩到十八个月以内。\n"
    )
    got = _by_value(extract(text, _REPORT_NAME))
    assert (got[4].indicator, got[4].unit, got[4].kind) == (
        "工业项目审批周期",
        "个月",
        "achievement",
    )
    assert (got[18].indicator, got[18].unit, got[18].qualifier) == (
        "住宅用地去化周期",
        "个月",
        "以内",
    )


def test_months_that_are_no_cut_level_stay_no_figure(extract):
    text = _REPORT + "用3个月时间开展安全生产大排查，连续6个月保持零事故，整改期缩短了2个月。\n"
    assert {r.value for r in extract(text, _REPORT_NAME)} == set()


# --- one figure for each of several owners (各) --------------------------------------------

_PLAN = "江州市先进制造业集群培育行动方案（2023—2025年）\n\n一、主要目标\n\n"
_PLAN_NAME = "city_jiangzhou_2023_action-plan.txt"


def test_each_owner_listed_before_ge_gets_the_figure_of_the_thing_after_the_verb(extract):
    text = _PLAN + "到2025年，光伏、储能、氢能三个产业链各引进链主企业6家。\n"
    records = extract(text, _PLAN_NAME)
    assert sorted(r.indicator for r in records) == [
        "储能产业链链主企业",
        "光伏产业链链主企业",
        "氢能产业链链主企业",
    ]
    assert {(r.value, r.unit, r.change) for r in records} == {(6, "家", "引进")}


def test_owners_said_in_full_each_get_the_figure(extract):
    text = _PLAN + "到2025年，江州大学、江州医科大学各新增省级重点实验室3个。\n"
    got = sorted(r.indicator for r in extract(text, _PLAN_NAME))
    assert got == ["江州医科大学省级重点实验室", "江州大学省级重点实验室"]


def test_places_before_ge_and_things_before_ge_keep_their_readings(extract):
    text = _PLAN + (
        "江北区、江南区各新增口袋公园8个。\n争创省级先进制造业集群、特色产业基地各2个。\n"
    )
    records = extract(text, _PLAN_NAME)
    by_value: dict[float | None, set[str]] = {}
    for r in records:
        by_value.setdefault(r.value, set()).add(r.indicator)
    # the places are regions, not names: the thing is what is counted
    assert by_value[8] == {"口袋公园"}
    # things listed before 各 are each counted (the form the gold already reads)
    assert by_value[2] == {"省级先进制造业集群", "省级特色产业基地"}


def test_owners_listed_before_fenbie_count_the_thing_after_the_verb(extract):
    text = _PLAN + "到2025年，集成电路、工业软件两个产业链分别引进链主企业5家、3家。\n"
    got = {r.value: r.indicator for r in extract(text, _PLAN_NAME)}
    assert got == {5: "集成电路产业链链主企业", 3: "工业软件产业链链主企业"}
