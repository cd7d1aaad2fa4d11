"""``/changes`` and the digest's lead lines read every document type that states a
region's targets (:func:`bot.corpus.meta.states_targets`), not work reports only: a
plan outline against the plan before it, a plan report against last year's, on small
invented corpora (metadata set by sidecars, so the type is the one under test)."""

from __future__ import annotations

import pytest

from bot.analytics.changes import own_targets
from bot.analytics.linking import Sourced
from bot.corpus.meta import TYPES, states_targets
from tests.conftest import engine_over
from tests.test_analytics_linking import info, rec


def _doc(name: str, title: str, year: int, doc_type: str, body: str, region: str = "江西"):
    sidecar = f'title = "{title}"\nregion = "{region}"\nyear = {year}\ntype = "{doc_type}"\n'
    return {name: f"{title}\n\n{body}\n", f"{name}.meta.toml": sidecar}


def _goals(year: int, gdp: str, jobless: str = "5.5%左右") -> str:
    return (
        f"二、{year}年主要目标\n\n{year}年全省经济社会发展的主要预期目标是："
        f"地区生产总值增长{gdp}，城镇调查失业率{jobless}。"
    )


PLANS = {
    **_doc("p13.txt", "某省第十三个五年规划纲要", 2016, "规划纲要",
           "一、主要目标\n\n到2020年，全省地区生产总值年均增长8.5%左右。"),
    **_doc("p14.txt", "某省第十四个五年规划纲要", 2021, "规划纲要",
           "一、主要目标\n\n到2025年，全省地区生产总值年均增长7%左右。"),
    **_doc("r25.txt", "某省2025年计划报告", 2025, "计划报告", _goals(2025, "5.5%左右")),
    **_doc("r26.txt", "某省2026年计划报告", 2026, "计划报告",
           "一、2025年计划执行情况\n\n2025年全省地区生产总值增长5.1%。\n\n"
           + _goals(2026, "5%左右")),
    # a bulletin of the latest year states results, no targets: never the report read
    **_doc("b26.txt", "某省2026年国民经济和社会发展统计公报", 2026, "统计公报",
           "全年全省地区生产总值增长5.2%。"),
}  # fmt: skip


def test_the_types_that_state_targets():
    stating = {t for t in TYPES if states_targets(t)}
    assert stating == {"政府工作报告", "计划报告", "预算报告", "党代会报告", "规划纲要"}
    assert not states_targets(None) and not states_targets("统计公报")


def test_a_plans_own_targets_are_those_of_its_horizon():
    plan = info("plan", 2021)
    goals = [
        Sourced(plan, rec("地区生产总值", 7, qualifier="左右", year="2021-2025")),
        Sourced(plan, rec("城镇调查失业率", 5.5, change="", year="2025")),
        Sourced(plan, rec("人均预期寿命", 79, change="", year="2035")),
        Sourced(plan, rec("地区生产总值", 8.0, kind="achievement", year="2016-2020")),
    ]
    assert [s.record.year for s in own_targets(goals, 2021)] == ["2021-2025", "2025"]
    # a report with targets of its own year keeps only them
    goals.append(Sourced(plan, rec("新增城镇就业", 40, unit="万人", year="2021")))
    assert [s.record.year for s in own_targets(goals, 2021)] == ["2021"]


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("plans"), PLANS)


def test_changes_compare_a_plan_report_with_last_years(plans):
    found = plans.report_changes("江西")
    assert (found.current.filename, found.previous.filename) == ("r26.txt", "r25.txt")
    assert ("lowered", "地区生产总值") in [(c.kind, c.indicator) for c in found.targets]


def test_changes_compare_a_plan_outline_with_the_plan_before(plans):
    found = plans.report_changes("江西", year=2021)
    assert (found.current.filename, found.previous.filename) == ("p14.txt", "p13.txt")
    assert ("lowered", "地区生产总值") in [(c.kind, c.indicator) for c in found.targets]


def test_a_new_plan_report_leads_the_digest(plans):
    leads = [line.text for line in plans.digest("GDP", since=0.0).lines if line.kind == "lead"]
    assert leads[0] == "📌 江西 2026年 地区生产总值目标 5%左右（2025年目标 5.5%左右，实际 5.1%）"
    assert not any("2021年" in lead or "2016年" in lead for lead in leads)  # plans: no year's


def test_a_work_report_and_plan_report_of_a_year_lead_once(tmp_path):
    docs = {
        **_doc("r26.txt", "某省2026年计划报告", 2026, "计划报告", _goals(2026, "5%左右")),
        **_doc("w26.txt", "某省2026年政府工作报告", 2026, "政府工作报告", _goals(2026, "5%左右")),
    }
    engine = engine_over(tmp_path, docs)
    leads = [line.text for line in engine.digest("GDP", since=0.0).lines if line.kind == "lead"]
    assert leads == ["📌 江西 2026年 地区生产总值目标 5%左右"]
    changes = engine.report_changes("江西")
    assert changes.current.filename == "w26.txt"  # of a year's, the work report is read
