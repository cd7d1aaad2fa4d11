"""Per-document segmentation results, cached on disk.

Segmenting is by far the most expensive part of indexing, so each document's term
counts are kept in a small ``.npz`` next to its text. Recompiling the global index
after one document changes then reads these caches instead of re-segmenting the
others.
"""

from __future__ import annotations

import json
from array import array
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from bot.models import Document, DocumentInfo, Passage
from bot.text.normalize import normalize
from bot.text.tokenize import Tokenizer

MAX_TF = 65535


@dataclass(frozen=True)
class DocSegments:
    """Bag-of-terms of every passage of one document.

    Postings are parallel arrays: local term id, passage ordinal, term frequency.
    """

    terms: list[str]
    tid: np.ndarray  # uint32
    pord: np.ndarray  # uint32
    tf: np.ndarray  # uint16
    plen: np.ndarray  # uint32, terms per passage


class _LocalVocab(dict):
    """term -> id, assigning the next id on first sight (so ``map`` can run in C)."""

    def __missing__(self, key: str) -> int:
        value = self[key] = len(self)
        return value


def segment_document(doc: Document, tokenizer: Tokenizer) -> DocSegments:
    vocab = _LocalVocab()
    tids = array("I")
    ords = array("I")
    plen = array("I")
    for passage in doc.passages:
        terms = tokenizer.terms(normalize(passage.text))
        plen.append(len(terms))
        ords.append(passage.ordinal)
        tids.extend(map(vocab.__getitem__, terms))
    # Each term's passage ordinal, repeated in numpy rather than listed per token.
    pords = np.repeat(np.frombuffer(ords, dtype=np.uint32), np.frombuffer(plen, dtype=np.uint32))
    # (passage, term) pairs -> term frequency, counted in numpy rather than per token.
    keys = (pords.astype(np.uint64) << np.uint64(32)) | (
        np.frombuffer(tids, dtype=np.uint32).astype(np.uint64)
    )
    uniq, counts = np.unique(keys, return_counts=True)
    return DocSegments(
        terms=list(vocab),
        tid=(uniq & np.uint64(0xFFFFFFFF)).astype(np.uint32),
        pord=(uniq >> np.uint64(32)).astype(np.uint32),
        tf=np.minimum(counts, MAX_TF).astype(np.uint16),
        plen=np.frombuffer(plen, dtype=np.uint32).copy(),
    )


def cached_document(cache_dir: Path, doc_id: str) -> Document:
    """Rebuild a :class:`Document` (text, passages with sections) from its cache."""
    meta = load_meta(cache_dir, doc_id)
    info = info_from_json(meta["info"])
    text = load_text(cache_dir, doc_id)
    sections = [tuple(s) for s in meta["sections"]]
    passages = tuple(
        Passage(doc_id, i, text[start : start + length], start, sections[sid])
        for i, (start, length, sid) in enumerate(meta["passages"])
    )
    return info.document(text, passages)


def _paths(cache_dir: Path, doc_id: str) -> tuple[Path, Path, Path]:
    return (
        cache_dir / f"{doc_id}.json",
        cache_dir / f"{doc_id}.txt",
        cache_dir / f"{doc_id}.npz",
    )


def save_document(cache_dir: Path, doc: Document, segs: DocSegments, info: DocumentInfo) -> None:
    """Write text, passage layout and segments of one document (atomically per file)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    meta_path, text_path, npz_path = _paths(cache_dir, doc.doc_id)
    sections: list[list[str]] = []
    section_ids: dict[tuple[str, ...], int] = {}
    layout = []
    for p in doc.passages:
        sid = section_ids.get(p.section)
        if sid is None:
            sid = section_ids[p.section] = len(sections)
            sections.append(list(p.section))
        layout.append([p.start, len(p.text), sid])
    meta = {
        "info": _info_to_json(info),
        "sections": sections,
        "passages": layout,
        "n_postings": int(segs.tid.size),
    }
    _atomic_write_bytes(text_path, doc.text.encode("utf-8"))
    tmp = npz_path.with_suffix(".tmp.npz")
    np.savez(
        tmp,
        terms=np.frombuffer("\n".join(segs.terms).encode("utf-8"), dtype=np.uint8),
        tid=segs.tid,
        pord=segs.pord,
        tf=segs.tf,
        plen=segs.plen,
    )
    tmp.replace(npz_path)
    # The JSON goes last: its presence marks the cache entry complete.
    _atomic_write_bytes(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))


def load_meta(cache_dir: Path, doc_id: str) -> dict:
    return json.loads(_paths(cache_dir, doc_id)[0].read_text(encoding="utf-8"))


def load_segments(cache_dir: Path, doc_id: str) -> DocSegments:
    with np.load(_paths(cache_dir, doc_id)[2]) as z:
        raw = z["terms"].tobytes().decode("utf-8")
        return DocSegments(
            terms=raw.split("\n") if raw else [],
            tid=z["tid"],
            pord=z["pord"],
            tf=z["tf"],
            plen=z["plen"],
        )


def load_text(cache_dir: Path, doc_id: str) -> str:
    return _paths(cache_dir, doc_id)[1].read_text(encoding="utf-8")


def has_document(cache_dir: Path, doc_id: str) -> bool:
    return all(p.exists() for p in _paths(cache_dir, doc_id))


def remove_document(cache_dir: Path, doc_id: str) -> None:
    for p in _paths(cache_dir, doc_id):
        p.unlink(missing_ok=True)


def _info_to_json(info: DocumentInfo) -> dict:
    return asdict(info)


def info_from_json(data: dict) -> DocumentInfo:
    data = dict(data)
    data["region_path"] = tuple(data.get("region_path") or ())
    return DocumentInfo(**data)


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
