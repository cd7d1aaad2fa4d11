"""The tenth user trial's defects (a provincial development-research centre's researcher
following three provinces, in a private chat and a group she administers), through the
fake Bot API server (the real Application, as ``tests/e2e.py`` drives it), with unit cases
of the pure parts on invented text."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.library import Engine
from bot.subscriptions.commands import parse_subscribe, subscriptions_naming
from bot.subscriptions.schedule import ScheduleError
from bot.text.typed_commands import closest_command, typed_command
from fake_telegram import FakeBotApi
from tests.e2e import ask_text, running
from tests.test_subscriptions_e2e import running as subscribed
from tests.test_subscriptions_e2e import store_of

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db

COMMANDS = {"subscribe", "subscriptions", "unsubscribe", "targets", "compare", "region", "help"}


# -- a command's name typed without its slash -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "args", "reads_only"),
    [
        ("subscribe GDP", "subscribe", "GDP", False),
        ("Subscribe region:福建 外贸 09:30", "subscribe", "region:福建 外贸 09:30", False),
        ("unsubscribe 3", "unsubscribe", "3", False),
        ("region 泉州", "region", "泉州", False),
        ("targets 茶叶 福建", "targets", "茶叶 福建", True),
        ("compare CPI 福建 浙江", "compare", "CPI 福建 浙江", True),
        ("subscriptions", "subscriptions", "", True),
    ],
)
def test_a_command_name_without_its_slash_is_noticed(
    text: str, name: str, args: str, reads_only: bool
) -> None:
    found = typed_command(text, COMMANDS)
    assert found is not None and (found.name, found.args, found.how) == (name, args, "bare")
    assert found.reads_only is reads_only


@pytest.mark.parametrize(
    "text",
    [
        "targets for tea output in Fujian",  # an English question opening with the word
        "compare the CPI of Fujian and Zhejiang",
        "GDP subscribe",  # the word not first
        "subscriber 福建",  # not a command's name
        "订阅 茶叶",
    ],
)
def test_sentences_and_other_words_stay_searches(text: str) -> None:
    assert typed_command(text, COMMANDS) is None


@pytest.mark.parametrize(
    "text",
    ["我订阅了什么", "我都订阅了哪些？", "我的订阅", "查看订阅", "下次推送是什么时候",
     "什么时候推送", "下次几点推送？", "推送时间", "我订阅的内容"],
)  # fmt: skip
def test_asking_what_is_subscribed_means_the_list(text: str) -> None:
    found = typed_command(text, COMMANDS)
    assert found is not None and (found.name, found.how) == ("subscriptions", "asked")


@pytest.mark.parametrize("text", ["推送 政策", "订阅制 改革", "推送时间表 安排", "我订阅"])
def test_words_about_pushing_inside_a_query_stay_a_search(text: str) -> None:
    assert typed_command(text, COMMANDS) is None


async def test_a_command_without_its_slash_is_not_searched(
    server: FakeBotApi, engine, db_url
) -> None:
    """``subscribe GDP`` was searched as text ("subscribe" read as an English word): the
    reply was a page of results and nothing said that a command needs its slash."""
    researcher = server.add_user("李研")
    async with subscribed(server, engine, db_url) as app:
        said = await ask_text(server, researcher, researcher, "subscribe GDP")
        assert said == "命令要以 / 开头，这条消息没有执行，也没有搜索。请发送 /subscribe GDP"
        assert store_of(app).list_for_chat(researcher.id) == []  # never subscribed on a guess
        said = await ask_text(server, researcher, researcher, "/subscribe GDP")
        assert said.startswith("✅ 已订阅")
        # a command that only shows something is run: the list, as /subscriptions
        said = await ask_text(server, researcher, researcher, "subscriptions")
        assert said.startswith("本聊天的订阅") and "关键词：GDP" in said
        # an English question opening with a command's word is still a search
        said = await ask_text(server, researcher, researcher, "targets for GDP growth")
        assert said.startswith("🔎")


async def test_asking_what_she_is_subscribed_to_lists_the_subscriptions(
    server: FakeBotApi, engine, db_url
) -> None:
    """``我订阅了什么`` was searched (five hits for 我, suggestions 订单、可阅、调阅);
    ``下次推送是什么时候`` found a 2017 report's 任何时候."""
    researcher = server.add_user("李研")
    async with subscribed(server, engine, db_url) as app:
        await ask_text(server, researcher, researcher, "/subscribe region:山东 GDP 07:30")
        for asked in ("我订阅了什么", "下次推送是什么时候？"):
            said = await ask_text(server, researcher, researcher, asked)
            assert said.startswith("本聊天的订阅") and "地区：山东" in said
            assert "下次：" in said and "🔎" not in said
        assert len(store_of(app).list_for_chat(researcher.id)) == 1


