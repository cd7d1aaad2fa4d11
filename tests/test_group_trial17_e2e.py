"""A think tank's team in a forum supergroup (group-trial17): topics, a group upgraded to a
supergroup, the bot removed and added back, an anonymous admin. The real application
against the fake Bot API server, privacy mode on as in Telegram; no sleeps."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text

from bot.storage import Database
from bot.subscriptions.store import SubscriptionStore
from fake_telegram import FakeBotApi, User, WaitTimeout
from handlers.context import services_of
from tests.conftest import utc_literal
from tests.e2e import BOT_NAME, ask, buttons
from tests.test_subscriptions_e2e import deliver_at, next_local, running, store_of

pytestmark = [pytest.mark.migrated_db, pytest.mark.fake_bot(privacy_mode=True)]
AT = f"@{BOT_NAME}"


def forum(server: FakeBotApi, lead: User) -> Any:
    """The team's supergroup with topics, the lead its creator, the bot not in it yet."""
    chat = server.add_chat("supergroup", "智库研究组", is_forum=True, bot_status="left")
    server.set_member(chat, lead, "creator")
    return chat


async def silent(server: FakeBotApi, chat: Any) -> bool:
    """Whether the bot sends nothing more to ``chat`` (a short bounded wait)."""
    try:
        await server.next_call("sendMessage", chat=chat, timeout=0.3)
    except WaitTimeout:
        return True
    return False


# -- topics ----------------------------------------------------------------------------------------
async def test_a_digest_subscribed_in_a_topic_is_posted_in_that_topic(
    server, engine, db_url
) -> None:
    """The lead subscribes the 宏观 topic to a digest: the digest comes in 宏观, not in
    General (it came in General: the subscription kept the chat only); one subscribed in
    General still comes in General."""
    lead = server.add_user("Lead")
    group = forum(server, lead)
    macro = await server.create_forum_topic(group, "宏观", by=lead)
    server.set_member(group, server.bot, "member")
    async with running(server, engine, db_url) as app:
        await server.send_message(group, lead, f"/subscribe{AT} GDP 08:00", thread=macro)
        answer = (await server.next_call("sendMessage", chat=group)).message
        assert answer["message_thread_id"] == macro
        await server.send_message(group, lead, f"/subscribe{AT} 投资 09:00")
        await server.next_call("sendMessage", chat=group)
        topical, general = store_of(app).list_for_chat(group.id)
        assert [store_of(app).thread_of(s.id) for s in (topical, general)] == [macro, None]
        server.mark_seen()
        await deliver_at(app, topical.id, next_local(8, 0) + timedelta(seconds=1))
        digest = (await server.next_call("sendMessage", chat=group)).message
        assert "重点目标简报" in digest["text"]
        assert (digest.get("message_thread_id"), digest.get("is_topic_message")) == (macro, True)
        await deliver_at(app, general.id, next_local(9, 0) + timedelta(seconds=1))
        digest = (await server.next_call("sendMessage", chat=group)).message
        assert "message_thread_id" not in digest


def test_migration_0018_keeps_subscriptions_in_the_main_thread(db_url) -> None:
    """A 0017 database's subscription upgrades unchanged, in no topic; a topic kept goes
    with its subscription; the downgrade keeps the subscriptions."""
    db = Database(db_url)
    try:
        db.upgrade("0017")
        at = utc_literal(db, "2026-03-01 00:00:00.000000")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    # no explicit id: PostgreSQL's sequence must hand out the next one
                    "INSERT INTO subscriptions (chat_id, chat_type, chat_title, created_by, "
                    "filter_text, schedule_kind, schedule_expr, timezone, quiet_when_empty, "
                    "active, paused, deactivated_reason, last_delivered_at, created_at, "
                    "updated_at) VALUES (-100, 'supergroup', '组', 7, 'GDP', 'daily', "
                    "'08:00', 'Asia/Shanghai', FALSE, TRUE, FALSE, NULL, NULL, :at, :at)"
                ),
                {"at": at},
            )
        before = SubscriptionStore(db).list_all()
        db.upgrade("0018")
        store = SubscriptionStore(db)
        (kept,) = before
        assert store.list_all() == before and store.thread_of(kept.id) is None
        daily = before[0].schedule
        topical = store.create(-100, "supergroup", "组", 7, "投资", daily, "UTC", thread_id=5)
        assert store.thread_of(topical.id) == 5
        assert store.remove(-100, topical.id) and store.thread_of(topical.id) is None
        db.downgrade("0017")
        with db.engine.connect() as conn:
            row = conn.execute(text("SELECT chat_id, filter_text FROM subscriptions")).one()
            assert tuple(row) == (-100, "GDP")
    finally:
        db.close()


