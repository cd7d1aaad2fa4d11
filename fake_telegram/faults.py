"""Failure simulation: scripted errors and delays, and Telegram-like flood limits.

Everything time-related takes an injectable clock, so tests drive time instead of sleeping.
"""

from __future__ import annotations

import math
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from fake_telegram.errors import ApiError, default_description, too_many_requests

# Methods that post a new message somewhere: the ones Telegram's flood control counts.
SENDING_METHODS = frozenset(
    {
        "sendmessage",
        "sendphoto",
        "senddocument",
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
        "sendinvoice",
        "sendpaidmedia",
        "copymessage",
        "copymessages",
        "forwardmessage",
        "forwardmessages",
    }
)


def method_key(name: str) -> str:
    """Normalise ``sendMessage`` / ``send_message`` / ``SENDMESSAGE`` to one key."""
    return name.replace("_", "").lower()


class ManualClock:
    """A clock tests move by hand: ``clock()`` reads it, ``clock.advance(s)`` moves it."""

    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class FailureRule:
    """Answer the next ``times`` matching calls with an error instead of running them."""

    method: str  # method_key()
    error: ApiError
    times: int = 1
    chat_id: int | str | None = None


@dataclass
class DelayRule:
    method: str
    seconds: float
    times: int = 1


class FaultPlan:
    """Scripted failures and delays, consumed in the order they were added."""

    def __init__(self) -> None:
        self.failures: list[FailureRule] = []
        self.delays: list[DelayRule] = []

    def add_failure(
        self,
        method: str,
        error_code: int,
        description: str | None = None,
        *,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
        times: int = 1,
        chat_id: int | str | None = None,
    ) -> FailureRule:
        error = ApiError(
            error_code,
            description or default_description(error_code, retry_after),
            retry_after=retry_after,
            migrate_to_chat_id=migrate_to_chat_id,
        )
        rule = FailureRule(method_key(method), error, times, chat_id)
        self.failures.append(rule)
        return rule

    def take_failure(self, method: str, chat_id: int | None) -> ApiError | None:
        """The error for this call, if a rule matches (using up one of its times)."""
        key = method_key(method)
        for rule in self.failures:
            if rule.method != key:
                continue
            if rule.chat_id is not None and rule.chat_id != chat_id:
                continue
            rule.times -= 1
            if rule.times <= 0:
                self.failures.remove(rule)
            return rule.error
        return None

    def add_delay(self, method: str, seconds: float, times: int = 1) -> None:
        self.delays.append(DelayRule(method_key(method), seconds, times))

    def take_delay(self, method: str) -> float:
        key = method_key(method)
        for rule in self.delays:
            if rule.method == key:
                rule.times -= 1
                if rule.times <= 0:
                    self.delays.remove(rule)
                return rule.seconds
        return 0.0


@dataclass
class LimitStats:
    """How many sends the rate limiter let through or refused, by method."""

    accepted: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)

    @property
    def total_accepted(self) -> int:
        return sum(self.accepted.values())

    @property
    def total_rejected(self) -> int:
        return sum(self.rejected.values())


class _Window:
    """Timestamps of accepted sends inside a sliding window."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit, self.seconds = limit, seconds
        self.stamps: deque[float] = deque()

    def wait_needed(self, now: float) -> float:
        while self.stamps and self.stamps[0] <= now - self.seconds:
            self.stamps.popleft()
        if len(self.stamps) < self.limit:
            return 0.0
        return self.stamps[0] + self.seconds - now


class RateLimits:
    """Telegram's published flood limits, enforced with sliding windows.

    About 30 messages per second overall, 20 per minute into one group, and one per second
    into one chat. A refused send does not use up quota; the 429 carries ``retry_after``: the
    whole seconds until the tightest window frees a slot.
    """

    def __init__(
        self,
        global_per_sec: int = 30,
        per_group_per_min: int = 20,
        per_chat_per_sec: int = 1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        self.global_per_sec = global_per_sec
        self.per_group_per_min = per_group_per_min
        self.per_chat_per_sec = per_chat_per_sec
        self.stats = LimitStats()
        self._global = _Window(global_per_sec, 1.0)
        self._chats: dict[int, _Window] = {}
        self._groups: dict[int, _Window] = {}

    def check(self, method: str, chat_id: int, is_group: bool) -> None:
        """Record one send, or raise 429 if a limit is exhausted."""
        now = self.clock()
        windows = [
            self._global,
            self._chats.setdefault(chat_id, _Window(self.per_chat_per_sec, 1.0)),
        ]
        if is_group:
            windows.append(self._groups.setdefault(chat_id, _Window(self.per_group_per_min, 60.0)))
        wait = max(window.wait_needed(now) for window in windows)
        if wait > 0:
            self.stats.rejected[method] += 1
            raise too_many_requests(max(1, math.ceil(wait)))
        for window in windows:
            window.stamps.append(now)
        self.stats.accepted[method] += 1
