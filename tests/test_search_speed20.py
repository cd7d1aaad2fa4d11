"""The twentieth speed pass's cheaper ways of doing the same work (issue 13): each gives
what the plainer way gives, checked against a reference here."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search import apart, shares, window
from bot.search.hits import SYNONYM_WEIGHT


@pytest.mark.parametrize("n_docs", [1, 7, 65, 662])
def test_documents_of_with_skipped_passages_read_in_parts(n_docs: int) -> None:
    # a list's documents leaving out its flagged passages (a caption, a copy), the flags
    # read a part at a time with the list, are those of the unflagged passages: lists of
    # every length around the parts' edges, a document held only by a flagged passage,
    # by the last unflagged one, every passage flagged
    rng = np.random.default_rng(n_docs + 20)
    part = apart.DOCUMENTS_PART
    sizes = rng.integers(1, 30, n_docs)
    p_doc = np.repeat(np.arange(n_docs, dtype=np.uint32), sizes)
    n = p_doc.size
    lengths = [0, 1, part, 2 * part, 2 * part + 1, 3 * part - 1, 3 * part + 5, 7 * part + 3]
    for length in lengths:
        for kind in ("random", "late", "flagged", "all"):
            pids = rng.integers(0, n, length).astype(np.uint32)
            skip = (rng.random(n) < 0.3).astype(np.uint8)
            if kind == "late" and length and n_docs > 1:
                last = int(rng.integers(0, n_docs))
                pids = pids[p_doc[pids] != last]
                first = np.flatnonzero(p_doc == last)[0]
                skip[first] = 0
                pids = np.append(pids, first).astype(np.uint32)
            elif kind == "flagged" and n_docs > 1:
                skip[p_doc == n_docs // 2] = 1
            elif kind == "all":
                skip[:] = 1
            got = apart.documents_of(pids, p_doc, n_docs, skip=skip)
            at = np.asarray(pids, dtype=np.intp)
            want = np.bincount(p_doc[at[skip[at] == 0]], minlength=n_docs) > 0
            assert got.dtype == bool and got.tolist() == want.tolist(), (length, kind)


def _union_reference(hits, concept) -> tuple[np.ndarray, np.ndarray]:
    # every list gathered twice from the dense scores, the first one too (the way before)
    parts = [hits.alternative_scores(alt) for alt in concept.alternatives]
    parts = [
        (p, sc if k == 0 else sc * np.float32(SYNONYM_WEIGHT)) for k, (p, sc) in enumerate(parts)
    ]
    parts = [p for p in parts if p[0].size]
    dense = np.zeros(hits.index.n_passages, dtype=np.float32)
    union = []
    for p, sc in parts:
        p = np.asarray(p, dtype=np.intp)
        union.append(p[dense[p] == 0])
        dense[p] = np.maximum(dense[p], sc)
    pids = np.concatenate(union)
    return pids, dense[pids]


def test_a_concept_of_synonyms_scores_the_passages_the_plain_union_does(bundled_engine) -> None:
    # the first list written as it is and each later list gathered once: the same
    # passages in the same order with the same float32 scores as gathering every list
    s = bundled_engine.searcher
    hits = s._hits
    tried = 0
    words = ("提升", "增长", "群众", "营商环境", "外贸", "养老", "就业", "经济", "消费", "创新")
    for word in words:
        concept = s._concept(word)
        parts = [hits.alternative_scores(a) for a in concept.alternatives]
        if sum(1 for p, _ in parts if p.size) < 2:
            continue
        tried += 1
        pids, scores = hits._concept_hits(concept)
        want_pids, want_scores = _union_reference(hits, concept)
        assert pids.tolist() == want_pids.tolist(), word
        assert scores.dtype == want_scores.dtype and scores.tobytes() == want_scores.tobytes()
    assert tried >= 3


def test_top_is_the_full_sort_cut_to_the_page() -> None:
    # the positions of ranks lo..hi by key, ties by passage id: a full lexsort's, for
    # tiers shorter and longer than the page, with many ties and none
    rng = np.random.default_rng(20)
    for size in (1, 40, 257, 300, 1_000, 20_000):
        pids = rng.permutation(size * 3)[:size].astype(np.intp)
        for keys in (rng.random(size).astype(np.float32), rng.integers(0, 4, size) * 0.5):
            want = np.lexsort((pids, -keys))
            for lo, hi in ((0, 10), (10, 20), (0, 400), (290, 300)):
                got = window.top(pids, keys, lo, hi)
                assert got.tolist() == want[lo:hi].tolist(), (size, lo, hi)


def _wholes_reference(searcher, concept, got):
    # every passage holding 占 or 与 compared (the way before 与 needed 比 as well)
    ix = searcher.index
    pids, scores = got
    forms = tuple(a.text for a in concept.alternatives if len(a.text) >= 2)
    if not forms or not pids.size or concept.fixed is not None or concept.exclude:
        return got
    found = []
    for mark in shares.MARKS:
        maybe = np.flatnonzero(ix.with_char(mark)[pids])
        if maybe.size:
            found.append(maybe[ix.followed_by(mark, shares.BETWEENS, forms, pids[maybe])])
    maybe = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.intp)
    texts = ix.passages_norm_texts(pids[maybe]) if maybe.size else []
    lower = [
        k for k, t in zip(maybe.tolist(), texts, strict=True) if shares.only_as_whole(t, forms)
    ]
    if not lower:
        return got
    scores = scores.copy()
    scores[lower] *= np.float32(shares.WHOLE_SHARE)
    return pids, scores


def test_wholes_read_only_where_a_share_or_a_ratio_can_name_them(bundled_engine) -> None:
    # 与 passages are read only when they hold 比 too (比率, 之比, 比值): the same scores as
    # reading every 与 passage, for words written as a share's whole, a ratio's second
    # term, both and neither
    s = bundled_engine.searcher
    words = ("国内生产总值", "地区生产总值", "GDP", "发展", "国际", "收入", "经济", "消费", "投资")
    for word in words:
        concept = s._concept(word)
        got = s._hits.concept_hits(concept)
        pids, scores = s._as_wholes(concept, got)
        want_pids, want_scores = _wholes_reference(s, concept, got)
        assert np.asarray(pids).tolist() == np.asarray(want_pids).tolist(), word
        assert np.asarray(scores).tobytes() == np.asarray(want_scores).tobytes(), word


def test_only_a_passage_holding_bi_names_a_ratios_term() -> None:
    # the rule the 比 filter rests on: a ratio's term counts only before 比率, 之比, 比值
    assert shares.only_as_whole("社会物流总费用与gdp的比率为14.1%", ("gdp",))
    assert shares.only_as_whole("研发经费与国内生产总值之比达到2.5%", ("国内生产总值",))
    assert not shares.only_as_whole("消费与国内生产总值同步增长", ("国内生产总值",))
    assert all("比" in w for w in ("比率", "之比", "比值"))
