"""A searcher the engine lets go (an index swapped in) is freed at once, not whenever
the cyclic garbage collector runs: its helpers (the facets' passages, the window's
reordering) reach back to it without holding it, so an old index's memos and maps do
not linger beside the new one's."""

from __future__ import annotations

import gc
import weakref

from tests.conftest import engine_over

REPORT = "烟台市2024年政府工作报告\n地区生产总值增长5.5%左右。\n城镇新增就业10万人。\n"


def test_a_searcher_let_go_is_freed_without_the_cycle_collector(tmp_path) -> None:
    engine = engine_over(tmp_path, {"yantai.txt": REPORT})
    # region, year and a target question: the facets and the window are both made
    assert engine.search("烟台 2024 GDP 增长目标").hits
    searcher = engine._searcher
    assert "_facets" in vars(searcher) and "_window" in vars(searcher)
    freed = weakref.ref(searcher)
    del searcher
    gc.collect()
    gc.disable()
    try:
        engine._searcher = None
        assert freed() is None
    finally:
        gc.enable()


def test_a_searcher_that_corrected_a_query_is_freed_without_the_cycle_collector(tmp_path):
    # the corrector reaches back to the searcher (its phrase checks, known terms, memo)
    # and the hits keep the scans: neither holds the searcher
    engine = engine_over(tmp_path, {"yantai.txt": REPORT})
    engine.search("城镇新增就叶")
    searcher = engine._searcher
    assert "_corrector" in vars(searcher) and "_hits" in vars(searcher)
    freed = weakref.ref(searcher)
    del searcher
    gc.collect()
    gc.disable()
    try:
        engine._searcher = None
        assert freed() is None
    finally:
        gc.enable()
