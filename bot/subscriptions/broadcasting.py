"""The broadcasts part of :class:`~bot.subscriptions.scheduler.DigestScheduler`.

An admin's /broadcast_digest is recorded before anything is queued
(``bot.subscriptions.broadcasts``); the scheduler watches its deliveries and, when
every one is final, counts the outcomes from the database and hands the summary to
``on_broadcast_done``. After a restart, :meth:`BroadcastsMixin._settle_broadcasts` and
:meth:`BroadcastsMixin._recover_broadcasts` resume the unfinished ones.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.blocking import Blocking
from bot.i18n import counted
from bot.subscriptions.broadcasts import Broadcast, BroadcastStore
from bot.subscriptions.delivery import Deliverer
from bot.subscriptions.store import SubscriptionStore, busiest_chats_first

log = logging.getLogger("bot.subscriptions.scheduler")

SlotKey = tuple[int, datetime]
"""(subscription id, slot): one delivery."""

BroadcastReport = Callable[[Broadcast, dict[str, int]], Awaitable[None]]
"""Sends a finished broadcast's summary to the admin who asked for it."""


class BroadcastsMixin:
    """Broadcasts for the digest scheduler (what it provides is declared below)."""

    store: SubscriptionStore
    deliverer: Deliverer
    blocking: Blocking
    broadcasts: BroadcastStore | None
    grace: timedelta
    clock: Callable[[], datetime]
    on_broadcast_done: BroadcastReport | None
    _queue: asyncio.Queue[tuple[int, datetime, bool]] | None
    _queued: set[SlotKey]
    _watching: dict[SlotKey, list[int]]
    _open: dict[int, tuple[Broadcast, set[SlotKey]]]

    if TYPE_CHECKING:

        def _begin(self) -> None: ...
        def _end(self) -> None: ...
        def _spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None: ...
        def enqueue(
            self, subscription_id: int, slot: datetime, *, resume: bool = False
        ) -> bool: ...

    async def broadcast(
        self,
        *,
        chat_id: int,
        reply_to: int | None = None,
        language: str = "zh",
        requested_by: int | None = None,
        announce: Callable[[int], Awaitable[None]] | None = None,
    ) -> int:
        """An admin's /broadcast_digest: the current minute as a slot for every due
        subscription, recorded (``broadcasts``) before anything is queued, so that it
        resumes after a restart; :attr:`on_broadcast_done` gets its summary once every
        delivery is final. ``announce(count)`` is awaited before the first is queued
        (the admin hears "queued" before the summary). Returns how many were queued."""
        if self.broadcasts is None or self._queue is None:
            raise RuntimeError("the digest scheduler is not started with a broadcast store")
        slot = self.clock().astimezone(UTC).replace(second=0, microsecond=0)
        broadcasts = self.broadcasts

        def record() -> Broadcast | None:
            ids = busiest_chats_first((sub.id, sub.chat_id) for sub in self.store.list_active())
            if not ids:
                return None
            return broadcasts.create(
                slot,
                ids,
                chat_id=chat_id,
                reply_to=reply_to,
                language=language,
                requested_by=requested_by,
            )

        self._begin()  # drain() waits for this broadcast from here on
        try:
            made = await self.blocking.run_db(record)
            keys = [] if made is None else [(i, made.slot) for i in made.subscription_ids]
            count = sum(1 for key in keys if key not in self._queued)
            if announce is not None:
                try:
                    await announce(count)
                except Exception:  # the reply failed: the broadcast goes on all the same
                    log.warning("could not announce the broadcast", exc_info=True)
            if made is None:
                return 0
            self._watch(made, keys)
            for subscription_id, at in keys:
                self.enqueue(subscription_id, at)
            return count
        finally:
            self._end()

    def _watch(self, broadcast: Broadcast, keys: list[SlotKey]) -> None:
        """Wait for ``keys`` (deliveries queued or about to be); report when all are final."""
        waiting = set(keys)
        self._open[broadcast.id] = (broadcast, waiting)
        for key in waiting:
            self._watching.setdefault(key, []).append(broadcast.id)
        if not waiting:
            self._settled(broadcast.id, None)

    def _settled(self, broadcast_id: int, key: SlotKey | None) -> None:
        entry = self._open.get(broadcast_id)
        if entry is None:
            return
        broadcast, waiting = entry
        waiting.discard(key)  # type: ignore[arg-type]
        if waiting:
            return
        del self._open[broadcast_id]
        self._spawn(self._finish_broadcast(broadcast, None), f"broadcast {broadcast_id} summary")

    async def _finish_broadcast(self, broadcast: Broadcast, summary: dict[str, int] | None) -> None:
        """Count the outcomes (stored with the broadcast, now ``reporting``), send the
        summary, then record the broadcast ``done``."""
        assert self.broadcasts is not None
        if summary is None:
            summary = await self.blocking.run_db(self.broadcasts.summarize, broadcast)
        if self.on_broadcast_done is not None:
            try:
                await self.on_broadcast_done(broadcast, summary)
            except Exception:
                log.warning("could not send broadcast %s's summary", broadcast.id, exc_info=True)
        await self.blocking.run_db(self.broadcasts.finish, broadcast.id)
        log.info("broadcast %s done: %s", broadcast.id, summary)

    def _settle_broadcasts(
        self, now: datetime, due: list[tuple[int, datetime, bool]]
    ) -> tuple[list[tuple[Broadcast, list[SlotKey]]], int]:
        """On a storage thread, after the pending slots are settled: every unfinished
        broadcast and the deliveries it still waits for (those with no row are added to
        ``due`` within the grace period, else recorded missed); how many were missed."""
        if self.broadcasts is None:
            return [], 0
        found: list[tuple[Broadcast, list[SlotKey]]] = []
        missed = 0
        for broadcast in self.broadcasts.unfinished():
            if broadcast.status == "reporting":
                found.append((broadcast, []))
                continue
            fresh, pending = self.broadcasts.open_deliveries(broadcast)
            slot = broadcast.slot
            if now - slot > self.grace:
                for sub_id in fresh:
                    if self.store.get(sub_id) is not None:
                        missed += self.store.record_missed(
                            sub_id, [slot], "broadcast interrupted and not resumed in time"
                        )
                found.append((broadcast, []))
                continue
            due.extend((sub_id, slot, False) for sub_id in fresh)
            # ``pending`` rows are in ``due`` already (resumed).
            found.append((broadcast, [(sub_id, slot) for sub_id in [*fresh, *pending]]))
        return found, missed

    def _recover_broadcasts(self, found: list[tuple[Broadcast, list[SlotKey]]]) -> None:
        for broadcast, keys in found:
            if broadcast.status != "reporting":
                to_go = counted(len(keys), "digest")
                log.info("broadcast %s resumed: %s to go", broadcast.id, to_go)
                self._watch(broadcast, keys)
            elif self.deliverer.uncertain == "resend":
                # The summary was being sent at the crash: it may have arrived.
                log.warning("broadcast %s: its summary may have been sent; again", broadcast.id)
                self._spawn(
                    self._finish_broadcast(broadcast, broadcast.summary or {}),
                    f"broadcast {broadcast.id} summary",
                )
            else:
                log.warning("broadcast %s: its summary may have been sent; skipped", broadcast.id)
                assert self.broadcasts is not None
                self._spawn(
                    self.blocking.run_db(self.broadcasts.finish, broadcast.id),
                    f"broadcast {broadcast.id} done",
                )
