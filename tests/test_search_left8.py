"""Three reply problems a user trial left (lane search-left8): the understood line names
the indicator of the card that answers, an ambiguous English or pinyin place name is
said with its candidates, and "did you mean" offers only terms near a word the index
lacks. Invented queries and texts only."""

from __future__ import annotations

import pytest

from bot.library.understood import understood_line
from tests.conftest import engine_over

# A country's report and a province's newer one, both setting a growth target.
COUNTRY = (
    "2024年国务院政府工作报告\n一、2024年发展主要预期目标\n"
    "今年发展主要预期目标是：国内生产总值增长5%左右；居民消费价格涨幅3%左右。\n"
)
PROVINCE = (
    "青海省2026年政府工作报告\n一、2026年主要预期目标\n"
    "全省地区生产总值增长6.5%左右，粮食产量稳定在110万吨以上，粮食产量再创新高。\n"
    "粮食产量连续增长，粮食产量保持稳定，农产品产量稳步提高。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    docs = {"country.txt": COUNTRY, "province.txt": PROVINCE}
    return engine_over(tmp_path_factory.mktemp("left8"), docs)


# -- 1: the understood line names the card's indicator ------------------------------------
@pytest.mark.parametrize("query", ["经济增长 目标", "经济增长目标是多少"])
def test_the_understood_line_names_the_indicator_of_the_card_that_answers(engine, query):
    response = engine.search(query, page_size=5)
    card = response.answer
    assert (card.region, card.indicator) == ("全国", "国内生产总值")
    assert response.understood.indicator == "国内生产总值"
    line = understood_line(response.understood, "zh")
    assert "国内生产总值" in line and "地区生产总值" not in line


def test_a_region_asked_keeps_its_own_indicator_in_the_line(engine):
    response = engine.search("青海 经济增长 目标", page_size=5)
    assert (response.answer.region, response.answer.indicator) == ("青海", "地区生产总值")
    assert response.understood.indicator == "地区生产总值"


# -- 3: suggestions only near a word the index lacks --------------------------------------
@pytest.mark.parametrize("query", ["量子通信 多少", "量子通信", "星际航行"])
def test_nothing_found_offers_no_term_that_only_shares_a_character(engine, query):
    response = engine.search(query, page_size=5)
    assert response.total == 0
    assert response.suggestions == ()


def test_a_mistyped_word_still_gets_its_near_term(engine):
    response = engine.search("粮食产良", page_size=5, correct=False)
    assert "粮食产量" in response.suggestions or "产量" in response.suggestions
