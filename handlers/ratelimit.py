"""The one place for Telegram's flood limits: a PTB ``BaseRateLimiter`` with sliding
windows and the 429 pause, for replies and digests alike.

Telegram answers 429 beyond about 30 messages per second overall, 20 per minute into
one group or channel, and (for bursts into one chat) one per second. PTB's
``AIORateLimiter`` is a leaky bucket: after an idle spell it lets a full burst through
and then keeps the average, which a sliding window (what Telegram and our fake server
count) refuses. This limiter reserves a send time for each message so that no window
of any length ``period`` ever holds more than ``rate`` sends, with a small margin for
network jitter.

Only message-sending methods are limited (``sendMessage``, ``sendDocument``, …); reading,
editing and answering callbacks are not. The one-per-second per-chat window and the
wait for a global slot apply to bulk sends, which ask for them with
``rate_limit_args=PER_CHAT`` (scheduled digests): Telegram's 30 per second is the limit
for bulk notifications. A user's own replies are not slowed down by either: they take
their place in the global window (so digests leave room for them) without waiting for
it, and keep to the per-group window. Replies come at the pace of users, each chat held
to its flood limit (:class:`FloodLimiter`); were Telegram to refuse one, the 429 pause
below holds every send and the reply is sent again. Measured with
``bench/bot_bench.py`` (200 users, about 20 replies per second on average): replies
waiting for the global window had p99 250 ms and max 600 ms, because the users'
messages bunch above 30 in some seconds.

Windows are stamped with the time a send *completed* (its response arrived), not when
it was planned: Telegram received it before that, so a send started one period after
the completion of the send ``rate`` places earlier can never land inside the same
window, however late the event loop woke up or the network delivered. A request waits
for its chat's windows (holding that chat's lock, so other chats are not held up and
its messages stay in order), then for a global slot: the oldest of the last ``rate``
sends must have completed at least one period ago.

Digests do not wait for their chat's windows here, in practice: the digest scheduler
asks :meth:`TelegramRateLimiter.bulk_delay` first and hands a message over only when
its chat's windows are open (``bot.subscriptions.ready``), so that no worker waits on
one chat while others are ready. Digest messages say how many more their chat still
has to get (:class:`Bulk`, ``rate_limit_args``): bulk sends waiting for the global
window go largest backlog first, and one with more to come may line up for it up to
``EARLY`` seconds before its chat's window opens. A busy group, whose windows allow one
message a second and 20 a minute, then loses no time queueing behind chats that could
go any time (issue 14: a busy group's 35 messages within 97% of the least possible time
while the global window was full; 76% before).

A 429 (``RetryAfter``) pauses every send, replies and digests, for ``retry_after``
seconds: Telegram says the bot as a whole must wait. A reply is then sent again by the
limiter (at most ``reply_retries`` times; after that the handler gets the error); a
digest message (``rate_limit_args=PER_CHAT``) is handed back to the deliverer, which
counts and records its tries (``bot.subscriptions.delivery``) and sends it again through
here, after the pause.

Measured (``bench/digest_bench.py``): stamping planned times with a 5 % margin let
event-loop lag bunch sends (342 refusals with 429 in 13,000 messages, 86 % of the
allowed rate); completion stamps with a 1 % margin gave no 429 and 96 %. A chat's and a
group's windows need no margin (``chat_margin``): one send at a time holds the chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
import time
import warnings
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.text.html_lines import TELEGRAM_LIMIT, fit_message, utf16_len

logger = logging.getLogger(__name__)

EARLY = 0.05
"""A digest message of a chat with more to come may line up for the global window this
many seconds before its chat's window opens (the scheduler hands it over that early)."""

PER_CHAT = "per_chat"
"""``rate_limit_args`` value (digests): also keep to one message per second in this chat,
and hand a 429 back to the caller instead of sending again."""

TEXT_ENDPOINTS = frozenset({"sendmessage", "editmessagetext"})
"""Requests whose ``text`` Telegram refuses beyond 4,096 UTF-16 units."""


def fit_text(endpoint: str, data: dict[str, Any]) -> None:
    """Cut an outgoing message's ``text`` to Telegram's limit, in place (with a warning).

    The last resort for every reply path: handlers split what is meant to be long
    (``handlers.format.html.split_html``); a text that still gets here too long (a user's
    4,000-character argument echoed back, say) is cut rather than refused by Telegram.
    """
    text = data.get("text")
    if endpoint.lower() not in TEXT_ENDPOINTS or not isinstance(text, str):
        return
    if utf16_len(text) <= TELEGRAM_LIMIT:
        return
    html = str(data.get("parse_mode") or "").upper() == "HTML"
    data["text"] = fit_message(text, html=html)
    logger.warning(
        "%s: a text of %d UTF-16 units was cut to Telegram's %d",
        endpoint,
        utf16_len(text),
        TELEGRAM_LIMIT,
    )


