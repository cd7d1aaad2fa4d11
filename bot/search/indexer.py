"""Keep the persisted index in step with the corpus folder.

A refresh compares the corpus with the manifest of the last refresh and does the
least work that brings the index up to date: only new or changed files are read
and segmented; the compiled index is re-merged from per-document caches when the
set of documents changed. A different tokenizer fingerprint (user dictionary,
tokenizer or normaliser version) discards every cache.

Data derived from each document beside its caches (the key targets) is produced by a
:class:`Derived` the indexer is given: it is called for every document read and
dropped, and its fingerprint changing re-derives every document from the caches
without re-segmenting any. The search package itself knows nothing of what it is.
"""

from __future__ import annotations

import fcntl
import json
import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bot.config import Settings
from bot.corpus.loader import discover, load_document, relative_posix
from bot.corpus.parse import PARSER_VERSION
from bot.corpus.reader import UnreadableDocument, skip_reason
from bot.corpus.sidecar import sidecar_path
from bot.models import Document, DocumentInfo, RefreshReport, SkippedFile
from bot.search import heap
from bot.search import segments as seg
from bot.search.fuzzy import build_lexicon
from bot.search.index import INDEX_FORMAT, CompiledIndex, IndexDamaged, check_files, seal
from bot.search.index_build import _swap_in, compile_index
from bot.search.quality import PRIORS_VERSION
from bot.search.stored_gains import build_heading_gains
from bot.text.tokenize import Tokenizer

MANIFEST_VERSION = 1
# A refresh that hands at least this much document text to the key-target extraction lets
# go of the extraction's word sets and segmenter before the compile (the 100 MB build's
# peak); a smaller one keeps them for the next upload.
RELEASE_AFTER_BYTES = 16 * 1024 * 1024
# Damaged compiled indexes kept aside (compiled.damaged-<time>) for a post-mortem.
QUARANTINE_KEEP = 3
log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]


class Derived(Protocol):
    """Per-document data kept beside the index's caches (``bot.targets.store.TargetStore``)."""

    @property
    def fingerprint(self) -> str:
        """Changes whenever what :meth:`derive` produces would change."""
        ...

    def derive(self, doc: Document) -> None: ...

    def remove(self, doc_id: str) -> None: ...

    def release(self) -> None:
        """Free what :meth:`derive` keeps between calls (tables read once): called when a
        refresh's derivations are done, before the compile, where a build peaks."""
        ...


@dataclass(frozen=True)
class Healed:
    """A damaged compiled index moved aside and rebuilt: what the admins are told."""

    damage: str  # what was wrong, as the check said it
    aside: str  # the name it was moved aside to ("" when there was nothing to move)
    at: float


@dataclass(frozen=True)
class IndexPaths:
    root: Path

    @property
    def manifest(self) -> Path:
        return self.root / "manifest.json"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def compiled(self) -> Path:
        return self.root / "compiled"

    @property
    def lock(self) -> Path:
        return self.root / ".lock"


_held = threading.local()


