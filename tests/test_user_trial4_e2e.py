"""The fourth user trial's defects of the chat product (admins, subscribers, channel
owners), through the fake Bot API server (the real Application, as ``tests/e2e.py``
drives it)."""

from __future__ import annotations

import pytest

from bot.errors import CodedError
from bot.subscriptions.commands import parse_subscribe
from fake_telegram import FakeBotApi
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running, store_of

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


async def test_a_channel_subscription_says_how_to_cancel_it_from_the_private_chat(
    server: FakeBotApi, engine, db_url
) -> None:
    """A channel's subscription was confirmed with 取消：/unsubscribe 9, which from the
    private chat it was made in answers 本聊天没有订阅 #9: the channel must be named."""
    owner = server.add_user("Olga")
    news = server.add_chat(
        "channel", "News", username="newschan", bot_status="administrator", can_post_messages=True
    )
    async with running(server, engine, db_url, owners=[owner.id]) as app:
        said = await ask_text(server, owner, owner, "/subscribe @newschan GDP 08:00")
        (sub,) = store_of(app).list_for_chat(news.id)
        assert f"/unsubscribe @newschan {sub.id}" in said
        assert f"/unsubscribe {sub.id}\n" not in said + "\n"
        # a number the channel has not: the channel is named, and how to list its own
        refused = await ask_text(server, owner, owner, "/unsubscribe @newschan 99")
        assert refused == "频道 @newschan 没有订阅 #99。发送 /subscriptions @newschan 查看。"
        assert "已取消订阅" in await ask_text(
            server, owner, owner, f"/unsubscribe @newschan {sub.id}"
        )


@pytest.mark.parametrize(
    ("typed", "schedule"),
    [
        ("GDP 8点", "08:00"),
        ("GDP 8点半", "08:30"),
        ("GDP 下午3点", "15:00"),
        ("GDP 每天8点", "08:00"),
        ("GDP 周一8点30", "mon 08:30"),
        ("GDP weekly mon 09:00", "mon 09:00"),
        ("就业 every monday 9:00", "mon 09:00"),
    ],
)
def test_a_time_said_in_words_is_the_schedule_not_a_keyword(typed: str, schedule: str) -> None:
    """``/subscribe GDP 8点`` subscribed to the keywords GDP and 8点 at the default time."""
    request = parse_subscribe(typed, default_time="07:00")
    assert request.schedule.expr == schedule
    assert request.filter_text in ("GDP", "就业")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("GDP 08:00 08:30", "schedule.two_schedules"),
        ("GDP 08:00 周一", "schedule.two_schedules"),
        ("GDP weekly", "schedule.weekday_missing"),
        ("GDP weekly 09:00", "schedule.weekday_missing"),
        ("GDP 每周 08:00", "schedule.weekday_missing"),
        ("GDP 25点", "schedule.time_out_of_range"),
    ],
)
def test_a_schedule_word_left_over_is_refused_not_filtered_on(typed: str, code: str) -> None:
    """``GDP 08:00 08:30`` filtered on the keyword 08:00; ``GDP weekly 09:00`` was a daily
    digest filtered on the keyword weekly."""
    with pytest.raises(CodedError) as refused:
        parse_subscribe(typed, default_time="08:00")
    assert refused.value.code == code


async def test_a_mistyped_schedule_subscribes_nothing_and_says_why(
    server: FakeBotApi, engine, db_url
) -> None:
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with running(server, engine, db_url, flood_burst=0) as app:
        said = await ask_text(server, user, user, "/subscribe GDP 08:00 08:30")
        assert said.startswith("只能写一个推送时间：收到“08:00”和“08:30”")
        said = await ask_text(server, user, user, "/subscribe GDP 每周 09:00")
        assert said.startswith("每周哪一天？") and "周一 09:00" in said
        said = await ask_text(server, english, english, "/subscribe GDP weekly 09:00")
        assert said.startswith("Which day of the week?")
        assert store_of(app).list_for_chat(user.id) == []
        said = await ask_text(server, user, user, "/subscribe GDP 8点半")
        assert "每天 08:30" in said and "8点" not in said


@pytest.mark.parametrize("flag", ["--all", "—all"])
async def test_the_command_lines_all_flag_works_in_the_chat_too(
    server: FakeBotApi, engine, flag: str
) -> None:
    """``/targets --all GDP`` answered 没有找到“--all GDP”的目标数据 and ``/compare GDP --all``
    “GDP”有数据，但没有关于“--all”的: the CLI's ``--all`` (which the README names beside
    ``all``) was read as an indicator or a region."""
    from tests.e2e import running as plain

    user = server.add_user("Lena")
    async with plain(server, engine):
        with_all = await ask_text(server, user, user, "/targets GDP all")
        assert await ask_text(server, user, user, f"/targets {flag} GDP") == with_all
        compared = await ask_text(server, user, user, "/compare GDP all")
        assert await ask_text(server, user, user, f"/compare GDP {flag}") == compared
        assert "--all" not in compared and "地区生产总值" in compared


