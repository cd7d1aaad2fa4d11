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
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import re
import signal
import sys
import threading
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from rich.console import Console
from rich.text import Text
from telegram import Update
from telegram.ext import Application, ContextTypes, TypeHandler

from bot import __version__
from bot.config import Settings
from bot.i18n import Message
from bot.library import Engine
from bot.render import LEVEL_LABELS
from bot.text.console_input import decode_line, read_stdin_line
from fake_telegram import BotCall, FakeBotApi, serving
from handlers.context import services_of
from handlers.i18n import language_for, tr

log = logging.getLogger(__name__)

AppFactory = Callable[..., Application]
T = TypeVar("T")

REPLY_TIMEOUT = 15.0  # seconds to wait for the bot to finish handling one message or press
POLL_TIMEOUT = 10  # getUpdates long-poll timeout against the local server
# Runs after every other handler group: marks an update as completely handled.
DONE_GROUP = 1_000_000
NEXT_PAGE_WORDS = ("下一页", "下页", "next", "▶", "›", "»", "→")

DEMO: tuple[tuple[str, str], ...] = (
    ("send", "/start"),
    ("send", "/search 乡村振兴"),
    ("press", "next"),
    ("send", "营商环竟"),
    ("send", "/targets GDP"),
)

# The console's own commands (a line of a colon and letters that is none of them is
# answered with a hint, not sent to the bot as a search).
# /quit and /exit too: a reader used to the bot's slash commands types them to leave, and
# the bot has no command of those names (they answered 未知命令)
QUIT_COMMANDS = (":q", ":quit", ":exit", "/quit", "/exit")
CONSOLE_COMMAND = re.compile(r":[A-Za-z]+")
# a button pressed by its number, typed as shown ([2]) or bare (2)
BUTTON = re.compile(r"\[?\s*(\d+)\s*\]?")
# `:file 报告.docx`: a file of this machine sent to the bot, as dropped into a chat
FILE_COMMAND = re.compile(r":file\s+(\S.*)")
# `:channel @newsroom_ch [新闻早班车]`: a channel of the fake world the bot posts in, so that
# the console's owner can subscribe it (`/subscribe @newsroom_ch …`) as in a private chat
CHANNEL_COMMAND = re.compile(r":channel(?:\s+(\S+)(?:\s+(\S.*))?)?")
CHANNEL_NAME = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{3,31})")
# `:inline 就业目标`: what `@BriefBot 就业目标` typed in any chat would list (inline mode),
# asked of the bot as a client asks it (an inline query through the same handler)
INLINE_COMMAND = re.compile(r":inline(?:\s+(\S.*))?")
# The console's user, as a Telegram client would announce them: Chinese, so the bot and the
# console's frame (the catalogue's ``console.*``) answer in Chinese until ``/lang en``.
CONSOLE_LANGUAGE_CODE = "zh-hans"
# The console's user is whoever runs it on the machine that holds the corpus and the data
# folder: the bot's owner (``briefbot ingest`` and ``remove`` are theirs already). They are
# made one of its owners, in the console only (its database is in memory), so that /add,
# /remove and a channel's /subscribe work there instead of telling them to ask themselves.
CONSOLE_USER_ID = 777_000_001

_ENTITY_STYLES = {
    "bold": "bold",
    "italic": "italic",
    "underline": "underline",
    "strikethrough": "strike",
    "spoiler": "reverse",
    "code": "cyan",
    "pre": "cyan",
    "url": "underline",
    "email": "underline",
    "blockquote": "dim",
    "expandable_blockquote": "dim",
}
_EDIT_METHODS = ("editMessageText", "editMessageCaption", "editMessageReplyMarkup")
_DELETE_METHODS = ("deleteMessage", "deleteMessages")


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


