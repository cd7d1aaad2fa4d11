"""A quoted term with a symbol (“互联网+”, “3+N”, issue 13) is searched as typed, symbols
and all, where a passage writes it so, else as its words: never nothing when the words
are found. Invented texts only."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over

DOCS = {
    "plan.txt": (
        "数字经济发展规划\n某省人民政府\n"
        "一、总体要求\n制定“互联网+”行动计划，推动移动互联网、云计算与现代制造业结合。\n"
        "构建“2+5+N”产业体系，壮大先进制造业集群。\n"
        "二、重点任务\n加快工业互联网平台建设，提升互联网普及率和网络服务质量。\n"
        "推进互联网医院建设，发展远程医疗和互联网诊疗服务。\n"
    ),
    "report.txt": (
        "某市政府工作报告\n某市人民政府\n"
        "互联网企业营业收入持续增长，互联网用户规模不断扩大。\n"
        "实施“1+N”政策体系，完善产业扶持政策。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("quoted-symbols"), DOCS)


@pytest.mark.parametrize("query", ["“互联网+”", '"互联网+"', "“互联网+”行动计划"])
def test_a_quoted_term_with_a_symbol_finds_the_lines_writing_it(engine, query):
    resp = engine.search(query, page_size=3)
    assert resp.hits, query
    assert "“互联网+”行动计划" in resp.hits[0].text


def test_a_quoted_term_with_a_symbol_matches_it_as_typed(engine):
    resp = engine.search("“2+5+N”", page_size=5)
    assert [h.text for h in resp.hits] == ["构建“2+5+N”产业体系，壮大先进制造业集群。"]


def test_a_quoted_term_no_line_writes_is_searched_as_its_words(engine):
    # nobody writes 互联网+医院, but both words are found: never an empty reply
    resp = engine.search("“互联网+医院”", page_size=3)
    assert resp.hits
    assert "互联网医院" in resp.hits[0].text
