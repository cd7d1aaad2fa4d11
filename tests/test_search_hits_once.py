"""A query works out each concept's hits once (``Searcher._hits_once``): the compound
check (``_apart_where_asked``) and the ranking read the same hits, with the same answer
as when every reader works them out again."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search import apart
from bot.search.hits import Hits
from bot.search.searcher import Searcher
from tests.conftest import engine_over

# invented: an open-economy plan that writes 招商引资 apart (招商…引资), a park plan that
# writes it whole, and a farm plan; the other words of the queries in some of them
DOCS = {
    "open.txt": (
        "甲县开放型经济方案\n一、优化营商环境\n"
        "持续优化营商环境，开展产业链招商，多渠道引资，提升园区承载能力。\n"
        "二、稳外贸\n支持企业开拓国际市场，扩大农产品出口。\n"
    ),
    "park.txt": (
        "乙县园区建设规划\n一、园区招商\n加大招商引资力度，提升园区承载能力，完善配套设施。\n"
    ),
    "farm.txt": (
        "丙县农业方案\n一、节能减排\n推广节能减排技术，建设高标准农田，扩大农产品出口。\n"
    ),
}
QUERIES = ["营商环境 招商引资", "营商环境 招商引资 农产品出口", "营商环境 园区承载 招商引资"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("hits_once"), DOCS)


def _ranked(searcher: Searcher, query: str) -> tuple[list[int], list[float], int]:
    r = searcher.rank(query, page_size=10)
    return r.pids.tolist(), r.scores.tolist(), r.total


@pytest.mark.parametrize("query", QUERIES)
def test_each_concept_s_hits_are_worked_out_once_a_query(engine, monkeypatch, query):
    searcher = engine.searcher
    asked: list[int] = []
    plain = Hits.concept_hits

    def counted(self, concept):
        asked.append(id(concept))
        return plain(self, concept)

    monkeypatch.setattr(Hits, "concept_hits", counted)
    searcher.clear_memo()
    searcher.rank(query, page_size=10)
    assert asked, query
    assert len(asked) == len(set(asked)), query


def _every_time(searcher: Searcher, wholes: bool):
    """The hits as each reader worked them out before they were kept for the query: the
    index's, with a share's wholes lowered when asked (``Searcher._as_wholes``)."""

    def hits_of(concept):
        got = searcher._hits.concept_hits(concept)
        return searcher._as_wholes(concept, got) if wholes else got

    return hits_of


@pytest.mark.parametrize("query", QUERIES)
def test_the_hits_worked_out_once_rank_as_hits_worked_out_for_every_reader(
    engine, monkeypatch, query
):
    searcher = engine.searcher
    searcher.clear_memo()
    once = _ranked(searcher, query)
    # every reader asks the hits again, as before they were kept for the query
    monkeypatch.setattr(
        Searcher, "_hits_once", lambda self, wholes=False: _every_time(self, wholes)
    )
    searcher.clear_memo()
    again = _ranked(searcher, query)
    assert once == again
    assert once[0], query
    page = engine.search(query, page_size=10)
    monkeypatch.undo()
    assert [h.text for h in engine.search(query, page_size=10).hits] == [h.text for h in page.hits]


def test_a_compound_the_pointed_to_plan_writes_apart_is_still_found_there(engine):
    # 营商环境 points to the open-economy plan alone, which writes 招商引资 apart
    # (产业链招商，多渠道引资): its line is first, before the park plan's holding it whole
    texts = [h.text for h in engine.search("营商环境 招商引资", page_size=5).hits]
    assert texts and texts[0].startswith("持续优化营商环境"), texts
    # where a document pointed to holds it whole (园区承载: the park plan too), the whole
    # compound's line is first
    texts = [h.text for h in engine.search("园区承载 招商引资", page_size=5).hits]
    assert texts and texts[0].startswith("加大招商引资"), texts


def test_the_documents_of_passages_are_those_holding_one_of_them():
    p_doc = np.array([0, 0, 1, 1, 1, 3, 3], dtype=np.uint32)  # document 2 has none
    docs = apart.documents_of(np.array([1, 0, 6], dtype=np.uint32), p_doc, 5)
    assert docs.dtype == bool and docs.tolist() == [True, False, False, True, False]
    assert apart.documents_of(np.array([4], dtype=np.int64), p_doc, 5).tolist() == [
        False,
        True,
        False,
        False,
        False,
    ]
    assert not apart.documents_of(np.zeros(0, dtype=np.int64), p_doc, 5).any()
