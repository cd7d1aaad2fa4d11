"""The seventh user trial's defects of the chat product, through the fake Bot API server
(the real Application, as ``tests/e2e.py`` drives it), with unit cases of the pure parts."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.config import Settings, explain
from bot.library import Engine
from bot.text.help_words import asks_for_help, named_command
from bot.text.tokenize import Tokenizer
from bot.zones import known_zone
from fake_telegram import FakeBotApi
from tests.e2e import ask, ask_text, buttons, copy_template, running
from tests.test_subscriptions_e2e import running as subscribed
from tests.test_subscriptions_e2e import store_of

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


@pytest.mark.parametrize("typed", ["help", "--help", "-h", "-help", "?", "？", "－ｈ", " --HELP "])
def test_the_ways_people_ask_a_command_for_help(typed: str) -> None:
    assert asks_for_help(typed)
    assert asks_for_help(typed, chinese_words=False)


@pytest.mark.parametrize("typed", ["帮助", "用法"])
def test_chinese_help_words_ask_for_help_except_in_a_search(typed: str) -> None:
    assert asks_for_help(typed)
    assert not asks_for_help(typed, chinese_words=False)  # 帮助企业 is searched for


@pytest.mark.parametrize("typed", ["", "GDP", "-房地产", "help me", "帮助 企业", "h"])
def test_other_arguments_are_no_request_for_help(typed: str) -> None:
    assert not asks_for_help(typed)


@pytest.mark.parametrize(
    ("typed", "command"),
    [("subscribe", "subscribe"), ("/Subscribe", "subscribe"), ("/targets@my_bot", "targets")],
)
def test_the_command_help_is_asked_about(typed: str, command: str) -> None:
    assert named_command(typed) == command


@pytest.mark.parametrize("typed", ["", "订阅", "subscribe GDP", "/"])
def test_no_command_named(typed: str) -> None:
    assert named_command(typed) is None


async def test_asking_subscribe_for_help_subscribes_nothing(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/subscribe -h`` and ``/subscribe --help`` subscribed the chat to a daily digest with
    the filter 排除：h / 排除：-help: the usage is said and nothing is subscribed."""
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with subscribed(server, engine, db_url) as app:
        for typed in ("-h", "--help", "？", "帮助"):
            said = await ask_text(server, user, user, f"/subscribe {typed}")
            assert said.startswith("订阅重点目标推送"), typed
            assert "已订阅" not in said
        said = await ask_text(server, english, english, "/subscribe --help")
        assert "Subscribed" not in said and "/subscribe GDP 就业 08:30" in said
        assert store_of(app).list_for_chat(user.id) == []
        assert store_of(app).list_for_chat(english.id) == []
        # a filter is still a filter
        assert "已订阅" in await ask_text(server, user, user, "/subscribe -房地产")


async def test_help_about_a_command_says_its_usage(server: FakeBotApi, engine) -> None:
    """``/help subscribe`` answered the whole list of commands, the argument ignored."""
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, user, user, "/help subscribe")
        assert said.startswith("订阅重点目标推送") and "cron" in said
        said = await ask_text(server, user, user, "/help /targets")
        assert said.startswith("用法：/targets") and "/targets 山东" in said
        assert (await ask_text(server, user, user, "/help compare")).startswith("用法：/compare")
        said = await ask_text(server, english, english, "/help timezone")
        assert said.startswith("Usage: /timezone")
        # the list of commands, which says how to ask about one
        whole = await ask_text(server, user, user, "/help")
        assert "/scorecard 山东 2025" in whole and "/help 命令名" in whole
        # a command the bot lacks is said, then the list (user-trial8)
        said = await ask_text(server, user, user, "/help nosuchcommand")
        assert said == "没有 /nosuchcommand 这个命令。可用的命令：\n\n" + whole


async def test_a_command_asked_for_help_says_its_usage(server: FakeBotApi, engine) -> None:
    """``/timezone --help`` was an unknown time zone, ``/digest --help`` a preview filtered
    on “-help”, ``/search --help`` a search: each says its usage; 帮助 is still searched."""
    user = server.add_user("Lena")
    async with running(server, engine):
        assert (await ask_text(server, user, user, "/timezone --help")).startswith(
            "用法：/timezone"
        )
        assert (await ask_text(server, user, user, "/digest -h")).startswith("用法：/digest")
        assert (await ask_text(server, user, user, "/search --help")).startswith("用法：/search")
        assert (await ask_text(server, user, user, "/targets help")).startswith("用法：/targets")
        searched = await ask_text(server, user, user, "/search 帮助")
        assert not searched.startswith("用法") and "帮助" in searched


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("山东", "山东"),  # a province no document is about, holding 烟台 and 青岛
        ("山东省", "山东省"),
        ("烟台", "烟台"),
        ("全国", "全国"),
        ("中国", "全国"),  # as people name the national figures
        ("山东 青岛", "山东 青岛"),
        ("崂山区", "崂山区"),  # a county by its full name
    ],
)
def test_a_region_asked_of_targets(engine, typed: str, region: str) -> None:
    assert engine.region_named(typed) == region


