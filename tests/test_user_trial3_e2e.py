"""The third user trial's defects of the chat commands, through the fake Bot API server
(the real Application, as ``tests/e2e.py`` drives it)."""

from __future__ import annotations

import pytest

from fake_telegram import FakeBotApi
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


async def test_a_member_refused_a_time_zone_change_is_told_it_is_the_time_zone(
    server: FakeBotApi, engine, db_url
) -> None:
    """A group member's ``/timezone`` was refused with the words of ``/subscribe``'s
    refusal (只有本群管理员可以更改本群的订阅): the reply named the wrong thing."""
    member, admin = server.add_user("Eve"), server.add_user("Fay")
    group = server.add_chat("supergroup", "Policy watchers")
    server.set_member(group, member, "member")
    server.set_member(group, admin, "administrator")
    async with running(server, engine, db_url):
        refused = await ask_text(server, group, member, "/timezone Europe/Berlin")
        assert refused == "只有本群管理员可以更改本群的时区。"
        assert "Asia/Shanghai" in await ask_text(server, group, member, "/timezone")
        assert "Europe/Berlin" in await ask_text(server, group, admin, "/timezone Europe/Berlin")


async def test_a_weekday_that_does_not_exist_is_refused_and_nothing_subscribed(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/subscribe GDP 周八 08:00`` was accepted as a daily digest filtered on the
    keywords GDP and 周八 (which no document holds)."""
    user = server.add_user("Lena")
    async with running(server, engine, db_url):
        refused = await ask_text(server, user, user, "/subscribe GDP 周八 08:00")
        assert "无法识别的星期“周八”" in refused and "已订阅" not in refused
        assert "本聊天没有订阅" in await ask_text(server, user, user, "/subscriptions")


async def test_subscribe_help_says_how_to_subscribe_a_channel(
    server: FakeBotApi, engine, db_url
) -> None:
    """A channel's admin found no way to a channel digest: ``/subscribe help`` and ``/help``
    never named ``/subscribe @channel`` (and a /subscribe posted in the channel is not a
    command the bot receives from anyone)."""
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with running(server, engine, db_url):
        said = await ask_text(server, user, user, "/subscribe help")
        assert "/subscribe @频道 GDP 08:30" in said and "/unsubscribe @频道 编号" in said
        said = await ask_text(server, english, english, "/subscribe help")
        assert "/subscribe @channel GDP 08:30" in said


async def test_a_subscriber_is_told_the_digests_language_when_it_is_not_theirs(
    server: FakeBotApi, engine, db_url
) -> None:
    """A user whose Telegram client is English subscribed in English and then received
    Chinese digests: a scheduled digest has no update to read the client's language
    from. The confirmation says which language the digests come in and how to change it
    (a private chat's digests now keep the subscriber's app language; a group's follow
    /lang chat)."""
    eve = server.add_user("Eve", language_code="en")
    lena = server.add_user("Lena")
    group = server.add_chat("supergroup", "Policy watchers")
    server.set_member(group, eve, "administrator")
    async with running(server, engine, db_url):
        said = await ask_text(server, eve, eve, "/subscribe GDP 08:00")
        # since english-trial18 a private chat's digests keep the subscriber's app language
        # (English here), and the confirmation says so and how to change it
        assert "Subscribed" in said and "Digests will come in English" in said
        assert "/lang zh changes it" in said
        in_group = await ask_text(server, group, eve, "/subscribe GDP 09:00")
        assert "a group administrator can send /lang chat en" in in_group
        await ask_text(server, eve, eve, "/lang en")
        again = await ask_text(server, eve, eve, "/subscribe CPI 08:00")
        assert "Subscribed" in again and "Digests will come" not in again
        chinese = await ask_text(server, lena, lena, "/subscribe GDP 08:00")
        assert "已订阅" in chinese and "推送将以" not in chinese


async def test_admin_help_says_each_admin_command_once(server: FakeBotApi, engine, db_url) -> None:
    """``/admin`` (or ``/admin help``) printed the admin help and then the /admin usage,
    whose lines the help already has: /admin list and /admin add twice."""
    owner = server.add_user("Olga")
    async with running(server, engine, db_url, owners=[owner.id]):
        for text in ("/admin", "/admin help"):
            said = await ask_text(server, owner, owner, text)
            assert "管理命令" in said and "/broadcast_digest" in said
            assert said.count("/admin list") == 1 and said.count("/admin add") == 1, said


async def test_every_refusal_to_a_non_admin_is_said_alike(
    server: FakeBotApi, engine, db_url
) -> None:
    """Non-admins were refused with ⛔ 只有机器人管理员可以使用此命令 by some commands and
    with a bare 只有机器人管理员可以管理文件 / …信息源 by others (and an upload likewise)."""
    owner, user = server.add_user("Olga"), server.add_user("Lena")
    async with running(server, engine, db_url, owners=[owner.id]):
        for text in ("/status", "/reindex", "/remove 004", "/sources", "/subscribe @somechannel"):
            said = await ask_text(server, user, user, text)
            assert said.startswith("⛔ 只有机器人管理员"), (text, said)
        await server.send_document(user, user, "a.txt", "乡村振兴".encode())
        upload = await server.next_call("sendMessage", chat=user)
        assert upload.message["text"].startswith("⛔ 只有机器人管理员")
