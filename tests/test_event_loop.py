"""Nothing blocks the event loop: the bot's chats, admin commands and digests, end to end,
in asyncio debug mode.

The real PTB ``Application`` polls the fake Bot API server with a SQLite file database
(saved queries, subscriptions, deliveries, admins, audit log, settings) while the loop
runs in debug mode, and every step of the loop is timed in the loop thread's CPU time:
the test fails on any step that computes for 50 ms or more. Wall time would count the
time the process waits for a core on a loaded machine (a 20 ms step took 70 ms at load
6 on two cores); a step that blocks without computing (a sleep, a lock, a network
wait) is caught by asyncio's own warning at ``slow_callback_duration = 1 s`` of wall
time, far above any preemption. A SQLAlchemy hook also records every statement
executed on the loop's own thread, which must be none: a database call is cheap on
SQLite, but on a server database it would stall every chat.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from bot.config import PROJECT_ROOT, Settings
from bot.library import Engine
from bot.storage.db import Database
from bot.storage.queries import QueryStore
from fake_telegram import FakeBotApi, User
from handlers.context import services_of
from handlers.i18n import tr
from tests import e2e
from tests.e2e import ask, ask_inline, buttons, serving

SLOW_CPU = 0.05
BLOCKED_WALL = 1.0


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """This module's own engine (``/config set`` changes its runtime values), its
    corrector loaded before the measured run (the fake server: ``server`` of
    tests/e2e.py)."""
    data = tmp_path_factory.mktemp("loop-data")
    engine = Engine.open(Settings(corpus_dir=PROJECT_ROOT / "corpus", data_dir=data))
    engine.searcher.lexicon  # noqa: B018 - loaded now, not inside the measured run
    return engine


class SlowCallbacks(logging.Handler):
    """asyncio's "Executing … took …" warnings, as they are logged, and the steps whose
    callback computed for ``SLOW_CPU`` or more of the loop thread's CPU time."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.slow: list[str] = []
        self.computing: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Executing ") and " took " in message:
            self.slow.append(message)


@contextmanager
def cpu_timed(handler: SlowCallbacks) -> Iterator[None]:
    """Every step of the loop (``asyncio.Handle._run``: a callback, a task's step) timed
    in thread CPU time; those of ``SLOW_CPU`` or more recorded in ``handler.computing``."""
    run = asyncio.Handle._run

    def timed(self: asyncio.Handle) -> None:
        start = time.thread_time()
        run(self)
        spent = time.thread_time() - start
        if spent >= SLOW_CPU:
            handler.computing.append(f"{self!r} computed for {spent * 1000:.0f} ms")

    asyncio.Handle._run = timed  # type: ignore[method-assign]
    try:
        yield
    finally:
        asyncio.Handle._run = run  # type: ignore[method-assign]


@contextmanager
def loop_debug(loop: asyncio.AbstractEventLoop) -> Iterator[SlowCallbacks]:
    """Debug mode while the block runs: steps computing 50 ms or more, and steps
    blocking the loop for a second, are recorded."""
    handler = SlowCallbacks()
    log = logging.getLogger("asyncio")
    log.addHandler(handler)
    old_debug, old_slow = loop.get_debug(), loop.slow_callback_duration
    # Objects made so far (the engine, the libraries) are never garbage, so a collection
    # of the oldest generation does not walk them while a callback runs.
    gc.collect()
    gc.freeze()
    loop.set_debug(True)
    loop.slow_callback_duration = BLOCKED_WALL
    try:
        with cpu_timed(handler):
            yield handler
    finally:
        loop.set_debug(old_debug)
        loop.slow_callback_duration = old_slow
        gc.unfreeze()
        log.removeHandler(handler)


@contextmanager
def statements_on(thread_id: int, database: Database) -> Iterator[list[str]]:
    """Every SQL statement executed on thread ``thread_id`` (the loop's) while open."""
    on_loop: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.get_ident() == thread_id:
            on_loop.append(statement.split("\n", 1)[0][:80])

    event.listen(database.engine, "before_cursor_execute", before)
    try:
        yield on_loop
    finally:
        event.remove(database.engine, "before_cursor_execute", before)


