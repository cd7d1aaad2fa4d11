"""The records of subscriptions and their deliveries, as the store hands them out.

:class:`Subscription`, :class:`Delivery` and the :class:`Payload` a claimed slot sends are
plain frozen dataclasses, never ORM objects (``bot.subscriptions.store`` reads and writes
the rows); the errors :meth:`~bot.subscriptions.store.SubscriptionStore.create` raises
and the values rows are checked against (chat types, delivery statuses, id range) are
here too, so that the scheduler, the deliverer and the interfaces need not import the
store to name them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.digest.filters import DigestFilter, parse_filter
from bot.i18n import counted
from bot.storage.models import DeliveryRow, SubscriptionRow
from bot.subscriptions.schedule import Schedule

CHAT_TYPES: tuple[str, ...] = ("private", "group", "supergroup", "channel")
DeliveryStatus = Literal["pending", "sent", "failed", "missed", "skipped_empty"]
FINAL_STATUSES: tuple[str, ...] = ("sent", "failed", "missed", "skipped_empty")

# Subscription ids are INTEGER columns: 32 bits on PostgreSQL. A number typed in chat
# outside this range is no subscription, and is not sent to the database (issue 14).
MAX_ID = 2**31 - 1


def valid_id(subscription_id: int) -> bool:
    return 0 < subscription_id <= MAX_ID


class AlreadySubscribed(Exception):
    """:meth:`SubscriptionStore.create` found the chat's active subscription to the same
    filter and schedule (``existing``, its id), made meanwhile by another writer."""

    def __init__(self, existing: int) -> None:
        super().__init__(f"the chat has that subscription already (#{existing})")
        self.existing = existing


class TooManySubscriptions(Exception):
    """:meth:`SubscriptionStore.create` found the chat at its ``limit`` of subscriptions."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the chat has {counted(limit, 'subscription')} already")
        self.limit = limit


@dataclass(frozen=True, slots=True)
class Subscription:
    id: int
    chat_id: int
    chat_type: str
    chat_title: str | None
    created_by: int | None
    filter_text: str
    schedule: Schedule
    timezone: str
    quiet_when_empty: bool
    active: bool
    paused: bool
    deactivated_reason: str | None
    last_delivered_at: datetime | None
    created_at: datetime
    updated_at: datetime
    # the filter whose "matches nothing any more" notice the chat got, if any
    nothing_told_filter: str | None = None
    # the slots recorded missed since the last one sent, oldest first: read with a slot
    # to deliver (``SubscriptionStore.for_delivery``), empty elsewhere. The digest covers
    # them (everything new since the last one sent) and says so.
    missed: tuple[datetime, ...] = ()

    @property
    def filter(self) -> DigestFilter:
        # a filter stored before shared place names were refused (region:Suzhou) still
        # reads, matching nothing as it did: a digest is not the place to refuse it
        return parse_filter(self.filter_text, check_places=False)

    @property
    def due(self) -> bool:
        """Whether the scheduler should run it: active and not paused."""
        return self.active and not self.paused

    @classmethod
    def _from_row(cls, row: SubscriptionRow) -> Subscription:
        return cls(
            id=row.id,
            chat_id=row.chat_id,
            chat_type=row.chat_type,
            chat_title=row.chat_title,
            created_by=row.created_by,
            filter_text=row.filter_text,
            schedule=Schedule.from_stored(row.schedule_kind, row.schedule_expr),
            timezone=row.timezone,
            quiet_when_empty=row.quiet_when_empty,
            active=row.active,
            paused=row.paused,
            deactivated_reason=row.deactivated_reason,
            last_delivered_at=row.last_delivered_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            nothing_told_filter=row.nothing_told_filter,
        )


@dataclass(frozen=True, slots=True)
class Delivery:
    subscription_id: int
    slot: datetime
    status: str
    message_ids: tuple[int, ...] | None
    error: str | None
    attempts: int
    created_at: datetime
    updated_at: datetime
    payload: Payload | None = None
    sending: int | None = None
    uncertain: int = 0

    @classmethod
    def _from_row(cls, row: DeliveryRow) -> Delivery:
        ids = None if row.message_ids is None else tuple(json.loads(row.message_ids))
        return cls(
            subscription_id=row.subscription_id,
            slot=row.slot,
            status=row.status,
            message_ids=ids,
            error=row.error,
            attempts=row.attempts,
            created_at=row.created_at,
            updated_at=row.updated_at,
            payload=Payload.from_json(row.payload) if row.payload else None,
            sending=row.sending,
            uncertain=row.uncertain or 0,
        )


@dataclass(frozen=True, slots=True)
class Payload:
    """What a claimed slot sends: its messages (Telegram HTML) and when they were composed.

    Saved with the delivery before the first message goes out, so that a delivery
    interrupted by a crash resumes with exactly the messages not yet sent.
    ``composed_at`` becomes the subscription's ``last_delivered_at`` once all are sent:
    documents indexed after composition are new for the next digest.
    """

    messages: tuple[str, ...]
    composed_at: datetime

    def to_json(self) -> str:
        return json.dumps(
            {"messages": list(self.messages), "composed_at": self.composed_at.isoformat()},
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Payload:
        data = json.loads(text)
        return cls(tuple(data["messages"]), datetime.fromisoformat(data["composed_at"]))
