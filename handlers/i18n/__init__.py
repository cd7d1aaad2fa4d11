"""The Telegram side of the message catalogue: whose language a reply is in.

The catalogue itself (``zh.toml``, ``en.toml``, :func:`tr`, :class:`Catalogue`) is the
core's, :mod:`bot.i18n`: one catalogue for the core's texts (digests, schedules, notices)
and the Telegram layer's; it is re-exported here for the handlers.

The language of a reply (:func:`language_for`) follows the rule the command menus have
always used: a Telegram client whose ``language_code`` is English (``en``, ``en-GB`` …)
gets English, every other client (Chinese or any other language, or none) gets
Chinese, the bot's first language. A user may choose with ``/lang zh|en`` and a chat's
administrators with ``/lang chat zh|en`` (:mod:`handlers.i18n.prefs`).
"""

from __future__ import annotations

# The core's catalogue, re-exported for the handlers (``from handlers.i18n import tr``).
from bot.i18n import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE
from bot.i18n import LANGUAGES as LANGUAGES
from bot.i18n import Catalogue as Catalogue
from bot.i18n import Message as Message
from bot.i18n import catalogue as catalogue
from bot.i18n import placeholders as placeholders
from bot.i18n import tr as tr


def language_for(language_code: str | None) -> str:
    """The catalogue language for a Telegram ``language_code``: ``en*`` → English,
    anything else (``zh-hans``, ``zh-hant``, ``de``, none) → Chinese."""
    code = (language_code or "").strip().lower()
    return "en" if code == "en" or code.startswith(("en-", "en_")) else DEFAULT_LANGUAGE


def normalise_language(word: str) -> str | None:
    """``zh`` / ``en`` for what a user may type after ``/lang`` (中文, english …), else None."""
    word = word.strip().lower()
    if word in ("zh", "cn", "chinese", "中文", "汉语", "简体", "zh-hans", "zh-cn"):
        return "zh"
    if word in ("en", "english", "英文", "英语"):
        return "en"
    return None
