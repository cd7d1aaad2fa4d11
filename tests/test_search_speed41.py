"""Postings stored as a query reads them (speed41, index format 7): the passage ids as
int64 and the float32 scores beside the quantised impacts, so that ``postings`` returns
read-only views instead of converting every list per query. The views are the ids and
the very float32 numbers converting gave, term by term, and the build's streaming writer
(``_write_postings``) writes the same across its chunks' edges."""

from __future__ import annotations

import numpy as np


def test_postings_are_views_of_the_converted_ids_and_scores(bundled_engine) -> None:
    ix = bundled_engine.searcher.index
    assert ix.pids.dtype == np.dtype("<i8") and ix.scores.dtype == np.dtype("<f4")
    assert ix.scores.shape == ix.impacts.shape == ix.pids.shape
    scale = np.float32(ix.impact_scale)
    # what postings converted before format 7, bit for bit, for all the postings at once
    assert ix.scores.tobytes() == (ix.impacts.astype(np.float32) * scale).tobytes()
    assert ix.pids.min() >= 0 and ix.pids.max() < ix.n_passages
    # and term by term, each list its own slice (the commonest terms and a spread of others)
    by_df = sorted(range(len(ix.vocab)), key=ix.df, reverse=True)
    for tid in by_df[:50] + by_df[50::97] + by_df[-5:]:
        pids, scores = ix.postings(tid)
        raw_pids, impacts = ix.raw_postings(tid)
        assert pids.size == ix.df(tid)
        assert np.array_equal(pids, raw_pids.astype(np.intp))
        assert scores.tobytes() == (impacts.astype(np.float32) * scale).tobytes()
        assert pids.dtype == np.intp and scores.dtype == np.float32
        # views of the mapping: a query must not write into them
        assert not pids.flags.writeable and not scores.flags.writeable


def test_the_build_writes_ids_impacts_and_scores_alike_across_chunks(monkeypatch, tmp_path) -> None:
    from bot.search import index_build

    monkeypatch.setattr(index_build, "WRITE_CHUNK", 7)  # chunks much shorter than the keys
    rng = np.random.default_rng(41)
    n = 100
    terms = np.sort(rng.integers(0, 5, n)).astype(np.uint64)
    levels = rng.integers(1, index_build.IMPACT_LEVELS + 1, n).astype(np.uint64)
    pids = rng.integers(0, 1 << 24, n).astype(np.uint64)
    keys = (
        (terms << np.uint64(index_build._TERM_SHIFT))
        | ((np.uint64(index_build.IMPACT_LEVELS) - levels) << np.uint64(index_build._IMPACT_SHIFT))
        | pids
    )
    scale = np.float32(0.000123)
    paths = [tmp_path / name for name in ("pids", "impacts", "scores")]
    with open(paths[0], "wb") as p, open(paths[1], "wb") as i, open(paths[2], "wb") as s:
        index_build._write_postings(keys, p, i, s, scale)
    got_pids = np.fromfile(paths[0], "<i8")
    got_impacts = np.fromfile(paths[1], "<u2")
    got_scores = np.fromfile(paths[2], "<f4")
    assert got_pids.tolist() == pids.astype(np.int64).tolist()
    assert got_impacts.tolist() == levels.tolist()
    assert got_scores.tobytes() == (got_impacts.astype(np.float32) * scale).tobytes()
