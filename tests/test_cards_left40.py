"""What `cards-left40` settled (issue 13, the direct answer card). Invented texts.

A past year's rate or result asked after a known figure's name, with no word of a goal
(宁夏 2025 GDP 增长, 海南 CPI 2025 实际, Ningxia FAI growth 2025 actual), asks what the year
reached: its result answers before the target a report of the year before set for it.
A province's abbreviation typed as a word (皖 2025 GDP growth) is the place in the card's
words too, not a word the figure's name must hold."""

from __future__ import annotations

from datetime import date

import pytest

from bot.library.answers import names_past_result
from tests.conftest import engine_over

# the 2025 report sets 2025's goals; the 2026 report reviews what 2025 reached
GANSU_2025 = (
    "2025年甘肃省人民政府工作报告\n"
    "二、2025年工作安排\n"
    "经济社会发展的主要预期目标是：地区生产总值增长6%左右，固定资产投资增长5%，"
    "居民消费价格涨幅2%左右。\n"
)
GANSU_2026 = (
    "2026年甘肃省人民政府工作报告\n"
    "一、2025年工作回顾\n"
    "全年实现地区生产总值13860亿元，增长5.8%。固定资产投资增长6.2%。居民消费价格上涨0.3%。\n"
    "二、2026年工作安排\n"
    "经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，固定资产投资增长6%左右。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    eng = engine_over(
        tmp_path_factory.mktemp("cards_left40"),
        {"province_gansu_2025_gwr.txt": GANSU_2025, "province_gansu_2026_gwr.txt": GANSU_2026},
    )
    eng.searcher.today = lambda: date(2026, 6, 1)  # 2025 is past, 2026 this year
    return eng


def test_a_rate_or_result_word_after_a_name_is_read(engine) -> None:
    table = engine.indicator_table
    for rest in ("GDP 增长", "固定资产投资 增长 ACTUAL", "CPI 实际", "GDP 实际增长", "GDP 增速"):
        assert names_past_result(rest, table), rest
    # a name alone is names_only_indicator's; other words ask more; 实际 inside a name
    for rest in ("GDP", "GDP 增长 招商", "实际使用外资", "实际"):
        assert not names_past_result(rest, table), rest


def test_a_past_years_growth_is_its_result_not_its_target(engine):
    r = engine.search("甘肃 2025 GDP 增长", page_size=3)
    assert r.answer is not None and r.answer.kind == "achievement" and "5.8" in r.answer.figure


def test_actual_in_english_and_chinese_asks_the_result(engine):
    r = engine.search("Gansu FAI growth 2025 actual", page_size=3)
    assert r.answer is not None and "6.2" in r.answer.figure
    r = engine.search("甘肃 CPI 2025 实际", page_size=3)
    assert r.answer is not None and "0.3" in r.answer.figure


def test_a_province_abbreviation_is_the_place(engine):
    r = engine.search("甘 2025 GDP growth", page_size=3)
    assert r.answer is not None and "5.8" in r.answer.figure


def test_a_goal_word_or_this_year_keeps_the_target(engine):
    r = engine.search("甘肃 2025 GDP 增长目标", page_size=3)
    assert r.answer is not None and r.answer.kind == "target" and "6%" in r.answer.figure
    r = engine.search("甘肃 2026 GDP 增长", page_size=3)
    assert r.answer is None or r.answer.kind == "target"
