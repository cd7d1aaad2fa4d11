"""APScheduler in the bot's event loop: one cron job per group, a ready queue of deliveries.

Subscriptions with the same schedule and time zone fire at the same instants, so they
share one APScheduler job (a *group*, keyed by schedule kind, expression and time zone).
A thousand subscriptions due at one minute are then one job, not a thousand: APScheduler's
own pass at the slot stays short, and the group's job finds its slot once and reads its
due subscriptions in one query on a storage thread, then queues them (yielding to the
loop every few hundred), so the loop is never held for long.

Which group a subscription is in, and so which job, is kept in memory beside the jobs
and follows the database: :meth:`DigestScheduler.schedule` / :meth:`unschedule` /
:meth:`resync_chat` after each change (the subscription service calls them), and
:meth:`reload` rebuilds it all. The job asks the database who is due when it fires, so a
subscription paused or removed a moment before is not queued either way, and the
deliverer checks again before sending.

On :meth:`DigestScheduler.start` the jobs are rebuilt from the database (the
subscriptions are the source of truth; APScheduler keeps nothing of its own), and
:meth:`DigestScheduler.recover` settles what happened while the bot was down:

- a slot claimed but never finished (crash mid-delivery) is resumed if it is within
  the grace period, else recorded as missed;
- slots that passed unclaimed: the newest is sent once if it is within the grace
  period; the others are recorded as missed (at most ``max_missed`` per subscription
  and start, so an every-minute cron after a month down stays cheap);
- broadcasts not finished: see below.

A job firing does not send: it puts (subscription, slot) on a queue. The slot is the
fire time the schedule gives at or before the job's run, so a late run still claims the
right slot, and the store's claim makes a second run for it a no-op.

The ready queue. A few *preparer* tasks read and compose the queued deliveries
(:meth:`Deliverer.prepare`); a composed digest waits in its chat's queue (in memory,
not claimed yet), in order. The chats with something to send are in a heap ordered by
the time their next message may go: the *dispatcher* takes the chat whose time has
come, asks the sender how long its windows (one message per second per chat, 20 per
minute per group, a 429 pause) still hold it (``sender.ready_in``: the rate limiter's
answer, ``handlers/ratelimit.py``), and puts it back at that time if they do, holding
nothing meanwhile. Otherwise it starts one message (:meth:`Deliverer.send_next`) as a
task, at most ``workers`` at once; the chat is *busy* until it ends (its messages go
one at a time, in order), then goes back into the heap. So a message waiting for a
chat's or a group's window never holds a worker that could send another chat's: the
workers only wait for the global window (30 per second), which any ready message
needs. A 429 or a backoff keeps the chat busy on a timer (the deliverer's ``sleep``),
not on a worker. Thousands of subscriptions due at one minute go out as fast as the
limits allow (``bench/digest_bench.py``).

Broadcasts (:meth:`broadcast`, an admin's /broadcast_digest) are recorded before
anything is queued (``bot.subscriptions.broadcasts``); the scheduler watches their
deliveries and, when every one is final, counts the outcomes from the database and
hands the summary to :attr:`on_broadcast_done`. :meth:`recover` resumes unfinished
broadcasts: the deliveries they still owe are sent (within the grace period, else
recorded missed), and the summary follows.

Tests and benchmarks call :meth:`fire_group` (what a job runs) or :meth:`fire` (one
subscription's share of it) with a controlled clock and :meth:`drain`; nothing needs to
wait for real time.

Database work never runs on the event loop: the async methods send it to the storage
threads (:class:`bot.blocking.Blocking`, the deliverer's); the synchronous ones that
read the store (:meth:`resync_chat`) are meant to be called there (the subscription
service does), and APScheduler's ``add_job`` / ``remove`` are safe from any thread; the
groups are guarded by a lock, held only for dictionary updates and those calls.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.blocking import Blocking
from bot.i18n import counted
from bot.storage.models import utcnow
from bot.subscriptions.broadcasting import BroadcastReport, BroadcastsMixin, SlotKey
from bot.subscriptions.broadcasts import Broadcast, BroadcastStore
from bot.subscriptions.delivery import Deliverer, DeliveryResult, Pending
from bot.subscriptions.ready import ChatQueue, ReadyQueueMixin
from bot.subscriptions.records import Subscription
from bot.subscriptions.schedule import Schedule, fire_times, latest_fire
from bot.subscriptions.store import SubscriptionStore, busiest_chats_first

log = logging.getLogger(__name__)

JOB_PREFIX = "digest:"
YIELD_EVERY = 256
"""A group's job lets the loop run other callbacks after queueing this many slots."""

