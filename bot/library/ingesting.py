"""Documents copied into the corpus folder and indexed (``briefbot ingest``), with the
upload's rules: unreadable files, duplicates, name clashes and the same report under
another name reported, not copied; a file with no extension named by its content."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from bot.corpus import uploads
from bot.corpus.loader import discover, load_document
from bot.corpus.reader import SUPPORTED_EXTENSIONS, UnreadableDocument, skip_reason
from bot.corpus.sidecar import sidecar_path
from bot.library.same_report import same_report
from bot.models import Document, DocumentInfo, RefreshReport, SkippedFile
from bot.search.indexer import Indexer, Progress


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


def copy_whole(source: Path, target: Path) -> None:
    """``source`` copied to ``target`` whole or not at all: written beside it under a
    hidden name (which discovery ignores) and renamed over it. trial22: a Ctrl-C while
    ``briefbot ingest`` copied a file left it cut short in the corpus folder, indexed so by
    the next command and refused by the rerun as "already exists"."""
    part = target.with_name(f".{target.name}.part")
    try:
        shutil.copy2(source, part)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


class IngestMixin:
    """:class:`~bot.library.Engine`'s ``ingest`` (files copied into the corpus folder)."""

    settings: Settings

    indexer: Indexer
    refresh: Callable[..., RefreshReport]  # the engine's (bot.library.refresh)
    _disk_docs: Callable[[], list[DocumentInfo]]  # the index on disk (bot.library.refresh)

    def ingest(
        self,
        paths: Iterable[Path],
        *,
        replace: bool = False,
        progress: Progress | None = None,
        keep_both: bool = False,
    ) -> IngestReport:
        """Copy documents into the corpus folder and index them.

        ``progress(done, total, name)`` is called for each file given as it is read, then
        for each corpus file as the refresh looks at it. Each file is read first;
        unreadable ones, exact duplicates of indexed documents and name clashes (unless
        ``replace``) are reported, not copied. A file indexed already under its own name
        with the same content is ``unchanged``.
        The upload's rules hold here too: a file of another name that reads as the same
        report as an indexed one (:func:`~bot.library.same_report.same_report`), or as one
        this run copied before it (in the order given: a folder's revision after its
        first copy), is skipped with the question unless ``replace`` (the older file and
        its sidecar leave the corpus before the refresh) or ``keep_both``; a file with no
        extension outside the corpus folder is named by its content
        (:func:`bot.corpus.uploads.suffix_by_content`) and copied under that name.
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
        max_bytes = int(self.settings.max_file_mb * 1024 * 1024)
        # read first, without the writers' lock: reading and parsing is most of the time
        # (seconds a file for a large PDF), and a bot or another command would wait on it
        readable: list[tuple[Path, str, Document]] = []
        given = [(f, f.name) for f in found.files] + sniffed
        for n, (path, name) in enumerate(given, 1):
            if progress:  # trial22: a folder of 40 files was read in silence before the bar
                progress(n, len(given), path.name)
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
            readable.append((path, name, doc))
        # Decided and copied under the writers' lock, against the index on disk, and indexed
        # before it is released (trial22: two `briefbot ingest` at once, or one beside the
        # bot, each compared its files with the index it opened, so the same text given
        # to both was copied twice, and the second copy stayed unindexed, "skipped" by
        # every later command). The lock is the index's, re-entrant: the refresh takes it too.
        with self.indexer.lock():
            docs = self._disk_docs()
            known = {d.sha256: d for d in docs}
            copied: list[str] = []
            unchanged: list[str] = []
            # the texts copied by this run: a folder holding one text twice copied both,
            # and the second stayed in the corpus folder unindexed, "skipped" by every
            # later command
            copied_now: dict[str, str] = {}
            superseded: list[tuple[str, str]] = []
            copied_reports: dict[tuple, str] = {}  # (title, place, year, kind) -> name copied
            for path, name, doc in readable:
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
                rival = None if target.exists() or keep_both else same_report(docs, name, doc)
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
                sidecar = path.with_name(path.name + ".meta.toml")
                if sidecar.exists():  # first: the document is never indexed without it
                    copy_whole(sidecar, target.with_name(target.name + ".meta.toml"))
                copy_whole(path, target)
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
