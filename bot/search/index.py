"""The compiled inverted index: build from per-document caches, open memory-mapped.

Layout of a compiled index folder::

    meta.json        counts, BM25 parameters, fingerprint, documents, sections
    vocab.txt        one term per line; line number = term id
    offsets.npy      int64[V+1]: postings of term t are [offsets[t], offsets[t+1])
    pids.npy         uint32[P]: passage ids, per term ordered by impact (best first)
    impacts.npy      uint16[P]: BM25 contribution of the term to the passage, quantised
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
"""

from __future__ import annotations

import json
import math
import mmap
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

import numpy as np

from bot.models import DocumentInfo
from bot.search import bigrams, heap
from bot.search import segments as seg
from bot.search.index_integrity import IndexDamaged as IndexDamaged
from bot.search.index_integrity import check_files as check_files
from bot.search.index_integrity import check_shapes, file_records
from bot.search.index_integrity import file_record as file_record
from bot.search.index_integrity import seal as seal
from bot.search.inside import InsideWords
from bot.search.quality import passage_priors
from bot.text.normalize import normalize

# 3: p_prior.npy (the body-text prior of a passage); 4: notes, copies, goals;
# 5: sigs.npy, sig_offsets.npy (bigram signatures of the passages); 6: inside.npy
INDEX_FORMAT = 6
K1 = 1.2
B = 0.75
IMPACT_LEVELS = 65535
_TERM_SHIFT = 40
_IMPACT_SHIFT = 24
_PID_MASK = (1 << 24) - 1
MAX_PASSAGES = 1 << 24
MAX_TERMS = 1 << 24
# Postings merged per partition: bounds build memory (~8 bytes each) at any corpus size.
PARTITION_POSTINGS = 4_000_000
# Postings unpacked and written at a time (512 KiB of keys).
WRITE_CHUNK = 1 << 16
# Phrase checks (``CompiledIndex.holds``): the texts read to see whether most hold the
# phrase (then a signature test would rule out few), the fewest passages worth a
# signature test, and the most bigrams tested.
PROBE_READS = 16
SIGNATURE_MIN = 48
SIGNATURE_BIGRAMS = 3
_ARRAYS = (
    "offsets",
    "pids",
    "impacts",
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
class CompiledIndex:
    """A read-only view of a compiled index folder."""

    path: Path
    meta: dict
    vocab: list[str]
    term_ids: dict[str, int]
    offsets: np.ndarray
    pids: np.ndarray
    impacts: np.ndarray
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
        """(passage ids, quantised impacts), best first; views into the mapped arrays."""
        lo, hi = int(self.offsets[term_id]), int(self.offsets[term_id + 1])
        return self.pids[lo:hi], self.impacts[lo:hi]

    def postings(self, term_id: int) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids as intp, impacts as float32 BM25 scores), best first. The ids
        are converted once here: numpy indexes with the mapped uint32 ones ~2.5 times
        slower, and a concept's hits are indexed with several times a query (their
        documents, heading gains, the dense sums)."""
        pids, impacts = self.raw_postings(term_id)
        return (
            np.asarray(pids, dtype=np.intp),
            impacts.astype(np.float32) * np.float32(self.impact_scale),
        )

    def passage_text(self, pid: int) -> str:
        lo, hi = int(self.text_offsets[pid]), int(self.text_offsets[pid + 1])
        return self.text_mmap[lo:hi].decode("utf-8") if self.text_mmap is not None else ""

    def passage_norm_bytes(self, pid: int) -> bytes:
        lo, hi = int(self.norm_offsets[pid]), int(self.norm_offsets[pid + 1])
        return self.norm_mmap[lo:hi] if self.norm_mmap is not None else b""

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

    def with_char(self, char: str) -> np.ndarray:
        """Whether each passage's normalised text holds ``char`` (one character), as a bool
        array over every passage, worked out once per character: the text is searched for
        the character's bytes, not read passage by passage (a rare character such as 占
        costs a few milliseconds at 10 MB, once)."""
        found = self._with_char.get(char)
        if found is None:
            found = np.zeros(self.n_passages, dtype=bool)
            hits = self._char_at(char)
            if hits.size:
                where = np.searchsorted(self.norm_offsets, hits, side="right") - 1
                found[where[(where >= 0) & (where < self.n_passages)]] = True
            found.flags.writeable = False
            self._with_char[char] = found
        return found

    def followed_by(
        self, char: str, betweens: tuple[str, ...], forms: tuple[str, ...], pids: np.ndarray
    ) -> np.ndarray:
        """Whether each of ``pids``' normalised text writes ``char``, then one of
        ``betweens`` (``""`` for nothing), then one of ``forms``, as a bool array. Nothing is
        decoded: the places of ``char`` followed, through one of ``betweens``, by a form's
        first two characters are listed once per character (:meth:`_char_next`); only
        those places in ``pids`` are compared byte by byte (a passage holding 占 is read
        whole only when a share's whole can follow it)."""
        out = np.zeros(len(pids), dtype=bool)
        forms = tuple(f for f in forms if f)
        if self.norm_mmap is None or not len(pids) or not forms:
            return out
        hits, owners, starting = self._char_next(char, betweens)
        heads = {f[:2] for f in forms}
        listed = [starting[h] for h in heads if h in starting]
        if any(len(h) < 2 for h in heads):  # a one-character form: every head it opens
            listed += [rows for h, rows in starting.items() if len(h) == 2 and h[0] in heads]
        if not listed:
            return out
        places = np.unique(np.concatenate(listed))
        # the places in the passages asked (a form's first characters after 占 and a
        # between are few; a between's own, 占全国, are not)
        places = places[np.isin(owners[places], pids)]
        if not places.size:
            return out
        mm, step = self.norm_mmap, len(char.encode("utf-8"))
        wanted = tuple((b + f).encode("utf-8") for b in betweens for f in forms)
        reach = max(map(len, wanted))
        found: set[int] = set()
        for place, pid in zip(places.tolist(), owners[places].tolist(), strict=True):
            if pid not in found:
                p, end = int(hits[place]) + step, int(self.norm_offsets[pid + 1])
                if mm[p : min(end, p + reach)].startswith(wanted):
                    found.add(pid)
        if found:
            out = np.isin(pids, np.fromiter(found, np.int64, len(found)))
        return out

    def _char_next(
        self, char: str, betweens: tuple[str, ...]
    ) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
        """The byte offsets where ``char`` is written (:meth:`_char_at`), the passage of
        each, and by the two characters written after ``char`` and one of ``betweens`` the
        places so followed: where a word starting with them may follow through
        ``betweens``. Read once per character and betweens (the bytes after each place may
        run into the next passage: a superset, checked by the caller)."""
        key = (char, betweens)
        got = self._char_nexts.get(key)
        if got is None:
            hits, step = self._char_at(char), len(char.encode("utf-8"))
            owners = np.searchsorted(self.norm_offsets, hits, side="right") - 1
            mm = self.norm_mmap
            lengths = sorted({len(b) for b in betweens})
            span = 4 * (max(lengths) + 2)  # UTF-8: at most four bytes a character
            allowed = set(betweens)
            by_head: dict[str, list[int]] = {}
            if mm is not None:
                for row, p in enumerate(hits.tolist()):
                    after = mm[p + step : p + step + span].decode("utf-8", "ignore")
                    for head in {after[n : n + 2] for n in lengths if after[:n] in allowed}:
                        if head:
                            by_head.setdefault(head, []).append(row)
            owners.flags.writeable = False
            starting = {h: np.asarray(rows, dtype=np.int64) for h, rows in by_head.items()}
            got = self._char_nexts[key] = (hits, owners, starting)
        return got

    def _char_at(self, char: str) -> np.ndarray:
        """The byte offsets in the normalised text where ``char`` is written (ascending),
        found once per character by searching the mapped text for its bytes."""
        hits = self._char_offsets.get(char)
        if hits is None:
            found: list[int] = []
            blob = self.norm_mmap
            if blob is not None and self.n_passages:
                raw = char.encode("utf-8")
                at = blob.find(raw)
                while at >= 0:
                    found.append(at)
                    at = blob.find(raw, at + len(raw))
            hits = np.asarray(found, dtype=np.int64)
            hits.flags.writeable = False
            self._char_offsets[char] = hits
        return hits

    @cached_property
    def _with_char(self) -> dict[str, np.ndarray]:
        return {}

    @cached_property
    def _char_offsets(self) -> dict[str, np.ndarray]:
        return {}

    @cached_property
    def _char_nexts(
        self,
    ) -> dict[tuple[str, tuple[str, ...]], tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]]:
        return {}

    def _norm_ranges(self, pids: np.ndarray) -> zip[tuple[int, int]]:
        """(start, end) of each of ``pids`` in the normalised text, the offsets read in one
        go rather than one passage at a time."""
        at = np.asarray(pids, dtype=np.intp)
        return zip(self.norm_offsets[at].tolist(), self.norm_offsets[at + 1].tolist(), strict=True)


