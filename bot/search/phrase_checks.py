"""Phrase checks of a compiled index: whether passages' normalised text holds a phrase
(:meth:`PhraseChecks.holds`, :meth:`~PhraseChecks.holding`), the passages' bigram
signatures (:mod:`.bigrams`) ruling out unread those that cannot.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np

from bot.search import bigrams

# Phrase checks (``CompiledIndex.holds``): the texts read to see whether most hold the
# phrase (then a signature test would rule out few), the fewest passages worth a
# signature test, and the most bigrams tested.
PROBE_READS = 16
SIGNATURE_MIN = 48
SIGNATURE_BIGRAMS = 3


class PhraseChecks:
    """The phrase checks of :class:`~bot.search.index.CompiledIndex`: a mixin of it, reading
    its mapped normalised text, its offsets and its signatures."""

    def holds(self, pids: np.ndarray, needle: bytes, known: tuple[str, ...] = ()) -> np.ndarray:
        """Whether the normalised text of each of ``pids`` holds ``needle`` (bool array).
        The first :data:`PROBE_READS` are read; when fewer than half of those hold it,
        the rest whose bigram signature lacks one of the needle's bigrams are answered
        unread (most of those holding a phrase's words but not the phrase). Texts are
        searched in place in the mapped text (copying each passage out first cost a
        third of the time)."""
        at = np.asarray(pids, dtype=np.intp)
        if self.norm_mmap is None:
            return np.zeros(at.size, dtype=bool)
        if at.size < PROBE_READS + SIGNATURE_MIN:
            return self._read(at, needle)  # few: a test costs more than it saves
        out = np.zeros(at.size, dtype=bool)
        out[:PROBE_READS] = head = self._read(at[:PROBE_READS], needle)
        rest = at[PROBE_READS:]
        if 2 * np.count_nonzero(head) >= PROBE_READS:
            # most hold it (a word the segmenter splits, 污染防治): a test would rule out
            # few, for ~10 µs; all are read
            out[PROBE_READS:] = self._read(rest, needle)
            return out
        (maybe,) = np.nonzero(self.may_hold(rest, needle, known))
        out[PROBE_READS + maybe] = self._read(rest[maybe], needle)
        return out

    def _read(self, pids: np.ndarray, needle: bytes) -> np.ndarray:
        """Whether each of ``pids``' normalised text holds ``needle``, every one read."""
        find = self.norm_mmap.find  # type: ignore[union-attr]  (checked by the callers)
        ranges = self._norm_ranges(pids)
        return np.fromiter((find(needle, lo, hi) >= 0 for lo, hi in ranges), bool, len(pids))

    def any_holds(self, pids: np.ndarray, needle: bytes, known: tuple[str, ...] = ()) -> bool:
        """Whether the normalised text of any of ``pids`` holds ``needle``
        (:meth:`holding` stopping at the first)."""
        return bool(self.holding(pids, needle, 1, known))

    def holding(
        self,
        pids: np.ndarray,
        needle: bytes,
        limit: int,
        known: tuple[str, ...] = (),
        *,
        tested: bool = False,
    ) -> list[int]:
        """The first ``limit`` of ``pids`` (in their order) whose normalised text holds
        ``needle``; of many passages, only those whose signature may hold it are read
        (``tested``: ``pids`` are those already, :meth:`may_hold_every`)."""
        found: list[int] = []
        at = np.asarray(pids, dtype=np.intp)
        if self.norm_mmap is None or not at.size:
            return found
        tested = tested or at.size < SIGNATURE_MIN  # few: all read
        maybe = at if tested else at[self.may_hold(at, needle, known)]
        find = self.norm_mmap.find
        for pid, (lo, hi) in zip(maybe.tolist(), self._norm_ranges(maybe), strict=True):
            if find(needle, lo, hi) >= 0:
                found.append(pid)
                if len(found) >= limit:
                    break
        return found

    def may_hold(self, pids: np.ndarray, needle: bytes, known: tuple[str, ...] = ()) -> np.ndarray:
        """False for each of ``pids`` whose signature proves that its normalised text
        lacks ``needle``, True where it may hold it (:mod:`.bigrams`; never False for a
        passage that holds it). ``known``: words the passages hold anyway (a phrase's
        pieces), whose own bigrams are not tested. Fewer than :data:`SIGNATURE_MIN`
        passages are all "maybe": reading them costs less than the test's fixed cost;
        at most :data:`SIGNATURE_BIGRAMS` bigrams are tested (the first ones where two
        words meet rule out nearly all, and each costs ~5 µs)."""
        if len(pids) < SIGNATURE_MIN:
            return np.ones(len(pids), dtype=bool)
        hashes = bigrams.needle_hashes(needle, known)[:SIGNATURE_BIGRAMS]
        return bigrams.may_hold(self.sigs, self._sig_masks, self.sig_offsets, pids, hashes)

    def may_hold_every(self, needle: bytes) -> np.ndarray:
        """The ids of every passage that :meth:`may_hold` ``needle``, ascending: the same
        as ``np.flatnonzero(self.may_hold(np.arange(n_passages), needle))``, faster
        (:func:`.bigrams.holders`)."""
        if self.n_passages < SIGNATURE_MIN:
            return np.arange(self.n_passages)
        hashes = bigrams.needle_hashes(needle)[:SIGNATURE_BIGRAMS]
        return bigrams.holders(self.sigs, self._sig_masks, self._sig_bases, hashes)

    @cached_property
    def _sig_bases(self) -> np.ndarray:
        """Per passage, the number of its signature's first bit in all of ``sigs``."""
        return self.sig_offsets[:-1].astype(np.uint64) << np.uint64(6)

    @cached_property
    def _sig_masks(self) -> np.ndarray:
        """Per passage, its signature's size in bits less one (sizes are powers of two,
        so a hash masked with it is a bit of the signature)."""
        return (np.diff(self.sig_offsets) * 64 - 1).astype(np.uint64)

    def _norm_ranges(self, pids: np.ndarray) -> zip[tuple[int, int]]:
        """(start, end) of each of ``pids`` in the normalised text, the offsets read in one
        go rather than one passage at a time."""
        at = np.asarray(pids, dtype=np.intp)
        return zip(self.norm_offsets[at].tolist(), self.norm_offsets[at + 1].tolist(), strict=True)
