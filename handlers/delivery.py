"""The Telegram side of digest delivery: PTB's errors mapped to the deliverer's.

``bot.subscriptions.delivery`` decides what to do about a failure; this module only
says which failure it was. Order matters: in PTB ``BadRequest`` and ``TimedOut`` are
both ``NetworkError`` subclasses.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable

import httpx
from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    TelegramError,
    TimedOut,
)
from telegram.error import RetryAfter as PTBRetryAfter

from bot.i18n import Message
from bot.subscriptions import delivery as d
from handlers.ratelimit import Bulk, TelegramRateLimiter, retry_after_seconds

log = logging.getLogger(__name__)

# 400 descriptions that mean the bot cannot post to the chat any more (not a bad message).
_CHAT_GONE_400 = (
    "chat not found",
    "group chat was deleted",
    "chat_write_forbidden",
    "not enough rights to send",
    "have no rights to send",
    "need administrator rights",
    "peer_id_invalid",
    "user is deactivated",
    "bot was kicked",
)


# Timeouts before the request was handed over (no connection, no free connection): the
# message certainly did not arrive. Any other timeout waited for Telegram's answer.
_NOT_SENT = (httpx.ConnectTimeout, httpx.PoolTimeout)
# A digest message waits this long for Telegram's answer (PTB's default is 5 s): a slow
# answer taken for a lost message is the one way a digest can arrive twice
DIGEST_READ_TIMEOUT = 30.0


class TelegramSender:
    """:class:`bot.subscriptions.delivery.Sender` over a PTB ``Bot``."""

    def __init__(self, bot: Bot, read_timeout: float = DIGEST_READ_TIMEOUT) -> None:
        self.bot = bot
        self.read_timeout = read_timeout

    def ready_in(self, chat_id: int) -> float:
        """Seconds until the rate limiter lets a digest message into ``chat_id``
        (``TelegramRateLimiter.bulk_delay``); 0 with another limiter."""
        limiter = getattr(self.bot, "rate_limiter", None)
        if isinstance(limiter, TelegramRateLimiter):
            return limiter.bulk_delay(chat_id)
        return 0.0

    async def send(self, chat_id: int, html: str, *, thread_id: int | None = None) -> int:
        return await self.send_with_backlog(chat_id, html, 0, thread_id=thread_id)

    async def send_with_backlog(
        self, chat_id: int, html: str, backlog: int, *, thread_id: int | None = None
    ) -> int:
        """``send``, saying how many more messages the chat still has to get: the rate
        limiter gives the global window to the largest backlog first (``Bulk``).
        ``thread_id``: the forum topic the digest was subscribed in; a topic deleted since
        gets the digest in the chat's main thread (General) rather than no digest ever."""
        try:
            message = await self.bot.send_message(
                chat_id,
                html,
                message_thread_id=thread_id,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                rate_limit_args=Bulk(backlog),
                read_timeout=self.read_timeout,
            )
        except PTBRetryAfter as exc:
            raise d.RetryAfter(retry_after_seconds(exc), exc.message) from exc
        except ChatMigrated as exc:
            raise d.ChatMigrated(int(exc.new_chat_id)) from exc
        except Forbidden as exc:
            raise d.ChatGone(f"403 {exc.message}") from exc
        except BadRequest as exc:
            text = exc.message.lower()
            if thread_id is not None and "thread not found" in text:
                log.info("chat %s: topic %s is gone, digest sent to General", chat_id, thread_id)
                return await self.send_with_backlog(chat_id, html, backlog)
            if any(marker in text for marker in _CHAT_GONE_400):
                raise d.ChatGone(f"400 {exc.message}") from exc
            raise d.Rejected(f"400 {exc.message}") from exc
        except TimedOut as exc:
            if isinstance(exc.__cause__, _NOT_SENT):  # never reached Telegram
                raise d.Transient(f"TimedOut: {exc.message}") from exc
            raise d.NoAnswer(f"TimedOut: {exc.message}") from exc
        except NetworkError as exc:
            raise d.Transient(f"{type(exc).__name__}: {exc.message}") from exc
        except TelegramError as exc:
            raise d.Rejected(f"{type(exc).__name__}: {exc.message}") from exc
        return message.message_id


def admin_notifier(
    bot: Bot,
    admin_ids: Callable[[], Awaitable[Iterable[int]]],
    language: Callable[[int], str],
) -> d.Notifier:
    """Send a plain-text notice to every bot admin (their private chats), each in their
    language (``language(user_id)``); ``admin_ids`` reads them (off the loop)."""

    async def notify(notice: Message) -> None:
        for user_id in await admin_ids():
            try:
                await bot.send_message(user_id, notice.text(language(user_id)))
            except TelegramError as exc:
                log.warning("could not notify admin %s: %s", user_id, exc.message)

    return notify
