"""Heading gains stored with the compiled index (issue 13's speed goal).

What a common index term's hits gain from topic headings and one-line leads
(:func:`~bot.search.headings.heading_gain`: the hits raised, the passages under or led
that are no hits, their scores) depends on the term and the index alone. On a term's
first sight in a query it cost 40–130 µs at 10 MB (a dozen numpy calls over its hits and
the passages under its headings), the largest first-sight step of the queries around the
p95. It is worked out here once, when the index is built, for every term on at least
:data:`~bot.search.headings.LOOSE_MAX_HITS` passages (a rarer term may also be written
loosely, which the searcher looks for on first sight, and costs little): a term gaining
nothing is simply not stored, and a query reads the stored arrays (memory-mapped) instead.

Files, beside the lexicon in the compiled folder and sealed with it (``meta.json``
records them)::

    gains.json          the rules' digest (headings.py, quality.py) and the least df
    gain_terms.npy      int64[k]: the term ids with a stored gain, ascending
    gain_values.npy     float32[k, 2]: bonus and rest_score of each
    gain_offsets.npy    int64[k + 1, 2]: each term's slice of gain_raised, gain_rest
    gain_raised.npy     int32: positions of the hits raised (in posting order)
    gain_rest.npy       uint32: the passages under or led that are no hits, ascending

A folder without them (built before this module), or built under other heading rules
(the digest differs), is read as before: every gain worked out on first sight. The values
are those :func:`heading_gain` returns for the term's postings, bit for bit; the tests
compare them.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.search import headings, heap, quality
from bot.search.headings import (
    LOOSE_MAX_HITS,
    Gain,
    HeadingTable,
    heading_gain,
    heading_table,
    lead_next,
    normalized_sections,
)
from bot.search.index import CompiledIndex

GAINS_FILE = "gains.json"
_ARRAYS = ("gain_terms", "gain_values", "gain_offsets", "gain_raised", "gain_rest")
_NO_LOOSE = np.zeros(0, dtype=np.intp)
_NO_LOOSE.flags.writeable = False
_NOTHING = Gain(_NO_LOOSE, np.float32(0))


def rules_digest() -> str | None:
    """A digest of the code that decides a gain (``headings.py``, and ``quality.py``
    whose lead prior it reads), or None when the sources cannot be read: stored gains
    are used only under the rules that made them."""
    h = hashlib.blake2b(digest_size=16)
    try:
        for module in (headings, quality):
            h.update(Path(module.__file__ or "").read_bytes())
    except OSError:
        return None
    return h.hexdigest()


def build_heading_gains(compiled_dir: Path) -> None:
    """Write the stored gains of the compiled index at ``compiled_dir`` (then ``seal``
    it). Terms of no heading text and no lead among their hits are passed over with a
    look-up each; the others cost what their first sight in a query did."""
    digest = rules_digest()
    if digest is None:
        return
    with _Unmapped(CompiledIndex.open(compiled_dir)) as ix:
        arrays, n_terms = _gains(ix)
    heap.release()  # the heading table and the pieces, freed before the arrays are written
    for name, arr in arrays.items():
        np.save(compiled_dir / f"{name}.npy", arr)
    meta = {"rules": digest, "min_df": LOOSE_MAX_HITS, "terms": n_terms}
    (compiled_dir / GAINS_FILE).write_text(json.dumps(meta), encoding="utf-8")


class _Unmapped:
    """A compiled index as :func:`heading_table` and the gains read it, with the texts
    and postings read by ``pread`` instead of through the mappings: the build's memory
    goal counts every mapped page touched, and the first passage of every section and
    the postings of every common term are most of the folder (at 100 MB, ~100 MB of
    pages resident for a step that needs a few at a time)."""

    def __init__(self, index: CompiledIndex) -> None:
        self._ix = index
        path = index.path
        self._norm = os.open(path / "norm.bin", os.O_RDONLY)
        self._pids = os.open(path / "pids.npy", os.O_RDONLY)
        self._scores = os.open(path / "scores.npy", os.O_RDONLY)
        # where the arrays' data start in their .npy files (a mapping made, not read)
        self._pids_at = np.load(path / "pids.npy", mmap_mode="r").offset
        self._scores_at = np.load(path / "scores.npy", mmap_mode="r").offset

    def __enter__(self) -> _Unmapped:
        return self

    def __exit__(self, *exc: object) -> None:
        for fd in (self._norm, self._pids, self._scores):
            os.close(fd)

    def __getattr__(self, name: str):
        return getattr(self._ix, name)

    def passages_norm_texts(self, pids: np.ndarray) -> list[str]:
        """As ``CompiledIndex.passages_norm_texts``."""
        at = np.asarray(pids, dtype=np.intp)
        starts = self._ix.norm_offsets[at].tolist()
        ends = self._ix.norm_offsets[at + 1].tolist()
        read = os.pread
        return [
            read(self._norm, hi - lo, lo).decode("utf-8", "replace")
            for lo, hi in zip(starts, ends, strict=True)
        ]

    def postings(self, term_id: int) -> tuple[np.ndarray, np.ndarray]:
        """As ``CompiledIndex.postings`` (the same float32 scores)."""
        lo, hi = int(self._ix.offsets[term_id]), int(self._ix.offsets[term_id + 1])
        n = hi - lo
        pids = np.frombuffer(os.pread(self._pids, 8 * n, self._pids_at + 8 * lo), "<i8")
        scores = np.frombuffer(os.pread(self._scores, 4 * n, self._scores_at + 4 * lo), "<f4")
        return pids, scores


def _gains(ix: _Unmapped) -> tuple[dict[str, np.ndarray], int]:
    """The stored gains' arrays (see the module docstring) and how many terms have one."""
    table = heading_table(ix, normalized_sections(ix.sections))  # type: ignore[arg-type]
    leads = lead_next(ix._ix)
    is_lead = leads >= 0
    terms: list[int] = []
    values: list[tuple[np.float32, np.float32]] = []
    raised: list[np.ndarray] = []
    rest: list[np.ndarray] = []
    for tid in np.flatnonzero(np.diff(ix.offsets) >= LOOSE_MAX_HITS).tolist():
        term = ix.vocab[tid]
        pids, scores = ix.postings(tid)
        pids = pids.astype(np.intp)
        if not (_in_headings(table, term) or is_lead[pids].any()):
            continue
        gain = heading_gain(table, leads, is_lead, (term,), (pids, scores), _NO_LOOSE, 0.0)
        if gain.rest is None:
            continue  # nothing gained
        terms.append(tid)
        values.append((gain.bonus, gain.rest_score))
        raised.append(gain.raised)
        # as stored (passage ids, uint32): the int64 pieces held until the end were twice
        # the size, and their concatenation a third copy (~11 MB each at 100 MB)
        rest.append(gain.rest.astype(np.uint32))
    offsets = np.zeros((len(terms) + 1, 2), dtype=np.int64)
    offsets[1:, 0] = np.cumsum([r.size for r in raised])
    offsets[1:, 1] = np.cumsum([r.size for r in rest])
    arrays = {
        "gain_terms": np.asarray(terms, dtype=np.int64),
        "gain_values": np.asarray(values, dtype=np.float32).reshape(-1, 2),
        "gain_offsets": offsets,
        "gain_raised": np.concatenate(raised or [np.zeros(0)]).astype(np.int32),
        "gain_rest": np.concatenate(rest or [np.zeros(0)]).astype(np.uint32),
    }
    return arrays, len(terms)


