"""/start, /help and unknown commands."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import telegram_format as fmt

UNKNOWN_COMMAND = "未知命令。发送 /help 查看可用的命令。\nUnknown command, see /help."


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user and explain what the bot does."""
    await update.effective_message.reply_html(fmt.help_html(context.bot.username, welcome=True))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the commands, with examples."""
    await update.effective_message.reply_html(fmt.help_html(context.bot.username))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not know (private chats only: in groups it may be another bot's)."""
    await update.effective_message.reply_text(UNKNOWN_COMMAND)
