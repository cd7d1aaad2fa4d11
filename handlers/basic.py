"""/start, /help and unknown commands."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from handlers import format as fmt
from handlers.common import services

UNKNOWN_COMMAND = "未知命令。发送 /help 查看可用的命令。\nUnknown command, see /help."


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user and explain what the bot does."""
    await update.effective_message.reply_html(fmt.help_html(context.bot.username, welcome=True))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the commands, with examples (and the admin commands for bot admins)."""
    user = update.effective_user
    is_admin = services(context).is_admin(user.id if user else None)
    await update.effective_message.reply_html(fmt.help_html(context.bot.username, admin=is_admin))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not know (private chats only: in groups it may be another bot's)."""
    await update.effective_message.reply_text(UNKNOWN_COMMAND)
