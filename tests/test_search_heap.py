"""The index build's memory helpers: they change no byte the build writes."""

from __future__ import annotations

import numpy as np

from bot.search import heap
from bot.search.index import _compact_layout


def test_release_runs_and_can_be_called_often() -> None:
    big = np.ones(8_000_000, dtype=np.uint64)  # a partition's keys, freed
    del big
    for _ in range(3):
        heap.release()


def test_compact_layout_keeps_the_rows() -> None:
    meta = {"passages": [[0, 12, 0], [12, 30, 1], [42, 7, 1]], "sections": [["a"], ["b"]]}
    out = _compact_layout(meta)
    assert out["passages"].dtype == np.int64
    assert out["passages"].shape == (3, 3)
    assert out["passages"].tolist() == [[0, 12, 0], [12, 30, 1], [42, 7, 1]]
    assert len(out["passages"]) == 3  # what compile_index counts as the passages


def test_compact_layout_of_a_document_without_passages() -> None:
    out = _compact_layout({"passages": [], "sections": []})
    assert out["passages"].shape == (0, 3)
    assert len(out["passages"]) == 0