@pytest.mark.parametrize("typed", ["GDP", "地区生产总值", "就业", "山东 GDP", "长安", "和平", ""])
def test_no_region_asked_of_targets(engine, typed: str) -> None:
    """An indicator, a region with an indicator (read by ``lookup_indicator``), and a
    county's short name that is also a word and no document's place."""
    assert engine.region_named(typed) is None


async def test_targets_of_a_region_are_its_places_targets(server: FakeBotApi, engine) -> None:
    """``/targets 四川`` (a province, as an analyst asks) listed the one indicator whose name
    contains 四川, ``/targets 全国`` the 全国排名 records: a region's targets are listed,
    the cities inside a province included."""
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, user, user, "/targets 山东")
        assert said.startswith("🎯 地区：山东")
        assert "〔目标〕地区生产总值 增长 5.5%左右 · 2024年 · 烟台" in said
        assert "〔实绩〕" not in said  # its targets, as /targets lists every document's
        by_year = await ask_text(server, user, user, "/targets 烟台 2024")
        assert by_year.startswith("🎯 地区：烟台 · 2024年") and "· 2023年" not in by_year
        said = await ask_text(server, english, english, "/targets 山东")
        assert said.startswith("🎯 Region: Shandong")  # in English (english-trial18)
        # an indicator is still an indicator
        assert (await ask_text(server, user, user, "/targets GDP 山东")).startswith(
            "🎯 指标：GDP 山东"
        )


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("纽约", "America/New_York"),
        ("東京", "Asia/Tokyo"),
        ("伦敦时间", "Europe/London"),
        ("香港", "Asia/Hong_Kong"),
        ("悉尼", "Australia/Sydney"),
        ("北京时间", "Asia/Shanghai"),  # as before
        ("Berlin", "Europe/Berlin"),
    ],
)
def test_a_zone_named_in_chinese(typed: str, zone: str) -> None:
    assert known_zone(typed) == zone


@pytest.mark.parametrize("typed", ["美国", "火星", "纽约市中心", "时间"])
def test_no_zone_of_a_country_of_several_zones_or_of_no_place(typed: str) -> None:
    assert known_zone(typed) is None


