"""Budget and plan reports, the reports delivered beside the work report at a people's
congress, are document types of their own: typed from their titles, asked for by name in
a query, dated and read as a work report is (invented texts)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.meta import TYPES
from bot.search.understand import understand
from briefbot.cli import app
from tests.conftest import engine_over


def facets(query: str):
    return understand(query, gazetteer=default_gazetteer(), known_regions={"江州"})


def test_the_two_types_sit_beside_the_work_report() -> None:
    assert TYPES.index("预算报告") == TYPES.index("政府工作报告") + 1
    assert TYPES.index("计划报告") == TYPES.index("预算报告") + 1


@pytest.mark.parametrize(
    ("query", "doc_type", "rest"),
    [
        ("预算报告 民生支出", "预算报告", "民生支出"),
        ("2026年 预算草案 债务", "预算报告", "债务"),
        ("预算执行情况 教育支出", "预算报告", "教育支出"),
        ("决算报告 三公经费", "预算报告", "三公经费"),
        ("计划报告 固定资产投资", "计划报告", "固定资产投资"),
        ("计划执行情况 社会消费品零售总额", "计划报告", "社会消费品零售总额"),
        ("计划草案 重大项目", "计划报告", "重大项目"),
        # a bare 预算 or 计划 is a topic, no type
        ("预算绩效管理", None, "预算绩效管理"),
        ("零基预算 改革", None, "零基预算 改革"),
        ("生育计划 服务", None, "生育计划 服务"),
        # a sector's own action plan carried out: the action plan, not the plan report
        ("行动计划执行情况", "实施意见/行动方案", "执行情况"),
    ],
)
def test_a_query_names_a_budget_or_plan_report(query: str, doc_type: str | None, rest: str):
    got = facets(query)
    assert got.facets.doc_type == doc_type
    assert got.rest == rest


_PLAN_REPORT = (
    "关于江州市2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划草案的报告\n\n"
    "——2026年1月16日在江州市第十届人民代表大会第五次会议上\n\n"
    "江州市发展和改革委员会\n\n"
    "各位代表：\n\n"
    "一、2025年计划执行情况\n\n"
    "预计全年地区生产总值增长5.3%，规模以上工业增加值增长6.1%。\n\n"
    "二、主要预期目标\n\n"
    "地区生产总值增长5%左右，城镇调查失业率控制在5.5%以内。\n"
)


def test_a_plan_reports_goals_are_of_its_own_year_as_a_work_reports(extract) -> None:
    got = {(r.indicator, r.value): (r.kind, r.year) for r in extract(_PLAN_REPORT, "plan.txt")}
    assert got[("地区生产总值", 5.3)] == ("estimate", "2025")
    # the goals section names no year: the report's own, as a work report's would be
    assert got[("地区生产总值", 5.0)] == ("target", "2026")
    assert got[("城镇调查失业率", 5.5)] == ("target", "2026")


_DOCS = {
    "jiangzhou_budget.txt": (
        "关于江州市2025年预算执行情况和2026年预算草案的报告\n\n"
        "——2026年1月15日在江州市第十届人民代表大会第五次会议上\n\n"
        "江州市财政局\n\n各位代表：\n\n"
        "一、2025年预算执行情况\n\n全市一般公共预算收入312亿元，民生支出占比78%。\n\n"
        "二、2026年预算草案\n\n全市一般公共预算收入安排325亿元，民生支出占比保持在75%以上。\n"
    ),
    "jiangzhou_gwr.txt": (
        "2026年江州市政府工作报告\n\n——2026年1月14日在江州市第十届人民代表大会第五次会议上\n\n"
        "江州市市长 张三\n\n各位代表：\n\n"
        "2025年，全市民生支出占比超过七成，一般公共预算收入稳步增长。\n\n"
        "2026年，坚持民生支出优先，一般公共预算收入增长3%。\n"
    ),
}


def test_a_query_for_the_budget_report_finds_it_first(tmp_path) -> None:
    engine = engine_over(tmp_path, _DOCS)
    resp = engine.search("江州 预算报告 民生支出", page_size=5)
    assert resp.understood is not None and resp.understood.doc_type == "预算报告"
    assert resp.hits[0].filename == "jiangzhou_budget.txt"
    docs = {d.filename: d for d in engine.documents()}
    assert (docs["jiangzhou_budget.txt"].doc_type, docs["jiangzhou_budget.txt"].year) == (
        "预算报告",
        2026,
    )


def test_docs_json_gives_the_budget_and_plan_reports_their_types(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "budget.txt").write_text(_DOCS["jiangzhou_budget.txt"], encoding="utf-8")
    (corpus / "plan.txt").write_text(_PLAN_REPORT, encoding="utf-8")
    (corpus / "speech.txt").write_text(
        "在江州市2026年预算编制工作会议上的讲话\n\n同志们：\n\n今年全市一般公共预算收入增长3%。\n",
        encoding="utf-8",
    )
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]
    result = CliRunner().invoke(app, [*base, "docs", "--json"])
    assert result.exit_code == 0, result.output
    got = {d["doc"]: (d["type"], d["year"]) for d in json.loads(result.stdout)}
    assert got == {
        "budget.txt": ("预算报告", 2026),
        "plan.txt": ("计划报告", 2026),
        "speech.txt": ("讲话", 2026),
    }


def test_every_type_has_a_name_in_each_language() -> None:
    from bot.corpus.meta import TYPE_KEYS, type_label

    assert set(TYPE_KEYS) == set(TYPES)
    assert type_label("预算报告", "zh") == "预算报告"
    names = {type_label(t, "en") for t in TYPES}
    assert len(names) == len(TYPES) and not any("报" in n for n in names)
