"""Owners and wholes (naming-wholes): things added, parts named with their whole, on
invented sentences."""

from __future__ import annotations

from bot.targets.records import CONFIDENT, TargetRecord

REPORT = "江州市政府工作报告\n一、2024年工作回顾\n"


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


def shown(records: list[TargetRecord]) -> dict[tuple[float | None, str], bool]:
    return {(r.value, r.unit): r.confidence >= CONFIDENT for r in records}


def test_generic_things_after_a_verb_of_adding_are_named_by_it_not_by_the_figure_before(
    extract,
):
    text = "完成税收收入8.6亿元，新引进企业120家，签约项目35个。"
    records = extract(REPORT + text + "\n")
    got = names(records)
    assert got[(120, "家")] == "新引进企业"  # was 税收企业: the taxes are not theirs
    assert got[(35, "个")] == "签约项目"
    assert shown(records)[(120, "家")]  # a name bulletins and reports use: shown
    got = names(extract(REPORT + "年末规模以上工业企业2100家，新增企业86家。\n"))
    assert got[(86, "家")] == "新增企业"  # never 规模以上工业企业企业
    # another verb is no adding: the figure before's subject still qualifies the things
    got = names(extract(REPORT + "完成工业产值19.5亿元，关停企业20家。\n"))
    assert got[(20, "家")] != "新增企业"