def build(server: FakeBotApi, engine: Engine, database: Database, owner: User) -> Any:
    """The application (built before the loop runs it, as ``briefbot run`` does)."""
    settings = engine.settings.model_copy(update={"owners": [owner.id], "flood_burst": 200})
    return e2e.build(server, engine, settings, query_store=QueryStore(database), database=database)


@pytest.mark.fake_bot(inline_mode=True)
async def test_no_callback_blocks_the_loop_and_no_sql_runs_on_it(
    server: FakeBotApi, engine: Engine, tmp_path: Path
) -> None:
    loop = asyncio.get_running_loop()
    database = Database.open(url=f"sqlite:///{tmp_path / 'loop.db'}")
    try:
        owner = server.add_user("Olga", username="olga_owner")
        alice = server.add_user("Alice", username="alice")
        group = server.add_chat("group", "Policy group")
        server.set_member(group, alice, "administrator")
        app = build(server, engine, database, owner)
        with (
            loop_debug(loop) as slow,
            statements_on(threading.get_ident(), database) as on_loop,
        ):
            async with serving(app):
                await _chat_flows(server, app, owner, alice, group)
        assert on_loop == [], f"SQL on the event loop: {on_loop}"
        assert slow.computing == [], "steps computing 50 ms or more:\n" + "\n".join(slow.computing)
        assert slow.slow == [], "steps blocking the loop for 1 s:\n" + "\n".join(slow.slow)
    finally:
        database.close()


async def _chat_flows(server: FakeBotApi, app: Any, owner: User, alice: User, group: Any) -> None:
    # Searching: plain text, /search, a typo, the buttons.
    first = await ask(server, alice, alice, "地区生产总值")
    assert "地区生产总值" in first.message["text"]
    await ask(server, alice, alice, "/search 营商环竟")
    await server.press_button(first.message, buttons(first.message)["下一页 ▶"], alice)
    page2 = (await server.next_call("editMessageText", chat=alice)).message
    await server.press_button(
        page2, next(v for k, v in buttons(page2).items() if "全文" in k), alice
    )
    await server.next_call("sendMessage", chat=alice)
    # Inline mode: a page and the next (the user's place read from the database).
    inline = await ask_inline(server, alice, "地区生产总值 目标")
    await ask_inline(server, alice, "地区生产总值 目标", offset=inline["next_offset"])
    # Documents and targets.
    for text in ("/docs", "/doc 004", "/targets GDP", "/compare 地区生产总值", "/help"):
        await ask(server, alice, alice, text)
    # Subscriptions, in a private chat and a group (getChatMember), and a preview.
    subscribed = await ask(server, alice, alice, "/subscribe GDP 08:00")
    assert "#" in subscribed.message["text"]
    await ask(server, group, alice, "/subscribe 就业 09:00")
    for text in ("/subscriptions", "/timezone Europe/Berlin", "/digest", "/unsubscribe 2"):
        await ask(server, alice, alice, text)
    # Admin commands: refused for a user, then the owner's.
    refused = await ask(server, alice, alice, "/status")
    assert refused.message["text"].split("\n") == [
        tr("zh", "admin.refused"),
        tr("zh", "admin_owner.how_unnamed", me="@alice"),  # the owner not seen yet
    ]
    for text in (
        "/admin add @alice",
        "/admin list",
        "/config set results_per_page 4",
        "/config reset results_per_page",
        "/subs",
        "/audit 5",
        "/status",
    ):
        await ask(server, owner, owner, text)
    # A digest through the scheduler's queue and the deliverer.
    await ask(server, owner, owner, "/broadcast_digest")
    await services_of(app).scheduler.drain()
    assert services_of(app).scheduler.outcomes["sent"] >= 1


async def test_a_step_that_computes_is_caught_and_waiting_for_a_core_is_not() -> None:
    # The measure itself: thread CPU time, so a busy step is recorded whatever the load,
    # and a step that only waits (here, a cheap one) never is.
    def busy() -> None:
        start = time.thread_time()
        while time.thread_time() - start < SLOW_CPU * 1.2:
            pass

    handler = SlowCallbacks()
    with cpu_timed(handler):
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        loop.call_soon(busy)
        loop.call_soon(done.set_result, None)
        await done
    assert len(handler.computing) == 1 and "busy" in handler.computing[0]
