"""The queue of updates waiting for getUpdates, with Telegram's offset and long-poll rules."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import time
from collections.abc import Iterable
from typing import Any

from fake_telegram.errors import conflict

# Update types a bot gets when it never chose (or chose an empty list), per the Bot API.
NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "message_reaction",
        "message_reaction_count",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)


class UpdateQueue:
    """Pending updates; getUpdates reads them and confirms them by offset.

    Waiting uses an asyncio.Condition, so a long poll returns as soon as an update is queued.
    """

    def __init__(self, first_update_id: int = 1) -> None:
        self.pending: list[dict[str, Any]] = []
        self.allowed_updates: frozenset[str] | None = None  # None: the default set
        self.delivered: list[dict[str, Any]] = []  # every update ever queued, for inspection
        self.dropped = 0  # updates filtered out by allowed_updates (or privacy mode)
        self.queued_at: dict[int, float] = {}  # update_id -> time.monotonic() when queued
        self._ids = itertools.count(first_update_id)
        self._cond = asyncio.Condition()
        self._poll_generation = 0
        self._closing = False
        self.waiting = 0  # long polls currently blocked, so tests can sync without sleeping

    def wants(self, update_type: str) -> bool:
        """Whether the bot's allowed_updates setting lets this update type through."""
        if self.allowed_updates is None:
            return update_type not in NOT_BY_DEFAULT
        return update_type in self.allowed_updates

    def set_allowed(self, allowed: Iterable[str] | None) -> None:
        """Apply an allowed_updates parameter (absent: keep; empty list: the default set)."""
        if allowed is None:
            return
        chosen = frozenset(allowed)
        self.allowed_updates = None if not chosen else chosen & UPDATE_TYPES

    async def push(self, update_type: str, body: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update; None when allowed_updates filters this type out."""
        if not self.wants(update_type):
            self.dropped += 1
            return None
        update = {"update_id": next(self._ids), update_type: body}
        async with self._cond:
            self.pending.append(update)
            self.delivered.append(update)
            self.queued_at[update["update_id"]] = time.monotonic()
            self._cond.notify_all()
        return copy.deepcopy(update)

    async def drop_pending(self) -> int:
        async with self._cond:
            count = len(self.pending)
            self.pending.clear()
            return count

    def _confirm(self, offset: int) -> None:
        if offset > 0:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        elif offset < 0:
            # A negative offset keeps only the last -offset updates and forgets the rest.
            self.pending = self.pending[offset:]

    async def get(self, offset: int, limit: int, timeout: float) -> list[dict[str, Any]]:
        """getUpdates: confirm below ``offset``, then wait up to ``timeout`` for updates.

        A newer getUpdates call ends an older one still waiting with 409 Conflict, as Telegram
        does when two bot instances poll at once.
        """
        limit = min(max(limit or 100, 1), 100)
        async with self._cond:
            self._poll_generation += 1
            generation = self._poll_generation
            self._cond.notify_all()  # wake an older long poll so it can see it was superseded
            self._confirm(offset)
            if not self.pending and timeout > 0 and not self._closing:
                self.waiting += 1
                self._cond.notify_all()
                try:
                    await self._long_poll(generation, timeout)
                finally:
                    self.waiting -= 1
                if self._poll_generation != generation:
                    raise conflict(
                        "terminated by other getUpdates request; make sure that only one bot "
                        "instance is running"
                    )
            return copy.deepcopy(self.pending[:limit])

    async def _long_poll(self, generation: int, timeout: float) -> None:
        """Wait (holding the condition) for an update, a newer poll, shutdown or the timeout."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(
                self._cond.wait_for(
                    lambda: (
                        bool(self.pending) or self._closing or self._poll_generation != generation
                    )
                ),
                timeout,
            )

    async def wait_until_polling(self, timeout: float) -> None:
        """Return once some getUpdates call is blocked in a long poll."""
        async with self._cond:
            await asyncio.wait_for(self._cond.wait_for(lambda: self.waiting > 0), timeout)

    async def close(self) -> None:
        """Release every waiting long poll (the server is stopping)."""
        async with self._cond:
            self._closing = True
            self._cond.notify_all()
