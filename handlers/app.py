"""The Telegram application: handlers, flood limit, error handler and command menu.

``build_application(settings, engine, token=...)`` returns a python-telegram-bot
``Application`` ready for ``run_polling()`` / ``run_webhook()`` (or, in tests, for
``initialize()``, ``post_init``, ``updater.start_polling()`` and ``start()``). The
handlers live in :mod:`handlers`; what they send is built by :mod:`handlers.format`.

Threading
---------
Updates are processed concurrently (``concurrent_updates``), so one chat waiting for
the network or the engine does not hold up the others. Core calls do not run on the
event loop: they go to a single worker thread (``Services.run``). Measured on the
bundled corpus, a warm search takes 0.3-0.7 ms, but the first query that needs typo
correction loads the pinyin lexicon (40-60 ms), target and document look-ups read
files, the query store writes to a database, and search time grows with the corpus
(the benchmark corpora are 10 and 100 MB). Blocking the loop for those would stall
every chat; one hop to the thread costs 0.05-0.1 ms (0.26 ms inline against
0.35 ms through the thread for the same warm searches). The worker is a single thread
because ``Searcher`` is documented as not thread-safe (memo tables, lazy lexicon) and
because the GIL would not run two CPU-bound searches in parallel anyway: searches
queue behind each other for a few milliseconds while the loop keeps answering.

Flood limit
-----------
A token bucket per chat, checked by a ``TypeHandler`` in group -1 before any other
handler: a chat may send ``settings.flood_burst`` requests at once and then
``settings.flood_rate`` per minute. Only updates addressed to the bot count (private
messages, its commands, mentions, button presses), so group chatter costs nothing.
The first update over the limit gets one "too many requests, wait N s" reply; later
ones are dropped without a word (a button press is answered with the same notice, so
its spinner stops) until the bucket has a token again. ``flood_burst = 0`` turns the
limit off.

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
``LiveSettings`` listener. They reach the engine through the core thread: its FIFO queue
puts the change before the next search.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.admin import AdminStore, AuditLog, LiveSettings, RuntimeSettingsStore
from bot.config import Settings
from bot.search.engine import Engine
from bot.storage.db import Database
from bot.subscriptions.compose import DigestComposer
from bot.subscriptions.delivery import Deliverer
from bot.subscriptions.scheduler import DigestScheduler
from bot.subscriptions.service import SubscriptionService
from bot.subscriptions.store import SubscriptionStore
from handlers import admin, admin_documents, basic, documents, search, subscriptions, targets
from handlers import format as fmt
from handlers.common import MENTIONS_BOT, SERVICES, QueryStoreLike, Services, mentions_bot
from handlers.delivery import TelegramSender, admin_notifier
from handlers.format import admin_documents as fmt_docs
from handlers.format.admin import ADMIN_COMMANDS
from handlers.ratelimit import TelegramRateLimiter

logger = logging.getLogger(__name__)

FLOOD = "flood_limiter"
"""The ``bot_data`` key of the :class:`FloodLimiter`."""
SCHEDULER = "digest_scheduler"
"""The ``bot_data`` key of the :class:`DigestScheduler`."""

APOLOGY = "抱歉，处理您的请求时出错了，请稍后再试。\nSorry, something went wrong. Please try again."
TOO_MANY = "请求过于频繁，请 {wait} 秒后再试。\nToo many requests, please wait {wait} s."

# (command, Chinese description, English description); also the order of the menu.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("search", "搜索政策文件：/search 关键词", "Search the documents: /search keywords"),
    ("docs", "文件列表", "List the documents"),
    ("doc", "文件详情：/doc 文件编号", "One document: /doc ID"),
    ("targets", "重点目标：/targets 指标或文件", "Key targets: /targets indicator or document"),
    ("compare", "指标对比：/compare 指标", "Compare an indicator: /compare indicator"),
    (
        "subscribe",
        "订阅定时推送：/subscribe 筛选 时间",
        "Subscribe to digests: /subscribe filter time",
    ),
    ("subscriptions", "本聊天的订阅", "This chat's subscriptions"),
    ("unsubscribe", "取消订阅：/unsubscribe 编号|all", "Unsubscribe: /unsubscribe ID|all"),
    ("digest", "立即预览推送：/digest [编号|筛选]", "Preview a digest now: /digest [ID|filter]"),
    ("timezone", "本聊天的时区", "This chat's time zone"),
    ("help", "帮助与示例", "Help and examples"),
    ("start", "开始使用", "Start"),
)
# Bot admins see these after the public commands, in their private chat with the bot only
# (BotCommandScopeChat): set at start-up for every admin and on /admin add, removed on
# /admin remove. Whatever a menu shows, every admin command checks the sender's user id.
ADMIN_MENU_COMMANDS: tuple[tuple[str, str, str], ...] = COMMANDS + ADMIN_COMMANDS


# -- saved searches without a database ---------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MemoryStoredQuery:
    key: str
    text: str
    doc: str | None = None
    region: str | None = None
    year: int | None = None


class MemoryQueryStore:
    """``QueryStore``'s ``save``/``load`` in memory: for tests and runs without a database.

    Keys are derived from the search, like the real store's; the oldest searches are
    forgotten beyond ``max_queries``.
    """

    def __init__(self, max_queries: int = 50_000) -> None:
        self.max_queries = max_queries
        self._queries: dict[str, MemoryStoredQuery] = {}
        self._lock = threading.Lock()

    def save(
        self,
        text: str,
        *,
        doc: str | None = None,
        region: str | None = None,
        year: int | None = None,
    ) -> str:
        text = text.strip()
        canonical = json.dumps([text, doc, region, year], ensure_ascii=False)
        key = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
        with self._lock:
            self._queries.pop(key, None)
            self._queries[key] = MemoryStoredQuery(key, text, doc, region, year)
            while len(self._queries) > self.max_queries:
                del self._queries[next(iter(self._queries))]
        return key

    def load(self, key: str) -> MemoryStoredQuery | None:
        return self._queries.get(key)


# -- flood limit -------------------------------------------------------------------------------
@dataclass(slots=True)
class _Bucket:
    tokens: float
    stamp: float
    warned: bool = False


@dataclass
class FloodLimiter:
    """A token bucket per chat: ``burst`` requests at once, then ``rate_per_minute``."""

    rate_per_minute: float
    burst: int
    clock: Callable[[], float] = time.monotonic
    max_chats: int = 10_000
    _buckets: dict[int, _Bucket] = field(default_factory=dict, repr=False)

    @property
    def enabled(self) -> bool:
        return self.burst > 0

    def take(self, chat_id: int) -> tuple[bool, bool, float]:
        """Spend a token of ``chat_id``: (allowed, warn, seconds until the next token).

        ``warn`` is true only for the first refusal after an allowed request.
        """
        if not self.enabled:
            return True, False, 0.0
        now = self.clock()
        rate = self.rate_per_minute / 60.0
        bucket = self._buckets.get(chat_id)
        if bucket is None:
            if len(self._buckets) >= self.max_chats:
                self._forget_idle(now, rate)
            bucket = self._buckets[chat_id] = _Bucket(float(self.burst), now)
        else:
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.stamp) * rate)
            bucket.stamp = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.warned = False
            return True, False, 0.0
        warn, bucket.warned = not bucket.warned, True
        return False, warn, (1.0 - bucket.tokens) / rate

    def _forget_idle(self, now: float, rate: float) -> None:
        """Drop the buckets that have refilled: they hold nothing a new bucket would not."""
        full = self.burst / rate
        for chat_id in [c for c, b in self._buckets.items() if now - b.stamp >= full]:
            del self._buckets[chat_id]


def _command_for_bot(message: Message) -> bool:
    """Whether ``message`` starts with a command meant for this bot (``/x`` or ``/x@me``)."""
    entities = message.entities
    if not entities or entities[0].type != MessageEntity.BOT_COMMAND or entities[0].offset:
        return False
    target = message.parse_entity(entities[0]).partition("@")[2].lower()
    return not target or target == (message.get_bot().username or "").lower()


def _addressed_to_bot(update: Update) -> bool:
    if update.callback_query is not None:
        return True
    message = update.message
    if message is None:
        return False
    return (
        message.chat.type == ChatType.PRIVATE
        or _command_for_bot(message)
        or (bool(message.text) and mentions_bot(message))
    )


async def flood_gate(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Group -1: stop updates from a chat over its flood limit."""
    limiter: FloodLimiter = context.bot_data[FLOOD]
    if not (isinstance(update, Update) and update.effective_chat and _addressed_to_bot(update)):
        return
    allowed, warn, wait = limiter.take(update.effective_chat.id)
    if allowed:
        return
    text = TOO_MANY.format(wait=max(1, math.ceil(wait)))
    if update.callback_query is not None:
        await update.callback_query.answer(text)
    elif warn:
        logger.info("flood limit: chat %s must wait %.1f s", update.effective_chat.id, wait)
        await update.effective_message.reply_text(text)
    raise ApplicationHandlerStop


