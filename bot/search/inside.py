"""Two-character index terms the corpus writes only inside longer words.

The index is built from jieba's search mode, which adds the in-dictionary two-character
pieces of every longer word: 财经纪律 gives 财经, 经纪, 纪律 and itself. So 经纪 is an index
term of a corpus that never writes 经纪 (broker), only 财经纪律 (financial discipline),
where it straddles the two halves 财经|纪律; a query with the typo 经纪 for 经济 then finds
it "in the corpus" and is never corrected. Whether a short term stands as a word of its
own is decided here, once, when the index is built, so that a query pays one look-up.

A term *stands alone* in a passage when it is written there more often than it sits in
the middle of the passage's longer words (not touching their first or last character:
经纪 in 财经纪律, but not 经纪 in 经纪人 nor 纪律 in 财经纪律, which are a word's edge and
so its own word). Search mode emits the piece once for each such occurrence, so a count
above the middles' is a use of its own. Counting a middle of a longer term that is not
itself a word of the passage's text (rare: the base pieces of a long user-dictionary word)
can only find fewer terms alone, never more. The terms that stand alone in no passage are
stored, term ids ascending, as ``inside.npy`` (:func:`bot.search.index.compile_index`,
with the postings of its second pass: no document is read twice).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from bot.text.tokenize import is_cjk_word

SHORT = 2  # the length of the terms judged


class InsideWords:
    """Which short terms of an index's vocabulary stand alone somewhere, collected one
    document's postings at a time. The pairs (longer term, short term in its middle) are
    found once over the vocabulary; a document costs numpy work only."""

    def __init__(self, vocab: Iterable[str]) -> None:
        terms = list(vocab)
        n = len(terms)
        ids = {t: i for i, t in enumerate(terms) if len(t) == SHORT and is_cjk_word(t)}
        self._short = np.zeros(n, dtype=bool)
        self._short[list(ids.values())] = True
        holder: list[int] = []  # pairs (longer term, short term in its middle), ascending
        piece: list[int] = []
        for i, t in enumerate(terms):
            for k in range(1, len(t) - SHORT):
                j = ids.get(t[k : k + SHORT])
                if j is not None:
                    holder.append(i)
                    piece.append(j)
        # (ids in int32: MAX_TERMS is 2**24; the counts as numpy's repeat takes them)
        self._per = np.bincount(np.asarray(holder, dtype=np.int64), minlength=n)
        self._start = (np.cumsum(self._per, dtype=np.int64) - self._per).astype(np.int32)
        self._piece = np.asarray(piece, dtype=np.int32)
        self._alone = np.zeros(n, dtype=bool)

    def add(self, pord: np.ndarray, tid: np.ndarray, tf: np.ndarray) -> None:
        """Take one document's postings: passage ordinal, (global) term id, frequency."""
        rows = np.flatnonzero(self._short[tid])  # the postings of short terms
        if not rows.size:
            return
        if self._piece.size:
            rows = rows[~self._outnumbered(pord, tid, tf, rows)]
        self._alone[tid[rows]] = True

    def inside_only(self) -> np.ndarray:
        """The ids of the short terms that stand alone in no passage, ascending."""
        return np.flatnonzero(self._short & ~self._alone).astype(np.uint32)

    def _outnumbered(
        self, pord: np.ndarray, tid: np.ndarray, tf: np.ndarray, short: np.ndarray
    ) -> np.ndarray:
        """Per posting of ``short``: whether its term, in its passage, is written no more
        often than it sits in the middle of the passage's longer terms."""
        rows = np.flatnonzero(self._per[tid])  # postings of longer terms with middles
        if not rows.size:
            return np.zeros(short.size, dtype=bool)
        reps = self._per[tid[rows]]
        row = np.repeat(rows, reps)
        k = np.arange(row.size) - np.repeat(np.cumsum(reps) - reps, reps)
        pieces = self._piece[self._start[tid[row]] + k]
        keys = (pord[row].astype(np.uint64) << np.uint64(32)) | pieces.astype(np.uint64)
        uniq, inverse = np.unique(keys, return_inverse=True)
        middles = np.bincount(inverse, weights=tf[row].astype(np.float64))
        posted = (pord[short].astype(np.uint64) << np.uint64(32)) | tid[short].astype(np.uint64)
        at = np.minimum(np.searchsorted(uniq, posted), uniq.size - 1)
        # a posting whose (passage, term) is among the middles counted, no more often
        found = uniq[at] == posted
        return found & (tf[short] <= np.where(found, middles[at], 0))
