"""Naming shapes the round-12 probe set showed and another probe set shows too (issue 11):
the act by which a poor county or village leaves the list, written after its count
(``9个贫困县脱贫摘帽``, ``220个贫困村出列``), is an act, never part of the name. Every
sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_REPORT = "江州市人民政府工作报告\n\n一、2025年工作回顾\n\n"
_NAME = "city_jiangzhou_2026_gwr.txt"


def test_a_county_leaving_poverty_after_its_count_is_no_part_of_its_name(extract):
    text = _REPORT + "全年共有9个贫困县脱贫摘帽，减少农村贫困人口5.2万人。\n"
    got = _names(extract(text, _NAME))
    assert got[9] == "贫困县"  # not 贫困县脱贫


def test_a_village_leaving_the_list_after_its_count_is_no_part_of_its_name(extract):
    text = _REPORT + "全年220个贫困村出列，新改建农村公路380公里。\n"
    got = _names(extract(text, _NAME))
    assert got[220] == "贫困村"  # not 贫困村出列
    assert got[380] == "农村公路"


def test_the_acts_in_a_list_of_counts_each_leave_the_name(extract):
    text = _REPORT + "五年来累计136个贫困村出列、7个贫困县脱贫摘帽。\n"
    got = _names(extract(text, _NAME))
    assert got[136] == "贫困村"
    assert got[7] == "贫困县"


def test_leaving_the_list_as_a_plan_is_a_target_with_the_same_name(extract):
    text = "江州市人民政府工作报告\n\n二、2026年重点工作\n\n确保剩余的15个贫困村全部出列。\n"
    (record,) = [r for r in extract(text, _NAME) if r.value == 15]
    assert (record.indicator, record.kind) == ("贫困村", "target")
