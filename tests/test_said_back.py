"""What a user typed, said back in a reply (``bot.text.echo.said_back``): one way for the
Telegram layer (``handlers.format.html.shown``, escaped) and the core's own replies (a
digest preview that matches nothing, the admin commands' refusals of a setting or a
username)."""

from __future__ import annotations

import html

import pytest

from bot.admin import AdminError, LiveSettings, RuntimeSettingsStore, SettingError
from bot.admin.runtime import check_key, normalise_key
from bot.admin.store import clean_username
from bot.config import Settings
from bot.storage import Database
from bot.subscriptions.compose import preview_messages
from bot.text.echo import ARG_SHOWN, said_back
from handlers.format.admin import bad_user_ref, unknown_username
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


# -- the admin commands say back what was typed the same way -----------------------------------
LONG_KEY = "没有这个设置\n" + "no_such_setting_" * 20
LONG_NAME = "这不是 用户名\n" + "not a name " * 20
LONG_VALUE = "五十\n" + "个" * 150  # under the 200 characters a value may have


def _refused(error: type[Exception], call, *args):
    with pytest.raises(error) as excinfo:
        call(*args)
    return excinfo.value


def test_a_setting_typed_wrong_is_said_back_on_one_line_cut_to_the_bound() -> None:
    error = _refused(SettingError, check_key, LONG_KEY)
    assert error.params["key"] == said_back(normalise_key(LONG_KEY))
    assert error.params["key"].endswith("…") and "\n" not in str(error)


def test_a_setting_value_typed_wrong_is_said_back_the_same_way(tmp_path) -> None:
    database = Database.open(url=f"sqlite:///{tmp_path / 'said.db'}")
    try:
        live = LiveSettings(Settings(), RuntimeSettingsStore(database))
        error = _refused(SettingError, live.set, "results_per_page", LONG_VALUE, 1)
    finally:
        database.close()
    assert error.params["value"] == said_back(LONG_VALUE) and error.params["value"].endswith("…")
    assert said_back(LONG_VALUE) in str(error) and "\n" not in str(error)


def test_a_username_typed_wrong_is_said_back_the_same_way() -> None:
    error = _refused(AdminError, clean_username, LONG_NAME)
    assert error.params["name"] == said_back(LONG_NAME) and "\n" not in str(error)
    assert shown(LONG_NAME) in bad_user_ref(LONG_NAME)
    assert shown(LONG_NAME) in unknown_username("@" + LONG_NAME)
