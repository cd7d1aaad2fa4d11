"""Naming rules for work reports, congress reports and speeches (issue 11), each tested
on invented sentences written the way such documents are written."""

from __future__ import annotations

from bot.targets import TargetRecord


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


REPORT = "江州市政府工作报告\n一、2024年工作回顾\n"


def test_things_entered_in_a_list_are_named_by_the_list(extract):
    got = names(extract(REPORT + "列入市重点的86个项目完成投资310亿元。\n"))
    assert got[(86, "个")] == "市重点项目"
    assert got[(310, "亿元")] == "市重点项目完成投资"
    got = names(extract(REPORT + "全年纳入省级统筹的52个项目全部开工。\n"))
    assert got[(52, "个")] == "省级统筹项目"
    got = names(extract(REPORT + "列入全区重点建设计划的37个项目全部开工。\n"))
    assert got[(37, "个")] == "区重点建设项目"


def test_a_noun_that_says_what_the_things_are_names_them_alone(extract):
    got = names(extract(REPORT + "纳入国家12项重大工程的85个计划新开工项目全部开工。\n"))
    assert got[(85, "个")] == "计划新开工项目"
    assert got[(12, "项")] == "重大工程"
    got = names(extract(REPORT + "纳入市级重点建设计划的41个续建项目完成投资96亿元。\n"))
    assert got[(41, "个")] == "续建项目"
    assert got[(96, "亿元")] == "续建项目完成投资"
