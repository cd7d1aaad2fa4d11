"""What ``user-trial16`` left (``bench/RESULTS.md``, ``trial-left16``): ``/audit`` in the
reader's language with people by name, a target question among several places, the CLI's
same-report and no-extension rules, two kept versions told apart in a digest, and the
console's ``:inline``."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.admin import AuditEntry
from fake_telegram import FakeBotApi
from handlers.format import admin as fmt
from handlers.seen import SeenUsers
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running

AT = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


def _audit(entries: list[AuditEntry], lang: str, names: dict[int, str]) -> str:
    """``/audit``'s text as the reader sees it (no tags)."""
    return re.sub(r"<[^>]+>", "", fmt.audit_list(entries, "Asia/Shanghai", lang, names))


def _entry(i: int, actor: int, action: str, result: str = "ok") -> AuditEntry:
    return AuditEntry(i, AT, actor, actor, action, "", result)


# -- /audit: actions in the reader's language, people by name ------------------------------------
def test_audit_says_the_actions_in_the_readers_language_and_keeps_an_unknown_one() -> None:
    entries = [
        _entry(1, 1, "subs pause", "error"),
        _entry(2, 1, "upload keep both"),
        _entry(3, 1, "admin frobnicate", "refused"),  # a verb typed after a refused /admin
    ]
    zh = _audit(entries, "zh", {1: "@li_zys"})
    assert "暂停订阅 · 出错" in zh and "两份都保留 · 成功" in zh
    assert "admin frobnicate · 已拒绝" in zh
    assert "subs pause" not in zh and "upload keep both" not in zh
    en = _audit(entries, "en", {1: "@li_zys"})
    assert "pause a subscription · error" in en and "keep both versions · ok" in en


def test_every_stored_action_has_a_word_in_both_languages() -> None:
    for action in fmt.AUDIT_ACTIONS:
        assert fmt.audit_action(action, "zh") != action
        assert fmt.audit_action(action, "en") != action


def test_audit_names_people_and_shows_an_id_only_where_two_share_a_name() -> None:
    entries = [_entry(1, 11, "status"), _entry(2, 12, "status"), _entry(3, 13, "status")]
    entries.append(_entry(4, 14, "status"))
    names = {11: "@li_zys", 12: "小王", 13: "小王"}  # 14: never seen
    shown = _audit(entries, "zh", names)
    lines = shown.splitlines()[1:]
    assert " @li_zys · 聊天 11 · " in lines[0] and "1000" not in lines[0]
    assert " 小王（12） · " in lines[1] and " 小王（13） · " in lines[2]
    assert " 用户 14 · " in lines[3]
    assert " Xiao (12) · " in _audit(entries[1:3], "en", {12: "Xiao", 13: "xiao"})


def test_seen_users_name_by_username_else_first_name() -> None:
    seen = SeenUsers()
    seen.see(1, "li_zys", "小李")
    seen.see(2, None, "小王")
    seen.see(3, None, None)
    assert (seen.name(1), seen.name(2), seen.name(3)) == ("@li_zys", "小王", None)
    seen.see(4, "li_zys", "Other")  # the username moved to another account
    assert seen.name(1) == "小李" and seen.name(4) == "@li_zys"


@pytest.mark.migrated_db
async def test_audit_in_a_chinese_chat_names_the_actions_and_the_people(
    server: FakeBotApi, engine, db_url
) -> None:
    li = server.add_user("小李", username="li_zys")
    wang = server.add_user("小王")
    async with running(server, engine, db_url, owners=[li.id], flood_burst=0):
        await ask_text(server, wang, wang, "/status")  # refused: not an admin
        await ask_text(server, li, li, "/subs pause 99")
        shown = await ask_text(server, li, li, "/audit")
    lines = shown.splitlines()
    assert f"@li_zys · 聊天 {li.id} · 暂停订阅 · 出错" in lines[1]
    assert f"小王 · 聊天 {wang.id} · 查看状态 · 已拒绝" in shown
    assert f"用户 {li.id}" not in shown and "subs pause" not in shown
