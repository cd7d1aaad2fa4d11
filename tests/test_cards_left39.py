"""What `cards-left39` settled (issue 13, the direct answer card). Invented texts.

English terms the card questions typed and the glossary lacked: NEV before output (an
investor's abbreviation), the per capita income's net business income the bulletins list after
工资性收入, the central government's basic research spending. And the corrector: a term that a
span gives by adding a character, and a wider span holding it gives by one substitution, is
the wider span's (国内旅游收人 -> 国内旅游收入, not 国内旅游收入人). The 增加值 of a name the
table does not know asks no change (a past year's share of 数字经济核心产业增加值 is that year's
result, not dropped as the change asked)."""

from __future__ import annotations

import pytest

from bot.library.answers import asks_change
from bot.text.english import load_glossary
from tests.conftest import engine_over

# a bulletin listing the rural income's parts, and its tourism revenue
LANZHOU_2023 = (
    "兰州市2023年国民经济和社会发展统计公报\n"
    "全年全体居民人均可支配收入36132元，增长6.1%。农村居民人均可支配收入16342元，增长7.9%。"
    "其中，工资性收入6421元，增长8.5%；经营净收入5213元，增长7.2%；财产净收入412元，增长3.1%。\n"
    "全年接待国内游客8532万人次，增长62.3%；实现国内旅游收入612.4亿元，增长71.2%。"
    "国内旅游人数增长较快。\n"
)
# a national report's year: the central government's basic research spending and NEV output
NATIONAL_2026 = (
    "2026年国务院政府工作报告\n"
    "一、2025年工作回顾\n"
    "新能源汽车年产量突破1600万辆。数字经济核心产业增加值占国内生产总值比重达到10.5%。\n"
    "二、2026年工作安排\n"
    "基础研究是科技创新的源头，中央本级基础研究支出增长8.2%。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cards_left39"),
        {
            "city_lanzhou_2023_stat-bulletin.txt": LANZHOU_2023,
            "national_china_2026_gwr.txt": NATIONAL_2026,
        },
    )


def test_the_glossary_reads_the_card_questions_terms() -> None:
    glossary = load_glossary()
    assert glossary["nev output"] == "新能源汽车产量"
    assert glossary["rural per capita business income"] == "农村居民人均经营净收入"
    assert glossary["net business income"] == "经营净收入"
    assert glossary["central basic research spending"] == "中央本级基础研究支出"
    # NEV alone stays the synonyms' term, whose group finds 新能源汽车
    assert "nev" not in glossary


def test_rural_business_income_growth_in_english(engine):
    r = engine.search("Lanzhou rural per capita business income growth 2023", page_size=3)
    assert r.answer is not None and r.answer.figure == "7.2%"


def test_central_basic_research_spending_in_english(engine):
    r = engine.search("China central basic research spending growth 2026", page_size=3)
    assert r.answer is not None and r.answer.figure == "8.2%"


def test_a_slip_inside_the_word_is_no_character_added(engine):
    r = engine.search("兰州 国内旅游收人 增速 2023", page_size=3)
    assert [(c.original, c.corrected) for c in r.corrections] == [("国内旅游收人", "国内旅游收入")]


def test_value_added_in_a_name_asks_no_change(engine):
    table = engine.indicator_table
    assert not asks_change("2024年数字经济核心产业增加值占 的比重是多少", table)
    assert not asks_change("文化产业增加值是多少", table)
    assert asks_change("数字经济核心产业增加值增加了多少", table)
    r = engine.search("2025年数字经济核心产业增加值占GDP的比重是多少？", page_size=3)
    assert r.answer is not None and r.answer.figure == "10.5%"