GroupKey = tuple[str, str, str]
"""(schedule kind, canonical expression, time zone): subscriptions that fire together."""


def group_key(sub: Subscription) -> GroupKey:
    return (sub.schedule.kind, sub.schedule.expr, sub.timezone)


def job_id(key: GroupKey) -> str:
    """The APScheduler job id of a group."""
    return JOB_PREFIX + "|".join(key)


class DigestScheduler(ReadyQueueMixin, BroadcastsMixin):
    """Schedules every due subscription and delivers its slots through a :class:`Deliverer`."""

    def __init__(
        self,
        store: SubscriptionStore,
        deliverer: Deliverer,
        *,
        grace: timedelta = timedelta(hours=6),
        workers: int = 32,
        max_missed: int = 100,
        clock: Callable[[], datetime] = utcnow,
        blocking: Blocking | None = None,
        broadcasts: BroadcastStore | None = None,
        preparers: int | None = None,
    ) -> None:
        self.store = store
        self.broadcasts = broadcasts
        self.preparers = preparers or max(1, min(workers, 8))
        self.deliverer = deliverer
        self.blocking = blocking or getattr(deliverer, "blocking", None) or Blocking()
        self.grace = grace
        self.workers = workers
        self.max_missed = max_missed
        self.clock = clock
        self.outcomes: Counter[str] = Counter()
        self.on_result: Callable[[DeliveryResult], None] | None = None
        self.on_broadcast_done: BroadcastReport | None = None
        self._apscheduler = AsyncIOScheduler(timezone=UTC)
        self._queue: asyncio.Queue[tuple[int, datetime, bool]] | None = None
        self._queued: set[SlotKey] = set()
        self._tasks: list[asyncio.Task] = []
        self._started = False
        # The ready queue: composed digests per chat, chats in a heap by the time their
        # next message may go (see "The ready queue" in the module docstring).
        self._chats: dict[int, ChatQueue] = {}
        self._heap: list[tuple[float, int, int]] = []  # (time, seq, chat): not yet due
        self._due: list[tuple[int, int, int]] = []  # (-backlog, seq, chat): windows open
        self._seq = itertools.count()
        self._in_flight = 0
        # The clock of the heap: the sender's (``ready_in`` answers in it). A test that
        # fakes the rate limiter's clock fakes these two alike (``timer``: wait that long,
        # instead of waiting for the wake-up event with a timeout).
        self.monotonic: Callable[[], float] = time.monotonic
        self.timer: Callable[[float], Awaitable[None]] | None = None
        self._wake: asyncio.Event | None = None
        self._background: set[asyncio.Task] = set()
        self._active = 0  # deliveries (and broadcast reports) not finished yet
        self._idle: asyncio.Event | None = None
        # Broadcasts being sent: which deliveries each still waits for.
        self._watching: dict[SlotKey, list[int]] = {}
        self._open: dict[int, tuple[Broadcast, set[SlotKey]]] = {}
        # Which group each scheduled subscription is in, and each group's members.
        self._lock = threading.Lock()
        self._group_of: dict[int, GroupKey] = {}
        self._members: dict[GroupKey, set[int]] = {}

    # -- life cycle -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._started

    async def start(self, *, recover: bool = True) -> None:
        """Start in the running loop: jobs from the database, workers, then recovery."""
        if self._started:
            return
        self._queue = asyncio.Queue()
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._apscheduler.start()
        self._started = True
        await self.reload()
        self._tasks = [
            asyncio.create_task(self._prepare_loop(), name=f"digest-preparer-{n}")
            for n in range(self.preparers)
        ]
        self._tasks.append(asyncio.create_task(self._dispatch(), name="digest-dispatcher"))
        if recover:
            await self.recover()

    async def stop(self) -> None:
        """Stop the jobs and the workers; slots in flight stay ``pending`` for recovery."""
        if not self._started:
            return
        self._started = False
        self._apscheduler.shutdown(wait=False)
        tasks = [*self._tasks, *self._background]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks = []
        self._background.clear()
        self._queued.clear()
        self._chats.clear()
        self._heap.clear()
        self._due.clear()
        self._watching.clear()
        self._open.clear()
        self._in_flight = self._active = 0
        if self._idle is not None:
            self._idle.set()

    async def drain(self) -> None:
        """Wait until every queued delivery (and broadcast summary) has finished."""
        if self._idle is not None:
            await self._idle.wait()

    # -- jobs -----------------------------------------------------------------------------------
    async def reload(self) -> int:
        """Rebuild every job from the database; returns how many subscriptions are scheduled."""
        subs = await self.blocking.run_db(self.store.list_active)
        with self._lock:
            for job in self._apscheduler.get_jobs():
                if job.id.startswith(JOB_PREFIX):
                    job.remove()
            self._group_of.clear()
            self._members.clear()
        for sub in subs:
            self.schedule(sub)
        log.info(
            "digest scheduler: %s scheduled in %s",
            counted(len(subs), "subscription"),
            counted(len(self._members), "job"),
        )
        return len(subs)

    def schedule(self, sub: Subscription) -> datetime | None:
        """Put ``sub`` in its group (out of it if it is not due); its next run."""
        if not sub.due:
            self.unschedule(sub.id)
            return None
        key = group_key(sub)
        with self._lock:
            old = self._group_of.get(sub.id)
            if old != key:
                if old is not None:
                    self._leave(sub.id, old)
                self._group_of[sub.id] = key
                self._members.setdefault(key, set()).add(sub.id)
            job = self._apscheduler.get_job(job_id(key))
            if job is None:
                job = self._add_job(key, sub.schedule)
        return getattr(job, "next_run_time", None)

    def _add_job(self, key: GroupKey, schedule: Schedule):
        """The group's job (lock held)."""
        kind, expr, tz = key
        return self._apscheduler.add_job(
            self.fire_group,
            trigger=schedule.trigger(tz),
            args=(key,),
            id=job_id(key),
            name=f"digests {kind} {expr} {tz}",
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=max(1, int(self.grace.total_seconds())),
        )

    def unschedule(self, subscription_id: int) -> None:
        with self._lock:
            key = self._group_of.pop(subscription_id, None)
            if key is not None:
                self._leave(subscription_id, key)

    def _leave(self, subscription_id: int, key: GroupKey) -> None:
        """Take a subscription out of a group; the last one out removes the job (lock held)."""
        members = self._members.get(key)
        if members is not None:
            members.discard(subscription_id)
            if members:
                return
            del self._members[key]
        job = self._apscheduler.get_job(job_id(key))
        if job is not None:
            job.remove()

    def resync_chat(self, chat_id: int) -> None:
        """Re-read the chat's subscriptions (after deactivation, pause, migration).

        Blocking (it reads the store): call it on a storage thread.
        """
        for sub in self.store.list_for_chat(chat_id):
            self.schedule(sub)

    def _resync_subscription_chat(self, subscription_id: int) -> None:
        sub = self.store.get(subscription_id)
        if sub is not None:
            self.resync_chat(sub.chat_id)

    def next_run(self, subscription_id: int) -> datetime | None:
        with self._lock:
            key = self._group_of.get(subscription_id)
        job = None if key is None else self._apscheduler.get_job(job_id(key))
        return None if job is None else getattr(job, "next_run_time", None)

    def job_of(self, subscription_id: int) -> str | None:
        """The id of the APScheduler job that fires ``subscription_id``; None if none."""
        with self._lock:
            key = self._group_of.get(subscription_id)
        return None if key is None else job_id(key)

    def upcoming(self, limit: int = 5) -> list[tuple[int, datetime]]:
        """The next runs across all subscriptions, soonest first (for /status)."""
        with self._lock:
            members = {job_id(key): sorted(ids) for key, ids in self._members.items()}
        jobs = [
            (job.next_run_time, job.id)
            for job in self._apscheduler.get_jobs()
            if job.id in members and getattr(job, "next_run_time", None) is not None
        ]
        runs: list[tuple[int, datetime]] = []
        for at, group in sorted(jobs):
            runs += [(sub_id, at) for sub_id in members[group][: limit - len(runs)]]
        return runs[:limit]

    async def fire_group(self, key: GroupKey) -> datetime | None:
        """What a group's job runs: queue the slot due at (or just before) now for each of
        the group's due subscriptions, as the database has them; returns the slot."""
        slot, ids = await self.blocking.run_db(self._group_due, key, self.clock())
        if slot is None:
            return None
        for n, subscription_id in enumerate(ids, 1):
            self.enqueue(subscription_id, slot)
            if n % YIELD_EVERY == 0:
                await asyncio.sleep(0)  # let replies and sends through meanwhile
        return slot

    def _group_due(self, key: GroupKey, now: datetime) -> tuple[datetime | None, list[int]]:
        """On a storage thread: the group's slot at ``now`` and its due subscriptions."""
        kind, expr, tz = key
        schedule = Schedule.from_stored(kind, expr)
        # The window reaches back over the misfire grace so that a late run finds its slot.
        slot = latest_fire(schedule, tz, now, window=self.grace + timedelta(minutes=1))
        if slot is None:
            return None, []
        return slot, self.store.due_ids(schedule, tz)

    async def fire(self, subscription_id: int) -> datetime | None:
        """One subscription's share of its group's run: queue its slot due at (or just
        before) now; returns it."""
        sub = await self.blocking.run_db(self.store.get, subscription_id)
        if sub is None or not sub.due:
            self.unschedule(subscription_id)
            return None
        # The window reaches back over the misfire grace so that a late run finds its slot.
        slot = latest_fire(
            sub.schedule, sub.timezone, self.clock(), window=self.grace + timedelta(minutes=1)
        )
        if slot is not None:
            self.enqueue(subscription_id, slot)
        return slot

    def enqueue(self, subscription_id: int, slot: datetime, *, resume: bool = False) -> bool:
        """Queue a delivery; False if that slot is already queued."""
        if self._queue is None:
            raise RuntimeError("the digest scheduler is not started")
        slot = slot.astimezone(UTC).replace(microsecond=0)
        key = (subscription_id, slot)
        if key in self._queued:
            return False
        self._queued.add(key)
        self._begin()
        self._queue.put_nowait((subscription_id, slot, resume))
        return True

    async def run_all_now(self) -> int:
        """Queue a digest for every due subscription at the current minute (admin command)."""
        slot = self.clock().astimezone(UTC).replace(second=0, microsecond=0)
        subs = await self.blocking.run_db(self.store.list_active)
        ids = busiest_chats_first((sub.id, sub.chat_id) for sub in subs)
        return sum(self.enqueue(sub_id, slot) for sub_id in ids)

    # -- after a restart ------------------------------------------------------------------------
    async def recover(self) -> tuple[int, int, int]:
        """Settle slots from while the bot was down: (resumed, sent late, recorded missed)."""
        due, missed, broadcasts = await self.blocking.run_db(self._settle, self.clock())
        self._recover_broadcasts(broadcasts)
        resumed = late = 0
        for subscription_id, slot, resume in due:
            queued = self.enqueue(subscription_id, slot, resume=resume)
            if resume:
                resumed += queued
            else:
                late += queued
        if resumed or late or missed:
            log.info(
                "digest recovery: %d resumed, %d sent late, %d recorded missed",
                resumed,
                late,
                missed,
            )
        return resumed, late, missed

    def _settle(
        self, now: datetime
    ) -> tuple[list[tuple[int, datetime, bool]], int, list[tuple[Broadcast, list[SlotKey]]]]:
        """On a storage thread: record what was missed; the slots to (re)send, how many
        were recorded missed, and the unfinished broadcasts with what they wait for."""
        due: list[tuple[int, datetime, bool]] = []
        missed = 0
        for delivery in self.store.pending():
            if now - delivery.slot <= self.grace:
                due.append((delivery.subscription_id, delivery.slot, True))
            else:
                self.store.finish_delivery(
                    delivery.subscription_id,
                    delivery.slot,
                    "missed",
                    error="interrupted and not resumed within the grace period",
                )
                missed += 1
        last_slots = self.store.last_slots()
        for sub in self.store.list_active():
            last = last_slots.get(sub.id)
            # Slots before the last change of the subscription (created, resumed, moved to
            # another time zone) were never owed.
            start = max(t for t in (last, sub.created_at, sub.updated_at) if t is not None)
            slots = fire_times(sub.schedule, sub.timezone, start, now, limit=self.max_missed)
            if not slots:
                continue
            if now - slots[-1] <= self.grace:
                due.append((sub.id, slots[-1], False))
                slots = slots[:-1]
            # Older slots within the grace period are covered by the digest just queued
            # (it has everything new since the last one); the rest were simply missed.
            covered = [s for s in slots if now - s <= self.grace]
            lost = [s for s in slots if now - s > self.grace]
            missed += self.store.record_missed(
                sub.id, lost, "the bot was not running (beyond the grace period)"
            )
            missed += self.store.record_missed(
                sub.id, covered, "the bot was not running; covered by the next digest"
            )
        broadcasts, lost = self._settle_broadcasts(now, due)
        return due, missed + lost, broadcasts

    # -- the ready queue ------------------------------------------------------------------------
    def _begin(self) -> None:
        self._active += 1
        if self._idle is not None:
            self._idle.clear()

    def _end(self) -> None:
        self._active = max(0, self._active - 1)
        if self._active == 0 and self._idle is not None:
            self._idle.set()

    def _spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        """Run ``coro`` as a task that :meth:`drain` waits for and :meth:`stop` cancels."""
        self._begin()
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._background.add(task)

        def done(task: asyncio.Task) -> None:
            self._background.discard(task)
            self._end()
            if not task.cancelled() and task.exception() is not None:
                log.error("%s failed", name, exc_info=task.exception())

        task.add_done_callback(done)

    async def _prepare_loop(self) -> None:
        """Read and compose queued deliveries; what is left to send goes to its chat's queue."""
        assert self._queue is not None
        while True:
            subscription_id, slot, resume = await self._queue.get()
            try:
                step = await self.deliverer.prepare(subscription_id, slot, resume=resume)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("delivering subscription %s slot %s failed", subscription_id, slot)
                self._finished((subscription_id, slot), None)
                continue
            finally:
                self._queue.task_done()
            if isinstance(step, Pending):
                self._add_ready(step)
            else:
                self._finished((subscription_id, slot), step)

    def _finished(self, key: SlotKey, result: DeliveryResult | None) -> None:
        """A delivery is final (``None``: it raised): count it, tell who waits for it."""
        try:
            if result is None:
                self.outcomes["error"] += 1
            else:
                self.outcomes[result.outcome] += 1
                if result.outcome == "deactivated":
                    self._spawn(
                        self.blocking.run_db(self._resync_subscription_chat, key[0]),
                        f"resync after subscription {key[0]}",
                    )
                if self.on_result is not None:
                    self.on_result(result)
        except Exception:
            log.exception("after delivering subscription %s slot %s", *key)
        finally:
            self._queued.discard(key)
            for broadcast_id in self._watching.pop(key, ()):
                self._settled(broadcast_id, key)
            self._end()
