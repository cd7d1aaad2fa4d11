"""Changing the index: refreshed off the core thread, swapped in on it.

See :mod:`bot.library.engine` for the threads.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass

from bot.models import (
    DocumentInfo,
    RefreshReport,
)
from bot.search import segments as seg
from bot.search.index import CompiledIndex, IndexDamaged, generation_stamp
from bot.search.indexer import Indexer, Progress
from bot.search.searcher import Searcher


@dataclass(frozen=True, eq=False)
class IndexUpdate:
    """A refreshed index, opened off the core thread, for :meth:`Engine.reopen`.

    ``generation`` orders updates: an engine never swaps in one older than its own.
    """

    generation: int
    index: CompiledIndex
    searcher: Searcher
    report: RefreshReport | None  # None: written by another process (:meth:`disk_update`)


class RefreshMixin:
    """:class:`~bot.library.Engine`'s index updates: prepared anywhere, swapped in on the
    core thread."""

    indexer: Indexer
    index: CompiledIndex
    last_refresh: RefreshReport | None
    _searcher: Searcher | None
    _making_searcher: threading.Lock
    _state: threading.Lock
    _generation: int
    _applied: int
    _pending: IndexUpdate | None

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
        # under the searcher's lock: a search thread making the old index's searcher
        # must not store it after the swap
        if update is None:
            index = self._open_from_disk()
            with self._making_searcher:
                self.index, self._searcher = index, None
        else:
            with self._making_searcher:
                self.index, self._searcher = update.index, update.searcher
            if update.searcher is not None:  # prepared before a runtime-settings change?
                self._configure(update.searcher)
            if update.report is not None:
                self.last_refresh = update.report
        with self._state:
            self._applied = max(self._applied, generation)
        return True

    def reopen_if_changed(self) -> bool:
        """Core thread, for engines opened with :meth:`Engine.open_readonly`: serve the
        compiled index on disk if a writer (the bot, another command) swapped a new one
        in since it was opened. One ``stat`` when nothing changed; takes no lock and
        writes nothing. An index caught between a writer's two renames, or damaged, is
        left for the next call (the one served stays). Returns whether it changed.
        """
        stamp = generation_stamp(self.indexer.paths.compiled)
        if stamp is None or stamp == self.index.stamp:
            return False
        try:
            index = CompiledIndex.open(self.indexer.paths.compiled)
        except IndexDamaged:
            return False
        with self._making_searcher:
            self.index, self._searcher = index, None
        return True

    # -- another process's changes -------------------------------------------------------------
    def newer_on_disk(self) -> bool:
        """Whether the compiled index on disk is a generation other than the one served and
        the one waiting to be swapped in (one ``stat``; any thread). Another process wrote
        it: ``briefbot ingest``, ``briefbot index``, a doctor's repair."""
        stamp = generation_stamp(self.indexer.paths.compiled)
        if stamp is None:
            return False  # between the two renames of a swap, or gone: looked at next time
        with self._state:
            pending = self._pending
        known = {self.index.stamp, pending.index.stamp if pending is not None else None}
        return stamp not in known

    def disk_update(self) -> IndexUpdate | None:
        """Off the core thread (the indexing thread): the generation on disk, opened and
        warmed as an update for :meth:`reopen`, when :meth:`newer_on_disk`; else None.

        The index is opened without the writers' lock (a long ``briefbot ingest`` in
        another process would hold this thread up); a swap caught half-way is retried,
        and an index still damaged after that is healed under the lock
        (:meth:`Indexer.open_index`). The update is also offered, so a bare
        :meth:`reopen` takes it.
        """
        if not self.newer_on_disk():
            return None
        index = self._open_from_disk()
        searcher = self._make_searcher(index)
        searcher.lexicon  # noqa: B018 - loaded here, not by the first search after the swap
        with self._state:
            self._generation += 1
            update = IndexUpdate(self._generation, index, searcher, None)
        self._offer(update)
        return update

    def _open_from_disk(self) -> CompiledIndex:
        # Without the lock a writer may be between the two renames of its swap; what is
        # still damaged after that is moved aside and rebuilt (Indexer.open_index).
        for _ in range(20):
            try:
                return CompiledIndex.open(self.indexer.paths.compiled)
            except IndexDamaged:
                time.sleep(0.01)
        return self.indexer.open_index()

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
        index = self.indexer.open_index()
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
