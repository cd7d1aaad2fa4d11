"""With no year asked, a report's target for its own year answers before the goal it sets
for a later year, whichever it states first (twenty-third quality batch, issue 13): a 2026
report's goals paragraph for 2030 (45%) comes before its 2026 task (40%), and a question
without a year (民营投资 占固投 要达到多少) asks what the report sets for now."""

from __future__ import annotations

from bot.library.answers import best_answer
from bot.models import Understood
from bot.targets.records import TargetRecord
from tests.factories import document_info, target_record


def _record(year: str, value: float) -> TargetRecord:
    return target_record(
        "民间投资占固定资产投资比重",
        doc="r",
        section="二、目标任务",
        sentence=f"民间投资占固定资产投资比重达{value:g}%。",
        value=value,
        value_text=f"{value:g}",
        unit="%",
        qualifier="",
        change="",
        year=year,
        region="某省",
    )


REPORT = document_info(
    "r", filename="r.txt", title="某省2026年政府工作报告", region="某省", year=2026
)


def test_a_reports_own_year_target_answers_a_question_without_a_year():
    later, now = _record("2030", 45.0), _record("2026", 40.0)
    found = best_answer([(REPORT, later), (REPORT, now)], Understood())
    assert found is not None and found[1].value == 40.0
    # a record naming no period is of its document's year, as in of_the_year
    found = best_answer([(REPORT, later), (REPORT, _record("", 40.0))], Understood())
    assert found is not None and found[1].value == 40.0


def test_a_year_asked_still_chooses_its_own_target():
    later, now = _record("2030", 45.0), _record("2026", 40.0)
    found = best_answer([(REPORT, now), (REPORT, later)], Understood(year=2030))
    assert found is not None and found[1].value == 45.0


def test_of_one_year_the_first_stated_still_answers():
    first, second = _record("2026", 40.0), _record("2026", 42.0)
    found = best_answer([(REPORT, first), (REPORT, second)], Understood())
    assert found is not None and found[1].value == 40.0