def _npy_writer(fh: BinaryIO, dtype: str, length: int) -> None:
    """Write an .npy header so that raw data appended after it loads with np.load."""
    np.lib.format.write_array_header_1_0(
        fh, {"descr": np.dtype(dtype).str, "fortran_order": False, "shape": (length,)}
    )


def _raw_to_npy(raw: Path, out: Path, dtype: str, length: int) -> None:
    """``raw`` (items of ``dtype`` written as they came, their count unknown until the
    end) as an .npy file at ``out``, copied in blocks rather than held in memory."""
    with open(raw, "rb") as src, open(out, "wb") as dst:
        _npy_writer(dst, dtype, length)
        shutil.copyfileobj(src, dst, 1 << 20)
    raw.unlink()


def _partitions(df: np.ndarray, size: int) -> Iterator[tuple[int, int]]:
    """Contiguous term-id ranges holding about ``size`` postings each."""
    n = df.size
    lo = 0
    cum = np.cumsum(df)
    while lo < n:
        base = cum[lo - 1] if lo else 0
        hi = int(np.searchsorted(cum, base + size, side="right"))
        hi = max(hi, lo + 1)
        yield lo, min(hi, n)
        lo = hi


def _write_postings(keys: np.ndarray, pids_out: BinaryIO, impacts_out: BinaryIO) -> None:
    """Stream sorted (term, inverted impact, passage) ``keys`` out as passage ids and
    impacts, :data:`WRITE_CHUNK` keys at a time: unpacking a whole partition at once
    held up to three more arrays of its size (3 × 32 MB for a full one) at the build's
    peak."""
    for lo in range(0, keys.size, WRITE_CHUNK):
        chunk = keys[lo : lo + WRITE_CHUNK]
        (chunk & np.uint64(_PID_MASK)).astype("<u4").tofile(pids_out)
        impacts = np.uint64(IMPACT_LEVELS) - (
            (chunk >> np.uint64(_IMPACT_SHIFT)) & np.uint64(0xFFFF)
        )
        impacts.astype("<u2").tofile(impacts_out)


