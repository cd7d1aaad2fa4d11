"""The error handler: log a failed update (token redacted) and apologise to the user; a
failure to fetch updates (another instance polling, the network) is one log line."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from telegram import Message, Update
from telegram.error import BadRequest, Conflict, NetworkError, TelegramError

from bot.tokens import redact
from handlers.context import BriefContext
from handlers.format.inline import error_button
from handlers.i18n import tr

logger = logging.getLogger(__name__)


def _describe(update: object) -> str:
    """Update id, chat id and command of ``update`` for the log (never message text)."""
    if not isinstance(update, Update):
        return "no update"
    parts = [f"update {update.update_id}"]
    if update.effective_chat is not None:
        parts.append(f"chat {update.effective_chat.id}")
    if update.callback_query is not None:
        parts.append(f"button {update.callback_query.data!r}")
    elif update.inline_query is not None:  # its words are the user's: never logged
        parts.append(f"inline query of user {update.inline_query.from_user.id}")
    elif update.effective_message is not None and update.effective_message.text:
        first = update.effective_message.text.split(maxsplit=1)[0]
        parts.append(f"command {first}" if first.startswith("/") else "text message")
    return ", ".join(parts)


def _lost_on_the_way(error: object) -> bool:
    """Whether ``error`` is a Bot API call that timed out or lost its connection (not a
    request Telegram refused): the command may have been carried out and its reply may
    still arrive."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


async def _apologise(update: Update, lang: str, *, lost: bool = False) -> None:
    # "try again later" after a reply timed out made an operator pause, subscribe or add
    # an admin twice: the command had been done, its reply came late (user-trial15)
    apology = tr(lang, "common.error_network") if lost else tr(lang, "common.error")
    if update.inline_query is not None:  # no chat to write in: the button above no results
        await update.inline_query.answer(
            [], button=error_button(lang), cache_time=0, is_personal=True
        )
        return
    query = update.callback_query
    if query is not None:
        try:
            await query.answer(apology, show_alert=True)
            return
        except TelegramError:  # already answered: say it in the chat instead
            pass
    if update.effective_chat is not None:
        # in the forum topic asked in (it came in General, to every topic's readers)
        message = update.effective_message
        topical = isinstance(message, Message) and message.is_topic_message
        thread = message.message_thread_id if topical else None
        await update.effective_chat.send_message(apology, message_thread_id=thread)


def error_handler(token: str) -> Callable:
    async def on_error(update: object, context: BriefContext) -> None:
        """Log the failure with its context (token redacted) and apologise to the user."""
        error = context.error
        if update is None and isinstance(error, Conflict):
            # getUpdates refused: another process polls (or a webhook is set) with this token
            logger.error(
                "another bot instance is running with this token (Telegram said: %s); "
                "this one gets no updates until it stops: stop one of them",
                redact(str(error), [token]),
            )
            return
        if update is None and isinstance(error, NetworkError):
            # fetching updates failed for a moment (network, timeout, Bot API 5xx); PTB retries
            logger.warning(
                "the Bot API could not be reached (%s: %s); retrying",
                type(error).__name__,
                redact(str(error), [token]),
            )
            return
        lost = _lost_on_the_way(error)
        if lost:  # one line: the network's doing, not a fault of ours to trace
            logger.warning(
                "%s: the Bot API could not be reached (%s: %s)",
                _describe(update),
                type(error).__name__,
                redact(str(error), [token]),
            )
        else:
            trace = "".join(traceback.format_exception(error)) if error else "no exception"
            logger.error("%s failed:\n%s", _describe(update), redact(trace, [token]))
        if not isinstance(update, Update):
            return
        try:
            await _apologise(update, context.services.lang(update), lost=lost)
        except TelegramError as exc:
            message = redact(str(exc), [token])
            logger.warning("%s: could not send the apology: %s", _describe(update), message)

    return on_error
