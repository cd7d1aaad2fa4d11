"""The offline console's chat: one private-chat user talking to the bot (``ChatConsole``).

Each line is the console's own ``:`` command, a press of a numbered button or a message
sent to the bot; it waits until the bot has handled it, then shows what the bot sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

from rich.console import Console
from rich.text import Text
from telegram import Update
from telegram.ext import Application, ContextTypes, TypeHandler

from bot.library import Engine
from bot.render import LEVEL_LABELS
from fake_telegram import BotCall, FakeBotApi
from handlers.console_render import Choice, message_body
from handlers.context import services_of
from handlers.i18n import language_for, tr

T = TypeVar("T")

REPLY_TIMEOUT = 15.0  # seconds to wait for the bot to finish handling one message or press
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

_EDIT_METHODS = ("editMessageText", "editMessageCaption", "editMessageReplyMarkup")
_DELETE_METHODS = ("deleteMessage", "deleteMessages")


def _button_number(line: str) -> int | None:
    """The button a line presses: ``2``, or ``[2]`` as the buttons are shown."""
    pressed = BUTTON.fullmatch(line)
    return int(pressed.group(1)) if pressed else None


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
        except FileNotFoundError:  # said in the console's language, with where it looked
            self.say("file_missing", "yellow", path=path, folder=str(Path.cwd()))
            return
        except IsADirectoryError:
            self.say("file_is_folder", "yellow", path=path)
            return
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
