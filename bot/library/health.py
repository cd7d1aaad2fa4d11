"""What ``briefbot doctor`` checks of the index folder, and how it repairs it.

The compiled index (:meth:`CompiledIndex.open`: files, sizes, digests, lengths), every
document's caches (layout, text, term counts) and key-target records, read through
once. A repair takes the writers' lock, drops damaged caches so that the next refresh
reads those documents again, refreshes (which moves a damaged compiled index aside and
rebuilds it) and extracts damaged records again. The database is checked by the command
line (:meth:`bot.storage.Database.integrity_problems`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from bot.i18n import counted
from bot.library.engine import make_indexer, target_store_for
from bot.search import segments as seg
from bot.search.index import CompiledIndex, IndexDamaged
from bot.search.indexer import IndexPaths, corpus_changes, index_lock
from bot.targets.store import load_targets


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing checked: ``area`` (what), ``ok``, ``detail``, and whether it was repaired."""

    area: str
    ok: bool
    detail: str
    repaired: bool = False


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:300]


def check_index_folder(settings: Settings, *, repair: bool = False) -> list[Finding]:
    """Check (and with ``repair``, fix) the index under ``settings.index_dir``."""
    indexer = make_indexer(settings)
    paths = indexer.paths
    with indexer.lock():
        try:
            manifest = json.loads(paths.manifest.read_text(encoding="utf-8"))
            files = {rel: e["doc_id"] for rel, e in manifest.get("files", {}).items()}
            manifest_problem = None
        except FileNotFoundError:
            files, manifest_problem = {}, "no manifest (never indexed)"
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            files, manifest_problem = {}, f"manifest unreadable ({_short(exc)})"
        bad_caches: dict[str, str] = {}
        bad_targets: dict[str, str] = {}
        for rel, doc_id in sorted(files.items()):
            try:
                seg.load_segments(paths.docs, doc_id)
                seg.cached_document(paths.docs, doc_id)
            except Exception as exc:  # any damage: the document is read again
                bad_caches[doc_id] = f"{rel} ({doc_id}): {_short(exc)}"
            try:
                load_targets(paths.docs, doc_id)
            except Exception as exc:
                bad_targets[doc_id] = f"{rel} ({doc_id}): {_short(exc)}"
        try:
            CompiledIndex.open(paths.compiled)
            compiled_problem = None
        except IndexDamaged as exc:
            compiled_problem = str(exc)

        repaired = False
        if repair and (manifest_problem or bad_caches or bad_targets or compiled_problem):
            for doc_id in bad_caches:
                seg.remove_document(paths.docs, doc_id)
            indexer.refresh(rebuild=manifest_problem is not None)
            indexer.open_index()
            store = target_store_for(settings)
            for doc_id in bad_targets:
                if doc_id not in bad_caches:  # those were extracted again when re-read
                    store.load(doc_id)
            repaired = True

    def finding(area: str, problems: list[str], fine: str) -> Finding:
        if not problems:
            return Finding(area, True, fine)
        return Finding(area, False, "; ".join(problems), repaired=repaired)

    return [
        finding(
            "compiled index",
            [compiled_problem] if compiled_problem else [],
            f"{paths.compiled}: files, sizes and checksums ok",
        ),
        finding(
            "document caches",
            ([manifest_problem] if manifest_problem else []) + list(bad_caches.values()),
            f"{counted(len(files), 'document')} ok",
        ),
        finding("key targets", list(bad_targets.values()), f"{counted(len(files), 'document')} ok"),
    ]


# A twin is read whole to compare it byte for byte: a file over this is left alone.
_TWIN_MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Twin:
    """A corpus file never indexed, byte for byte the same as the indexed ``original``."""

    path: Path
    original: str
    sidecar: bool  # a .meta.toml beside it: maybe meant as another document's metadata


