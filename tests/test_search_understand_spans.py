"""Query understanding defects of the user trial (issue 13): a span of years typed is
the span, not its first year; 全国 as the yardstick of a rank is never the region asked."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.search.understand import understand


def _understand(text: str, this_year: int | None = 2026):
    return understand(
        text, gazetteer=default_gazetteer(), known_regions={"安徽"}, this_year=this_year
    )


@pytest.mark.parametrize(
    "query",
    [
        "安徽 2016-2020 粮食产量 年均增长",
        "安徽2016—2020年粮食产量",
        "二〇一六至二〇二〇年 粮食产量",
        "2016～2020年 粮食产量",
        "2016到2020年 粮食产量",
    ],
)
def test_a_span_of_years_that_is_a_plan_period_is_the_period(query):
    found = _understand(query)
    assert found.facets.year is None, found
    assert "十三五" in found.rest, found
    assert "2016" not in found.rest and "2020" not in found.rest, found


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("2024—2026年 行动方案 养老服务", "2024—2026年"),
        ("安徽 2022-2024 新增就业", "2022-2024"),
        ("2015至2020年 粮食产量", "2015至2020年"),  # six years: across two periods
    ],
)
def test_any_other_span_of_years_names_no_single_year(query, kept):
    found = _understand(query)
    assert found.facets.year is None, found
    assert kept in found.rest, found


def test_a_single_year_and_a_span_beside_it():
    assert _understand("2024年 粮食产量").facets.year == 2024
    assert _understand("2023年 2016-2020 粮食产量").facets.year == 2023


@pytest.mark.parametrize(
    "query",
    ["全国排第几", "全国排名第几的城市", "高于全国平均的指标", "全国位次 上升", "名列全国前茅"],
)
def test_a_rank_in_the_country_alone_names_no_region(query):
    assert _understand(query).facets.region is None


@pytest.mark.parametrize("query", ["全省排名第几", "全市位次 上升", "全省第几"])
def test_a_rank_in_the_province_or_city_names_no_region(query):
    assert _understand(query).facets.region is None


def test_a_rank_in_the_country_named_before_the_place_leaves_the_place():
    assert _understand("全国位次 安徽 粮食产量").facets.region == "安徽"
