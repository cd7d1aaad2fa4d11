"""The compiled inverted index: build from per-document caches, open memory-mapped.

Layout of a compiled index folder::

    meta.json        counts, BM25 parameters, fingerprint, documents, sections
    vocab.txt        one term per line; line number = term id
    offsets.npy      int64[V+1]: postings of term t are [offsets[t], offsets[t+1])
    pids.npy         int64[P]: passage ids, per term ordered by impact (best first)
    scores.npy       float32[P]: BM25 contribution of the term to the passage, quantised
                     to one of IMPACT_LEVELS levels times the scale (the impacts
                     themselves, uint16, are no longer stored: index format 8)
    p_doc.npy, p_ord.npy, p_start.npy, p_len.npy, p_section.npy   uint32[N] per passage
    text.bin, text_offsets.npy   passages' original text (UTF-8) and byte offsets[N+1]
    norm.bin, norm_offsets.npy   passages' normalised text, for phrase checks and scans
    sigs.npy, sig_offsets.npy    uint64 words: each passage's character-bigram signature
                                 (:mod:`.bigrams`), [sig_offsets[p], sig_offsets[p+1]):
                                 passages that cannot hold a phrase are not read
    inside.npy       uint32, ascending: two-character terms the corpus writes only in the
                     middle of longer words (经纪 of 财经纪律; :mod:`.inside`)

Integrity: ``meta.json`` records, under ``files``, the size of every other file of the
folder and a BLAKE2b digest of it (whole for ``vocab.txt``, which opening reads anyway,
and files up to :data:`.index_integrity.WHOLE_HASH_MAX`; the first and last
:data:`.index_integrity.EDGE_BYTES` of larger ones; :mod:`.index_integrity`).
:meth:`CompiledIndex.open` checks them and the arrays' lengths against each other and
raises :class:`IndexDamaged` for anything missing, cut short or not as written; the
indexer moves such an index aside and rebuilds it (``Indexer.open_index``). Sizes and
edges keep opening fast at any corpus size; a flipped byte in the middle of a large
array is the one damage this does not see.

BM25 contributions are precomputed ("impacts") so that a query only gathers and adds
numbers; ordering each posting list by impact lets a one-term query read just its
first k entries. Everything is memory-mapped, so opening is fast and re-segments
nothing.

This module opens and reads an index; :mod:`.index_build` writes one (and holds
:data:`INDEX_FORMAT`), :mod:`.index_integrity` checks its files, and the mixins
:mod:`.phrase_checks` and :mod:`.char_places` search its normalised text.
"""

from __future__ import annotations

import json
import math
import mmap
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from bot.models import DocumentInfo
from bot.search import segments as seg
from bot.search.char_places import CharPlaces
from bot.search.index_build import INDEX_FORMAT as INDEX_FORMAT
from bot.search.index_build import _compact_layout as _compact_layout
from bot.search.index_build import compile_index as compile_index
from bot.search.index_integrity import IndexDamaged as IndexDamaged
from bot.search.index_integrity import check_files as check_files
from bot.search.index_integrity import check_shapes
from bot.search.index_integrity import file_record as file_record
from bot.search.index_integrity import seal as seal
from bot.search.phrase_checks import SIGNATURE_MIN as SIGNATURE_MIN
from bot.search.phrase_checks import PhraseChecks

_ARRAYS = (
    "offsets",
    "pids",
    "scores",
    "p_doc",
    "p_ord",
    "p_start",
    "p_len",
    "p_section",
    "p_prior",
    "text_offsets",
    "norm_offsets",
    "sig_offsets",
    "sigs",
    "inside",
)


Stamp = tuple[int, int, int, int]
"""Which generation of a compiled index a folder holds: device, inode, mtime and size of its
``meta.json`` (every build writes a new one, swapped in with the folder)."""


