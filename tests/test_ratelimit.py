"""The sliding-window rate limiter, in virtual time: what Telegram's limits allow, never more."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections import defaultdict

import pytest
from telegram.error import RetryAfter

from bench.digest_bench import max_in_window
from handlers.ratelimit import PER_CHAT, TelegramRateLimiter


class VirtualTime:
    """A clock and a sleep for many coroutines: time jumps to the next wake-up once every
    coroutine is waiting, so minutes of limiting run in milliseconds."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future]] = []
        self._order = itertools.count()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), next(self._order), future))
        await future

    async def run(self, tasks: list[asyncio.Task]) -> None:
        for _ in range(1_000_000):  # bounded
            for _ in range(20):  # let every runnable coroutine reach its next sleep
                await asyncio.sleep(0)
            if all(t.done() for t in tasks):
                return
            if not self._sleepers:
                continue
            wake, _n, future = heapq.heappop(self._sleepers)
            self.now = max(self.now, wake)
            future.set_result(None)
        raise AssertionError("virtual time did not finish")


async def send_all(limiter: TelegramRateLimiter, vt: VirtualTime, chats: list[int], per_chat):
    sent: list[tuple[float, int]] = []

    async def one(chat: int) -> None:
        async def callback():
            sent.append((vt.now, chat))
            return True

        await limiter.process_request(
            callback, (), {}, "sendMessage", {"chat_id": chat}, PER_CHAT if per_chat else None
        )

    tasks = [asyncio.create_task(one(chat)) for chat in chats]
    await vt.run(tasks)
    return sent


async def test_global_rate_never_exceeds_30_per_second_and_stays_close_to_it() -> None:
    vt = VirtualTime()
    limiter = TelegramRateLimiter(per_second=30, clock=vt.clock, sleep=vt.sleep)
    sent = await send_all(limiter, vt, list(range(1, 601)), per_chat=True)
    times = [t for t, _ in sent]
    assert len(sent) == 600
    assert max_in_window(sorted(times), 1.0) <= 30
    duration = max(times) - min(times)
    assert 600 / 30 * 0.9 <= duration + 1 <= 600 / 30 / 0.9  # within 10 % of the allowed rate


async def test_groups_get_20_per_minute_and_chats_one_per_second() -> None:
    vt = VirtualTime()
    limiter = TelegramRateLimiter(per_second=30, clock=vt.clock, sleep=vt.sleep)
    chats = [-100] * 45 + [7] * 5 + list(range(1000, 1100))
    sent = await send_all(limiter, vt, chats, per_chat=True)
    by_chat: dict[int, list[float]] = defaultdict(list)
    for t, chat in sent:
        by_chat[chat].append(t)
    assert len(by_chat[-100]) == 45 and max_in_window(sorted(by_chat[-100]), 60.0) <= 20
    assert max_in_window(sorted(by_chat[7]), 1.0) == 1
    # the group's wait does not hold up the other chats
    others = [t for t, chat in sent if chat >= 1000]
    assert max(others) < 10


async def test_replies_are_not_held_to_one_per_second_and_reads_are_free() -> None:
    vt = VirtualTime()
    limiter = TelegramRateLimiter(per_second=30, clock=vt.clock, sleep=vt.sleep)
    sent = await send_all(limiter, vt, [7] * 10, per_chat=False)
    assert max(t for t, _ in sent) == 0.0  # a user's burst of replies goes out at once

    calls = []

    async def callback():
        calls.append(vt.now)
        return True

    for _ in range(100):
        await limiter.process_request(callback, (), {}, "getChatMember", {"chat_id": -5}, None)
    assert len(calls) == 100 and limiter.stats.limited == 10


async def test_a_hung_send_does_not_stop_everyone_else() -> None:
    limiter = TelegramRateLimiter(per_second=2)
    hang = asyncio.Event()
    sent: list[int] = []

    async def stuck():
        await hang.wait()
        return True

    async def quick(chat: int):
        async def callback():
            sent.append(chat)
            return True

        return await limiter.process_request(
            callback, (), {}, "sendMessage", {"chat_id": chat}, None
        )

    blocked = asyncio.create_task(
        limiter.process_request(stuck, (), {}, "sendMessage", {"chat_id": 1}, None)
    )
    await asyncio.sleep(0)
    await asyncio.wait_for(asyncio.gather(quick(2), quick(3)), 5)
    assert sent == [2, 3]
    hang.set()
    assert await blocked


