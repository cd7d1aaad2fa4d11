"""Searches from different users do not queue behind one user's heavy work (issue 14, #1).

``bot.blocking.FairExecutor`` gives each user a queue, lets users take turns and runs
at most one job per user; the bot runs searches there (``Blocking.search``). The
tests hold a search open with an event (never a sleep) and check who is served while
it is held: the executor alone, then the real bot against the fake Bot API.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from bot.blocking import FairExecutor
from bot.config import PROJECT_ROOT, Settings
from bot.library import Engine
from handlers.context import services_of
from tests.e2e import build, serving

WAIT = 10.0  # seconds: a bound on event waits, never reached when things work


def test_users_take_turns_and_one_user_runs_one_job_at_a_time():
    pool = FairExecutor(1)
    hold = threading.Event()
    order: list[str] = []

    def job(name: str, gate: threading.Event | None = None) -> str:
        order.append(name)
        if gate is not None:
            assert gate.wait(WAIT)
        return name

    first = pool.submit_for("eve", job, "eve1", hold)
    assert pool.wait_until(lambda: pool.pending("eve") == 0, WAIT)  # eve1 is running
    rest = [pool.submit_for("eve", job, f"eve{n}") for n in (2, 3, 4)]
    others = [pool.submit_for("bob", job, "bob1"), pool.submit_for("carol", job, "carol1")]
    rest.append(pool.submit_for("eve", job, "eve5"))
    hold.set()
    assert [f.result(WAIT) for f in (first, *rest, *others)]
    # bob and carol were served right after eve's running job, before eve's queue
    assert order == ["eve1", "bob1", "carol1", "eve2", "eve3", "eve4", "eve5"]
    pool.shutdown()


def test_a_user_with_a_job_running_leaves_the_other_threads_to_everyone_else():
    pool = FairExecutor(2)
    hold = threading.Event()
    started = threading.Event()

    def heavy() -> None:
        started.set()
        assert hold.wait(WAIT)

    eve = [pool.submit_for("eve", heavy) for _ in range(8)]
    assert started.wait(WAIT)
    # eve's other seven wait for her first; bob is served meanwhile
    assert pool.submit_for("bob", lambda: "bob").result(WAIT) == "bob"
    assert pool.pending("eve") == 7 and not any(f.done() for f in eve)
    hold.set()
    for f in eve:
        f.result(WAIT)
    pool.shutdown()


def test_exceptions_and_shutdown():
    pool = FairExecutor(2)

    def boom() -> None:
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        pool.submit_for(1, boom).result(WAIT)
    assert pool.submit(lambda: 5).result(WAIT) == 5
    pool.shutdown()
    with pytest.raises(RuntimeError):
        pool.submit(lambda: 1)


# -- the bot -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def engine_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("fair-data")
    Engine.open(Settings(corpus_dir=PROJECT_ROOT / "corpus", data_dir=data))
    return data


HEAVY = [f"乡村振星{'高质发展' * n}" for n in range(8)]  # eight different messages


async def test_one_users_burst_does_not_delay_another_users_search(engine_dir, server, monkeypatch):
    engine = Engine.open(Settings(corpus_dir=PROJECT_ROOT / "corpus", data_dir=engine_dir))
    hold = threading.Event()
    eve_started = threading.Event()
    real_search = engine.search

    def search(text: str, **kwargs):
        if text in HEAVY:  # Eve's costly searches: held until the test lets them go
            eve_started.set()
            assert hold.wait(WAIT)
        return real_search(text, **kwargs)

    monkeypatch.setattr(engine, "search", search)
    app = build(server, engine)
    pool = services_of(app).blocking.searches
    try:
        async with serving(app):
            eve, bob = server.add_user("Eve"), server.add_user("Bob")
            for text in HEAVY:  # eight at once, within the default flood burst
                await server.send_message(eve, eve, text)
            assert await asyncio.to_thread(eve_started.wait, WAIT)
            assert await asyncio.to_thread(pool.wait_until, lambda: pool.pending(eve.id) == 7, WAIT)
            await server.send_message(bob, bob, "乡村振兴")
            reply = await server.next_call("sendMessage", chat=bob)
            assert "乡村振兴" in reply.text
            # Bob was answered while Eve's first search was still running
            assert not hold.is_set() and pool.pending(eve.id) == 7
            assert not server.bot_messages(eve)
            hold.set()
            for _ in HEAVY:
                await server.next_call("sendMessage", chat=eve)
    finally:
        hold.set()
