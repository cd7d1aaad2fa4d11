"""The thirty-ninth speed pass (issue 13): a word's documents, read a part at a time, are
kept from one query to the next and read on from where the last query stopped; each
answer is the one the plain reading gives, checked against it here."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search import apart


def _reference(pids: np.ndarray, p_doc: np.ndarray, n_docs: int) -> np.ndarray:
    return np.bincount(p_doc[np.asarray(pids, dtype=np.intp)], minlength=n_docs) > 0


@pytest.mark.parametrize("n_docs", [1, 7, 65, 662])
def test_documents_read_on_answer_as_reading_afresh(n_docs: int) -> None:
    # one kept reading per list, asked in turn about random sets of documents (one or
    # every document found, all documents), answers as each fresh reading does: lists
    # ending on their only passage of a document, holding none of one, of every length
    # around the parts' edges
    rng = np.random.default_rng(39 + n_docs)
    part = apart.DOCUMENTS_PART
    p_doc = np.repeat(np.arange(n_docs, dtype=np.uint32), rng.integers(1, 30, n_docs))
    n = p_doc.size
    for length in (0, 1, part - 1, part, part + 1, 3 * part + 5, 7 * part + 3):
        for kind in ("random", "late", "never"):
            pids = rng.integers(0, n, length).astype(np.intp)
            if kind == "late" and length and n_docs > 1:
                last = int(rng.integers(0, n_docs))
                pids = np.append(pids[p_doc[pids] != last], np.flatnonzero(p_doc == last)[0])
            elif kind == "never" and n_docs > 1:
                pids = pids[p_doc[pids] != n_docs // 2]
            read = apart.DocumentsRead(n_docs, pids.size)
            for _ in range(12):
                among = rng.random(n_docs) < rng.choice([0.0, 0.01, 0.2, 1.0])
                one = bool(rng.integers(0, 2))
                got = read.among(pids, p_doc, among, one=one)
                want = apart.documents_among(pids, p_doc, among, one=one)
                if one:
                    assert bool(got.any()) == bool(want.any()), (length, kind)
                else:
                    assert got.tolist() == want.tolist(), (length, kind)
                if rng.random() < 0.3:
                    every = read.all(pids, p_doc)
                    assert not every.flags.writeable
                    assert every.tolist() == _reference(pids, p_doc, n_docs).tolist()
            assert read.all(pids, p_doc).tolist() == _reference(pids, p_doc, n_docs).tolist()


def test_a_words_documents_are_kept_and_forgotten_with_the_memo(bundled_engine) -> None:
    # the second query naming the same words reads no list for their documents again;
    # clear_memo (cold benchmarks) forgets them
    searcher = bundled_engine.searcher
    searcher.clear_memo()
    first = searcher.rank("粮食产量 增长", page_size=10)
    kept = dict(searcher._documents_memo)
    assert kept  # 粮食产量 is a compound: its documents and 增长's were read
    again = searcher.rank("粮食产量 增长", page_size=10)
    assert first.pids.tolist() == again.pids.tolist()
    assert first.scores.tobytes() == again.scores.tobytes()
    assert searcher._documents_memo.keys() >= kept.keys()
    searcher.clear_memo()
    assert not searcher._documents_memo
