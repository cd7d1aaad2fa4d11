"""/start, /help, unknown commands, and commands posted in a channel."""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, MessageHandler, filters

from bot.text.help_words import named_command
from handlers import format as fmt
from handlers.common import NEW_MESSAGES, add_commands, application_commands, command_args
from handlers.context import BriefContext
from handlers.i18n import tr


async def start(update: Update, context: BriefContext) -> None:
    """Greet the user and explain what the bot does."""
    lang = context.services.lang(update)
    await update.effective_message.reply_html(
        fmt.help_html(context.bot.username, welcome=True, lang=lang)
    )


async def help_command(update: Update, context: BriefContext) -> None:
    """List the commands, with examples (and the admin commands for bot admins)."""
    user = update.effective_user
    lang = context.services.lang(update)
    # /help subscribe: that command's usage; the list of commands for anything else
    command = named_command(command_args(update.effective_message))
    if command is not None:
        usage = fmt.command_usage_html(
            command, default_time=context.services.settings.default_digest_time, lang=lang
        )
        if usage is not None:
            await update.effective_message.reply_html(usage)
            return
    is_admin = await context.services.check_admin(user.id if user else None)
    text = fmt.help_html(context.bot.username, admin=is_admin, lang=lang)
    if command is not None and command not in application_commands(context.application):
        # /help foo listed every command as if foo were one of them
        text = tr(lang, "help.no_such_command", command=fmt.escape(command)) + "\n\n" + text
    await update.effective_message.reply_html(text)


async def unknown_command(update: Update, context: BriefContext) -> None:
    """A command the bot does not know (private chats only: in groups it may be another bot's)."""
    lang = context.services.lang(update)
    await update.effective_message.reply_text(tr(lang, "common.unknown_command"))


async def channel_command(update: Update, context: BriefContext) -> None:
    """A command posted in a channel: the bot only posts digests there, so it says once,
    in the channel, where a channel is managed (it answered nothing: a channel's admin
    who typed /subscribe there waited for a reply that never came)."""
    post = update.effective_message
    chat = update.effective_chat
    lang = context.services.lang(update)
    ref = f"@{chat.username}" if chat.username else str(chat.id)
    hint = tr(lang, "channel_post.hint", channel=ref, bot=context.bot.username or "")
    with contextlib.suppress(TelegramError):  # no right to post: nothing else to say it with
        await post.reply_text(hint)


def register(application: Application) -> None:
    add_commands(application, {"start": start, "help": help_command})
    application.add_handler(
        MessageHandler(filters.UpdateType.CHANNEL_POST & filters.COMMAND, channel_command)
    )


def register_fallback(application: Application) -> None:
    """After every other handler: a command the bot does not know, in a private chat."""
    unknown = NEW_MESSAGES & filters.COMMAND & filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(unknown, unknown_command))
