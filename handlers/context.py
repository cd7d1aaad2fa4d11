"""The typed context of every handler: ``context.services``.

``build_application`` (:mod:`handlers.app`) makes one :class:`Services` and keeps it
in the application's :class:`BotData`; PTB hands every callback a
:class:`BriefContext` (``ContextTypes(context=BriefContext, bot_data=BotData)``), whose
:attr:`~BriefContext.services` returns it, typed. Handlers never read ``bot_data``
by string keys.

Core calls (search, document and target look-ups, the query store) go through
:meth:`Services.run`, which runs them on the application's one core worker thread
(see :mod:`handlers.app` for why); uploads, removals and rebuilds go to
:attr:`Services.indexing`.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.admin import AdminStore, AuditLog, LiveSettings
from bot.config import Settings
from bot.library import Engine
from bot.subscriptions.scheduler import DigestScheduler
from bot.subscriptions.service import SubscriptionService
from handlers.i18n.prefs import LanguagePrefs
from handlers.ratelimit import FloodLimiter
from handlers.seen import SeenUsers

T = TypeVar("T")


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


async def _no_menu(_user_id: int, _is_admin: bool) -> None:
    return None


@dataclass(frozen=True)
class Services:
    """What handlers use.

    ``settings`` is always the effective settings (``live``: configuration plus the
    admins' runtime changes). ``subscriptions`` is the core's subscription service,
    ``scheduler`` the digest scheduler behind it, ``admins`` and ``audit`` the admin
    store and audit log (``bot.admin``). ``executor`` is the core worker thread
    (:meth:`run`), ``indexing`` the thread that changes the index. ``flood`` is the
    per-chat flood limit, ``seen`` the senders seen since start.
    ``notify_admins(text)`` tells every bot admin something in their private chat;
    ``set_admin_menu(user_id, is_admin)`` shows or hides the admin commands in that
    user's private chat. ``status_cache`` keeps /status's count of targets per corpus.
    ``languages`` holds the ``/lang`` choices; :meth:`lang` is the language of a reply.
    """

    live: LiveSettings
    engine: Engine
    queries: QueryStoreLike
    executor: Executor
    subscriptions: SubscriptionService
    admins: AdminStore
    audit: AuditLog
    scheduler: DigestScheduler
    indexing: Executor
    flood: FloodLimiter
    seen: SeenUsers = field(default_factory=SeenUsers)
    languages: LanguagePrefs = field(default_factory=LanguagePrefs)
    notify_admins: Callable[[str], Awaitable[None]] = _nobody
    set_admin_menu: Callable[[int, bool], Awaitable[None]] = _no_menu
    status_cache: dict[str, Any] = field(default_factory=dict)
    started_at: float = field(default_factory=time.time)

    @property
    def settings(self) -> Settings:
        return self.live.current

    def is_admin(self, user_id: int | None) -> bool:
        """Whether the numeric Telegram user id is a bot admin (never a username or chat)."""
        if isinstance(user_id, bool) or not isinstance(user_id, int):
            return False
        return self.admins.is_admin(user_id)

    def lang(self, update: object) -> str:
        """The catalogue language to answer ``update`` in (``handlers.i18n.prefs``)."""
        return self.languages.of(update)

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on the core worker thread, without blocking the loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, functools.partial(fn, *args, **kwargs))


class BotData:
    """The application's ``bot_data``: the :class:`Services`, set once at build time."""

    __slots__ = ("_services",)

    def __init__(self) -> None:
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("no services: build the application with handlers.app")
        return self._services

    @services.setter
    def services(self, services: Services) -> None:
        self._services = services


class BriefContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """The context handlers receive: PTB's, plus :attr:`services`."""

    @property
    def services(self) -> Services:
        return self.bot_data.services


CONTEXT_TYPES = ContextTypes(context=BriefContext, bot_data=BotData)
"""What ``build_application`` passes to ``ApplicationBuilder.context_types``."""


def services_of(application: Application) -> Services:
    """The services of an application built by :func:`handlers.app.build_application`."""
    return application.bot_data.services
