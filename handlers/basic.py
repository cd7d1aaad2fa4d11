"""/start, /help, unknown commands, and commands posted in a channel."""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, MessageHandler, filters

from bot.text.help_words import named_command
from bot.text.typed_commands import closest_command
from handlers import format as fmt
from handlers.common import NEW_MESSAGES, add_commands, application_commands, command_args
from handlers.context import BriefContext
from handlers.format.admin import admin_help_html
from handlers.i18n import tr


async def start(update: Update, context: BriefContext) -> None:
    """Greet the user and explain what the bot does."""
    lang = context.services.lang(update)
    await update.effective_message.reply_html(
        fmt.help_html(
            context.bot.username,
            welcome=True,
            mentions=_mentions_reach(context),
            inline=_inline_on(context),
            lang=lang,
        )
    )


def _mentions_reach(context: BriefContext) -> bool:
    """Whether Telegram sends the bot a group's mentions of it (privacy mode off). A bot
    made a group's admin is sent them too, but help is not tied to one group: it says
    so instead of asking Telegram about the chat."""
    try:
        return bool(context.bot.can_read_all_group_messages)
    except RuntimeError:  # not initialised (get_me not called): say the commands only
        return False


def _inline_on(context: BriefContext) -> bool:
    """Whether the bot's inline mode is on (BotFather's /setinline): only then does
    ``@bot 关键词`` typed in a chat reach it, and help say so."""
    try:
        return bool(context.bot.supports_inline_queries)
    except RuntimeError:  # not initialised (get_me not called)
        return False


async def help_command(update: Update, context: BriefContext) -> None:
    """List the commands, with examples (and the admin commands for bot admins)."""
    user = update.effective_user
    lang = context.services.lang(update)
    # /help subscribe: that command's usage; the list of commands for anything else
    command = named_command(command_args(update.effective_message))
    if command is not None:
        commands = application_commands(context.application)
        # /help schedule: no such command, but /subscribe is what sets a time
        meant = command if command in commands else closest_command(command, commands)
        usage = fmt.command_usage_html(
            meant or command, default_time=context.services.settings.default_digest_time, lang=lang
        )
        if usage is not None and meant is not None and meant != command:
            said = tr(lang, "help.no_such_command_close", command=fmt.escape(command), meant=meant)
            await update.effective_message.reply_html(f"{said}\n\n{usage}")
            return
        if usage is not None:
            await update.effective_message.reply_html(usage)
            return
    is_admin = await context.services.check_admin(user.id if user else None)
    if command == "admin" and is_admin:
        # /help admin: the admin commands (the whole help put them last, after a screenful)
        await update.effective_message.reply_html(admin_help_html(lang))
        return
    text = fmt.help_html(
        context.bot.username,
        admin=is_admin,
        mentions=_mentions_reach(context),
        inline=_inline_on(context),
        lang=lang,
    )
    if command is not None and command not in application_commands(context.application):
        # /help foo listed every command as if foo were one of them
        text = tr(lang, "help.no_such_command", command=fmt.escape(command)) + "\n\n" + text
    await update.effective_message.reply_html(text)


async def unknown_command(update: Update, context: BriefContext) -> None:
    """A command the bot does not know (private chats only: in groups it may be another bot's);
    a misspelt one (``/targes 四川``) is answered with the command it was close to."""
    lang = context.services.lang(update)
    text = update.effective_message.text or ""
    typed, _, args = text[1:].partition(" ")
    commands = application_commands(context.application)
    meant = closest_command(typed.partition("@")[0], commands, args)
    if meant is None:
        await update.effective_message.reply_text(tr(lang, "common.unknown_command"))
        return
    command = f"/{meant} {args.strip()}".rstrip()
    said = tr(lang, "common.unknown_command_close", typed=typed, command=command)
    await update.effective_message.reply_text(said)


async def edited_command(update: Update, context: BriefContext) -> None:
    """A command message edited after it was sent: not run again (an edited /subscribe
    would subscribe twice), and said so with the command to send (the edit went unanswered,
    and the reply above it still answered the old text)."""
    message = update.effective_message
    text = (message.text or "").strip()
    name = text[1:].partition(" ")[0].partition("@")
    if name[2] and name[2].lower() != (context.bot.username or "").lower():
        return  # another bot's command
    if message.chat.type != "private" and name[0].lower() not in application_commands(
        context.application
    ):
        return
    lang = context.services.lang(update)
    await message.reply_html(tr(lang, "common.edited_command", command=fmt.escape(text)))


async def unreadable_message(update: Update, context: BriefContext) -> None:
    """A photo, sticker, voice or video in a private chat: the bot reads none of them, and
    said nothing (a photo of a table with a question as its caption went unanswered)."""
    lang = context.services.lang(update)
    await update.effective_message.reply_text(tr(lang, "common.unreadable_message"))


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
    edited = filters.UpdateType.EDITED_MESSAGE & filters.COMMAND
    application.add_handler(MessageHandler(edited, edited_command))
    unreadable = (
        filters.PHOTO
        | filters.Sticker.ALL
        | filters.VOICE
        | filters.AUDIO
        | filters.VIDEO
        | filters.VIDEO_NOTE
        | filters.ANIMATION
    )
    application.add_handler(
        MessageHandler(NEW_MESSAGES & filters.ChatType.PRIVATE & unreadable, unreadable_message)
    )
