"""The search engine as the rest of the program sees it.

``Engine.open(settings)`` brings the persisted index up to date with the corpus
folder (reading only what changed) and opens it; the engine then answers
searches and document look-ups. It holds no Telegram or console code.

Threads
-------
An engine is used from one *core* thread (the bot's single worker) for look-ups and
swaps, and :meth:`Engine.search` also from the *search* threads (``bot.blocking``),
several at once: the ``Searcher`` is thread-safe (read-only index, memo tables of
atomic dictionary operations, a budget per request), made once under a lock, and a
search takes it once, so it reads one index even while the core thread swaps another
in. Changing the corpus is split so that the slow part does not hold up searches:

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

The engine is put together from one mixin per concern: :mod:`~bot.library.searching`
(searches and what was understood), :mod:`~bot.library.answering` (which key target
answers a question), :mod:`~bot.library.documents`, :mod:`~bot.library.targets`,
:mod:`~bot.library.analytics`, :mod:`~bot.library.digests`, :mod:`~bot.library.refresh`,
:mod:`~bot.library.uploads` and :mod:`~bot.library.ingesting`; this module opens it and
keeps its searcher.
"""

from __future__ import annotations

import functools
import logging
import threading

from bot.config import Settings
from bot.corpus.gazetteer import default_gazetteer
from bot.library.analytics import (
    AnalyticsMixin,
    ChangesMixin,
    ChartsMixin,
    ScorecardChartMixin,
)
from bot.library.answering import AnswersMixin
from bot.library.corrections import CorrectionsMixin
from bot.library.digests import DigestsMixin
from bot.library.documents import DocumentsMixin
from bot.library.holders import TargetHolders
from bot.library.ingesting import IngestMixin
from bot.library.refresh import IndexUpdate, RefreshMixin
from bot.library.searching import SearchMixin
from bot.library.targets import TargetsMixin
from bot.library.uploads import UploadsMixin
from bot.models import RefreshReport
from bot.search import segments as seg
from bot.search.budget import Limits
from bot.search.index import CompiledIndex, IndexDamaged
from bot.search.indexer import Indexer, IndexPaths, Progress
from bot.search.searcher import Searcher
from bot.targets.store import TargetStore
from bot.text.synonyms import Synonyms
from bot.text.tokenize import Tokenizer

log = logging.getLogger(__name__)

RUNTIME_KEYS: tuple[str, ...] = (
    "results_per_page",
    "snippet_chars",
    "fuzzy_threshold",
    "max_query_chars",
    "digest_cap",
)
"""Settings the engine reads that admins may change while it runs."""


def target_store_for(settings: Settings) -> TargetStore:
    """The key targets of the documents indexed under ``settings.index_dir``."""
    docs = IndexPaths(settings.index_dir).docs
    # A damaged records file is extracted again from the document's cache.
    return TargetStore(
        docs, settings.indicators_path, source=functools.partial(seg.cached_document, docs)
    )


def make_indexer(
    settings: Settings,
    tokenizer: Tokenizer | None = None,
    target_store: TargetStore | None = None,
) -> Indexer:
    """The library's indexer: the search index plus the key targets of every document."""
    return Indexer(settings, tokenizer, derived=target_store or target_store_for(settings))


