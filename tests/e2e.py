"""The end-to-end tests' shared fixture set (a pytest plugin, registered in
``tests/conftest.py``): the fake Bot API server, the engine the bot serves, writable
copies of a built corpus, the application polling the server and the helpers that talk
to it.

- ``server``: a :class:`FakeBotApi` on 127.0.0.1 as the Chinese-corpus tests want it:
  the bot ``@fake_test_bot`` with privacy mode off (it sees every group message, so
  ignoring chatter is its job) and users with Chinese Telegram clients (the tests read
  the Chinese replies; English ones: ``tests/test_i18n.py``). A module or test changes
  that with the marker ``fake_bot(**options)`` (``FakeBotApi``'s keyword arguments):
  ``pytestmark = pytest.mark.fake_bot(language_code="en")``.
- ``engine``: the session's engine over the bundled corpus (tests that only read it); a
  module whose bot changes the engine or needs another corpus defines its own.
- ``tokenizer`` and ``bundled_template``: one segmenter and one built copy of the bundled
  corpus for the session; :func:`engine_copy` opens a private, writable copy of a
  template (uploads, removals, live sources) without indexing anything again.
- :func:`build`, :func:`running`: the application on an engine, built, and polling the
  server;
  :func:`ask`, :func:`ask_text`, :func:`buttons`, :func:`press`, :func:`ask_inline`: a
  user's message and the bot's reply, a message's buttons, a button pressed, an inline
  query and its answer.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from telegram.ext import Application

    from bot.config import Settings
    from bot.library import Engine
    from bot.text.tokenize import Tokenizer
    from fake_telegram import BotCall, FakeBotApi

BOT_NAME = "fake_test_bot"
FAKE_BOT_OPTIONS: dict[str, Any] = {
    "bot_username": BOT_NAME,
    "privacy_mode": False,
    "language_code": "zh-hans",
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "fake_bot(**options): FakeBotApi keyword arguments for the `server` fixture "
        "(default: bot_username fake_test_bot, privacy mode off, Chinese clients)",
    )


# -- the fake Bot API server -------------------------------------------------------------------
@pytest.fixture
async def server(request: pytest.FixtureRequest) -> AsyncIterator[FakeBotApi]:
    """The fake Bot API server, started; options from the closest ``fake_bot`` markers."""
    from fake_telegram import FakeBotApi

    options = dict(FAKE_BOT_OPTIONS)
    for mark in reversed(list(request.node.iter_markers("fake_bot"))):  # the closest last
        options.update(mark.kwargs)
    async with FakeBotApi(**options) as fake:
        yield fake


# -- engines -----------------------------------------------------------------------------------
@pytest.fixture
def engine(bundled_engine: Engine) -> Engine:
    """The engine the bot serves: the session's over the bundled corpus, only read."""
    return bundled_engine


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    """One loaded segmenter for the engines the session opens on copies: the one an engine
    makes for itself (the configured user dictionaries), so that they segment as the bot."""
    from bot.config import Settings
    from bot.text.tokenize import Tokenizer

    return Tokenizer(Settings().user_dict_paths).load()


def build_template(
    root: Path, corpus: Path, tokenizer: Tokenizer, names: tuple[str, ...] = ()
) -> Path:
    """``root/corpus`` (the files of ``corpus``, or only ``names``) and ``root/data``, its
    index built: a template for :func:`engine_copy`."""
    from bot.config import Settings
    from bot.library import Engine

    if names:
        (root / "corpus").mkdir(parents=True)
        for name in names:
            shutil.copy2(corpus / name, root / "corpus" / name)
    else:
        shutil.copytree(corpus, root / "corpus")
    Engine.open(Settings(corpus_dir=root / "corpus", data_dir=root / "data"), tokenizer=tokenizer)
    return root


@pytest.fixture(scope="session")
def bundled_template(tmp_path_factory: pytest.TempPathFactory, built_data: Any) -> Path:
    """The bundled corpus and its built index, copied by the tests that change a corpus
    (:func:`engine_copy`). The index is the test run's one of the bundled corpus
    (``built_data``, which ``bundled_engine`` opens too): built by an engine's own
    segmenter, the one the ``tokenizer`` fixture loads, so :func:`engine_copy` finds it
    fresh; before, each worker built the same index again here."""
    from tests.conftest import BUNDLED_CORPUS

    corpus, data = built_data(BUNDLED_CORPUS)
    root = tmp_path_factory.mktemp("bundled-template")
    shutil.copytree(corpus, root / "corpus")  # the files' times kept, as the index saw them
    shutil.move(data, root / "data")  # ``built_data``'s private copy: this template's own
    return root


