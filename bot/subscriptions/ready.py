"""The ready queue of :class:`~bot.subscriptions.scheduler.DigestScheduler` (see "The
ready queue" in that module's docstring): composed digests wait per chat, chats in a
heap by the time the sender's windows let their next message go; a dispatcher starts
one message at a time per chat, at most ``workers`` at once, and never hands a worker a
message whose chat's or group's window is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING

from bot.subscriptions.delivery import Deliverer, DeliveryResult, Pending, Retry

log = logging.getLogger("bot.subscriptions.scheduler")

READY_SLACK = 0.002
"""A chat whose window opens within this many seconds counts as ready now."""


class ReadyQueueMixin:
    """The ready queue for the digest scheduler (what it provides is declared below)."""

    deliverer: Deliverer
    workers: int
    monotonic: Callable[[], float]
    timer: Callable[[float], Awaitable[None]] | None
    _chats: dict[int, ChatQueue]
    _heap: list[tuple[float, int, int]]
    _seq: itertools.count
    _in_flight: int
    _wake: asyncio.Event | None
    _background: set[asyncio.Task]

    if TYPE_CHECKING:

        def _finished(self, key: tuple[int, datetime], result: DeliveryResult | None) -> None: ...

    def _add_ready(self, pending: Pending) -> None:
        chat = pending.sub.chat_id
        state = self._chats.get(chat)
        if state is None:
            state = self._chats[chat] = ChatQueue()
        state.queue.append(pending)
        if not state.busy and not state.scheduled:
            self._schedule_chat(chat, state, self.monotonic())

    def _schedule_chat(self, chat: int, state: ChatQueue, at: float) -> None:
        state.scheduled = True
        heapq.heappush(self._heap, (at, next(self._seq), chat))
        if self._wake is not None:
            self._wake.set()

    def _ready_in(self, chat_id: int) -> float:
        """Seconds until the sender's windows allow a message into ``chat_id`` (0: now)."""
        ready_in = getattr(self.deliverer.sender, "ready_in", None)
        if ready_in is None:
            return 0.0
        try:
            return float(ready_in(chat_id))
        except Exception:  # a sender that cannot tell: its own limiter still applies
            log.warning("sender.ready_in(%s) failed", chat_id, exc_info=True)
            return 0.0

    async def _dispatch(self) -> None:
        """Start the next message of the chat whose window opens first, while fewer than
        ``workers`` sends are in flight; a chat whose window is still closed goes back
        into the heap at the time it opens, holding nothing meanwhile."""
        assert self._wake is not None
        loop = asyncio.get_running_loop()
        while True:
            self._wake.clear()
            timeout: float | None = None
            while self._heap and self._in_flight < self.workers:
                at, _seq, chat = self._heap[0]
                now = self.monotonic()
                if at > now:
                    timeout = at - now
                    break
                heapq.heappop(self._heap)
                state = self._chats.get(chat)
                if state is None:
                    continue
                state.scheduled = False
                if state.busy or not state.queue:
                    continue
                pending = state.queue[0]
                delay = self._ready_in(pending.chat_id)
                if delay > READY_SLACK:
                    self._schedule_chat(chat, state, now + delay)
                    continue
                state.busy = True
                self._in_flight += 1
                task = loop.create_task(self._send(chat, state, pending))
                self._background.add(task)
                task.add_done_callback(self._background.discard)
            if timeout is None:
                await self._wake.wait()
            elif self.timer is not None:
                await self.timer(timeout)
            else:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout)

    async def _send(self, chat: int, state: ChatQueue, pending: Pending) -> None:
        """One message of ``pending``; then its chat waits for its next turn."""
        step: DeliveryResult | Retry | None
        failed = False
        try:
            step = await self.deliverer.send_next(pending)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("delivering subscription %s slot %s failed", *pending.key)
            step, failed = None, True
        finally:
            self._in_flight -= 1
            if self._wake is not None:
                self._wake.set()  # a worker is free
        if isinstance(step, Retry) and step.seconds > 0:
            # 429 or backoff: the chat stays busy (its order holds) while a timer, not a
            # worker, waits (the deliverer's sleep: tests and benchmarks control it).
            task = asyncio.get_running_loop().create_task(
                self._retry_later(chat, state, step.seconds)
            )
            self._background.add(task)
            task.add_done_callback(self._background.discard)
            return
        state.busy = False
        if failed or isinstance(step, DeliveryResult):
            state.queue.popleft()
            self._finished(pending.key, None if failed else step)
        self._next_of(chat, state)

    async def _retry_later(self, chat: int, state: ChatQueue, seconds: float) -> None:
        await self.deliverer.sleep(seconds)
        state.busy = False
        self._next_of(chat, state)

    def _next_of(self, chat: int, state: ChatQueue) -> None:
        """The chat's send finished: its next message waits for its turn in the heap."""
        if state.queue:
            self._schedule_chat(chat, state, self.monotonic())
        elif self._chats.get(chat) is state:
            del self._chats[chat]


class ChatQueue:
    """A chat's composed digests waiting for its window, in order; ``busy``: one of its
    messages is being sent; ``scheduled``: the chat is in the heap."""

    __slots__ = ("busy", "queue", "scheduled")

    def __init__(self) -> None:
        self.queue: deque[Pending] = deque()
        self.busy = False
        self.scheduled = False