class Engine(
    SearchMixin,
    AnswersMixin,
    DocumentsMixin,
    TargetsMixin,
    AnalyticsMixin,
    ChangesMixin,
    ChartsMixin,
    ScorecardChartMixin,
    DigestsMixin,
    RefreshMixin,
    UploadsMixin,
    CorrectionsMixin,
    IngestMixin,
):
    """Open with :meth:`open`; it (re)indexes the corpus when the index is missing or stale."""

    def __init__(
        self,
        settings: Settings,
        indexer: Indexer,
        index: CompiledIndex,
        target_store: TargetStore | None = None,
    ) -> None:
        self.settings = settings
        self.indexer = indexer
        self.index = index
        self.target_store = target_store or target_store_for(settings)
        self.last_refresh: RefreshReport | None = None
        self._searcher: Searcher | None = None
        # whether derived files beside the index may be written (not by a reader: MCP)
        self.writes_cache = True
        self._making_searcher = threading.Lock()  # search threads may ask at once
        # Guards the update bookkeeping below, which writer threads and the core share.
        self._state = threading.Lock()
        self._generation = 0  # of the newest update prepared
        self._applied = 0  # of the update the engine serves
        self._pending: IndexUpdate | None = None
        self._links_memo: dict = {}  # AnalyticsMixin: the library linked, per index
        # the documents holding each indicator's targets, and the index they were read from
        self._holders: tuple[CompiledIndex, TargetHolders] | None = None
        self._making_holders = threading.Lock()

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
        store = target_store_for(settings)
        indexer = make_indexer(settings, tokenizer, store)
        report = None
        compiled = indexer.paths.compiled
        if (refresh and not indexer.is_fresh()) or not (compiled / "meta.json").exists():
            report = indexer.refresh(progress=progress)
        engine = cls(settings, indexer, indexer.open_index(), store)
        engine.last_refresh = report
        return engine

    @classmethod
    def open_readonly(cls, settings: Settings, *, tokenizer: Tokenizer | None = None) -> Engine:
        """Open the index as the writers left it, for a reader beside the bot (the MCP
        server): no refresh, no lock, no file written while serving.

        A compiled index that opens is served as it is, even when the corpus folder has
        changed since (a warning is logged; the bot or ``briefbot index`` refreshes it,
        and :meth:`~bot.library.refresh.RefreshMixin.reopen_if_changed` picks their
        result up). Only a data folder without a usable index (a first run) is indexed,
        by :meth:`Indexer.refresh`, which waits for another process's refresh to finish
        first and then has nothing left to do. Damaged key-target files are not
        extracted again here (the records of that document are empty until a writer
        heals them).
        """
        store = target_store_for(settings)
        store.source = None  # a reader does not rewrite damaged records files
        indexer = make_indexer(settings, tokenizer, store)
        report = None
        try:
            index = CompiledIndex.open(indexer.paths.compiled)
        except IndexDamaged:
            report = indexer.refresh()
            index = CompiledIndex.open(indexer.paths.compiled)
        else:
            if not indexer.is_fresh():
                log.warning(
                    "the index in %s is older than the corpus folder %s; serving it as it is "
                    "(the bot or `briefbot index` brings it up to date)",
                    settings.index_dir,
                    settings.corpus_dir,
                )
        engine = cls(settings, indexer, index, store)
        engine.writes_cache = False
        engine.last_refresh = report
        return engine

    @property
    def tokenizer(self) -> Tokenizer:
        return self.indexer.tokenizer

    @property
    def searcher(self) -> Searcher:
        searcher = self._searcher
        if searcher is None:
            with self._making_searcher:
                if (searcher := self._searcher) is None:
                    searcher = self._searcher = self._make_searcher(self.index)
        return searcher

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
        synonyms = Synonyms.from_files(s.synonym_paths)
        # indicator families answer to each other: GDP, 地区生产总值, 国内生产总值 …
        for group in self.target_store.table.synonym_groups():
            synonyms.add(group)
        searcher = Searcher(
            index,
            tokenizer,
            synonyms,
            fuzzy_threshold=s.fuzzy_threshold,
            snippet_chars=s.snippet_chars,
            page_size=s.results_per_page,
            max_query_chars=s.max_query_chars,
            limits=Limits(seconds=s.search_time_budget_seconds),
            english_cache=s.index_dir,
            english_cache_writable=self.writes_cache,
        )
        # made once per index, before its first query: the corrector's tables, the
        # segmenter and the gazetteer too. Loaded by the first query instead (0.7 s for
        # rjieba and its dictionary, 0.2 s for the gazetteer), they spent its time budget:
        # `briefbot search 经纪增长` always answered "correction skipped", searched as typed.
        searcher.prepare_corrections()
        tokenizer.load()
        default_gazetteer()
        return searcher
