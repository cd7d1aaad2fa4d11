"""Chat-style keyword queries (issue 13, ``search-quality32``): a rank asked by the noun
alone (营商环境 排名, 排行, ranking) asks where a place stood, as 排第几 does: the review's
line stating the rank, not the year's task naming the same topic. Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.asking import asks_past
from tests.conftest import engine_over

REPORT = (
    "2032年青海省政府工作报告\n"
    "一、过去五年工作回顾\n"
    "——这五年，改革开放活力迸发。深化重点领域改革，法治化营商环境指标从全国第18位升至第4位，新增境内上市公司20家。\n"
    "二、2032年工作安排\n"
    "打造一流营商环境。推出新一轮优化营商环境举措，持续规范涉企检查，做优信用青海品牌，提升政务服务效能和营商环境便利度。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("quality32"), {"province_qinghai_2032_gwr.txt": REPORT}
    )


@pytest.mark.parametrize(
    "query",
    ["安徽 营商环境 排名", "四川GDP排名", "外资 排行", "Anhui GDP ranking", "where Sichuan ranks"],
)
def test_the_noun_of_a_rank_asks_where_a_place_stood(query):
    assert asks_past(query)


@pytest.mark.parametrize("query", ["营商环境 改革", "Sichuan GDP growth target", "frank opinion"])
def test_no_rank_no_past(query):
    assert not asks_past(query)


@pytest.mark.parametrize("query", ["青海 营商环境 排名", "青海 法治化营商环境 排名"])
def test_a_rank_asked_finds_the_review_line_stating_it(engine, query):
    r = engine.search(query, page_size=3)
    assert r.hits and "升至第4位" in r.hits[0].text, [h.text for h in r.hits]
