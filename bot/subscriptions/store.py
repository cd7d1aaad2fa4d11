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

from collections.abc import Callable
from datetime import datetime

from bot.storage.db import Database
from bot.storage.models import utcnow
from bot.subscriptions.delivery_rows import DeliveryRows
from bot.subscriptions.subscription_rows import SubscriptionRows, busiest_chats_first

__all__ = ["SubscriptionStore", "busiest_chats_first"]


class SubscriptionStore(SubscriptionRows, DeliveryRows):
    """Subscriptions and deliveries in a :class:`Database`: the subscriptions' half in
    :mod:`bot.subscriptions.subscription_rows`, the deliveries' in
    :mod:`bot.subscriptions.delivery_rows`."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._clock = clock
