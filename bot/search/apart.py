"""Pure: a compound of the query that the documents it points to never write whole.

A question names its documents by a region (宁夏 怎么引进人才) or by its other words (食品科技
人才培养: the food plan). When none of those documents holds a compound of the query whole
(引进人才, 人才培养), they write it apart (加力培养和引进一批科技领军人才, 培养…复合型人才):
there it is looked for as its words, the compound whole first (``Concept.optional``). A
compound some of them hold is looked for whole, as typed."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

import numpy as np


def compound_words(label: str, split: Callable[[str], list[str] | None]) -> list[str] | None:
    """The two or three words of two or more characters ``label`` (four or more
    characters) is made of, as ``split`` cuts it into index terms, or None."""
    if len(label) < 4:
        return None
    pieces = split(label)
    if pieces and 2 <= len(pieces) <= 3 and min(map(len, pieces)) >= 2:
        return pieces
    return None


# A long list's documents are read a part at a time, each part twice the one before,
# from this many passages: a common word's list (建设: 98,000 passages at 100 MB) has
# passages in every document within its first 4,000–10,000, after which nothing is
# left to find.
DOCUMENTS_PART = 8_192


def documents_of(
    pids: np.ndarray, p_doc: np.ndarray, n_docs: int, *, skip: np.ndarray | None = None
) -> np.ndarray:
    """Which documents hold the passages ``pids``: a boolean per document; with ``skip``
    (a flag per passage), of those passages only the ones not flagged."""
    # counted, not flagged: thousands of writes to a few dozen flags cost ~1.4 times
    # the count (a common word's 4,000 passages over 65 documents: 26 against 18 µs)
    at = np.asarray(pids, dtype=np.intp)
    if at.size <= 2 * DOCUMENTS_PART:
        if skip is not None:
            at = at[skip[at] == 0]
        return np.bincount(p_doc[at], minlength=n_docs) > 0
    # stopped once every document is held: the rest can add none (the same booleans);
    # the flags too are read a part at a time, not over the whole list first
    held = np.zeros(n_docs, dtype=bool)
    lo, part = 0, DOCUMENTS_PART
    while lo < at.size:
        some = at[lo : lo + part]
        if skip is not None:
            some = some[skip[some] == 0]
        held |= np.bincount(p_doc[some], minlength=n_docs) > 0
        if held.all():
            break
        lo, part = lo + part, 2 * part
    return held


def documents_among(
    pids: np.ndarray, p_doc: np.ndarray, among: np.ndarray, *, one: bool = False
) -> np.ndarray:
    """Which of the documents ``among`` (a boolean per document) hold one of the passages
    ``pids``: ``among & documents_of(pids)``, the list read a part at a time (as
    :func:`documents_of`) and stopped once every one of them is found, or with ``one``,
    the first (whether any is found is all that is asked then)."""
    at = np.asarray(pids, dtype=np.intp)
    found = np.zeros(among.size, dtype=bool)
    lo, part = 0, DOCUMENTS_PART
    while lo < at.size:
        found |= np.bincount(p_doc[at[lo : lo + part]], minlength=among.size) > 0
        if not (among & ~found).any() or (one and (among & found).any()):
            break
        lo, part = lo + part, 2 * part
    return among & found


class DocumentsRead:
    """Which documents a word's passages (``pids``) were found in so far, read a part at a
    time as :func:`documents_among` reads them, and where the reading stopped: kept from
    one query to the next (a word's passages are the same in every query), a later query
    asking about documents already found reads nothing, and one asking about others
    goes on from there. The same answers as :func:`documents_among` and
    :func:`documents_of`. Read under a lock of its own: two queries reading on at once
    would each move the position past a part the other read."""

    __slots__ = ("_lock", "found", "lo", "part", "size")

    def __init__(self, n_docs: int, size: int) -> None:
        self.found = np.zeros(n_docs, dtype=bool)
        self.size = size
        self.lo, self.part = 0, DOCUMENTS_PART
        self._lock = threading.Lock()

    def among(
        self, pids: np.ndarray, p_doc: np.ndarray, among: np.ndarray, *, one: bool = False
    ) -> np.ndarray:
        """``documents_among(pids, p_doc, among, one=one)``."""
        found = self.found
        with self._lock:
            while self.lo < self.size:
                if not (among & ~found).any() or (one and (among & found).any()):
                    break
                self._read(pids, p_doc)
            return among & found

    def all(self, pids: np.ndarray, p_doc: np.ndarray) -> np.ndarray:
        """``documents_of(pids, p_doc, n_docs)``, read-only."""
        with self._lock:
            while self.lo < self.size and not self.found.all():
                self._read(pids, p_doc)
            out = self.found.copy()
        out.flags.writeable = False
        return out

    def _read(self, pids: np.ndarray, p_doc: np.ndarray) -> None:
        at = np.asarray(pids[self.lo : self.lo + self.part], dtype=np.intp)
        self.found |= np.bincount(p_doc[at], minlength=self.found.size) > 0
        self.lo, self.part = self.lo + self.part, 2 * self.part


def pointed_to(
    region_docs: np.ndarray | None, others: Iterable[np.ndarray], n_docs: int
) -> np.ndarray | None:
    """The documents the rest of the query points to: those of the region asked (``region_docs``,
    ids) that hold every other word (``others``, a boolean per document each); None when the
    query names no region and has no other word."""
    scope: np.ndarray | None = None
    if region_docs is not None:
        scope = np.zeros(n_docs, dtype=bool)
        scope[np.asarray(region_docs, dtype=np.intp)] = True
    for docs in others:
        scope = docs.copy() if scope is None else scope & docs
    return scope


def written_apart(scope: np.ndarray | None, own: np.ndarray) -> bool:
    """Whether the documents pointed to (``scope``, some) hold none of the compound's
    passages (``own``, a boolean per document)."""
    return scope is not None and bool(scope.any()) and not bool((scope & own).any())
