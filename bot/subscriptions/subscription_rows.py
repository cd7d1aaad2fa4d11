"""The ``subscriptions`` table (with ``subscription_topics`` and ``chat_timezones``): a
chat's subscriptions made, listed, paused, moved and removed, the forum topic each is
posted in and the time zone a chat chose.

Half of :class:`bot.subscriptions.store.SubscriptionStore` (the other is
:class:`bot.subscriptions.delivery_rows.DeliveryRows`); it hands out plain frozen
dataclasses (``bot.subscriptions.records``), never ORM objects. Filters are stored
normalised (``format_filter(parse_filter(text))``) and schedules in their canonical form
(``bot.subscriptions.schedule``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from sqlalchemy import delete, select, update

from bot.digest.filters import format_filter, parse_filter
from bot.storage.db import Database, insert_for, lock
from bot.storage.models import (
    ChatTimezoneRow,
    SubscriptionRow,
    SubscriptionTopicRow,
    storable_text,
)
from bot.subscriptions.records import (
    CHAT_TYPES,
    AlreadySubscribed,
    Subscription,
    TooManySubscriptions,
    valid_id,
)
from bot.subscriptions.schedule import Schedule, check_timezone


def busiest_chats_first(rows: Iterable[tuple[int, int]]) -> list[int]:
    """Subscription ids of ``(id, chat_id)`` rows: those of chats with more subscriptions
    first (a busy group's 20-a-minute window binds, so its digests should be composed and
    ready first), else in the order given."""
    pairs = [(int(sub_id), int(chat)) for sub_id, chat in rows]
    load = Counter(chat for _id, chat in pairs)
    order = sorted(range(len(pairs)), key=lambda n: (-load[pairs[n][1]], n))
    return [pairs[n][0] for n in order]


class SubscriptionRows:
    """Subscriptions, their topics and chats' time zones in a :class:`Database` (a part
    of :class:`~bot.subscriptions.store.SubscriptionStore`, which sets ``_db`` and
    ``_clock``)."""

    _db: Database
    _clock: Callable[[], datetime]

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
