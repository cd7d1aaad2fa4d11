"""Letters and figures typed alone name the indicator whose aliases they open (user
trial, issue 13): PM2.5 is what reports write PM2.5平均浓度 or PM2.5浓度."""

from __future__ import annotations

import pytest

from bot.library.answers import asked_indicator
from bot.targets.indicators import IndicatorTable
from bot.text.synonyms import Synonyms

TABLE = IndicatorTable.from_mapping(
    {
        "indicators": {
            "PM2.5平均浓度": {
                "group": "environment",
                "aliases": ["PM2.5平均浓度", "PM2.5浓度", "细颗粒物浓度"],
            },
            "PM10平均浓度": {"group": "environment", "aliases": ["PM10平均浓度"]},
            "PM10达标天数": {"group": "environment", "aliases": ["PM10达标天数"]},
            "地区生产总值": {"group": "economy", "aliases": ["地区生产总值", "GDP"]},
        }
    }
)


@pytest.mark.parametrize(
    "query",
    ["PM2.5", "pm2.5 目标", "某市 2030 PM2.5 要降到多少", "PM2.5目标", "PM2.5 控制在多少"],
)
def test_letters_and_figures_alone_name_the_indicator_they_open(query):
    assert asked_indicator(query, TABLE) == "PM2.5平均浓度"


@pytest.mark.parametrize(
    "query",
    [
        "PM10 目标",  # two indicators open with PM10: none is asked
        "PM2.5达标天数",  # the start of another word
        "PM2 目标",  # not the letters and figures of an alias: PM2.5 is
    ],
)
def test_letters_and_figures_of_several_or_inside_a_word_name_none(query):
    assert asked_indicator(query, TABLE) is None


def test_a_synonym_of_the_letters_names_it_too():
    synonyms = Synonyms()
    synonyms.add(("PM2.5", "细颗粒物"))
    assert asked_indicator("细颗粒物 目标", TABLE, synonyms) == "PM2.5平均浓度"


def test_an_alias_typed_whole_still_wins():
    assert asked_indicator("PM10平均浓度 目标", TABLE) == "PM10平均浓度"
    assert asked_indicator("GDP 目标", TABLE) == "地区生产总值"


def _facet(word: str) -> bool:
    return word in ("某市", "2030")


@pytest.mark.parametrize(
    "query",
    [
        "PM2.5 浓度",  # goes on as the alias does
        "PM2.5 平均 浓度 目标",
        "某市 PM2.5 下降 多少",  # asks how it moved
        "PM2.5 某市 2030",  # the region and year asked
        "PM2.5 目标",
    ],
)
def test_a_word_after_the_letters_that_asks_or_goes_on_keeps_the_indicator(query):
    assert asked_indicator(query, TABLE, facet=_facet) == "PM2.5平均浓度"


@pytest.mark.parametrize("query", ["PM2.5 监测站点 多少", "某市 PM2.5 预警 次数"])
def test_another_measure_named_after_the_letters_is_not_their_indicator(query):
    # the user names what is counted (监测站点, 预警次数): not the concentration
    assert asked_indicator(query, TABLE, facet=_facet) is None
    # without knowing the facets the letters alone still decide, as before
    assert asked_indicator(query, TABLE) == "PM2.5平均浓度"
