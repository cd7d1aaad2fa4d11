"""The offline console: chat with the real bot in a terminal, with no token and no network.

It starts the fake Telegram Bot API server (``fake_telegram``) on 127.0.0.1, runs the
real python-telegram-bot ``Application`` (``handlers.app.build_application``) against
it by long polling in the same event loop, and plays one private-chat user: each line typed
is sent as a message, the bot's replies are rendered in the terminal. The fake server parses
the bot's HTML as Telegram would, so what is shown is what a Telegram client would show:
bold, italics, links (with their address) and inline keyboards, whose buttons are numbered;
typing a number presses that button.

Reading stdin happens in a daemon thread so the bot keeps running while the user types.
When stdin is not a terminal, lines are read and answered one by one (scriptable); with no
input at all a short demo is played instead.

This module starts and stops it all and runs the loop that reads lines; the chat itself
(the console's ``:`` commands, button presses, waiting for the bot and showing what it
sent) is ``console_chat``, how a message is drawn ``console_render``, the input thread
``console_stdin``.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.text import Text
from telegram import Update
from telegram.ext import Application

from bot import __version__
from bot.config import Settings
from bot.i18n import Message
from bot.library import Engine
from fake_telegram import FakeBotApi, serving
from handlers.console_chat import CONSOLE_USER_ID, REPLY_TIMEOUT, ChatConsole
from handlers.console_render import Choice, entities_to_text, message_body
from handlers.console_stdin import LineReader
from handlers.context import services_of
from handlers.i18n import tr

# Imported from here by ``briefbot`` and the tests; the last five are defined beside it.
__all__ = [
    "AppFactory",
    "ChatConsole",
    "Choice",
    "LineReader",
    "TelegramLayerUnavailable",
    "chat",
    "default_app_factory",
    "entities_to_text",
    "message_body",
    "run_console",
]

log = logging.getLogger(__name__)

AppFactory = Callable[..., Application]

POLL_TIMEOUT = 10  # getUpdates long-poll timeout against the local server


class TelegramLayerUnavailable(RuntimeError):
    """The bot could not be started in the console; the message says why."""


def default_app_factory() -> AppFactory:
    """``handlers.app.build_application`` with a database of the console's own (below);
    TelegramLayerUnavailable if it cannot load."""
    try:
        from bot.storage.db import Database
        from handlers.app import build_application
    except ImportError as exc:
        raise TelegramLayerUnavailable(f"the Telegram layer cannot be loaded ({exc})") from exc

    def console_application(*args: Any, **kwargs: Any) -> Application:
        # The console's chats are not Telegram's: the subscriptions, admins and settings
        # made here live in memory, never in the database `briefbot run` uses (saved
        # searches, which name no chat, do go there: query_store).
        kwargs.setdefault("database", Database.open(url="sqlite://"))
        return build_application(*args, **kwargs)

    return console_application


# -- running it -----------------------------------------------------------------------------------
def _never_flood_limited(app: Application, session: ChatConsole) -> None:
    """The local user's lines are answered one at a time, in order (each waits for the last
    to be handled): a queue, which the per-chat flood limit must not cut short."""
    try:
        flood = services_of(app).flood
    except (AttributeError, RuntimeError):  # not built by handlers.app (tests' stand-ins)
        return
    flood.exempt.add(session.server.private_chat(session.user).id)


def _banner(session: ChatConsole, settings: Settings, *, demo: bool) -> str:
    lang = session.lang
    where = tr(lang, "console.where", url=session.server.url)
    n = len(session.engine.documents())
    if demo:
        return tr(
            lang,
            "console.banner_demo",
            version=__version__,
            count=n,
            corpus=settings.corpus_dir,
            where=where,
        )
    return tr(lang, "console.banner", version=__version__, count=n, where=where)


def _stop_error(_exc: Exception) -> None:
    log.exception("error while stopping the bot")


async def _start_application(app: Application) -> None:
    """What run_polling does before it blocks (``fake_telegram.serving.start``), for every
    kind of update."""
    if app.updater is None:
        raise TelegramLayerUnavailable("the Application has no Updater to poll with")
    await serving.start(app, timeout=POLL_TIMEOUT, allowed_updates=Update.ALL_TYPES)


def _install_signals(loop: asyncio.AbstractEventLoop, event: asyncio.Event) -> list[int]:
    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, event.set)
        except (NotImplementedError, RuntimeError, ValueError):
            continue
        installed.append(sig)
    return installed


async def chat(
    settings: Settings,
    engine: Engine,
    *,
    out: Console,
    app_factory: AppFactory | None = None,
    query_store: Any = None,
    interactive: bool | None = None,
    reply_timeout: float = REPLY_TIMEOUT,
    greeting: str | Message | None = None,
) -> None:
    """Run the console until :quit, end of input, Ctrl-C or SIGTERM.

    Raises TelegramLayerUnavailable, before reading any input, if the bot cannot start.
    """
    interactive = sys.stdin.isatty() if interactive is None else interactive
    factory = app_factory or default_app_factory()
    server = FakeBotApi(
        bot_username="policy_brief_bot", bot_name="Policy Brief Bot", inline_mode=True
    )
    try:
        await server.start()
    except OSError as exc:
        raise TelegramLayerUnavailable(
            f"the local fake Telegram server cannot start: {exc}"
        ) from exc
    app: Application | None = None
    loop = asyncio.get_running_loop()
    signals: list[int] = []
    reader: LineReader | None = None
    if CONSOLE_USER_ID not in settings.owners:  # the console's user owns the bot (above)
        settings = settings.model_copy(update={"owners": [*settings.owners, CONSOLE_USER_ID]})
    try:
        try:
            app = factory(
                settings,
                engine,
                token=server.token,
                base_url=server.base_url,
                base_file_url=server.base_file_url,
                query_store=query_store,
            )
            session = ChatConsole(
                server, app, engine, out, interactive=interactive, reply_timeout=reply_timeout
            )
            _never_flood_limited(app, session)
            await _start_application(app)
        except TelegramLayerUnavailable:
            raise
        except Exception as exc:
            log.debug("the bot did not start", exc_info=True)
            raise TelegramLayerUnavailable(
                f"the bot did not start ({type(exc).__name__}: {exc})"
            ) from exc
        session.skip_startup_calls()
        signals = _install_signals(loop, session.stopping)
        reader = LineReader(loop, interactive=interactive)
        if interactive:
            out.print(_banner(session, settings, demo=False), markup=False)
            if greeting:
                said = greeting.text(session.lang) if isinstance(greeting, Message) else greeting
                out.print(Text(said, style="dim"))
        lines = 0
        said_not_utf8 = False
        while not session.stopping.is_set():
            session.render_new()  # anything the bot sent on its own meanwhile
            line = await session.until_stopped(
                reader.readline(tr(session.lang, "console.prompt") if interactive else "")
            )
            if line is None:
                break
            if reader.replaced and not said_not_utf8:
                session.say("not_utf8", "yellow")
                said_not_utf8 = True
            line = line.strip()
            if not line:
                continue
            lines += 1
            if not await session.until_stopped(session.handle(line)):
                break
        if interactive:
            out.print()  # leave the prompt line after Ctrl-D / Ctrl-C
        if not interactive and lines == 0 and not session.stopping.is_set():
            out.print(_banner(session, settings, demo=True), markup=False)
            await session.until_stopped(session.demo())
            session.say("demo_end")
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)
        if reader is not None:
            reader.close()
        if app is not None:
            await serving.stop(app, on_error=_stop_error)  # run_polling's order, each step
        await server.stop()


def run_console(settings: Settings, engine: Engine, *, out: Console, **kwargs: Any) -> None:
    """The blocking entry point used by ``briefbot`` / ``briefbot console``."""
    try:
        asyncio.run(chat(settings, engine, out=out, **kwargs))
    except KeyboardInterrupt:  # a second Ctrl-C while stopping
        out.print()