@dataclass(frozen=True, slots=True)
class Bulk:
    """``rate_limit_args`` of a digest message, as :data:`PER_CHAT`, with its chat's
    ``backlog``: how many more messages that chat still has to get. Bulk sends waiting
    for the global window go largest backlog first (then in order), so that a busy
    group, whose own windows allow only one message a second and 20 a minute, is not
    held up behind chats that could go any time."""

    backlog: int = 0


def _bulk(rate_limit_args: Any) -> Bulk | None:
    if isinstance(rate_limit_args, Bulk):
        return rate_limit_args
    return Bulk() if rate_limit_args == PER_CHAT else None


SENDING_ENDPOINTS = frozenset(
    {
        "sendmessage",
        "senddocument",
        "sendphoto",
        "sendaudio",
        "sendvideo",
        "sendanimation",
        "sendvoice",
        "sendvideonote",
        "sendmediagroup",
        "sendlocation",
        "sendvenue",
        "sendcontact",
        "sendpoll",
        "senddice",
        "sendsticker",
        "copymessage",
        "copymessages",
        "forwardmessage",
        "forwardmessages",
    }
)


@dataclass(eq=False)
class _InFlight:
    """A send holding one of the global window's places: its time (planned, then completed)."""

    t: float
    done: asyncio.Event


class _Window:
    """The last ``rate`` reserved send times of a sliding window of ``period`` seconds."""

    __slots__ = ("period", "rate", "stamps")

    def __init__(self, rate: int, period: float) -> None:
        self.rate = rate
        self.period = period
        self.stamps: deque[float] = deque(maxlen=rate)

    def earliest(self, t: float) -> float:
        """The first time at or after ``t`` this window has room for one more send."""
        if len(self.stamps) < self.rate:
            return t
        return max(t, self.stamps[0] + self.period)

    def stamp(self, t: float) -> None:
        self.stamps.append(t)

    def idle(self, now: float) -> bool:
        return not self.stamps or self.stamps[-1] <= now - self.period


