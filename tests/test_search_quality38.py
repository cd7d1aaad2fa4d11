"""A place as readers call it (issue 13, ``search-quality38``): a province's one-character
abbreviation typed as a word of its own (皖 2025年 城镇新增就业, 黔, 川, 滇) and a city's
nickname (蓉城, 鹏城) are read as the place's name, so the query asks that place's documents
as the name would; and a province the query opens with, typed with a look-alike character (安微
for 安徽), is the province when no passage writes what was typed. Invented texts only."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import (
    CITY_NICKNAMES,
    PROVINCE_ABBREVIATIONS,
    default_gazetteer,
    with_place_nicknames,
)
from bot.search.understand import understand
from tests.conftest import engine_over


@pytest.mark.parametrize(
    ("query", "read"),
    [
        ("皖 2025年 城镇新增就业 多少人", "安徽 2025年 城镇新增就业 多少人"),
        ("黔2025年 城镇新增就业", "贵州2025年 城镇新增就业"),
        ("川 经济总量", "四川 经济总量"),
        ("GDP 滇", "GDP 云南"),
        ("蓉城 城镇化率 2022", "成都 城镇化率 2022"),
        ("鹏城2022年经济增长目标", "深圳2022年经济增长目标"),
        # left as typed: inside a run of characters, 新 opening spaced words, a word of its own
        ("皖企出海", "皖企出海"),
        ("川渝 合作", "川渝 合作"),
        ("新 能源 汽车", "新 能源 汽车"),
        ("卫星城 建设", "卫星城 建设"),
        ("温泉城 旅游", "温泉城 旅游"),
        ("城镇新增就业 2025", "城镇新增就业 2025"),
    ],
)
def test_a_place_as_readers_call_it(query, read):
    assert with_place_nicknames(query) == read


def test_every_nickname_names_a_place_the_gazetteer_knows():
    g = default_gazetteer()
    for name in (*PROVINCE_ABBREVIATIONS.values(), *CITY_NICKNAMES.values()):
        assert g.lookup(name), name


# Two 2031 reports reviewing 2030 with the same measure: the abbreviation tells which.
ANHUI = (
    "2031年安徽省政府工作报告\n"
    "一、2030年工作回顾\n"
    "过去一年，全省地区生产总值增长5.2%。稳就业政策持续发力，城镇新增就业71.3万人。\n"
)
GUIZHOU = (
    "2031年贵州省政府工作报告\n"
    "一、2030年工作回顾\n"
    "过去一年，全省地区生产总值增长4.8%。民生福祉持续增进，城镇新增就业60.2万人。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("quality38"),
        {"province_anhui_2031_gwr.txt": ANHUI, "province_guizhou_2031_gwr.txt": GUIZHOU},
    )


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("皖 2030年 城镇新增就业 多少人", "城镇新增就业71.3万人"),
        ("黔 2030年 城镇新增就业", "城镇新增就业60.2万人"),
        ("2030年 黔 城镇新增就业", "城镇新增就业60.2万人"),
    ],
)
def test_the_abbreviation_finds_its_province(engine, query, line):
    hits = engine.search(query, page_size=3).hits
    assert hits and line in hits[0].text


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
        ("安微 城镇新增就业 2025", frozenset(), "安徽"),  # 微 for 徽, a look-alike
        ("安微 新改建农村公路 多少公里", frozenset(), "安徽"),
        ("贵洲 2026 GDP 目标", frozenset(), "贵州"),  # a homophone, read as before
        # a word some passage writes is that word (海绵城市's 海绵 is no 海南)
        ("海绵 城市 建设", frozenset({"海绵"}), None),
        # two places as near: neither is guessed (深川: 深圳 or 四川)
        ("深川 社会投资", frozenset(), None),
        # past the first word: typed apart and written nowhere, the place (search-left39) …
        ("城镇新增就业 安微", frozenset(), "安徽"),
        # … but not inside a run of characters, nor beside a place already named
        ("城镇新增就业安微", frozenset(), None),
        ("海南 城镇新增就业 安微", frozenset(), "海南"),
    ],
)
def test_a_look_alike_province_is_read_only_where_nothing_else_is_meant(query, written, region):
    assert _region(query, written) == region


def test_without_the_index_a_look_alike_is_no_place():
    got = understand("安微 城镇新增就业", gazetteer=default_gazetteer(), known_regions=set())
    assert got.facets.region is None