# -- documents of two provinces (invented) --------------------------------------------------------
PROVINCES = {
    "fujian_2025_gwr.txt": (
        "福建省2025年政府工作报告\n\n"
        "一、2024年工作回顾\n过去一年，全省地区生产总值增长5.5%，城镇新增就业50万人。\n\n"
        "二、2025年主要目标\n全省地区生产总值增长5.5%左右，城镇新增就业45万人以上。\n"
    ),
    "zhejiang_2025_gwr.txt": (
        "浙江省2025年政府工作报告\n\n"
        "一、2024年工作回顾\n过去一年，全省地区生产总值增长5.4%，城镇新增就业110万人。\n\n"
        "二、2025年主要目标\n全省地区生产总值增长5%左右，城镇新增就业100万人以上。\n"
    ),
}


@pytest.fixture(scope="module")
def provinces(tmp_path_factory: pytest.TempPathFactory, tokenizer) -> Engine:
    root = tmp_path_factory.mktemp("trial10-provinces")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, body in PROVINCES.items():
        (corpus / name).write_text(body, encoding="utf-8")
    return Engine.open(
        Settings(corpus_dir=corpus, data_dir=root / "data", flood_burst=0), tokenizer=tokenizer
    )


def test_a_place_before_the_indicator_narrows_it(provinces: Engine) -> None:
    """``/targets 四川 GDP`` found nothing (四川 was looked up as an indicator's name) while
    ``/targets GDP 四川`` listed the province's figures."""
    first = provinces.lookup_indicator("福建 GDP")
    assert (first.indicator, first.region) == ("GDP", "福建")
    assert first.found.rows and {r.record.region for r in first.found.rows} == {"福建"}
    after = provinces.lookup_indicator("GDP 福建")
    assert first.found.rows == after.found.rows
    # a word that is no place stays part of the indicator's name
    assert provinces.lookup_indicator("城镇 新增就业").region is None


async def test_targets_with_the_place_first_in_a_group(
    server: FakeBotApi, provinces: Engine
) -> None:
    researcher = server.add_user("李研")
    group = server.add_chat("supergroup", "政策研究组")
    server.set_member(group, researcher, "administrator")
    async with running(server, provinces):
        said = await ask_text(server, group, researcher, "/targets@fake_test_bot 福建 GDP")
        assert "5.5%左右" in said and "浙江" not in said and "没有找到" not in said


async def test_our_province_in_a_subscription_says_the_place_and_stays_on_it(
    server: FakeBotApi, provinces: Engine, db_url
) -> None:
    """The group subscribed with 本省 while its place was 福建, then changed /region to 浙江:
    nothing said the subscription kept 福建 (the rule: 本省 is read when subscribing)."""
    researcher = server.add_user("李研")
    group = server.add_chat("supergroup", "政策研究组")
    server.set_member(group, researcher, "administrator")
    async with subscribed(server, provinces, db_url) as app:
        await ask_text(server, group, researcher, "/region 福建")
        said = await ask_text(server, group, researcher, "/subscribe 本省 GDP")
        assert "地区：福建" in said
        assert "“本省”按本聊天现在的地区读作 福建省" in said and "仍按 福建省 推送" in said
        await ask_text(server, group, researcher, "/subscribe 就业 region:浙江")
        said = await ask_text(server, group, researcher, "/region 浙江")
        assert said.startswith("好的，本聊天的地区已设为 浙江省。")
        (first, _second) = store_of(app).list_for_chat(group.id)
        assert f"订阅 #{first.id} 仍按 福建省 推送" in said
        assert f"/unsubscribe {first.id} 后重新订阅" in said
        assert "region:福建" in first.filter_text  # the subscription itself did not move
        # a place set for the first time has nothing to warn about
        said = await ask_text(server, researcher, researcher, "/region 浙江")
        assert "仍按" not in said


# -- mistakes: a misspelt command, an edited one, a photo -----------------------------------------
@pytest.mark.parametrize(
    ("typed", "meant"),
    [("targes", "targets"), ("subscibe", "subscribe"), ("Compare", "compare"), ("foo", None),
     ("next", None)],
)  # fmt: skip
def test_the_closest_command_to_a_misspelt_one(typed: str, meant: str | None) -> None:
    assert closest_command(typed, COMMANDS) == meant


async def test_a_misspelt_command_is_answered_with_the_one_meant(
    server: FakeBotApi, engine
) -> None:
    """``/targes 四川`` answered only "未知命令。发送 /help 查看可用的命令。"."""
    researcher = server.add_user("李研")
    async with running(server, engine):
        said = await ask_text(server, researcher, researcher, "/targes 四川")
        assert said.startswith("没有 /targes 这个命令。您是不是要发送 /targets 四川？")
        said = await ask_text(server, researcher, researcher, "/foo")
        assert said == "未知命令。发送 /help 查看可用的命令。"


