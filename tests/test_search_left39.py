"""What ``search-left39`` settled (issue 13): a name that is both a city's nickname and a
division's own name (榕城: 福州's nickname, 揭阳's 榕城区) is the division on every path,
search included; 新 typed alone is no province on any path (a decision: 新 opens spaced
words, 新 能源). Invented texts only."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import (
    default_gazetteer,
    nicknamed_place,
    region_words,
    with_place_nicknames,
)
from bot.corpus.home import HomePlaceError, resolve_home
from bot.search.understand import understand
from tests.conftest import engine_over


@pytest.mark.parametrize(
    ("query", "read"),
    [
        # a division's own name wins over a nickname: 榕城 stays as typed, 榕城区 too
        ("榕城 2031年 地区生产总值", "榕城 2031年 地区生产总值"),
        ("榕城区 GDP", "榕城区 GDP"),
        # the other nicknames are read as before
        ("蓉城 城镇化率", "成都 城镇化率"),
        ("鹏城 GDP 榕城", "深圳 GDP 榕城"),
        # 新 alone is no 新疆: it opens spaced words
        ("新 能源 汽车", "新 能源 汽车"),
        ("新 2025 GDP", "新 2025 GDP"),
    ],
)
def test_search_reads_names_as_the_filters_do(query, read):
    assert with_place_nicknames(query) == read


def test_rongcheng_is_the_district_on_every_path():
    g = default_gazetteer()
    assert nicknamed_place("榕城") is None
    assert [p.name for p in g.lookup("榕城")] == ["榕城区"]
    assert resolve_home("榕城", g).name == "榕城区"
    assert region_words("榕城") == ["榕城"]  # the filters' word for the district, not 福州
    assert understand("榕城 GDP", gazetteer=g, known_regions={"榕城"}).facets.region == "榕城"


def test_xin_alone_is_no_province_on_any_path():
    # a decision, not a gap: 新 alone opens spaced words (新 能源 汽车, 新 基建), so no path
    # reads it as 新疆 — search, the filters' words, /region (新疆 is typed in full)
    g = default_gazetteer()
    assert nicknamed_place("新") is None
    assert region_words("新") == ["新"]
    with pytest.raises(HomePlaceError):
        resolve_home("新", g)
    for query in ("新 2025 GDP", "新 能源 汽车"):
        got = understand(query, gazetteer=g, known_regions={"新疆"}, unwritten=lambda w: True)
        assert got.facets.region is None, query


# A 2031 report of 揭阳's 榕城区 and one of 福州, each with its GDP line
RONGCHENG = (
    "2031年揭阳市榕城区人民政府工作报告\n"
    "一、2030年工作回顾\n"
    "过去一年，榕城区地区生产总值增长5.6%，达到510亿元。\n"
)
FUZHOU = (
    "2031年福州市人民政府工作报告\n"
    "一、2030年工作回顾\n"
    "过去一年，全市地区生产总值增长5.9%，达到14800亿元。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("left39"),
        {"district_rongcheng_2031_gwr.txt": RONGCHENG, "city_fuzhou_2031_gwr.txt": FUZHOU},
    )


@pytest.mark.parametrize("query", ["榕城 2030年 地区生产总值", "榕城区 地区生产总值 2030"])
def test_rongcheng_finds_the_districts_report(engine, query):
    hits = engine.search(query, page_size=3).hits
    assert hits and "510亿元" in hits[0].text


def _region(query: str, written: frozenset[str] = frozenset()) -> str | None:
    got = understand(
        query,
        gazetteer=default_gazetteer(),
        known_regions={"海拉尔", "深圳"},
        unwritten=lambda word: word not in written,
    )
    return got.facets.region


@pytest.mark.parametrize(
    ("query", "written", "region"),
    [
        # a place typed apart after the first word, no passage writing what was typed
        ("城镇新增就业 2025 安微", frozenset(), "安徽"),  # a look-alike (微 for 徽)
        ("新改建农村公路 安微 多少公里", frozenset(), "安徽"),
        ("城镇新增就业 2025年 贵洲", frozenset(), "贵州"),  # a homophone
        ("新能源装机占比 宁厦 2025", frozenset(), "宁夏"),
        # a word some passage writes is that word (复建 is no 福建)
        ("老旧小区 复建", frozenset({"复建"}), None),
        # not typed apart: inside a run of characters, or before a Latin word
        ("城镇新增就业安微", frozenset(), None),
        ("新能源 安微GDP", frozenset(), None),
        # two places as near: neither is guessed (深川: 深圳 or 四川)
        ("社会投资 深川", frozenset(), None),
    ],
)
def test_a_place_typo_typed_apart_after_the_first_word(query, written, region):
    assert _region(query, written) == region


def test_without_the_index_a_later_typo_is_no_place():
    got = understand("城镇新增就业 2025年 贵洲", gazetteer=default_gazetteer(), known_regions=set())
    assert got.facets.region is None


# Two 2031 reports with the same measures, each naming the other province in its line (a
# labour cooperation): the place typed with a slip after the measure is the facet that
# tells which report, not a word both lines write
ANHUI = (
    "2031年安徽省政府工作报告\n"
    "过去一年，同贵州开展劳务协作，全省城镇新增就业71.3万人，新改建农村公路1600公里。\n"
)
GUIZHOU = (
    "2031年贵州省政府工作报告\n"
    "过去一年，同安徽开展劳务协作，全省城镇新增就业60.2万人，新改建农村公路1400公里。\n"
)


@pytest.fixture(scope="module")
def provinces(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("left39typos"),
        {"province_anhui_2031_gwr.txt": ANHUI, "province_guizhou_2031_gwr.txt": GUIZHOU},
    )


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("城镇新增就业 2030年 贵洲", "60.2万人"),
        ("新改建农村公路 安微 多少公里", "71.3万人"),
        ("城镇新增就业 安微 2030", "71.3万人"),
    ],
)
def test_a_later_place_typo_finds_its_province(provinces, query, line):
    hits = provinces.search(query, page_size=3).hits
    assert hits and line in hits[0].text


def test_a_later_slip_is_no_second_place():
    # the query names its place: a word past it one character off another is a word
    # (海南 千兆自贸岗 万兆: 万兆 is no 万载)
    got = understand(
        "海南 千兆自贸岗 万兆",
        gazetteer=default_gazetteer(),
        known_regions={"万载", "海南"},
        unwritten=lambda word: True,
    )
    assert got.facets.region == "海南" and not got.facets.regions
