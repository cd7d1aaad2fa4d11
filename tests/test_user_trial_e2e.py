"""A new user's trial of the chat commands (issues 11 and 13) through the fake Bot API
server: what a reply repeats of bad input, and that its hints survive."""

from __future__ import annotations

import pytest

from fake_telegram import FakeBotApi
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db

LONG = "政" * 4000


async def test_a_long_argument_is_not_echoed_whole_and_the_hint_stays(
    server: FakeBotApi, engine, db_url
) -> None:
    user = server.add_user("Lena")
    hints = {
        "targets": "例如：/targets GDP",
        "compare": "例如：/targets GDP",
        "digest": "的重点目标",
        "scorecard": "用法：/scorecard",
        "chart": "用法：/chart",
        "changes": "用法：/changes",
    }
    async with running(server, engine, db_url):
        for command, hint in hints.items():
            reply = await ask_text(server, user, user, f"/{command} {LONG}")
            assert hint in reply, (command, reply[-200:])
            assert len(reply) < 800, (command, len(reply))
            assert "…" in reply  # the argument is shown, cut
        regions = await ask_text(server, user, user, f"/compare GDP 2024 {LONG}")
        assert len(regions) < 800 and "2024" in regions


async def test_compare_takes_a_region_after_the_indicator(
    server: FakeBotApi, engine, db_url
) -> None:
    user = server.add_user("Ming")
    async with running(server, engine, db_url):
        shandong = await ask_text(server, user, user, "/compare GDP 山东")
        assert "对比：GDP 山东" in shandong and "【烟台】" in shandong
        assert "增长 5.5%左右" in shandong and "相近的指标" not in shandong
        nowhere = await ask_text(server, user, user, "/compare GDP 火星")
        assert "“GDP”有数据" in nowhere and "火星" in nowhere
        unknown = await ask_text(server, user, user, "/compare 量子计算 山东")
        assert "没有找到“量子计算 山东”" in unknown
        usage = await ask_text(server, user, user, "/compare")
        assert "/compare GDP 山东" in usage


async def test_targets_takes_a_region_after_the_indicator(
    server: FakeBotApi, engine, db_url
) -> None:
    user = server.add_user("Wen")
    async with running(server, engine, db_url):
        shandong = await ask_text(server, user, user, "/targets GDP 山东")
        assert "指标：GDP 山东" in shandong and "增长 5.5%左右 · 2024年 · 烟台" in shandong
        assert "没有找到" not in shandong
        assert "没有找到“GDP 火星”" in await ask_text(server, user, user, "/targets GDP 火星")


async def test_a_subscription_whose_filter_matches_nothing_is_warned(
    server: FakeBotApi, engine, db_url
) -> None:
    user = server.add_user("Hua")
    async with running(server, engine, db_url):
        mars = await ask_text(server, user, user, "/subscribe region:火星 08:00")
        assert "已订阅" in mars and "没有符合这个筛选的重点目标" in mars
        shandong = await ask_text(server, user, user, "/subscribe region:山东 08:00")
        assert "已订阅" in shandong and "没有符合" not in shandong
        everything = await ask_text(server, user, user, "/subscribe 09:00")
        assert "已订阅" in everything and "没有符合" not in everything


async def test_the_understood_line_says_when_no_document_is_about_it(
    server: FakeBotApi, engine, db_url
) -> None:
    user = server.add_user("Jun")
    async with running(server, engine, db_url):
        reply = await ask_text(server, user, user, "江苏 GDP")
        assert "理解为：地区 江苏" in reply and "现有文件中没有：地区 江苏" in reply
        assert "现有文件中没有" not in await ask_text(server, user, user, "烟台 GDP")


async def test_the_views_the_buttons_ask_for_say_what_they_are(
    server: FakeBotApi, engine, db_url
) -> None:
    from tests.e2e import buttons, press

    user = server.add_user("Lin")
    async with running(server, engine, db_url):
        await server.send_message(user, user, "烟台 2024 乡村振星")
        reply = (await server.next_call("sendMessage", chat=user)).message
        assert "按原词搜索：" not in reply["text"] and "按原文搜索：" not in reply["text"]
        labels = list(buttons(reply))
        await press(server, reply, "按原词搜索（不按地区、年份理解）", user)
        literal = (await server.next_call("editMessageText", chat=user)).message
        assert "按原词搜索：没有按地区、年份理解" in literal["text"]
        typed = next(label for label in labels if label.startswith("按原文搜索“"))
        await press(server, reply, typed, user)
        as_typed = (await server.next_call("editMessageText", chat=user)).message
        assert "按原文搜索：没有更正错别字" in as_typed["text"]