def generation_stamp(path: Path) -> Stamp | None:
    """The :data:`Stamp` of the compiled index at ``path`` now (one ``stat``), or None when
    there is none. Cheap enough to call before every search."""
    try:
        st = os.stat(path / "meta.json")
    except OSError:
        return None
    return _stamp_of(st)


def _stamp_of(st: os.stat_result) -> Stamp:
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


@dataclass
class CompiledIndex(PhraseChecks, CharPlaces):
    """A read-only view of a compiled index folder."""

    path: Path
    meta: dict
    vocab: list[str]
    term_ids: dict[str, int]
    offsets: np.ndarray
    pids: np.ndarray  # int64: numpy indexes with intp ids ~2.5 times faster than uint32
    scores: np.ndarray  # float32: quantised impacts × impact_scale (see ``postings``)
    p_doc: np.ndarray
    p_ord: np.ndarray
    p_start: np.ndarray
    p_len: np.ndarray
    p_section: np.ndarray
    p_prior: np.ndarray  # body-text prior per passage (bot.search.quality)
    text_mmap: mmap.mmap | None
    text_offsets: np.ndarray
    norm_mmap: mmap.mmap | None
    norm_offsets: np.ndarray
    sig_offsets: np.ndarray  # per passage, in words of ``sigs`` (N + 1)
    sigs: np.ndarray  # bigram signatures (uint64 words, :mod:`.bigrams`)
    inside: np.ndarray  # short terms written only inside longer words (:mod:`.inside`)
    docs: list[DocumentInfo]
    doc_first_pid: list[int]
    sections: list[tuple[str, ...]]
    # The generation opened (generation_stamp of the folder when its meta.json was read).
    stamp: Stamp | None = None

    @classmethod
    def open(cls, path: Path) -> CompiledIndex:
        """Open and verify the index at ``path``; :class:`IndexDamaged` if it is missing,
        damaged or of another format (see the module docstring)."""
        try:
            return cls._open(path)
        except IndexDamaged:
            raise
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
            raise IndexDamaged(f"{path}: {type(exc).__name__}: {exc}") from exc

    @classmethod
    def _open(cls, path: Path) -> CompiledIndex:
        with open(path / "meta.json", "rb") as fh:
            stamp = _stamp_of(os.fstat(fh.fileno()))
            meta = json.loads(fh.read().decode("utf-8"))
        if not isinstance(meta, dict):
            raise IndexDamaged(f"{path}: meta.json is not an index's metadata")
        if meta.get("format") != INDEX_FORMAT:
            raise IndexDamaged(f"{path}: index format {meta.get('format')} is not {INDEX_FORMAT}")
        raw_bytes = (path / "vocab.txt").read_bytes()
        check_files(path, meta, contents={"vocab.txt": raw_bytes})
        raw = raw_bytes.decode("utf-8")
        vocab = raw.split("\n") if raw else []

        def load(name: str) -> np.ndarray:
            # A plain ndarray view of the mapping: np.memmap's Python-level hooks on
            # every slice cost more than a small query's arithmetic.
            return np.load(path / f"{name}.npy", mmap_mode="r").view(np.ndarray)

        def blob(name: str) -> mmap.mmap | None:
            with open(path / name, "rb") as fh:
                if fh.seek(0, 2) == 0:  # an empty file cannot be mapped
                    return None
                return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)

        arrays = {name: load(name) for name in _ARRAYS}
        text_mmap, norm_mmap = blob("text.bin"), blob("norm.bin")
        check_shapes(meta, vocab, arrays, text_mmap, norm_mmap)
        return cls(
            path=path,
            meta=meta,
            vocab=vocab,
            term_ids=dict(zip(vocab, range(len(vocab)), strict=True)),
            **arrays,
            text_mmap=text_mmap,
            norm_mmap=norm_mmap,
            docs=[
                seg.info_from_json({k: v for k, v in d.items() if k != "first_pid"})
                for d in meta["docs"]
            ],
            doc_first_pid=[int(d["first_pid"]) for d in meta["docs"]],
            sections=[tuple(s) for s in meta["sections"]],
            stamp=stamp,
        )

    @property
    def n_passages(self) -> int:
        return int(self.meta["n_passages"])

    @property
    def impact_scale(self) -> float:
        return float(self.meta["impact_scale"])

    def df(self, term_id: int) -> int:
        return int(self.offsets[term_id + 1] - self.offsets[term_id])

    def only_inside(self, term: str) -> bool:
        """Whether ``term`` is a two-character term the corpus writes only in the middle
        of longer words (经纪 of 财经纪律), never as a word of its own."""
        return term in self.inside_terms

    @cached_property
    def inside_terms(self) -> frozenset[str]:
        """The terms of ``inside.npy`` (see :meth:`only_inside`), made on first use."""
        vocab = self.vocab
        return frozenset(vocab[t] for t in self.inside.tolist())

    def raw_postings(self, term_id: int) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, scores), best first: ``postings`` (callers reading only the ids
        name it so); the quantised impacts are no longer stored (index format 8)."""
        return self.postings(term_id)

    def postings(self, term_id: int) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids as intp, impacts as float32 BM25 scores), best first: read-only
        views into the mapped arrays, both stored so at build (index format 7). Converting
        them per query (uint32 ids to intp, uint16 impacts to float32 times the scale) cost
        ~0.1 ms for a common word's 100,000 postings at 100 MB, at every query naming it;
        numpy indexes with intp ids ~2.5 times faster than with uint32 ones, and a
        concept's hits are indexed several times a query (their documents, heading gains,
        the dense sums). The same ids and the same float32 numbers as converting."""
        lo, hi = int(self.offsets[term_id]), int(self.offsets[term_id + 1])
        return self.pids[lo:hi], self.scores[lo:hi]

    def passage_text(self, pid: int) -> str:
        lo, hi = int(self.text_offsets[pid]), int(self.text_offsets[pid + 1])
        return self.text_mmap[lo:hi].decode("utf-8") if self.text_mmap is not None else ""

    def passage_norm_bytes(self, pid: int) -> bytes:
        lo, hi = int(self.norm_offsets[pid]), int(self.norm_offsets[pid + 1])
        return self.norm_mmap[lo:hi] if self.norm_mmap is not None else b""

    def passages_norm_texts(self, pids: np.ndarray) -> list[str]:
        """The normalised texts of many passages, the offsets read in one go (the best
        passages' texts, whose sentences the ranking reads), each cut and decoded in one
        step."""
        if self.norm_mmap is None:
            return [""] * len(pids)
        mm = self.norm_mmap
        return [mm[lo:hi].decode("utf-8", "replace") for lo, hi in self._norm_ranges(pids)]

    def opening_with(self, openings: tuple[bytes, ...], pids: np.ndarray) -> np.ndarray:
        """Whether the normalised text of each of ``pids`` opens with one of ``openings``
        (UTF-8 bytes), as a bool array: only each passage's first bytes are read, nothing
        decoded. Asked for the passages at hand (a window's 20, ~10 µs), not for every
        passage once: that touched every page of the mapped text at the first query (at
        100 MB, 14 ms of CPU with the text in the page cache, 0.12 s of wall at load)."""
        if self.norm_mmap is None or not len(pids):
            return np.zeros(len(pids), dtype=bool)
        mm, reach = self.norm_mmap, max(map(len, openings))
        at = np.asarray(pids, dtype=np.intp)
        starts, ends = self.norm_offsets[at].tolist(), self.norm_offsets[at + 1].tolist()
        heads = [mm[lo : min(hi, lo + reach)] for lo, hi in zip(starts, ends, strict=True)]
        return np.array([head.startswith(openings) for head in heads], dtype=bool)


def idf_of(df: int, n: int) -> float:
    return math.log1p((n - df + 0.5) / (df + 0.5))