# -- errors ------------------------------------------------------------------------------------
def _describe(update: object) -> str:
    """Update id, chat id and command of ``update`` for the log (never message text)."""
    if not isinstance(update, Update):
        return "no update"
    parts = [f"update {update.update_id}"]
    if update.effective_chat is not None:
        parts.append(f"chat {update.effective_chat.id}")
    if update.callback_query is not None:
        parts.append(f"button {update.callback_query.data!r}")
    elif update.effective_message is not None and update.effective_message.text:
        first = update.effective_message.text.split(maxsplit=1)[0]
        parts.append(f"command {first}" if first.startswith("/") else "text message")
    return ", ".join(parts)


async def _apologise(update: Update) -> None:
    query = update.callback_query
    if query is not None:
        try:
            await query.answer(APOLOGY, show_alert=True)
            return
        except TelegramError:  # already answered: say it in the chat instead
            pass
    if update.effective_chat is not None:
        await update.effective_chat.send_message(APOLOGY)


def _error_handler(token: str) -> Callable:
    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure with its context (token redacted) and apologise to the user."""
        error = context.error
        trace = "".join(traceback.format_exception(error)) if error else "no exception"
        logger.error("%s failed:\n%s", _describe(update), trace.replace(token, "<token>"))
        if not isinstance(update, Update):
            return
        try:
            await _apologise(update)
        except TelegramError as exc:
            message = str(exc).replace(token, "<token>")
            logger.warning("%s: could not send the apology: %s", _describe(update), message)

    return on_error


def _apply_runtime_settings(
    settings: Settings, flood: FloodLimiter, scheduler: DigestScheduler
) -> None:
    """A runtime setting changed (``/config set``): update what holds a copy of it."""
    flood.rate_per_minute = settings.flood_rate
    flood.burst = settings.flood_burst
    scheduler.grace = timedelta(hours=settings.digest_grace_hours)


def _apply_engine_settings(engine: Engine, settings: Settings) -> None:
    """On the core thread: the engine takes the runtime values of ``settings``."""
    if engine.apply_runtime_settings(settings):
        logger.info("search engine settings updated")


def _menus() -> tuple[list[BotCommand], list[BotCommand], list[BotCommand], list[BotCommand]]:
    """(public Chinese, public English, admin Chinese, admin English) command lists."""
    return (
        [BotCommand(name, zh) for name, zh, _en in COMMANDS],
        [BotCommand(name, en) for name, _zh, en in COMMANDS],
        [BotCommand(name, zh) for name, zh, _en in ADMIN_MENU_COMMANDS],
        [BotCommand(name, en) for name, _zh, en in ADMIN_MENU_COMMANDS],
    )


async def set_admin_menu(bot: Bot, user_id: int, is_admin: bool) -> None:
    """Show (or remove) the admin commands in ``user_id``'s private chat with the bot.

    Telegram refuses a chat scope for someone who never started the bot: that is logged
    and ignored (the commands work without the menu).
    """
    _zh, _en, admin_zh, admin_en = _menus()
    scope = BotCommandScopeChat(user_id)
    try:
        for commands, language in ((admin_zh, None), (admin_zh, "zh"), (admin_en, "en")):
            if is_admin:
                await bot.set_my_commands(commands, scope=scope, language_code=language)
            else:
                await bot.delete_my_commands(scope=scope, language_code=language)
    except TelegramError as exc:
        logger.info(
            "admin menu for user %s not %s: %s",
            user_id,
            "set" if is_admin else "removed",
            exc.message,
        )


# -- start-up and shutdown ---------------------------------------------------------------------
async def _post_init(application: Application) -> None:
    """Register the command menu (Chinese by default, English for English clients) and
    warm the engine up so that the first user does not pay for it."""
    bot = application.bot
    chinese, english, _admin_zh, _admin_en = _menus()
    scope = BotCommandScopeDefault()
    await bot.set_my_commands(chinese, scope=scope)
    await bot.set_my_commands(chinese, scope=scope, language_code="zh")
    await bot.set_my_commands(english, scope=scope, language_code="en")
    svc: Services = application.bot_data[SERVICES]
    for admin_ in svc.admins.list():
        await set_admin_menu(bot, admin_.user_id, True)
    try:
        await svc.run(lambda: svc.engine.searcher.lexicon)
    except Exception:  # the first search will say what is wrong; the bot still starts
        logger.warning("could not warm the search engine up", exc_info=True)
    # Rebuilt from the database, then whatever was due while the bot was down.
    await application.bot_data[SCHEDULER].start()


async def _post_stop(application: Application) -> None:
    await application.bot_data[SCHEDULER].stop()


async def _post_shutdown(application: Application) -> None:
    await application.bot_data[SCHEDULER].stop()
    svc: Services = application.bot_data[SERVICES]
    svc.executor.shutdown(wait=False, cancel_futures=True)
    application.bot_data[admin_documents.INDEXING].shutdown(wait=False, cancel_futures=True)


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
    builder = (
        ApplicationBuilder()
        .token(token)
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
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefbot-core")
    if database is None:
        logger.warning("no database: subscriptions are kept in memory only")
        database = Database.open(url="sqlite://")
    store = SubscriptionStore(database)
    if live is None:
        live = LiveSettings(settings, RuntimeSettingsStore(database))
    settings = live.current
    admins = AdminStore(database, settings.owners)
    notify = admin_notifier(application.bot, lambda: [a.user_id for a in admins.list()])
    composer = DigestComposer(engine)

    async def compose(sub, slot):  # the engine is only read on the core thread
        return await services_.run(composer, sub, slot)

    deliverer = Deliverer(
        store,
        compose,
        TelegramSender(application.bot),
        attempts=settings.delivery_attempts,
        backoff=settings.delivery_backoff_seconds,
        notify_admins=notify,
    )
    scheduler = DigestScheduler(
        store,
        deliverer,
        grace=timedelta(hours=settings.digest_grace_hours),
        workers=settings.delivery_workers,
    )
    services_ = Services(
        live,
        engine,
        query_store,
        executor,
        subscriptions=SubscriptionService(store, lambda: live.current, scheduler),
        admins=admins,
        audit=AuditLog(database),
        notify_admins=notify,
    )
    application.bot_data[SERVICES] = services_
    # Uploads, removals and rebuilds take turns on their own thread, never the core's.
    application.bot_data[admin_documents.INDEXING] = ThreadPoolExecutor(
        max_workers=1, thread_name_prefix="briefbot-index"
    )
    application.bot_data[SCHEDULER] = scheduler
    flood = application.bot_data[FLOOD] = FloodLimiter(settings.flood_rate, settings.flood_burst)
    live.subscribe(lambda new: _apply_runtime_settings(new, flood, scheduler))
    # The engine is only touched on the core thread; its queue is FIFO, so the next search
    # after a /config set already sees the new values. Stored overrides apply from the start.
    executor.submit(_apply_engine_settings, engine, settings)
    live.subscribe(lambda new: executor.submit(_apply_engine_settings, engine, new))
    application.bot_data[admin.ADMIN_MENU] = lambda user_id, on: set_admin_menu(
        application.bot, user_id, on
    )
    application.bot_data[admin.SEEN_USERS] = admin.SeenUsers()

    application.add_handler(TypeHandler(Update, admin.remember_sender), group=-2)
    application.add_handler(TypeHandler(Update, flood_gate), group=-1)

    message = filters.UpdateType.MESSAGE  # edits of old messages are not answered again
    for name, callback in (
        ("start", basic.start),
        ("help", basic.help_command),
        ("search", search.search_command),
        ("docs", documents.docs_command),
        ("doc", documents.doc_command),
        ("targets", targets.targets_command),
        ("compare", targets.compare_command),
        ("subscribe", subscriptions.subscribe_command),
        ("subscriptions", subscriptions.subscriptions_command),
        ("unsubscribe", subscriptions.unsubscribe_command),
        ("digest", subscriptions.digest_command),
        ("timezone", subscriptions.timezone_command),
        ("admin", admin.admin_command),
        ("config", admin.config_command),
        ("audit", admin.audit_command),
        ("subs", admin.subs_command),
        ("broadcast_digest", admin.broadcast_command),
        ("status", admin.status_command),
    ):
        application.add_handler(CommandHandler(name, callback, filters=message))
    for name, callback in (
        ("remove", admin_documents.remove_command),
        ("reindex", admin_documents.reindex_command),
    ):
        application.add_handler(CommandHandler(name, callback, filters=message))
    application.add_handler(
        MessageHandler(
            message & filters.Document.ALL & filters.ChatType.PRIVATE,
            admin_documents.document_message,
        )
    )
    # The spelling: "/broadcast-digest" reaches the bot as the command /broadcast.
    application.add_handler(
        MessageHandler(
            message & filters.TEXT & filters.Regex(admin.BROADCAST_DIGEST_PATTERN),
            admin.broadcast_command,
        )
    )
    text = message & filters.TEXT & ~filters.COMMAND
    application.add_handler(MessageHandler(text & filters.ChatType.PRIVATE, search.search_text))
    application.add_handler(
        MessageHandler(text & filters.ChatType.GROUPS & MENTIONS_BOT, search.search_mention)
    )
    application.add_handler(
        MessageHandler(message & filters.COMMAND & filters.ChatType.PRIVATE, basic.unknown_command)
    )
    application.add_handler(CallbackQueryHandler(search.page_button, pattern=fmt.PAGE_PATTERN))
    application.add_handler(
        CallbackQueryHandler(search.passage_button, pattern=fmt.PASSAGE_PATTERN)
    )
    application.add_handler(
        CallbackQueryHandler(admin_documents.upload_button, pattern=fmt_docs.UPLOAD_PATTERN)
    )
    application.add_handler(
        CallbackQueryHandler(admin_documents.remove_button, pattern=fmt_docs.REMOVE_PATTERN)
    )
    application.add_handler(CallbackQueryHandler(search.stale_button))
    application.add_handler(
        ChatMemberHandler(subscriptions.my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER)
    )
    application.add_handler(
        MessageHandler(filters.StatusUpdate.MIGRATE, subscriptions.chat_migrated)
    )
    application.add_error_handler(_error_handler(token))
    return application
