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


@pytest.mark.parametrize("one", [False, True])
def test_documents_among_are_those_of_the_whole_list(one: bool) -> None:
    # read a part at a time and stopped once settled: every document asked about that
    # the list holds (or, with one, at least one of them when it holds any)
    rng = np.random.default_rng(41)
    n_docs = 40
    p_doc = np.repeat(np.arange(n_docs, dtype=np.uint32), rng.integers(1, 400, n_docs))
    part = apart.DOCUMENTS_PART
    for length in (0, 5, part - 1, part + 1, 3 * part, 9 * part):
        pids = rng.integers(0, p_doc.size, length)
        if length and rng.random() < 0.5:
            pids = pids[p_doc[pids] % 3 != 0]  # a third of the documents never held
        whole = _documents_reference(pids, p_doc, n_docs)
        for _ in range(12):
            among = rng.random(n_docs) < rng.choice([0.05, 0.3, 1.0])
            got = apart.documents_among(pids, p_doc, among, one=one)
            want = among & whole
            if one:
                assert not (got & ~want).any() and got.any() == want.any()
            else:
                assert got.tolist() == want.tolist()


def test_compounds_are_read_apart_where_the_whole_scope_says(bundled_engine) -> None:
    # _apart_where_asked settles most compounds from the other words' lists read in
    # part: the same concepts as working out every word's documents first
    from bot.search.concepts import Concept

    s = bundled_engine.searcher
    ix = s.index
    n_docs = len(ix.docs)

    def reference(concepts: list[Concept]) -> list[Concept]:
        from dataclasses import replace

        from bot.search.searcher import QUESTION_WORDS
        from bot.text.normalize import normalize

        required = [
            c for c in concepts if not (c.exclude or c.optional or c.soft or c.fixed is not None)
        ]
        if len(required) < 2:
            return concepts
        out = list(concepts)
        for c in required:
            if not c.alternatives or c.label in QUESTION_WORDS:
                continue
            pieces = apart.compound_words(normalize(c.label), s._split_known)
            if not pieces:
                continue
            docs = [
                apart.documents_of(s._hits.concept_hits(o)[0], ix.p_doc, n_docs)
                for o in required
                if o is not c
            ]
            scope = apart.pointed_to(None, docs, n_docs)
            own = apart.documents_of(s._hits.concept_hits(c)[0], ix.p_doc, n_docs)
            if apart.written_apart(scope, own):
                k = out.index(c)
                out[k : k + 1] = [s._concept(p) for p in pieces] + [replace(c, optional=True)]
        return out

    rng = random.Random(43)
    vocab = [t for t in ix.vocab if len(t) >= 2]
    compounds = [a + b for a, b in zip(vocab[::7], vocab[3::11], strict=False)][:60]
    compounds += ["经济发展", "产业结构调整", "乡村振兴", "高质量发展", "营商环境"]
    words = sorted(vocab, key=lambda w: -ix.df(ix.term_ids[w]))[:40]
    changed = 0
    for _ in range(80):
        picked = [rng.choice(compounds), *rng.sample(words, rng.randint(1, 2))]
        concepts = [s._concept(w) for w in picked]
        got = s._apart_where_asked(list(concepts), None)
        want = reference(list(concepts))
        assert [(c.label, c.optional) for c in got] == [(c.label, c.optional) for c in want]
        changed += len(got) != len(concepts)
    assert changed > 3  # some compounds are read apart
