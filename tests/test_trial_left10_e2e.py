"""What the tenth user trial left (``bench/RESULTS.md``, ``user-trial10``): ``/next``,
county names in pinyin, English target words, what ``/subscribe 2025`` and ``/subscribe
unemployment rate`` deliver, a captioned photo; through the fake Bot API server (the real
Application, as ``tests/e2e.py`` drives it), with unit cases on invented text."""

from __future__ import annotations

import csv

import pytest
from pypinyin import lazy_pinyin

from bot.config import Settings
from bot.corpus.gazetteer import (
    LATIN_FILE,
    ambiguous_latin_places,
    latin_places,
    places_sounding_like,
    region_words,
)
from bot.corpus.regions import AmbiguousPlace, filter_regions
from bot.digest.filters import FilterError, describe, format_filter, matches, parse_filter
from bot.library import Engine
from bot.library.answering import facet_word
from bot.library.answers import named_in
from bot.models import Understood
from bot.subscriptions.commands import english_phrases, parse_subscribe, years_as_filters
from fake_telegram import FakeBotApi
from tests.e2e import ask_text, running
from tests.factories import target_record
from tests.test_subscriptions_e2e import running as subscribed
from tests.test_subscriptions_e2e import store_of

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db

COMMANDS = {"subscribe", "subscriptions", "next", "unsubscribe", "targets", "help"}


# -- /next: when the next digest comes ----------------------------------------------------------
async def test_next_says_when_each_subscription_is_sent(server: FakeBotApi, engine, db_url) -> None:
    """``/next`` answered 未知命令: it lists the subscriptions with their next run, as
    /subscriptions and 下次推送是什么时候 do."""
    researcher = server.add_user("李研")
    async with subscribed(server, engine, db_url):
        await ask_text(server, researcher, researcher, "/subscribe region:山东 GDP 07:30")
        said = await ask_text(server, researcher, researcher, "/next")
        assert said.startswith("本聊天的订阅") and "地区：山东" in said and "下次：" in said
        assert said == await ask_text(server, researcher, researcher, "/subscriptions")
        said = await ask_text(server, researcher, researcher, "/help")
        assert "/subscriptions（或 /next）" in said
        await ask_text(server, researcher, researcher, "/lang en")
        said = await ask_text(server, researcher, researcher, "/help")
        assert "/subscriptions (or /next)" in said


def test_next_without_its_slash_is_a_word() -> None:
    """``next`` alone is more often the next page than the schedule: not read as /next."""
    from bot.text.typed_commands import typed_command

    assert typed_command("next", COMMANDS) is None
    assert typed_command("/next", COMMANDS) is not None
    found = typed_command("subscriptions", COMMANDS)
    assert found is not None and found.how == "bare"


# -- counties and districts in pinyin -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Kaili GDP", ["凯里"]),
        ("kaili gdp 2025", ["凯里"]),  # a reading no word shares counts in lower case too
        ("Cangxi county roads", ["苍溪"]),
        ("region:Hailaer", ["海拉尔"]),
        ("Guizhou Kaili", ["贵州", "凯里"]),
        ("Chengdu GDP", ["成都"]),  # a city's reading stays the city's
        ("heping and development", []),  # 和平 is a word first: a capital is needed
        ("Heping district", ["和平"]),
        ("a guide to investment", []),  # an English word: never a place in lower case
        ("5 billion yuan", []),
    ],
)
def test_a_county_typed_in_pinyin_is_the_place(text: str, places: list[str]) -> None:
    assert [short for _, _, short in latin_places(text)] == places


def test_a_reading_two_counties_share_names_neither_and_says_the_candidates() -> None:
    """新化 (湖南) and the districts 新华 (河北, 河南) are all ``xinhua``."""
    assert latin_places("Xinhua GDP") == []
    ((typed, candidates),) = ambiguous_latin_places("Xinhua GDP")
    assert typed == "Xinhua"
    assert {("新化", "湖南"), ("新华", "河北"), ("新华", "河南")} <= set(candidates)
    with pytest.raises(AmbiguousPlace) as caught:
        filter_regions("Xinhua")
    assert "新化（湖南）" in caught.value.params["places"]
    assert region_words("Hunan Xinhua") == ["新化"]  # the province tells which


def test_the_county_names_are_the_gazetteers_read_in_pinyin() -> None:
    """Generated from the gazetteer (scripts/build_latin_places.py), not a hand list: every
    county row is its short name's pinyin, and a county's short name several counties
    carry (鼓楼) is one reading of that name."""
    rows = [r for r in _latin_rows() if r["level"] == "county"]
    assert len(rows) > 2000
    for row in rows:
        assert row["latin"] == "".join(lazy_pinyin(row["short"])).lower().replace("ü", "v")
    assert {"kaili", "cangxi", "gulou"} <= {r["latin"] for r in rows}


