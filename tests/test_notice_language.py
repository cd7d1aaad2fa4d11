"""Notices to admins (and digests) follow the recipient's /lang choice, else the app's
``default_language`` setting: an owner who set English in the configuration and never
sent /lang reads English notices."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.i18n import Message
from bot.storage.languages import LanguageStore, unasked_language

NOTICE = Message("alerts.index_healed", {"damage": "meta.json missing", "aside": "x"})
ADMIN, CHOSE_ZH, CHOSE_EN, GROUP = 1001, 1002, 1003, -100500


def _chosen(choices: dict[tuple[str, int], str]):
    return lambda scope, target: choices.get((scope, target))


@pytest.mark.parametrize("default", ["zh", "en"])
def test_the_recipients_choice_else_the_configured_default(default):
    chosen = _chosen({("user", CHOSE_ZH): "zh", ("user", CHOSE_EN): "en", ("chat", GROUP): "en"})
    assert unasked_language(chosen, ADMIN, default) == default  # never chose
    assert unasked_language(chosen, CHOSE_ZH, default) == "zh"
    assert unasked_language(chosen, CHOSE_EN, default) == "en"
    assert unasked_language(chosen, GROUP, default) == "en"  # the chat's choice
    # a group's own language is its chat choice, never a member's (same id as a user)
    only_user = _chosen({("user", 500): "en"})
    assert unasked_language(only_user, -500, "zh") == "zh"


def test_an_owner_who_set_english_reads_english_notices(db, monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFBOT_DEFAULT_LANGUAGE", "en")
    settings = Settings(data_dir=tmp_path / "data")
    assert settings.default_language == "en"
    store = LanguageStore(db)
    store.set("user", CHOSE_ZH, "zh", by=CHOSE_ZH)
    english = NOTICE.text(unasked_language(store.get, ADMIN, settings.default_language))
    assert english.startswith("⚠️ The search index was damaged")
    chinese = NOTICE.text(unasked_language(store.get, CHOSE_ZH, settings.default_language))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese) and "search index" not in chinese


def test_the_default_language_is_chinese_and_checked(monkeypatch, tmp_path):
    monkeypatch.delenv("BRIEFBOT_DEFAULT_LANGUAGE", raising=False)
    assert Settings(data_dir=tmp_path / "data").default_language == "zh"
    monkeypatch.setenv("BRIEFBOT_DEFAULT_LANGUAGE", "fr")
    with pytest.raises(ValueError, match="default_language"):
        Settings(data_dir=tmp_path / "data")
