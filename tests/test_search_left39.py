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
from bot.corpus.home import resolve_home
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
    g = default_gazetteer()
    assert nicknamed_place("新") is None
    assert understand("新 2025 GDP", gazetteer=g, known_regions={"新疆"}).facets.region is None


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
