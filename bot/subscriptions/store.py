"""Subscriptions and their deliveries in the database (``subscriptions``, ``deliveries``).

:class:`SubscriptionStore` hands out plain frozen dataclasses, never ORM objects
(``bot.subscriptions.records``).
Filters are stored normalised (``format_filter(parse_filter(text))``) and schedules in
their canonical form (``bot.subscriptions.schedule``).

Delivery slots make sending idempotent: before sending the digest due at ``slot`` (the
scheduled fire time, UTC), the sender calls :meth:`SubscriptionStore.claim_slot`, which
inserts a ``pending`` row with the composed messages. The table's UNIQUE
(subscription_id, slot) lets exactly one caller win, also across processes and after a
crash, so a slot is never sent twice. The sender records the ids of the messages sent so
far as it goes (:meth:`SubscriptionStore.record_ids`) and the outcome, with the last id,
with :meth:`SubscriptionStore.finish_delivery`. Writes to a claimed row are single
UPDATE statements: nothing is read back first.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from bot.digest.filters import format_filter, parse_filter
from bot.storage.db import Database, insert_for, lock
from bot.storage.models import (
    ChatTimezoneRow,
    DeliveryRow,
    SubscriptionRow,
    SubscriptionTopicRow,
    storable_text,
    utcnow,
)
from bot.subscriptions.records import (
    CHAT_TYPES,
    FINAL_STATUSES,
    AlreadySubscribed,
    Delivery,
    DeliveryStatus,
    Payload,
    Subscription,
    TooManySubscriptions,
    valid_id,
)
from bot.subscriptions.schedule import Schedule, check_timezone


def _slot(slot: datetime) -> datetime:
    """A slot as stored: aware, UTC, whole seconds (fire times are whole minutes)."""
    if not isinstance(slot, datetime) or slot.tzinfo is None or slot.utcoffset() is None:
        raise ValueError(f"slot must be a timezone-aware datetime, not {slot!r}")
    return slot.astimezone(UTC).replace(microsecond=0)


def _as_utc(value: datetime | str) -> datetime:
    """An aggregate (MAX) over a UTC column: SQLite returns it untyped, as text."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def busiest_chats_first(rows: Iterable[tuple[int, int]]) -> list[int]:
    """Subscription ids of ``(id, chat_id)`` rows: those of chats with more subscriptions
    first (a busy group's 20-a-minute window binds, so its digests should be composed and
    ready first), else in the order given."""
    pairs = [(int(sub_id), int(chat)) for sub_id, chat in rows]
    load = Counter(chat for _id, chat in pairs)
    order = sorted(range(len(pairs)), key=lambda n: (-load[pairs[n][1]], n))
    return [pairs[n][0] for n in order]