def copy_template(template: Path, to: Path, **settings: Any) -> Settings:
    """Settings over a private copy of ``template``'s corpus and index under ``to``."""
    from bot.config import Settings

    for part in ("corpus", "data"):
        # the data folder may hold the test's database already (``db_url`` of a test
        # marked ``migrated_db``, tests/conftest.py): a template's is its index alone
        shutil.copytree(template / part, to / part, dirs_exist_ok=True)
    return Settings(corpus_dir=to / "corpus", data_dir=to / "data", **settings)


def engine_copy(template: Path, to: Path, tokenizer: Tokenizer, **settings: Any) -> Engine:
    """An engine over a private copy of ``template`` (see :func:`copy_template`); the
    copied index is fresh, so nothing is read or indexed again."""
    from bot.library import Engine

    engine = Engine.open(copy_template(template, to, **settings), tokenizer=tokenizer)
    assert engine.last_refresh is None  # the copied index is fresh
    return engine


# -- the application ---------------------------------------------------------------------------
@asynccontextmanager
async def serving(app: Application) -> AsyncIterator[Application]:
    """Start ``app`` polling its (fake) Bot API server and stop it afterwards, in the order
    ``Application.run_polling()`` uses, hooks included (:func:`fake_telegram.polling`)."""
    from fake_telegram import polling

    async with polling(app):
        yield app


def build(
    server: FakeBotApi, engine: Engine, settings: Settings | None = None, **build: Any
) -> Application:
    """The application on ``engine`` (with ``settings``, else the engine's; ``build``:
    more arguments of ``build_application``: ``database``, ``query_store``) for
    ``server``, built and not started."""
    from handlers.app import build_application

    return build_application(settings or engine.settings, engine, **server.endpoint, **build)


@asynccontextmanager
async def running(
    server: FakeBotApi, engine: Engine, settings: Settings | None = None, **build_kw: Any
) -> AsyncIterator[Application]:
    """The application of :func:`build` polling ``server``, started and stopped as
    ``run_polling()`` does."""
    async with serving(build(server, engine, settings, **build_kw)) as app:
        yield app


# -- talking to the bot ------------------------------------------------------------------------
async def ask(
    server: FakeBotApi, chat: Any, user: Any, text: str, *, timeout: float = 5.0
) -> BotCall:
    """``user`` writes ``text`` in ``chat``; the bot's next sendMessage there."""
    await server.send_message(chat, user, text)
    return await server.next_call("sendMessage", chat=chat, timeout=timeout)


async def ask_text(
    server: FakeBotApi, chat: Any, user: Any, text: str, *, timeout: float = 5.0
) -> str:
    """The text of the reply :func:`ask` waits for."""
    return (await ask(server, chat, user, text, timeout=timeout)).message["text"]


def bold(message: dict[str, Any]) -> list[str]:
    """The bold parts of a sent message as the user sees them."""
    raw = message["text"].encode("utf-16-le")
    return [
        raw[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le")
        for e in message.get("entities", [])
        if e["type"] == "bold"
    ]


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """A message's inline buttons: label -> callback data."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


async def press(server: FakeBotApi, message: dict[str, Any], label: str, user: Any) -> BotCall:
    """Press the button labelled ``label``; the bot's answerCallbackQuery call."""
    await server.press_button(message, buttons(message)[label], user)
    return await server.next_call("answerCallbackQuery")


async def ask_inline(
    server: FakeBotApi, user: Any, query: str, *, offset: str = "", timeout: float = 5.0
) -> dict[str, Any]:
    """``user`` types ``@bot query`` in a chat (``offset``: scrolled to the page the
    answer before named); what the bot answered (:meth:`FakeBotApi.inline_answer`)."""
    asked = await server.inline_query(user, query, offset=offset)
    call = await server.next_call("answerInlineQuery", timeout=timeout)
    assert call.ok, call
    answer = server.inline_answer(asked)
    assert answer is not None
    return answer
