"""The compiled inverted index: build from per-document caches, open memory-mapped.

Layout of a compiled index folder::

    meta.json        counts, BM25 parameters, tokenizer fingerprint, documents, sections
    vocab.txt        one term per line; line number = term id
    offsets.npy      int64[V+1]: postings of term t are [offsets[t], offsets[t+1])
    pids.npy         uint32[P]: passage ids, per term ordered by impact (best first)
    impacts.npy      uint16[P]: BM25 contribution of the term to the passage, quantised
    p_doc.npy, p_ord.npy, p_start.npy, p_len.npy, p_section.npy   uint32[N] per passage

BM25 contributions are precomputed ("impacts") so that a query only gathers and adds
numbers; ordering each posting list by impact lets a one-term query read just its
first k entries. Arrays are memory-mapped, so opening is fast and needs no
re-segmentation.
"""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.models import DocumentInfo
from bot.search import segments as seg

INDEX_FORMAT = 1
K1 = 1.2
B = 0.75
IMPACT_LEVELS = 65535
_TERM_SHIFT = 40
_IMPACT_SHIFT = 24
_PID_MASK = (1 << 24) - 1
MAX_PASSAGES = 1 << 24
MAX_TERMS = 1 << 24
_CHUNK = 1 << 21


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
    docs: list[DocumentInfo]
    doc_first_pid: list[int]
    sections: list[tuple[str, ...]]

    @classmethod
    def open(cls, path: Path) -> CompiledIndex:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != INDEX_FORMAT:
            raise ValueError(f"index format {meta.get('format')} is not {INDEX_FORMAT}")
        raw = (path / "vocab.txt").read_text(encoding="utf-8")
        vocab = raw.split("\n") if raw else []

        def load(name: str) -> np.ndarray:
            return np.load(path / f"{name}.npy", mmap_mode="r")

        return cls(
            path=path,
            meta=meta,
            vocab=vocab,
            term_ids={t: i for i, t in enumerate(vocab)},
            offsets=load("offsets"),
            pids=load("pids"),
            impacts=load("impacts"),
            p_doc=load("p_doc"),
            p_ord=load("p_ord"),
            p_start=load("p_start"),
            p_len=load("p_len"),
            p_section=load("p_section"),
            docs=[
                seg.info_from_json({k: v for k, v in d.items() if k != "first_pid"})
                for d in meta["docs"]
            ],
            doc_first_pid=[int(d["first_pid"]) for d in meta["docs"]],
            sections=[tuple(s) for s in meta["sections"]],
        )

    @property
    def n_passages(self) -> int:
        return int(self.meta["n_passages"])

    @property
    def impact_scale(self) -> float:
        return float(self.meta["impact_scale"])

    def df(self, term_id: int) -> int:
        return int(self.offsets[term_id + 1] - self.offsets[term_id])

    def postings(self, term_id: int) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, impacts as float32 BM25 scores), best first."""
        lo, hi = int(self.offsets[term_id]), int(self.offsets[term_id + 1])
        return self.pids[lo:hi], self.impacts[lo:hi].astype(np.float32) * self.impact_scale


def compile_index(cache_dir: Path, doc_ids: list[str], out_dir: Path, *, fingerprint: str) -> None:
    """Merge the cached segments of ``doc_ids`` into a compiled index at ``out_dir``.

    Memory stays near 8 bytes per posting: postings are packed into one uint64 key
    (term, inverted impact, passage) and sorted in place.
    """
    tmp_dir = out_dir.with_name(out_dir.name + ".building")
    shutil.rmtree(tmp_dir, ignore_errors=True)
    tmp_dir.mkdir(parents=True)

    # Pass 1: global vocabulary, document frequencies, passage layout.
    term_ids: dict[str, int] = {}
    df = np.zeros(1024, dtype=np.int64)
    metas = [seg.load_meta(cache_dir, d) for d in doc_ids]
    n_passages = sum(len(m["passages"]) for m in metas)
    n_postings = sum(int(m["n_postings"]) for m in metas)
    if n_passages >= MAX_PASSAGES:
        raise ValueError(f"too many passages for one index: {n_passages}")
    p_len = np.zeros(n_passages, dtype=np.uint32)
    p_doc = np.zeros(n_passages, dtype=np.uint32)
    p_ord = np.zeros(n_passages, dtype=np.uint32)
    p_start = np.zeros(n_passages, dtype=np.uint32)
    p_chars = np.zeros(n_passages, dtype=np.uint32)
    p_section = np.zeros(n_passages, dtype=np.uint32)
    sections: list[list[str]] = []
    section_ids: dict[tuple[str, ...], int] = {}
    local_maps: list[np.ndarray] = []
    docs: list[dict] = []
    base = 0
    for doc_index, (doc_id, meta) in enumerate(zip(doc_ids, metas, strict=True)):
        segs = seg.load_segments(cache_dir, doc_id)
        mapping = np.empty(len(segs.terms), dtype=np.int64)
        for i, term in enumerate(segs.terms):
            gid = term_ids.get(term)
            if gid is None:
                gid = term_ids[term] = len(term_ids)
            mapping[i] = gid
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
        info = dict(meta["info"])
        info["first_pid"] = base
        docs.append(info)
        base += n
    n_terms = len(term_ids)
    if n_terms >= MAX_TERMS:
        raise ValueError(f"too many distinct terms for one index: {n_terms}")
    df = df[:n_terms]

    # BM25 parameters and the scale that quantises impacts into uint16.
    avg_len = float(p_len.mean()) if n_passages else 1.0
    avg_len = max(avg_len, 1.0)
    idf = np.log1p((n_passages - df + 0.5) / (df + 0.5)) if n_terms else np.zeros(0)
    max_impact = float(idf.max() * (K1 + 1)) if n_terms else 1.0
    scale = max_impact / IMPACT_LEVELS if max_impact > 0 else 1.0
    norm = (K1 * (1 - B + B * p_len.astype(np.float64) / avg_len)).astype(np.float32)

    # Pass 2: pack postings into sortable keys.
    keys = np.empty(n_postings, dtype=np.uint64)
    pos = 0
    for doc_index, doc_id in enumerate(doc_ids):
        segs = seg.load_segments(cache_dir, doc_id)
        gid = local_maps[doc_index][segs.tid]
        pid = segs.pord.astype(np.int64) + docs[doc_index]["first_pid"]
        tf = segs.tf.astype(np.float32)
        impact = idf[gid].astype(np.float32) * tf * np.float32(K1 + 1) / (tf + norm[pid])
        q = np.clip(np.rint(impact / scale), 1, IMPACT_LEVELS).astype(np.uint64)
        k = (
            (gid.astype(np.uint64) << np.uint64(_TERM_SHIFT))
            | ((np.uint64(IMPACT_LEVELS) - q) << np.uint64(_IMPACT_SHIFT))
            | pid.astype(np.uint64)
        )
        keys[pos : pos + k.size] = k
        pos += k.size
    del local_maps
    keys.sort()

    offsets = np.zeros(n_terms + 1, dtype=np.int64)
    pids = np.lib.format.open_memmap(tmp_dir / "pids.npy", "w+", np.uint32, (n_postings,))
    impacts = np.lib.format.open_memmap(tmp_dir / "impacts.npy", "w+", np.uint16, (n_postings,))
    counts = np.zeros(n_terms, dtype=np.int64)
    for lo in range(0, n_postings, _CHUNK):
        chunk = keys[lo : lo + _CHUNK]
        pids[lo : lo + chunk.size] = (chunk & np.uint64(_PID_MASK)).astype(np.uint32)
        impacts[lo : lo + chunk.size] = (
            np.uint64(IMPACT_LEVELS) - ((chunk >> np.uint64(_IMPACT_SHIFT)) & np.uint64(0xFFFF))
        ).astype(np.uint16)
        counts += np.bincount((chunk >> np.uint64(_TERM_SHIFT)).astype(np.int64), minlength=n_terms)
    del keys
    np.cumsum(counts, out=offsets[1:])
    pids.flush()
    impacts.flush()
    del pids, impacts

    for name, arr in {
        "offsets": offsets,
        "p_doc": p_doc,
        "p_ord": p_ord,
        "p_start": p_start,
        "p_len": p_chars,
        "p_section": p_section,
    }.items():
        np.save(tmp_dir / f"{name}.npy", arr)
    (tmp_dir / "vocab.txt").write_text("\n".join(term_ids), encoding="utf-8")
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
    }
    (tmp_dir / "meta.json").write_text(json.dumps(meta_out, ensure_ascii=False), encoding="utf-8")
    _swap_in(tmp_dir, out_dir)


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
