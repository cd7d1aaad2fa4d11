"""The ``deliveries`` table: the slots of subscriptions claimed, sent, failed or missed.

Half of :class:`bot.subscriptions.store.SubscriptionStore` (the other is
:class:`bot.subscriptions.subscription_rows.SubscriptionRows`), where the module's
docstring says how a slot is claimed once and its messages recorded as they go out.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from bot.storage.db import Database, insert_for
from bot.storage.models import DeliveryRow, SubscriptionRow, storable_text
from bot.subscriptions.records import (
    FINAL_STATUSES,
    Delivery,
    DeliveryStatus,
    Payload,
    Subscription,
)


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


class DeliveryRows:
    """Deliveries in a :class:`Database` (a part of
    :class:`~bot.subscriptions.store.SubscriptionStore`, which sets ``_db`` and ``_clock``
    and whose ``get`` :meth:`claim_slot` asks when a claim fails)."""

    _db: Database
    _clock: Callable[[], datetime]
    get: Callable[[int], Subscription | None]

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
