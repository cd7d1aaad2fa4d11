"""A year asked binds the answer card to that year's targets (user trial, issue 13): a
report that sets targets for its own year answers for that year with them, not with
the goals it sets for a later year; a plan whose only targets are for later years still
answers for its own year."""

from __future__ import annotations

from datetime import date

import pytest

from bot.library.answers import of_the_year, stating_the_year
from bot.library.engine import Engine
from bot.models import Understood
from bot.targets.records import TargetRecord
from tests.conftest import engine_over
from tests.factories import document_info, target_record

REPORT = (
    "2027年河北省政府工作报告\n"
    "一、2026年工作回顾\n"
    "过去一年，全省地区生产总值增长5.1%。\n"
    "二、今后五年的目标\n"
    "到2031年，居民人均可支配收入达到5万元，人均预期寿命提高到80岁以上。\n"
    "三、2027年工作安排\n"
    "主要预期目标是：地区生产总值增长5%左右，城镇新增就业80万人以上，"
    "城镇居民人均可支配收入增长5%左右，粮食产量稳定在3800万吨以上。\n"
)

PLAN = (
    "河北省养老服务提升行动方案（2025—2028年）\n"
    "为加快养老服务发展，制定本方案。\n"
    "一、主要目标\n"
    "到2028年，全省养老机构床位达到30万张，护理型床位占比达到65%以上。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    engine = engine_over(
        tmp_path_factory.mktemp("year_asked"),
        {"hebei_2027_report.txt": REPORT, "hebei_2025_plan.txt": PLAN},
    )
    engine.searcher.today = lambda: date(2027, 3, 1)
    return engine


def test_a_report_answers_for_its_year_with_that_years_target(engine):
    """The report sets no 2027 target of the name asked (城镇居民… is another indicator)
    but others for 2027: its goal for 2031 does not answer for 2027."""
    answer = engine.search("河北 2027 居民人均可支配收入 目标", page_size=3).answer
    assert answer is None or answer.year == "2027", answer


def test_the_later_goal_answers_when_its_year_is_asked(engine):
    answer = engine.search("河北 2031 居民人均可支配收入 目标", page_size=3).answer
    assert answer is not None and answer.year == "2031", answer


def test_a_plan_answers_for_its_year_with_its_later_goals(engine):
    answer = engine.search("河北 2025 养老机构床位 目标", page_size=3).answer
    assert answer is not None and answer.year == "2028", answer


def _record(year: str) -> TargetRecord:
    return target_record(
        "养老机构床位",
        doc="p",
        section="一、主要目标",
        sentence=f"到{year}年，全省养老机构床位达到30万张。",
        value=30.0,
        value_text="30",
        unit="万张",
        qualifier="",
        change="",
        year=year,
        region="河北",
    )


def test_a_document_without_targets_of_its_year_answers_with_its_later_ones():
    plan = document_info("p", filename="plan.txt", title="方案", region="河北", year=2025)
    understood = Understood(year=2025)
    later = _record("2028")
    stating = stating_the_year([(plan, later)], understood)
    assert stating == frozenset()
    assert of_the_year(plan, later, understood, stating)
    assert not of_the_year(plan, later, understood, {"p"})
    assert of_the_year(plan, _record("2025"), understood, {"p"})


def test_a_record_naming_no_period_is_of_its_documents_year():
    report = document_info("r", filename="r.txt", title="报告", region="河北", year=2025)
    understood = Understood(year=2025)
    assert of_the_year(report, _record(""), understood, {"r"})
    assert not of_the_year(report, _record("2028"), understood, {"r"})
