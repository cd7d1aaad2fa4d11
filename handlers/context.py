"""The typed context of every handler: ``context.services``.

``build_application`` (:mod:`handlers.app`) makes one :class:`Services` and keeps it
in the application's :class:`BotData`; PTB hands every callback a
:class:`BriefContext` (``ContextTypes(context=BriefContext, bot_data=BotData)``), whose
:attr:`~BriefContext.services` returns it, typed. Handlers never read ``bot_data``
by string keys.

Nothing blocking runs on the event loop (:mod:`bot.blocking`): core calls (search,
document and target look-ups, digest previews) go through :meth:`Services.run`, on
the application's one core worker thread; database calls (the query store, admins,
the audit log, runtime settings, subscriptions) through :meth:`Services.run_db`, on
the storage thread; uploads, removals and rebuilds go to :attr:`Services.indexing`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.admin import AdminStore, AuditLog, LiveSettings
from bot.blocking import Blocking
from bot.config import Settings
from bot.library import Engine
from bot.models import HomeRegion
from bot.sources.service import SourceScheduler
from bot.storage.home_regions import HomeRegionStore
from bot.storage.queries import SavedQueries
from bot.subscriptions.scheduler import DigestScheduler
from bot.subscriptions.service import SubscriptionService
from bot.text.pasted_parts import PastedParts
from handlers.i18n import Message
from handlers.i18n.prefs import LanguagePrefs
from handlers.live_index import IndexWatcher
from handlers.ratelimit import FloodLimiter
from handlers.seen import SeenUsers

T = TypeVar("T")


QueryStoreLike = SavedQueries
"""Searches saved under short keys: in the database, or in memory (no database)."""


async def _nobody(_notice: Message) -> None:
    return None


async def _no_menu(_user_id: int, _is_admin: bool) -> bool:
    return True


@dataclass(frozen=True)
class Services:
    """What handlers use.

    ``settings`` is always the effective settings (``live``: configuration plus the
    admins' runtime changes). ``subscriptions`` is the core's subscription service,
    ``scheduler`` the digest scheduler behind it, ``admins`` and ``audit`` the admin
    store and audit log (``bot.admin``). ``blocking`` is where blocking calls run: the
    core worker thread (:meth:`run`) and the storage thread (:meth:`run_db`);
    ``indexing`` is the thread that changes the index; ``live_index`` swaps in what
    other processes indexed (:mod:`handlers.live_index`); ``sources`` polls the live
    sources and keeps their schedule (``bot.sources.service``). ``flood`` is the
    per-chat flood limit, ``seen`` the senders seen since start.
    ``notify_admins(notice)`` tells every bot admin something in their private chat, in
    their language (a :class:`bot.i18n.Message`);
    ``set_admin_menu(user_id, is_admin)`` shows or hides the admin commands in that
    user's private chat. ``status_cache`` keeps /status's count of targets per corpus.
    ``languages`` holds the ``/lang`` choices; :meth:`lang` is the language of a reply.
    """

    live: LiveSettings
    engine: Engine
    queries: QueryStoreLike
    blocking: Blocking
    subscriptions: SubscriptionService
    admins: AdminStore
    audit: AuditLog
    scheduler: DigestScheduler
    indexing: Executor
    flood: FloodLimiter
    live_index: IndexWatcher
    sources: SourceScheduler
    seen: SeenUsers = field(default_factory=SeenUsers)
    languages: LanguagePrefs = field(default_factory=LanguagePrefs)
    # each chat's own place (/region: what 我县, 本市 mean); None when the app has no database
    home_regions: HomeRegionStore | None = None
    notify_admins: Callable[[Message], Awaitable[None]] = _nobody
    set_admin_menu: Callable[[int, bool], Awaitable[bool]] = _no_menu
    status_cache: dict[str, Any] = field(default_factory=dict)
    # admins whose menu Telegram refused (added, or the bot started, before they ever wrote
    # to the bot): it is set when they first write (handlers.admin.remember_sender)
    menu_pending: set[int] = field(default_factory=set)
    # an admin's last pasted text per (chat, user), for the next part of a text the
    # client cut (handlers.search); the lock keeps a chat's parts in turn
    pasted_parts: PastedParts = field(default_factory=PastedParts)
    paste_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # Tasks that run as long as the bot does (the daily pruning), cancelled when it stops.
    background: list[Any] = field(default_factory=list)
    started_at: float = field(default_factory=time.time)

    @property
    def settings(self) -> Settings:
        return self.live.current

    def is_admin(self, user_id: int | None) -> bool:
        """Whether the numeric Telegram user id is a bot admin (never a username or chat).

        Blocking (it may read the database): handlers await :meth:`check_admin`.
        """
        if isinstance(user_id, bool) or not isinstance(user_id, int):
            return False
        return self.admins.is_admin(user_id)

    async def home_of(self, chat_id: int | None) -> HomeRegion | None:
        """The place chat ``chat_id`` set as its own (``/region``), read on the storage
        thread; ``None`` when it set none."""
        if self.home_regions is None or chat_id is None:
            return None
        return await self.run_db(self.home_regions.get, chat_id)

    async def check_admin(self, user_id: int | None) -> bool:
        """:meth:`is_admin` on the storage thread."""
        return await self.run_db(self.is_admin, user_id)

    def lang(self, update: object) -> str:
        """The catalogue language to answer ``update`` in (``handlers.i18n.prefs``)."""
        return self.languages.of(update)

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on the core worker thread, without blocking the loop."""
        return await self.blocking.run(fn, *args, **kwargs)

    async def search(self, user: Any, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on a search thread as ``user``'s job: users take turns
        and one user's searches never hold more than one thread (``bot.blocking``)."""
        return await self.blocking.search(user, fn, *args, **kwargs)

    async def run_db(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on the storage thread, without blocking the loop."""
        return await self.blocking.run_db(fn, *args, **kwargs)


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
