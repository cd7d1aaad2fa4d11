"""Comparisons across places and years (issue 13: analysts compare places and years): one
answer card per region and year a question names (山东 江苏 GDP 目标, 2024年和2025年的GDP目标),
the country with a place (全国和广东), the named places no document is about said, and a
question of which places (哪些省份提出了…) answered one document at a time. Invented
reports only."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.corpus.gazetteer import default_gazetteer
from bot.library.understood import understood_line
from bot.models import Understood
from bot.render import search_to_dict
from bot.search.asking import asks_which_places, documents_first
from bot.search.understand import understand
from briefbot.cli import app
from fake_telegram import FakeBotApi
from mcp_server.library import Library
from tests.conftest import engine_over
from tests.e2e import ask_text, running


def facets(query: str, known=("广东", "四川", "山东")) -> Understood:
    return understand(
        query, gazetteer=default_gazetteer(), known_regions=set(known), this_year=2026
    ).facets


# -- understanding -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "regions"),
    [
        # the country joined to a place by a conjunction: both are asked about, as typed
        ("全国和广东的GDP目标", ("全国", "广东")),
        ("广东与全国 GDP 目标", ("广东", "全国")),
        ("国家和四川的就业目标", ("全国", "四川")),
        ("四川与国家的就业目标", ("四川", "全国")),
        ("全国、广东 GDP 目标", ("全国", "广东")),
        # a space is no joiner here: 四川 全国 占比 asks the place's share of the country's
        ("四川 全国 占比", ("四川",)),
        ("全国 广东 GDP 目标", ("全国",)),
        # 国家 glued to a word after a space is that word (国家级), not the country
        ("四川 国家级开发区", ("四川",)),
        ("国家公园 四川", ("四川",)),
        # a place before 全国 with other words between: the place alone, as before
        ("四川 水电装机 全国", ("四川",)),
        ("全国 粮食产量 目标", ("全国",)),
    ],
)
def test_the_country_joined_to_a_place_is_asked_with_it(query, regions):
    assert facets(query).all_regions == regions


@pytest.mark.parametrize(
    ("query", "years"),
    [
        ("2024年和2025年的GDP目标", (2024, 2025)),
        ("山东 2024、2025 就业目标", (2024, 2025)),
        # a year compared against (比2020年) is no year asked
        ("2025年GDP比2020年增长多少", (2025,)),
        ("2025年 GDP 目标", (2025,)),
    ],
)
def test_years_typed_side_by_side_are_each_asked(query, years):
    got = facets(query)
    assert got.all_years == years
    assert got.year == years[0]


def test_the_line_says_every_year_and_every_place_no_document_is_about():
    u = Understood(
        region="四川",
        regions=("四川", "火星", "冥王星"),
        year=2024,
        years=(2024, 2025),
        absent=("火星", "冥王星"),
    )
    assert understood_line(u, "zh") == (
        "理解为：地区 四川、火星、冥王星 · 年份 2024、2025"
        "（现有文件中没有：地区 火星、冥王星，结果来自其他文件）"
    )
    assert "no document is about region 火星, 冥王星" in (understood_line(u, "en") or "")


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        ("哪些省份提出了粮食产量目标", True),
        ("哪几个城市提到低空经济", True),
        ("哪个省 育儿补贴", True),
        ("哪几份报告提到了银发经济", True),
        ("支持哪些市场主体", False),
        ("有哪些县域经济政策", False),
        ("四川 粮食产量 目标", False),
    ],
)
def test_a_question_of_which_places(query, asks):
    assert asks_which_places(query) is asks


def test_documents_first_keeps_rank_order_inside_each_group():
    assert documents_first([7, 7, 3, 5, 3, 7]) == [0, 2, 3, 1, 4, 5]
    assert documents_first([]) == []


# -- the engine ----------------------------------------------------------------------------
def report(province: str, year: int, gdp: str, jobs: str, extra: str = "") -> str:
    return (
        f"{year}年{province}省政府工作报告\n{province}省人民政府\n"
        "一、过去一年工作回顾\n过去一年，全省上下攻坚克难，经济运行回升向好，民生福祉不断增进。\n"
        f"二、{year}年工作安排\n"
        f"今年经济社会发展的主要预期目标是：地区生产总值增长{gdp}，城镇新增就业{jobs}。\n"
        f"{extra}"
    )


REPORTS = {
    "shandong_2024.txt": report("山东", 2024, "5%以上", "110万人以上"),
    "shandong_2025.txt": report("山东", 2025, "5.5%左右", "112万人以上"),
    "jiangsu_2024.txt": report("江苏", 2024, "5%左右", "125万人以上"),
    "zhejiang_2024.txt": report("浙江", 2024, "5.5%左右", "100万人以上"),
    "fujian_2024.txt": report("福建", 2024, "5.5%左右", "50万人以上"),
    "guangdong_2024.txt": report(
        "广东",
        2024,
        "5%左右",
        "110万人以上",
        # a province writing much of the topic asked across provinces
        "全面落实托育服务补贴政策，托育服务补贴覆盖全部县区。\n"
        "扩大托育服务补贴范围，托育服务补贴标准逐年提高。\n"
        "完善托育服务补贴发放办法，托育服务补贴按月发放到户。\n",
    ),
    "anhui_2024.txt": report(
        "安徽", 2024, "6%左右", "65万人以上", "落实托育服务补贴政策，减轻家庭负担。\n"
    ),
    "national_2024.txt": (
        "2024年政府工作报告\n国务院\n"
        "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。\n"
        "推进托育服务补贴制度建设。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("compare"), REPORTS)


def test_one_card_per_region_named(engine):
    resp = engine.search("山东 江苏 城镇新增就业 目标", year=None)
    cards = resp.all_answers
    assert [(a.region, a.filename) for a in cards] == [
        ("山东", "shandong_2025.txt"),
        ("江苏", "jiangsu_2024.txt"),
    ]
    assert [a.figure for a in cards] == ["112万人以上", "125万人以上"]
    assert resp.answer == cards[0]
    assert resp.unanswered == ()
    # the JSON keeps ``answer`` (the first card) and adds the list
    data = search_to_dict(resp)
    assert data["answer"]["doc_id"] == cards[0].doc_id
    assert [a["region"] for a in data["answers"]] == ["山东", "江苏"]
    assert data["unanswered"] == [] and data["answers_cut"] == 0


def test_the_country_and_a_province_each_get_their_card(engine):
    resp = engine.search("全国和广东的GDP目标")
    assert [(a.region, a.indicator, a.figure) for a in resp.all_answers] == [
        ("全国", "国内生产总值", "5%左右"),
        ("广东", "地区生产总值", "5%左右"),
    ]


def test_one_card_per_year_named(engine):
    resp = engine.search("山东 2024年和2025年 地区生产总值 目标")
    assert [(a.filename, a.figure) for a in resp.all_answers] == [
        ("shandong_2024.txt", "5%以上"),
        ("shandong_2025.txt", "5.5%左右"),
    ]
    assert search_to_dict(resp)["understood"]["years"] == [2024, 2025]


def test_a_place_without_documents_is_said_and_has_no_card(engine):
    resp = engine.search("江苏 海南 地区生产总值 目标")
    assert [a.region for a in resp.all_answers] == ["江苏"]
    assert resp.unanswered == ("海南",)
    assert resp.understood is not None and resp.understood.absent == ("海南",)
    assert "现有文件中没有：地区 海南" in (understood_line(resp.understood, "zh") or "")


def test_the_cards_are_bounded_and_the_rest_counted(engine):
    resp = engine.search("山东 江苏 浙江 福建 广东 安徽 地区生产总值 目标")
    assert len(resp.all_answers) == 5
    assert resp.answers_cut == 1
    assert [a.region for a in resp.all_answers] == ["山东", "江苏", "浙江", "福建", "广东"]


def test_a_question_of_which_provinces_lists_each_document_once_first(engine):
    resp = engine.search("哪些省份提出了托育服务补贴", page_size=3)
    assert resp.by_document
    # 广东 writes of it four times: the other documents still come before its second line
    assert len({h.filename for h in resp.hits}) == 3
    plain = engine.search("托育服务补贴", page_size=3)
    assert not plain.by_document
    assert len({h.filename for h in plain.hits}) < 3


# -- end to end ----------------------------------------------------------------------------
def test_the_cli_prints_every_card_and_the_json_lists_them(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in REPORTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]
    runner = CliRunner()
    query = ["江苏", "浙江", "海南", "地区生产总值", "目标"]
    data = json.loads(runner.invoke(app, [*base, "search", *query, "--json"]).stdout)
    assert data["answer"]["region"] == "江苏"
    assert [a["region"] for a in data["answers"]] == ["江苏", "浙江"]
    assert data["unanswered"] == ["海南"]
    assert data["understood"]["absent"] == ["海南"]
    text = runner.invoke(app, [*base, "search", *query], env={"COLUMNS": "200"}).stdout
    assert text.count("答案 (answer)") == 2
    assert "没有找到目标：海南" in text


async def test_the_bot_shows_every_card(server: FakeBotApi, engine) -> None:
    user = server.add_user("Mei")
    english = server.add_user("Tom", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, user, user, "/search 江苏 浙江 海南 地区生产总值 目标")
        assert said.count("🎯 答案") == 2
        assert "江苏 2024年 地区生产总值" in said and "浙江 2024年 地区生产总值" in said
        assert "没有找到目标：海南" in said
        assert "现有文件中没有：地区 海南" in said
        said = await ask_text(server, english, english, "/search 哪些省份提出了托育服务补贴")
        assert "Each document's best passage first" in said


def test_the_mcp_search_notes_every_card_and_the_grouping(engine):
    library = Library(engine)
    notes = library.search("江苏 浙江 海南 地区生产总值 目标").notes
    assert [n.split(" target:")[0] for n in notes if n.startswith("answer:")] == [
        "answer: 江苏 2024 地区生产总值",
        "answer: 浙江 2024 地区生产总值",
    ]
    assert "No target found for: 海南" in notes
    grouped = library.search("哪些省份提出了托育服务补贴").notes
    assert "Each document's best passage first, its other passages after" in grouped
