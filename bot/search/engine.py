"""The search engine as the rest of the program sees it.

``Engine.open(settings)`` brings the persisted index up to date with the corpus
folder (reading only what changed) and opens it; the engine then answers
searches and document look-ups. It holds no Telegram or console code.

Threads
-------
An engine is used from one *core* thread (the bot's single worker): searching and
every look-up read ``self.index`` and the lazily built, not thread-safe
``Searcher``. Changing the corpus is split so that the slow part does not hold up
searches:

* off the core thread (any thread; writers take turns on the index lock, which
  also excludes a CLI refresh in another process): :meth:`Engine.prepare_refresh`,
  :meth:`Engine.add_upload` and :meth:`Engine.remove_document` with
  ``reopen=False``. They read and segment documents, write per-document caches,
  merge a new compiled index beside the live one and swap it in on disk, then open
  it into an :class:`IndexUpdate` (a new ``CompiledIndex`` and a warmed ``Searcher``).
  They never touch the engine's current index or searcher.
* on the core thread: :meth:`Engine.reopen`, which swaps an update in (a few
  attribute assignments), and everything else.

Why searching meanwhile is safe: the old ``CompiledIndex`` read everything it needs
at open time or holds memory maps, and the on-disk swap only renames its folder away
and deletes it, which leaves open maps valid (Linux/macOS semantics). Document text
and target look-ups read per-document cache files, which a refresh replaces one file
at a time by rename (a rebuild too); between the disk swap and :meth:`reopen`,
``document()``/``targets()`` of a *replaced* document may already show the new
version's text and targets, and those of a *removed* document are gone
(``document()`` raises :class:`DocumentNotFound`). The shared tokenizer and
indicator table are read-only once loaded.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from rapidfuzz import process

from bot.config import Settings
from bot.corpus import uploads
from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.loader import discover, doc_id_for, load_document
from bot.corpus.parse import sidecar_path
from bot.corpus.reader import UnreadableDocument, skip_reason
from bot.digest import Digest, DigestFilter, compose_digest, parse_filter
from bot.digest.filters import record_in_region
from bot.models import (
    Document,
    DocumentInfo,
    Passage,
    RefreshReport,
    SearchResponse,
    SkippedFile,
)
from bot.search import segments as seg
from bot.search.index import CompiledIndex
from bot.search.indexer import Indexer, Progress
from bot.search.searcher import Searcher
from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord
from bot.text.normalize import normalize
from bot.text.synonyms import Synonyms
from bot.text.tokenize import Tokenizer

log = logging.getLogger(__name__)

# Key targets shown in the answer to an upload.
FIRST_TARGETS = 5


@dataclass(frozen=True)
class DocTarget:
    """A target record and the id of the document it comes from."""

    doc_id: str
    record: TargetRecord


@dataclass(frozen=True)
class TargetLookup:
    """What a user asked for: the records shown and how many were left out.

    ``hidden`` counts the records that matched but are below the confidence bar
    (``TargetRecord.confident`` false); they are in ``rows`` only when asked for all.
    ``family`` lists the canonical indicators the indicator asked for stands for
    (``GDP`` -> 地区生产总值, 国内生产总值); empty for a name the table does not know.
    """

    rows: list[DocTarget]
    hidden: int = 0
    family: tuple[str, ...] = ()


RUNTIME_KEYS: tuple[str, ...] = (
    "results_per_page",
    "snippet_chars",
    "fuzzy_threshold",
    "max_query_chars",
    "digest_cap",
)
"""Settings the engine reads that admins may change while it runs."""


class DocumentNotFound(LookupError):
    """No document matches the given reference (or more than one does)."""


@dataclass(frozen=True)
class IngestReport:
    copied: tuple[str, ...]
    skipped: tuple[SkippedFile, ...]
    refresh: RefreshReport


@dataclass(frozen=True, eq=False)
class IndexUpdate:
    """A refreshed index, opened off the core thread, for :meth:`Engine.reopen`.

    ``generation`` orders updates: an engine never swaps in one older than its own.
    """

    generation: int
    index: CompiledIndex
    searcher: Searcher
    report: RefreshReport


UploadStatus = Literal["added", "replaced", "duplicate", "needs_confirmation", "refused"]


@dataclass(frozen=True)
class UploadResult:
    """What :meth:`Engine.add_upload` did with a document sent to the bot.

    ``reason`` is a user-facing message (Chinese, then English) for every status but
    added/replaced; ``code`` says why a refusal happened (name, type, archive, empty,
    size, binary, unreadable, folder). ``doc`` is the indexed document (added or
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

    @property
    def ok(self) -> bool:
        return self.status in ("added", "replaced")


class _NotIndexed(Exception):
    """The refresh passed over a freshly stored upload (its reason is the message)."""


def _match_document(docs: Sequence[DocumentInfo], ref: str) -> DocumentInfo:
    """A document by id, file name, file stem or unique prefix of either."""
    key = ref.strip().lower()
    if not key:
        raise DocumentNotFound("no document given")
    exact = [
        d
        for d in docs
        if key in (d.doc_id.lower(), d.filename.lower(), d.filename.rsplit(".", 1)[0].lower())
    ]
    if len(exact) == 1:
        return exact[0]
    prefix = [
        d for d in docs if d.doc_id.lower().startswith(key) or d.filename.lower().startswith(key)
    ]
    if len(prefix) == 1:
        return prefix[0]
    if not prefix:
        raise DocumentNotFound(f"no document matches {ref!r}")
    names = ", ".join(d.filename for d in prefix[:5])
    raise DocumentNotFound(f"{ref!r} matches several documents: {names}")


def _describe(info: DocumentInfo) -> str:
    return f"{info.filename}（{info.doc_id}）"


class Engine:
    """Open with :meth:`open`; it (re)indexes the corpus when the index is missing or stale."""

    def __init__(self, settings: Settings, indexer: Indexer, index: CompiledIndex) -> None:
        self.settings = settings
        self.indexer = indexer
        self.index = index
        self.last_refresh: RefreshReport | None = None
        self._searcher: Searcher | None = None
        # Guards the update bookkeeping below, which writer threads and the core share.
        self._state = threading.Lock()
        self._generation = 0  # of the newest update prepared
        self._applied = 0  # of the update the engine serves
        self._pending: IndexUpdate | None = None

    @classmethod
    def open(
        cls,
        settings: Settings,
        *,
        refresh: bool = True,
        progress: Progress | None = None,
        tokenizer: Tokenizer | None = None,
    ) -> Engine:
        """Open the index under ``settings.data_dir``, refreshing it first if stale.

        ``tokenizer`` lets a caller share one already-loaded segmenter.
        """
        indexer = Indexer(settings, tokenizer)
        report = None
        compiled = indexer.paths.compiled
        if (refresh and not indexer.is_fresh()) or not (compiled / "meta.json").exists():
            report = indexer.refresh(progress=progress)
        engine = cls(settings, indexer, CompiledIndex.open(compiled))
        engine.last_refresh = report
        return engine

    @property
    def tokenizer(self) -> Tokenizer:
        return self.indexer.tokenizer

    @property
    def searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self._make_searcher(self.index)
        return self._searcher

    def apply_runtime_settings(self, settings: Settings) -> bool:
        """Core thread: take the runtime values (:data:`RUNTIME_KEYS`) of ``settings``.

        Admins change them from the chat; the engine keeps its own paths. Returns whether
        anything changed. Planned queries are forgotten, since corrections depend on the
        fuzzy-match threshold.
        """
        values = {key: getattr(settings, key) for key in RUNTIME_KEYS}
        if all(getattr(self.settings, key) == value for key, value in values.items()):
            return False
        self.settings = self.settings.model_copy(update=values)
        if self._searcher is not None:
            self._configure(self._searcher)
        return True

    def _configure(self, searcher: Searcher) -> None:
        """Give ``searcher`` the engine's current runtime values (it copies them)."""
        s = self.settings
        changed = (
            searcher.page_size,
            searcher.snippet_chars,
            searcher.fuzzy_threshold,
            searcher.max_query_chars,
        ) != (s.results_per_page, s.snippet_chars, s.fuzzy_threshold, s.max_query_chars)
        if changed:
            searcher.page_size = s.results_per_page
            searcher.snippet_chars = s.snippet_chars
            searcher.fuzzy_threshold = s.fuzzy_threshold
            searcher.max_query_chars = s.max_query_chars
            searcher.clear_memo()

    def _make_searcher(self, index: CompiledIndex) -> Searcher:
        s = self.settings
        tokenizer = self.tokenizer
        return Searcher(
            index,
            tokenizer,
            Synonyms.from_files(s.synonym_paths),
            fuzzy_threshold=s.fuzzy_threshold,
            snippet_chars=s.snippet_chars,
            page_size=s.results_per_page,
            max_query_chars=s.max_query_chars,
            popular_terms=tuple(e.word for e in tokenizer.entries),
        )

    # -- searching ---------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        page: int = 1,
        page_size: int | None = None,
        doc: str | None = None,
        region: str | None = None,
        year: int | None = None,
        correct: bool = True,
    ) -> SearchResponse:
        """One page of ranked results; ``correct=False`` turns typo correction off."""
        return self.searcher.search(
            query,
            page=page,
            page_size=page_size,
            doc=doc,
            region=region,
            year=year,
            correct=correct,
        )

    # -- documents ---------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        return list(self.index.docs)

    def find_document(self, ref: str) -> DocumentInfo:
        """A document by id, file name, file stem or unique prefix of either."""
        return _match_document(self.index.docs, ref)

    def document(self, ref: str) -> Document:
        """The full document (text and passages) from the index cache."""
        info = self.find_document(ref)
        doc_index = self.index.docs.index(info)
        first = self.index.doc_first_pid[doc_index]
        try:
            text = seg.load_text(self.indexer.paths.docs, info.doc_id)
        except FileNotFoundError:
            # Removed by a writer thread; this engine has not reopened yet.
            raise DocumentNotFound(f"{info.filename} was just removed") from None
        passages = tuple(self._passage(pid) for pid in range(first, first + info.passages))
        meta = info.meta
        return Document(
            doc_id=info.doc_id,
            filename=info.filename,
            relpath=info.relpath,
            sha256=info.sha256,
            size=info.size,
            mtime=info.indexed_at,
            encoding=info.encoding,
            meta=meta,
            text=text,
            passages=passages,
        )

    def _passage(self, pid: int) -> Passage:
        # The text comes from the compiled index (the same characters as the cached
        # document text at the same offsets), so it always matches this index even
        # while a writer thread replaces the document's cache.
        ix = self.index
        return Passage(
            doc_id=ix.docs[int(ix.p_doc[pid])].doc_id,
            ordinal=int(ix.p_ord[pid]),
            text=ix.passage_text(pid),
            start=int(ix.p_start[pid]),
            section=ix.sections[int(ix.p_section[pid])],
        )

    def passages(self) -> Iterator[Passage]:
        for doc_index, info in enumerate(self.index.docs):
            first = self.index.doc_first_pid[doc_index]
            for pid in range(first, first + info.passages):
                yield self._passage(pid)

    # -- key targets ---------------------------------------------------------------------------
    def targets(
        self,
        *,
        doc: str | None = None,
        kind: str | None = None,
        indicator: str | None = None,
        region: str | None = None,
    ) -> list[DocTarget]:
        """Extracted target records in corpus order, optionally filtered (every
        confidence; :meth:`lookup_targets` leaves out the unsure ones).

        ``kind`` is target/achievement/estimate (None or "all": every kind);
        ``indicator`` a name the table knows (canonical, alias or family name) matches
        every indicator of its family (``GDP``: 地区生产总值 and 国内生产总值), any
        other name the records whose indicator contains it; ``region`` the records about
        that region or a place inside it (``山东`` includes 烟台; ``全国`` is national
        figures only), see :func:`bot.digest.filters.record_in_region`.
        """
        return list(self.iter_targets(doc=doc, kind=kind, indicator=indicator, region=region))

    def lookup_targets(
        self,
        *,
        doc: str | None = None,
        kind: str | None = None,
        indicator: str | None = None,
        region: str | None = None,
        show_all: bool = False,
    ) -> TargetLookup:
        """:meth:`targets` as shown to a user: confident records only unless ``show_all``,
        with the count of those left out."""
        rows = self.targets(doc=doc, kind=kind, indicator=indicator, region=region)
        shown = rows if show_all else [r for r in rows if r.record.confident]
        table = self.indicator_table
        known = table.known_name(indicator) if indicator else None
        family = tuple(table.family_members(known)) if known else ()
        return TargetLookup(shown, len(rows) - len(shown), family)

    def indicator_matcher(self, indicator: str):
        """``name -> bool``: whether an extracted indicator name answers ``indicator``
        (same family for a name the table knows, else containment)."""
        table = self.indicator_table
        known = table.known_name(indicator)
        if known is not None:
            family = table.family(known)
            return lambda name: table.family(name) == family
        wanted = normalize(indicator.strip())
        return lambda name: bool(wanted) and wanted in normalize(name)

    def iter_targets(
        self,
        *,
        doc: str | None = None,
        kind: str | None = None,
        indicator: str | None = None,
        docs: Iterable[DocumentInfo] | None = None,
        region: str | None = None,
    ) -> Iterator[DocTarget]:
        """Like :meth:`targets`, read document by document (memory bounded by the
        matches, not the corpus); ``docs`` limits the documents read."""
        chosen = [self.find_document(doc)] if doc else list(docs or self.index.docs)
        wanted = self.indicator_matcher(indicator) if indicator else None
        gazetteer = default_gazetteer() if region else None
        for info in chosen:
            for record in seg.load_targets(self.indexer.paths.docs, info.doc_id):
                if kind and kind != "all" and record.kind != kind:
                    continue
                if wanted and not wanted(record.indicator):
                    continue
                if region and not record_in_region(region, record, info, gazetteer):
                    continue
                yield DocTarget(info.doc_id, record)

    @property
    def indicator_table(self) -> IndicatorTable:
        return self.indexer.table

    def similar_indicators(self, text: str, *, limit: int = 5) -> list[str]:
        """Indicator names of the extracted records that look like ``text``."""
        names = sorted({t.record.indicator for t in self.iter_targets()})
        return [m[0] for m in process.extract(text, names, limit=limit, score_cutoff=40)]

    def digest(
        self,
        filter: DigestFilter | str = "",
        *,
        now: datetime | None = None,
        since: float | None = None,
        only_new: bool = True,
        cap: int | None = None,
        group_by: Literal["indicator", "document"] = "indicator",
        more_command: str = "/targets",
    ) -> Digest:
        """The digest subscribers with ``filter`` get now (raises FilterError on bad input).

        ``since`` is the time of their last digest: with ``only_new`` only documents
        indexed after it contribute; either way those documents are marked new.
        """
        flt = parse_filter(filter) if isinstance(filter, str) else filter
        docs = {d.doc_id: d for d in self.index.docs}
        read = [d for d in self.index.docs if not (only_new and since) or d.indexed_at > since]
        return compose_digest(
            self.iter_targets(docs=read),
            docs,
            flt,
            now=now or datetime.now().astimezone(),
            since=since,
            only_new=only_new,
            cap=cap or self.settings.digest_cap,
            group_by=group_by,
            table=self.indicator_table,
            more_command=more_command,
            synonyms=self.searcher.synonyms,
            gazetteer=default_gazetteer(),
        )

    # -- changing the corpus -----------------------------------------------------------------
    def refresh(self, *, rebuild: bool = False, progress: Progress | None = None) -> RefreshReport:
        """Bring the index up to date (``rebuild``: re-read everything) and swap it in.

        Core thread (it reopens). For a bot, run :meth:`prepare_refresh` on another
        thread and then :meth:`reopen` here. ``progress(done, total, relpath)`` is
        called once per corpus file, before it is looked at, on the refreshing thread.
        """
        update = self._prepare(rebuild=rebuild, progress=progress, warm=False)
        self.reopen(update)
        return update.report

    def prepare_refresh(
        self, *, rebuild: bool = False, progress: Progress | None = None
    ) -> IndexUpdate:
        """:meth:`refresh` without the swap: safe on any thread, see the module docstring.

        ``progress(done, total, relpath)`` runs on the calling thread once per corpus
        file (``done`` goes 1..total); merging the compiled index follows the last
        call (a fraction of a second for the bundled corpus, seconds for 100 MB).
        A Telegram caller hands it to the event loop (``call_soon_threadsafe``) and
        throttles message edits itself.
        """
        return self._prepare(rebuild=rebuild, progress=progress, warm=True)

    def reopen(self, update: IndexUpdate | None = None) -> bool:
        """Core thread only: serve ``update`` (default: the newest prepared one).

        With nothing prepared, the index is reopened from disk (after a CLI refresh,
        say). An update older than the one served is ignored; returns whether the
        index changed.
        """
        with self._state:
            pending = self._pending
            if update is None or (pending is not None and pending.generation > update.generation):
                update = pending  # the newest: what is on disk already includes it
            if update is not None and update.generation <= self._applied:
                return False
            if self._pending is not None and (
                update is None or self._pending.generation <= update.generation
            ):
                self._pending = None
            # Nothing prepared: what is on disk includes every update prepared so far.
            generation = update.generation if update else self._generation
        if update is None:
            self.index, self._searcher = self._open_from_disk(), None
        else:
            self.index, self._searcher = update.index, update.searcher
            if self._searcher is not None:  # prepared before a runtime-settings change?
                self._configure(self._searcher)
            self.last_refresh = update.report
        with self._state:
            self._applied = max(self._applied, generation)
        return True

    def _open_from_disk(self) -> CompiledIndex:
        # Without the lock a writer may be between the two renames of its swap.
        for _ in range(20):
            try:
                return CompiledIndex.open(self.indexer.paths.compiled)
            except FileNotFoundError:
                time.sleep(0.01)
        return CompiledIndex.open(self.indexer.paths.compiled)

    def _reopen(self) -> None:
        """Reopen the index from disk (kept for callers of the old name)."""
        self.reopen()

    def _prepare(
        self, *, rebuild: bool = False, progress: Progress | None, warm: bool
    ) -> IndexUpdate:
        with self.indexer.lock():
            report = self.indexer.refresh(rebuild=rebuild, progress=progress)
            update = self._open_update(report, warm=warm)
            self._offer(update)
            return update

    def _open_update(self, report: RefreshReport, *, warm: bool) -> IndexUpdate:
        """Open what is on disk now (caller holds the index lock) as the next update."""
        index = CompiledIndex.open(self.indexer.paths.compiled)
        searcher = self._make_searcher(index)
        if warm:
            searcher.lexicon  # noqa: B018 - loaded here, not by the first search after reopen
        with self._state:
            self._generation += 1
            return IndexUpdate(self._generation, index, searcher, report)

    def _offer(self, update: IndexUpdate) -> None:
        """Make ``update`` the one a bare :meth:`reopen` swaps in (unless a newer one is)."""
        with self._state:
            if self._pending is None or self._pending.generation < update.generation:
                self._pending = update

    def _disk_docs(self) -> list[DocumentInfo]:
        """The documents of the compiled index on disk (authoritative under the lock;
        ``self.index`` may lag behind it until :meth:`reopen`)."""
        try:
            meta = json.loads(
                (self.indexer.paths.compiled / "meta.json").read_text(encoding="utf-8")
            )
        except FileNotFoundError:
            return []
        return [
            seg.info_from_json({k: v for k, v in d.items() if k != "first_pid"})
            for d in meta["docs"]
        ]

    def ingest(
        self, paths: Iterable[Path], *, replace: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        """Copy documents into the corpus folder and index them.

        Each file is read first; unreadable ones, exact duplicates of indexed
        documents and name clashes (unless ``replace``) are reported, not copied.
        """
        corpus = self.settings.corpus_dir
        corpus.mkdir(parents=True, exist_ok=True)
        found = discover(list(paths))
        skipped = [SkippedFile(str(p), why) for p, why in found.skipped]
        known = {d.sha256: d for d in self.index.docs}
        copied: list[str] = []
        max_bytes = int(self.settings.max_file_mb * 1024 * 1024)
        for path in found.files:
            try:
                inside = path.resolve().is_relative_to(corpus.resolve())
                root = corpus if inside else path.parent
                doc = load_document(
                    path,
                    root,
                    max_bytes=max_bytes,
                    passage_max_chars=self.settings.passage_max_chars,
                )
            except UnreadableDocument as exc:
                skipped.append(SkippedFile(str(path), skip_reason(exc, path)))
                continue
            if inside:
                continue  # already in the corpus: the refresh below picks it up
            twin = known.get(doc.sha256)
            if twin is not None:
                skipped.append(SkippedFile(str(path), f"same content as {twin.filename}"))
                continue
            target = corpus / path.name
            if target.exists() and not replace:
                skipped.append(
                    SkippedFile(
                        str(path), f"{target.name} already exists in the corpus (use --replace)"
                    )
                )
                continue
            shutil.copy2(path, target)
            sidecar = path.with_name(path.name + ".meta.toml")
            if sidecar.exists():
                shutil.copy2(sidecar, target.with_name(target.name + ".meta.toml"))
            copied.append(target.name)
        report = self.refresh(progress=progress)
        return IngestReport(tuple(copied), tuple(skipped), report)

    # -- documents sent to the bot -----------------------------------------------------------
    def add_upload(
        self,
        filename: str | None,
        data: bytes,
        *,
        replace: bool = False,
        progress: Progress | None = None,
        reopen: bool = True,
    ) -> UploadResult:
        """Check, store and index one uploaded document; see :class:`UploadResult`.

        Checks (:mod:`bot.corpus.uploads`) run on a staged copy under
        ``<data_dir>/uploads``; only a readable document reaches the corpus folder,
        written atomically. Same content as an indexed document: "duplicate". Same
        name as a corpus file: "needs_confirmation" unless ``replace`` (the sidecar,
        if any, is kept). If indexing fails the corpus (and, after a recovery
        refresh, the index on disk) is put back as it was and the exception
        propagates; refusals never raise. Staging files are always removed.

        With ``reopen=False`` this is safe on any thread (see the module docstring):
        then call :meth:`reopen` with ``result.update`` on the core thread.
        """
        s = self.settings
        max_bytes = int(s.max_file_mb * 1024 * 1024)
        uploads.sweep_staging(s.data_dir)
        try:
            name = uploads.check_upload(filename, data, max_bytes=max_bytes)
        except uploads.UploadRefused as exc:
            return UploadResult("refused", filename or "", exc.reason, exc.code)
        with uploads.staged(s.data_dir, name, data) as path:
            try:
                doc = uploads.read_upload(
                    path, max_bytes=max_bytes, passage_max_chars=s.passage_max_chars
                )
            except uploads.UploadRefused as exc:
                return UploadResult("refused", name, exc.reason, exc.code)
        with self.indexer.lock():
            result = self._store_upload(name, data, doc.sha256, replace, progress)
        if reopen and result.update is not None:
            self.reopen(result.update)
        return result

    def _store_upload(
        self, name: str, data: bytes, sha256: str, replace: bool, progress: Progress | None
    ) -> UploadResult:
        """Under the index lock: duplicate and name checks against the index on disk,
        then the atomic write, the refresh and, on failure, the rollback."""
        docs = self._disk_docs()
        twin = next((d for d in docs if d.sha256 == sha256), None)
        if twin is not None:
            return UploadResult(
                "duplicate",
                name,
                f"内容与已有文件 {_describe(twin)} 相同，未重复添加。\n"
                f"Same content as {twin.filename} (id {twin.doc_id}); not added again.",
                existing=twin,
            )
        corpus = self.settings.corpus_dir
        target = corpus / name
        existing = next((d for d in docs if d.relpath == name), None)
        if target.is_dir():
            return UploadResult(
                "refused",
                name,
                f"文件库中已有同名文件夹 {name}，请改名后重新发送。\n"
                f"The corpus has a folder named {name}; please rename the file.",
                "folder",
            )
        if (existing is not None or target.exists()) and not replace:
            shown = _describe(existing) if existing else name
            return UploadResult(
                "needs_confirmation",
                name,
                f"已有同名文件 {shown}，内容不同。确认用新版本替换吗？\n"
                f"A different version of {name} is already in the library. Replace it?",
                existing=existing,
            )
        corpus.mkdir(parents=True, exist_ok=True)
        token = secrets.token_hex(4)
        # Hidden names: discovery ignores them, so a crash leaves no half document.
        tmp = corpus / f".{name}.upload-{token}"
        backup = corpus / f".{name}.previous-{token}" if target.exists() else None
        placed = False  # whether ``target`` holds the upload (and the index may know it)
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
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
            if placed:
                self._rollback_upload(target, backup, name)
            elif backup is not None:
                backup.unlink(missing_ok=True)
            if isinstance(exc, _NotIndexed):
                refusal = uploads.unreadable(str(exc))
                return UploadResult("refused", name, refusal.reason, refusal.code)
            raise
        if backup is not None:
            backup.unlink(missing_ok=True)
        self._offer(update)
        records = seg.load_targets(self.indexer.paths.docs, info.doc_id)
        key = [r for r in records if r.kind == "target"]
        shown = [r for r in key if r.confident]
        return UploadResult(
            "replaced" if existing is not None or backup is not None else "added",
            name,
            doc=info,
            existing=existing,
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
        seg.remove_document(self.indexer.paths.docs, doc_id_for(name))
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
            info = _match_document(self._disk_docs(), ref)
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
