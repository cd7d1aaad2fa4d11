"""An industry's growth asked without its measure (规上工业 增速目标) names the indicator of
its value added, as the statistics state an industry's growth (规模以上工业增加值增长7.5%);
asked otherwise (规上工业 企业 目标), it names none (twenty-third quality batch, issue 13)."""

from __future__ import annotations

import pytest

from bot.library.answers import asked_indicator
from bot.targets.indicators import IndicatorTable
from bot.text.synonyms import Synonyms

TABLE = IndicatorTable.from_mapping(
    {
        "indicators": {
            "规模以上工业增加值": {
                "group": "industry",
                "aliases": ["规模以上工业增加值", "规上工业增加值"],
            },
            "规模以上工业总产值": {"group": "industry", "aliases": ["规模以上工业总产值"]},
        }
    }
)


@pytest.fixture
def synonyms():
    syn = Synonyms()
    syn.add(("规模以上工业", "规上工业"))
    return syn


@pytest.mark.parametrize(
    "query", ["某省 规上工业 增速目标 2031", "规模以上工业 增长 多少", "规上工业增幅 目标"]
)
def test_an_industrys_growth_asked_names_its_value_added(synonyms, query):
    assert asked_indicator(query, TABLE, synonyms) == "规模以上工业增加值"


@pytest.mark.parametrize("query", ["规上工业 企业 目标", "规模以上工业 总数 多少"])
def test_an_industry_asked_without_its_growth_names_no_measure(synonyms, query):
    assert asked_indicator(query, TABLE, synonyms) is None


def test_a_measure_typed_whole_still_wins(synonyms):
    assert asked_indicator("规模以上工业总产值 增长 目标", TABLE, synonyms) == "规模以上工业总产值"
