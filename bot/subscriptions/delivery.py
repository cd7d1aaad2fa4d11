"""Sending one subscription's digest for one slot: exactly once, in order, with retries.

:class:`Deliverer` knows nothing of Telegram. It talks to a :class:`Sender` (the
Telegram layer adapts the bot to it, ``handlers/delivery.py``) that raises the
errors below, and records every step in the :class:`SubscriptionStore`:

1. ``for_delivery`` reads the subscription and whether the slot is claimed already
   (a claimed slot is not composed again);
2. the digest is composed, and ``claim_slot`` inserts the delivery row with its
   messages in one transaction (UNIQUE subscription + slot: only one caller ever sends
   a slot, also after a restart); a digest with nothing to send, or that failed to
   compose, is inserted already final;
3. each message is sent and the ids sent so far are recorded at once (``record_ids``,
   the deliverer keeps them: nothing is read back), except after the last one:
4. ``finish_delivery`` records the outcome with the last id; ``sent`` moves
   ``last_delivered_at`` to the composition time, so the next digest has what was
   indexed after it.

That is two transactions plus one per message, the first read included. A crash
before 2 leaves no row: the slot is then one that passed unclaimed, sent once on
restart within the grace period (:meth:`DigestScheduler.recover`). A delivery
interrupted between 2 and 4 is resumed by :meth:`Deliverer.resume` with the messages
not yet recorded. The one window left is a message Telegram accepted whose id the crash
kept us from recording (the last one's is recorded by step 4); it is sent again on
resume (at-least-once for that single message rather than losing the rest).

Errors: :class:`RetryAfter` (429) waits ``retry_after`` seconds and retries (the
sender's rate limiter meanwhile holds every other send of the bot, replies included:
``handlers/ratelimit.py`` is the one place for Telegram's limits); :class:`Transient`
(timeout, network) retries with exponential backoff;
:class:`ChatMigrated` moves the chat's subscriptions to the new supergroup id and
retries there; :class:`ChatGone` (403 blocked or kicked, 400 chat not found)
deactivates the chat's subscriptions and tells the bot's admins; :class:`Rejected`
(any other 400) fails the delivery without retrying. All retries are bounded by
``attempts``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from bot.blocking import Blocking
from bot.i18n import Message
from bot.storage.models import utcnow
from bot.subscriptions.store import DeliveryStatus, Payload, Subscription, SubscriptionStore

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
    async def send(self, chat_id: int, html: str) -> int:
        """Send ``html`` (Telegram HTML) to ``chat_id``; returns the message id."""
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
        blocking: Blocking | None = None,
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
        # Every store call goes to a storage thread: the loop never waits on the database.
        self.blocking = blocking or Blocking()
        self._db = self.blocking.run_db

    async def deliver(self, subscription_id: int, slot: datetime) -> DeliveryResult:
        """Claim ``slot`` and send its digest; a slot claimed before is not sent again."""
        sub, claimed = await self._db(self.store.for_delivery, subscription_id, slot)
        if sub is None or not sub.due:
            return DeliveryResult(subscription_id, slot, "inactive")
        if claimed:
            return DeliveryResult(subscription_id, slot, "duplicate")
        return await self._compose_and_send(sub, slot, claimed=False)

    async def resume(self, subscription_id: int, slot: datetime) -> DeliveryResult:
        """Finish a slot left ``pending`` by a crash: send what was not recorded as sent."""
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
            return await self._compose_and_send(sub, slot, claimed=True)
        return await self._send(sub, slot, delivery.payload, sent=delivery.message_ids or ())

    async def _compose_and_send(
        self, sub: Subscription, slot: datetime, *, claimed: bool
    ) -> DeliveryResult:
        """Compose the slot's digest, claim the slot with it (or keep it with the claimed
        row), send it."""
        try:
            messages = await self.compose(sub, slot)
        except Exception as exc:
            log.exception("composing the digest of subscription %s failed", sub.id)
            error = f"compose: {exc}"
            if not await self._record(sub, slot, claimed, "failed", error=error):
                return DeliveryResult(sub.id, slot, "duplicate")
            return DeliveryResult(sub.id, slot, "failed", error=str(exc))
        if not messages:
            if not await self._record(sub, slot, claimed, "skipped_empty"):
                return DeliveryResult(sub.id, slot, "duplicate")
            return DeliveryResult(sub.id, slot, "skipped_empty")
        payload = Payload(tuple(messages), self.clock())
        if not await self._record(sub, slot, claimed, "pending", payload=payload):
            return DeliveryResult(sub.id, slot, "duplicate")
        return await self._send(sub, slot, payload, sent=())

    async def _record(
        self,
        sub: Subscription,
        slot: datetime,
        claimed: bool,
        status: DeliveryStatus,
        *,
        payload: Payload | None = None,
        error: str | None = None,
    ) -> bool:
        """After composing: claim the slot with what came of it (False: someone else did
        meanwhile), or, if it was claimed before, write that to the claimed row."""
        if not claimed:
            return await self._db(
                self.store.claim_slot, sub.id, slot, payload, status=status, error=error
            )
        if payload is not None:
            await self._db(self.store.save_payload, sub.id, slot, payload)
        else:
            await self._db(self.store.finish_delivery, sub.id, slot, status, error=error)
        return True

    async def _send(
        self, sub: Subscription, slot: datetime, payload: Payload, *, sent: tuple[int, ...]
    ) -> DeliveryResult:
        chat_id = sub.chat_id
        tries = 0
        migrated = False
        ids = list(sent)  # the messages already out (recorded before a restart)
        while len(ids) < len(payload.messages):
            try:
                message_id = await self.sender.send(chat_id, payload.messages[len(ids)])
            except RetryAfter as exc:
                tries += 1
                if tries >= self.attempts:
                    return await self._fail(
                        sub, slot, f"flood control, gave up after {tries} tries"
                    )
                await self._db(self.store.record_attempt, sub.id, slot, str(exc))
                await self.sleep(exc.retry_after)
                continue
            except Transient as exc:
                tries += 1
                if tries >= self.attempts:
                    return await self._fail(sub, slot, f"{exc} (gave up after {tries} tries)")
                await self._db(self.store.record_attempt, sub.id, slot, str(exc))
                await self.sleep(min(self.max_backoff, self.backoff * 2 ** (tries - 1)))
                continue
            except ChatMigrated as exc:
                if migrated:
                    return await self._fail(sub, slot, "chat migrated twice")
                migrated = True
                await self._db(self.store.migrate_chat, chat_id, exc.new_chat_id)
                log.info("chat %s is now supergroup %s", chat_id, exc.new_chat_id)
                chat_id = exc.new_chat_id
                continue
            except ChatGone as exc:
                return await self._chat_gone(sub, slot, str(exc))
            except Rejected as exc:
                return await self._fail(sub, slot, f"rejected: {exc}")
            ids.append(message_id)
            if len(ids) < len(payload.messages):  # the last one is recorded with the outcome
                await self._db(self.store.record_ids, sub.id, slot, tuple(ids))
        await self._db(
            self.store.finish_delivery,
            sub.id,
            slot,
            "sent",
            tuple(ids),
            delivered_at=payload.composed_at,
        )
        return DeliveryResult(sub.id, slot, "sent", tuple(ids))

    async def _fail(self, sub: Subscription, slot: datetime, error: str) -> DeliveryResult:
        log.warning("subscription %s, slot %s: %s", sub.id, slot.isoformat(), error)
        await self._db(self.store.finish_delivery, sub.id, slot, "failed", error=error)
        return DeliveryResult(sub.id, slot, "failed", error=error)

    async def _chat_gone(self, sub: Subscription, slot: datetime, why: str) -> DeliveryResult:
        await self._db(self.store.finish_delivery, sub.id, slot, "failed", error=why)
        count = await self._db(self.store.deactivate_chat, sub.chat_id, why)
        log.warning("chat %s: %s; %d subscription(s) deactivated", sub.chat_id, why, count)
        if self.on_deactivated is not None:
            self.on_deactivated(sub.chat_id)
        if self.notify_admins is not None:
            title = sub.chat_title or str(sub.chat_id)
            notice = Message(
                "alerts.chat_gone",
                {"count": count, "title": title, "chat_id": sub.chat_id, "why": why},
            )
            try:
                await self.notify_admins(notice)
            except Exception:  # telling admins must never break delivery
                log.warning("could not notify the admins", exc_info=True)
        return DeliveryResult(sub.id, slot, "deactivated", error=why)
