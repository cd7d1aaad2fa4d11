"""Sending one subscription's digest for one slot: exactly once, in order, with retries.

:class:`Deliverer` knows nothing of Telegram. It talks to a :class:`Sender` (the
Telegram layer adapts the bot to it, ``handlers/delivery.py``) that raises the
errors below, and records every step in the :class:`SubscriptionStore`. A delivery is
two steps, so that the scheduler can hold a composed digest without holding a worker
while its chat's window is closed (``bot.subscriptions.scheduler``):

* :meth:`Deliverer.prepare`: ``for_delivery`` reads the subscription and whether the
  slot is claimed already (a claimed slot is not composed again), and the digest is
  composed; a digest with nothing to send, or that failed to compose, is recorded
  already final (``claim_slot`` with its status). What is left to send is a
  :class:`Pending`, in memory only.
* :meth:`Deliverer.send_next`, once per message when the sender's windows allow it:
  the first message claims the slot with its messages and marks message 0 *in flight*
  (``claim_slot``: one INSERT, UNIQUE subscription + slot, so only one caller ever
  sends a slot, also after a restart); each later one marks itself in flight
  (``mark_sending``). After each message but the last the ids sent so far are recorded,
  which clears the mark (``record_ids``, the deliverer keeps them: nothing is read
  back); after the last, ``finish_delivery`` records the outcome with the last id, and
  ``sent`` moves ``last_delivered_at`` to the composition time, so the next digest has
  what was indexed after it. In the same transaction, messages that are a
  removed-document notice (``told_filter``: ``DigestComposer.told_filter``) mark its
  chat told: a failed send tells no one, and a crash cannot keep the one without the
  other.

That is three transactions for a one-message digest (the read, the claim, the outcome)
and two more per further message (its mark, the ids before it). :meth:`deliver` runs
both steps back to back (the command line, tests).

A crash before the claim leaves no row: a scheduled slot is then one that passed
unclaimed, sent once on restart within the grace period (:meth:`DigestScheduler.recover`);
a broadcast's row lists it as still owed (``bot.subscriptions.broadcasts``). A delivery
interrupted after its claim is resumed by :meth:`Deliverer.resume` with the messages
not yet recorded. The one message that may have arrived without its id being recorded
is the one marked in flight (``deliveries.sending``): handed to the sender, its outcome
not recorded. ``uncertain`` (the setting ``delivery_uncertain``) decides it: ``resend``
sends it again (at least once: it may arrive twice), ``skip`` goes on with the next
one (at most once: it may be lost; its id is recorded as 0). Either way it is counted
in the row's ``uncertain`` (``/status``). So after kill -9 the duplicates (or losses)
are at most the messages in flight at the crash, one per chat at most.

Errors: :class:`RetryAfter` (429) waits ``retry_after`` seconds and retries (the
sender's rate limiter meanwhile holds every other send of the bot, replies included:
``handlers/ratelimit.py`` is the one place for Telegram's limits); :class:`Transient`
(timeout, network) retries with exponential backoff; :class:`NoAnswer` (handed over, no
answer: it may have arrived) is counted uncertain and ``uncertain`` decides it as after a
crash;
:class:`ChatMigrated` moves the chat's subscriptions to the new supergroup id and
retries there; :class:`ChatGone` (403 blocked or kicked, 400 chat not found)
deactivates the chat's subscriptions and tells the bot's admins; :class:`Rejected`
(any other 400) fails the delivery without retrying. All retries are bounded by
``attempts``; :meth:`send_next` returns the wait as a :class:`Retry` instead of sleeping.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from bot.blocking import Blocking
from bot.i18n import Message, counted
from bot.storage.models import utcnow
from bot.subscriptions.reasons import reason_code
from bot.subscriptions.records import DeliveryStatus, Payload, Subscription
from bot.subscriptions.store import SubscriptionStore

log = logging.getLogger(__name__)

Outcome = Literal[
    "sent", "skipped_empty", "failed", "deactivated", "duplicate", "inactive", "missed"
]


# -- what a sender raises ----------------------------------------------------------------------
class SendError(Exception):
    """A message could not be sent; subclasses say what to do about it."""


class RetryAfter(SendError):
    """Flood control (429): wait ``retry_after`` seconds, then try again."""

    def __init__(self, retry_after: float, message: str = "") -> None:
        super().__init__(message or f"flood control: retry after {retry_after} s")
        self.retry_after = float(retry_after)


class Transient(SendError):
    """A timeout or network error: the same request may succeed later."""


class NoAnswer(Transient):
    """The message was handed to Telegram and no answer came (a read timeout): it may
    have arrived. Sent again blindly, a slow answer made a group get its digest twice
    (user-trial15); ``uncertain`` decides it as it does after a crash."""


class ChatMigrated(SendError):
    """The group became a supergroup with another id."""

    def __init__(self, new_chat_id: int) -> None:
        super().__init__(f"chat migrated to {new_chat_id}")
        self.new_chat_id = new_chat_id


class ChatGone(SendError):
    """The bot can no longer post there (blocked, kicked, chat deleted or not found)."""


class Rejected(SendError):
    """Telegram refused this message (bad request); sending it again would not help."""


class Sender(Protocol):
    async def send(self, chat_id: int, html: str, *, thread_id: int | None = None) -> int:
        """Send ``html`` (Telegram HTML) to ``chat_id`` (in its forum topic ``thread_id``,
        if given); returns the message id."""
        ...


Composer = Callable[[Subscription, datetime], Awaitable[list[str] | None]]
"""``(subscription, slot) -> messages``; None when there is nothing to send (quiet)."""

Notifier = Callable[[Message], Awaitable[None]]
"""Tells the bot's admins something; the interface says the message in each admin's language."""


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    subscription_id: int
    slot: datetime
    outcome: Outcome
    message_ids: tuple[int, ...] = ()
    error: str | None = None


Uncertain = Literal["resend", "skip"]
UNCERTAIN_CHOICES: tuple[str, ...] = ("resend", "skip")


@dataclass(eq=False)
class Pending:
    """A composed digest with messages left to send (in memory; see :meth:`Deliverer.prepare`).

    ``claimed``: its delivery row exists (the first message claims it). ``ids``: the
    message ids sent so far (0 for one skipped as uncertain). ``chat_id`` follows a
    migration to a supergroup; ``tries`` counts its failed sends.
    """

    sub: Subscription
    slot: datetime
    payload: Payload
    ids: list[int]
    claimed: bool
    chat_id: int
    tries: int = 0
    migrated: bool = False
    backlog: int = 0  # messages its chat still has to get after this one (the scheduler's)
    thread_id: int | None = None  # the forum topic it goes to (None: the main thread)

    @property
    def key(self) -> tuple[int, datetime]:
        return (self.sub.id, self.slot)


@dataclass(frozen=True, slots=True)
class Retry:
    """The current message was not sent: try it again after ``seconds``."""

    seconds: float


Step = DeliveryResult | Retry | None
"""What :meth:`Deliverer.send_next` came to: final, try again later, or (None) a message
went out and more are left."""


class Deliverer:
    """Delivers slots of subscriptions through a :class:`Sender` (see the module docstring)."""

    def __init__(
        self,
        store: SubscriptionStore,
        compose: Composer,
        sender: Sender,
        *,
        attempts: int = 5,
        backoff: float = 2.0,
        max_backoff: float = 300.0,
        notify_admins: Notifier | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], datetime] = utcnow,
        on_deactivated: Callable[[int], None] | None = None,
        on_migrated: Callable[[int, int], None] | None = None,
        told_filter: Callable[[Subscription, tuple[str, ...]], str | None] | None = None,
        blocking: Blocking | None = None,
        uncertain: Uncertain = "resend",
    ) -> None:
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self.store = store
        self.compose = compose
        self.sender = sender
        self.attempts = attempts
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.notify_admins = notify_admins
        self.sleep = sleep
        self.clock = clock
        self.on_deactivated = on_deactivated
        # (old id, new id) of a chat found migrated while sending, on the storage thread:
        # what else follows the chat (its language choice, ``handlers.app``)
        self.on_migrated = on_migrated
        # (subscription, messages) -> the filter whose removed-document notice the
        # messages are, or None (``DigestComposer.told_filter``): written with the
        # outcome "sent", in its transaction, so told exactly when recorded as sent
        self.told_filter = told_filter
        self.uncertain = uncertain
        # Every store call goes to a storage thread: the loop never waits on the database.
        self.blocking = blocking or Blocking()
        self._db = self.blocking.run_db

    # -- whole deliveries ----------------------------------------------------------------------
    async def deliver(self, subscription_id: int, slot: datetime) -> DeliveryResult:
        """Claim ``slot`` and send its digest; a slot claimed before is not sent again."""
        return await self._run(await self.prepare(subscription_id, slot))

    async def resume(self, subscription_id: int, slot: datetime) -> DeliveryResult:
        """Finish a slot left ``pending`` by a crash: send what was not recorded as sent."""
        return await self._run(await self.prepare(subscription_id, slot, resume=True))

    async def _run(self, step: DeliveryResult | Pending) -> DeliveryResult:
        while isinstance(step, Pending):
            pending = step
            while (outcome := await self.send_next(pending)) is None or isinstance(outcome, Retry):
                if isinstance(outcome, Retry):
                    await self.sleep(outcome.seconds)
            step = outcome
        return step

    # -- step 1: what there is to send -----------------------------------------------------------
    async def prepare(
        self, subscription_id: int, slot: datetime, *, resume: bool = False
    ) -> DeliveryResult | Pending:
        """Read and compose (or, ``resume``, read what a crash left): a :class:`Pending` to
        send, or the final result when there is nothing to send."""
        if resume:
            return await self._prepare_resume(subscription_id, slot)
        sub, claimed = await self._db(self.store.for_delivery, subscription_id, slot)
        if sub is None or not sub.due:
            return DeliveryResult(subscription_id, slot, "inactive")
        if claimed:
            return DeliveryResult(subscription_id, slot, "duplicate")
        return await self._compose(sub, slot, claimed=False)

    async def _prepare_resume(
        self, subscription_id: int, slot: datetime
    ) -> DeliveryResult | Pending:
        delivery = await self._db(self.store.delivery, subscription_id, slot)
        sub = await self._db(self.store.get, subscription_id)
        if delivery is None or delivery.status != "pending":
            return DeliveryResult(subscription_id, slot, "duplicate")
        if sub is None or not sub.due:
            await self._db(
                self.store.finish_delivery,
                subscription_id,
                slot,
                "failed",
                error="subscription no longer active",
            )
            return DeliveryResult(subscription_id, slot, "inactive")
        if delivery.payload is None:  # claimed without its messages (an older version)
            return await self._compose(sub, slot, claimed=True)
        ids = list(delivery.message_ids or ())
        payload = delivery.payload
        if delivery.sending is not None:
            # Handed to Telegram, outcome unknown: it may or may not have arrived.
            index = delivery.sending
            if self.uncertain == "skip":
                ids.append(0)
            note = f"message {index + 1} was in flight at a crash: " + (
                "skipped" if self.uncertain == "skip" else "sent again"
            )
            log.warning("subscription %s, slot %s: %s", sub.id, slot.isoformat(), note)
            await self._db(self.store.record_uncertain, sub.id, slot, tuple(ids), note)
            if len(ids) >= len(payload.messages):
                return await self._sent(sub, slot, payload, tuple(ids), note)
        thread = await self._thread(sub)
        return Pending(sub, slot, payload, ids, claimed=True, chat_id=sub.chat_id, thread_id=thread)

    async def _thread(self, sub: Subscription) -> int | None:
        """The forum topic ``sub``'s digest goes to. Only a supergroup has topics: for any
        other chat nothing is read (a delivery's transactions stay as they were)."""
        if sub.chat_type != "supergroup":
            return None
        return await self._db(self.store.thread_of, sub.id)

    async def _compose(
        self, sub: Subscription, slot: datetime, *, claimed: bool
    ) -> DeliveryResult | Pending:
        """Compose the slot's digest; record it at once if there is nothing to send."""
        try:
            messages = await self.compose(sub, slot)
        except Exception as exc:
            log.exception("composing the digest of subscription %s failed", sub.id)
            if not await self._record(sub, slot, claimed, "failed", error=f"compose: {exc}"):
                return DeliveryResult(sub.id, slot, "duplicate")
            return DeliveryResult(sub.id, slot, "failed", error=str(exc))
        if not messages:
            if not await self._record(sub, slot, claimed, "skipped_empty"):
                return DeliveryResult(sub.id, slot, "duplicate")
            return DeliveryResult(sub.id, slot, "skipped_empty")
        payload = Payload(tuple(messages), self.clock())
        if claimed:  # an older version's claim without messages: keep them with it
            await self._db(self.store.save_payload, sub.id, slot, payload)
        thread = await self._thread(sub)
        return Pending(
            sub, slot, payload, [], claimed=claimed, chat_id=sub.chat_id, thread_id=thread
        )

    async def _record(
        self,
        sub: Subscription,
        slot: datetime,
        claimed: bool,
        status: DeliveryStatus,
        *,
        error: str | None = None,
    ) -> bool:
        """Nothing to send: claim the slot already final (False: someone else claimed it
        meanwhile), or, if it was claimed before, write that to the claimed row."""
        if not claimed:
            return await self._db(
                self.store.claim_slot, sub.id, slot, None, status=status, error=error
            )
        await self._db(self.store.finish_delivery, sub.id, slot, status, error=error)
        return True

    # -- step 2: one message ---------------------------------------------------------------------
    async def send_next(self, pending: Pending) -> Step:
        """Send the next message of ``pending`` now (its windows allow it: the caller's
        business); see :data:`Step`."""
        sub, slot, payload = pending.sub, pending.slot, pending.payload
        index = len(pending.ids)
        if not pending.claimed:
            claimed = await self._db(self.store.claim_slot, sub.id, slot, payload, sending=index)
            if not claimed:
                return DeliveryResult(sub.id, slot, "duplicate")
            pending.claimed = True
        else:
            await self._db(self.store.mark_sending, sub.id, slot, index)
        ranked = getattr(self.sender, "send_with_backlog", None)
        # a digest subscribed in a forum topic goes to that topic (asked only then: a
        # sender knows topics only if some subscription has one)
        topic = {"thread_id": pending.thread_id} if pending.thread_id else {}
        try:
            if ranked is not None:
                message_id = await ranked(
                    pending.chat_id, payload.messages[index], pending.backlog, **topic
                )
            else:
                message_id = await self.sender.send(
                    pending.chat_id, payload.messages[index], **topic
                )
        except RetryAfter as exc:
            return await self._retry(pending, str(exc), exc.retry_after, "flood control")
        except NoAnswer as exc:
            return await self._uncertain(pending, index, str(exc))
        except Transient as exc:
            delay = min(self.max_backoff, self.backoff * 2**pending.tries)
            return await self._retry(pending, str(exc), delay, str(exc))
        except ChatMigrated as exc:
            if pending.migrated:
                return await self._fail(sub, slot, "chat migrated twice")
            pending.migrated = True
            if self.on_migrated is not None:  # first: the new id finds what followed
                await self._db(self.on_migrated, pending.chat_id, exc.new_chat_id)
            await self._db(self.store.migrate_chat, pending.chat_id, exc.new_chat_id)
            log.info("chat %s is now supergroup %s", pending.chat_id, exc.new_chat_id)
            pending.chat_id = exc.new_chat_id
            return Retry(0.0)
        except ChatGone as exc:
            return await self._chat_gone(sub, slot, str(exc))
        except Rejected as exc:
            return await self._fail(sub, slot, f"rejected: {exc}")
        pending.ids.append(message_id)
        ids = tuple(pending.ids)
        if len(ids) < len(payload.messages):  # the last one is recorded with the outcome
            await self._db(self.store.record_ids, sub.id, slot, ids)
            return None
        return await self._sent(sub, slot, payload, ids)

    async def _sent(
        self,
        sub: Subscription,
        slot: datetime,
        payload: Payload,
        ids: tuple[int, ...],
        note: str | None = None,
    ) -> DeliveryResult:
        """Record the slot as sent (and, for a removed-document notice, its chat told)."""
        await self._db(self._record_sent, sub, slot, payload, ids, note)
        return DeliveryResult(sub.id, slot, "sent", ids)

    def _record_sent(
        self,
        sub: Subscription,
        slot: datetime,
        payload: Payload,
        ids: tuple[int, ...],
        note: str | None,
    ) -> None:
        """On the storage thread: the outcome and the told-mark in one transaction."""
        told = None
        if self.told_filter is not None:
            try:
                told = self.told_filter(sub, payload.messages)
            except Exception:  # the messages went out: a hook's failure must not lose that
                log.warning("told filter of subscription %s", sub.id, exc_info=True)
        self.store.finish_delivery(
            sub.id, slot, "sent", ids, note, delivered_at=payload.composed_at, told_filter=told
        )

    async def _uncertain(self, pending: Pending, index: int, error: str) -> Step:
        """Message ``index`` may have arrived (no answer): ``skip`` goes on as if it had
        (its id 0), ``resend`` tries it again as after any timeout; either way it is
        counted as uncertain (``/status``) with a note saying which."""
        sub, slot, payload = pending.sub, pending.slot, pending.payload
        note = f"message {index + 1}: {error}, it may have arrived: " + (
            "skipped" if self.uncertain == "skip" else "sent again"
        )
        log.warning("subscription %s, slot %s: %s", sub.id, slot.isoformat(), note)
        if self.uncertain == "skip":
            pending.ids.append(0)
        await self._db(self.store.record_uncertain, sub.id, slot, tuple(pending.ids), note)
        if self.uncertain != "skip":
            delay = min(self.max_backoff, self.backoff * 2**pending.tries)
            return await self._retry(pending, error, delay, error)
        if len(pending.ids) < len(payload.messages):
            return None
        return await self._sent(sub, slot, payload, tuple(pending.ids), note)

    async def _retry(self, pending: Pending, error: str, delay: float, why: str) -> Step:
        pending.tries += 1
        if pending.tries >= self.attempts:
            if why == "flood control":
                error = f"flood control, gave up after {pending.tries} tries"
            else:
                error = f"{error} (gave up after {pending.tries} tries)"
            return await self._fail(pending.sub, pending.slot, error)
        await self._db(self.store.record_attempt, pending.sub.id, pending.slot, error)
        return Retry(delay)

    async def _fail(self, sub: Subscription, slot: datetime, error: str) -> DeliveryResult:
        log.warning("subscription %s, slot %s: %s", sub.id, slot.isoformat(), error)
        await self._db(self.store.finish_delivery, sub.id, slot, "failed", error=error)
        return DeliveryResult(sub.id, slot, "failed", error=error)

    async def _chat_gone(self, sub: Subscription, slot: datetime, why: str) -> DeliveryResult:
        await self._db(self.store.finish_delivery, sub.id, slot, "failed", error=why)
        count = await self._db(self.store.deactivate_chat, sub.chat_id, why)
        deactivated = counted(count, "subscription")
        log.warning("chat %s: %s; %s deactivated", sub.chat_id, why, deactivated)
        if self.on_deactivated is not None:
            self.on_deactivated(sub.chat_id)
        if self.notify_admins is not None:
            title = sub.chat_title or str(sub.chat_id)
            code = reason_code(why)  # Telegram's English, in the admin's language
            said: str | Message = Message(f"subscriptions.reason.{code}") if code else why
            notice = Message(
                "alerts.chat_gone",
                {"count": count, "title": title, "chat_id": sub.chat_id, "why": said},
            )
            try:
                await self.notify_admins(notice)
            except Exception:  # telling admins must never break delivery
                log.warning("could not notify the admins", exc_info=True)
        return DeliveryResult(sub.id, slot, "deactivated", error=why)