# -- rendering ---------------------------------------------------------------------------------
def entities_to_text(text: str, entities: list[dict[str, Any]] | None) -> Text:
    """A message's text with its entities (UTF-16 offsets) as terminal styles.

    Hidden links (``<a href>``) keep their text and get the address appended in brackets.
    """
    index: dict[int, int] = {}
    units = 0
    for i, char in enumerate(text):
        index[units] = i
        units += 2 if ord(char) > 0xFFFF else 1
    index[units] = len(text)
    styled = Text(text)
    links: list[tuple[int, str]] = []
    for entity in entities or []:
        start = index.get(entity["offset"])
        end = index.get(entity["offset"] + entity["length"])
        if start is None or end is None:
            continue
        style = _ENTITY_STYLES.get(entity["type"])
        if style:
            styled.stylize(style, start, end)
        if entity["type"] == "text_link":
            url = entity.get("url", "")
            styled.stylize(f"underline link {url}", start, end)
            if url and url != text[start:end]:
                links.append((end, url))
    for end, url in sorted(links, reverse=True):
        styled = styled[:end] + Text(f" ({url})", style="dim") + styled[end:]
    return styled


def message_body(message: dict[str, Any], lang: str = "zh") -> Text:
    """What a client shows for a bot message: text, or an attachment line and its caption
    (its words in ``lang``)."""
    if "text" in message:
        return entities_to_text(message["text"], message.get("entities"))
    body = Text()
    if "document" in message:
        doc = message["document"]
        size = doc.get("file_size")
        shown = f" ({tr(lang, 'console.file_size', size=size)})" if size else ""
        body.append(f"📎 {doc.get('file_name', 'file')}{shown}")
    elif "photo" in message:
        body.append(f"🖼 {tr(lang, 'console.photo')}")
    else:
        kinds = [k for k in message if k not in ("message_id", "date", "chat", "from")]
        body.append(f"({', '.join(kinds) or tr(lang, 'console.empty_message')})", style="dim")
    if message.get("caption"):
        body.append("\n")
        body.append_text(entities_to_text(message["caption"], message.get("caption_entities")))
    return body


@dataclass(frozen=True)
class Choice:
    """A numbered inline button: the message it is on and what pressing it sends."""

    message: dict[str, Any]
    label: str
    data: str