async def test_an_edited_command_says_it_is_not_run_again(
    server: FakeBotApi, engine, db_url
) -> None:
    """She edited ``/subscribe GDP 山东`` into ``/subscribe GDP 江苏``: no answer at all, and
    the subscription stayed on 山东 without her knowing."""
    researcher = server.add_user("李研")
    group = server.add_chat("supergroup", "政策研究组")
    server.set_member(group, researcher, "administrator")
    async with subscribed(server, engine, db_url) as app:
        sent = await server.send_message(researcher, researcher, "/subscribe GDP region:山东")
        await server.next_call("sendMessage", chat=researcher)
        await server.edit_message(sent, "/subscribe GDP region:江苏")
        call = await server.next_call("sendMessage", chat=researcher)
        assert call.message["text"] == (
            "✏️ 修改过的消息不会重新执行。请把改好的命令重新发送一次：/subscribe GDP region:江苏"
        )
        (sub,) = store_of(app).list_for_chat(researcher.id)
        assert "山东" in sub.filter_text  # not run again: one subscription, as first sent
        # in a group: another bot's command edited is none of its business
        sent = await server.send_message(group, researcher, "/poll@other_bot 午饭")
        await server.edit_message(sent, "/poll@other_bot 晚饭")
        sent = await server.send_message(group, researcher, "/targets GDP")
        await server.next_call("sendMessage", chat=group)
        await server.edit_message(sent, "/targets CPI")
        call = await server.next_call("sendMessage", chat=group)
        assert call.message["text"].endswith("/targets CPI")
        assert not [c for c in server.calls("sendMessage") if "晚饭" in c.params.get("text", "")]


async def test_a_photo_or_sticker_in_private_is_answered(server: FakeBotApi, engine) -> None:
    """A photo of a table captioned 这张表里的GDP, and a sticker, went unanswered."""
    researcher = server.add_user("李研")
    group = server.add_chat("supergroup", "政策研究组")
    photo = {"photo": [{"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}]}
    sticker = {
        "sticker": {
            "file_id": "s1", "file_unique_id": "u2", "type": "regular", "width": 512,
            "height": 512, "is_animated": False, "is_video": False,
        }
    }  # fmt: skip
    async with running(server, engine):
        for content in (photo, sticker):
            await server.inject_update("message", _message(server, researcher, researcher, content))
            call = await server.next_call("sendMessage", chat=researcher)
            assert call.message["text"].startswith("我只读文字和文件")
            assert "图片、贴纸、语音和视频里的内容我读不了" in call.message["text"]
        # a caption is text: searched, the picture said unread (trial-left10)
        captioned = {**photo, "caption": "这张表里的GDP"}
        await server.inject_update("message", _message(server, researcher, researcher, captioned))
        call = await server.next_call("sendMessage", chat=researcher)
        assert call.message["text"].startswith(
            "ℹ️ 图片和视频里的内容我读不了，我按说明文字搜索了文库"
        )
        assert "🔎" in call.message["text"]
        # in a group a sticker is chat among people: nothing said
        await server.inject_update("message", _message(server, group, researcher, sticker))
        said = await ask_text(server, group, researcher, "/help")
        assert "政策简报机器人" in said  # answered after the sticker: it was seen and let be
        assert not [
            c for c in server.calls("sendMessage")
            if c.params["chat_id"] == group.id and "读不了" in c.params["text"]
        ]  # fmt: skip


def _message(server: FakeBotApi, chat, user, content: dict) -> dict:
    """A message update body of ``content`` from ``user`` in ``chat``, as Telegram sends it
    (the fake server's driver scripts text and documents only)."""
    world = server.world
    sender = world.user(user).to_api()
    stored = world.store_message(world.chat(chat), {"from": sender, **content}, from_bot=False)
    return stored.data


# -- a place typed as a word in /subscribe ------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("福建 外贸", "外贸 region:福建"),
        ("外贸 泉州 09:00", "外贸 region:泉州"),
        ("region:泉州 漳州", "region:泉州 region:漳州"),  # two places, either
        ("region:苏州 江苏 外贸", "外贸 region:苏州"),  # the province says where 苏州 lies
        ("长安 外贸", "长安 外贸"),  # a district's short name is also a word: left as typed
        ('"福建" 外贸', "福建 外贸"),  # quoted: a keyword on purpose
        ("+福建 外贸", "外贸 +福建"),
        ("外贸 茶叶", "外贸 茶叶"),
    ],
)
def test_a_province_or_city_typed_as_a_word_is_the_region(typed: str, stored: str) -> None:
    assert parse_subscribe(typed, default_time="08:00").filter_text == stored


async def test_subscribing_to_a_province_and_gdp_gets_that_province_only(
    server: FakeBotApi, provinces: Engine, db_url
) -> None:
    """``/subscribe 四川 GDP`` stored the keywords 四川 and GDP, and a keyword is matched
    against what a figure measures: the digest held every province's GDP (42 targets from
    13 documents, 云南 and 海南 first)."""
    researcher = server.add_user("李研")
    async with subscribed(server, provinces, db_url) as app:
        said = await ask_text(server, researcher, researcher, "/subscribe 福建 GDP")
        assert "关键词：GDP；地区：福建" in said
        (sub,) = store_of(app).list_for_chat(researcher.id)
        said = await ask_text(server, researcher, researcher, f"/digest {sub.id}")
        assert "增长 5.5%左右" in said and "浙江" not in said and "增长 5%左右" not in said


# -- changing a subscription ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "sub_id", "rest"),
    [("edit 2 region:福建 外贸", "2", "region:福建 外贸"),
     ("修改 #7 茶叶 09:00", "7", "茶叶 09:00"), ("change 3", "3", "…")],
)  # fmt: skip
def test_an_edit_of_a_subscription_is_refused_with_the_two_commands(
    typed: str, sub_id: str, rest: str
) -> None:
    with pytest.raises(ScheduleError) as refused:
        parse_subscribe(typed, default_time="08:00")
    assert refused.value.code == "subscription.edit"
    assert refused.value.params == {"id": sub_id, "filter": rest}


