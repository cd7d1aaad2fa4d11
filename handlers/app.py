"""The Telegram application: handlers, flood limit, error handler and command menu.

``build_application(settings, engine, token=...)`` returns a python-telegram-bot
``Application`` ready for ``run_polling()`` / ``run_webhook()`` (or, in tests, for
``initialize()``, ``post_init``, ``updater.start_polling()`` and ``start()``). The
handlers live in :mod:`handlers`; what they send is built by :mod:`handlers.format`.

Threading
---------
Updates are processed concurrently (``concurrent_updates``), so one chat waiting for
the network or the engine does not hold up the others. Nothing blocking runs on the
event loop (:mod:`bot.blocking`, one :class:`~bot.blocking.Blocking` shared with the
digest deliverer and scheduler): database calls go to the storage thread
(``Services.run_db``), core calls to a single worker thread (``Services.run``). Measured on the
bundled corpus, a warm search takes 0.3-0.7 ms, but the first query that needs typo
correction loads the pinyin lexicon (40-60 ms), target and document look-ups read
files, the query store writes to a database, and search time grows with the corpus
(the benchmark corpora are 10 and 100 MB). Blocking the loop for those would stall
every chat; one hop to the thread costs 0.05-0.1 ms (0.26 ms inline against
0.35 ms through the thread for the same warm searches). The worker is a single thread
because ``Searcher`` is documented as not thread-safe (memo tables, lazy lexicon) and
because the GIL would not run two CPU-bound searches in parallel anyway: searches
queue behind each other for a few milliseconds while the loop keeps answering.

Handlers
--------
Each handler module registers its own handlers (``register(application)``); the order
below matters only for the fallbacks, registered last: a command nobody knows and a
button nobody handles. Group -2 notes senders (``handlers.admin``), group -1 is the
flood limit (:mod:`handlers.flood`). Handlers get a :class:`~handlers.context.BriefContext`
whose ``services`` is the one :class:`~handlers.context.Services` built here.

Callback data
-------------
``p:<key>:<page>:<1|0>`` (a page of a saved search, typo correction on or off) and
``t:<doc_id>:<ordinal>`` (a passage in full); ``<key>`` is the query store's key, so
the buttons keep working after a restart as long as the store persists.

Admin commands
--------------
``handlers/admin.py`` (/admin, /config, /audit, /subs, /broadcast_digest, /status) checks
the sender's user id first. The admin commands are in the menu of admins' private
chats only (``BotCommandScopeChat``, kept in step by /admin add and remove). A
``TypeHandler`` in group -2 remembers senders' usernames for ``/admin add @name``.
``/config set`` changes reach the flood limiter and scheduler through a
``LiveSettings`` listener. They reach the engine through the core thread (in turn with
index swaps), and the listener waits until they are applied, so the next search (on a
search thread) sees them.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from telegram import LinkPreviewOptions, ReplyParameters
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults

from bot.admin import AdminStore, AuditLog, LiveSettings, RuntimeSettingsStore
from bot.admin.retention import prune_storage
from bot.blocking import Blocking
from bot.config import Settings
from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.home import home_by_code
from bot.library import Engine
from bot.sources.poller import SourcePoller
from bot.sources.runtime import Runners
from bot.sources.service import SourceScheduler
from bot.sources.store import SourceStore
from bot.storage.db import Database
from bot.storage.home_regions import HomeRegionStore
from bot.storage.languages import LanguageStore
from bot.storage.queries import MemoryQueryStore
from bot.subscriptions.broadcasts import Broadcast, BroadcastStore
from bot.subscriptions.compose import DigestComposer
from bot.subscriptions.delivery import Deliverer
from bot.subscriptions.scheduler import DigestScheduler
from bot.subscriptions.service import SubscriptionService
from bot.subscriptions.store import SubscriptionStore
from bot.tokens import remember_secrets
from handlers import (
    admin,
    admin_documents,
    analytics,
    basic,
    documents,
    flood,
    inline,
    language,
    membership,
    region,
    search,
    sources,
    subscriptions,
    targets,
)
from handlers.context import CONTEXT_TYPES, QueryStoreLike, Services, services_of
from handlers.delivery import TelegramSender, admin_notifier
from handlers.errors import error_handler
from handlers.format import admin as admin_format
from handlers.i18n.prefs import LanguagePrefs
from handlers.live_index import IndexWatcher
from handlers.menus import set_admin_menu, set_menus
from handlers.ratelimit import FloodLimiter, TelegramRateLimiter
from handlers.upload_journal import reconcile as reconcile_uploads

logger = logging.getLogger(__name__)


def _apply_runtime_settings(
    settings: Settings, flood: FloodLimiter, scheduler: DigestScheduler
) -> None:
    """A runtime setting changed (``/config set``): update what holds a copy of it."""
    flood.rate_per_minute = settings.flood_rate
    flood.burst = settings.flood_burst
    scheduler.grace = timedelta(hours=settings.digest_grace_hours)
    scheduler.deliverer.uncertain = settings.delivery_uncertain


def _apply_engine_settings(engine: Engine, settings: Settings) -> None:
    """On the core thread: the engine takes the runtime values of ``settings``."""
    if engine.apply_runtime_settings(settings):
        logger.info("search engine settings updated")


# -- start-up and shutdown ---------------------------------------------------------------------
# Saved searches and audit entries past their retention are pruned at start and then daily.
PRUNE_INTERVAL_SECONDS = 24 * 3600


async def _prune_periodically(svc: Services) -> None:
    while True:
        try:
            searches, entries = await svc.run_db(
                prune_storage, svc.queries, svc.audit, svc.settings
            )
            if searches or entries:
                logger.info("pruned %d saved searches and %d audit entries", searches, entries)
        except Exception:  # a busy or broken database: try again next time
            logger.warning("pruning saved searches and the audit log failed", exc_info=True)
        await asyncio.sleep(PRUNE_INTERVAL_SECONDS)


async def _stop_background(svc: Services) -> None:
    tasks = [t for t in svc.background if not t.done()]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def _post_init(application: Application) -> None:
    """Register the command menus and warm the engine up so that the first user does not
    pay for it."""
    svc = services_of(application)
    admins = await svc.run_db(svc.admins.list)
    svc.menu_pending.update(await set_menus(application.bot, [a.user_id for a in admins]))
    try:
        await svc.run(lambda: svc.engine.searcher.lexicon)
        # the bilingual dictionary English words the glossary lacks are read through
        # (its derived table, kept in the data folder: 1-2 s the first time), before the
        # freeze below rather than on a reader's first query
        await svc.run(svc.engine.searcher.english_table)
    except Exception:  # the first search will say what is wrong; the bot still starts
        logger.warning("could not warm the search engine up", exc_info=True)
    try:  # uploads a crash interrupted (indexed by the start-up refresh) are audited now
        await reconcile_uploads(svc, [application.bot.token, svc.settings.webhook_secret_token])
    except Exception:
        logger.warning("could not audit the uploads interrupted by a restart", exc_info=True)
    # What start-up loaded (the index, jieba's dictionary, the catalogue) lives as long as
    # the process: out of the collector's way, so that a full collection does not hold the
    # event loop for 100 ms and more (bench/RESULTS.md, issue 14).
    gc.collect()
    gc.freeze()
    # Rebuilt from the database, then whatever was due while the bot was down.
    await svc.scheduler.start()
    await svc.sources.start()  # each live source polled on its own schedule
    svc.background.append(asyncio.create_task(_prune_periodically(svc), name="briefbot-prune"))
    # What another process (briefbot ingest) indexes is served without a restart.
    svc.background.append(asyncio.create_task(svc.live_index.run(), name="briefbot-live-index"))


async def _post_stop(application: Application) -> None:
    await _stop_background(services_of(application))
    await services_of(application).scheduler.stop()
    await services_of(application).sources.stop()


async def _post_shutdown(application: Application) -> None:
    svc = services_of(application)
    await _stop_background(svc)
    await svc.scheduler.stop()
    await svc.sources.stop()
    svc.blocking.shutdown()
    svc.indexing.shutdown(wait=False, cancel_futures=True)


# -- the application ---------------------------------------------------------------------------
def build_application(
    settings: Settings,
    engine: Engine,
    *,
    token: str,
    base_url: str | None = None,
    base_file_url: str | None = None,
    query_store: QueryStoreLike | None = None,
    database: Database | None = None,
    live: LiveSettings | None = None,
) -> Application:
    """The bot's ``Application`` over ``engine``.

    ``base_url``/``base_file_url`` point PTB at another Bot API server (PTB appends
    the token: ``http://host:port/bot``). ``query_store`` keeps the searches behind the
    result buttons (``bot.storage.QueryStore``); without one they are kept in memory
    and buttons from before a restart answer "expired". ``database`` holds the
    subscriptions and deliveries; without one they live in an in-memory database (the
    offline console) and are gone when the process ends; admins, the audit log and
    runtime settings live there too. ``live`` is the effective settings (default: the
    given settings plus the overrides stored in ``database``).
    """
    # httpx logs every request URL at INFO, and the URL contains the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    remember_secrets(token)  # masked in every log line, whatever its shape
    builder = (
        ApplicationBuilder()
        .token(token)
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(True)
        .defaults(Defaults(link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .rate_limiter(
            TelegramRateLimiter(
                per_second=settings.send_rate_per_second,
                group_per_minute=settings.group_messages_per_minute,
            )
        )
    )
    if base_url:
        builder = builder.base_url(base_url)
    if base_file_url:
        builder = builder.base_file_url(base_file_url)
    application = builder.build()

    if query_store is None:
        logger.warning("no query store: search buttons will not survive a restart")
        query_store = MemoryQueryStore()
    if database is None:
        logger.warning("no database: subscriptions are kept in memory only")
        database = Database.open(url="sqlite://")
    blocking = Blocking.for_database(database.url.get_backend_name())
    store = SubscriptionStore(database)
    if live is None:
        live = LiveSettings(settings, RuntimeSettingsStore(database))
    settings = live.current
    admins = AdminStore(database, settings.owners)

    async def admin_ids() -> list[int]:
        return [a.user_id for a in await blocking.run_db(admins.list)]

    languages = LanguagePrefs(LanguageStore(database), default=settings.default_language)
    home_regions = HomeRegionStore(
        database, functools.partial(home_by_code, gazetteer=default_gazetteer())
    )

    def chat_moved(old_chat_id: int, new_chat_id: int) -> None:
        """A migration found while sending a digest: the chat's language and place follow
        it (on the storage thread), as the service message moves them."""
        languages.chat_migrated(old_chat_id, new_chat_id)
        home_regions.move_chat(old_chat_id, new_chat_id)

    notify = admin_notifier(application.bot, admin_ids, languages.for_chat)
    # A chat's digests are in its /lang choice (in memory: read on the core thread). That a
    # chat was told its doc: filter names removed documents is kept on the subscription
    # with the notice's outcome "sent", in one transaction (the deliverer's told_filter).
    # the scheduler's clock (built below; tests set it): a slot sent late says so
    composer = DigestComposer(engine, language=languages.for_chat, clock=lambda: scheduler.clock())

    async def compose(sub, slot):  # the engine is only read on the core thread
        return await services_.run(composer, sub, slot)

    deliverer = Deliverer(
        store,
        compose,
        TelegramSender(application.bot),
        attempts=settings.delivery_attempts,
        backoff=settings.delivery_backoff_seconds,
        notify_admins=notify,
        on_migrated=chat_moved,
        told_filter=composer.told_filter,
        blocking=blocking,
        uncertain=settings.delivery_uncertain,
    )
    scheduler = DigestScheduler(
        store,
        deliverer,
        grace=timedelta(hours=settings.digest_grace_hours),
        workers=settings.delivery_workers,
        blocking=blocking,
        broadcasts=BroadcastStore(database),
    )

    async def report_broadcast(broadcast: Broadcast, summary: dict[str, int]) -> None:
        """A /broadcast_digest finished (maybe after a restart): the summary, in reply to
        the admin's command."""
        reply = None
        if broadcast.reply_to is not None:
            reply = ReplyParameters(broadcast.reply_to, allow_sending_without_reply=True)
        await application.bot.send_message(
            broadcast.chat_id,
            admin_format.broadcast_done(summary, broadcast.language),
            parse_mode=ParseMode.HTML,
            reply_parameters=reply,
        )

    scheduler.on_broadcast_done = report_broadcast
    flood_limiter = FloodLimiter(settings.flood_rate, settings.flood_burst)
    # Uploads, removals and rebuilds take turns on their own thread, never the core's.
    indexing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefbot-index")

    async def on_indexing(fn, /, *args, **kwargs):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(indexing, functools.partial(fn, *args, **kwargs))

    # Live sources: the store on the storage thread, new documents on the indexing thread
    # (searches go on), index swaps on the core thread.
    poller = SourcePoller(
        engine,
        SourceStore(database),
        lambda: live.current,
        runners=Runners(db=blocking.run_db, index=on_indexing, core=blocking.run),
        notify=notify,
    )
    services_ = Services(
        live,
        engine,
        query_store,
        blocking,
        subscriptions=SubscriptionService(store, lambda: live.current, scheduler),
        admins=admins,
        audit=AuditLog(database),
        scheduler=scheduler,
        indexing=indexing,
        live_index=IndexWatcher(
            engine, blocking, indexing, settings.index_check_seconds, notify_admins=notify
        ),
        sources=SourceScheduler(poller),
        flood=flood_limiter,
        languages=languages,
        home_regions=home_regions,
        notify_admins=notify,
        set_admin_menu=lambda user_id, on: set_admin_menu(application.bot, user_id, on),
    )
    application.bot_data.services = services_
    live.subscribe(lambda new: _apply_runtime_settings(new, flood_limiter, scheduler))
    # The engine's settings change on the core thread (in turn with index swaps). Searches
    # run on the search threads, so a change waits there (on the storage thread that
    # stored it) until applied: the next search after a /config set sees the new values.
    # Stored overrides apply from the start.
    blocking.core.submit(_apply_engine_settings, engine, settings)

    def apply_to_engine(new: Settings) -> None:
        futures.wait([blocking.core.submit(_apply_engine_settings, engine, new)], timeout=10)

    live.subscribe(apply_to_engine)

    flood.register(application)
    for module in (
        basic,
        language,
        region,
        search,
        documents,
        targets,
        analytics,
        subscriptions,
        membership,
        admin,
        admin_documents,
        sources,
        inline,
    ):
        module.register(application)
    # Last: what no handler above took.
    basic.register_fallback(application)
    search.register_fallback(application)
    application.add_error_handler(error_handler(token))
    return application