# -- stdin ----------------------------------------------------------------------------------------
class LineReader:
    """Reads one line per request in a daemon thread, so the event loop keeps running.

    In a terminal ``input()`` shows the prompt (the terminal does the line editing); else
    lines come from ``sys.stdin``. End of input is None.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, *, interactive: bool) -> None:
        self.loop, self.interactive = loop, interactive
        self._requests: queue.Queue[tuple[str, asyncio.Future[str | None]] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._serve, name="console-input", daemon=True)
        # Set once a line had bytes that are not UTF-8 (the console says so once).
        self.replaced = False
        self._thread.start()

    def _serve(self) -> None:
        while (request := self._requests.get()) is not None:
            prompt, future = request
            line: str | None
            try:
                replaced = False
                if self.interactive:
                    line, replaced = decode_line(input(prompt))
                else:
                    line, replaced = read_stdin_line()
                self.replaced = self.replaced or replaced
            except (EOFError, OSError, ValueError):
                line = None
            try:
                self.loop.call_soon_threadsafe(_resolve, future, line)
            except RuntimeError:  # the loop is gone: the console has ended
                return
            if line is None:
                return

    async def readline(self, prompt: str = "") -> str | None:
        if not self._thread.is_alive():
            return None
        future: asyncio.Future[str | None] = self.loop.create_future()
        self._requests.put((prompt, future))
        return await future

    def close(self) -> None:
        """Let an idle reader thread end (one blocked on input is a daemon and is left)."""
        self._requests.put(None)


def _resolve(future: asyncio.Future[str | None], line: str | None) -> None:
    if not future.done():
        future.set_result(line)


def _button_number(line: str) -> int | None:
    """The button a line presses: ``2``, or ``[2]`` as the buttons are shown."""
    pressed = BUTTON.fullmatch(line)
    return int(pressed.group(1)) if pressed else None


# -- the chat ----------------------------------------------------------------------------------
class ChatConsole:
    """One user's private chat with the bot, shown in the terminal."""

    def __init__(
        self,
        server: FakeBotApi,
        app: Application,
        engine: Engine,
        out: Console,
        *,
        interactive: bool,
        reply_timeout: float = REPLY_TIMEOUT,
    ) -> None:
        self.server, self.app, self.engine, self.out = server, app, engine, out
        self.interactive, self.reply_timeout = interactive, reply_timeout
        self.user = server.add_user(
            "Console",
            id=CONSOLE_USER_ID,
            username="console_user",
            language_code=CONSOLE_LANGUAGE_CODE,
        )
        self.choices: dict[int, Choice] = {}
        self.channels: dict[int, str] = {}  # the channels made with :channel: id -> name
        self.stopping = asyncio.Event()
        self._cursor = 0
        self._handled: dict[tuple[str, Any], asyncio.Event] = {}
        app.add_handler(TypeHandler(Update, self._track), group=-DONE_GROUP)
        app.add_handler(TypeHandler(Update, self._mark_handled), group=DONE_GROUP)

    @property
    def lang(self) -> str:
        """The language of the console's own words: the bot's for this user (their ``/lang``
        choice, else their client's language), so the frame and the replies agree."""
        chat_id = self.server.private_chat(self.user).id
        try:
            prefs = services_of(self.app).languages
        except (AttributeError, RuntimeError):  # not built by handlers.app (tests' stand-ins)
            return language_for(CONSOLE_LANGUAGE_CODE)
        return prefs.resolve(
            chat_id=chat_id, user_id=self.user.id, language_code=CONSOLE_LANGUAGE_CODE
        )

    def say(self, key: str, style: str = "", **params: Any) -> None:
        """Print the catalogue's ``console.<key>`` in the console's language."""
        self.out.print(Text(tr(self.lang, f"console.{key}", **params), style=style))

    # -- the bot side --------------------------------------------------------------------------
    # An update is handled when the handler group after all others runs, or, with
    # concurrent updates, when the task processing it ends: that also covers a handler
    # that stops the update (ApplicationHandlerStop, e.g. the flood limit).
    async def _track(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        key = self._key(update)
        task = asyncio.current_task()
        if key is not None and task is not None and context.application.concurrent_updates > 1:
            task.add_done_callback(lambda _task: self._set_handled(key))

    async def _mark_handled(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        key = self._key(update)
        if key is not None:
            self._set_handled(key)

    def _set_handled(self, key: tuple[str, Any]) -> None:
        self._handled.setdefault(key, asyncio.Event()).set()

    @staticmethod
    def _key(update: Update) -> tuple[str, Any] | None:
        if update.callback_query is not None:
            return ("q", update.callback_query.id)
        if update.message is not None:
            return ("m", update.message.message_id)
        if update.inline_query is not None:
            return ("i", update.inline_query.id)
        return None

    def skip_startup_calls(self) -> None:
        """Start rendering from now on (getMe, setMyCommands … are not shown)."""
        self._cursor = len(self.server.sent)

    async def _until_handled(self, key: tuple[str, Any]) -> None:
        event = self._handled.setdefault(key, asyncio.Event())
        try:
            await asyncio.wait_for(event.wait(), self.reply_timeout)
        except TimeoutError:
            self.say("not_finished", "yellow", seconds=f"{self.reply_timeout:g}")
        finally:
            self._handled.pop(key, None)

    async def send(self, text: str) -> None:
        message = await self.server.send_message(self.user, self.user, text)
        await self._until_handled(("m", message["message_id"]))
        self.render_new()

    async def inline(self, text: str) -> None:
        """``:inline WORDS``: the inline query ``@bot WORDS`` sent as a client sends it
        (from this user, typed in their private chat), and the results listed as the
        client lists them: the button above them, then each title and description."""
        if not text.strip():
            self.say("inline_usage", "yellow")
            return
        query = await self.server.inline_query(self.user, text.strip(), chat_type="private")
        await self._until_handled(("i", query["id"]))
        self.render_new()
        answer = self.server.inline_answer(query)
        if answer is None:
            return  # the bot did not answer: said by _until_handled
        self.say("inline_heading", "dim", bot=self.server.bot.username, query=text.strip())
        if answer["button"]:
            self.out.print(Text(f"  ⬚ {answer['button']['text']}", style="italic"))
        for i, result in enumerate(answer["results"], 1):
            self.out.print(Text(f"  {i}. {result['title']}", style="bold"))
            if result.get("description"):
                self.out.print(Text(f"     {result['description']}", style="dim"))
        if not answer["results"] and not answer["button"]:
            self.say("inline_none", "dim")
        if answer["next_offset"]:
            self.say("inline_more", "dim")

    async def send_file(self, path: str) -> None:
        """``:file PATH``: the file sent to the bot as a Telegram client sends one (a
        document with its name), so that a document is added here as in a chat."""
        file = Path(path).expanduser()
        # at most one byte over the bot's limit is read: a file over it is refused by the
        # size Telegram reports, before any download (a 2 GB file was read whole first)
        limit = int(self.engine.settings.max_file_mb * 1024 * 1024)
        try:
            with file.open("rb") as handle:
                data = handle.read(limit + 1)
                size = file.stat().st_size if len(data) > limit else None
        except OSError as exc:
            self.say("file_unreadable", "yellow", path=path, error=exc.strerror or str(exc))
            return
        message = await self.server.send_document(self.user, self.user, file.name, data, size=size)
        await self._until_handled(("m", message["message_id"]))
        self.render_new()

    def make_channel(self, name: str | None, title: str | None) -> None:
        """``:channel @name [title]``: a channel whose creator is the console's user and in
        which the bot is an administrator allowed to post; what the bot posts there is
        shown. ``:channel`` alone lists the channels made."""
        if name is None:
            if not self.channels:
                self.say("channel_none", "yellow")
            for username in self.channels.values():
                self.say("channel_listed", username=username)
            return
        if (named := CHANNEL_NAME.fullmatch(name)) is None:
            self.say("channel_bad_name", "yellow", name=name)
            return
        username = named.group(1)
        if self.server.world.find_chat(f"@{username}") is None:
            chat = self.server.add_chat("channel", title or username, username=username)
            self.server.set_member(chat, self.user, "creator")
            self.channels[chat.id] = username
        self.say("channel_made", username=username)

    async def press(self, number: int) -> None:
        choice = self.choices[number]
        self.out.print(Text(f"» [{number}] {choice.label}", style="bold"))
        try:
            query = await self.server.press_button(choice.message, choice.data, self.user)
        except ValueError:
            self.say("button_gone", "yellow")
            del self.choices[number]
            return
        await self._until_handled(("q", query["id"]))
        self.render_new()

    # -- rendering -----------------------------------------------------------------------------
    def _echo(self, text: str) -> None:
        if not self.interactive:
            self.out.print(Text(f"» {text}", style="bold"))

    def render_new(self) -> None:
        """Show every bot call since the last rendering that a user would notice."""
        calls = self.server.sent[self._cursor :]
        self._cursor += len(calls)
        fresh: dict[int, Choice] = {}
        for call in calls:
            self._render_call(call, fresh)
        if fresh:
            self.choices = fresh

    def _ours(self, message: dict[str, Any]) -> bool:
        chat_id = message.get("chat", {}).get("id")
        return chat_id == self.user.id or chat_id in self.channels

    def _render_call(self, call: BotCall, fresh: dict[int, Choice]) -> None:
        method = call.method
        if method == "answerCallbackQuery":
            if call.ok and call.params.get("text"):
                mark = "⚠" if call.params.get("show_alert") else "💬"
                self.out.print(Text(f"{mark} {call.params['text']}", style="italic"))
            return
        sends = method.startswith("send") and method != "sendChatAction"
        sends = sends or method in ("copyMessage", "forwardMessage")
        edits = method in _EDIT_METHODS
        if not call.ok:
            if sends or edits:
                self.say("call_failed", "red", method=method, error=call.error)
            return
        if method in _DELETE_METHODS:
            self.say("deleted", "dim")
            return
        if not (sends or edits):
            return
        for message in call.messages:
            if self._ours(message):
                self._render_message(message, fresh, edited=edits)

    def _render_message(
        self, message: dict[str, Any], fresh: dict[int, Choice], *, edited: bool
    ) -> None:
        if edited:
            self.say("edited", "dim")
        channel = self.channels.get(message.get("chat", {}).get("id"))
        if channel is not None:  # a post in a channel made with :channel, not a reply
            self.say("channel_post", "bold magenta", username=channel)
        for line in message_body(message, self.lang).split("\n", allow_blank=True):
            self.out.print(Text.assemble(("│ ", "dim"), line))
        rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
        if edited and not rows:
            gone = [
                n
                for n, c in self.choices.items()
                if c.message["message_id"] == message["message_id"]
            ]
            for n in gone:
                del self.choices[n]
        for row in rows:
            line = Text()
            for button in row:
                if line:
                    line.append("  ")
                label = button.get("text", "")
                if "callback_data" in button:
                    number = len(fresh) + 1
                    fresh[number] = Choice(message, label, button["callback_data"])
                    line.append(f"[{number}]", style="bold cyan")
                    line.append(f" {label}")
                elif "url" in button:
                    line.append(f"↗ {label} ({button['url']})", style="underline")
                else:
                    line.append(f"· {label}", style="dim")
            self.out.print(line)
        self.out.print()

    def print_docs(self) -> None:
        for d in self.engine.documents():
            level = LEVEL_LABELS.get(d.level or "", "") if d.level != "national" else ""
            year = tr(self.lang, "docs.year", year=d.year) if d.year else ""
            facts = [d.region or "", level, d.doc_type or "", year]
            about = " · ".join(f for f in facts if f)
            line = f"{d.doc_id}  {d.filename}  {d.title}" + (f"  ({about})" if about else "")
            self.out.print(line, markup=False)

    # -- input ---------------------------------------------------------------------------------
    async def handle(self, line: str) -> bool:
        """Act on one input line; False when the user wants to leave."""
        if line in QUIT_COMMANDS:
            return False
        if line == ":help":
            self._echo(line)
            self.say("help")
        elif line == ":docs":
            self._echo(line)
            self.print_docs()
        elif (path := FILE_COMMAND.fullmatch(line)) is not None:
            self._echo(line)
            await self.send_file(path.group(1).strip().strip("'\""))
        elif (channel := CHANNEL_COMMAND.fullmatch(line)) is not None:
            self._echo(line)
            self.make_channel(channel.group(1), channel.group(2))
        elif (inline := INLINE_COMMAND.fullmatch(line)) is not None:
            self._echo(line)
            await self.inline(inline.group(1) or "")
        elif CONSOLE_COMMAND.fullmatch(line):
            self._echo(line)
            self.say("unknown_command", "yellow", command=line)
        elif (number := _button_number(line)) is not None and number in self.choices:
            await self.press(number)
        else:
            self._echo(line)
            await self.send(line)
        return True

    async def demo(self) -> None:
        for action, value in DEMO:
            if self.stopping.is_set():
                return
            if action == "send":
                self._echo(value)
                await self.send(value)
                continue
            nexts = [
                n
                for n, c in self.choices.items()
                if any(w in c.label.lower() for w in NEXT_PAGE_WORDS)
            ]
            if nexts:
                await self.press(nexts[0])
            else:
                self.say("no_next_page", "dim")

    async def until_stopped(self, awaitable: Coroutine[Any, Any, T]) -> T | None:
        """Run ``awaitable`` unless Ctrl-C / SIGTERM comes first (then None)."""
        task = asyncio.ensure_future(awaitable)
        stop = asyncio.ensure_future(self.stopping.wait())
        try:
            await asyncio.wait({task, stop}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
        if task.done():
            return task.result()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return None


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
