"""An in-process fake of the Telegram Bot API for tests and offline runs.

Run a real python-telegram-bot ``Application`` against it by pointing ``base_url`` and
``base_file_url`` at ``FakeBotApi`` (``FakeBotApi.endpoint``) and start it with
``polling(app)``; nothing leaves 127.0.0.1. See ``driver.FakeBotApi`` and ``serving``.
"""

from fake_telegram.backend import WaitTimeout
from fake_telegram.driver import FakeBotApi
from fake_telegram.errors import ApiError
from fake_telegram.faults import LimitStats, ManualClock, RateLimits
from fake_telegram.formatting import format_text
from fake_telegram.html_parser import parse_html
from fake_telegram.models import BotCall, Chat, Member, StoredFile, User
from fake_telegram.serving import Endpoint, PollingApp, polling

__all__ = [
    "ApiError",
    "BotCall",
    "Chat",
    "Endpoint",
    "FakeBotApi",
    "LimitStats",
    "ManualClock",
    "Member",
    "PollingApp",
    "RateLimits",
    "StoredFile",
    "User",
    "WaitTimeout",
    "format_text",
    "parse_html",
    "polling",
]