# -- 429: one pause for every send, replies sent again ---------------------------------------
def refusing(vt: VirtualTime, log: list[tuple[float, int, str]], chat: int, refusals: list[int]):
    """A send into ``chat`` that Telegram answers 429 (retry after each of ``refusals``) first."""

    async def callback():
        if refusals:
            seconds = refusals.pop(0)
            log.append((vt.now, chat, "429"))
            raise RetryAfter(seconds)
        log.append((vt.now, chat, "ok"))
        return True

    return callback


async def test_a_reply_refused_with_429_waits_the_pause_and_is_sent_again() -> None:
    vt = VirtualTime()
    limiter = TelegramRateLimiter(per_second=30, clock=vt.clock, sleep=vt.sleep)
    log: list[tuple[float, int, str]] = []

    async def reply(chat: int, refusals: list[int], after: float = 0.0):
        await vt.sleep(after)
        return await limiter.process_request(
            refusing(vt, log, chat, refusals), (), {}, "sendMessage", {"chat_id": chat}, None
        )

    first = asyncio.create_task(reply(7, [5]))
    other = asyncio.create_task(reply(8, [], after=2.0))  # another chat, during the pause
    await vt.run([first, other])
    assert first.result() is True and other.result() is True
    assert log == [(0.0, 7, "429"), (5.0, 7, "ok"), (5.0, 8, "ok")]
    assert (limiter.stats.refused, limiter.stats.retried) == (1, 1)


async def test_a_digest_429_is_handed_back_and_pauses_every_send() -> None:
    vt = VirtualTime()
    limiter = TelegramRateLimiter(per_second=30, clock=vt.clock, sleep=vt.sleep)
    log: list[tuple[float, int, str]] = []

    async def digest():
        await limiter.process_request(
            refusing(vt, log, -100, [9]), (), {}, "sendMessage", {"chat_id": -100}, PER_CHAT
        )

    task = asyncio.create_task(digest())
    await vt.run([task])
    with pytest.raises(RetryAfter):
        task.result()  # the deliverer counts and records the try
    reply = asyncio.create_task(
        limiter.process_request(
            refusing(vt, log, 7, []), (), {}, "sendMessage", {"chat_id": 7}, None
        )
    )
    await vt.run([reply])
    assert log == [(0.0, -100, "429"), (9.0, 7, "ok")]


async def test_a_reply_refused_again_and_again_gives_up() -> None:
    vt = VirtualTime()
    limiter = TelegramRateLimiter(per_second=30, clock=vt.clock, sleep=vt.sleep, reply_retries=2)
    log: list[tuple[float, int, str]] = []
    task = asyncio.create_task(
        limiter.process_request(
            refusing(vt, log, 7, [1, 1, 1, 1]), (), {}, "sendMessage", {"chat_id": 7}, None
        )
    )
    await vt.run([task])
    with pytest.raises(RetryAfter):
        task.result()
    assert [t for t, _chat, what in log] == [0.0, 1.0, 2.0]  # three tries, a pause after each


async def test_replies_take_global_places_without_waiting_and_digests_leave_them_room() -> None:
    vt = VirtualTime()
    limiter = TelegramRateLimiter(per_second=30, clock=vt.clock, sleep=vt.sleep)
    replies = await send_all(limiter, vt, list(range(1, 41)), per_chat=False)
    assert max(t for t, _ in replies) == 0.0  # 40 replies at once: none waits
    digests = await send_all(limiter, vt, list(range(100, 130)), per_chat=True)
    # the window is full of replies: the digests wait for them to leave it
    assert min(t for t, _ in digests) >= 1.0
    assert max_in_window(sorted(t for t, _ in replies + digests if t > 0), 1.0) <= 30


async def test_bulk_sends_take_the_global_window_largest_backlog_first() -> None:
    """A busy group's message (its chat still has many to get) goes before private chats'
    waiting for the global window; equal backlogs keep their order."""
    from handlers.ratelimit import _Turns

    turns, order, lined_up = _Turns(), [], asyncio.Event()

    async def take(name: str, backlog: int) -> None:
        async with turns.turn(backlog):
            order.append(name)
            if name == "first":
                await lined_up.wait()  # it holds the turn while the others line up

    first = asyncio.create_task(take("first", 0))
    await asyncio.sleep(0)
    waiting = [
        asyncio.create_task(take(n, b))
        for n, b in (("a", 0), ("busy group", 30), ("b", 0), ("two", 1))
    ]
    await asyncio.sleep(0)
    lined_up.set()
    await asyncio.gather(first, *waiting)
    assert order == ["first", "busy group", "two", "a", "b"]
