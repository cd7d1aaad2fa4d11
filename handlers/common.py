"""What every handler module shares: registering commands, command arguments, replies,
addressing the bot.

The services handlers use are ``context.services`` (:mod:`handlers.context`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from telegram import Bot, Chat, Message, MessageEntity, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.text.help_words import asks_for_help
from handlers.format.help import command_usage_html

NEW_MESSAGES = filters.UpdateType.MESSAGE
"""New messages only: edits of old messages are not answered again."""


def add_commands(application: Application, commands: Mapping[str, Callable[..., Any]]) -> None:
    """A ``CommandHandler`` for each ``/name`` in ``commands``, for new messages only; a
    public command asked for its usage (``/subscribe --help``) answers with it."""
    for name, callback in commands.items():
        handler = _usage_first(name, callback)
        application.add_handler(CommandHandler(name, handler, filters=NEW_MESSAGES))


def application_commands(application: Application) -> set[str]:
    """The commands the application answers."""
    return {
        name
        for group in application.handlers.values()
        for handler in group
        if isinstance(handler, CommandHandler)
        for name in handler.commands
    }


async def run_as_command(update: Update, context: Any, name: str, args: str) -> None:
    """Handle ``update``'s message as if it had been sent as ``/name args`` (``／docs``,
    ``/subscribe每周一``: a command Telegram did not mark as one, its name typed right):
    the same handlers, checks and replies as the command typed so."""
    data = update.to_dict()
    text = f"/{name} {args}".rstrip()
    data["message"]["text"] = text
    data["message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": len(name) + 1}]
    await context.application.process_update(Update.de_json(data, context.bot))


def _usage_first(name: str, callback: Callable[..., Any]) -> Callable[..., Any]:
    """``callback``, unless its arguments ask for the usage (``help``, ``--help``, ``-h``,
    ``?``; 帮助 except for a search, where it is a word to look for): then the usage.
    Without it ``/subscribe -h`` subscribed the chat with the filter 排除：h."""

    async def answer(update: Any, context: Any) -> Any:
        message = update.effective_message
        if message is not None and asks_for_help(
            command_args(message), chinese_words=name != "search"
        ):
            svc = context.services
            lang = svc.lang(update)
            usage = command_usage_html(
                name, default_time=svc.settings.default_digest_time, lang=lang
            )
            if usage is not None:
                await message.reply_html(usage)
                return None
        return await callback(update, context)

    answer.__name__ = getattr(callback, "__name__", name)
    answer.__doc__ = callback.__doc__
    return answer


class ButtonHandler(CallbackQueryHandler):
    """A ``CallbackQueryHandler`` for buttons with a ``pattern``, refusing a button without
    data: PTB's own lets a query with neither data nor a game name through every
    pattern (``context.match`` is then unset), so it went to the first handler and failed.
    Such a query falls through to the stale-button answer (``handlers.search``)."""

    def check_update(self, update: object) -> Any:
        query = getattr(update, "callback_query", None)
        if query is None or not isinstance(query.data, str) or not query.data:
            return None
        return super().check_update(update)


def command_args(message: Message) -> str:
    """The text after ``/command`` (or ``/command@bot``), spacing and quotes kept."""
    text = message.text or message.caption or ""
    if not text.startswith("/"):
        return text.strip()
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def args_detail(update: Update, _context: object) -> str:
    """A command's arguments as the audit log's detail (``admin_only``'s ``detail=``)."""
    return command_args(update.effective_message)


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


def replies_to_bot(message: Message) -> bool:
    """Whether ``message`` replies to one of this bot's messages. In a forum topic every
    message replies to the topic's opening (``forum_topic_created``): that is no reply."""
    replied = message.reply_to_message
    if replied is None or replied.forum_topic_created is not None or replied.from_user is None:
        return False
    return replied.from_user.id == message.get_bot().id


class _RepliesToBot(filters.MessageFilter):
    __slots__ = ()

    def filter(self, message: Message) -> bool:
        return replies_to_bot(message)


REPLIES_TO_BOT = _RepliesToBot(name="REPLIES_TO_BOT")
"""A filter for messages that reply to this bot's."""


def sent_via_me(message: Message) -> bool:
    """Whether ``message`` is an inline result of this bot that a user picked (``via_bot``):
    their passage for the chat, not a request. Telegram delivers it to the bot like any
    message of the chat, in the bot's own private chat too, where it would otherwise be
    searched as a pasted text and answered."""
    via = message.via_bot
    return via is not None and via.id == message.get_bot().id


class _SentViaMe(filters.MessageFilter):
    __slots__ = ()

    def filter(self, message: Message) -> bool:
        return sent_via_me(message)


SENT_VIA_ME = _SentViaMe(name="SENT_VIA_ME")
"""A filter for messages sent through this bot's inline mode (:func:`sent_via_me`)."""


# -- who may change a chat's settings --------------------------------------------------------
log = logging.getLogger(__name__)
ADMIN_STATUSES = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)


async def may_manage(bot: Bot, chat: Chat, message: Message) -> bool:
    """Who may change a chat's subscriptions or language. Private chats: the user.
    Groups: group administrators only (getChatMember)."""
    if chat.type == ChatType.PRIVATE:
        return True
    if message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True  # an anonymous administrator posting as the group
    user = message.from_user
    if user is None:
        return False
    try:
        member = await bot.get_chat_member(chat.id, user.id)
    except TelegramError as exc:
        log.warning("getChatMember in chat %s failed: %s", chat.id, exc.message)
        return False
    return member.status in ADMIN_STATUSES
