"""The sixth user trial's defects of the chat product (a new user's searches, /targets,
/unsubscribe, an admin's /config in a group), through the fake Bot API server (the real
Application, as ``tests/e2e.py`` drives it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.subscriptions.commands import subscription_ids
from bot.subscriptions.offsets import utc_offset, zones_at
from fake_telegram import FakeBotApi
from tests.e2e import ask_text, running
from tests.test_subscriptions_e2e import deliver_at, sched, store_of
from tests.test_subscriptions_e2e import running as subscribed

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


async def test_targets_read_a_year_typed_after_the_indicator(server: FakeBotApi, engine) -> None:
    """``/targets GDP 2024`` answered 没有找到“GDP 2024”的目标数据 while the library holds
    2024's GDP target (the year was read as a region), and ``/targets GDP 烟台 2024``
    listed 2023's figures too: the year is read as ``/compare`` and ``/scorecard`` read it."""
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, user, user, "/targets GDP 2024")
        assert "没有找到" not in said
        assert "指标：GDP · 2024年" in said
        assert "增长 5.5%左右 · 2024年" in said
        assert "· 2023年" not in said  # 2023's estimates are another year
        narrowed = await ask_text(server, user, user, "/targets GDP 烟台 2024年")
        assert "增长 5.5%左右 · 2024年" in narrowed and "· 2023年" not in narrowed
        # every other year of the indicator is still there without one
        assert "· 2023年" in await ask_text(server, user, user, "/targets GDP")
        # a year nothing is about: said with the year, not read as part of a name
        none = await ask_text(server, user, user, "/targets GDP 1999")
        assert none.startswith("没有找到“GDP 1999”的目标数据")
        said = await ask_text(server, english, english, "/targets GDP 2024 all")
        assert "Indicator: GDP · 2024" in said and "· 2023 " not in said


@pytest.mark.parametrize("typed", ["1 2", "1,2", "#1、#2", "1，2"])
def test_subscription_numbers_are_read_whole(typed: str) -> None:
    assert subscription_ids(typed) == [1, 2]


@pytest.mark.parametrize("typed", ["", "abc", "1 abc", "all", "-1"])
def test_what_is_not_only_numbers_is_no_list_of_subscriptions(typed: str) -> None:
    assert subscription_ids(typed) is None


async def test_unsubscribe_cancels_every_number_typed(server: FakeBotApi, engine, db_url) -> None:
    """``/unsubscribe 1 2`` answered 已取消订阅 #1。 and left #2 running, every day, without
    a word about it."""
    user = server.add_user("Lena")
    async with subscribed(server, engine, db_url) as app:
        for filter_text in ("GDP", "就业", "科技"):
            assert "✅" in await ask_text(server, user, user, f"/subscribe {filter_text}")
        first, second, third = (s.id for s in store_of(app).list_for_chat(user.id))
        said = await ask_text(server, user, user, f"/unsubscribe {first} {second}")
        assert said == f"已取消订阅 #{first}、#{second}。"
        assert [s.id for s in store_of(app).list_for_chat(user.id)] == [third]
        # a number that is not the chat's is named; the others are still cancelled
        said = await ask_text(server, user, user, f"/unsubscribe {third},99")
        assert said == f"已取消订阅 #{third}。\n本聊天没有订阅 #99。发送 /subscriptions 查看。"
        assert store_of(app).list_for_chat(user.id) == []
        # none of them the chat's: refused as one was
        said = await ask_text(server, user, user, "/unsubscribe 98 99")
        assert said == "本聊天没有订阅 #98。发送 /subscriptions 查看。"


async def test_a_long_query_that_finds_nothing_says_so(server: FakeBotApi, engine) -> None:
    """A 500-letter query was answered with 查询过长，只使用了前 200 个字符 and nothing
    else: no word that it found nothing. A query with nothing to search keeps its note
    alone."""
    user = server.add_user("Lena")
    async with running(server, engine):
        said = await ask_text(server, user, user, "q" * 500)
        assert "查询过长，只使用了前 200 个字符" in said
        assert "没有找到相关结果。" in said
        assert "没有找到相关结果" not in await ask_text(server, user, user, "😀")
        found = await ask_text(server, user, user, "就业" * 150)
        assert "查询过长" in found and "没有找到相关结果" not in found