@contextmanager
def index_lock(paths: IndexPaths) -> Iterator[None]:
    """One writer at a time (the bot and a CLI command may both refresh).

    ``flock`` on a fresh file descriptor also excludes other threads of this process,
    so two uploads handled on two threads take turns. Re-entrant per thread: an engine
    method that holds the lock while it checks the corpus can call :meth:`Indexer.refresh`.
    """
    key = str(paths.lock.absolute())
    held: set[str] = _held.__dict__.setdefault("paths", set())
    if key in held:
        yield
        return
    paths.root.mkdir(parents=True, exist_ok=True)
    with open(paths.lock, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
            fcntl.flock(fh, fcntl.LOCK_UN)


def file_signature(path: Path) -> dict:
    """What tells a corpus file changed since it was indexed (the manifest keeps it):
    size, modification time, its sidecar's modification time."""
    st = path.stat()
    side = sidecar_path(path)
    side_mtime = side.stat().st_mtime_ns if side.exists() else 0
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sidecar_mtime_ns": side_mtime}


def corpus_changes(manifest: dict, corpus_dir: Path) -> tuple[list[str], list[str], list[str]]:
    """The corpus folder's files new, changed and gone against ``manifest`` (its ``files``
    and ``skipped`` signatures: a file the index skipped counts as known), by
    :func:`file_signature`; nothing is read but each file's ``stat``. A file gone while it
    is looked at is gone. One reading for :meth:`Indexer.is_fresh` and the doctor."""
    known = {**manifest.get("files", {}), **manifest.get("skipped", {})}
    new: list[str] = []
    changed: list[str] = []
    current: set[str] = set()
    for path in discover([corpus_dir]).files if corpus_dir.is_dir() else []:
        try:
            sig = file_signature(path)
        except OSError:
            continue  # gone meanwhile
        rel = relative_posix(path, corpus_dir)
        current.add(rel)
        old = known.get(rel)
        if old is None:
            new.append(rel)
        elif any(old.get(k) != v for k, v in sig.items()):
            changed.append(rel)
    gone = sorted(rel for rel in manifest.get("files", {}) if rel not in current)
    return new, changed, gone


def _read_manifest(paths: IndexPaths) -> dict:
    try:
        data = json.loads(paths.manifest.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return data if data.get("version") == MANIFEST_VERSION else {}


def _write_manifest(paths: IndexPaths, data: dict) -> None:
    tmp = paths.manifest.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(paths.manifest)


class Indexer:
    """Refreshes the index under ``settings.index_dir`` from ``settings.corpus_dir``.

    ``derived`` (optional) keeps per-document data beside the caches (the key targets).
    """

    def __init__(
        self,
        settings: Settings,
        tokenizer: Tokenizer | None = None,
        derived: Derived | None = None,
    ) -> None:
        self.settings = settings
        self.paths = IndexPaths(settings.index_dir)
        self._tokenizer = tokenizer
        self.derived = derived
        self._healed: list[Healed] = []
        self._healed_lock = threading.Lock()

    @property
    def tokenizer(self) -> Tokenizer:
        if self._tokenizer is None:
            self._tokenizer = Tokenizer(self.settings.user_dict_paths)
        return self._tokenizer

    @property
    def fingerprint(self) -> str:
        """Anything that changes what indexing produces: tokenizer, parser, index format,
        passage priors."""
        return f"{self.tokenizer.fingerprint}-p{PARSER_VERSION}-f{INDEX_FORMAT}-q{PRIORS_VERSION}"

    @property
    def derived_fingerprint(self) -> str:
        """The derived data's fingerprint (kept in the manifest as ``targets_fingerprint``,
        for the key targets, its one user)."""
        return self.derived.fingerprint if self.derived is not None else "-"

    def _derive(self, doc: Document) -> None:
        if self.derived is not None:
            self.derived.derive(doc)

    def forget(self, doc_id: str) -> None:
        """Drop the caches and derived data of ``doc_id``."""
        seg.remove_document(self.paths.docs, doc_id)
        if self.derived is not None:
            self.derived.remove(doc_id)

    def is_fresh(self) -> bool:
        """True when the corpus, dictionaries and compiled index all match the manifest."""
        manifest = _read_manifest(self.paths)
        if not manifest or manifest.get("fingerprint") != self.fingerprint:
            return False
        if manifest.get("targets_fingerprint") != self.derived_fingerprint:
            return False
        if not (self.paths.compiled / "meta.json").exists():
            return False
        return not any(corpus_changes(manifest, self.settings.corpus_dir))

    def lock(self) -> AbstractContextManager[None]:
        """The writers' lock (re-entrant per thread); see :func:`index_lock`."""
        return index_lock(self.paths)

    def refresh(self, *, rebuild: bool = False, progress: Progress | None = None) -> RefreshReport:
        """Bring the index on disk up to date with the corpus folder.

        Safe on any thread while an engine on another thread searches the current
        index: the compiled index is built in a side folder and swapped in by renames
        (open memory maps of the old one stay valid), per-document cache files are
        replaced atomically one by one (never all deleted first, even on a rebuild),
        and the lexicon and the stored heading gains are written before the swap.
        ``progress(done, total, relpath)`` is called on this thread before each corpus
        file is looked at; the merge of the compiled index follows the last call.
        """
        with index_lock(self.paths):
            return self._refresh(rebuild=rebuild, progress=progress)

    def _refresh(self, *, rebuild: bool, progress: Progress | None) -> RefreshReport:
        started = time.perf_counter()
        settings = self.settings
        corpus = settings.corpus_dir
        fingerprint = self.fingerprint
        manifest = _read_manifest(self.paths)
        rebuilt = rebuild or manifest.get("fingerprint") != fingerprint
        old_files: dict[str, dict] = {} if rebuilt else dict(manifest.get("files", {}))
        # On a rebuild the old caches are overwritten file by file below, not deleted
        # first: an engine serving the old index keeps reading whole documents meanwhile.
        # Those of documents that are gone are removed at the end.
        previous_ids = {e["doc_id"] for e in manifest.get("files", {}).values()}

        discovery = discover([corpus]) if corpus.is_dir() else None
        skipped: list[SkippedFile] = []
        if discovery is None:
            skipped.append(SkippedFile(str(corpus), "corpus folder does not exist"))
            files: list[Path] = []
        else:
            files = discovery.files
            skipped += [SkippedFile(str(p), why) for p, why in discovery.skipped]

        new_files: dict[str, dict] = {}
        failed: dict[str, dict] = {}
        added: list[str] = []
        updated: list[str] = []
        derived_bytes = 0  # text handed to the key-target extraction in this refresh
        by_sha: dict[str, str] = {}
        max_bytes = int(settings.max_file_mb * 1024 * 1024)
        for n, path in enumerate(files, 1):
            rel = path.relative_to(corpus).as_posix()
            if progress:
                progress(n, len(files), rel)
            sig = file_signature(path)
            old = old_files.get(rel)
            if (
                old
                and all(old[k] == v for k, v in sig.items())
                and seg.has_document(self.paths.docs, old["doc_id"])
            ):
                if old["sha256"] in by_sha:
                    skipped.append(_same_content(rel, by_sha[old["sha256"]]))
                    failed[rel] = sig
                    continue
                new_files[rel] = old
                by_sha[old["sha256"]] = rel
                continue
            try:
                doc = load_document(
                    path,
                    corpus,
                    max_bytes=max_bytes,
                    passage_max_chars=settings.passage_max_chars,
                )
            except UnreadableDocument as exc:
                skipped.append(_unreadable(rel, exc, path))
                failed[rel] = sig
                continue
            if doc.sha256 in by_sha:
                skipped.append(_same_content(rel, by_sha[doc.sha256]))
                failed[rel] = sig
                continue
            by_sha[doc.sha256] = rel
            entry = {"doc_id": doc.doc_id, "sha256": doc.sha256, **sig}
            if (
                old
                and old["sha256"] == doc.sha256
                and old.get("sidecar_mtime_ns") == sig["sidecar_mtime_ns"]
                and seg.has_document(self.paths.docs, doc.doc_id)
            ):
                new_files[rel] = entry  # touched, not changed
                continue
            info = DocumentInfo(
                doc_id=doc.doc_id,
                filename=doc.filename,
                relpath=rel,
                sha256=doc.sha256,
                size=doc.size,
                title=doc.meta.title,
                region=doc.meta.region,
                year=doc.meta.year,
                encoding=doc.encoding,
                passages=len(doc.passages),
                indexed_at=time.time(),
                extra=dict(doc.meta.extra),
                level=doc.meta.level,
                doc_type=doc.meta.doc_type,
                issuer=doc.meta.issuer,
                date=doc.meta.date,
                region_path=doc.meta.region_path,
            )
            seg.save_document(self.paths.docs, doc, seg.segment_document(doc, self.tokenizer), info)
            self._derive(doc)
            derived_bytes += doc.size
            new_files[rel] = entry
            (updated if old else added).append(rel)

        removed = sorted(set(old_files) - set(new_files))
        kept_ids = {e["doc_id"] for e in new_files.values()}
        for doc_id in previous_ids - kept_ids:
            self.forget(doc_id)

        doc_ids = [new_files[rel]["doc_id"] for rel in sorted(new_files)]
        derived_fp = self.derived_fingerprint
        stale_derived = manifest.get("targets_fingerprint") != derived_fp
        if stale_derived and not rebuilt:
            fresh = {new_files[rel]["doc_id"] for rel in (*added, *updated)}
            for doc_id in doc_ids:
                if doc_id not in fresh:
                    cached = seg.cached_document(self.paths.docs, doc_id)
                    self._derive(cached)
                    derived_bytes += cached.size
        if self.derived is not None and derived_bytes >= RELEASE_AFTER_BYTES:
            # Freed before the compile adds its arrays to them: at the 100 MB bench tier the
            # extraction's word sets and segmenter were ~57 MB of the build's peak. Only after
            # a large refresh: the next extraction reads them again (a second or so), which an
            # upload or a small library should not pay for memory it does not need.
            self.derived.release()
            heap.release()
        compiled_ok = self._compiled_matches(fingerprint)
        if rebuilt or added or updated or removed or not compiled_ok:
            # Built complete (lexicon and stored heading gains included) beside the live
            # folder, then swapped in.
            staged = self.paths.root / (self.paths.compiled.name + ".next")
            compile_index(self.paths.docs, doc_ids, staged, fingerprint=fingerprint)
            build_lexicon(staged)
            heap.release()  # the lexicon's strings and lists, freed
            build_heading_gains(staged)
            heap.release()
            seal(staged)  # the lexicon's and the stored gains' sizes and digests too
            _swap_in(staged, self.paths.compiled)
        _write_manifest(
            self.paths,
            {
                "version": MANIFEST_VERSION,
                "fingerprint": fingerprint,
                "targets_fingerprint": derived_fp,
                "files": new_files,
                "skipped": failed,
            },
        )
        return RefreshReport(
            added=tuple(added),
            updated=tuple(updated),
            removed=tuple(removed),
            unchanged=len(new_files) - len(added) - len(updated),
            skipped=tuple(skipped),
            rebuilt=rebuilt and bool(manifest),
            seconds=time.perf_counter() - started,
        )

    def _compiled_matches(self, fingerprint: str) -> bool:
        """Whether the compiled index was built with ``fingerprint`` and its files are as
        written (sizes and digests, without opening it). A damaged one is moved aside,
        with a log line (caller holds the lock)."""
        folder = self.paths.compiled
        if not folder.exists():
            return False
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            if not isinstance(meta, dict):
                raise IndexDamaged("meta.json is not an index's metadata")
            if meta.get("fingerprint") != fingerprint or meta.get("format") != INDEX_FORMAT:
                return False  # built otherwise: replaced, not damaged
            check_files(folder, meta)
        except (IndexDamaged, OSError, ValueError, KeyError, TypeError) as exc:
            self._set_aside(exc, "caches")
            return False
        return True

    def _set_aside(self, damage: Exception, source: str) -> None:
        aside = self.quarantine()
        where = f"; moved aside to {aside}" if aside else ""
        with self._healed_lock:
            self._healed.append(
                Healed(
                    f"{type(damage).__name__}: {damage}", aside.name if aside else "", time.time()
                )
            )
        log.warning(
            "compiled index damaged (%s: %s)%s; rebuilding it from the %s",
            type(damage).__name__,
            damage,
            where,
            source,
        )

    # -- self-healing ------------------------------------------------------------------------
    def take_healed(self) -> list[Healed]:
        """The heals since the last call (any thread): for a notice to the admins."""
        with self._healed_lock:
            healed, self._healed = self._healed, []
        return healed

    def open_index(self) -> CompiledIndex:
        """The compiled index, verified (:meth:`CompiledIndex.open`).

        A damaged one is moved aside (``compiled.damaged-<time>``, the newest
        :data:`QUARANTINE_KEEP` kept) and rebuilt from the per-document caches, or, if
        those fail too, from the corpus, with a log line; a missing one is built. The
        old index is never needed to build the new one.
        """
        try:
            return CompiledIndex.open(self.paths.compiled)
        except IndexDamaged:
            pass
        with self.lock():
            try:  # another writer may have rebuilt it meanwhile
                return CompiledIndex.open(self.paths.compiled)
            except IndexDamaged as exc:
                damage = exc
            self._set_aside(damage, "corpus and caches")
            try:
                self._refresh(rebuild=False, progress=None)
            except Exception:
                log.warning(
                    "rebuilding the index from the caches failed; re-reading every document",
                    exc_info=True,
                )
                self._refresh(rebuild=True, progress=None)
            return CompiledIndex.open(self.paths.compiled)

    def quarantine(self) -> Path | None:
        """Move the compiled index aside (caller holds the lock); its new name, or None
        when there is none."""
        folder = self.paths.compiled
        if not folder.exists():
            return None
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        target = folder.with_name(f"{folder.name}.damaged-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = folder.with_name(f"{folder.name}.damaged-{stamp}-{n}")
        folder.rename(target)
        kept = sorted(
            (p for p in folder.parent.glob(f"{folder.name}.damaged-*") if p.is_dir()),
            key=lambda p: p.stat().st_mtime_ns,
        )
        for old in kept[:-QUARANTINE_KEEP]:
            shutil.rmtree(old, ignore_errors=True)
        return target


def _same_content(rel: str, twin: str) -> SkippedFile:
    return SkippedFile(rel, f"same content as {twin}", "reader.same_content", (("twin", twin),))


def _unreadable(rel: str, exc: UnreadableDocument, path: Path) -> SkippedFile:
    """The reader's reason, with its code when it is about this file (a bad sidecar names
    another file: its reason alone)."""
    if exc.path != path:
        return SkippedFile(rel, skip_reason(exc, path))
    params = tuple((k, str(v)) for k, v in exc.params.items())
    return SkippedFile(rel, skip_reason(exc, path), f"reader.{exc.code}", params)