def retry_after_seconds(exc: RetryAfter) -> float:
    """A 429's ``retry_after`` in seconds (PTB 22.2+ warns on reading it as an int unless
    PTB_TIMEDELTA is set; both forms work)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


@dataclass
class LimiterStats:
    limited: int = 0
    waited: int = 0
    wait_seconds: float = 0.0
    refused: int = 0  # answered 429
    retried: int = 0  # replies sent again after a 429 pause


class TelegramRateLimiter(BaseRateLimiter[str]):
    """Global, per-group and (on request) per-chat sliding windows; see the module docstring.

    ``margin`` widens the global window by that fraction so that sends reserved exactly
    one period apart still land apart after network jitter. ``chat_margin`` does the same
    for a chat's and a group's windows; none is needed there: one send at a time holds
    the chat's lock, and the next may start only a period after the previous one's
    answer came back, so after Telegram counted it (issue 14: the margin cost a busy
    group 0.6 s a minute). ``reply_retries``: how many times a reply refused with 429 is
    sent again after the pause.
    """

    def __init__(
        self,
        *,
        per_second: float = 30,
        group_per_minute: float = 20,
        chat_per_second: float = 1,
        margin: float = 0.01,
        chat_margin: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        max_chats: int = 20_000,
        reply_retries: int = 3,
    ) -> None:
        self._global = _rate_window(per_second, 1.0, margin)
        self._recent: deque[_InFlight] = deque(maxlen=self._global.rate)
        self._global_turn = _Turns()
        self._group_rate = group_per_minute
        self._chat_rate = chat_per_second
        self._margin = chat_margin
        self.clock = clock
        self.sleep = sleep
        self._max_chats = max_chats
        self._groups: dict[int | str, _Window] = {}
        self._chats: dict[int | str, _Window] = {}
        self._locks: dict[int | str, asyncio.Lock] = {}
        self._paused_until = -1.0
        self.reply_retries = reply_retries
        self.stats = LimiterStats()

    def pause(self, seconds: float) -> None:
        """Hold every send for ``seconds`` from now (Telegram answered 429)."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    async def _pause_over(self) -> None:
        # Bounded: each pass sleeps the remaining pause, which only grows on a new 429.
        for _ in range(100):
            remaining = self._paused_until - self.clock()
            if remaining <= 0:
                return
            await self.sleep(remaining)

    def bulk_delay(self, chat_id: int | str) -> float:
        """Seconds until a bulk send (``rate_limit_args=PER_CHAT``) into ``chat_id`` would
        pass the pause and the chat's windows (its per-chat and, for a group, per-group
        window); 0 when it would now. Not the global window: any ready message may take
        the next global place. The digest scheduler asks this before it hands a message
        to a worker, so that no worker waits for a chat's window
        (``bot.subscriptions.scheduler``)."""
        chat = _chat_key(chat_id)
        now = self.clock()
        ready = max(now, self._paused_until)
        lock = self._locks.get(chat)
        if lock is not None and lock.locked():
            # A send into this chat is under way (a reply): its completion stamps the
            # windows, so look again a little later.
            ready = max(ready, now + 0.05)
        is_group = isinstance(chat, str) or chat < 0
        windows = [self._chats.get(chat)]
        if is_group:
            windows.append(self._groups.get(chat))
        for window in windows:
            if window is not None:
                ready = window.earliest(ready)
        return max(0.0, ready - now)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: str | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        fit_text(endpoint, data)  # the same dict as the request's (args)
        chat_id = data.get("chat_id")
        if chat_id is None or endpoint.lower() not in SENDING_ENDPOINTS:
            return await callback(*args, **kwargs)
        chat = _chat_key(chat_id)
        self.stats.limited += 1
        start = self.clock()
        is_group = isinstance(chat, str) or chat < 0
        lock = self._locks.get(chat)
        if lock is None:
            self._forget_idle(start)
            lock = self._locks[chat] = asyncio.Lock()
        bulk = _bulk(rate_limit_args)
        async with lock:  # held across the send: the chat's windows get its completion
            windows = []
            if is_group:
                windows.append(self._window(self._groups, chat, self._group_rate, 60.0))
            if bulk is not None:
                windows.append(self._window(self._chats, chat, self._chat_rate, 1.0))
            retries = 0 if bulk is not None else self.reply_retries
            for attempt in range(retries + 1):
                try:
                    return await self._send(callback, args, kwargs, windows, start, bulk)
                except RetryAfter as exc:
                    seconds = retry_after_seconds(exc)
                    self.stats.refused += 1
                    self.pause(seconds)
                    logger.warning("429 for chat %s: every send waits %.1f s", chat, seconds)
                    if attempt == retries:
                        raise
                    self.stats.retried += 1
            raise AssertionError("unreachable")

    async def _send(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        windows: list[_Window],
        start: float,
        bulk: Bulk | None,
    ) -> Any:
        """One send once the pause, the chat's windows and (bulk sends) the global window
        allow it."""
        await self._pause_over()
        now = self.clock()
        ready = max((w.earliest(now) for w in windows), default=now)
        if ready > now and bulk is not None and bulk.backlog and ready - now <= EARLY:
            # A chat with more to come (a busy group): line up for the global window while
            # its own window opens (a place held at most EARLY seconds; it is stamped at
            # completion like any other, so the global spacing holds).
            turn = asyncio.ensure_future(self._global_slot(bulk.backlog))
            try:
                await self.sleep(ready - now)
                entry = await turn
            except BaseException:
                turn.cancel()
                raise
        else:
            if ready > now:
                await self.sleep(ready - now)
            entry = await self._global_slot(bulk.backlog) if bulk else self._take_global_place()
        waited = self.clock() - start
        if waited > 0:
            self.stats.waited += 1
            self.stats.wait_seconds += waited
        try:
            return await callback(*args, **kwargs)
        finally:
            entry.t = done = self.clock()
            entry.done.set()
            for window in windows:
                window.stamp(done)

    def _take_global_place(self) -> _InFlight:
        """A place in the global window without waiting for one (replies)."""
        entry = _InFlight(self.clock(), asyncio.Event())
        self._recent.append(entry)
        return entry

    async def _global_slot(self, backlog: int = 0) -> _InFlight:
        """Wait until the oldest of the last ``rate`` sends completed a period ago (bulk
        sends take turns largest ``backlog`` first)."""
        recent, period = self._recent, self._global.period
        async with self._global_turn.turn(backlog):
            for _ in range(1_000):  # bounded; each pass waits for a completion or the time
                if len(recent) < (recent.maxlen or 0):
                    break
                oldest = recent[0]
                if not oldest.done.is_set():
                    # A hung request must not stop every send until its timeout: after a
                    # period it counts as completed now (the spacing still holds).
                    try:
                        await asyncio.wait_for(oldest.done.wait(), period)
                    except TimeoutError:
                        oldest.t = self.clock()
                        oldest.done.set()
                    continue
                wait = oldest.t + period - self.clock()
                if wait <= 0:
                    break
                await self.sleep(wait)
            entry = _InFlight(self.clock(), asyncio.Event())
            recent.append(entry)
            return entry

    def _window(
        self, table: dict[int | str, _Window], chat: int | str, rate: float, period: float
    ) -> _Window:
        window = table.get(chat)
        if window is None:
            window = table[chat] = _rate_window(rate, period, self._margin)
        return window

    def _forget_idle(self, now: float) -> None:
        """Bound memory: drop chats whose windows are empty again."""
        if len(self._locks) < self._max_chats:
            return
        for chat in list(self._locks):
            lock = self._locks[chat]
            if lock.locked():
                continue
            if all(t.get(chat) is None or t[chat].idle(now) for t in (self._groups, self._chats)):
                del self._locks[chat]
                self._groups.pop(chat, None)
                self._chats.pop(chat, None)


