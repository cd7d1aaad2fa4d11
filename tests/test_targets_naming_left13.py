"""What the verb-clause work left in names (issue 11, ``naming-left13``): measure words of
things in table cells, acts the dictionary does not tag as plain verbs, and ``新`` before a
verb. Every sentence and table here is invented for the test; none is a probe's or a
corpus document's."""

from __future__ import annotations

import pytest

from bot.targets.numbers.units import _UNIT_TABLE, THING_CLASSIFIERS
from bot.targets.tables.cells import parse_cell

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
