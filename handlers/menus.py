"""The command menus: public commands for everyone, admin commands in admins' private chats.

Chinese by default, English for English clients (``language_code``): the rule of
:func:`handlers.i18n.language_for`, which every reply follows too. The admin
commands are in the menu of admins' private chats only (``BotCommandScopeChat``, kept
in step by /admin add and remove); whatever a menu shows, every admin command checks
the sender's user id.
"""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from handlers.format.admin import ADMIN_COMMANDS
from handlers.i18n import tr

logger = logging.getLogger(__name__)

# The public commands, in the order of the menu; each is described by the catalogue's
# ``menu.<command>`` (bot/i18n/zh.toml, en.toml).
COMMANDS: tuple[str, ...] = (
    "search",
    "docs",
    "doc",
    "targets",
    "compare",
    "scorecard",
    "changes",
    "chart",
    "subscribe",
    "subscriptions",
    "unsubscribe",
    "digest",
    "timezone",
    "region",
    "lang",
    "help",
    "start",
)
# Bot admins see these after the public commands, in their private chat with the bot only
# (BotCommandScopeChat): set at start-up for every admin and on /admin add, removed on
# /admin remove. Whatever a menu shows, every admin command checks the sender's user id.
ADMIN_MENU_COMMANDS: tuple[str, ...] = COMMANDS + ADMIN_COMMANDS


def menu(commands: tuple[str, ...], lang: str) -> list[BotCommand]:
    """``commands`` with their descriptions in ``lang``."""
    return [BotCommand(name, tr(lang, f"menu.{name}")) for name in commands]


def _menus() -> tuple[list[BotCommand], list[BotCommand], list[BotCommand], list[BotCommand]]:
    """(public Chinese, public English, admin Chinese, admin English) command lists."""
    return (
        menu(COMMANDS, "zh"),
        menu(COMMANDS, "en"),
        menu(ADMIN_MENU_COMMANDS, "zh"),
        menu(ADMIN_MENU_COMMANDS, "en"),
    )


async def set_admin_menu(bot: Bot, user_id: int, is_admin: bool) -> bool:
    """Show (or remove) the admin commands in ``user_id``'s private chat with the bot.

    Telegram refuses a chat scope for someone who never started the bot: that is logged
    and ignored (the commands work without the menu); False then.
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
        return False
    return True


async def set_menus(bot: Bot, admin_ids: list[int]) -> list[int]:
    """The public menu (Chinese by default, English for English clients) and each
    admin's private menu; the admins whose menu Telegram refused (never wrote to the bot)."""
    chinese, english, _admin_zh, _admin_en = _menus()
    scope = BotCommandScopeDefault()
    await bot.set_my_commands(chinese, scope=scope)
    await bot.set_my_commands(chinese, scope=scope, language_code="zh")
    await bot.set_my_commands(english, scope=scope, language_code="en")
    return [user_id for user_id in admin_ids if not await set_admin_menu(bot, user_id, True)]