def _in_headings(table: HeadingTable, term: str) -> bool:
    return bool(table.texts_holding(term).size)


@dataclass(frozen=True)
class StoredGains:
    """The stored gains of an open index (:func:`build_heading_gains`)."""

    min_df: int
    terms: np.ndarray
    values: np.ndarray
    offsets: np.ndarray
    raised: np.ndarray
    rest: np.ndarray

    @classmethod
    def load(cls, index: CompiledIndex) -> StoredGains | None:
        """The gains stored in ``index``'s folder, or None: none stored, or stored under
        other rules (then every gain is worked out on first sight, as before)."""
        try:
            meta = json.loads((index.path / GAINS_FILE).read_text(encoding="utf-8"))
            if meta.get("rules") != rules_digest():
                return None
            arrays = [
                np.load(index.path / f"{name}.npy", mmap_mode="r").view(np.ndarray)
                for name in _ARRAYS
            ]
        except (OSError, ValueError):
            return None
        return cls(int(meta["min_df"]), *arrays)

    def gain(self, index: CompiledIndex, term_id: int) -> Gain | None:
        """What the hits of the plain term ``term_id`` (its postings, no synonym, no text
        check) gain, as :func:`heading_gain` finds it; None for a term not looked at when
        the index was built (fewer than :attr:`min_df` passages)."""
        if index.df(term_id) < self.min_df:
            return None
        at = int(np.searchsorted(self.terms, term_id))
        if at >= self.terms.size or int(self.terms[at]) != term_id:
            return _NOTHING
        (r0, s0), (r1, s1) = self.offsets[at].tolist(), self.offsets[at + 1].tolist()
        bonus, rest_score = self.values[at]
        return Gain(
            _NO_LOOSE,
            np.float32(0),
            raised=self.raised[r0:r1],
            bonus=bonus,
            rest=self.rest[s0:s1],
            rest_score=rest_score,
        )
