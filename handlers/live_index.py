"""The live index: the running bot serves what another process indexed, without a restart.

``briefbot ingest`` (or ``briefbot index``, a doctor's repair) on the bot's data folder
writes a new generation of the compiled index under the index lock and swaps its folder
in on disk. :class:`IndexWatcher` looks every ``index_check_seconds``: one ``stat`` of
the compiled index's ``meta.json`` on the indexing thread (never the loop), compared
with the generation the engine serves (:meth:`Engine.newer_on_disk`). A newer one is
opened and warmed there too (:meth:`Engine.disk_update`) and swapped in on the core
thread (:meth:`Engine.reopen`), behind the searches already queued there, which finish
on the old index (its memory maps stay valid after the folder is gone).

Each check also tells the admins (``notify_admins``, ``alerts.index_healed``) of every
damaged compiled index that was moved aside and rebuilt since the last one: at start-up
(:meth:`Engine.open`), while reopening at runtime (on the indexing or core thread, never
the loop), or during an upload's refresh.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor

from bot.blocking import Blocking
from bot.i18n import counted
from bot.library import Engine
from handlers.i18n import Message

logger = logging.getLogger(__name__)


class IndexWatcher:
    """Swaps in index generations written by other processes (see the module docstring).

    ``interval`` is the time between checks (``index_check_seconds``). :meth:`fresh`
    waits for a check that began after it was called (tests, and anyone who just wrote
    the index and wants the bot to serve it).
    """

    def __init__(
        self,
        engine: Engine,
        blocking: Blocking,
        indexing: Executor,
        interval: float = 2.0,
        notify_admins: Callable[[Message], Awaitable[None]] | None = None,
    ) -> None:
        self.engine = engine
        self.notify_admins = notify_admins
        self.blocking = blocking
        self.indexing = indexing
        self.interval = interval
        self.swaps = 0  # generations from other processes swapped in since start
        self._started = 0
        self._done = 0
        self._changed = asyncio.Condition()

    async def check(self) -> bool:
        """Look once; swap a newer generation in. Returns whether one was swapped in."""
        self._started += 1
        cycle = self._started
        try:
            loop = asyncio.get_running_loop()
            update = await loop.run_in_executor(self.indexing, self.engine.disk_update)
            if update is None:
                return False
            swapped = await self.blocking.run(self.engine.reopen, update)
            if swapped:
                self.swaps += 1
                logger.info(
                    "the index on disk changed (another process): serving it, %s",
                    counted(len(update.index.docs), "document"),
                )
            return swapped
        finally:
            await self._tell_heals()
            async with self._changed:
                self._done = max(self._done, cycle)
                self._changed.notify_all()
            await self._warm_links()

    async def _warm_links(self) -> None:
        """A new index (a swap here, an upload, /reindex, start-up): scorecards and digest
        leads need its targets linked, answer cards the documents holding each
        indicator's targets; made on the indexing thread, not by the first to ask
        (seconds on a 100 MB library)."""
        if not self.engine.links_stale():
            return
        try:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(self.indexing, self.engine.warm_links)
            await loop.run_in_executor(self.indexing, self.engine.target_holders)
        except Exception:
            logger.warning("could not link the key targets ahead of scorecards", exc_info=True)

    async def _tell_heals(self) -> None:
        for healed in self.engine.indexer.take_healed():
            logger.info("telling the admins: the index was damaged and rebuilt")
            if self.notify_admins is None:
                continue
            notice = Message(
                "alerts.index_healed", {"damage": healed.damage, "aside": healed.aside or "-"}
            )
            try:
                await self.notify_admins(notice)
            except Exception:
                logger.warning("could not tell the admins of the index heal", exc_info=True)

    async def run(self) -> None:
        """Check every ``interval`` seconds until cancelled; a failed check is logged."""
        while True:
            try:
                await self.check()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.warning("checking the index on disk for changes failed", exc_info=True)
            await asyncio.sleep(self.interval)

    async def fresh(self) -> None:
        """Wait until a check that began after this call has finished."""
        async with self._changed:
            target = self._started + 1
            await self._changed.wait_for(lambda: self._done >= target)