async def test_a_digest_whose_topic_was_deleted_comes_in_general(server, engine, db_url) -> None:
    """The 宏观 topic deleted after its subscription: the digest comes in General, not
    never (Telegram answers "message thread not found")."""
    lead = server.add_user("Lead")
    group = forum(server, lead)
    macro = await server.create_forum_topic(group, "宏观", by=lead)
    server.set_member(group, server.bot, "member")
    async with running(server, engine, db_url) as app:
        await server.send_message(group, lead, f"/subscribe{AT} GDP 08:00", thread=macro)
        await server.next_call("sendMessage", chat=group)
        (sub,) = store_of(app).list_for_chat(group.id)
        server.delete_forum_topic(group, macro)
        server.mark_seen()
        await deliver_at(app, sub.id, next_local(8, 0) + timedelta(seconds=1))
        digest = await server.next_bot_message(group)  # after the refused one
        assert "重点目标简报" in digest["text"] and "message_thread_id" not in digest
        assert [d.status for d in store_of(app).deliveries(sub.id)] == ["sent"]


async def moved(app: Any, chat_id: int, timeout: float = 5.0) -> None:
    """Until the migration's service messages are handled (updates are handled side by
    side: a command right after them could be handled first). The subscriptions move
    last, so once they are there the rest is too. A bounded wait on the state."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not store_of(app).list_for_chat(chat_id):
        assert loop.time() < deadline, "the migration was never handled"
        await asyncio.sleep(0.01)


# -- a basic group upgraded to a supergroup --------------------------------------------------------
async def test_the_groups_place_follows_it_to_the_supergroup(server, engine, db_url) -> None:
    """The group set its place (/region 四川), its time zone, its language and a digest;
    Telegram upgrades it to a supergroup (a new chat id): all four follow it (the place
    was left behind: 我省 read nothing in the upgraded group)."""
    lead = server.add_user("Lead")
    group = server.add_chat("group", "研究组")
    server.set_member(group, lead, "creator")
    async with running(server, engine, db_url) as app:
        for command in (
            "/region 四川",
            "/timezone Europe/Berlin",
            "/lang chat en",
            "/subscribe 投资",
        ):
            await ask(server, group, lead, f"{command.replace(' ', AT + ' ', 1)}")
        supergroup = await server.migrate_to_supergroup(group)
        server.set_member(supergroup, server.bot, "member")
        await moved(app, supergroup.id)
        said = (await ask(server, supergroup, lead, f"/region{AT}")).text
        assert said.startswith("This chat's place: 四川省"), said
        said = (await ask(server, supergroup, lead, f"/timezone{AT}")).text
        assert said.startswith("Time zone: Europe/Berlin"), said
        (sub,) = store_of(app).list_for_chat(supergroup.id)
        assert sub.filter_text == "投资"


# -- removed and added back ------------------------------------------------------------------------
async def test_added_back_the_digests_its_removal_stopped_run_again(server, engine, db_url) -> None:
    """Removed from the group and added back weeks later: the digests the removal stopped
    run again, in their topic, and the greeting says which (they stayed stopped, and
    nothing said so); a paused one stays paused."""
    lead = server.add_user("Lead")
    group = forum(server, lead)
    macro = await server.create_forum_topic(group, "宏观", by=lead)
    server.set_member(group, server.bot, "member")
    async with running(server, engine, db_url, owners=[lead.id]) as app:
        for command in ("GDP 08:00", "投资 09:00"):
            await server.send_message(group, lead, f"/subscribe{AT} {command}", thread=macro)
            await server.next_call("sendMessage", chat=group)
        first, second = store_of(app).list_for_chat(group.id)
        await ask(server, group, lead, f"/pause{AT} {second.id}")
        await server.my_chat_member(group, "member", "left", by=lead)
        told = (await server.next_call("sendMessage", chat=lead.id)).text  # the bot's admins
        assert "恢复：把机器人加回该群，这些订阅连同记录即自动恢复" in told
        assert not any(s.active for s in store_of(app).list_for_chat(group.id))
        await server.my_chat_member(group, "left", "member", by=lead)
        greeting = (await server.next_call("sendMessage", chat=group)).text
        told = (await server.next_call("sendMessage", chat=lead.id)).text
        assert told.startswith(
            f"✅ 已恢复 2 个订阅：机器人被用户 Lead（{lead.id}）加回群组 智库研究组"
        )
        assert greeting.startswith("👋 大家好")
        assert f"停止的定时推送 #{first.id}、#{second.id} 已恢复" in greeting
        back = {s.id: s for s in store_of(app).list_for_chat(group.id)}
        assert back[first.id].due and back[second.id].active and back[second.id].paused
        server.mark_seen()
        await deliver_at(app, first.id, next_local(8, 0) + timedelta(seconds=1))
        digest = (await server.next_call("sendMessage", chat=group)).message
        assert "重点目标简报" in digest["text"] and digest["message_thread_id"] == macro


async def test_a_group_never_removed_is_greeted_alone(server, engine, db_url) -> None:
    lead = server.add_user("Lead")
    group = forum(server, lead)
    async with running(server, engine, db_url):
        await server.my_chat_member(group, "left", "member", by=lead)
        greeting = (await server.next_call("sendMessage", chat=group)).text
        assert greeting.startswith("👋 大家好") and "🔔" not in greeting


# -- a failure, an anonymous admin -----------------------------------------------------------------
async def test_a_failure_in_a_topic_is_apologised_for_in_that_topic(
    server, engine, db_url, monkeypatch
) -> None:
    """A search in the 产业 topic fails: the apology comes in 产业, not in General; so does
    one after a button of a results message there."""
    lead = server.add_user("Lead")
    group = forum(server, lead)
    industry = await server.create_forum_topic(group, "产业", by=lead)
    server.set_member(group, server.bot, "member")
    async with running(server, engine, db_url):
        await server.send_message(group, lead, f"/search{AT} 投资", thread=industry)
        results = (await server.next_call("sendMessage", chat=group)).message

        def broken(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("index on fire")

        monkeypatch.setattr(engine, "search", broken)
        await server.send_message(group, lead, f"/search{AT} 投资", thread=industry)
        apology = (await server.next_call("sendMessage", chat=group)).message
        assert apology["text"].startswith("抱歉，处理您的请求时出错了")
        assert apology["message_thread_id"] == industry
        next_page = next(v for k, v in buttons(results).items() if k.startswith("下一页"))
        await server.press_button(results, next_page, lead)
        apology = (await server.next_call("sendMessage", chat=group)).message
        assert apology["message_thread_id"] == industry


async def test_an_anonymous_admins_language_is_the_groups(server, engine, db_url) -> None:
    """An admin posting as the group sets /lang en: the group's language (the choice
    was stored for GroupAnonymousBot, Telegram's one account for every anonymous admin
    of every group, and this group's members still got Chinese)."""
    lead, member = server.add_user("Lead"), server.add_user("Member")
    group = forum(server, lead)
    server.set_member(group, server.bot, "member")
    async with running(server, engine, db_url) as app:
        await server.send_message(group, lead, f"/lang{AT} en", anonymous=True)
        said = (await server.next_call("sendMessage", chat=group)).text
        assert said == "OK, I will reply in English in this chat."
        reply = (await ask(server, group, member, f"/subscriptions{AT}")).text
        assert reply == "No subscriptions here yet: send /subscribe."  # a Chinese client
        prefs = services_of(app).languages
        assert prefs.for_chat(group.id) == "en"