async def test_config_in_a_group_names_no_file_of_the_server(
    server: FakeBotApi, engine, db_url
) -> None:
    """A bot admin's ``/config`` in a group showed every member where the server keeps its
    configuration (default file: /srv/…/config/default.toml) on each line, and so did
    ``/config reset``: the source is said, the path only in the private chat."""
    owner = server.add_user("Olga")
    group = server.add_chat("supergroup", "Ops")
    server.set_member(group, owner, "administrator")
    config_dir = str(engine.settings.indicators_path.parent)
    async with subscribed(server, engine, db_url, owners=[owner.id]):
        in_group = await ask_text(server, group, owner, "/config")
        assert "results_per_page" in in_group and "默认配置文件" in in_group
        assert config_dir not in in_group and "default.toml" not in in_group
        reset = await ask_text(server, group, owner, "/config reset results_per_page")
        assert "results_per_page" in reset and "default.toml" not in reset
        private = await ask_text(server, owner, owner, "/config reset results_per_page")
        assert "default.toml" in private


async def test_the_admins_read_why_a_channel_was_lost_in_their_language(
    server: FakeBotApi, engine, db_url
) -> None:
    """The bot kicked from a channel during a digest: the Chinese owner was told
    …无法向 News（-100…）推送（403 Forbidden: bot was kicked from the channel chat）, and
    ``/subs`` listed each chat as ``private 1000002 Olga`` / ``channel -100… News``."""
    owner = server.add_user("Olga")
    news = server.add_chat(
        "channel", "News", username="newschan", bot_status="administrator", can_post_messages=True
    )
    async with subscribed(server, engine, db_url, owners=[owner.id]) as app:
        assert "✅" in await ask_text(server, owner, owner, "/subscribe @newschan GDP")
        assert "✅" in await ask_text(server, owner, owner, "/subscribe 就业")
        (sub,) = store_of(app).list_for_chat(news.id)
        server.fail_next(
            "sendMessage", 403, "Forbidden: bot was kicked from the channel chat", chat_id=news.id
        )
        await deliver_at(app, sub.id, sched(app).next_run(sub.id) + timedelta(seconds=1))
        notice = (await server.next_bot_message(owner))["text"]
        assert notice.split("\n")[0] == (
            f"⚠️ 已停用 1 个订阅：无法向 News（{news.id}）推送（机器人已被移出该聊天）。"
        )
        assert "/subscribe @频道名" in notice.split("\n")[1]  # how to get it back
        listed = await ask_text(server, owner, owner, "/subs")
        assert f"频道 {news.id} News" in listed
        assert f"私聊 {owner.id} Olga" in listed
        assert "private" not in listed and "channel" not in listed


async def test_an_app_set_to_english_tells_its_admins_in_english(
    server: FakeBotApi, engine, db_url
) -> None:
    """``default_language = "en"`` in the config: an owner who never sent /lang reads
    the bot's unasked notices in English (they were Chinese whatever the setting)."""
    owner = server.add_user("Olga")
    news = server.add_chat(
        "channel", "News", username="newschan", bot_status="administrator", can_post_messages=True
    )
    async with subscribed(server, engine, db_url, owners=[owner.id], default_language="en") as app:
        assert "✅" in await ask_text(server, owner, owner, "/subscribe @newschan GDP")
        (sub,) = store_of(app).list_for_chat(news.id)
        server.fail_next(
            "sendMessage", 403, "Forbidden: bot was kicked from the channel chat", chat_id=news.id
        )
        await deliver_at(app, sub.id, sched(app).next_run(sub.id) + timedelta(seconds=1))
        notice = (await server.next_bot_message(owner))["text"]
        assert "News" in notice and "已停用" not in notice
        assert "subscription" in notice.lower(), notice


