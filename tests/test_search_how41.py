"""A how-question ranks a document's tasks before its review when the review's top-level
heading names what was achieved (一、我国数字经济发展成效显著) or the years past (一、过去五年的
工作和历史性变革), as it does under 一、2025年工作回顾 (issue 13, lane search-how41); a task's
sub-heading aiming at results (（一）巩固拓展攻坚成效) does not make its paragraphs a review.
Invented texts only."""

from __future__ import annotations

import pytest

from bot.library.engine import Engine
from bot.search import window
from tests.conftest import engine_over

# A report whose review is headed by its results: the review's paragraph names the words
# more often, so it scores higher by its words alone.
RESULTS_REPORT = (
    "关于某领域发展情况的报告\n"
    "一、我国某领域发展成效显著\n"
    "关键核心技术攻关取得新进展。一批重大技术实现突破，自主可控水平提升。\n"
    "三、下一步工作安排\n"
    "集中力量推进关键核心技术攻关。以国家战略需求为导向，完善新型举国体制，"
    "在基础软件、高端芯片等领域加快突破，提升产业链自主可控能力。\n"
)

# A congress report whose review is headed by the years past.
CONGRESS_REPORT = (
    "某代表大会报告\n"
    "一、过去五年的工作和历史性变革\n"
    "生态环境治理明显加强。污染防治深入推进，生态环境治理成效显著，状况明显好转。\n"
    "九、加快生态文明体制改革，建设美丽中国\n"
    "（二）着力解决突出环境问题。坚持全民共治、源头防治，持续实施大气污染防治行动，"
    "加快水污染防治，强化土壤污染管控和修复，推进生态环境治理。\n"
)

# A work report whose task sub-heading names 成效: its paragraph is a task, not a review.
TASK_RESULTS_REPORT = (
    "某县2026年政府工作报告\n"
    "一、2025年工作回顾\n"
    "乡村产业加快发展。乡村产业提质增效，乡村产业带动增收明显，乡村产业园区新增3个。\n"
    "二、2026年重点工作\n"
    "（一）巩固拓展攻坚成效\n"
    "壮大乡村产业。培育特色种养业，发展农产品加工，完善联农带农机制，推动乡村产业升级。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    docs = {
        "results_2022.txt": RESULTS_REPORT,
        "congress_2017.txt": CONGRESS_REPORT,
        "county_2026.txt": TASK_RESULTS_REPORT,
    }
    return engine_over(tmp_path_factory.mktemp("how41"), docs)


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


def test_a_how_question_ranks_tasks_before_a_review_headed_by_its_results(engine):
    texts = _texts(engine, "关键核心技术 怎么突破")
    assert texts[0].startswith("集中力量推进关键核心技术攻关。"), texts


def test_a_how_question_ranks_tasks_before_a_review_of_the_years_past(engine):
    texts = _texts(engine, "生态环境治理 怎么推进")
    assert texts[0].startswith("（二）着力解决突出环境问题。"), texts


def test_without_the_part_headings_the_reviews_would_come_first(tmp_path, monkeypatch):
    # a fresh engine: which passages are under a review is worked out once per index
    monkeypatch.setattr(window, "_REVIEW_PART_HEADINGS", ())
    docs = {"results_2022.txt": RESULTS_REPORT, "congress_2017.txt": CONGRESS_REPORT}
    fresh = engine_over(tmp_path, docs)
    assert _texts(fresh, "关键核心技术 怎么突破")[0].startswith("关键核心技术攻关取得新进展。")
    assert _texts(fresh, "生态环境治理 怎么推进")[0].startswith("生态环境治理明显加强。")


def test_a_task_sub_heading_naming_results_is_no_review(engine):
    texts = _texts(engine, "乡村产业 怎么发展")
    assert texts[0].startswith("壮大乡村产业。"), texts
