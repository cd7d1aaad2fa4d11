"""The tenth user trial's defects (a provincial development-research centre's researcher
following three provinces, in a private chat and a group she administers), through the
fake Bot API server (the real Application, as ``tests/e2e.py`` drives it), with unit cases
of the pure parts on invented text."""

from __future__ import annotations

import pytest

from bot.text.typed_commands import typed_command
from fake_telegram import FakeBotApi
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running as subscribed
from tests.test_subscriptions_e2e import store_of

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
