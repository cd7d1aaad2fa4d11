"""The command menus: public commands for everyone, admin commands in admins' private chats.

Chinese by default, English for English clients (``language_code``). The admin
commands are in the menu of admins' private chats only (``BotCommandScopeChat``, kept
in step by /admin add and remove); whatever a menu shows, every admin command checks
the sender's user id.
"""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from handlers.format.admin import ADMIN_COMMANDS

logger = logging.getLogger(__name__)

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


async def set_menus(bot: Bot, admin_ids: list[int]) -> None:
    """The public menu (Chinese by default, English for English clients) and each
    admin's private menu."""
    chinese, english, _admin_zh, _admin_en = _menus()
    scope = BotCommandScopeDefault()
    await bot.set_my_commands(chinese, scope=scope)
    await bot.set_my_commands(chinese, scope=scope, language_code="zh")
    await bot.set_my_commands(english, scope=scope, language_code="en")
    for user_id in admin_ids:
        await set_admin_menu(bot, user_id, True)
