"""The twentieth speed pass's cheaper ways of doing the same work (issue 13): each gives
what the plainer way gives, checked against a reference here."""

from __future__ import annotations

import numpy as np
import pytest

from bot.search import apart


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
