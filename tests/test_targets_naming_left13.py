"""What the verb-clause work left in names (issue 11, ``naming-left13``): measure words of
things in table cells, acts the dictionary does not tag as plain verbs, and ``新`` before a
verb. Every sentence and table here is invented for the test; none is a probe's or a
corpus document's."""

from __future__ import annotations

import pytest

from bot.targets.numbers.units import _UNIT_TABLE, THING_CLASSIFIERS
from bot.targets.tables.cells import parse_cell
from tests.probes import changes_by_value as _changes
from tests.probes import names_by_value as _names

_REPORT = "石泉县人民政府工作报告\n\n一、2023年工作回顾\n\n"
_NAME = "county_shiquan_2024_gwr.txt"


@pytest.mark.parametrize("unit", THING_CLASSIFIERS)
def test_a_cell_counts_things_in_every_measure_word_prose_reads(unit):
    assert unit in _UNIT_TABLE
    cell = parse_cell(f"48{unit}")
    assert cell is not None
    assert (cell.value, cell.unit) == (48, unit)


def test_a_table_row_counted_in_wells_and_lamps_is_read(extract):
    text = (
        _REPORT
        + "主要工程完成情况如下：\n"
        + "项目\t2023年完成\t2024年计划\n"
        + "灌溉机井\t52眼\t60眼\n"
        + "路灯\t900盏\t1200盏\n"
    )
    records = extract(text, _NAME)
    got = {(r.value, r.unit): r.indicator for r in records}
    assert got[(52, "眼")] == "灌溉机井"
    assert got[(60, "眼")] == "灌溉机井"
    assert got[(1200, "盏")] == "路灯"


def test_an_act_the_dictionary_calls_a_noun_among_listed_acts(extract):
    # 硬化 is tagged n: in the place of an act, among acts counting things, it is one
    text = _REPORT + "新建文化广场12个，硬化入户道路36公里。\n"
    records = extract(text, _NAME)
    assert _names(records)[36] == "入户道路"
    assert _changes(records)[36] == "硬化"


def test_a_noun_and_a_verb_after_it_are_the_act(extract):
    # 除险 (n) 加固 (v): the two words are the act, the ponds the things
    text = _REPORT + "新建拦河坝4座，除险加固山坪塘15座。\n"
    records = extract(text, _NAME)
    assert _names(records)[15] == "山坪塘"
    assert _changes(records)[15] == "除险加固"


def test_a_noun_after_its_whole_is_a_part_not_an_act(extract):
    text = _REPORT + "改造老旧小区30个，其中，历史街区院落8个。\n"
    assert _names(extract(text, _NAME))[8] != "街区院落"


def test_a_stock_beside_its_rate_keeps_its_first_word(extract):
    # 下降3.1% is how the statistic moved, not an act listed beside it
    text = _REPORT + "农用运输车1.2万辆，下降3.1%。\n"
    assert _names(extract(text, _NAME))[1.2] == "农用运输车"


def test_new_and_a_verb_among_listed_acts_is_the_act(extract):
    # 发展 is a verbal noun (vn), 新 before it says things were added
    text = _REPORT + "新建冷库8座，新发展茶叶基地2万亩。\n"
    records = extract(text, _NAME)
    assert _names(records)[2] == "茶叶基地"
    assert _changes(records)[2] == "新发展"


def test_a_bulletins_new_registrations_keep_their_verb(extract):
    text = (
        "石泉县2023年国民经济和社会发展统计公报\n\n"
        + "全年新登记企业860户，增长5.2%；新登记个体工商户2300户，增长4.1%。\n"
    )
    assert (
        _names(extract(text, "county_shiquan_2023_stat-bulletin.txt"))[2300] == "新登记个体工商户"
    )


def test_a_free_check_given_is_what_the_people_counted_got(extract):
    # 体检 is tagged a verb: a check given for them still names them
    text = _REPORT + "为2400名在校学生提供免费眼科体检。\n"
    assert _names(extract(text, _NAME))[2400] == "获免费眼科体检的在校学生"


def test_people_counted_after_what_was_done_for_them(extract):
    text = (
        _REPORT + "新建村卫生室9个，为留守儿童提供免费午餐5600人；为80岁以上老人免费体检3100人。\n"
    )
    got = _names(extract(text, _NAME))
    assert got[5600] == "获免费午餐的留守儿童"
    assert got[3100] == "获免费体检的80岁以上老人"


def test_people_a_loan_supported_are_named_by_the_loan(extract):
    text = _REPORT + "发放创业担保贷款2.6亿元，支持返乡创业人员900人。\n"
    assert _names(extract(text, _NAME))[900] == "创业担保贷款支持返乡创业人员"


def test_people_a_workshop_took_on_are_named_by_the_workshop(extract):
    text = _REPORT + "建成就业帮扶车间18个，吸纳脱贫群众就业640人。\n"
    assert _names(extract(text, _NAME))[640] == "就业帮扶车间吸纳脱贫群众就业"


def test_people_a_service_covers_are_not_all_of_them(extract):
    # 贫困人口 is the table's 农村贫困人口: the service reached 3100 of them, not all
    text = _REPORT + "乡村医生巡诊服务覆盖贫困人口3100人。\n"
    assert _names(extract(text, _NAME))[3100] == "乡村医生巡诊服务覆盖贫困人口"


def test_new_and_a_verb_before_households_then_people(extract):
    # 120户430人: the households, then the people of the same things; both are 监测对象
    text = _REPORT + "新建扶贫车间8个，新识别监测对象120户430人。\n"
    got = _names(extract(text, _NAME))
    assert got[120] == "监测对象"
    assert got[430] == "监测对象"