def test_edit_as_a_keyword_without_a_number_is_a_keyword() -> None:
    assert parse_subscribe("edit 外贸", default_time="08:00").filter_text == "edit 外贸"


async def test_subscribe_edit_is_not_a_new_subscription(server: FakeBotApi, engine, db_url) -> None:
    """``/subscribe edit 2 region:贵州 GDP`` made subscription #9 with the keywords edit and
    2 (and 贵州 GDP), subscription #2 untouched."""
    researcher = server.add_user("李研")
    async with subscribed(server, engine, db_url) as app:
        await ask_text(server, researcher, researcher, "/subscribe region:山东 GDP")
        (sub,) = store_of(app).list_for_chat(researcher.id)
        said = await ask_text(
            server, researcher, researcher, f"/subscribe edit {sub.id} region:江苏 GDP"
        )
        assert said.startswith(
            f"订阅不能直接修改。要把 #{sub.id} 换成新的条件，请先发送 /unsubscribe {sub.id}，"
            "再发送 /subscribe region:江苏 GDP"
        )
        assert [s.id for s in store_of(app).list_for_chat(researcher.id)] == [sub.id]


def test_the_subscriptions_a_word_names() -> None:
    filters = [(1, "GDP region:福建"), (2, "就业 region:浙江"), (3, "ＧＤＰ region:浙江")]
    assert subscriptions_naming(filters, "浙江") == [2, 3]
    assert subscriptions_naming(filters, "gdp 浙江") == [3]
    assert subscriptions_naming(filters, "江西") == []


async def test_unsubscribe_by_a_word_lists_the_subscriptions_it_names(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/unsubscribe 云南`` answered only "用法：/unsubscribe 编号 或 /unsubscribe all"."""
    researcher = server.add_user("李研")
    async with subscribed(server, engine, db_url) as app:
        await ask_text(server, researcher, researcher, "/subscribe region:山东 GDP")
        await ask_text(server, researcher, researcher, "/subscribe region:江苏 GDP")
        first, second = store_of(app).list_for_chat(researcher.id)
        said = await ask_text(server, researcher, researcher, "/unsubscribe 江苏")
        assert said.startswith("用法：/unsubscribe 编号 或 /unsubscribe all")
        assert f"条件里有“江苏”的订阅如下；要取消，请发送 /unsubscribe {second.id}" in said
        assert f"#{second.id}" in said and f"#{first.id}" not in said
        assert len(store_of(app).list_for_chat(researcher.id)) == 2  # nothing removed


async def test_two_places_without_figures_are_said_as_two(
    server: FakeBotApi, provinces: Engine
) -> None:
    """``/compare GDP 山东 江苏`` (neither in the library) said “GDP”有数据，但没有关于“山东
    江苏”的: the two provinces quoted as one phrase."""
    researcher = server.add_user("李研")
    async with running(server, provinces):
        said = await ask_text(server, researcher, researcher, "/compare GDP 山东 江苏")
        assert said.startswith("“GDP”有数据，但没有关于“山东、江苏”的。")
        said = await ask_text(server, researcher, researcher, "/targets GDP 江西")
        assert said.startswith("“GDP”有数据，但没有关于“江西”的。")
