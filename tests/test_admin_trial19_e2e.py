"""A county 发改局 official administering the bot for her work group and its channel
(admin-trial19): changing a digest's time, the commands she guessed. The real application
against the fake Bot API server; no sleeps."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.admin.store import SERVICE_USER_IDS
from fake_telegram import WaitTimeout
from handlers.context import services_of
from handlers.format.admin import _SERVICE_SENDERS
from tests.e2e import BOT_NAME, ask, ask_text, buttons
from tests.test_subscriptions_e2e import SHANGHAI, running, store_of

pytestmark = pytest.mark.migrated_db


# -- a digest's time changed in place --------------------------------------------------------------
async def test_reschedule_moves_a_subscription_to_another_time_keeping_it(
    server, engine, db_url
) -> None:
    """/reschedule 1 每周五 17:00: the same subscription (number, filter) at the new time,
    the scheduler's next run moved with it. Changing a time took a second /subscribe and an
    /unsubscribe of the first, its history lost."""
    li = server.add_user("李科长")
    async with running(server, engine, db_url) as app:
        await ask_text(server, li, li, "/subscribe 万年县 上饶市 每周一 09:00")
        (sub,) = store_of(app).list_for_chat(li.id)
        said = await ask_text(server, li, li, f"/reschedule {sub.id} 每周五 17:00")
        new = f"✅ 订阅 #{sub.id} 的推送时间已改为 每周五 17:00（Asia/Shanghai）"
        assert said.startswith(new), said
        assert "原为 每周一 09:00" in said and "下次推送：" in said
        (moved,) = store_of(app).list_for_chat(li.id)
        assert (moved.id, moved.filter_text) == (sub.id, sub.filter_text)
        assert moved.schedule.expr == "fri 17:00"
        upcoming = services_next_run(app, sub.id).astimezone(SHANGHAI)
        assert (upcoming.isoweekday(), upcoming.hour, upcoming.minute) == (5, 17, 0)
        said = await ask_text(server, li, li, "/reschedule 9 08:00")
        assert said.startswith("本聊天没有订阅 #9"), said
        said = await ask_text(server, li, li, f"/reschedule {sub.id}")
        assert said.startswith("用法：/reschedule 编号 新时间"), said


def services_next_run(app, sub_id: int) -> datetime:
    found = services_of(app).subscriptions.scheduler.next_run(sub_id)
    assert found is not None
    return found


async def test_a_channels_digest_is_rescheduled_from_the_private_chat(
    server, engine, db_url
) -> None:
    """The channel's weekly digest moved by its admin: /reschedule @channel 1 8:30; a second
    one at that time with the same filter is refused as a twin."""
    li = server.add_user("李科长")
    server.add_chat(
        "channel",
        "万年发改动态",
        username="wannianfg",
        bot_status="administrator",
        can_post_messages=True,
    )
    async with running(server, engine, db_url, owners=[li.id]) as app:
        await ask_text(server, li, li, "/subscribe @wannianfg region:万年县 每周一 09:00")
        await ask_text(server, li, li, "/subscribe @wannianfg region:万年县 每周三 09:00")
        first, second = store_of(app).list_all()
        said = await ask_text(server, li, li, f"/reschedule @wannianfg {first.id} 每周一 8:30")
        assert f"#{first.id} 的推送时间已改为 每周一 08:30" in said, said
        said = await ask_text(server, li, li, f"/subscribe @wannianfg {first.id} 每周一 8:30")
        assert f"请发送 /reschedule @wannianfg {first.id} 每周一 8:30" in said, said
        said = await ask_text(server, li, li, f"/reschedule @wannianfg {second.id} 每周一 8:30")
        assert said.startswith(f"已有相同的订阅 #{first.id}"), said
        assert store_of(app).get(second.id).schedule.expr == "wed 09:00"
        # the audit says a channel was managed (it said 订阅频道, "subscribed a channel", of
        # every channel command: a listing, a time moved), the command typed beside it
        said = await ask_text(server, li, li, "/audit 1")
        assert "频道管理" in said and f"/reschedule @wannianfg {second.id}" in said, said


async def test_a_guessed_schedule_command_names_reschedule_not_a_new_subscription(
    server, engine, db_url
) -> None:
    """/schedule 1 每周一 08:00 was answered "did you mean /subscribe 1 每周一 08:00", which
    subscribes to the keyword 1; /subscribe 1 08:00 itself did so. Both now name
    /reschedule, and nothing is subscribed. /delete is /remove."""
    li = server.add_user("李科长")
    async with running(server, engine, db_url) as app:
        await ask_text(server, li, li, "/subscribe GDP 每周一 09:00")
        (sub,) = store_of(app).list_for_chat(li.id)
        said = await ask_text(server, li, li, f"/schedule {sub.id} 每周一 08:00")
        assert f"/reschedule {sub.id} 每周一 08:00" in said, said
        said = await ask_text(server, li, li, f"/edit {sub.id} 每周五 17:00")
        assert f"/reschedule {sub.id} 每周五 17:00" in said, said
        said = await ask_text(server, li, li, f"/subscribe {sub.id} 08:00")
        told = f"要改订阅 #{sub.id} 的推送时间，请发送 /reschedule {sub.id} 08:00"
        assert said.startswith(told), said
        assert store_of(app).list_for_chat(li.id) == [sub]
        said = await ask_text(server, li, li, "/schedule GDP 08:00")  # a new one: /subscribe
        assert "/subscribe GDP 08:00" in said, said
        said = await ask_text(server, li, li, "/delete 上饶市政府工作报告")
        assert "/remove 上饶市政府工作报告" in said, said


# -- a follow-up in the group ----------------------------------------------------------------------
@pytest.mark.fake_bot(privacy_mode=True)
async def test_a_follow_up_naming_another_place_is_searched_as_that_place(
    server, engine, db_url
) -> None:
    """A member replies 烟台市呢 to the bot's answer: the place's passages, as 烟台市 alone
    finds them (searched as the word 呢 beside the place, it found nothing); 那2024年的呢
    likewise asks the year."""
    member = server.add_user("张三")
    group = server.add_chat("supergroup", "发改局工作群")
    server.set_member(group, member, "member")
    async with running(server, engine, db_url):
        answer = await ask(server, group, member, f"/targets@{BOT_NAME} 青岛")
        await server.send_message(group, member, "烟台市呢", reply_to=answer.message)
        followed = (await server.next_call("sendMessage", chat=group)).message["text"]
        alone = await ask_text(server, group, member, f"/search@{BOT_NAME} 烟台市")
        assert "没有找到" not in followed and "烟台市2024年政府工作报告" in followed, followed
        assert followed.split("\n")[2:4] == alone.split("\n")[2:4]
        said = await ask_text(server, group, member, f"/search@{BOT_NAME} 那2024年的呢")
        assert "没有找到" not in said and "2024" in said, said


# -- the audit names an anonymous admin ------------------------------------------------------------
@pytest.mark.fake_bot(privacy_mode=True)
async def test_the_audit_names_an_anonymous_admin_as_one(server, engine, db_url) -> None:
    """An admin posting as the group (Telegram's GroupAnonymousBot) asks for /status, and is
    refused: the owner's /audit says 匿名群管理员 did, not "用户 1087968824" (an account
    behind every anonymous admin of every group, named as if it were a person)."""
    li, colleague = server.add_user("李科长"), server.add_user("王同事")
    group = server.add_chat("supergroup", "发改局工作群")
    server.set_member(group, li, "creator")
    server.set_member(group, colleague, "administrator")
    async with running(server, engine, db_url, owners=[li.id]):
        await server.send_message(group, colleague, f"/status@{BOT_NAME}", anonymous=True)
        await server.next_call("sendMessage", chat=group)
        said = await ask_text(server, li, li, "/audit 3")
        assert "1087968824" not in said, said
        assert "匿名群管理员" in said, said
        await ask_text(server, li, li, "/lang en")
        said = await ask_text(server, li, li, "/audit 3")
        assert "an anonymous group admin" in said, said


def test_every_shared_sender_of_telegram_is_named_in_the_audit() -> None:
    assert set(_SERVICE_SENDERS) == SERVICE_USER_IDS


# -- a button on a message the bot can no longer edit, in a topic ----------------------------------
@pytest.mark.fake_bot(privacy_mode=True)
async def test_a_button_on_an_inaccessible_message_answers_in_its_topic(
    server, engine, db_url
) -> None:
    """下一页 and 全文 pressed on a results message Telegram no longer gives the bot (an
    InaccessibleMessage: no topic) were answered in General; the topic now rides in the
    button, and the answer comes in 宏观."""
    lead = server.add_user("Lead")
    group = server.add_chat("supergroup", "智库研究组", is_forum=True)
    server.set_member(group, lead, "creator")
    macro = await server.create_forum_topic(group, "宏观", by=lead)
    async with running(server, engine, db_url):
        await server.send_message(group, lead, f"/search@{BOT_NAME} 就业", thread=macro)
        results = (await server.next_call("sendMessage", chat=group)).message
        assert results["message_thread_id"] == macro
        pages = buttons(results)
        await server.press_button(results, pages["下一页 ▶"], lead, inaccessible=True)
        page = (await server.next_call("sendMessage", chat=group)).message
        assert page.get("message_thread_id") == macro and "第 2/" in page["text"]
        await server.press_button(results, pages["全文 1"], lead, inaccessible=True)
        passage = (await server.next_call("sendMessage", chat=group)).message
        assert passage.get("message_thread_id") == macro
        # an old button without the topic (sent before this) still works, in General
        old = pages["下一页 ▶"].rsplit(":", 1)[0]
        assert old.count(":") == 3


async def test_asking_in_words_to_move_the_digest_says_how(server, engine, db_url) -> None:
    """改成每周五下午五点推送, typed to the bot, was searched ("did you mean 改革、形成");
    it is answered with /reschedule's usage, which asks for the subscription's number."""
    li = server.add_user("李科长")
    async with running(server, engine, db_url):
        for typed in ("改成每周五下午五点推送", "推送时间改为早上8点", "怎么改推送时间"):
            said = await ask_text(server, li, li, typed)
            assert said.startswith("用法：/reschedule 编号 新时间"), (typed, said)


# -- a colleague made admin is told --------------------------------------------------------------
async def test_a_colleague_made_admin_and_removed_is_told_each_time(server, engine, db_url) -> None:
    """The owner makes 王同事 an admin, then removes him: he is told both times in his
    private chat, by whom (he learnt it from nobody: only his command menu changed)."""
    li = server.add_user("李科长", username="li_kezhang")
    wang = server.add_user("王同事", username="wang_tz")
    async with running(server, engine, db_url, owners=[li.id]):
        await ask_text(server, wang, wang, "/start")
        assert "已添加管理员 @wang_tz" in await ask_text(server, li, li, "/admin add @wang_tz")
        told = (await server.next_call("sendMessage", chat=wang)).text
        assert told.startswith("✅ @li_kezhang 已把你设为本机器人的管理员"), told
        assert "已移除管理员 @wang_tz" in await ask_text(server, li, li, "/admin remove @wang_tz")
        told = (await server.next_call("sendMessage", chat=wang)).text
        assert told.startswith("@li_kezhang 已取消你的机器人管理员身份"), told


# -- a file sent to the bot in the group -----------------------------------------------------------
@pytest.mark.fake_bot(privacy_mode=True)
async def test_a_file_sent_to_the_bot_in_the_group_is_answered(server, engine, db_url) -> None:
    """李科长 sends the county's bulletin to the work group captioned @bot (the bot is an
    admin there, so it sees everything): told to send it in the private chat (it went
    unanswered, never added); a member is told only admins add files; a file shared in the
    group without a word to the bot is left alone."""
    li, member = server.add_user("李科长"), server.add_user("张三")
    group = server.add_chat("supergroup", "发改局工作群", bot_status="administrator")
    server.set_member(group, li, "creator")
    server.set_member(group, member, "member")
    async with running(server, engine, db_url, owners=[li.id]):
        pdf = b"%PDF-1.4 bulletin"
        await server.send_document(group, li, "统计公报.pdf", pdf, caption=f"@{BOT_NAME} 加入")
        said = (await server.next_call("sendMessage", chat=group)).text
        assert said.startswith("群里的文件不会加入文库。请在与我的私聊中发送这个文件"), said
        await server.send_document(group, member, "规划.docx", pdf, caption=f"@{BOT_NAME}")
        said = (await server.next_call("sendMessage", chat=group)).text
        assert "添加文件要由机器人管理员在与我的私聊中发送" in said, said
        await server.send_document(group, member, "会议材料.pdf", pdf)
        assert await silent(server, group)


async def silent(server, chat) -> bool:
    """Whether the bot sends nothing more to ``chat`` (a short bounded wait)."""
    try:
        await server.next_call("sendMessage", chat=chat, timeout=0.3)
    except WaitTimeout:
        return True
    return False
