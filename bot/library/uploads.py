"""Changing the corpus: documents sent to the bot (uploads with rollback) and removed;
each re-indexes under the index lock. Documents copied in (``ingest``) are
:mod:`bot.library.ingesting`'s.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.config import Settings
from bot.corpus import uploads
from bot.corpus.loader import doc_id_for
from bot.corpus.sidecar import sidecar_path
from bot.library.documents import describe_document, match_document
from bot.library.refresh import IndexUpdate
from bot.library.same_report import same_report
from bot.models import (
    Document,
    DocumentInfo,
)
from bot.search import segments as seg
from bot.search.index import CompiledIndex
from bot.search.indexer import Indexer, Progress
from bot.targets.records import TargetRecord
from bot.targets.store import TargetStore

log = logging.getLogger(__name__)

# Key targets shown in the answer to an upload.
FIRST_TARGETS = 5

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
        if any, is kept). Another name but the same report
        (:func:`~bot.library.same_report.same_report`: title, place, year and kind):
        "needs_confirmation" too, unless ``replace`` (the older file and its sidecar
        leave the corpus in the same refresh) or ``keep_both``.
        A name with no extension is given one by its content
        (:func:`bot.corpus.uploads.suffix_by_content`; ``named_by_content`` says which).
        If indexing fails the corpus (and, after a recovery refresh, the index on disk)
        is put back as it was and the exception propagates; refusals never raise.
        Staging files are always removed.

        With ``reopen=False`` this is safe on any thread (see the module docstring):
        then call :meth:`reopen` with ``result.update`` on the core thread.

        ``sidecar`` (TOML, ``bot.corpus.sidecar.parse_sidecar``) is the document's metadata
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
            rival = same_report(docs, name, staged)
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