class SubscriptionStore:
    """Subscriptions and deliveries in a :class:`Database`."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._clock = clock

    # -- subscriptions ------------------------------------------------------------------------
    def create(
        self,
        chat_id: int,
        chat_type: str,
        chat_title: str | None,
        created_by: int | None,
        filter_text: str,
        schedule: Schedule,
        timezone: str,
        quiet_when_empty: bool = False,
        *,
        only_new: bool = False,
        limit: int | None = None,
        thread_id: int | None = None,
        topic_name: str | None = None,
    ) -> Subscription:
        """Add an active subscription. Raises ``FilterError`` / ``ScheduleError`` for bad input.

        With ``only_new``, unless the chat has an active subscription to the same filter
        and schedule (:class:`AlreadySubscribed`); with ``limit``, unless it has that many
        subscriptions already (:class:`TooManySubscriptions`): checked in the transaction
        that inserts, the
        chat's subscriptions locked (:func:`bot.storage.db.lock`), so that the same
        request made twice at once (the bot and the command line, a double tap) makes
        one subscription. ``thread_id``: the forum topic its digests are posted in
        (``topic_name``: its name, if known); the same filter and schedule in another
        topic of the chat is another subscription.
        """
        if isinstance(chat_id, bool) or not isinstance(chat_id, int):
            raise TypeError(f"chat_id must be an int, not {type(chat_id).__name__}")
        if chat_type not in CHAT_TYPES:
            raise ValueError(f"chat_type must be one of {CHAT_TYPES}, not {chat_type!r}")
        if not isinstance(schedule, Schedule):
            raise TypeError("schedule must be a Schedule (use parse_schedule)")
        normalised = format_filter(parse_filter(storable_text(filter_text or "")))
        timezone = check_timezone(timezone)
        now = self._clock()
        row = SubscriptionRow(
            chat_id=chat_id,
            chat_type=chat_type,
            chat_title=storable_text(chat_title or "").strip()[:255] or None,
            created_by=created_by,
            filter_text=normalised,
            schedule_kind=schedule.kind,
            schedule_expr=schedule.expr,
            timezone=timezone,
            quiet_when_empty=bool(quiet_when_empty),
            active=True,
            paused=False,
            deactivated_reason=None,
            last_delivered_at=None,
            created_at=now,
            updated_at=now,
        )
        with self._db.session() as session:
            existing: Sequence[SubscriptionRow] = ()
            if only_new or limit is not None:
                lock(session, "subscriptions.chat", chat_id)
                existing = session.scalars(
                    select(SubscriptionRow).where(SubscriptionRow.chat_id == chat_id)
                ).all()
            threads = self._threads(session, [o.id for o in existing], chat_type)
            for other in existing:
                same = (other.filter_text, other.schedule_kind, other.schedule_expr)
                wanted = (normalised, schedule.kind, schedule.expr)
                here = threads.get(other.id) == thread_id  # another topic: another digest
                if only_new and other.active and same == wanted and here:
                    raise AlreadySubscribed(other.id)
            if limit is not None and len(existing) >= limit:
                raise TooManySubscriptions(limit)
            session.add(row)
            session.flush()
            if thread_id:
                name = storable_text(topic_name or "").strip()[:128] or None
                session.add(
                    SubscriptionTopicRow(
                        subscription_id=row.id, thread_id=thread_id, topic_name=name, created_at=now
                    )
                )
            return Subscription._from_row(row)

    def get(self, subscription_id: int) -> Subscription | None:
        if not valid_id(subscription_id):
            return None  # a number from chat no row can have (and the database may refuse)
        with self._db.reading() as session:
            row = session.get(SubscriptionRow, subscription_id)
            return None if row is None else Subscription._from_row(row)

    def list_for_chat(self, chat_id: int) -> list[Subscription]:
        """The chat's subscriptions (active or not), oldest first."""
        return self._list(SubscriptionRow.chat_id == chat_id)

    def list_channels_by(self, user_id: int) -> list[Subscription]:
        """The channels' subscriptions ``user_id`` made (from a private chat), oldest first."""
        return self._list(
            SubscriptionRow.chat_type == "channel", SubscriptionRow.created_by == user_id
        )

    def list_active(self) -> list[Subscription]:
        """Every subscription the scheduler should run: active and not paused."""
        return self._list(SubscriptionRow.active.is_(True), SubscriptionRow.paused.is_(False))

    def due_ids(self, schedule: Schedule, timezone: str) -> list[int]:
        """The ids of the due subscriptions (active, not paused) with this schedule and
        time zone: one scheduler group (one query, ids and chats only), busiest chats
        first (:func:`busiest_chats_first`)."""
        with self._db.reading() as session:
            return busiest_chats_first(
                session.execute(
                    select(SubscriptionRow.id, SubscriptionRow.chat_id)
                    .where(
                        SubscriptionRow.active.is_(True),
                        SubscriptionRow.paused.is_(False),
                        SubscriptionRow.schedule_kind == schedule.kind,
                        SubscriptionRow.schedule_expr == schedule.expr,
                        SubscriptionRow.timezone == timezone,
                    )
                    .order_by(SubscriptionRow.id)
                ).all()
            )

    def remove(self, chat_id: int, subscription_id: int) -> bool:
        """Delete one of the chat's subscriptions (and its deliveries); False if not the chat's."""
        if not valid_id(subscription_id):
            return False
        return (
            self._delete(SubscriptionRow.chat_id == chat_id, SubscriptionRow.id == subscription_id)
            > 0
        )

    def remove_all(self, chat_id: int) -> int:
        """Delete all of the chat's subscriptions; returns how many."""
        return self._delete(SubscriptionRow.chat_id == chat_id)

    def pause(self, subscription_id: int, *, chat_id: int | None = None) -> bool:
        """Pause (scoped to ``chat_id`` when given); False if no such subscription."""
        return self._update(subscription_id, chat_id, paused=True) > 0

    def resume(self, subscription_id: int, *, chat_id: int | None = None) -> bool:
        return self._update(subscription_id, chat_id, paused=False) > 0

    def set_schedule(
        self, subscription_id: int, chat_id: int, schedule: Schedule, timezone: str | None = None
    ) -> bool:
        """Move one of the chat's subscriptions to ``schedule`` (and ``timezone``, when
        given), its filter and deliveries kept; False if not the chat's."""
        values: dict[str, str] = {"schedule_kind": schedule.kind, "schedule_expr": schedule.expr}
        if timezone is not None:
            values["timezone"] = check_timezone(timezone)
        return self._update(subscription_id, chat_id, **values) > 0

    def reactivate(self, subscription_id: int) -> bool:
        """Undo a deactivation (an admin re-enables a chat the bot can post to again)."""
        return self._update(subscription_id, None, active=True, deactivated_reason=None) > 0

    @staticmethod
    def _threads(session, ids: list[int], chat_type: str) -> dict[int, int]:
        """The forum topics of subscriptions ``ids`` (only a supergroup has any)."""
        if chat_type != "supergroup" or not ids:
            return {}
        rows = session.execute(
            select(SubscriptionTopicRow.subscription_id, SubscriptionTopicRow.thread_id).where(
                SubscriptionTopicRow.subscription_id.in_(ids)
            )
        )
        return {sub_id: thread for sub_id, thread in rows}

    def topics_in_chat(self, chat_id: int) -> dict[int, tuple[int, str | None]]:
        """subscription id -> (thread id, topic name) for the chat's subscriptions posted
        in a forum topic."""
        with self._db.reading() as session:
            rows = session.execute(
                select(
                    SubscriptionTopicRow.subscription_id,
                    SubscriptionTopicRow.thread_id,
                    SubscriptionTopicRow.topic_name,
                )
                .join(SubscriptionRow, SubscriptionRow.id == SubscriptionTopicRow.subscription_id)
                .where(SubscriptionRow.chat_id == chat_id)
            )
            return {sub_id: (thread, name) for sub_id, thread, name in rows}

    def thread_of(self, subscription_id: int) -> int | None:
        """The forum topic the subscription's digests are posted in; None: the main thread."""
        with self._db.reading() as session:
            row = session.get(SubscriptionTopicRow, subscription_id)
            return row.thread_id if row is not None else None

    def migrate_chat(self, old_chat_id: int, new_chat_id: int) -> int:
        """A group became a supergroup (new id): move its subscriptions to the new id, and
        its chosen time zone unless the new id has one."""
        with self._db.session() as session:
            chosen = session.get(ChatTimezoneRow, old_chat_id)
            if chosen is not None:
                values = {"chat_id": new_chat_id, "timezone": chosen.timezone}
                copy = insert_for(session)(ChatTimezoneRow).values(
                    **values, updated_at=self._clock()
                )
                session.execute(copy.on_conflict_do_nothing(index_elements=["chat_id"]))
            result = session.execute(
                update(SubscriptionRow)
                .where(SubscriptionRow.chat_id == old_chat_id)
                .values(chat_id=new_chat_id, chat_type="supergroup", updated_at=self._clock()),
                execution_options={"synchronize_session": False},
            )
            return int(result.rowcount or 0)

    def set_timezone(self, chat_id: int, timezone: str) -> int:
        """Keep ``timezone`` as the chat's (for its next subscriptions) and move all of the
        chat's subscriptions to it; returns how many moved."""
        timezone = check_timezone(timezone)
        with self._db.session() as session:
            values = {"timezone": timezone, "updated_at": self._clock()}
            chosen = insert_for(session)(ChatTimezoneRow).values(chat_id=chat_id, **values)
            session.execute(chosen.on_conflict_do_update(index_elements=["chat_id"], set_=values))
            result = session.execute(
                update(SubscriptionRow)
                .where(SubscriptionRow.chat_id == chat_id)
                .values(timezone=timezone, updated_at=self._clock()),
                execution_options={"synchronize_session": False},
            )
            return int(result.rowcount or 0)

    def keep_timezone(self, chat_id: int, timezone: str) -> None:
        """Keep ``timezone`` as the chat's zone unless it chose one already; no
        subscription moves (a ``tz=`` of one subscription must not become the chat's)."""
        with self._db.session() as session:
            values = {"chat_id": chat_id, "timezone": timezone, "updated_at": self._clock()}
            kept = insert_for(session)(ChatTimezoneRow).values(**values)
            session.execute(kept.on_conflict_do_nothing(index_elements=["chat_id"]))

    def chosen_timezone(self, chat_id: int) -> str | None:
        """The time zone the chat chose with ``/timezone``, if it chose one."""
        with self._db.reading() as session:
            row = session.get(ChatTimezoneRow, chat_id)
            return row.timezone if row is not None else None

    def list_all(self) -> list[Subscription]:
        """Every subscription of every chat (admins' overview)."""
        return self._list()

    def deactivate_chat(self, chat_id: int, reason: str) -> int:
        """Deactivate the chat's active subscriptions (bot blocked, kicked, chat gone)."""
        with self._db.session() as session:
            result = session.execute(
                update(SubscriptionRow)
                .where(SubscriptionRow.chat_id == chat_id, SubscriptionRow.active.is_(True))
                .values(active=False, deactivated_reason=reason, updated_at=self._clock()),
                execution_options={"synchronize_session": False},
            )
            return int(result.rowcount or 0)

    # -- deliveries ---------------------------------------------------------------------------
    def claim_slot(
        self,
        subscription_id: int,
        slot: datetime,
        payload: Payload | None = None,
        *,
        status: DeliveryStatus = "pending",
        error: str | None = None,
        sending: int | None = None,
    ) -> bool:
        """Insert the delivery of ``slot``; False if the slot was claimed before.

        Only one caller (thread or process) ever gets True for a (subscription, slot).
        The row is ``pending`` with the composed ``payload`` (claim and messages in one
        transaction), or already final (``status``: nothing to send, composing failed).
        ``sending``: the index of the message about to be handed to Telegram (the
        deliverer claims a slot just before its first send). Raises ``LookupError`` if
        the subscription does not exist.
        """
        slot = _slot(slot)
        now = self._clock()
        try:
            with self._db.session() as session:
                session.add(
                    DeliveryRow(
                        subscription_id=subscription_id,
                        slot=slot,
                        status=status,
                        payload=None if payload is None else payload.to_json(),
                        error=error,
                        attempts=1,
                        sending=sending,
                        uncertain=0,
                        created_at=now,
                        updated_at=now,
                    )
                )
        except IntegrityError:
            if self._delivery_exists(subscription_id, slot):
                return False
            if self.get(subscription_id) is None:
                raise LookupError(f"no subscription {subscription_id}") from None
            raise
        return True

    def for_delivery(
        self, subscription_id: int, slot: datetime
    ) -> tuple[Subscription | None, bool]:
        """The subscription (None if there is none) and whether ``slot`` is claimed: what
        a delivery reads before composing, in one transaction."""
        with self._db.reading() as session:
            row = session.get(SubscriptionRow, subscription_id)
            if row is None:
                return None, False
            claimed = session.scalar(
                select(DeliveryRow.id).where(
                    DeliveryRow.subscription_id == subscription_id,
                    DeliveryRow.slot == _slot(slot),
                )
            )
            sub = Subscription._from_row(row)
            missed = self._missed_since_sent(session, subscription_id, _slot(slot))
            return (replace(sub, missed=missed) if missed else sub), claimed is not None

    @staticmethod
    def _missed_since_sent(
        session: Session, subscription_id: int, before: datetime
    ) -> tuple[datetime, ...]:
        """The slots before ``before`` recorded missed since the last one sent (at most
        100, the newest): what a digest for ``before`` covers beside its own slot."""
        mine = DeliveryRow.subscription_id == subscription_id
        sent = aliased(DeliveryRow)
        # one round trip: no missed slot after it has a sent one (NOT EXISTS), so a
        # delivery with nothing missed costs one indexed probe
        later_sent = (
            select(sent.id)
            .where(
                sent.subscription_id == subscription_id,
                sent.status == "sent",
                sent.slot > DeliveryRow.slot,
                sent.slot < before,
            )
            .exists()
        )
        query = select(DeliveryRow.slot).where(
            mine, DeliveryRow.status == "missed", DeliveryRow.slot < before, ~later_sent
        )
        slots = session.scalars(query.order_by(DeliveryRow.slot.desc()).limit(100)).all()
        return tuple(_as_utc(s) for s in reversed(slots))

    def save_payload(self, subscription_id: int, slot: datetime, payload: Payload) -> None:
        """Keep the composed messages of a slot claimed without them (before the first
        is sent)."""
        self._set(subscription_id, slot, payload=payload.to_json())

    def record_sent(self, subscription_id: int, slot: datetime, message_id: int) -> None:
        """One more message of the slot went out: remember its id at once.

        A delivery resumed after a crash skips the messages recorded here. (The
        deliverer, which knows the ids so far, writes them all with :meth:`record_ids`.)
        """
        with self._db.session() as session:
            row = self._claimed(session, subscription_id, _slot(slot))
            ids = json.loads(row.message_ids) if row.message_ids else []
            ids.append(int(message_id))
            row.message_ids = json.dumps(ids)
            row.updated_at = self._clock()

    def record_ids(
        self, subscription_id: int, slot: datetime, message_ids: tuple[int, ...] | list[int]
    ) -> None:
        """The ids of every message of the slot sent so far, no send in flight any more
        (one UPDATE, nothing read)."""
        self._set(
            subscription_id,
            slot,
            message_ids=json.dumps([int(i) for i in message_ids]),
            sending=None,
        )

    def mark_sending(self, subscription_id: int, slot: datetime, index: int) -> None:
        """Message ``index`` of the slot is about to be handed to Telegram (one UPDATE).

        Until its outcome is recorded (:meth:`record_ids`, :meth:`finish_delivery`,
        :meth:`record_attempt`), a crash leaves it *uncertain*: it may or may not have
        arrived (:meth:`record_uncertain`).
        """
        self._set(subscription_id, slot, sending=int(index))

    def record_uncertain(
        self,
        subscription_id: int,
        slot: datetime,
        message_ids: tuple[int, ...] | list[int],
        note: str,
    ) -> None:
        """After a crash: the message in flight is counted uncertain (``uncertain`` + 1),
        the ids are ``message_ids`` (0 for a message skipped without an id) and nothing is
        in flight any more; one UPDATE."""
        self._set(
            subscription_id,
            slot,
            message_ids=json.dumps([int(i) for i in message_ids]),
            sending=None,
            uncertain=DeliveryRow.uncertain + 1,
            error=note,
        )

    def uncertain_count(self) -> int:
        """How many messages were found in flight after a crash, in every delivery (/status)."""
        with self._db.reading() as session:
            return int(session.scalar(select(func.coalesce(func.sum(DeliveryRow.uncertain), 0))))

    def record_attempt(self, subscription_id: int, slot: datetime, error: str) -> int:
        """A send failed and will be retried: count the attempt; returns the new count.
        One UPDATE (``attempts + 1``), so attempts counted at once are all counted."""
        slot = _slot(slot)
        with self._db.session() as session:
            attempts = session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.subscription_id == subscription_id, DeliveryRow.slot == slot)
                .values(
                    attempts=DeliveryRow.attempts + 1,
                    error=error,
                    sending=None,
                    updated_at=self._clock(),
                )
                .returning(DeliveryRow.attempts),
                execution_options={"synchronize_session": False},
            ).scalar_one_or_none()
        if attempts is None:
            raise LookupError(
                f"slot {slot.isoformat()} of subscription {subscription_id} was not claimed"
            )
        return int(attempts)

    def finish_delivery(
        self,
        subscription_id: int,
        slot: datetime,
        status: DeliveryStatus,
        message_ids: list[int] | tuple[int, ...] | None = None,
        error: str | None = None,
        *,
        delivered_at: datetime | None = None,
        told_filter: str | None = None,
    ) -> None:
        """Record the outcome of a claimed slot, in one transaction.

        ``sent`` also sets the subscription's ``last_delivered_at`` to ``delivered_at``
        (when the digest was composed; default now) and, with ``told_filter``, keeps that
        its chat was told that filter matches nothing any more (the removed-document
        notice: ``DigestComposer.told_filter``). Both are written with the outcome or
        neither is: a crash cannot record the notice sent and leave it to be said again.
        ``message_ids`` None keeps the ids recorded so far by :meth:`record_sent`.
        """
        if status not in FINAL_STATUSES:
            raise ValueError(f"status must be one of {FINAL_STATUSES}, not {status!r}")
        now = self._clock()
        values: dict[str, object] = {"status": status, "error": error, "sending": None}
        if message_ids is not None:
            values["message_ids"] = json.dumps([int(i) for i in message_ids])
        with self._db.session() as session:
            self._set(subscription_id, slot, session=session, **values)
            if status == "sent":
                told = (
                    {}
                    if told_filter is None
                    else {"nothing_told_filter": storable_text(told_filter)}
                )
                session.execute(
                    update(SubscriptionRow)
                    .where(SubscriptionRow.id == subscription_id)
                    .values(last_delivered_at=delivered_at or now, updated_at=now, **told),
                    execution_options={"synchronize_session": False},
                )

    def record_missed(self, subscription_id: int, slots: list[datetime], reason: str) -> int:
        """Record slots that passed unsent (bot down beyond the grace period), in one
        transaction. Slots already recorded are left alone; returns how many were added."""
        wanted = sorted({_slot(s) for s in slots})
        if not wanted:
            return 0
        now = self._clock()
        added = 0
        with self._db.session() as session:
            insert = insert_for(session)
            for slot in wanted:  # insert-or-ignore: a slot claimed meanwhile keeps its claim
                result = session.execute(
                    insert(DeliveryRow.__table__)
                    .values(
                        subscription_id=subscription_id,
                        slot=slot,
                        status="missed",
                        error=reason,
                        attempts=0,
                        created_at=now,
                        updated_at=now,
                    )
                    .on_conflict_do_nothing(index_elements=["subscription_id", "slot"])
                    .returning(DeliveryRow.id)  # psycopg's rowcount is -1 here
                )
                added += len(result.all())
        return added

    def delivery(self, subscription_id: int, slot: datetime) -> Delivery | None:
        with self._db.reading() as session:
            row = self._row(session, subscription_id, _slot(slot))
            return None if row is None else Delivery._from_row(row)

    def last_slots(self) -> dict[int, datetime]:
        """The newest recorded slot of every subscription that has one (one query)."""
        with self._db.reading() as session:
            rows = session.execute(
                select(DeliveryRow.subscription_id, func.max(DeliveryRow.slot)).group_by(
                    DeliveryRow.subscription_id
                )
            )
            return {sub_id: _as_utc(slot) for sub_id, slot in rows}

    def pending(self) -> list[Delivery]:
        """Claimed slots never finished (the bot stopped while sending), oldest first."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(DeliveryRow)
                .where(DeliveryRow.status == "pending")
                .order_by(DeliveryRow.slot, DeliveryRow.id)
            )
            return [Delivery._from_row(row) for row in rows]

    def recent_failures(self, limit: int = 10) -> list[Delivery]:
        """The latest failed deliveries, newest first (for /status)."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(DeliveryRow)
                .where(DeliveryRow.status == "failed")
                .order_by(DeliveryRow.updated_at.desc(), DeliveryRow.id.desc())
                .limit(limit)
            )
            return [Delivery._from_row(row) for row in rows]

    def deliveries(self, subscription_id: int) -> list[Delivery]:
        """The subscription's deliveries, oldest slot first."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(DeliveryRow)
                .where(DeliveryRow.subscription_id == subscription_id)
                .order_by(DeliveryRow.slot)
            )
            return [Delivery._from_row(row) for row in rows]

    # -- internals ----------------------------------------------------------------------------
    def _list(self, *where) -> list[Subscription]:
        with self._db.reading() as session:
            rows = session.scalars(
                select(SubscriptionRow).where(*where).order_by(SubscriptionRow.id)
            )
            return [Subscription._from_row(row) for row in rows]

    def _delete(self, *where) -> int:
        with self._db.session() as session:
            result = session.execute(
                delete(SubscriptionRow).where(*where),
                execution_options={"synchronize_session": False},
            )
            return int(result.rowcount or 0)

    def _update(self, subscription_id: int, chat_id: int | None, **values) -> int:
        where = [SubscriptionRow.id == subscription_id]
        if chat_id is not None:
            where.append(SubscriptionRow.chat_id == chat_id)
        with self._db.session() as session:
            result = session.execute(
                update(SubscriptionRow).where(*where).values(updated_at=self._clock(), **values),
                execution_options={"synchronize_session": False},
            )
            return int(result.rowcount or 0)

    @staticmethod
    def _row(session, subscription_id: int, slot: datetime) -> DeliveryRow | None:
        return session.scalar(
            select(DeliveryRow).where(
                DeliveryRow.subscription_id == subscription_id, DeliveryRow.slot == slot
            )
        )

    def _claimed(self, session, subscription_id: int, slot: datetime) -> DeliveryRow:
        row = self._row(session, subscription_id, slot)
        if row is None:
            raise LookupError(
                f"slot {slot.isoformat()} of subscription {subscription_id} was not claimed"
            )
        return row

    def _set(self, subscription_id: int, slot: datetime, *, session=None, **values) -> None:
        """UPDATE the claimed delivery's columns (and ``updated_at``) without reading it;
        ``LookupError`` if the slot was not claimed."""
        stmt = (
            update(DeliveryRow)
            .where(DeliveryRow.subscription_id == subscription_id, DeliveryRow.slot == _slot(slot))
            .values(updated_at=self._clock(), **values)
        )
        with contextlib.nullcontext(session) if session else self._db.session() as active:
            result = active.execute(stmt, execution_options={"synchronize_session": False})
            if not result.rowcount:
                raise LookupError(
                    f"slot {_slot(slot).isoformat()} of subscription {subscription_id} "
                    "was not claimed"
                )

    def _delivery_exists(self, subscription_id: int, slot: datetime) -> bool:
        with self._db.reading() as session:
            return self._row(session, subscription_id, slot) is not None