async def test_a_preview_of_a_chat_whose_subscription_is_stopped_is_of_that_subscription(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/digest`` (``/digest @channel``) where the only subscription was paused or
    deactivated (the bot kicked from the channel) previewed every key target of the
    library, 56 of them, as if the chat had subscribed to everything."""
    user = server.add_user("Lena")
    async with subscribed(server, engine, db_url) as app:
        assert "✅" in await ask_text(server, user, user, "/subscribe GDP")
        (sub,) = store_of(app).list_for_chat(user.id)
        running_preview = await ask_text(server, user, user, "/digest")
        assert "关键词：GDP" in running_preview.splitlines()[0]
        store_of(app).pause(sub.id)
        assert await ask_text(server, user, user, "/digest") == running_preview
        store_of(app).deactivate_chat(user.id, "403 Forbidden: bot was blocked by the user")
        assert await ask_text(server, user, user, "/digest") == running_preview


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("UTC+8", 480),
        ("gmt+8", 480),
        ("UTC+08:00", 480),
        ("UTC−5", -300),
        ("UTC+5:30", 330),
        ("东八区", 480),
        ("西五区", -300),
        ("东十二区", 720),
    ],
)
def test_an_offset_typed_for_a_zone_is_read(typed: str, minutes: int) -> None:
    assert utc_offset(typed) == minutes


@pytest.mark.parametrize("typed", ["Asia/Shanghai", "UTC", "+8", "UTC+15", "UTC+8:75", "八区"])
def test_what_states_no_offset_is_none(typed: str) -> None:
    assert utc_offset(typed) is None


def test_the_zones_at_an_offset_are_those_at_it_then() -> None:
    winter, summer = datetime(2026, 1, 15, tzinfo=UTC), datetime(2026, 7, 15, tzinfo=UTC)
    assert zones_at(480, winter)[0] == "Asia/Shanghai"
    assert "Europe/Berlin" in zones_at(60, winter) and "Europe/Berlin" not in zones_at(60, summer)
    assert "Europe/Berlin" in zones_at(120, summer)


async def test_an_offset_for_a_time_zone_is_answered_with_the_zone_to_write(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/timezone UTC+8`` and ``tz=GMT+8`` (how many write China's time) answered 未知的时区
    “UTC+8”（例如 Asia/Shanghai） as if it were a typo: it is an offset, and the reply says
    the zone to write instead."""
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with subscribed(server, engine, db_url) as app:
        said = await ask_text(server, user, user, "/timezone UTC+8")
        assert said.startswith("“UTC+8”是时差，不是时区名")
        assert said.endswith("例如 Asia/Shanghai")
        said = await ask_text(server, user, user, "/subscribe GDP 09:00 tz=东八区")
        assert said.startswith("“东八区”是时差，不是时区名") and "Asia/Shanghai" in said
        assert store_of(app).list_for_chat(user.id) == []
        said = await ask_text(server, english, english, "/timezone GMT+8")
        assert said.startswith("“GMT+8” is an offset from UTC, not a time zone")
        # a zone's name still works, and a word that is neither is still unknown
        assert "Asia/Shanghai" in await ask_text(server, user, user, "/timezone Asia/Shanghai")
        assert "未知的时区" in await ask_text(server, user, user, "/timezone Mars/Base")


@pytest.mark.parametrize(
    ("lang", "year_example", "one_subscription"),
    [
        ("zh", "/targets GDP 2024", "/subscriptions 编号"),
        ("en", "/targets GDP 2024", "/subscriptions ID"),
    ],
)
def test_help_tells_of_a_year_for_targets_and_one_subscription_whole(
    lang: str, year_example: str, one_subscription: str
) -> None:
    """What this trial added is found in /help: a year after the indicator, and one
    subscription's whole filter by its number."""
    from handlers.format.help import help_html

    text = help_html("briefbot", lang=lang)
    assert year_example in text and one_subscription in text
