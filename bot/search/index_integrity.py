"""The integrity of a compiled index folder: the size and digest of every file its
``meta.json`` records (:func:`seal`, :func:`check_files`), and the arrays' lengths checked
against each other and the counts (:func:`check_shapes`); :class:`IndexDamaged` for
anything missing, cut short or not as written (see :mod:`bot.search.index`).
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from pathlib import Path
from typing import BinaryIO

import numpy as np

# Integrity records (meta["files"]): files up to this size, and vocab.txt, are hashed
# whole; larger ones by their first and last EDGE_BYTES (headers, the last postings).
WHOLE_HASH_MAX = 1 << 20
EDGE_BYTES = 1 << 16
_WHOLE = frozenset({"vocab.txt"})


class IndexDamaged(ValueError):
    """A compiled index folder that cannot be served as it is: a file missing, cut short,
    not what was written, or not readable. The message says which and why."""


def _digest(fh: BinaryIO, size: int, *, whole: bool) -> str:
    h = hashlib.blake2b(digest_size=16)
    if whole or size <= 2 * EDGE_BYTES:
        h.update(fh.read())
    else:
        h.update(fh.read(EDGE_BYTES))
        fh.seek(size - EDGE_BYTES)
        h.update(fh.read(EDGE_BYTES))
    return h.hexdigest()


def file_record(path: Path) -> dict:
    """What ``meta["files"]`` keeps of one file: its size and a digest."""
    whole = path.name in _WHOLE or path.stat().st_size <= WHOLE_HASH_MAX
    with open(path, "rb") as fh:
        size = fh.seek(0, 2)
        fh.seek(0)
        return {"size": size, "whole": whole, "hash": _digest(fh, size, whole=whole)}


def file_records(folder: Path) -> dict[str, dict]:
    return {
        p.name: file_record(p)
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != "meta.json" and not p.name.endswith(".tmp")
    }


def seal(folder: Path) -> None:
    """Record the size and digest of every file of ``folder`` in its ``meta.json``
    (after a file was added, such as the lexicon)."""
    meta_path = folder / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["files"] = file_records(folder)
    tmp = meta_path.with_name("meta.json.tmp")
    tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    tmp.replace(meta_path)


def check_files(folder: Path, meta: dict, *, contents: dict[str, bytes] | None = None) -> None:
    """Raise :class:`IndexDamaged` unless every file ``meta["files"]`` records is there with
    its size and digest (``contents``: files already read, not read again). An index
    compiled before the records were kept has none to check."""
    records = meta.get("files")
    if records is None:
        return
    if not isinstance(records, dict):
        raise IndexDamaged(f"{folder}: meta.json has no valid file records")
    contents = contents or {}
    for name, rec in records.items():
        path = folder / name
        try:
            size = os.stat(path).st_size
        except FileNotFoundError:
            raise IndexDamaged(f"{folder}: {name} is missing") from None
        if size != rec["size"]:
            raise IndexDamaged(f"{folder}: {name} has {size} bytes, not {rec['size']}")
        data = contents.get(name)
        if data is not None:
            h = hashlib.blake2b(data, digest_size=16).hexdigest()
        else:
            with open(path, "rb") as fh:
                h = _digest(fh, size, whole=bool(rec.get("whole")))
        if h != rec["hash"]:
            raise IndexDamaged(f"{folder}: {name} is not what was written (checksum)")


def check_shapes(
    meta: dict,
    vocab: list[str],
    arrays: dict[str, np.ndarray],
    text: mmap.mmap | None,
    norm: mmap.mmap | None,
) -> None:
    """The arrays' lengths agree with each other and with the counts in ``meta`` (a few
    reads, no scan): what catches damage in an index without file records."""
    n, n_terms = int(meta["n_passages"]), int(meta["n_terms"])
    problems = []
    if len(vocab) != n_terms:
        problems.append(f"vocab.txt has {len(vocab)} terms, not {n_terms}")
    offsets = arrays["offsets"]
    if offsets.shape != (n_terms + 1,):
        problems.append(f"offsets.npy has shape {offsets.shape}")
    else:
        n_postings = int(offsets[-1])
        for name in ("pids", "scores"):
            if arrays[name].shape != (n_postings,):
                problems.append(f"{name}.npy has {arrays[name].shape}, not {n_postings} postings")
    per_passage = {k: v for k, v in arrays.items() if k.startswith("p_")}
    for name, arr in per_passage.items():
        if arr.shape != (n,):
            problems.append(f"{name}.npy has shape {arr.shape}, not ({n},)")
    for name, offs, blob in (
        ("text", arrays["text_offsets"], text),
        ("norm", arrays["norm_offsets"], norm),
    ):
        size = len(blob) if blob is not None else 0
        if offs.shape != (n + 1,):
            problems.append(f"{name}_offsets.npy has shape {offs.shape}")
        elif int(offs[-1]) != size:
            problems.append(f"{name}.bin has {size} bytes, the offsets say {int(offs[-1])}")
    sig_offsets = arrays["sig_offsets"]
    if sig_offsets.shape != (n + 1,):
        problems.append(f"sig_offsets.npy has shape {sig_offsets.shape}")
    elif arrays["sigs"].shape != (int(sig_offsets[-1]),):
        problems.append(f"sigs.npy has {arrays['sigs'].shape}, not {int(sig_offsets[-1])} words")
    inside = arrays["inside"]
    if inside.ndim != 1 or (inside.size and int(inside[-1]) >= n_terms):
        problems.append(f"inside.npy has shape {inside.shape} or a term past the vocabulary")
    if len(meta["docs"]) and any(int(d["first_pid"]) > n for d in meta["docs"]):
        problems.append("meta.json's documents start past the last passage")
    if problems:
        raise IndexDamaged("; ".join(problems))
