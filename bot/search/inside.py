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
stored, term ids ascending, as ``inside.npy`` (:func:`bot.search.index.compile_index`).
"""

from __future__ import annotations

import numpy as np

from bot.search.segments import DocSegments
from bot.text.tokenize import is_cjk_word

SHORT = 2  # the length of the terms judged
_NONE = np.zeros(0, dtype=np.uint32)


class InsideWords:
    """Collects, document by document, which short terms stand alone somewhere."""

    def __init__(self) -> None:
        self._short: set[int] = set()  # global ids of the short CJK terms seen
        self._alone: set[int] = set()  # those standing alone in some passage

    def add(self, segs: DocSegments, mapping: np.ndarray) -> None:
        """Take one document's segments; ``mapping`` gives its local term ids' global ids."""
        terms = segs.terms
        local = {t: i for i, t in enumerate(terms) if len(t) == SHORT and is_cjk_word(t)}
        if not local:
            return
        short = np.zeros(len(terms), dtype=bool)
        short[list(local.values())] = True
        self._short.update(mapping[short].tolist())
        holder: list[int] = []  # pairs (longer term, short piece in its middle), local ids
        piece: list[int] = []
        for i, t in enumerate(terms):
            # (no memo across documents: at 100 MB it would hold every long term)
            for k in range(1, len(t) - SHORT):
                j = local.get(t[k : k + SHORT])
                if j is not None:
                    holder.append(i)
                    piece.append(j)
        alone = short[segs.tid]
        if holder:
            alone &= ~_outnumbered(segs, np.asarray(holder), np.asarray(piece))
        self._alone.update(mapping[np.unique(segs.tid[alone])].tolist())

    def inside_only(self) -> np.ndarray:
        """The global ids of the short terms that stand alone in no passage, ascending."""
        ids = self._short - self._alone
        return np.asarray(sorted(ids), dtype=np.uint32) if ids else _NONE


def _outnumbered(segs: DocSegments, holder: np.ndarray, piece: np.ndarray) -> np.ndarray:
    """Per posting of ``segs``: whether its term, in its passage, is written no more often
    than it sits in the middle of the passage's longer terms (``holder`` has ``piece`` in
    its middle, once per pair)."""
    n = len(segs.terms)
    order = np.argsort(holder, kind="stable")
    piece = piece[order]
    per = np.bincount(holder, minlength=n)
    start = np.concatenate(([0], np.cumsum(per)[:-1]))
    rows = np.flatnonzero(per[segs.tid])  # postings of holders
    if not rows.size:
        return np.zeros(segs.tid.size, dtype=bool)
    reps = per[segs.tid[rows]]
    row = np.repeat(rows, reps)
    k = np.arange(row.size) - np.repeat(np.cumsum(reps) - reps, reps)
    pieces = piece[start[segs.tid[row]] + k]
    keys = (segs.pord[row].astype(np.uint64) << np.uint64(32)) | pieces.astype(np.uint64)
    uniq, inverse = np.unique(keys, return_inverse=True)
    middles = np.bincount(inverse, weights=segs.tf[row].astype(np.float64))
    # the postings are sorted by (passage, term): the pieces' own counts are found there
    posted = (segs.pord.astype(np.uint64) << np.uint64(32)) | segs.tid.astype(np.uint64)
    at = np.minimum(np.searchsorted(posted, uniq), posted.size - 1)
    # (a piece not in the passage's bag, which the segmenter did not emit there, is no
    # posting to mark)
    covered = uniq[(posted[at] == uniq) & (segs.tf[at] <= middles)]
    return np.isin(posted, covered)
