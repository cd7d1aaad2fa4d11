"""What every handler module shares: the services, running core calls, replying.

The application keeps one :class:`Services` in ``bot_data``; handlers reach it with
:func:`services`. Core calls (search, document and target look-ups, the query store)
go through :meth:`Services.run`, which runs them on the application's one core worker
thread (see ``handlers/app.py`` for why).
"""

from __future__ import annotations

import asyncio
import functools
import re
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from telegram import Message, MessageEntity
from telegram.ext import ContextTypes, filters

from bot.admin import AdminStore, AuditLog, LiveSettings
from bot.config import Settings
from bot.search.engine import Engine
from bot.subscriptions.service import SubscriptionService

T = TypeVar("T")

SERVICES = "services"
"""The ``bot_data`` key of the :class:`Services`."""


class StoredQueryLike(Protocol):
    text: str
    doc: str | None
    region: str | None
    year: int | None


class QueryStoreLike(Protocol):
    """``bot.storage.queries.QueryStore``: searches saved under short keys."""

    def save(
        self,
        text: str,
        *,
        doc: str | None = None,
        region: str | None = None,
        year: int | None = None,
    ) -> str: ...

    def load(self, key: str) -> StoredQueryLike | None: ...


async def _nobody(_text: str) -> None:
    return None


@dataclass(frozen=True)
class Services:
    """What handlers use.

    ``settings`` is always the effective settings (``live``: configuration plus the
    admins' runtime changes). ``subscriptions`` is the core's subscription service,
    ``admins`` and ``audit`` the admin store and audit log (``bot.admin``);
    ``notify_admins(text)`` tells every bot admin something in their private chat.
    """

    live: LiveSettings
    engine: Engine
    queries: QueryStoreLike
    executor: Executor
    subscriptions: SubscriptionService
    admins: AdminStore
    audit: AuditLog
    notify_admins: Callable[[str], Awaitable[None]] = _nobody
    started_at: float = field(default_factory=time.time)

    @property
    def settings(self) -> Settings:
        return self.live.current

    def is_admin(self, user_id: int | None) -> bool:
        """Whether the numeric Telegram user id is a bot admin (never a username or chat)."""
        if isinstance(user_id, bool) or not isinstance(user_id, int):
            return False
        return self.admins.is_admin(user_id)

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on the core worker thread, without blocking the loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, functools.partial(fn, *args, **kwargs))


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.bot_data[SERVICES]


def command_args(message: Message) -> str:
    """The text after ``/command`` (or ``/command@bot``), spacing and quotes kept."""
    text = message.text or message.caption or ""
    if not text.startswith("/"):
        return text.strip()
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


async def reply_html(message: Message, chunks: Sequence[str], reply_markup=None) -> Message:
    """Send ``chunks`` (already split) as replies; the keyboard goes on the last one."""
    sent = message
    for n, chunk in enumerate(chunks, 1):
        markup = reply_markup if n == len(chunks) else None
        sent = await message.reply_html(chunk, reply_markup=markup)
    return sent


# -- addressing the bot in groups ------------------------------------------------------------
def _mention_pattern(username: str) -> re.Pattern[str]:
    return re.compile(rf"@{re.escape(username)}(?![A-Za-z0-9_])", re.IGNORECASE)


def mentions_bot(message: Message) -> bool:
    """Whether ``message`` mentions the bot (``@botname`` or a text mention of it)."""
    bot = message.get_bot()
    username = (bot.username or "").lower()
    for entity, text in message.parse_entities(
        [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    ).items():
        if entity.type == MessageEntity.MENTION and text[1:].lower() == username:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot.id:
            return True
    return False


def without_mention(text: str, username: str | None) -> str:
    """``text`` without the bot's ``@username`` (wherever it stands)."""
    if not username:
        return text.strip()
    return _mention_pattern(username).sub(" ", text).strip()


class _MentionsBot(filters.MessageFilter):
    __slots__ = ()

    def filter(self, message: Message) -> bool:
        return mentions_bot(message)


MENTIONS_BOT = _MentionsBot(name="MENTIONS_BOT")
"""A filter for messages that mention this bot."""
