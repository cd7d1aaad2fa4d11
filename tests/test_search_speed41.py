"""Postings stored as a query reads them (speed41, index format 7): the passage ids as
int64 and the float32 scores, so that ``postings`` returns read-only views instead of
converting every list per query. Since format 8 (speed42) the quantised impacts are not
stored beside them: every score is still one of the quantised levels times the scale, bit
for bit the product a query made of the impacts, and the build's streaming writer
(``_write_postings``) writes the same across its chunks' edges."""

from __future__ import annotations

import numpy as np

from bot.search import index_build


def test_postings_are_views_of_the_converted_ids_and_scores(bundled_engine) -> None:
    ix = bundled_engine.searcher.index
    assert ix.pids.dtype == np.dtype("<i8") and ix.scores.dtype == np.dtype("<f4")
    assert ix.scores.shape == ix.pids.shape
    scale = np.float32(ix.impact_scale)
    # what postings converted before format 7, bit for bit, for all the postings at once:
    # each score a level of 1..IMPACT_LEVELS times the scale, as a float32 product
    levels = np.rint(ix.scores.astype(np.float64) / float(scale))
    assert levels.min() >= 1 and levels.max() <= index_build.IMPACT_LEVELS
    assert ix.scores.tobytes() == (levels.astype(np.uint16).astype(np.float32) * scale).tobytes()
    assert ix.pids.min() >= 0 and ix.pids.max() < ix.n_passages
    # and term by term, each list its own slice (the commonest terms and a spread of others)
    by_df = sorted(range(len(ix.vocab)), key=ix.df, reverse=True)
    for tid in by_df[:50] + by_df[50::97] + by_df[-5:]:
        pids, scores = ix.postings(tid)
        raw_pids, raw_scores = ix.raw_postings(tid)
        assert pids.size == ix.df(tid)
        assert np.array_equal(pids, raw_pids) and scores.tobytes() == raw_scores.tobytes()
        # best first: the scores never rise along a list
        assert not (np.diff(scores) > 0).any()
        assert pids.dtype == np.intp and scores.dtype == np.float32
        # views of the mapping: a query must not write into them
        assert not pids.flags.writeable and not scores.flags.writeable


def test_the_build_writes_ids_and_scores_alike_across_chunks(monkeypatch, tmp_path) -> None:
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
    paths = [tmp_path / name for name in ("pids", "scores")]
    with open(paths[0], "wb") as p, open(paths[1], "wb") as s:
        index_build._write_postings(keys, p, s, scale)
    got_pids = np.fromfile(paths[0], "<i8")
    got_scores = np.fromfile(paths[1], "<f4")
    assert got_pids.tolist() == pids.astype(np.int64).tolist()
    assert got_scores.tobytes() == (levels.astype(np.uint16).astype(np.float32) * scale).tobytes()


def test_no_impacts_file_and_the_one_term_path_reads_the_stored_scores(bundled_engine) -> None:
    """Format 8: the folder holds no impacts.npy, and a word searched alone is ranked on the
    stored scores (read-only views: nothing on that path writes into them)."""
    searcher = bundled_engine.searcher
    ix = searcher.index
    assert not (ix.path / "impacts.npy").exists() and (ix.path / "scores.npy").exists()
    tid = max(range(len(ix.vocab)), key=ix.df)
    ranked = searcher.rank(ix.vocab[tid], page_size=10)
    pids, scores = ix.postings(tid)
    assert ranked.pids.size and set(ranked.pids.tolist()) <= set(pids.tolist())
    assert set(ranked.scores.tolist()) <= set(scores.tolist())
