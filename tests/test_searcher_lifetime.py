"""A searcher the engine lets go (an index swapped in) is freed at once, not whenever
the cyclic garbage collector runs: its helpers (the facets' passages, the window's
reordering, the corrector, the hits) reach back to it without holding it, so an old
index's memos and maps do not linger beside the new one's."""

from __future__ import annotations

import gc
import weakref

import pytest

from tests.conftest import engine_over

REPORT = "烟台市2024年政府工作报告\n地区生产总值增长5.5%左右。\n城镇新增就业10万人。\n"


@pytest.mark.parametrize(
    ("query", "helpers"),
    [
        # region, year and a target question: the facets and the window are both made
        ("烟台 2024 GDP 增长目标", ("_facets", "_window")),
        # a typo: the corrector reaches back to the searcher (its phrase checks, known
        # terms, memo) and the hits keep the scans
        ("城镇新增就叶", ("_corrector", "_hits")),
    ],
)
def test_a_searcher_let_go_is_freed_without_the_cycle_collector(
    tmp_path, query: str, helpers: tuple[str, ...]
) -> None:
    engine = engine_over(tmp_path, {"yantai.txt": REPORT})
    assert engine.search(query).hits
    searcher = engine._searcher
    assert all(name in vars(searcher) for name in helpers)
    freed = weakref.ref(searcher)
    del searcher
    gc.collect()
    gc.disable()
    try:
        engine._searcher = None
        assert freed() is None
    finally:
        gc.enable()
