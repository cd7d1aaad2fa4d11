"""The reader of a sentence's opening year or span (:func:`read_opening`)."""

from __future__ import annotations

import pytest

from bot.targets.extract import read_opening


@pytest.mark.parametrize(
    ("text", "review", "ended", "goal", "span"),
    [
        ("2023年，全省…", "2023", "2023", "", None),
        ("截至2023年底，全市…", "2023", "2023", "", None),
        ("（一）发展基础。2023年，全省…", "2023", "", "", None),
        ("2021—2023年，全市累计…", "", "2023", "", ("2021", "2023")),
        ("2021年至2023年间，全区…", "", "", "", ("2021", "2023")),
        ("截至2021—2023年，", "", "2023", "", None),
        ("——到2025年，基本建成…", "", "", "2025", None),
        ("至2035年底，", "", "", "2035", None),
        ("2021—2023年底，", "", "2023", "", None),
    ],
)
def test_readings(
    text: str, review: str, ended: str, goal: str, span: tuple[str, str] | None
) -> None:
    opened = read_opening(text)
    assert opened is not None
    assert (opened.review_year, opened.ended_year, opened.goal_year, opened.span) == (
        review,
        ended,
        goal,
        span,
    )


def test_no_opening_year() -> None:
    assert read_opening("近年来，全市…") is None
    assert read_opening("全市2023年，") is None
    # a position: the 。-sentence after the first
    assert read_opening("近年来，全市…。2023年，", 8) is not None
