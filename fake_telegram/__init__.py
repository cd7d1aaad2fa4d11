"""An in-process fake of the Telegram Bot API for tests and offline runs.

Run a real python-telegram-bot ``Application`` against it by pointing ``base_url`` and
``base_file_url`` at ``FakeBotApi``; nothing leaves 127.0.0.1. See ``driver.FakeBotApi``.
"""

from fake_telegram.backend import WaitTimeout
from fake_telegram.driver import FakeBotApi
from fake_telegram.errors import ApiError
from fake_telegram.faults import LimitStats, ManualClock, RateLimits
from fake_telegram.formatting import format_text
from fake_telegram.html_parser import parse_html
from fake_telegram.models import BotCall, Chat, Member, StoredFile, User

__all__ = [
    "ApiError",
    "BotCall",
    "Chat",
    "FakeBotApi",
    "LimitStats",
    "ManualClock",
    "Member",
    "RateLimits",
    "StoredFile",
    "User",
    "WaitTimeout",
    "format_text",
    "parse_html",
]