def test_a_county_name_is_no_guess_for_a_misspelt_word() -> None:
    """Thousands of short readings: an English word one letter from one (training,
    taining 泰宁) is not said to be a misspelt place; a city's slip still is."""
    assert places_sounding_like("training lending") == []
    assert places_sounding_like("Guangzou") == [("广州", "Guangzhou")]


def test_a_region_filter_reads_a_county_in_pinyin() -> None:
    assert parse_filter("GDP region:Kaili").regions == ("凯里",)
    with pytest.raises(FilterError):
        parse_filter("GDP region:Xinhua")


# -- /subscribe 2025 and /subscribe unemployment rate ---------------------------------------------
def test_a_year_filter_keeps_the_figures_for_that_year() -> None:
    """``year:2025`` is the year a figure is for, or the end of its period (a five-year
    plan's 到2025年 goal), as /targets 2025 reads it; wherever its section is."""
    flt = parse_filter("year:2025 GDP")
    assert flt.years == ("2025",) and format_filter(flt) == "GDP year:2025"
    assert parse_filter(format_filter(flt)) == flt
    assert describe(parse_filter("年份:2025年")) == "年份：2025"
    assert describe(parse_filter("year:2025"), "en") == "years: 2025"
    for year, kept in (("2025", True), ("2021-2025", True), ("2026", False), ("2024", False)):
        record = target_record("粮食产量", year=year, section="三、主要任务")
        assert matches(record, None, parse_filter("year:2025")) is kept, year
    with pytest.raises(FilterError) as caught:
        parse_filter("year:明年春天")
    assert caught.value.code == "filter.bad_year"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2025", "year:2025"),
        ("2025年 外贸", "外贸 year:2025"),
        ("二〇二五年 外贸", "外贸 year:2025"),
        ('"2025" 外贸', "2025 外贸"),  # quoted: a keyword on purpose
        ("+2025", "+2025"),
        ("今年 外贸", "今年 外贸"),  # a subscription outlives the year: not read as one
        ("2025 09:30", "year:2025"),  # the time is still the schedule
    ],
)
def test_a_bare_year_in_subscribe_is_a_year_filter(typed: str, stored: str) -> None:
    assert parse_subscribe(typed, default_time="08:00").filter_text == stored
    assert years_as_filters(["外贸"]) == ["外贸"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Fujian 外贸", "外贸 region:福建"),
        ("tea exports Quanzhou", "tea exports region:泉州"),
        ("Suzhou 外贸", "Suzhou 外贸"),  # two places share it: a word, as before
        # a county in pinyin is the place since user-trial11 (the pinyin reader already
        # keeps word-like readings out); 长安 in Chinese stays a word
        ("Kaili 外贸", "外贸 region:凯里"),
        ("Gulou 外贸", "Gulou 外贸"),  # several districts are 鼓楼: left as typed
        ("region:Suzhou Jiangsu 外贸", "外贸 region:苏州"),  # the province says where
        ("region:泉州 Fujian", "region:泉州"),
    ],
)
def test_a_province_or_city_in_pinyin_in_subscribe_is_the_region(typed: str, stored: str) -> None:
    assert parse_subscribe(typed, default_time="08:00").filter_text == stored


@pytest.mark.parametrize(
    ("tokens", "kept"),
    [
        (["unemployment", "rate"], ["“unemployment rate”"]),
        (["GDP", "new", "jobs", "Fujian"], ["GDP", "“new jobs”", "Fujian"]),
        (["employment"], ["employment"]),
        (["tea", "exports"], ["tea", "exports"]),  # two terms: two keywords
        (["region:福建", "unemployment", "rate"], ["region:福建", "“unemployment rate”"]),
    ],
)
def test_an_english_indicator_of_several_words_is_one_keyword(
    tokens: list[str], kept: list[str]
) -> None:
    assert english_phrases(tokens) == kept


COUNTIES = {
    "kaili_2025_gwr.txt": (
        "凯里市2025年政府工作报告\n\n"
        "二、2025年主要目标\n全市地区生产总值增长6%左右，城镇新增就业8000人以上。\n"
    ),
    "kaili_2021_14fyp.txt": (
        "凯里市国民经济和社会发展第十四个五年规划纲要\n\n"
        "二、主要目标\n到2025年，全市城镇调查失业率控制在5.5%以内，常住人口城镇化率达到70%。\n"
    ),
    "shenzhen_2025_gwr.txt": (
        "深圳市2025年政府工作报告\n\n"
        "二、2025年主要目标\n全市地区生产总值增长5.5%左右，城镇新增就业15万人以上。\n"
    ),
}


@pytest.fixture(scope="module")
def counties(tmp_path_factory: pytest.TempPathFactory, tokenizer) -> Engine:
    root = tmp_path_factory.mktemp("left10-counties")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, body in COUNTIES.items():
        (corpus / name).write_text(body, encoding="utf-8")
    return Engine.open(
        Settings(corpus_dir=corpus, data_dir=root / "data", flood_burst=0), tokenizer=tokenizer
    )


