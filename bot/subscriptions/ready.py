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
EARLY = 0.04
"""A chat with more messages to come counts as ready this many seconds before its window
opens: its next message lines up for the global window meanwhile (the Telegram layer's
rate limiter allows up to 0.05 s)."""


class ReadyQueueMixin:
    """The ready queue for the digest scheduler (what it provides is declared below)."""

    deliverer: Deliverer
    workers: int
    monotonic: Callable[[], float]
    timer: Callable[[float], Awaitable[None]] | None
    _chats: dict[int, ChatQueue]
    _heap: list[tuple[float, int, int]]
    _due: list[tuple[int, int, int]]
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
        """Chats whose time has come are checked against the sender's windows: still
        closed, a chat goes back into the time heap for when they open (holding nothing
        meanwhile); open, it joins the due heap, largest backlog first. While fewer than
        ``workers`` sends are in flight, the next message of the first due chat starts."""
        assert self._wake is not None
        loop = asyncio.get_running_loop()
        while True:
            self._wake.clear()
            now = self.monotonic()
            while self._heap and self._heap[0][0] <= now:
                _at, _seq, chat = heapq.heappop(self._heap)
                state = self._chats.get(chat)
                if state is None or state.busy or not state.queue:
                    if state is not None:
                        state.scheduled = False
                    continue
                delay = self._ready_in(state.queue[0].chat_id)
                backlog = sum(len(p.payload.messages) - len(p.ids) for p in state.queue)
                # a chat with more to come is handed over a little early: it lines up for
                # the global window while its own opens (the rate limiter's ``EARLY``)
                if delay > (EARLY if backlog > 1 else READY_SLACK):
                    heapq.heappush(self._heap, (now + delay, next(self._seq), chat))
                    continue
                # What the chat still has to get: the more, the sooner its turn (a busy
                # group's windows bind; a private chat's single digest can go any time).
                heapq.heappush(self._due, (-backlog, next(self._seq), chat))
            while self._due and self._in_flight < self.workers:
                negative, _seq, chat = heapq.heappop(self._due)
                state = self._chats.get(chat)
                if state is None:
                    continue
                state.scheduled = False
                if state.busy or not state.queue:
                    continue
                pending = state.queue[0]
                pending.backlog = -negative - 1  # after this one (the global window's turn)
                state.busy = True
                self._in_flight += 1
                task = loop.create_task(self._send(chat, state, pending))
                self._background.add(task)
                task.add_done_callback(self._background.discard)
            timeout = max(0.0, self._heap[0][0] - now) if self._heap else None
            if timeout is None or (self._due and self._in_flight >= self.workers):
                await self._wake.wait()  # a send ends (a worker is free) or a chat is added
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
