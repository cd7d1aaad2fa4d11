"""The fourth user trial's leftovers (``bench/RESULTS.md``, ``user-trial4``), through the
fake Bot API server: a channel's language, /config's refusals and /audit in the reader's
language, /audit's count, an admin's channel subscriptions, an empty upload."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fake_telegram import FakeBotApi
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import deliver_at, next_local, running, store_of

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


async def test_a_channels_language_is_set_from_the_private_chat(
    server: FakeBotApi, engine, db_url
) -> None:
    """Commands posted in a channel never reach the bot, so a channel's digests were
    always Chinese: a bot admin names it from the private chat, as /timezone @channel."""
    owner, stranger = server.add_user("Olga"), server.add_user("Sam")
    news = server.add_chat(
        "channel", "News", username="newschan", bot_status="administrator", can_post_messages=True
    )
    async with running(server, engine, db_url, owners=[owner.id], flood_burst=0) as app:
        await ask_text(server, owner, owner, "/subscribe @newschan GDP 08:00")
        (sub,) = store_of(app).list_for_chat(news.id)
        refused = await ask_text(server, stranger, stranger, "/lang chat @newschan en")
        assert refused == (
            "⛔ 只有机器人管理员可以管理频道（订阅、时区、语言）。\n"
            "要成为管理员，请联系机器人的所有者（部署机器人的人），"
            f"请他在与我的私聊中发送 /admin add {stranger.id}"
        )
        group = server.add_chat("supergroup", "Watchers")
        server.set_member(group, owner, "administrator")
        in_group = await ask_text(server, group, owner, "/lang chat @newschan en")
        assert in_group == "请在与机器人的私聊中管理频道（订阅、时区、语言）。"
        said = await ask_text(server, owner, owner, "/lang chat @newschan en")
        assert said == "好的，频道 @newschan 的推送以后用英文（English）发送。"
        assert "/lang" in await ask_text(server, owner, owner, "/lang")  # own language unchanged
        assert not (await ask_text(server, owner, owner, "/help")).startswith("👋 Hello")
        server.mark_seen()
        await deliver_at(app, sub.id, next_local(8, 0) + timedelta(seconds=1))
        digest = (await server.next_call("sendMessage", chat=news)).message["text"]
        assert digest.startswith("📊 Key targets digest · ")
        back = await ask_text(server, owner, owner, "/lang chat @newschan auto")
        assert back == "频道 @newschan 的推送已恢复为默认语言（中文）。"
        helped = await ask_text(server, owner, owner, "/help")
        assert "/lang chat @频道 en" in helped
        assert "/lang chat @频道 en" in await ask_text(server, owner, owner, "/subscribe help")


async def test_configs_refusals_are_said_in_the_readers_language(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/config set default_digest_time 25:00`` in a Chinese chat gave its reason in
    English (the settings validator's sentence): ``… is not a time of day like 08:00``."""
    owner = server.add_user("Olga")
    eve = server.add_user("Eve", language_code="en")
    async with running(server, engine, db_url, owners=[owner.id, eve.id], flood_burst=0):
        said = await ask_text(server, owner, owner, "/config set default_digest_time 25:00")
        assert "须为一天中的时间，如 08:00" in said and "not a time" not in said
        said = await ask_text(server, owner, owner, "/config set default_timezone Mars/Base")
        assert "不是 IANA 时区名称" in said and "is not an" not in said
        said = await ask_text(server, owner, owner, "/config set results_per_page 500")
        assert "须 ≥ 1 且 ≤ 50" in said and " and " not in said
        said = await ask_text(server, owner, owner, "/config set delivery_uncertain maybe")
        assert "可选 resend, skip" in said and "Input should" not in said
        said = await ask_text(server, eve, eve, "/config set default_digest_time 25:00")
        assert "must be a time of day like 08:00" in said


async def test_audit_is_said_in_the_readers_language_with_the_errors_text(
    server: FakeBotApi, engine, db_url
) -> None:
    """/audit's head words (user, chat, ok/error) were English in a Chinese chat, and an
    error's detail was ``#99: <the exception>`` with no word of what went wrong."""
    owner = server.add_user("Olga")
    eve = server.add_user("Eve", language_code="en")
    async with running(server, engine, db_url, owners=[owner.id, eve.id], flood_burst=0):
        await ask_text(server, owner, owner, "/status")
        await ask_text(server, owner, owner, "/subs pause 99")
        shown = await ask_text(server, owner, owner, "/audit")
        first = shown.splitlines()[1]
        assert f"{owner.first_name} · 聊天 {owner.id} · 暂停订阅 · 出错" in first
        assert " user " not in shown and "· error" not in shown and "· ok" not in shown
        assert "#99：失败：" in shown and "· 成功" in shown
        english = await ask_text(server, eve, eve, "/audit")
        assert f"{owner.first_name} · chat {owner.id} · pause a subscription · error" in english
        assert "#99: failed: " in english


