"""Rules found on the round-28 probe set (issue 11, ``tests/data/probes/round28/``): sector
texts a fourth time (a health services plan, an urban renewal plan, a ministry's opinion on
digital government, foreign trade measures, a talent policy, a carbon peak plan). Every
sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_PLAN = "某市养老服务提升行动方案（2024—2026年）\n一、工作基础\n"
_PLAN_NAME = "city_mou_2024_elderly-care-action-plan.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- a plan's sentence or paragraph that opens with a year already over is its base ----------


def test_a_plan_paragraph_opening_with_an_ended_year_reports_its_base(extract):
    text = (
        _PLAN + "2023年，全市养老机构床位达到2.6万张，护理型床位占比为58%。"
        "全市建成社区养老服务站410个。\n"
        "2021—2023年，全市累计改造适老化住房3200户。\n"
        "二、主要目标\n到2026年，全市养老机构床位达到3万张，护理型床位占比达到65%。\n"
    )
    got = _by_value(extract(text, _PLAN_NAME))
    assert [got[v].kind for v in (2.6, 58, 410, 3200)] == ["achievement"] * 4
    assert (got[3].kind, got[65].kind) == ("target", "target")


def test_an_ended_year_after_the_goal_sentence_and_a_schedule(extract):
    text = (
        "某省促进会展经济发展若干措施\n七、资金保障。2024年省级财政安排会展专项资金2亿元。\n八、工作目标。2024年，全省举办展会面积达到900万平方米，"
        "增长8%。2023年，全省举办展会面积830万平方米，增长12.5%。\n"
        "九、年度安排。2023年，全省新建展馆2个，2026年达到10个。\n"
    )
    got = _by_value(extract(text, "province_mou_2024_exhibition-measures.txt"))
    assert (got[900].kind, got[8].kind) == ("target", "target")
    assert (got[830].kind, got[12.5].kind) == ("achievement", "achievement")
    # a paragraph that goes on to a later year is a schedule, not a base
    assert got[10].kind == "target"