# -- replies to the bot ----------------------------------------------------------------------------
async def test_a_reply_to_the_bots_answer_is_searched_in_its_topic(server, engine, db_url) -> None:
    """A member replies 就业 to the bot's results in 宏观 (privacy mode delivers replies to
    the bot): searched, answered in 宏观 (it was ignored); a thank-you is not answered;
    10,000 characters in reply are searched by their start, said so."""
    lead, member = server.add_user("Lead"), server.add_user("Member")
    group = forum(server, lead)
    macro = await server.create_forum_topic(group, "宏观", by=lead)
    server.set_member(group, server.bot, "member")
    async with running(server, engine, db_url):
        await server.send_message(group, member, f"/search{AT} 经济增长", thread=macro)
        results = (await server.next_call("sendMessage", chat=group)).message
        await server.send_message(group, member, "就业", reply_to=results)
        answer = (await server.next_call("sendMessage", chat=group)).message
        assert answer["text"].startswith("🔎 就业") and answer["message_thread_id"] == macro
        await server.send_message(group, lead, "谢谢！", reply_to=results)
        assert await silent(server, group)
        await server.send_message(group, member, "政策" * 5000, reply_to=answer)
        answer = (await server.next_call("sendMessage", chat=group)).message
        assert "查询过长，只使用了前 200 个字符" in answer["text"]
        assert answer["message_thread_id"] == macro


