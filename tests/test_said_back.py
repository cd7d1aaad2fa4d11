"""What a user typed, said back in a reply (``bot.text.echo.said_back``): one way for the
Telegram layer (``handlers.format.html.shown``, escaped) and the core's own replies (a
digest preview that matches nothing)."""

from __future__ import annotations

import html

from bot.subscriptions.compose import preview_messages
from bot.text.echo import ARG_SHOWN, said_back
from handlers.format.html import shown

LONG_FILTER = "region:火星 " + "不存在的关键词<b>&" * 40 + "\n第二行"


def test_a_long_text_is_said_back_on_one_line_cut_to_the_bound() -> None:
    back = said_back("  投资\n 增长 ")
    assert back == "投资 增长"
    long = said_back(LONG_FILTER)
    assert len(long) == ARG_SHOWN and long.endswith("…") and "\n" not in long
    assert said_back(None) == ""


def test_the_telegram_layer_escapes_what_the_core_says_back() -> None:
    assert shown(LONG_FILTER) == html.escape(said_back(LONG_FILTER), quote=False)


def test_a_preview_that_matches_nothing_says_the_filter_back_the_same_way(bundled_engine):
    (reply,) = preview_messages(bundled_engine, filter_text=LONG_FILTER, tz="Asia/Shanghai")
    assert shown(LONG_FILTER) in reply
    assert "第二行" not in reply and "<b>" not in reply