@pytest.mark.parametrize("count", ["0", "00", "-1"])
async def test_an_audit_count_of_nothing_is_refused_with_the_usage(
    server: FakeBotApi, engine, db_url, count: str
) -> None:
    """``/audit 0`` showed the latest entry, as if 1 had been typed."""
    owner = server.add_user("Olga")
    async with running(server, engine, db_url, owners=[owner.id], flood_burst=0):
        await ask_text(server, owner, owner, "/status")
        said = await ask_text(server, owner, owner, f"/audit {count}")
        assert said.startswith("用法：/audit") and "操作记录" not in said.splitlines()[0]


async def test_an_admins_subscriptions_name_the_channels_they_subscribed(
    server: FakeBotApi, engine, db_url
) -> None:
    """An admin's /subscriptions in the private chat, after subscribing a channel from it,
    said only 本聊天没有订阅: nothing of the channel's subscriptions nor how to see them."""
    owner, ann = server.add_user("Olga"), server.add_user("Ann")
    news = server.add_chat(
        "channel", "News", username="newschan", bot_status="administrator", can_post_messages=True
    )
    async with running(server, engine, db_url, owners=[owner.id, ann.id], flood_burst=0):
        assert "为频道订阅" not in await ask_text(server, owner, owner, "/subscriptions")
        await ask_text(server, owner, owner, "/subscribe @newschan GDP 08:00")
        await ask_text(server, owner, owner, "/subscribe @newschan 就业 09:00")
        said = await ask_text(server, owner, owner, "/subscriptions")
        assert "本聊天没有订阅" in said
        assert f"News：2 个订阅 — /subscriptions {news.id}" in said
        listed = await ask_text(server, owner, owner, f"/subscriptions {news.id}")
        assert "GDP" in listed and "就业" in listed
        assert "为频道订阅" not in await ask_text(server, ann, ann, "/subscriptions")


async def test_an_empty_upload_is_refused_by_its_size_before_download(
    server: FakeBotApi, engine, db_url
) -> None:
    """An empty .txt was answered 📥 已收到 empty.txt（0 B），正在下载… then ❌ 文件为空。:
    Telegram gives its size, 0, so there is nothing to download."""
    owner = server.add_user("Olga")
    async with running(server, engine, db_url, owners=[owner.id], flood_burst=0):
        await server.send_document(owner, owner, "empty.txt", b"")
        said = (await server.next_call("sendMessage", chat=owner)).message["text"]
        assert said == "❌ 文件 empty.txt 为空（0 B），未添加。"
        assert not server.calls("getFile")
        shown = await ask_text(server, owner, owner, "/audit")
        assert "上传文件 · 已拒绝" in shown
        assert "文件 empty.txt · 大小 0 B · 已拒收（空文件）" in shown


async def test_a_failed_download_is_audited_with_a_lead_in_the_readers_language(
    server: FakeBotApi, engine, db_url
) -> None:
    """The audit of a failed download was ``<name> download: <the exception>``."""
    owner = server.add_user("Olga")
    async with running(server, engine, db_url, owners=[owner.id], flood_burst=0):
        server.fail_next("getFile", 400, "Bad Request: file is too big")
        await server.send_document(owner, owner, "plan.txt", "政策".encode())
        await server.next_call("sendMessage", chat=owner)  # 📥 已收到
        await server.next_call("editMessageText", chat=owner)
        shown = await ask_text(server, owner, owner, "/audit")
        assert "plan.txt：下载失败：" in shown and "is too big" in shown
        assert "download:" not in shown


async def test_a_channel_subscribed_in_english_says_how_to_have_its_digests_in_english(
    server: FakeBotApi, engine, db_url
) -> None:
    """A channel's subscription made by an admin reading English said nothing of the
    digests coming in Chinese (a private chat's or a group's says it)."""
    owner, eve = server.add_user("Olga"), server.add_user("Eve", language_code="en")
    server.add_chat(
        "channel", "News", username="newschan", bot_status="administrator", can_post_messages=True
    )
    async with running(server, engine, db_url, owners=[owner.id, eve.id], flood_burst=0):
        said = await ask_text(server, eve, eve, "/subscribe @newschan GDP 08:00")
        assert "come in 中文 (Chinese); send /lang chat @newschan en" in said
        await ask_text(server, eve, eve, "/lang chat @newschan en")
        said = await ask_text(server, eve, eve, "/subscribe @newschan 就业 08:00")
        assert "/lang chat" not in said
        said = await ask_text(server, owner, owner, "/subscribe @newschan 财政 08:00")
        assert "推送将以英文（English）发送；发送 /lang chat @newschan zh" in said