async def test_chatter_and_another_bots_commands_are_left_alone(server, engine, db_url) -> None:
    """The bot an administrator (Telegram then gives it every message): a plain message,
    a reply to another member and /search@OtherBot get nothing from it."""
    lead, member = server.add_user("Lead"), server.add_user("Member")
    group = forum(server, lead)
    server.set_member(group, server.bot, "administrator")
    async with running(server, engine, db_url):
        said = await server.send_message(group, lead, "大家看看这份报告")
        await server.send_message(group, member, "就业", reply_to=said)
        await server.send_message(group, member, "/search@OtherBot 经济")
        assert await silent(server, group)


async def test_an_anonymous_admin_is_not_told_to_make_groupanonymousbot_an_admin(
    server, engine, db_url
) -> None:
    """An anonymous group admin tries /status: refused, and told to write as themselves
    (the refusal said to ask the owner for /admin add @GroupAnonymousBot, which would
    have made every anonymous admin of every group a bot admin)."""
    lead = server.add_user("Lead", username="lead_l")
    group = forum(server, lead)
    server.set_member(group, server.bot, "member")
    async with running(server, engine, db_url, owners=[lead.id]):
        await server.send_message(group, lead, f"/status{AT}", anonymous=True)
        refusal = (await server.next_call("sendMessage", chat=group)).text
        assert refusal.startswith("⛔ 只有机器人管理员可以使用此命令。")
        assert "GroupAnonymousBot" not in refusal and "1087968824" not in refusal
        assert "匿名" in refusal and "你自己的账号" in refusal


async def test_subscriptions_say_their_topic_and_one_per_topic_is_allowed(
    server, engine, db_url
) -> None:
    """The same weekly GDP digest subscribed in 宏观 and in 区域 is two subscriptions (the
    second was refused as 已有相同的订阅 #1, the one in 宏观); each says its topic, in
    the confirmation and in /subscriptions; twice in one topic is still refused."""
    lead = server.add_user("Lead")
    group = forum(server, lead)
    macro = await server.create_forum_topic(group, "宏观", by=lead)
    regional = await server.create_forum_topic(group, "区域", by=lead)
    server.set_member(group, server.bot, "member")
    async with running(server, engine, db_url) as app:
        said = []
        for thread in (macro, regional, regional):
            await server.send_message(
                group, lead, f"/subscribe{AT} GDP 每周一 08:00", thread=thread
            )
            said.append((await server.next_call("sendMessage", chat=group)).text)
        assert said[0].startswith("✅ 已订阅 #1") and "推送到话题：宏观" in said[0]
        assert said[1].startswith("✅ 已订阅 #2") and "推送到话题：区域" in said[1]
        assert said[2] == "已有相同的订阅 #2。"
        assert [store_of(app).thread_of(s.id) for s in store_of(app).list_for_chat(group.id)] == [
            macro,
            regional,
        ]
        listed = (await ask(server, group, lead, f"/subscriptions{AT}")).text
        assert (
            listed.index("推送到话题：宏观") < listed.index("#2") < listed.index("推送到话题：区域")
        )
