"""Polling live sources: what is new on a feed, list page, page or folder goes into the
library, once.

One poll of one source (:meth:`SourcePoller.poll`):

1. the source's URL is fetched with its ETag / Last-Modified (``bot.sources.fetch``); a
   304 means nothing changed and nothing more is fetched;
2. the first successful fetch sniffs what the source is (feed, list page, single page:
   ``bot.sources.sniff``); later polls parse it as that, so a feed that starts serving
   HTML is a failure (``not_feed``), not a page of garbage;
3. every entry whose URL the source has not recorded (``source_items``) is fetched and
   its main text extracted (``bot.sources.article``); attachments it links (.pdf, .docx,
   .txt; a .doc is recorded as failed: it cannot be converted) are downloaded too;
4. a text whose content key (``bot.sources.dedupe``) an earlier item of any source has,
   or which is a near duplicate of a library document or of another text of this
   poller, is recorded as a ``duplicate``; otherwise it is ingested through the library's
   upload path (:meth:`Engine.add_upload` with ``reopen=False`` on the indexing runner,
   :meth:`Engine.reopen` on the core runner), an article as a UTF-8 ``.txt`` whose first
   line is its title, with a ``.meta.toml`` sidecar carrying title, date, issuer, its URL
   and the source's name. An upload is atomic: a failure leaves no corpus file, and the
   item is recorded ``failed`` with the reason;
5. the source's health is written in one UPDATE (:class:`~bot.sources.store.Health`):
   a success resets the failures; ``source_alert_failures`` failures in a row, a list
   page that yields no links after it had some, or an article far shorter than the
   source's average alert the admins once (``alerts.source_*``, a
   :class:`bot.i18n.Message`), until the source recovers (``alerts.source_recovered``).

Where the work runs is the caller's (:class:`Runners`): the bot gives its storage
thread, indexing thread and core thread; the command line runs them in worker threads
one at a time. Polls of one source never overlap (a lock per source).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from typing import Any

from bot.config import Settings
from bot.i18n import Message
from bot.library import Engine
from bot.sources.dedupe import NearDuplicates
from bot.sources.fetch import Fetcher
from bot.sources.health import ItemOutcome, PollReport, next_health
from bot.sources.intake import PollState, error_detail
from bot.sources.items import ItemFetching
from bot.sources.models import Fetched, FetchError
from bot.sources.reading import read_source
from bot.sources.runtime import Runners
from bot.sources.store import Source, SourceStore

# ItemOutcome and PollReport are imported from here by the interfaces
__all__ = ["ItemOutcome", "PollReport", "SourcePoller"]

log = logging.getLogger(__name__)

# An article under this share of the source's average length "extracts to almost nothing".
SHORT_ARTICLE_RATIO = 0.1
# The average is trusted once it is at least this long (a source of one-line notices is
# not alerted about).
SHORT_ARTICLE_MIN_AVG = 200


class SourcePoller(ItemFetching):
    """Polls sources into ``engine`` (see the module docstring). Use as an async context
    manager (it holds one :class:`Fetcher`: per-host politeness across every poll).

    ``settings()`` is read at each poll (runtime changes apply); ``notify(message)`` tells
    the admins (the bot's notifier; the command line prints). ``transport`` is passed to
    the fetcher (tests).
    """

    def __init__(
        self,
        engine: Engine,
        store: SourceStore,
        settings: Callable[[], Settings],
        *,
        runners: Runners | None = None,
        notify: Callable[[Message], Awaitable[None]] | None = None,
        transport: Any = None,
    ) -> None:
        self.engine = engine
        self.store = store
        self.settings = settings
        self.runners = runners or Runners.local()
        self.notify = notify
        self._transport = transport
        self._fetcher: Fetcher | None = None
        self._locks: dict[int, asyncio.Lock] = {}
        self._near: NearDuplicates | None = None
        self._near_lock = asyncio.Lock()
        self._near_guard = threading.Lock()  # the index is used from worker threads

    async def __aenter__(self) -> SourcePoller:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._fetcher is not None:
            fetcher, self._fetcher = self._fetcher, None
            await fetcher.__aexit__(None, None, None)

    def running(self, source_id: int) -> bool:
        lock = self._locks.get(source_id)
        return lock is not None and lock.locked()

    # -- one source ---------------------------------------------------------------------------
    async def poll(self, source: Source | str) -> PollReport:
        """Poll one source (a :class:`Source` or its name) now; waits for a poll of the same
        source already running, then reads it afresh."""
        if isinstance(source, str):
            source = await self.runners.db(self.store.require, source)
        lock = self._locks.setdefault(source.id, asyncio.Lock())
        async with lock:
            fresh = await self.runners.db(self.store.by_id, source.id)
            if fresh is None:  # removed meanwhile
                return PollReport(source.name, source.kind, error="gone", detail="removed")
            return await self._poll(fresh)

    async def poll_many(
        self, sources: Iterable[Source], *, concurrency: int = 8
    ) -> list[PollReport]:
        """Poll several sources, ``concurrency`` at a time (hosts stay polite: the fetcher
        serialises requests per host)."""
        gate = asyncio.Semaphore(concurrency)

        async def one(source: Source) -> PollReport:
            async with gate:
                return await self.poll(source)

        return list(await asyncio.gather(*(one(s) for s in sources)))

    async def _poll(self, source: Source) -> PollReport:
        state = PollState(source, await self.runners.db(self.store.known_urls, source.id))
        fetched: Fetched | None = None
        try:
            if source.kind == "folder":
                report = await self._poll_folder(state)
            else:
                fetched, report = await self._poll_url(state)
        except FetchError as exc:
            report = PollReport(
                source.name,
                source.kind,
                items=tuple(state.items),
                error=exc.code,
                detail=error_detail(exc),
            )
        except Exception as exc:  # a bug or a broken disk must not stop the other sources
            log.exception("polling source %s failed", source.name)
            report = PollReport(
                source.name,
                source.kind,
                items=tuple(state.items),
                error="internal",
                detail=f"{type(exc).__name__}: {exc}",
            )
        health, notice, recovered = next_health(
            source,
            report,
            alert_after=self.settings().source_alert_failures,
            article_chars=state.lengths,
            fetched=fetched,
        )
        await self.runners.db(self.store.record_poll, source.id, health)
        report = replace(
            report,
            alert=notice if not recovered else None,
            recovered=recovered,
        )
        if notice is not None and self.notify is not None:
            try:
                await self.notify(notice)
            except Exception:
                log.warning("could not tell the admins about source %s", source.name, exc_info=True)
        log.info(
            "source %s: %s, %d links, %d ingested, %d duplicate, %d failed",
            source.name,
            report.error or report.problem or ("not modified" if report.not_modified else "ok"),
            report.links,
            report.count("ingested"),
            report.count("duplicate"),
            report.count("failed"),
        )
        return report

    async def _poll_url(self, state: PollState) -> tuple[Fetched, PollReport]:
        source = state.source
        fetcher = await self._get_fetcher()
        fetched = await fetcher.get(
            source.url, etag=source.etag, last_modified=source.last_modified
        )
        if fetched.not_modified:
            return fetched, PollReport(source.name, source.kind, not_modified=True)
        kind, text, entries = await self.runners.work(read_source, source, fetched)
        problem = ""
        if kind in ("feed", "list"):
            for entry in entries:
                if entry.url in state.known:
                    continue
                await self._entry(state, entry)
            if not entries and (source.last_links_count or 0) > 0:
                problem = "no_links"
        else:  # a single page: the page is the article, new whenever its text changes
            await self._page(state, fetched, text)
        if not problem and self._short(state):
            problem = "short_article"
        detail = ""
        if problem == "no_links":
            detail = f"links=0 before={source.last_links_count}"
        elif problem == "short_article":
            detail = (
                f"chars={min(state.lengths + state.empties)} average={source.avg_article_chars}"
            )
        return fetched, PollReport(
            source.name,
            kind,
            links=len(entries),
            items=tuple(state.items),
            problem=problem,
            detail=detail,
        )

    def _short(self, state: PollState) -> bool:
        avg = state.source.avg_article_chars
        seen = state.lengths + state.empties
        if not seen or avg is None or avg < SHORT_ARTICLE_MIN_AVG:
            return False
        return min(seen) < avg * SHORT_ARTICLE_RATIO
