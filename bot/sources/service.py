"""The source use cases shared by the command line and the bot: add (checked, then polled
once), pause, resume, remove, poll now; and :class:`SourceScheduler`, which polls each
source every ``every`` (jittered) with APScheduler in the bot's loop.

Polls of one source never overlap: the job has ``max_instances=1`` and the poller holds a
lock per source, so ``/source check`` during a scheduled poll waits for it.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import Settings
from bot.sources.commands import AddArgs
from bot.sources.models import FetchError
from bot.sources.poller import PollReport, SourcePoller
from bot.sources.store import (
    Source,
    SourceError,
    SourceStore,
    check_match,
    check_name,
    parse_every,
)
from bot.sources.urls import check_url

log = logging.getLogger(__name__)

REFUSED_AT_ADD = ("bad_url", "private_address")
"""First-poll errors that mean the URL can never work: the source is not kept."""
JITTER_SHARE = 0.1
MAX_JITTER_SECONDS = 600


class SourceRefused(SourceError):
    """The URL of a new source cannot be polled (not http(s), a private address without
    ``sources_allow_private``): ``fetch_code`` is the ``FetchError`` code, ``detail`` its
    parameters; nothing was kept."""

    def __init__(self, exc: FetchError) -> None:
        detail = ", ".join(f"{k}={v}" for k, v in sorted(exc.params.items())) or str(exc)
        super().__init__(f"refused ({exc.code}): {detail}", "source.refused", code=exc.code)
        self.fetch_code = exc.code
        self.detail = detail


@dataclass(frozen=True)
class Added:
    source: Source
    report: PollReport


def default_name(url: str) -> str:
    """A name from the URL: its host and the last part of its path (``www.gov.cn-zhengce``)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return Path(url).name or "folder"
    last = [p for p in parts.path.split("/") if p and "." not in p][-1:]
    return "-".join([parts.hostname or "source", *last])


def precheck(args: AddArgs, settings: Settings) -> None:
    """What :func:`add_source` refuses without fetching anything (interval, pattern, name,
    URL scheme), checked before an interface says "adding …"."""
    parse_every(args.every or settings.source_default_every)
    check_match(args.match)
    if args.name is not None:
        check_name(args.name)
    try:
        check_url(args.url)
    except FetchError as exc:
        raise SourceRefused(exc) from None


async def add_source(
    poller: SourcePoller,
    url: str,
    *,
    name: str | None = None,
    every: str | None = None,
    match: str | None = None,
    created_by: int | None = None,
    allow_folder: bool = False,
) -> Added:
    """Check and record a new source, then poll it once (its kind is sniffed then).

    Raises :class:`SourceError` for a bad name, interval or pattern, a name in use, and
    :class:`SourceRefused` for a URL that can never be polled (then nothing is kept).
    A source whose first poll fails otherwise (404, timeout …) is kept: its reason shows
    in the list, and it is polled again on schedule.
    """
    store, run = poller.store, poller.runners.db
    settings = poller.settings()
    every_seconds = parse_every(every or settings.source_default_every)
    match = check_match(match)
    url = url.strip()
    kind = "auto"
    if allow_folder and url and not urlsplit(url).scheme and Path(url).expanduser().is_dir():
        url, kind = str(Path(url).expanduser().resolve()), "folder"
    else:
        try:
            url = check_url(url)
        except FetchError as exc:
            raise SourceRefused(exc) from None
    if name is None:
        name = await run(store.free_name, default_name(url))
    source = await run(
        store.add,
        name,
        url,
        kind=kind,
        every_seconds=every_seconds,
        match=match,
        created_by=created_by,
    )
    report = await poller.poll(source)
    if report.error in REFUSED_AT_ADD:
        await run(store.remove, source.name)
        raise SourceRefused(FetchError(report.error, detail=report.detail))
    fresh = await run(store.by_id, source.id)
    return Added(fresh or source, report)


class SourceScheduler:
    """One APScheduler interval job per active source, in the bot's loop.

    ``start()`` reads the sources; :meth:`sync` keeps a source's job in step after add,
    pause, resume (and :meth:`drop` after remove). A job's first run is one interval
    after the source's last poll (soon, if that is past), every run jittered by up to a
    tenth of the interval (at most 10 minutes), so that sources added together do not
    poll together.
    """

    def __init__(
        self,
        poller: SourcePoller,
        *,
        settings: Callable[[], Settings] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.poller = poller
        self.store: SourceStore = poller.store
        self._settings = settings or poller.settings
        self._rng = rng or random.Random()
        self._apscheduler = AsyncIOScheduler(timezone=UTC)
        self._started = False

    async def start(self) -> None:
        sources = await self.poller.runners.db(self.store.list)
        self._apscheduler.start()
        self._started = True
        for source in sources:
            self.sync(source)

    async def stop(self) -> None:
        if self._started:
            self._started = False
            self._apscheduler.shutdown(wait=False)
        await self.poller.close()

    @staticmethod
    def job_id(source_id: int) -> str:
        return f"source-{source_id}"

    def jitter(self, every_seconds: int) -> float:
        return min(every_seconds * JITTER_SHARE, MAX_JITTER_SECONDS)

    def sync(self, source: Source) -> None:
        """Schedule ``source`` (or unschedule it if paused)."""
        if not self._started:
            return
        job_id = self.job_id(source.id)
        if self._apscheduler.get_job(job_id) is not None:
            self._apscheduler.remove_job(job_id)
        if source.paused:
            return
        jitter = self.jitter(source.every_seconds)
        now = datetime.now(UTC)
        # The first run: one interval after the last poll (a restart does not postpone a
        # source for another whole interval), else soon, spread out.
        first = (source.last_checked_at or now) + timedelta(seconds=source.every_seconds)
        if first <= now:
            first = now + timedelta(seconds=self._rng.uniform(1, 60))
        self._apscheduler.add_job(
            self.fire,
            IntervalTrigger(
                seconds=source.every_seconds, jitter=jitter, start_date=first, timezone=UTC
            ),
            args=[source.id],
            id=job_id,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=max(1, source.every_seconds // 2),
        )

    def drop(self, source_id: int) -> None:
        if self._started and self._apscheduler.get_job(self.job_id(source_id)) is not None:
            self._apscheduler.remove_job(self.job_id(source_id))

    def next_run(self, source_id: int) -> datetime | None:
        job = self._apscheduler.get_job(self.job_id(source_id)) if self._started else None
        return job.next_run_time if job is not None else None

    async def fire(self, source_id: int) -> PollReport | None:
        """What the job runs: poll the source if it still exists and is not paused."""
        source = await self.poller.runners.db(self.store.by_id, source_id)
        if source is None or source.paused:
            self.drop(source_id)
            return None
        try:
            return await self.poller.poll(source)
        except Exception:
            log.exception("scheduled poll of source %s failed", source.name)
            return None

    # -- use cases (shared with the handlers) -----------------------------------------------
    async def add(self, url: str, **kw: Any) -> Added:
        added = await add_source(self.poller, url, **kw)
        self.sync(added.source)
        return added

    async def set_paused(self, name: str, paused: bool) -> Source:
        source = await self.poller.runners.db(self.store.set_paused, name, paused)
        self.sync(source)
        return source

    async def remove(self, name: str) -> Source:
        source = await self.poller.runners.db(self.store.remove, name)
        self.drop(source.id)
        return source

    async def check(self, name: str) -> PollReport:
        return await self.poller.poll(name)
