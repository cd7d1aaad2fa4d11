"""The build of a compiled index (:func:`compile_index`): the cached segments of the
documents merged into the folder :mod:`bot.search.index` describes and opens, BM25
contributions precomputed and quantised ("impacts"), postings merged one term range at a
time with bounded memory, the new folder swapped in whole.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import numpy as np

from bot.search import bigrams, heap
from bot.search import segments as seg
from bot.search.index_integrity import file_records
from bot.search.inside import InsideWords
from bot.search.quality import passage_priors
from bot.text.normalize import normalize

# 3: p_prior.npy (the body-text prior of a passage); 4: notes, copies, goals;
# 5: sigs.npy, sig_offsets.npy (bigram signatures of the passages); 6: inside.npy
INDEX_FORMAT = 8
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


def _write_postings(
    keys: np.ndarray,
    pids_out: BinaryIO,
    scores_out: BinaryIO,
    scale: np.float32,
) -> None:
    """Stream sorted (term, inverted impact, passage) ``keys`` out as passage ids (int64)
    and the float32 scores a query adds (impact × ``scale``: stored so that a query reads
    them as they are, not converted per query; the uint16 impacts themselves, stored
    beside them until index format 8, are read by nothing since),
    :data:`WRITE_CHUNK` keys at a time: unpacking a whole partition at once held up to
    three more arrays of its size (3 × 32 MB for a full one) at the build's peak."""
    for lo in range(0, keys.size, WRITE_CHUNK):
        chunk = keys[lo : lo + WRITE_CHUNK]
        (chunk & np.uint64(_PID_MASK)).astype("<i8").tofile(pids_out)
        impacts = (
            np.uint64(IMPACT_LEVELS) - ((chunk >> np.uint64(_IMPACT_SHIFT)) & np.uint64(0xFFFF))
        ).astype("<u2")
        # the same float32 product a query made of them before format 7
        (impacts.astype(np.float32) * scale).astype("<f4").tofile(scores_out)


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
        open(tmp_dir / "scores.npy", "wb") as scores_out,
    ):
        _npy_writer(pids_out, "<i8", n_postings)
        _npy_writer(scores_out, "<f4", n_postings)
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
            _write_postings(keys, pids_out, scores_out, np.float32(scale))
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
