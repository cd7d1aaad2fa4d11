"""What `cards40` settled (issue 13, the direct answer card). Invented texts.

A place's rank asked (全国排名, 排第几, 全国第几, rank) is answered by the rank's own record
(地区生产总值全国排名 5位), named by what is ranked, the level's rank unless a rate is asked
(then 地区生产总值增速全国排名); the figure's own record answers another question. A goal
said set (目标定了多少, 定在多少) asks the figure set, not a result."""

from __future__ import annotations

import pytest

from bot.library.answers import (
    asks_goal,
    asks_rank,
    asks_result,
    without_rank_words,
)
from tests.conftest import engine_over

# a province's report: its 2025 results with their ranks, and its 2026 goals
GANSU_2026 = (
    "2026年甘肃省人民政府工作报告\n"
    "一、2025年工作回顾\n"
    "全年实现地区生产总值13860亿元，增长5.8%，总量居全国第27位。地区生产总值增速居全国第9位。"
    "固定资产投资增长6.2%，增速居全国第5位。\n"
    "国家级农业产业化龙头企业数从全国第20位升至第15位。\n"
    "二、2026年工作安排\n"
    "经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，固定资产投资增长6%左右。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cards40"), {"province_gansu_2026_gwr.txt": GANSU_2026}
    )


def test_rank_words_are_read() -> None:
    for q in (
        "甘肃 GDP 总量 全国排名 2025",
        "甘肃国家级农业产业化龙头企业数全国排第几",
        "甘肃 固投增速 全国第几",
        "Gansu GDP rank 2025",
        "甘肅 GDP 全國排名",
    ):
        assert asks_rank(q), q
    for q in ("甘肃 2025 GDP", "排水管网 多少公里", "污染物排放 多少", "frankly"):
        assert not asks_rank(q), q
    assert without_rank_words("甘肃 GDP 全国排名 2025").split() == ["甘肃", "GDP", "2025"]


def test_the_rank_of_the_level_is_answered(engine):
    r = engine.search("甘肃 GDP 总量 全国排名 2025", page_size=3)
    assert r.answer is not None
    assert r.answer.indicator.endswith("排名") and "27" in r.answer.figure


def test_the_rank_of_a_rate_when_a_rate_is_asked(engine):
    r = engine.search("甘肃 2025 GDP 增速 全国排名", page_size=3)
    assert r.answer is not None and "增速" in r.answer.indicator and "9" in r.answer.figure


def test_a_rank_asked_with_no_year_is_the_newest_result(engine):
    r = engine.search("甘肃国家级农业产业化龙头企业数全国排第几", page_size=3)
    assert r.answer is not None and "15" in r.answer.figure


def test_a_goal_said_set_asks_the_figure_set(engine):
    assert not asks_result("甘肃今年固定资产投资目标定了多少", 2026)
    assert asks_result("甘肃去年固定资产投资增长了多少", 2026)
    assert asks_goal("2025年财政赤字率定了多少？")
    r = engine.search("甘肃今年固定资产投资目标定了多少", page_size=3)
    assert r.answer is not None and r.answer.figure == "6%左右"