class _Turns:
    """A lock whose waiters get it highest priority first, then first come first served."""

    def __init__(self) -> None:
        self._held = False
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    @contextlib.asynccontextmanager
    async def turn(self, priority: int) -> AsyncIterator[None]:
        if self._held or self._waiters:
            future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            heapq.heappush(self._waiters, (-priority, next(self._seq), future))
            try:
                await future
            except asyncio.CancelledError:
                if future.done() and not future.cancelled():
                    self._release()  # handed the turn, then cancelled: pass it on
                raise
        else:
            self._held = True
        try:
            yield
        finally:
            self._release()

    def _release(self) -> None:
        while self._waiters:
            _priority, _seq, future = heapq.heappop(self._waiters)
            if not future.done():
                future.set_result(None)  # the turn passes on: still held
                return
        self._held = False


def _rate_window(rate: float, period: float, margin: float) -> _Window:
    """A window allowing ``rate`` sends per ``period`` as whole sends in a widened period.

    A fractional rate (0.5 per second) becomes one send per ``1 / rate`` seconds.
    """
    if rate >= 1:
        return _Window(int(rate), period * (1 + margin) * (int(rate) / rate))
    return _Window(1, period / rate * (1 + margin))


def _chat_key(chat_id: Any) -> int | str:
    try:
        return int(chat_id)
    except (TypeError, ValueError):
        return str(chat_id)


# -- the flood limit of incoming updates -------------------------------------------------------
@dataclass(slots=True)
class _Bucket:
    tokens: float
    stamp: float
    warned: bool = False


@dataclass
class FloodLimiter:
    """A token bucket per chat: ``burst`` requests at once, then ``rate_per_minute``."""

    rate_per_minute: float
    burst: int
    clock: Callable[[], float] = time.monotonic
    max_chats: int = 10_000
    # Chats never limited: the offline console's local user (handlers.console).
    exempt: set[int] = field(default_factory=set)
    _buckets: dict[int, _Bucket] = field(default_factory=dict, repr=False)

    @property
    def enabled(self) -> bool:
        return self.burst > 0

    def take(self, chat_id: int) -> tuple[bool, bool, float]:
        """Spend a token of ``chat_id``: (allowed, warn, seconds until the next token).

        ``warn`` is true only for the first refusal after an allowed request.
        """
        if not self.enabled or chat_id in self.exempt:
            return True, False, 0.0
        now = self.clock()
        rate = self.rate_per_minute / 60.0
        bucket = self._buckets.get(chat_id)
        if bucket is None:
            if len(self._buckets) >= self.max_chats:
                self._forget_idle(now, rate)
            bucket = self._buckets[chat_id] = _Bucket(float(self.burst), now)
        else:
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.stamp) * rate)
            bucket.stamp = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.warned = False
            return True, False, 0.0
        warn, bucket.warned = not bucket.warned, True
        return False, warn, (1.0 - bucket.tokens) / rate

    def _forget_idle(self, now: float, rate: float) -> None:
        """Drop the buckets that have refilled: they hold nothing a new bucket would not."""
        full = self.burst / rate
        for chat_id in [c for c, b in self._buckets.items() if now - b.stamp >= full]:
            del self._buckets[chat_id]