async def test_a_county_in_pinyin_finds_its_report(server: FakeBotApi, counties: Engine) -> None:
    """``Kaili GDP`` was not understood (深圳's news first): the county's report now comes
    first, its place said; a reading several counties share is said with its candidates."""
    researcher = server.add_user("李研")
    async with running(server, counties):
        said = await ask_text(server, researcher, researcher, "Kaili GDP")
        assert "理解为：地区 凯里" in said
        assert "1. 凯里市2025年政府工作报告" in said
        said = await ask_text(server, researcher, researcher, "/targets GDP Kaili")
        assert "6%左右" in said and "5.5%" not in said
        said = await ask_text(server, researcher, researcher, "/targets GDP Xinhua")
        assert "Xinhua 可指多个地方" in said and "新化（湖南）" in said


async def test_subscribing_to_a_year_or_an_english_indicator(
    server: FakeBotApi, counties: Engine, db_url
) -> None:
    """``/subscribe 2025`` was the keyword 2025, looked for in what a figure measures and
    its section: a plan's 到2025年 goals under 主要目标 were left out of the digest;
    ``/subscribe unemployment rate`` was said back as two keywords."""
    researcher = server.add_user("李研")
    async with subscribed(server, counties, db_url) as app:
        said = await ask_text(server, researcher, researcher, "/subscribe 2025")
        assert "年份：2025" in said and "关键词" not in said
        said = await ask_text(server, researcher, researcher, "/subscribe unemployment rate")
        assert "关键词：unemployment rate" in said
        year, unemployment = store_of(app).list_for_chat(researcher.id)
        said = await ask_text(server, researcher, researcher, f"/digest {year.id}")
        assert "70%" in said and "6%左右" in said  # the plan's goal and the report's target
        said = await ask_text(server, researcher, researcher, f"/digest {unemployment.id}")
        assert "5.5%以内" in said and "6%左右" not in said


# -- an English question for a target gets the card the Chinese one gets ------------------------
@pytest.mark.parametrize(
    ("word", "facet"),
    [("Guizhou", True), ("guizhou", True), ("贵州", True), ("Yunnan", False), ("jobs", False)],
)
def test_a_place_typed_in_pinyin_is_a_facet_of_the_question(word: str, facet: bool) -> None:
    assert facet_word(word, Understood(region="贵州")) is facet


def test_english_words_asking_for_a_figure_are_no_part_of_its_name() -> None:
    """target / goal ask for a figure as 目标 does: not words the figure's name must hold."""
    assert named_in(["就业", "target"], "新增城镇就业") == named_in(
        ["就业", "目标"], "新增城镇就业"
    )
    assert named_in(["就业", "Goals"], "新增城镇就业") == 2


async def test_an_english_target_question_gets_the_card(
    server: FakeBotApi, counties: Engine
) -> None:
    """``employment target Guizhou`` got no answer card while ``贵州 就业 目标`` did: the
    English place and target were words the figure's name lacked."""
    researcher = server.add_user("李研")
    async with running(server, counties):
        card = "🎯 答案：凯里 2025年 新增城镇就业 目标：新增8000人以上"
        said = await ask_text(server, researcher, researcher, "凯里 就业 目标")
        assert card in said
        for asked in (
            "employment target Kaili",
            "Kaili employment goal",
            "Employment Target Kaili",
        ):
            said = await ask_text(server, researcher, researcher, asked)
            assert card in said, asked


def _latin_rows() -> list[dict[str, str]]:
    with LATIN_FILE.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


# -- a captioned photo in a private chat ----------------------------------------------------------
async def test_a_captioned_photo_searches_its_caption(server: FakeBotApi, counties: Engine) -> None:
    """A photo of a table captioned 凯里 地区生产总值 目标 was answered only with what the
    bot reads: the caption is text, so it is searched, the reply saying the picture was
    not read; a photo without a caption and a sticker still get what the bot reads."""
    researcher = server.add_user("李研")
    photo = {"photo": [{"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}]}
    async with running(server, counties):
        captioned = {**photo, "caption": "凯里 地区生产总值 目标"}
        await server.inject_update("message", _message(server, researcher, captioned))
        call = await server.next_call("sendMessage", chat=researcher)
        said = call.message["text"]
        assert said.startswith("ℹ️ 图片和视频里的内容我读不了，我按说明文字搜索了文库。")
        assert "凯里市2025年政府工作报告" in said
        await server.inject_update("message", _message(server, researcher, photo))
        call = await server.next_call("sendMessage", chat=researcher)
        assert call.message["text"].startswith("我只读文字和文件")


def _message(server: FakeBotApi, user, content: dict) -> dict:
    """A private message update body of ``content`` from ``user``, as Telegram sends it
    (the fake server's driver scripts text and documents only)."""
    world = server.world
    sender = world.user(user).to_api()
    stored = world.store_message(world.chat(user), {"from": sender, **content}, from_bot=False)
    return stored.data