def corpus_twins(settings: Settings) -> list[Twin]:
    """The corpus folder's files that the index skips as the same content as an indexed
    document, checked byte for byte against it. ``briefbot ingest`` copied such a twin
    before user-trial15's fix and every command since names it as skipped; nothing
    removed it (``briefbot remove`` takes indexed documents only). Only the index's
    manifest is read: no indexer is built."""
    from bot.corpus.loader import discover, relative_posix  # lazy: the corpus reader
    from bot.corpus.sidecar import sidecar_path

    corpus = settings.corpus_dir
    try:
        manifest = json.loads(IndexPaths(settings.index_dir).manifest.read_text(encoding="utf-8"))
        files = {rel: str(e["sha256"]) for rel, e in manifest.get("files", {}).items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []  # no index to be a twin of (the index findings say why)
    if not corpus.is_dir():
        return []
    by_sha = {sha: rel for rel, sha in sorted(files.items())}
    twins = []
    for path in discover([corpus]).files:
        rel = relative_posix(path, corpus)
        if rel in files:
            continue
        try:
            if path.stat().st_size > _TWIN_MAX_BYTES:
                continue
            data = path.read_bytes()
            original = by_sha.get(hashlib.sha256(data).hexdigest())
            # the digest found it; the bytes prove it (the original as it is now)
            if original is None or (corpus / original).read_bytes() != data:
                continue
        except OSError:
            continue
        twins.append(Twin(path, original, sidecar_path(path).exists()))
    return twins


def corpus_pending(settings: Settings) -> tuple[list[str], list[str], list[str]]:
    """The corpus folder's files new, changed and gone since the index was last brought up
    to date (:func:`~bot.search.indexer.corpus_changes` against the manifest): nothing is
    indexed."""
    try:
        manifest = json.loads(IndexPaths(settings.index_dir).manifest.read_text(encoding="utf-8"))
        {**manifest.get("files", {}), **manifest.get("skipped", {})}  # both mappings
    except (OSError, ValueError, TypeError, AttributeError):
        return [], [], []  # never indexed: the index findings say so
    return corpus_changes(manifest, settings.corpus_dir)


def check_corpus_pending(settings: Settings) -> Finding:
    """``briefbot doctor``'s word on files not indexed yet (trial22: after an ingest
    stopped by Ctrl-C, 32 files copied and none indexed, the doctor said every check
    "ok" and nothing of them). Not a fault: every command but the doctor brings the
    index up to date first; said so, with the files."""
    new, changed, gone = corpus_pending(settings)
    if not (new or changed or gone):
        return Finding(
            "corpus changes", True, "every file in the corpus folder is indexed as it is"
        )
    parts = [
        f"{counted(len(names), 'file')} {what} ({_names(names)})"
        for names, what in ((new, "new"), (changed, "changed"), (gone, "gone"))
        if names
    ]
    return Finding(
        "corpus changes",
        True,
        f"{'; '.join(parts)} since the index was last brought up to date (an ingest "
        "interrupted, or files put in the corpus folder by hand): the next command indexes "
        "them, or briefbot index",
    )


def _names(names: list[str], shown: int = 5) -> str:
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {more} more" if more > 0 else "")


def check_corpus_twins(settings: Settings, *, repair: bool = False) -> Finding:
    """``briefbot doctor``'s finding on :func:`corpus_twins`; with ``repair`` each twin
    without a sidecar is deleted (under the writers' lock: no refresh indexes it meanwhile);
    one with a sidecar is only named, its metadata may be meant for another document."""
    # the writers' lock is the index folder's (Indexer.lock): no indexer to build for it
    with index_lock(IndexPaths(settings.index_dir)):
        twins = corpus_twins(settings)
        if not twins:
            return Finding("corpus", True, "no unindexed copy of an indexed document")
        said, removed = [], 0
        for twin in twins:
            if repair and not twin.sidecar:
                try:
                    twin.path.unlink()
                except OSError as exc:
                    said.append(f"{twin.path}: could not delete it ({_short(exc)})")
                    continue
                removed += 1
                said.append(f"{twin.path}: deleted, a byte-identical copy of {twin.original}")
                continue
            fix = (
                f"delete it and its .meta.toml by hand if they are not meant as another "
                f"document: rm '{twin.path}'"
                if twin.sidecar
                else f"delete it: rm '{twin.path}', or briefbot doctor --repair"
            )
            said.append(
                f"{twin.path}: a byte-identical copy of {twin.original} (indexed), never "
                f"indexed, named as skipped by every command; {fix}"
            )
    left = len(twins) - removed
    return Finding("corpus", False, "; ".join(said), repaired=repair and left == 0)
