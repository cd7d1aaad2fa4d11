"""/region through the fake Bot API server: a chat sets its own place, and 我县 in a search,
/targets and /compare then means it; without one the reply says how to set it. The
documents are invented (two counties of one city and their province)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.config import Settings
from bot.library import Engine
from fake_telegram import FakeBotApi
from handlers.context import services_of
from tests.e2e import ask_text, running
from tests.test_subscriptions_e2e import running as subscribed
from tests.test_subscriptions_e2e import store_of

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db

DOCS = {
    "qingchuan_2025_gwr.txt": (
        "青川县2025年政府工作报告\n\n"
        "一、2024年工作回顾\n过去一年，全县粮食产量达到12.5万吨，城镇新增就业2100人。\n\n"
        "二、2025年主要目标\n全县粮食产量稳定在12万吨以上，城镇新增就业2000人以上。\n"
    ),
    "wangcang_2025_gwr.txt": (
        "旺苍县2025年政府工作报告\n\n"
        "一、2024年工作回顾\n过去一年，全县粮食产量达到15.1万吨，城镇新增就业2600人。\n\n"
        "二、2025年主要目标\n全县粮食产量稳定在15万吨以上，城镇新增就业2500人以上。\n"
    ),
    "sichuan_2025_gwr.txt": (
        "四川省2025年政府工作报告\n\n"
        "一、2024年工作回顾\n过去一年，全省粮食产量达到3600万吨，城镇新增就业100万人。\n\n"
        "二、2025年主要目标\n全省粮食产量稳定在3500万吨以上，城镇新增就业90万人以上。\n"
    ),
}


@pytest.fixture(scope="module")
def counties(tmp_path_factory: pytest.TempPathFactory, tokenizer) -> Engine:
    root = tmp_path_factory.mktemp("home-region")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, body in DOCS.items():
        (corpus / name).write_text(body, encoding="utf-8")
    return Engine.open(
        Settings(corpus_dir=corpus, data_dir=root / "data", flood_burst=0), tokenizer=tokenizer
    )


def first_result(said: str) -> str:
    """The title of the first result of a search reply."""
    line = next(line for line in said.splitlines() if line.startswith("1. "))
    return line[3:]


async def test_a_chat_sets_its_place_and_our_county_finds_that_county_first(
    server: FakeBotApi, counties: Engine
) -> None:
    officer = server.add_user("王丽")
    async with running(server, counties):
        said = await ask_text(server, officer, officer, "/region")
        assert said.startswith("本聊天还没有设地区")
        # (without a place, the first result of 我县 粮食产量 is 青川's: set the other one)
        said = await ask_text(server, officer, officer, "/region 旺苍县")
        assert said.startswith("好的，本聊天的地区已设为 旺苍县。")
        assert "我市、本市、全市 → 广元" in said and "我省、本省、全省 → 四川" in said
        said = await ask_text(server, officer, officer, "我县 粮食产量")
        assert first_result(said).startswith("旺苍县2025年政府工作报告")
        assert "/region" not in said and "我省" not in said
        # a whole question: 今年 is the county's newest year, the card its target
        said = await ask_text(server, officer, officer, "我县今年的就业目标是多少")
        assert first_result(said).startswith("旺苍县2025年政府工作报告")
        assert "2500人以上" in said.split("1. ")[0]
        said = await ask_text(server, officer, officer, "本省 粮食产量")
        assert first_result(said).startswith("四川省2025年政府工作报告")
        # another place set, typed after its province: 我县 follows it
        await ask_text(server, officer, officer, "/region 四川 青川")
        said = await ask_text(server, officer, officer, "我县 城镇新增就业")
        assert first_result(said).startswith("青川县2025年政府工作报告")
        said = await ask_text(server, officer, officer, "/targets 我县")
        assert "青川" in said and "旺苍" not in said
        said = await ask_text(server, officer, officer, "/help region")
        assert "/region [地名|清除]" in said
        said = await ask_text(server, officer, officer, "/region 清除")
        assert said == "已清除本聊天的地区。"
        said = await ask_text(server, officer, officer, "/region")
        assert said.startswith("本聊天还没有设地区")


async def test_without_a_place_our_county_is_left_out_and_the_reply_says_how_to_set_it(
    server: FakeBotApi, counties: Engine
) -> None:
    officer = server.add_user("王丽")
    async with running(server, counties):
        said = await ask_text(server, officer, officer, "我县 粮食产量")
        assert "/region 苍溪县" in said.splitlines()[1]
        assert "您是不是要找" not in said and "我省" not in said
        assert "粮食产量" in said.splitlines()[0]
        # a query naming a place of its own: 全县 is that county's, no hint, no place needed
        said = await ask_text(server, officer, officer, "旺苍 全县粮食产量")
        assert "/region" not in said
        assert first_result(said).startswith("旺苍县2025年政府工作报告")
        # in another chat, a place set there is not this chat's
        colleague = server.add_user("李明")
        await ask_text(server, colleague, colleague, "/region 青川")
        said = await ask_text(server, officer, officer, "我县 粮食产量")
        assert "/region 苍溪县" in said


async def test_a_name_several_places_share_is_answered_with_candidates_and_not_set(
    server: FakeBotApi, counties: Engine
) -> None:
    officer = server.add_user("王丽")
    async with running(server, counties):
        said = await ask_text(server, officer, officer, "/region 鼓楼区")
        assert said.startswith("鼓楼区 可指多个地方：")
        assert "鼓楼区（福建福州）" in said and "/region 四川 鼓楼区" in said
        said = await ask_text(server, officer, officer, "/region 火星基地")
        assert said.startswith("找不到地方“火星基地”")
        assert (await ask_text(server, officer, officer, "/region")).startswith(
            "本聊天还没有设地区"
        )


async def test_in_a_group_only_its_administrators_set_the_place(
    server: FakeBotApi, counties: Engine
) -> None:
    officer = server.add_user("王丽")
    member = server.add_user("张强")
    group = server.add_chat("supergroup", "县政府办工作群")
    server.set_member(group, officer, "administrator")
    server.set_member(group, member, "member")
    async with running(server, counties):
        said = await ask_text(server, group, member, "/region 青川县")
        assert said == "只有本群管理员可以更改本群的地区。"
        said = await ask_text(server, group, officer, "/region 旺苍县")
        assert said.startswith("好的，本聊天的地区已设为 旺苍县。")
        # anyone in the group reads it, and searches with it
        assert (await ask_text(server, group, member, "/region")).startswith("本聊天的地区：旺苍县")
        said = await ask_text(server, group, member, "/search 全县 粮食产量")
        assert first_result(said).startswith("旺苍县2025年政府工作报告")


def test_the_invented_documents_are_where_the_gazetteer_puts_them(counties: Engine) -> None:
    regions = {Path(d.filename).stem: d.region for d in counties.documents()}
    assert regions == {
        "qingchuan_2025_gwr": "青川",
        "wangcang_2025_gwr": "旺苍",
        "sichuan_2025_gwr": "四川",
    }


def test_the_command_line_reads_our_county_with_home_region(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from briefbot.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, body in DOCS.items():
        (corpus / name).write_text(body, encoding="utf-8")
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]
    runner = CliRunner()

    def first_file(*args: str) -> tuple[str, str]:
        result = runner.invoke(app, [*base, *args, "--json"])
        assert result.exit_code == 0, result.output
        said = json.loads(result.stdout)
        assert said["home_unset"] == ("--home-region" not in args)
        return said["results"][0]["doc"], result.stderr

    found, said = first_file("search", "我县", "粮食产量", "--home-region", "旺苍县")
    assert found == "wangcang_2025_gwr.txt" and "--home-region" not in said
    found, said = first_file("search", "我县", "粮食产量")
    assert "--home-region 苍溪县" in said
    result = runner.invoke(app, [*base, "targets", "我县", "--home-region", "青川", "--json"])
    assert result.exit_code == 0, result.output
    assert {r["document"]["region"] for r in json.loads(result.stdout)} == {"青川"}
    refused = runner.invoke(app, [*base, "search", "我县", "--home-region", "鼓楼区"])
    assert refused.exit_code == 2 and "鼓楼区（福建福州）" in refused.stderr


async def test_a_subscription_to_our_county_is_to_the_chats_place(
    server: FakeBotApi, counties: Engine
) -> None:
    """/subscribe 我县 粮食产量 writes the place into the filter (region:旺苍县); without a
    place nothing is subscribed (a filter wider than asked) and the reply says why."""
    officer = server.add_user("王丽")
    async with running(server, counties) as app:
        subs = services_of(app).subscriptions.store
        said = await ask_text(server, officer, officer, "/subscribe 我县 粮食产量 08:30")
        assert "/region 苍溪县" in said and "未订阅" in said
        assert subs.list_for_chat(officer.id) == []
        await ask_text(server, officer, officer, "/region 旺苍县")
        said = await ask_text(server, officer, officer, "/subscribe 我县 粮食产量 08:30")
        assert said.startswith("✅")
        (sub,) = subs.list_for_chat(officer.id)
        assert sorted(sub.filter_text.split()) == ["region:旺苍县", "粮食产量"]
        said = await ask_text(server, officer, officer, "/digest 我县 粮食产量")
        assert "旺苍" in said and "青川" not in said


async def test_a_bot_admin_sets_a_channels_place_from_the_private_chat(
    server: FakeBotApi, counties: Engine, db_url
) -> None:
    """The channel's digests are subscribed from the private chat: its place is set there too,
    and ``/subscribe @channel 我县 …`` reads the channel's place, not the admin's."""
    owner = server.add_user("王丽")
    channel = server.add_chat(
        "channel",
        "县政策速递",
        username="county_news",
        bot_status="administrator",
        can_post_messages=True,
    )
    async with subscribed(server, counties, db_url, owners=[owner.id]) as app:
        said = await ask_text(server, owner, owner, "/region @county_news")
        assert said.startswith("频道 @county_news 还没有设地区")
        said = await ask_text(server, owner, owner, "/region @county_news 旺苍县")
        assert said.startswith("好的，频道 @county_news 的地区已设为 旺苍县。")
        said = await ask_text(server, owner, owner, "/region @county_news")
        assert said.startswith("频道 @county_news 的地区：旺苍县")
        # the owner's own chat has none: its 我县 is not the channel's
        assert (await ask_text(server, owner, owner, "/region")).startswith("本聊天还没有设地区")
        said = await ask_text(server, owner, owner, "/subscribe @county_news 我县 粮食产量 08:30")
        assert said.startswith("✅")
        (sub,) = store_of(app).list_for_chat(channel.id)
        assert sorted(sub.filter_text.split()) == ["region:旺苍县", "粮食产量"]
