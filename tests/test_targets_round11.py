"""Naming shapes the round-11 probe set showed and the dev split shows too (issue 11): a
measure said bare after a figure of its owner's (a crop's yield per mu after its output,
what a unit of output uses after its energy), and a rate of coverage said bare after the
clause that builds what covers. Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_REPORT = "江州市人民政府工作报告\n\n一、2025年工作回顾\n\n"
_NAME = "city_jiangzhou_2026_gwr.txt"
_PLAN = "江州市公共服务发展规划\n\n二、主要任务\n\n"
_PLAN_NAME = "city_jiangzhou_2025_public-services-plan.txt"


# --- a measure said bare after a figure of its owner's ----------------------------------------


def test_a_per_unit_measure_after_the_units_energy_is_the_units(extract):
    text = _REPORT + "单位地区生产总值能耗下降3.2%，水耗下降5.1%。\n"
    got = _names(extract(text, _NAME))
    assert got[3.2] == "单位地区生产总值能耗"
    assert got[5.1] == "单位地区生产总值水耗"


def test_a_yield_per_mu_after_the_crops_output_is_the_crops(extract):
    text = _REPORT + "全市粮食产量首次跨上120万吨台阶、亩产提高8.5公斤。\n"
    got = _names(extract(text, _NAME))
    assert got[120] == "粮食产量"
    assert got[8.5] == "粮食亩产"  # not 台阶、亩产: the words before 、 end the level


def test_a_per_unit_measure_without_an_owner_before_stays_bare(extract):
    # nothing measured before it: no owner to give it
    text = _REPORT + "全市新建学校12所，水耗下降5.1%。\n"
    got = _names(extract(text, _NAME))
    assert got[5.1] != "学校水耗"


# --- a bare rate of coverage after the clause that builds what covers --------------------------


def test_a_bare_coverage_rate_is_what_the_clause_before_builds(extract):
    text = _PLAN + "推进乡镇综合文化站、村级文化室标准化建设，到2027年覆盖率达到95%以上。\n"
    got = _names(extract(text, _PLAN_NAME))
    assert got[95] == "乡镇综合文化站村级文化室覆盖率"


def test_places_counted_keep_their_class_before_what_covers_them(extract):
    text = _PLAN + "实现农村生活污水治理设施行政村全覆盖，20户以上自然村覆盖率达到80%。\n"
    got = _names(extract(text, _PLAN_NAME))
    assert got[80] == "20户以上自然村农村生活污水治理设施覆盖率"


def test_a_coverage_rate_with_its_own_thing_keeps_its_name(extract):
    text = _PLAN + "推进县域医共体建设，全市森林覆盖率达到45%。\n"
    got = _names(extract(text, _PLAN_NAME))
    assert got[45] == "森林覆盖率"
