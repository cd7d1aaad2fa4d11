"""APScheduler in the bot's event loop: one cron job per group, a delivery queue.

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
  and start, so an every-minute cron after a month down stays cheap).

A job firing does not send: it puts (subscription, slot) on a queue that
``workers`` tasks drain. Thousands of subscriptions due at the same minute therefore
wait in the queue and go out as fast as the sender's rate limiter allows, rather than
thousands of requests racing (and being refused) at once. The slot is the fire time
the schedule gives at or before the job's run, so a late run still claims the right
slot, and the store's claim makes a second run for it a no-op.

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
import logging
import threading
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.blocking import Blocking
from bot.storage.models import utcnow
from bot.subscriptions.delivery import Deliverer, DeliveryResult
from bot.subscriptions.schedule import Schedule, fire_times, latest_fire
from bot.subscriptions.store import Subscription, SubscriptionStore

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


class DigestScheduler:
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
    ) -> None:
        self.store = store
        self.deliverer = deliverer
        self.blocking = blocking or getattr(deliverer, "blocking", None) or Blocking()
        self.grace = grace
        self.workers = workers
        self.max_missed = max_missed
        self.clock = clock
        self.outcomes: Counter[str] = Counter()
        self.on_result: Callable[[DeliveryResult], None] | None = None
        self._apscheduler = AsyncIOScheduler(timezone=UTC)
        self._queue: asyncio.Queue[tuple[int, datetime, bool]] | None = None
        self._queued: set[tuple[int, datetime]] = set()
        self._tasks: list[asyncio.Task] = []
        self._started = False
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
        self._apscheduler.start()
        self._started = True
        await self.reload()
        self._tasks = [
            asyncio.create_task(self._worker(), name=f"digest-worker-{n}")
            for n in range(self.workers)
        ]
        if recover:
            await self.recover()

    async def stop(self) -> None:
        """Stop the jobs and the workers; slots in flight stay ``pending`` for recovery."""
        if not self._started:
            return
        self._started = False
        self._apscheduler.shutdown(wait=False)
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        self._queued.clear()

    async def drain(self) -> None:
        """Wait until every queued delivery has finished."""
        if self._queue is not None:
            await self._queue.join()

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
            "digest scheduler: %d subscription(s) scheduled in %d job(s)",
            len(subs),
            len(self._members),
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
        self._queue.put_nowait((subscription_id, slot, resume))
        return True

    async def run_all_now(self) -> int:
        """Queue a digest for every due subscription at the current minute (admin command)."""
        slot = self.clock().astimezone(UTC).replace(second=0, microsecond=0)
        subs = await self.blocking.run_db(self.store.list_active)
        return sum(self.enqueue(sub.id, slot) for sub in subs)

    # -- after a restart ------------------------------------------------------------------------
    async def recover(self) -> tuple[int, int, int]:
        """Settle slots from while the bot was down: (resumed, sent late, recorded missed)."""
        due, missed = await self.blocking.run_db(self._settle, self.clock())
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

    def _settle(self, now: datetime) -> tuple[list[tuple[int, datetime, bool]], int]:
        """On a storage thread: record what was missed; the slots to (re)send, and how
        many were recorded missed."""
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
        return due, missed

    # -- workers --------------------------------------------------------------------------------
    async def _worker(self) -> None:
        assert self._queue is not None
        while True:
            subscription_id, slot, resume = await self._queue.get()
            try:
                if resume:
                    result = await self.deliverer.resume(subscription_id, slot)
                else:
                    result = await self.deliverer.deliver(subscription_id, slot)
                self.outcomes[result.outcome] += 1
                if result.outcome == "deactivated":
                    await self.blocking.run_db(self._resync_subscription_chat, subscription_id)
                if self.on_result is not None:
                    self.on_result(result)
            except asyncio.CancelledError:
                raise
            except Exception:
                self.outcomes["error"] += 1
                log.exception("delivering subscription %s slot %s failed", subscription_id, slot)
            finally:
                self._queued.discard((subscription_id, slot))
                self._queue.task_done()
