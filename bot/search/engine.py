"""The search engine as the rest of the program sees it.

``Engine.open(settings)`` brings the persisted index up to date with the corpus
folder (reading only what changed) and opens it; the engine then answers
searches and document look-ups. It holds no Telegram or console code.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from rapidfuzz import process

from bot.config import Settings
from bot.corpus.loader import discover, load_document
from bot.corpus.reader import UnreadableDocument, skip_reason
from bot.digest import Digest, DigestFilter, compose_digest, parse_filter
from bot.models import (
    Document,
    DocumentInfo,
    DocumentMeta,
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


@dataclass(frozen=True)
class DocTarget:
    """A target record and the id of the document it comes from."""

    doc_id: str
    record: TargetRecord


class DocumentNotFound(LookupError):
    """No document matches the given reference (or more than one does)."""


@dataclass(frozen=True)
class IngestReport:
    copied: tuple[str, ...]
    skipped: tuple[SkippedFile, ...]
    refresh: RefreshReport


class Engine:
    """Open with :meth:`open`; it (re)indexes the corpus when the index is missing or stale."""

    def __init__(self, settings: Settings, indexer: Indexer, index: CompiledIndex) -> None:
        self.settings = settings
        self.indexer = indexer
        self.index = index
        self.last_refresh: RefreshReport | None = None
        self._searcher: Searcher | None = None

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
            s = self.settings
            tokenizer = self.tokenizer
            self._searcher = Searcher(
                self.index,
                tokenizer,
                Synonyms.from_files(s.synonym_paths),
                fuzzy_threshold=s.fuzzy_threshold,
                snippet_chars=s.snippet_chars,
                page_size=s.results_per_page,
                max_query_chars=s.max_query_chars,
                popular_terms=tuple(e.word for e in tokenizer.entries),
            )
        return self._searcher

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
        key = ref.strip().lower()
        if not key:
            raise DocumentNotFound("no document given")
        exact = [
            d
            for d in self.index.docs
            if key in (d.doc_id.lower(), d.filename.lower(), d.filename.rsplit(".", 1)[0].lower())
        ]
        if len(exact) == 1:
            return exact[0]
        prefix = [
            d
            for d in self.index.docs
            if d.doc_id.lower().startswith(key) or d.filename.lower().startswith(key)
        ]
        if len(prefix) == 1:
            return prefix[0]
        if not prefix:
            raise DocumentNotFound(f"no document matches {ref!r}")
        names = ", ".join(d.filename for d in prefix[:5])
        raise DocumentNotFound(f"{ref!r} matches several documents: {names}")

    def document(self, ref: str) -> Document:
        """The full document (text and passages) from the index cache."""
        info = self.find_document(ref)
        doc_index = self.index.docs.index(info)
        first = self.index.doc_first_pid[doc_index]
        text = seg.load_text(self.indexer.paths.docs, info.doc_id)
        passages = tuple(self._passage(pid, text) for pid in range(first, first + info.passages))
        meta = DocumentMeta(info.title, info.region, info.year, dict(info.extra))
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

    def _passage(self, pid: int, text: str) -> Passage:
        ix = self.index
        start = int(ix.p_start[pid])
        return Passage(
            doc_id=ix.docs[int(ix.p_doc[pid])].doc_id,
            ordinal=int(ix.p_ord[pid]),
            text=text[start : start + int(ix.p_len[pid])],
            start=start,
            section=ix.sections[int(ix.p_section[pid])],
        )

    def passages(self) -> Iterator[Passage]:
        for doc_index, info in enumerate(self.index.docs):
            text = seg.load_text(self.indexer.paths.docs, info.doc_id)
            first = self.index.doc_first_pid[doc_index]
            for pid in range(first, first + info.passages):
                yield self._passage(pid, text)

    # -- key targets ---------------------------------------------------------------------------
    def targets(
        self,
        *,
        doc: str | None = None,
        kind: str | None = None,
        indicator: str | None = None,
    ) -> list[DocTarget]:
        """Extracted target records in corpus order, optionally filtered.

        ``kind`` is target/achievement/estimate (None or "all": every kind);
        ``indicator`` matches the canonical name, an alias, or part of the name.
        """
        return list(self.iter_targets(doc=doc, kind=kind, indicator=indicator))

    def iter_targets(
        self,
        *,
        doc: str | None = None,
        kind: str | None = None,
        indicator: str | None = None,
        docs: Iterable[DocumentInfo] | None = None,
    ) -> Iterator[DocTarget]:
        """Like :meth:`targets`, read document by document (memory bounded by the
        matches, not the corpus); ``docs`` limits the documents read."""
        chosen = [self.find_document(doc)] if doc else list(docs or self.index.docs)
        wanted = None
        if indicator:
            wanted = self.indicator_table.canonical(indicator) or normalize(indicator)
        for info in chosen:
            for record in seg.load_targets(self.indexer.paths.docs, info.doc_id):
                if kind and kind != "all" and record.kind != kind:
                    continue
                if wanted and wanted != record.indicator and wanted not in record.indicator:
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
        )

    # -- changing the corpus -----------------------------------------------------------------
    def refresh(self, *, rebuild: bool = False, progress: Progress | None = None) -> RefreshReport:
        report = self.indexer.refresh(rebuild=rebuild, progress=progress)
        self._reopen()
        self.last_refresh = report
        return report

    def _reopen(self) -> None:
        self.index = CompiledIndex.open(self.indexer.paths.compiled)
        self._searcher = None

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
