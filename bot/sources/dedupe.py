"""The same document reached twice: two sources, a repost, an HTML page and its PDF.

``content_key`` is exact: a hash of the text without the things that change between
copies of one text (whitespace, punctuation width, traditional/simplified, case).
:class:`NearDuplicates` finds texts that are nearly the same (MinHash over character
5-gram shingles, datasketch's LSH for candidates): a repost with another header and
footer, or a page and its attachment carrying the same body. Two work reports of one
region for different years share their headings and stock phrases but not their
sentences, and stay apart.
"""

from __future__ import annotations

import hashlib
import threading
from typing import TYPE_CHECKING

from bot.text.normalize import normalize

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE = 5
NUM_PERM = 128
THRESHOLD = 0.9
"""Jaccard similarity of the shingle sets at or above which two texts are one."""
CONTAINED = 0.9
"""…or: the share of the smaller text's shingles found in the larger one, when…"""
MIN_SIZE_RATIO = 0.6
"""…the smaller has at least this share of the larger's shingles (the same body with
a header, a footer, a table of contents around it; never a paragraph quoted from a
long report)."""
_CANDIDATE_THRESHOLD = 0.5
_MIN_SHINGLES = 20


def _core(text: str) -> str:
    """The text's letters and digits only, normalised (width, script, case)."""
    return "".join(ch for ch in normalize(text) if ch.isalnum())


def content_key(text: str) -> str:
    """SHA-256 (hex) of the normalised text: equal for copies that differ only in
    whitespace, punctuation, full/half width or traditional/simplified characters."""
    return hashlib.sha256(_core(text).encode("utf-8")).hexdigest()


def _shingles(core: str) -> set[bytes]:
    if len(core) <= SHINGLE:
        return {core.encode("utf-8")} if core else set()
    return {core[i : i + SHINGLE].encode("utf-8") for i in range(len(core) - SHINGLE + 1)}


def _minhash(shingles: set[bytes]) -> MinHash:
    # lazy: datasketch brings SciPy (0.8 s of CPU), which a bot with no live source to
    # poll, and every command line process, never needs
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch(list(shingles))
    return m


class NearDuplicates:
    """An index of texts by key: ``find`` answers the key of a near-duplicate, if any.

    Thread-safe (a lock around the LSH). Keys are the caller's (a document id, a
    content key); adding a key twice keeps the first text.
    """

    def __init__(self) -> None:
        from datasketch import MinHashLSH  # lazy, as in _minhash

        self._lsh = MinHashLSH(threshold=_CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        self._hashes: dict[str, tuple[MinHash, int]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, key: str) -> bool:
        return key in self._hashes

    def add(self, key: str, text: str) -> None:
        shingles = _shingles(_core(text))
        m = _minhash(shingles)
        with self._lock:
            if key in self._hashes:
                return
            self._hashes[key] = (m, len(shingles))
            self._lsh.insert(key, m)

    def remove(self, key: str) -> None:
        with self._lock:
            if self._hashes.pop(key, None) is not None:
                self._lsh.remove(key)

    def find(self, text: str) -> str | None:
        """The key of the most similar text added, if it is a near-duplicate of ``text``."""
        shingles = _shingles(_core(text))
        if len(shingles) < _MIN_SHINGLES:
            return None
        m = _minhash(shingles)
        size = len(shingles)
        best: tuple[float, str] | None = None
        with self._lock:
            candidates = [(k, *self._hashes[k]) for k in self._lsh.query(m)]
        for key, other, other_size in candidates:
            if other_size < _MIN_SHINGLES:
                continue
            jaccard = m.jaccard(other)
            common = jaccard / (1 + jaccard) * (size + other_size)
            small, large = sorted((size, other_size))
            contained = common / small if small else 0.0
            same = jaccard >= THRESHOLD or (
                contained >= CONTAINED and small / large >= MIN_SIZE_RATIO
            )
            if same and (best is None or jaccard > best[0]):
                best = (jaccard, key)
        return best[1] if best else None
