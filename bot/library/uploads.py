"""Changing the corpus: documents copied in (``ingest``), sent to the bot (uploads with
rollback) and removed; each re-indexes under the index lock.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import secrets
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.config import Settings
from bot.corpus import uploads
from bot.corpus.loader import discover, doc_id_for, load_document
from bot.corpus.parse import sidecar_path
from bot.corpus.reader import SUPPORTED_EXTENSIONS, UnreadableDocument, skip_reason
from bot.library.documents import describe_document, match_document
from bot.library.refresh import IndexUpdate
from bot.models import (
    Document,
    DocumentInfo,
    RefreshReport,
    SkippedFile,
)
from bot.search import segments as seg
from bot.search.index import CompiledIndex
from bot.search.indexer import Indexer, Progress
from bot.targets.records import TargetRecord
from bot.targets.store import TargetStore

log = logging.getLogger(__name__)

# Key targets shown in the answer to an upload.
FIRST_TARGETS = 5


@dataclass(frozen=True)
class IngestReport:
    """``unchanged``: files given that are indexed already, same name and same content
    (ingesting the same files twice is not an error)."""

    copied: tuple[str, ...]
    skipped: tuple[SkippedFile, ...]
    refresh: RefreshReport
    unchanged: tuple[str, ...] = ()
    # (copied file, the older file of the same report it replaced: left the corpus)
    superseded: tuple[tuple[str, str], ...] = ()
    # (given file, the name it was copied as): no extension, named by its content
    named_by_content: tuple[tuple[str, str], ...] = ()


UploadStatus = Literal["added", "replaced", "duplicate", "needs_confirmation", "refused"]


@dataclass(frozen=True)
class UploadResult:
    """What :meth:`Engine.add_upload` did with a document sent to the bot.

    ``reason`` says in English (logs) why for every status but added/replaced, and
    ``message_code`` with ``params`` says it for an interface that translates
    (``upload.duplicate``, ``reader.no_text_layer`` …: see ``bot.corpus.uploads``);
    ``code`` says why a refusal happened (name, type, archive, empty, size, binary,
    unreadable, folder). ``doc`` is the indexed document (added or
    replaced), ``existing`` the one it duplicates, would replace or replaced.
    ``targets`` counts every extracted record (what ``targets(doc=...)`` returns),
    ``key_targets`` those of kind "target", ``first_targets`` the first confident ones
    of those in document order. ``update`` is what to pass to :meth:`Engine.reopen` when the
    upload ran with ``reopen=False``.
    """

    status: UploadStatus
    filename: str
    reason: str = ""
    code: str = ""
    doc: DocumentInfo | None = None
    existing: DocumentInfo | None = None
    passages: int = 0
    targets: int = 0
    key_targets: int = 0
    first_targets: tuple[TargetRecord, ...] = ()
    update: IndexUpdate | None = field(default=None, repr=False, compare=False)
    message_code: str = ""
    params: Mapping[str, str] = field(default_factory=dict, compare=False)
    named_by_content: str = ""  # the extension given to a file sent with none

    @classmethod
    def refused(cls, filename: str, exc: uploads.UploadRefused) -> UploadResult:
        return cls(
            "refused",
            filename,
            exc.reason,
            exc.code,
            message_code=exc.message_code,
            params=exc.params,
        )

    @property
    def ok(self) -> bool:
        return self.status in ("added", "replaced")


class _NotIndexed(Exception):
    """The refresh passed over a freshly stored upload (its reason is the message)."""


class UploadsMixin:
    """:class:`~bot.library.Engine`'s corpus changes (safe on any thread with ``reopen=False``)."""

    settings: Settings
    indexer: Indexer
    index: CompiledIndex
    target_store: TargetStore

    def ingest(
        self,
        paths: Iterable[Path],
        *,
        replace: bool = False,
        progress: Progress | None = None,
        keep_both: bool = False,
    ) -> IngestReport:
        """Copy documents into the corpus folder and index them.

        Each file is read first; unreadable ones, exact duplicates of indexed
        documents and name clashes (unless ``replace``) are reported, not copied. A file
        indexed already under its own name with the same content is ``unchanged``.
        The upload's rules hold here too: a file of another name that reads as the same
        report as an indexed one (:meth:`_same_report`), or as one this run copied before
        it (in the order given: a folder's revision after its first copy), is skipped with
        the question unless ``replace`` (the older file and its sidecar leave the corpus
        before the refresh) or ``keep_both``; a file with no extension outside the corpus folder is
        named by its content (:func:`bot.corpus.uploads.suffix_by_content`) and copied
        under that name.
        """
        corpus = self.settings.corpus_dir
        corpus.mkdir(parents=True, exist_ok=True)
        found = discover(list(paths))
        skipped: list[SkippedFile] = []
        sniffed: list[tuple[Path, str]] = []  # (file given, the name it is read and copied as)
        named: list[tuple[str, str]] = []
        for p, why in found.skipped:
            if not self._by_content(p):
                skipped.append(SkippedFile(str(p), why))
                continue
            name = p.name + uploads.suffix_by_content(p.read_bytes())
            if not p.resolve().is_relative_to(corpus.resolve()):
                sniffed.append((p, name))
            elif name.endswith(tuple(SUPPORTED_EXTENSIONS)) and not p.with_name(name).exists():
                # in the corpus folder, named so by whoever ingests it: the refresh reads it
                p.rename(p.with_name(name))
                named.append((str(p), name))
            else:
                skipped.append(SkippedFile(str(p), why))
        known = {d.sha256: d for d in self.index.docs}
        copied: list[str] = []
        unchanged: list[str] = []
        # the texts copied by this run: a folder holding one text twice copied both, and
        # the second stayed in the corpus folder unindexed, "skipped" by every later command
        copied_now: dict[str, str] = {}
        superseded: list[tuple[str, str]] = []
        copied_reports: dict[tuple, str] = {}  # (title, place, year, kind) -> name copied
        docs = list(self.index.docs)
        max_bytes = int(self.settings.max_file_mb * 1024 * 1024)
        for path, name in [(f, f.name) for f in found.files] + sniffed:
            try:
                inside = path.resolve().is_relative_to(corpus.resolve())
                root = corpus if inside else path.parent
                doc = self._load_as(path, name, root, max_bytes)
            except UnreadableDocument as exc:
                skipped.append(SkippedFile(str(path), skip_reason(exc, path)))
                continue
            except uploads.UploadRefused as exc:  # a sniffed .doc: "save it as .docx"
                skipped.append(SkippedFile(str(path), exc.reason))
                continue
            if inside:
                continue  # already in the corpus: the refresh below picks it up
            try:
                uploads.check_chinese(doc.text, path.suffix)
            except uploads.UploadRefused as exc:
                skipped.append(SkippedFile(str(path), exc.reason))
                continue
            twin = known.get(doc.sha256)
            if twin is not None and twin.relpath == path.name:
                unchanged.append(str(path))
                continue
            if twin is not None:
                skipped.append(SkippedFile(str(path), f"same content as {twin.filename}"))
                continue
            if (first := copied_now.get(doc.sha256)) is not None:
                skipped.append(SkippedFile(str(path), f"same content as {first}"))
                continue
            target = corpus / name
            if target.exists() and not replace:
                skipped.append(
                    SkippedFile(
                        str(path), f"{target.name} already exists in the corpus (use --replace)"
                    )
                )
                continue
            rival = None if target.exists() or keep_both else self._same_report(docs, name, doc)
            # a report this run copied already (a folder holding a revision beside the
            # first copy): the later file is asked about as one beside an indexed report
            report_key = (doc.meta.title, doc.meta.region, doc.meta.year, doc.meta.doc_type)
            earlier = None
            if rival is None and not keep_both and doc.meta.title and doc.meta.region:
                earlier = copied_reports.get(report_key)
            older = rival.filename if rival is not None else earlier
            if older is not None and not replace:
                skipped.append(
                    SkippedFile(
                        str(path),
                        f"the library already has the same report ({doc.meta.title}): "
                        f"{older}; if this is a new version of it, ingest it with "
                        "--replace (the older file leaves the library), if it is another "
                        "document with --keep-both",
                        "upload.same_report_ingest",
                        (("title", doc.meta.title), ("filename", older)),
                    )
                )
                continue
            if rival is not None:  # replace: the older version leaves with this refresh
                old = corpus / rival.relpath
                for original in (old, sidecar_path(old)):
                    original.unlink(missing_ok=True)
                superseded.append((name, rival.filename))
                docs.remove(rival)
            elif earlier is not None:  # replace: this run's earlier copy is the older one
                old = corpus / earlier
                for original in (old, sidecar_path(old)):
                    original.unlink(missing_ok=True)
                superseded.append((name, earlier))
                copied.remove(earlier)
                copied_now = {sha: n for sha, n in copied_now.items() if n != earlier}
            if doc.meta.title and doc.meta.region:
                copied_reports[report_key] = name
            shutil.copy2(path, target)
            sidecar = path.with_name(path.name + ".meta.toml")
            if sidecar.exists():
                shutil.copy2(sidecar, target.with_name(target.name + ".meta.toml"))
            copied.append(target.name)
            copied_now[doc.sha256] = target.name
            if name != path.name:
                named.append((str(path), name))
        report = self.refresh(progress=progress)
        return IngestReport(
            tuple(copied),
            tuple(skipped),
            report,
            tuple(unchanged),
            tuple(superseded),
            tuple(named),
        )

    @staticmethod
    def _by_content(path: Path) -> bool:
        """Whether ``path`` (skipped by discovery) is a file with no extension, read by
        its content as an upload of no extension is (``万安县统计公报``): copied under
        the name its content gives, or, in the corpus folder, renamed to it."""
        if path.suffix or not path.is_file() or path.name.startswith((".", "~$")):
            return False
        try:
            return uploads.check_name(path.name, by_content=True) == path.name
        except uploads.UploadRefused:
            return False

    def _load_as(self, path: Path, name: str, root: Path, max_bytes: int) -> Document:
        """``path`` read as a file named ``name`` (another name: a staged copy, named
        by its content; an old Office file refused as an upload's is)."""
        if name == path.name:
            return load_document(
                path, root, max_bytes=max_bytes, passage_max_chars=self.settings.passage_max_chars
            )
        uploads.check_name(name)
        data = path.read_bytes()
        with uploads.staged(self.settings.data_dir, name, data) as copy:
            return load_document(
                copy,
                copy.parent,
                max_bytes=max_bytes,
                passage_max_chars=self.settings.passage_max_chars,
            )

    # -- documents sent to the bot -----------------------------------------------------------
    def add_upload(
        self,
        filename: str | None,
        data: bytes,
        *,
        replace: bool = False,
        progress: Progress | None = None,
        reopen: bool = True,
        sidecar: str | None = None,
        keep_both: bool = False,
    ) -> UploadResult:
        """Check, store and index one uploaded document; see :class:`UploadResult`.

        Checks (:mod:`bot.corpus.uploads`) run on a staged copy under
        ``<data_dir>/uploads``; only a readable document reaches the corpus folder,
        written atomically. Same content as an indexed document: "duplicate". Same
        name as a corpus file: "needs_confirmation" unless ``replace`` (the sidecar,
        if any, is kept). Another name but the same report (:meth:`_same_report`: title,
        place, year and kind): "needs_confirmation" too, unless ``replace`` (the older
        file and its sidecar leave the corpus in the same refresh) or ``keep_both``.
        A name with no extension is given one by its content
        (:func:`bot.corpus.uploads.suffix_by_content`; ``named_by_content`` says which).
        If indexing fails the corpus (and, after a recovery refresh, the index on disk)
        is put back as it was and the exception propagates; refusals never raise.
        Staging files are always removed.

        With ``reopen=False`` this is safe on any thread (see the module docstring):
        then call :meth:`reopen` with ``result.update`` on the core thread.

        ``sidecar`` (TOML, ``bot.corpus.parse.parse_sidecar``) is the document's metadata
        (live sources: title, date, issuer, url), written as its ``.meta.toml`` with it
        and taken away with it if indexing fails; an existing sidecar is replaced.
        """
        sniffed = ""
        if filename and filename.strip() and not Path(filename.strip()).suffix:
            # no extension: named by what its bytes are, then checked as any upload
            sniffed = uploads.suffix_by_content(data)
            filename = filename.strip() + sniffed
        result = self._add_named(
            filename, data, replace, progress, reopen, sidecar, keep_both=keep_both
        )
        return dataclasses.replace(result, named_by_content=sniffed) if sniffed else result

    def _add_named(
        self,
        filename: str | None,
        data: bytes,
        replace: bool,
        progress: Progress | None,
        reopen: bool,
        sidecar: str | None,
        *,
        keep_both: bool,
    ) -> UploadResult:
        s = self.settings
        max_bytes = int(s.max_file_mb * 1024 * 1024)
        uploads.sweep_staging(s.data_dir)
        try:
            name = uploads.check_upload(filename, data, max_bytes=max_bytes)
        except uploads.UploadRefused as exc:
            return UploadResult.refused(filename or "", exc)
        with uploads.staged(s.data_dir, name, data) as path:
            try:
                doc = uploads.read_upload(
                    path, max_bytes=max_bytes, passage_max_chars=s.passage_max_chars
                )
            except uploads.UploadRefused as exc:
                return UploadResult.refused(name, exc)
        with self.indexer.lock():
            result = self._store_upload(
                name, data, doc.sha256, replace, progress, sidecar, staged=doc, keep_both=keep_both
            )
        if reopen and result.update is not None:
            self.reopen(result.update)
        return result

    def _text_twin(
        self, docs: list[DocumentInfo], name: str, staged: Document
    ) -> DocumentInfo | None:
        """A document of another name with the very text of ``staged``: the same report
        saved again (``…（定稿）.docx``: new file bytes, as a Word file keeps when and by
        whom it was saved) was added as a second document, each figure listed twice.
        Only documents of the same title are read (a title is inferred from the text)."""
        text = staged.text.strip()
        for info in docs:
            if info.relpath == name or info.title != staged.meta.title:
                continue
            try:  # the cached text on disk: authoritative under the lock
                known = seg.load_text(self.indexer.paths.docs, info.doc_id)
            except FileNotFoundError:
                continue
            if known.strip() == text:
                return info
        return None

    @staticmethod
    def _same_report(docs: list[DocumentInfo], name: str, staged: Document) -> DocumentInfo | None:
        """A document of another name that reads as the same report as ``staged``: same
        title, place, year and kind, the place known (a revised ``…（修订稿）.txt`` or
        ``…定稿.docx`` forwarded beside the first copy was added as a second document:
        both versions' figures listed side by side, the old one in answers and digests).
        Titles made up of a kind and a year alone (``2023年讲话``) have no place: never
        matched, as two speeches of a year are two documents."""
        meta = staged.meta
        if not meta.title or not meta.region:
            return None
        for info in docs:
            if info.relpath == name:
                continue
            if (info.title, info.region, info.year, info.doc_type) == (
                meta.title,
                meta.region,
                meta.year,
                meta.doc_type,
            ):
                return info
        return None

    def _store_upload(
        self,
        name: str,
        data: bytes,
        sha256: str,
        replace: bool,
        progress: Progress | None,
        sidecar: str | None = None,
        *,
        staged: Document | None = None,
        keep_both: bool = False,
    ) -> UploadResult:
        """Under the index lock: duplicate and name checks against the index on disk,
        then the atomic write, the refresh and, on failure, the rollback."""
        docs = self._disk_docs()
        twin = next((d for d in docs if d.sha256 == sha256), None)
        if twin is None and staged is not None:
            twin = self._text_twin(docs, name, staged)
        if twin is not None:
            return UploadResult(
                "duplicate",
                name,
                f"Same content as {twin.filename} (id {twin.doc_id}); not added again.",
                existing=twin,
                message_code="upload.duplicate",
                params={"filename": twin.filename, "doc_id": twin.doc_id},
            )
        corpus = self.settings.corpus_dir
        target = corpus / name
        existing = next((d for d in docs if d.relpath == name), None)
        if target.is_dir():
            return UploadResult(
                "refused",
                name,
                f"The corpus has a folder named {name}; please rename the file.",
                "folder",
                message_code="upload.folder",
                params={"name": name},
            )
        if (existing is not None or target.exists()) and not replace:
            shown = describe_document(existing) if existing else name
            return UploadResult(
                "needs_confirmation",
                name,
                f"A different version of {name} is already in the library. Replace it?",
                existing=existing,
                message_code="upload.needs_confirmation",
                params={"name": shown},
            )
        rival = None
        if existing is None and not target.exists() and not keep_both and staged is not None:
            rival = self._same_report(docs, name, staged)
        if rival is not None and not replace:
            return UploadResult(
                "needs_confirmation",
                name,
                f"{rival.filename} (id {rival.doc_id}) is the same report ({rival.title}): "
                "is this a new version of it? Replace it, or keep both?",
                existing=rival,
                message_code="upload.same_report",
                params={"name": describe_document(rival), "title": rival.title},
            )
        corpus.mkdir(parents=True, exist_ok=True)
        token = secrets.token_hex(4)
        # Hidden names: discovery ignores them, so a crash leaves no half document.
        tmp = corpus / f".{name}.upload-{token}"
        backup = corpus / f".{name}.previous-{token}" if target.exists() else None
        placed = False  # whether ``target`` holds the upload (and the index may know it)
        meta = sidecar_path(target) if sidecar is not None else None
        meta_backup = None
        retired: list[tuple[Path, Path]] = []  # the replaced report's files, hidden
        try:
            if rival is not None:  # replace=True: the older version leaves with this refresh
                old = corpus / rival.relpath
                for original in (old, sidecar_path(old)):
                    if original.exists():
                        hidden = original.with_name(f".{original.name}.superseded-{token}")
                        os.replace(original, hidden)
                        retired.append((hidden, original))
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if meta is not None:
                if meta.exists():
                    meta_backup = meta.with_name(f".{meta.name}.previous-{token}")
                    os.replace(meta, meta_backup)
                meta_tmp = meta.with_name(f".{meta.name}.upload-{token}")
                meta_tmp.write_text(sidecar, encoding="utf-8")
                os.replace(meta_tmp, meta)
            if backup is not None:
                try:
                    os.link(target, backup)  # same inode: restoring keeps its mtime
                except OSError:
                    shutil.copy2(target, backup)
            os.replace(tmp, target)
            placed = True
            update = self._open_update(self.indexer.refresh(progress=progress), warm=True)
            info = next((d for d in update.index.docs if d.relpath == name), None)
            if info is None or info.sha256 != sha256:
                why = [k.reason for k in update.report.skipped if k.path == name]
                raise _NotIndexed(why[0] if why else "it was not indexed")
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if meta is not None:
                meta.with_name(f".{meta.name}.upload-{token}").unlink(missing_ok=True)
                if meta_backup is not None and meta_backup.exists():
                    os.replace(meta_backup, meta)
                else:
                    meta.unlink(missing_ok=True)
            # the replaced report back first: the rollback's re-index must see it
            for hidden, original in reversed(retired):
                os.replace(hidden, original)
            if placed:
                self._rollback_upload(target, backup, name)
            elif backup is not None:
                backup.unlink(missing_ok=True)
            if retired and not placed:
                self._recover()
            if isinstance(exc, _NotIndexed):
                return UploadResult.refused(name, uploads.unreadable(str(exc)))
            raise
        for hidden, _ in retired:
            hidden.unlink(missing_ok=True)
        if backup is not None:
            backup.unlink(missing_ok=True)
        if meta_backup is not None:
            meta_backup.unlink(missing_ok=True)
        self._offer(update)
        records = self.target_store.load(info.doc_id)
        key = [r for r in records if r.kind == "target"]
        shown = [r for r in key if r.confident]
        return UploadResult(
            "replaced" if existing or backup or rival else "added",
            name,
            doc=info,
            existing=existing or rival,
            passages=info.passages,
            targets=len(records),
            key_targets=len(key),
            first_targets=tuple(shown[:FIRST_TARGETS]),
            update=update,
        )

    def _rollback_upload(self, target: Path, backup: Path | None, name: str) -> None:
        """Put the corpus back and re-index it (best effort: the original error matters)."""
        if backup is not None:
            os.replace(backup, target)
        else:
            target.unlink(missing_ok=True)
        # The upload's caches: orphans for a new name; for a replacement (same doc id)
        # they may hold the new version while the restored file has the old, unchanged
        # signature, so they are dropped to force a re-read.
        self.indexer.forget(doc_id_for(name))
        self._recover()

    def _recover(self) -> None:
        try:
            self._offer(self._open_update(self.indexer.refresh(), warm=True))
        except Exception:
            log.exception("re-indexing after a failed corpus change failed too")

    def remove_document(self, ref: str, *, reopen: bool = True) -> DocumentInfo:
        """Delete a document (id, name or unique prefix) and its sidecar from the corpus
        folder and re-index; raises :class:`DocumentNotFound`.

        The reference is resolved against the index on disk under the lock, so two
        admins removing at once cannot delete the wrong file. If re-indexing fails the
        files are put back and the exception propagates. With ``reopen=False`` this
        is safe on any thread; then call :meth:`reopen` (no argument) on the core
        thread.
        """
        with self.indexer.lock():
            info = match_document(self._disk_docs(), ref)
            path = self.settings.corpus_dir / info.relpath
            token = secrets.token_hex(4)
            moved: list[tuple[Path, Path]] = []
            try:
                for original in (path, sidecar_path(path)):
                    if original.exists():
                        hidden = original.with_name(f".{original.name}.removing-{token}")
                        os.replace(original, hidden)
                        moved.append((hidden, original))
                update = self._open_update(self.indexer.refresh(), warm=True)
                if any(d.doc_id == info.doc_id for d in update.index.docs):
                    raise RuntimeError(f"{info.relpath} is still indexed after its removal")
            except BaseException:
                for hidden, original in reversed(moved):
                    os.replace(hidden, original)
                self._recover()
                raise
            for hidden, _ in moved:
                hidden.unlink(missing_ok=True)
            self._offer(update)
        if reopen:
            self.reopen(update)
        return info
