"""A question naming a five-year plan period (十四五 GDP 目标) is answered by a target
for that period, never by the next plan's goals nor by one year's target inside it."""

from __future__ import annotations

import pytest

from bot.library.answers import of_the_period, record_years
from bot.models import DocumentInfo
from bot.search.understand import named_period
from bot.targets.records import TargetRecord
from tests.conftest import engine_over
from tests.factories import document_info, target_record

# Invented: a 2021 report that sets the 十四五 goals, a 2023 report's annual target, and a
# 2026 report that sets the 十五五 goals. All of one province, all about 地区生产总值.
PLAN_2021 = """江州省2021年政府工作报告
——2021年1月20日在江州省第十三届人民代表大会第五次会议上

二、“十四五”时期主要目标任务
“十四五”时期，全省地区生产总值年均增长6%左右，研发经费投入强度达到2.5%。
"""
YEAR_2023 = """江州省2023年政府工作报告
——2023年1月15日在江州省第十四届人民代表大会第一次会议上

二、2023年主要目标
今年全省地区生产总值增长5.5%左右。
"""
PLAN_2026 = """江州省2026年政府工作报告
——2026年1月18日在江州省第十四届人民代表大会第四次会议上

二、“十五五”时期主要目标任务
“十五五”时期，全省地区生产总值年均增长5%以上。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    docs = {
        "jiangzhou_2021_gwr.txt": PLAN_2021,
        "jiangzhou_2023_gwr.txt": YEAR_2023,
        "jiangzhou_2026_gwr.txt": PLAN_2026,
    }
    return engine_over(tmp_path_factory.mktemp("periods"), docs)


@pytest.mark.parametrize(
    ("query", "period"),
    [
        ("十四五 GDP 目标", (2021, 2025)),
        ("“十四五”时期 GDP 目标", (2021, 2025)),
        ("2021-2025 GDP 目标", (2021, 2025)),
        ("十三五 粮食产量", (2016, 2020)),
        ("2024 GDP 目标", None),
        ("2021-2023 GDP", None),  # a span that is no plan period
    ],
)
def test_a_query_names_a_plan_period(query: str, period: tuple[int, int] | None) -> None:
    assert named_period(query) == period


def _record(year: str) -> TargetRecord:
    return target_record(
        sentence="地区生产总值年均增长6%左右", value=6.0, value_text="6", year=year, region="江州"
    )


def _info(doc_id: str, year: int) -> DocumentInfo:
    return document_info(doc_id, region="江州", year=year)


def test_the_period_keeps_its_own_goals_and_those_for_its_last_year_set_before_it() -> None:
    plan, annual = _info("p", 2021), _info("a", 2025)
    rows = [
        (plan, _record("2021-2025")),
        (plan, _record("2025")),  # the plan's 到2025年 goal
        (annual, _record("2025")),  # the 2025 report's own target for 2025
        (plan, _record("2023")),
        (annual, _record("2026-2030")),
    ]
    kept = of_the_period(rows, "十四五 GDP 目标")
    assert [(i.doc_id, r.year) for i, r in kept] == [("p", "2021-2025"), ("p", "2025")]
    assert of_the_period(rows, "GDP 目标") == rows
    assert record_years(plan, _record("")) == (2021, 2021)


def test_a_plan_period_question_is_answered_by_that_periods_target(engine) -> None:
    answer = engine.search("江州 十四五 GDP 目标", page_size=3).answer
    assert answer is not None
    assert (answer.year, answer.value_text) == ("2021-2025", "6")
    answer = engine.search("江州 十五五 GDP 目标", page_size=3).answer
    assert answer is not None and answer.year == "2026-2030"


def test_no_card_rather_than_another_periods_goal(engine) -> None:
    # no 十三五 goal in the library: neither the 十四五 nor the 十五五 one answers
    assert engine.search("江州 十三五 GDP 目标", page_size=3).answer is None


def test_a_plan_period_missing_from_the_library_is_not_corrected_to_another(engine) -> None:
    # the library writes 十四五 and 十五五 but never 十三五 (cut 十三|五): no 十五
    response = engine.search("江州 十三五 GDP", page_size=3)
    assert response.corrected_query is None and not response.corrections
