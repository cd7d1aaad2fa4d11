"""The nineteenth speed pass's cheaper ways of doing the same work (issue 13): each gives
what the plainer way gives, checked against a reference here."""

from __future__ import annotations

import random

import numpy as np
import pytest

from bot.search import apart


def _documents_reference(pids: np.ndarray, p_doc: np.ndarray, n_docs: int) -> np.ndarray:
    return np.bincount(p_doc[np.asarray(pids, dtype=np.intp)], minlength=n_docs) > 0


@pytest.mark.parametrize("n_docs", [1, 7, 65, 662])
def test_documents_of_a_long_list_read_in_parts_are_every_documents(n_docs: int) -> None:
    # a list read a part at a time, stopped once every document is held, names the
    # documents the whole list does: lists holding every document early, late (the
    # last passage is the only one of its document) and never, of every length around
    # the parts' edges
    rng = np.random.default_rng(n_docs)
    part = apart.DOCUMENTS_PART
    sizes = rng.integers(1, 30, n_docs)
    p_doc = np.repeat(np.arange(n_docs, dtype=np.uint32), sizes)
    n = p_doc.size
    lengths = [0, 1, part, 2 * part, 2 * part + 1, 3 * part - 1, 3 * part + 5, 7 * part + 3]
    for length in lengths:
        for kind in ("random", "late", "never"):
            pids = rng.integers(0, n, length).astype(np.uint32)
            if kind == "late" and length and n_docs > 1:
                last = int(rng.integers(0, n_docs))
                pids = pids[p_doc[pids] != last]
                pids = np.append(pids, np.flatnonzero(p_doc == last)[0]).astype(np.uint32)
            elif kind == "never" and n_docs > 1:
                pids = pids[p_doc[pids] != n_docs // 2]
            got = apart.documents_of(pids, p_doc, n_docs)
            want = _documents_reference(pids, p_doc, n_docs)
            assert got.dtype == bool and got.tolist() == want.tolist(), (length, kind)


def test_a_byte_scan_finds_the_passages_reading_every_one_finds(bundled_engine) -> None:
    # the scan tests every passage's signature at once (may_hold_every) before reading:
    # the same passages, in passage order, up to the limit, as reading every passage
    hits = bundled_engine.searcher._hits
    ix = hits.index
    texts = [ix.passage_norm_bytes(p) for p in range(ix.n_passages)]
    rng = random.Random(19)
    needles = ["发展", "经济", "增长", "万元", "国内生产总值", "先行区", "不存在的词语", "%"]
    for _ in range(30):
        text = texts[rng.randrange(len(texts))].decode("utf-8")
        if len(text) > 4:
            at = rng.randrange(len(text) - 3)
            needles.append(text[at : at + rng.randint(2, 4)])
    for needle in needles:
        raw = needle.encode("utf-8")
        every = [p for p, t in enumerate(texts) if raw in t]
        for limit in (1, 3, 2_000):
            assert hits.scan_text(needle, limit).tolist() == every[:limit], (needle, limit)


def test_more_on_every_list_is_the_count_of_on_every_list(bundled_engine, monkeypatch) -> None:
    # two lists read the other way round (the rarest flagged, the other read a part at a
    # time, stopped past the limit), three or more as before: the same answer as
    # counting on_every_list, at every limit around the count
    from bot.search import hits as hits_module

    hits = bundled_engine.searcher._hits
    ix = hits.index
    rng = random.Random(23)
    common = sorted(range(len(ix.vocab)), key=ix.df, reverse=True)[:60]
    # parts much shorter than the lists: every part's edge is crossed
    monkeypatch.setattr(hits_module, "_COUNT_PART", 16)
    for _ in range(150):
        ids = tuple(rng.sample(common, rng.randint(2, 3)))
        if rng.random() < 0.15:
            ids = ids + ids[:1]  # a piece twice
        rarest = min(ids, key=ix.df)
        pids = ix.raw_postings(rarest)[0]
        count = int(np.count_nonzero(hits.on_every_list(pids, ids, taken_from=rarest)))
        for limit in {0, max(count - 1, 0), count, count + 1, rng.randint(0, pids.size)}:
            assert hits.more_on_every_list(pids, ids, rarest, limit) == (count > limit)


def test_the_first_tier_from_the_shortest_list_ranks_as_every_level(
    bundled_engine, monkeypatch
) -> None:
    # queries of two to four words (some soft, some asking what a term means) ranked
    # with the first tier looked for in the shortest list, and with every passage's
    # level worked out: the same passages, scores (bits) and totals on every page
    from bot.search.searcher import Searcher

    s = bundled_engine.searcher
    ix = s.index
    rng = random.Random(29)
    common = [ix.vocab[t] for t in sorted(range(len(ix.vocab)), key=ix.df, reverse=True)[:80]]
    words = [w for w in common if len(w) >= 2][:50]
    queries = [" ".join(rng.sample(words, rng.randint(2, 4))) for _ in range(40)]
    queries += ["什么是" + w for w in words[:5]] + ["发展 经济 目标"]
    found = Searcher._first_tier
    taken = []

    def counted(*args, **kwargs):
        got = found(*args, **kwargs)
        taken.append(got is not None)
        return got

    monkeypatch.setattr(Searcher, "_first_tier", counted)
    used = 0
    for q in queries:
        for page, size in ((1, 10), (2, 10), (1, 3)):
            fast = s.rank(q, page=page, page_size=size)
            with monkeypatch.context() as m:
                m.setattr(Searcher, "_first_tier", lambda *a, **k: None)
                slow = s.rank(q, page=page, page_size=size)
            assert fast.pids.tolist() == slow.pids.tolist(), (q, page)
            assert fast.scores.tobytes() == slow.scores.tobytes(), (q, page)
            assert fast.total == slow.total, (q, page)
        used += fast.pids.size > 0
    assert used > 20  # the queries do find passages
    assert sum(taken) > 20 and not all(taken)  # both ways are exercised