async def test_an_admin_in_a_group_is_sent_to_the_private_chat_for_subs_and_audit(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/subs`` and ``/audit`` sent by a bot admin in a group listed, to every member,
    other chats' subscriptions (private users' ids and names) and who did what where.
    ``/config`` already showed a group only what may be shown there."""
    owner, ann = server.add_user("Olga"), server.add_user("Ann", username="ann_private")
    group = server.add_chat("supergroup", "Policy watchers")
    server.set_member(group, owner, "administrator")
    server.set_member(group, ann, "member")
    async with running(server, engine, db_url, owners=[owner.id], flood_burst=0):
        await ask_text(server, ann, ann, "/subscribe GDP 08:00")
        for command in ("/subs", "/audit"):
            said = await ask_text(server, group, owner, command)
            assert said == f"{command} 会列出其他聊天和用户的信息，请在与机器人的私聊中发送。"
            assert str(ann.id) not in said
        assert str(ann.id) in await ask_text(server, owner, owner, "/subs")
        listed = await ask_text(server, owner, owner, "/audit")
        assert (
            "在群组中：仅限私聊" in listed and "查看全部订阅" in listed
        )  # in the reader's language


async def test_an_id_mistyped_with_letters_is_not_called_a_username(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/admin add 123abc`` answered 不认识用户 @123abc: an @ the owner never typed, for a
    name Telegram would not allow (usernames start with a letter)."""
    owner = server.add_user("Olga")
    async with running(server, engine, db_url, owners=[owner.id]):
        said = await ask_text(server, owner, owner, "/admin add 123abc")
        assert said.startswith("“123abc”不是用户 id 或 @用户名。") and "@123abc" not in said
        assert "不认识用户 @nobody" in await ask_text(server, owner, owner, "/admin add @nobody")


async def test_a_subscriber_back_after_blocking_the_bot_gets_the_same_subscription_back(
    server: FakeBotApi, engine, db_url
) -> None:
    """A user who blocked the bot (403: deactivated) and came back found ⛔ 已停用 in
    /subscriptions with no way on; sending the same /subscribe made a second, new
    subscription beside the dead one, and an admin's /subs resume of the old one then
    doubled every digest."""
    from datetime import timedelta

    from tests.test_subscriptions_e2e import deliver_at, next_local

    jo = server.add_user("Jo")
    async with running(server, engine, db_url, flood_burst=0) as app:
        await ask_text(server, jo, jo, "/subscribe GDP 08:00")
        (sub,) = store_of(app).list_for_chat(jo.id)
        server.fail_next(
            "sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=jo.id
        )
        await deliver_at(app, sub.id, next_local(8, 0) + timedelta(seconds=1))
        assert not store_of(app).get(sub.id).active
        server.mark_seen()  # the refused digest
        listing = await ask_text(server, jo, jo, "/subscriptions")
        assert "已停用" in listing and "再发送一次相同的 /subscribe 命令即可恢复" in listing
        again = await ask_text(server, jo, jo, "/subscribe GDP 08:00")
        assert f"#{sub.id}" in again
        (back,) = store_of(app).list_for_chat(jo.id)
        assert back.id == sub.id and back.active
        assert "再发送一次" not in await ask_text(server, jo, jo, "/subscriptions")


async def test_a_channels_time_zone_and_digest_preview_are_reached_by_naming_it(
    server: FakeBotApi, engine, db_url
) -> None:
    """A channel's owner could not change its time zone (``/timezone @newschan
    Europe/Berlin``: 未知的时区“@newschan Europe/Berlin”) nor preview its digest
    (``/digest @newschan``: 没有符合“@newschan”的重点目标), though both work in any chat."""
    owner, stranger = server.add_user("Olga"), server.add_user("Sam")
    news = server.add_chat(
        "channel", "News", username="newschan", bot_status="administrator", can_post_messages=True
    )
    async with running(server, engine, db_url, owners=[owner.id], flood_burst=0) as app:
        await ask_text(server, owner, owner, "/subscribe @newschan GDP 09:00")
        said = await ask_text(server, owner, owner, "/timezone @newschan Europe/Berlin")
        assert said == (
            "频道 @newschan 的时区已设为 Europe/Berlin（已调整 1 个订阅）；"
            "该频道以后的新订阅也用这个时区。"
        )
        (sub,) = store_of(app).list_for_chat(news.id)
        assert sub.timezone == "Europe/Berlin"
        shown = await ask_text(server, owner, owner, "/timezone @newschan")
        assert shown.startswith("频道 @newschan 的时区：Europe/Berlin")
        assert "Asia/Shanghai" in await ask_text(server, owner, owner, "/timezone")  # own chat
        preview = await ask_text(server, owner, owner, "/digest @newschan")
        assert "地区生产总值" in preview and "@newschan" not in preview
        refused = await ask_text(server, stranger, stranger, "/timezone @newschan Asia/Tokyo")
        assert refused.startswith("⛔")
        assert store_of(app).get(sub.id).timezone == "Europe/Berlin"
        assert "/timezone @频道" in await ask_text(server, owner, owner, "/subscribe help")


async def test_a_language_the_bot_does_not_have_is_named_as_the_problem(
    server: FakeBotApi, engine
) -> None:
    """``/lang fr`` answered only the usage, as if the command were mistyped."""
    from tests.e2e import running as plain

    user = server.add_user("Lena")
    async with plain(server, engine):
        said = await ask_text(server, user, user, "/lang fr")
        assert said.startswith("不支持的语言“fr”：可选 zh（中文）、en（English）或 auto")
        assert "用法：/lang" in said
        assert not (await ask_text(server, user, user, "/lang")).startswith("不支持")


async def test_compares_region_headings_are_said_in_the_readers_language(
    server: FakeBotApi, engine
) -> None:
    """In English, /compare headed its regions 【烟台】: a literal in the formatter, not
    the catalogue's heading (``[烟台]`` in English, as digests have it)."""
    from tests.e2e import running as plain

    eve, lena = server.add_user("Eve", language_code="en"), server.add_user("Lena")
    async with plain(server, engine):
        said = await ask_text(server, eve, eve, "/compare GDP")
        assert "[Yantai]" in said and "【" not in said
        assert "【烟台】" in await ask_text(server, lena, lena, "/compare GDP")
