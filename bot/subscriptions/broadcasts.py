"""An admin's ``/broadcast_digest`` as a recorded slot (``broadcasts``): it survives a crash.

A broadcast is the current minute as a slot for every subscription due when it was
asked. Its row, written before anything is queued, keeps the subscriptions it covers
and where its summary goes; each subscription's digest is an ordinary delivery of that
slot (``deliveries``: claimed once, resumed after a crash). So after a restart the
scheduler knows which subscriptions of the broadcast are still owed a digest (no final
delivery row yet) and sends them, and sends the admin the summary once all are final.

Status: ``running`` → ``reporting`` (the summary is computed and stored, and being sent)
→ ``done``. The summary is counted from the deliveries, not from memory, so it is the
same whether or not the bot was restarted meanwhile:

- a slot claimed already when the broadcast was recorded (``already_ids``): ``duplicate``
  (a second /broadcast_digest in the same minute);
- no delivery row: ``inactive`` (paused, removed or deactivated before its turn);
- a failed delivery of a subscription no longer active: ``deactivated`` (chat gone);
- otherwise the row's status (``sent``, ``skipped_empty``, ``failed``, ``missed``);
- ``uncertain``: messages found in flight after a crash (resent or skipped, as
  ``delivery_uncertain`` says), counted besides.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import select, update

from bot.storage.db import Database, lock_inserts
from bot.storage.models import BroadcastRow, DeliveryRow, SubscriptionRow, utcnow

BroadcastStatus = Literal["running", "reporting", "done"]
_CHUNK = 500  # ids per IN (...): well under every backend's limit on bound parameters


@dataclass(frozen=True, slots=True)
class Broadcast:
    id: int
    slot: datetime
    requested_by: int | None
    chat_id: int
    reply_to: int | None
    language: str
    subscription_ids: tuple[int, ...]
    already_ids: frozenset[int]
    status: str
    summary: dict[str, int] | None
    created_at: datetime

    @classmethod
    def _from_row(cls, row: BroadcastRow) -> Broadcast:
        return cls(
            id=row.id,
            slot=row.slot.astimezone(UTC),
            requested_by=row.requested_by,
            chat_id=row.chat_id,
            reply_to=row.reply_to,
            language=row.language,
            subscription_ids=tuple(json.loads(row.subscription_ids)),
            already_ids=frozenset(json.loads(row.already_ids or "[]")),
            status=row.status,
            summary=None if row.summary is None else json.loads(row.summary),
            created_at=row.created_at,
        )


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


class BroadcastStore:
    """The ``broadcasts`` table (see the module docstring)."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._clock = clock

    def create(
        self,
        slot: datetime,
        subscription_ids: Sequence[int],
        *,
        chat_id: int,
        reply_to: int | None = None,
        language: str = "zh",
        requested_by: int | None = None,
    ) -> Broadcast:
        """Record a broadcast (``running``) before any of its digests is queued, with those
        of its subscriptions whose slot is claimed already; one transaction, in which no
        slot is claimed by others (``bot.storage.db.lock_inserts``)."""
        now = self._clock()
        slot = slot.astimezone(UTC).replace(microsecond=0)
        ids = [int(i) for i in subscription_ids]
        row = BroadcastRow(
            slot=slot,
            requested_by=requested_by,
            chat_id=chat_id,
            reply_to=reply_to,
            language=language[:8],
            subscription_ids=json.dumps(ids),
            status="running",
            summary=None,
            created_at=now,
            updated_at=now,
        )
        with self._db.session() as session:
            # No slot claimed between the read of those claimed and the broadcast's row (it
            # would be counted as sent by the broadcast, not as a duplicate).
            lock_inserts(session, DeliveryRow.__tablename__)
            already: list[int] = []
            for chunk in _chunks(ids):
                already += session.scalars(
                    select(DeliveryRow.subscription_id).where(
                        DeliveryRow.slot == slot, DeliveryRow.subscription_id.in_(chunk)
                    )
                )
            row.already_ids = json.dumps(sorted(already))
            session.add(row)
            session.flush()
            return Broadcast._from_row(row)

    def get(self, broadcast_id: int) -> Broadcast | None:
        with self._db.reading() as session:
            row = session.get(BroadcastRow, broadcast_id)
            return None if row is None else Broadcast._from_row(row)

    def unfinished(self) -> list[Broadcast]:
        """Broadcasts not ``done`` (the bot stopped before it finished them), oldest first."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(BroadcastRow).where(BroadcastRow.status != "done").order_by(BroadcastRow.id)
            )
            return [Broadcast._from_row(row) for row in rows]

    def open_deliveries(self, broadcast: Broadcast) -> tuple[list[int], list[int]]:
        """The broadcast's subscriptions still owed: (no delivery row at its slot yet,
        a ``pending`` one)."""
        found: dict[int, str] = {}
        ids = list(broadcast.subscription_ids)
        with self._db.reading() as session:
            for chunk in _chunks(ids):
                rows = session.execute(
                    select(DeliveryRow.subscription_id, DeliveryRow.status).where(
                        DeliveryRow.slot == broadcast.slot,
                        DeliveryRow.subscription_id.in_(chunk),
                    )
                )
                found.update({sub_id: status for sub_id, status in rows})
        fresh = [i for i in ids if i not in found]
        pending = [i for i in ids if found.get(i) == "pending"]
        return fresh, pending

    def summarize(self, broadcast: Broadcast) -> dict[str, int]:
        """Count what came of each subscription (see the module docstring), store it and
        set the broadcast ``reporting``; one transaction. Returns the counts."""
        ids = list(broadcast.subscription_ids)
        counts: Counter[str] = Counter()
        with self._db.session() as session:
            rows: dict[int, tuple[str, int]] = {}
            active: dict[int, bool] = {}
            for chunk in _chunks(ids):
                for sub_id, status, uncertain in session.execute(
                    select(
                        DeliveryRow.subscription_id,
                        DeliveryRow.status,
                        DeliveryRow.uncertain,
                    ).where(
                        DeliveryRow.slot == broadcast.slot,
                        DeliveryRow.subscription_id.in_(chunk),
                    )
                ):
                    rows[sub_id] = (status, uncertain or 0)
                for sub_id, is_active in session.execute(
                    select(SubscriptionRow.id, SubscriptionRow.active).where(
                        SubscriptionRow.id.in_(chunk)
                    )
                ):
                    active[sub_id] = bool(is_active)
            for sub_id in ids:
                row = rows.get(sub_id)
                if row is None:
                    counts["inactive"] += 1
                    continue
                status, uncertain = row
                if sub_id in broadcast.already_ids:
                    counts["duplicate"] += 1
                    continue
                counts["uncertain"] += uncertain
                if status == "failed" and not active.get(sub_id, False):
                    counts["deactivated"] += 1
                else:
                    counts[status] += 1
            summary = {k: n for k, n in sorted(counts.items()) if n}
            session.execute(
                update(BroadcastRow)
                .where(BroadcastRow.id == broadcast.id)
                .values(status="reporting", summary=json.dumps(summary), updated_at=self._clock()),
                execution_options={"synchronize_session": False},
            )
        return summary

    def finish(self, broadcast_id: int) -> None:
        """The summary went out (or was given up): the broadcast is ``done``."""
        with self._db.session() as session:
            session.execute(
                update(BroadcastRow)
                .where(BroadcastRow.id == broadcast_id)
                .values(status="done", updated_at=self._clock()),
                execution_options={"synchronize_session": False},
            )