async def test_a_chat_sets_its_zone_by_a_chinese_city_name(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/timezone 纽约`` answered 未知的时区“纽约”: a journalist abroad names the city."""
    user = server.add_user("Lena")
    async with subscribed(server, engine, db_url):
        assert "已订阅" in await ask_text(server, user, user, "/subscribe GDP 8:00 tz=东京")
        said = await ask_text(server, user, user, "/timezone 纽约")
        assert said == (
            "本聊天的时区已设为 America/New_York（已调整 1 个订阅）；"
            "本聊天以后的新订阅也用这个时区。"
        )
        assert "America/New_York" in await ask_text(server, user, user, "/subscriptions")


async def test_a_comparison_of_named_regions_offers_no_chart_of_other_places(
    server: FakeBotApi, engine
) -> None:
    """``/compare GDP 四川 贵州`` ended with 📊 图表, CSV and Excel buttons of every region's
    table: the chart pressed showed 云南, 周口, 安徽 … and neither place asked for."""
    user = server.add_user("Lena")
    async with running(server, engine):
        named = (await ask(server, user, user, "/compare GDP 山东")).message
        assert named["text"].startswith("📊 对比：GDP 山东")
        assert "reply_markup" not in named
        everywhere = (await ask(server, user, user, "/compare GDP")).message
        assert list(buttons(everywhere)) == ["📊 图表", "📄 CSV", "📄 Excel"]


@pytest.mark.parametrize("name", ["BRIEFBOT_DATA_DIR", "BRIEFBOT_CORPUS_DIR"])
@pytest.mark.parametrize("blank", ["", "  "])
def test_a_blank_folder_in_the_environment_is_refused(
    monkeypatch: pytest.MonkeyPatch, name: str, blank: str
) -> None:
    """``BRIEFBOT_DATA_DIR=`` (an unset variable of a .env file) was the current folder:
    ``briefbot search`` wrote a 32 MB index into the checkout, and ``BRIEFBOT_CORPUS_DIR=``
    indexed its README and source files as documents."""
    monkeypatch.setenv(name, blank)
    with pytest.raises(ValidationError) as caught:
        Settings()
    said = explain(caught.value)
    assert "is blank" in said and name in said


def test_a_blank_folder_in_a_config_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    site = tmp_path / "site.toml"
    site.write_text('corpus_dir = ""\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFBOT_CONFIG", str(site))
    with pytest.raises(ValidationError) as caught:
        Settings()
    assert "corpus_dir: is blank" in explain(caught.value)
    monkeypatch.delenv("BRIEFBOT_CONFIG")
    assert Settings().data_dir.name == "data"  # unset: the default, as before


def test_the_first_query_loads_no_segmenter(
    bundled_template, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh engine's first query loaded rjieba and its dictionary (0.7 s) inside its
    0.5 s time budget: ``briefbot search 经纪增长`` said 查询过长或过于复杂，未做错别字纠正
    every time, a process of the command line being always fresh. The segmenter is loaded
    with the searcher, before the first query: the query runs with no segmenter to load."""
    import rjieba

    fresh = Tokenizer(Settings().user_dict_paths)  # as the session's, not loaded: a process's own
    engine = Engine.open(copy_template(bundled_template, tmp_path), tokenizer=fresh)
    assert engine.last_refresh is None  # nothing segmented on open
    engine.searcher  # noqa: B018 - made before the first query, as Engine.search does

    def refused() -> None:
        raise AssertionError("the segmenter was loaded by a query")

    monkeypatch.setattr(rjieba, "Jieba", refused)
    response = engine.search("经纪增长")
    assert response.hits
    assert "correction_skipped" not in {note.code for note in response.notes}


async def test_a_region_asked_as_a_document_lists_its_documents(server: FakeBotApi, engine) -> None:
    """``/doc 四川`` answered 找不到文件“四川” with no way on: the documents about the
    region (and the places inside it) follow, each with its /doc command."""
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    yantai = next(d for d in engine.documents() if d.region == "烟台")
    async with running(server, engine):
        said = await ask_text(server, user, user, "/doc 山东")
        assert said.startswith("找不到文件“山东”")
        assert "关于山东的文件：" in said
        assert f"• /doc {yantai.doc_id} 烟台市2024年政府工作报告" in said
        assert said.count("• /doc ") == sum(
            d.region in ("烟台", "青岛") for d in engine.documents()
        )
        assert "Documents about 山东:" in await ask_text(server, english, english, "/doc 山东")
        # no region: as before
        assert "的文件：" not in await ask_text(server, user, user, "/doc 火星报告")


async def test_a_chat_pauses_and_resumes_its_own_subscription(
    server: FakeBotApi, engine, db_url
) -> None:
    """/pause was an unknown command: to stop digests for a while a chat had to cancel the
    subscription, its filter and history lost. A chat pauses and resumes its own."""
    user = server.add_user("Lena")
    other = server.add_user("Olga")
    group = server.add_chat("supergroup", "Policy")
    server.set_member(group, other, "member")
    async with subscribed(server, engine, db_url) as app:
        assert "已订阅" in await ask_text(server, user, user, "/subscribe GDP 8:00")
        assert "已订阅" in await ask_text(server, user, user, "/subscribe 就业 9:00")
        first, second = (s.id for s in store_of(app).list_for_chat(user.id))
        said = await ask_text(server, user, user, f"/pause {first}")
        assert said == (
            f"已暂停订阅 #{first}：暂停期间不推送，条件和记录保留。恢复：/resume {first}"
        )
        state = {s.id: s.due for s in store_of(app).list_for_chat(user.id)}
        assert state == {first: False, second: True}
        said = await ask_text(server, user, user, "/pause all")
        assert said.startswith(f"已暂停订阅 #{first}、#{second}：")
        assert not any(s.due for s in store_of(app).list_for_chat(user.id))
        said = await ask_text(server, user, user, f"/resume {first} 99")
        assert said == f"已恢复订阅 #{first}。\n本聊天没有订阅 #99。发送 /subscriptions 查看。"
        state = {s.id: s.due for s in store_of(app).list_for_chat(user.id)}
        assert state == {first: True, second: False}
        # another chat's number is not this chat's; no number is the usage
        assert "没有订阅" in await ask_text(server, other, other, f"/pause {second}")
        assert (await ask_text(server, user, user, "/pause")).startswith("用法：/pause")
        # in a group, only its administrators
        refused = await ask_text(server, group, other, "/pause all")
        assert "群管理员" in refused


async def test_a_scorecard_of_a_year_without_targets_names_the_years_it_has(
    server: FakeBotApi, engine
) -> None:
    """``/scorecard 四川 2025`` answered 没有找到四川 · 2025年的目标 and the usage, not that
    the region's report sets 2026's targets: the years it has follow, each a command."""
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    years = engine.scorecard_years(region="烟台")
    assert 2024 in years
    async with running(server, engine):
        said = await ask_text(server, user, user, "/scorecard 烟台 1999")
        assert said.startswith("没有找到烟台 · 1999年的目标。")
        listed = "、".join(f"/scorecard 烟台 {y}" for y in years)
        assert f"有目标的年份：{listed}" in said
        said = await ask_text(server, english, english, "/scorecard 烟台 1999")
        assert "Years with targets: /scorecard 烟台 2024" in said
        # a region with no target at all: no years to offer
        assert "有目标的年份" not in await ask_text(server, user, user, "/scorecard 火星 2024")
