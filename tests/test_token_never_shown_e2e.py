"""The bot token reaches no log line, reply, audit entry or crash report, also when the
Bot API fails: the bot against the fake server with every logger of the stack at DEBUG
(``httpx`` and ``httpcore`` log each request's URL, ``/bot<TOKEN>/method``; ``telegram``
its calls and errors; ``apscheduler`` its jobs), through a 5xx answered to a reply and
to polling and a network error whose message names the URL, as `briefbot run` sets
logging up (handlers first, then the redaction)."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select

from bot.storage import Database
from bot.storage.models import AuditRow
from bot.tokens import _FILTER, REDACTED, install_log_redaction
from tests.conftest import sqlite_only
from tests.e2e import ask_text, running
from tests.test_run_command import TOKEN

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db

LOGGERS = ("httpx", "httpcore", "telegram", "apscheduler", "handlers", "bot", "fake_telegram")


def everything_at_debug() -> None:
    for name in (*LOGGERS, ""):
        logging.getLogger(name).setLevel(logging.DEBUG)


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Every record of the stack at DEBUG, formatted with its traceback, as a run logs."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in (*LOGGERS, "")}
    root.addHandler(handler)
    everything_at_debug()
    installed = _FILTER in root.filters
    install_log_redaction()  # as the command line does, with no secret named: the shape
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        if not installed:
            root.removeFilter(_FILTER)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def _network_error_once(monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    """The next request for ``method`` fails in the transport, its message naming the URL
    (a proxy or resolver that echoes it)."""
    real = httpx.AsyncHTTPTransport.handle_async_request
    state = {"left": 1}

    async def failing(self, request: httpx.Request) -> httpx.Response:
        if state["left"] and request.url.path.endswith(f"/{method}"):
            state["left"] -= 1
            raise httpx.ConnectError(
                f"connection reset while calling {request.url}", request=request
            )
        return await real(self, request)

    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", failing)


async def apology_after_failure(server, user, text: str, *, failed: bool = True) -> str:
    """``user`` writes ``text``; the reply fails (answered with an error by the server, or
    never reaching it), and the next message is the bot's apology: its text."""
    await server.send_message(user, user, text)
    if failed:  # the call the server answered with an error
        call = await server.next_call("sendMessage", chat=user)
        assert call.message is None
    apology = await server.next_call("sendMessage", chat=user)
    return apology.message["text"]


@sqlite_only  # what is logged does not depend on the database
@pytest.mark.parametrize(
    "shape",
    [
        pytest.param("telegram", marks=pytest.mark.fake_bot(token=TOKEN)),
        # a token of no known shape (a local Bot API server's, a test's): masked because
        # the application names it, not by its shape
        pytest.param("any"),
    ],
)
async def test_the_token_is_never_shown_when_the_bot_api_fails(
    shape, bundled_engine, db_url, server, captured, monkeypatch
):
    token = server.token
    secret_half = token.split(":", 1)[1]
    owner = server.add_user("Olga")
    settings = bundled_engine.settings.model_copy(update={"owners": [owner.id], "flood_burst": 200})
    replies: list[str] = []
    db = Database.open(url=db_url)
    try:
        async with running(server, bundled_engine, settings, database=db):
            everything_at_debug()  # the application quiets httpx when it is built
            replies.append(await ask_text(server, owner, owner, "/start"))
            server.fail_next("sendMessage", 500, "Internal Server Error", chat_id=owner)
            replies.append(await apology_after_failure(server, owner, "/help"))
            server.fail_next("getUpdates", 502, "Bad Gateway")
            _network_error_once(monkeypatch, "sendMessage")
            replies.append(await apology_after_failure(server, owner, "/status", failed=False))
            replies.append(await ask_text(server, owner, owner, "/audit 20"))
        with db.session() as session:
            audited = [
                f"{r.action} {r.detail} {r.params}" for r in session.scalars(select(AuditRow))
            ]
    finally:
        db.close()
    logs = captured.getvalue()
    # The failures were logged (so the test saw them), the URLs with the token masked.
    assert "Internal Server Error" in logs and "connection reset while calling" in logs
    assert f"/bot{REDACTED}/sendMessage" in logs
    for where, text in (("logs", logs), ("replies", "\n".join(replies)), ("audit", audited)):
        assert secret_half not in str(text), where
