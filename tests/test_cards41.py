"""What `cards41` settled (issue 13, the direct answer card). Invented texts.

A rate a year (年均增长) asked beside a past plan period named bare (十四五 in 2026) asks
what the period reached, as 十四五期间 does, and only the period's own average answers it,
not its last year's rate. A place, a year and a figure named as analysts name it (财政收入:
a synonym of the table's 一般公共预算收入) ask that figure as the table's name does."""

from __future__ import annotations

from datetime import date

import pytest

from bot.library.answers import asks_rate_a_year, asks_result
from bot.text.english import english_terms
from tests.conftest import engine_over

# a 2026 report reviewing the 十四五 period (2021-2025) and 2025, and setting 2026's goals
GANSU_2026 = (
    "2026年甘肃省人民政府工作报告\n"
    "一、“十四五”时期和2025年工作回顾\n"
    "五年来，全省制造业投资年均增长11.4%，居民人均可支配收入年均增长6.3%。\n"
    "2025年，地区生产总值增长5.8%，一般公共预算收入1030亿元，增长4.1%。\n"
    "二、2026年工作安排\n"
    "经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长3%。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    eng = engine_over(
        tmp_path_factory.mktemp("cards41"),
        {"province_gansu_2026_gwr.txt": GANSU_2026},
    )
    eng.searcher.today = lambda: date(2026, 6, 1)  # 十四五 and 2025 are past
    return eng


def test_a_rate_a_year_beside_a_bare_past_period_asks_a_result() -> None:
    assert asks_rate_a_year("安徽十四五制造业投资年均增长多少")
    assert asks_result("安徽十四五制造业投资年均增长多少", 2026)
    assert asks_result("贵州 十四五 居民人均可支配收入 年均增长", 2026)
    # a goal word, a period not yet ended, a name holding 年均, or 十四五 alone: no result
    assert not asks_result("十四五 GDP 年均增长 目标", 2026)
    assert not asks_result("海南 十五五 全省生产总值 年均增长", 2026)
    assert not asks_result("十四五 年均每十万人受灾人次", 2026)
    assert not asks_result("十四五 航空救援 几小时内到达", 2026)
    assert not asks_rate_a_year("年均每十万人受灾人次")


def test_the_periods_average_answers(engine) -> None:
    r = engine.search("甘肃十四五制造业投资年均增长多少", page_size=3)
    assert r.answer is not None and "11.4" in r.answer.figure
    assert r.answer.year == "2021-2025"
    r = engine.search("甘肃 十四五 居民人均可支配收入 年均增长", page_size=3)
    assert r.answer is not None and "6.3" in r.answer.figure


def test_the_last_years_rate_is_no_periods_average(engine) -> None:
    # the review states 2025's GDP growth, no average of the period: no card
    r = engine.search("甘肃 十四五 地区生产总值 年均增长", page_size=3)
    assert r.answer is None or "5.8" not in r.answer.figure


def test_a_synonym_of_the_tables_name_with_a_place_and_a_year(engine) -> None:
    r = engine.search("甘肃 财政收入 增幅 2025", page_size=3)
    assert r.answer is not None and r.answer.kind == "achievement" and "4.1" in r.answer.figure
    r = engine.search("甘肃 2025 财政收入", page_size=3)
    assert r.answer is not None and "1030" in r.answer.figure


def test_during_a_plan_is_its_period() -> None:
    terms = [t for _, _, t in english_terms("Yunnan GDP growth during the 14th Five-Year Plan")]
    assert "十四五期间" in terms
    terms = [t for _, _, t in english_terms("Hailaer investment over the 12th FYP")]
    assert "十二五期间" in terms
    # the plan named alone stays the plan
    terms = [t for _, _, t in english_terms("14th five-year plan emergency rescue")]
    assert "十四五" in terms and "十四五期间" not in terms


def test_a_periods_result_asked_in_english(engine) -> None:
    r = engine.search(
        "Gansu manufacturing investment growth during the 14th Five-Year Plan", page_size=3
    )
    assert r.answer is not None and "11.4" in r.answer.figure