def _compact_layout(meta: dict) -> dict:
    """``meta`` with its passages' (start, length, section) rows as an (n, 3) int64 array."""
    meta["passages"] = np.asarray(meta["passages"], dtype=np.int64).reshape(-1, 3)
    return meta


def compile_index(cache_dir: Path, doc_ids: list[str], out_dir: Path, *, fingerprint: str) -> None:
    """Merge the cached segments of ``doc_ids`` into a compiled index at ``out_dir``.

    Postings are merged one term range at a time, packed into uint64 keys (term,
    inverted impact, passage) and sorted in place, then streamed to disk; memory
    stays bounded by :data:`PARTITION_POSTINGS` whatever the corpus size.
    """
    tmp_dir = out_dir.with_name(out_dir.name + ".building")
    shutil.rmtree(tmp_dir, ignore_errors=True)
    tmp_dir.mkdir(parents=True)

    # Pass 1: global vocabulary, document frequencies, passage layout and texts.
    term_ids: dict[str, int] = seg._LocalVocab()
    df = np.zeros(1024, dtype=np.int64)
    # Each document's passage layout as one array, not lists of Python ints: held for
    # every document through pass 1, the lists were ~35 MB at the 100 MB bench tier.
    metas = [_compact_layout(seg.load_meta(cache_dir, d)) for d in doc_ids]
    n_passages = sum(len(m["passages"]) for m in metas)
    if n_passages >= MAX_PASSAGES:
        raise ValueError(f"too many passages for one index: {n_passages}")
    p_len = np.zeros(n_passages, dtype=np.uint32)
    p_doc = np.zeros(n_passages, dtype=np.uint32)
    p_ord = np.zeros(n_passages, dtype=np.uint32)
    p_start = np.zeros(n_passages, dtype=np.uint32)
    p_chars = np.zeros(n_passages, dtype=np.uint32)
    p_section = np.zeros(n_passages, dtype=np.uint32)
    p_prior = np.ones(n_passages, dtype=np.float32)
    text_offsets = np.zeros(n_passages + 1, dtype=np.int64)
    norm_offsets = np.zeros(n_passages + 1, dtype=np.int64)
    sig_offsets = np.zeros(n_passages + 1, dtype=np.int64)
    sections: list[list[str]] = []
    section_ids: dict[tuple[str, ...], int] = {}
    local_maps: list[np.ndarray] = []
    docs: list[dict] = []
    base = 0
    with (
        open(tmp_dir / "text.bin", "wb") as text_out,
        open(tmp_dir / "norm.bin", "wb") as norm_out,
        open(tmp_dir / "sigs.raw", "wb") as sigs_out,
    ):
        for doc_index, (doc_id, meta) in enumerate(zip(doc_ids, metas, strict=True)):
            segs = seg.load_segments(cache_dir, doc_id)
            # Global ids in order of first sight, assigned in C (``__missing__``).
            mapping = np.fromiter(
                map(term_ids.__getitem__, segs.terms), dtype=np.int32, count=len(segs.terms)
            )
            if len(term_ids) > df.size:
                df = np.concatenate([df, np.zeros(max(df.size, len(term_ids)), dtype=np.int64)])
            np.add.at(df, mapping, np.bincount(segs.tid, minlength=len(segs.terms)))
            local_maps.append(mapping)
            layout = np.asarray(meta["passages"], dtype=np.int64).reshape(-1, 3)
            n = layout.shape[0]
            sl = slice(base, base + n)
            p_len[sl] = segs.plen
            p_doc[sl] = doc_index
            p_ord[sl] = np.arange(n, dtype=np.uint32)
            p_start[sl] = layout[:, 0]
            p_chars[sl] = layout[:, 1]
            remap = []
            for s in meta["sections"]:
                key = tuple(s)
                sid = section_ids.get(key)
                if sid is None:
                    sid = section_ids[key] = len(sections)
                    sections.append(list(s))
                remap.append(sid)
            if n:
                p_section[sl] = np.asarray(remap, dtype=np.uint32)[layout[:, 2]]
            text = seg.load_text(cache_dir, doc_id)
            rows = layout.tolist()
            p_prior[sl] = passage_priors(
                [text[start : start + length] for start, length, _ in rows],
                [meta["sections"][sec] if meta["sections"] else () for _, _, sec in rows],
            )
            norms: list[str] = []
            # The document normalised once (one character for one: a passage's slice of
            # it is the passage normalised), rather than passage by passage.
            norm_text = normalize(text)
            for k, (start, length, _) in enumerate(rows):
                raw = text[start : start + length].encode("utf-8")
                text_out.write(raw)
                text_offsets[base + k + 1] = text_offsets[base + k] + len(raw)
                norms.append(norm_text[start : start + length])
                nraw = norms[-1].encode("utf-8")
                norm_out.write(nraw)
                norm_offsets[base + k + 1] = norm_offsets[base + k] + len(nraw)
            words, packed = bigrams.signatures(norms)
            packed.tofile(sigs_out)
            np.cumsum(words, out=sig_offsets[base + 1 : base + n + 1])
            sig_offsets[base + 1 : base + n + 1] += sig_offsets[base]
            info = dict(meta["info"])
            info["first_pid"] = base
            docs.append(info)
            base += n
    n_terms = len(term_ids)
    if n_terms >= MAX_TERMS:
        raise ValueError(f"too many distinct terms for one index: {n_terms}")
    _raw_to_npy(tmp_dir / "sigs.raw", tmp_dir / "sigs.npy", "<u8", int(sig_offsets[-1]))
    # Pass 2 needs neither the documents' layouts nor the terms' strings (only their ids):
    # let them go before it, where the build peaks (Python objects, tens of MB at 100 MB).
    (tmp_dir / "vocab.txt").write_text("\n".join(term_ids), encoding="utf-8")
    inside = InsideWords(term_ids)
    del metas, term_ids
    heap.release()
    df = df[:n_terms]
    n_postings = int(df.sum())

    # BM25 parameters and the scale that quantises impacts into uint16.
    avg_len = max(float(p_len.mean()) if n_passages else 1.0, 1.0)
    idf = np.log1p((n_passages - df + 0.5) / (df + 0.5)) if n_terms else np.zeros(0)
    max_impact = float(idf.max() * (K1 + 1)) if n_terms else 1.0
    scale = max_impact / IMPACT_LEVELS if max_impact > 0 else 1.0
    norm = (K1 * (1 - B + B * p_len.astype(np.float64) / avg_len)).astype(np.float32)
    idf32 = idf.astype(np.float32)

    # Pass 2, per term range: pack postings into sortable keys, sort, stream out.
    offsets = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(df, out=offsets[1:])
    with (
        open(tmp_dir / "pids.npy", "wb") as pids_out,
        open(tmp_dir / "impacts.npy", "wb") as impacts_out,
    ):
        _npy_writer(pids_out, "<u4", n_postings)
        _npy_writer(impacts_out, "<u2", n_postings)
        for lo, hi in _partitions(df, PARTITION_POSTINGS):
            heap.release()  # the last partition's keys and temporaries, freed
            size = int(offsets[hi] - offsets[lo])
            keys = np.empty(size, dtype=np.uint64)
            pos = 0
            for doc_index, doc_id in enumerate(doc_ids):
                segs = seg.load_segments(cache_dir, doc_id)
                gid = local_maps[doc_index][segs.tid]
                if lo == 0:  # every document's postings once, all terms
                    inside.add(segs.pord, gid, segs.tf)
                take = (gid >= lo) & (gid < hi)
                if not take.any():
                    continue
                gid = gid[take]
                pid = segs.pord[take].astype(np.int64) + docs[doc_index]["first_pid"]
                tf = segs.tf[take].astype(np.float32)
                impact = idf32[gid] * tf * np.float32(K1 + 1) / (tf + norm[pid])
                q = np.clip(np.rint(impact / scale), 1, IMPACT_LEVELS).astype(np.uint64)
                keys[pos : pos + gid.size] = (
                    (gid.astype(np.uint64) << np.uint64(_TERM_SHIFT))
                    | ((np.uint64(IMPACT_LEVELS) - q) << np.uint64(_IMPACT_SHIFT))
                    | pid.astype(np.uint64)
                )
                pos += gid.size
            keys.sort()
            _write_postings(keys, pids_out, impacts_out)
            del keys

    for name, arr in {
        "offsets": offsets,
        "p_doc": p_doc,
        "p_ord": p_ord,
        "p_start": p_start,
        "p_len": p_chars,
        "p_section": p_section,
        "p_prior": p_prior,
        "text_offsets": text_offsets,
        "norm_offsets": norm_offsets,
        "sig_offsets": sig_offsets,
        "inside": inside.inside_only(),
    }.items():
        np.save(tmp_dir / f"{name}.npy", arr)
    meta_out = {
        "format": INDEX_FORMAT,
        "fingerprint": fingerprint,
        "n_passages": n_passages,
        "n_terms": n_terms,
        "n_postings": n_postings,
        "avg_len": avg_len,
        "k1": K1,
        "b": B,
        "impact_scale": scale,
        "docs": docs,
        "sections": sections,
        "files": file_records(tmp_dir),
    }
    (tmp_dir / "meta.json").write_text(json.dumps(meta_out, ensure_ascii=False), encoding="utf-8")
    _swap_in(tmp_dir, out_dir)
    heap.release()


def _swap_in(new_dir: Path, out_dir: Path) -> None:
    """Replace ``out_dir`` by ``new_dir`` so that readers never see a half-built index."""
    old = out_dir.with_name(out_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(old)
    new_dir.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)


def idf_of(df: int, n: int) -> float:
    return math.log1p((n - df + 0.5) / (df + 0.5))
