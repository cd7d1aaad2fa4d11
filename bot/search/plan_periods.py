"""Five-year plan periods in a query: their names (十四五), the words for their span
(十四五期间, “十四五”时期, 过去五年) and the spans of years that are one (2021-2025).

:func:`name_periods` rewrites a query's spans as the periods' names before it is
understood (:mod:`bot.search.understand`); the searcher, the corrector and the answers
ask which period a query names (:func:`named_period`, :func:`plan_period_spans`,
:func:`periods_named`) and whether it has ended (:func:`asks_past_period`). Pure.
"""

from __future__ import annotations

import re

from bot.text.normalize import normalize
from bot.text.years import ARABIC_YEAR, CHINESE_YEAR, read_year

# The five years before today, as people say them (安徽 过去五年 GDP 年均增长): the plan
# period that ended last year, the period reports review under 这五年 or “十四五”时期.
_LAST_FIVE_YEARS_RE = re.compile(r"过去(?:的)?五年|近五年|这五年|五年来")
# A plan period with a word for its span (十四五期间, “十四五”时期): the period itself.
_PERIOD_SPAN_RE = re.compile(
    r"[“\"]?(十[一二三四五六七八九]五)[”\"]?(?:规划)?(?:期间|时期|以来|年间)"
)
_CN_TEENS = "一二三四五六七八九"
# A span of years typed (2021-2025, 2021—2025年, 二〇二一至二〇二五年): the span, not its
# first year. One that is a plan period is searched as the period (十四五); any other
# leaves the year unnamed and its years to be found in the text (2024—2026年行动方案).
_Y = f"{ARABIC_YEAR}|{CHINESE_YEAR}"
YEAR_SPAN_RE = re.compile(
    rf"(?<![\d.])({_Y})\s*年?\s*(?:[-—–~]{{1,2}}|至|到)\s*({_Y})\s*年?(?![\d.%])"
)


def plan_period(year: int) -> str | None:
    """The five-year plan period ``year`` falls in (2025 -> 十四五, 2016 -> 十三五), for
    the 11th to the 19th plans (2006-2050); ``None`` outside them."""
    n = 11 + (year - 2006) // 5
    return f"十{_CN_TEENS[n - 11]}五" if 11 <= n <= 19 and year >= 2006 else None


def name_periods(text: str, this_year: int | None) -> str:
    """``text`` with its spans of years said in words named as plan periods: 十四五期间
    -> 十四五 (期间 is no word the answer holds), and with ``this_year``, 过去五年 / 这五年
    -> the plan period that ended last year (a report reviews it under “十四五”时期 or
    这五年, seldom with the words the question uses)."""
    text = _PERIOD_SPAN_RE.sub(r"\1", text)
    text = YEAR_SPAN_RE.sub(_span_as_period, text)
    period = plan_period(this_year - 1) if this_year is not None else None
    if period is not None:
        text = _LAST_FIVE_YEARS_RE.sub(f" {period} ", text)
    return text


def period_spans_named(text: str) -> str:
    """``text`` with its plan periods' span words taken off (十四五期间 -> 十四五, “十四五”时期
    -> 十四五): what :func:`understand` searches even when it understood no facet, since
    期间 and 时期 are no words the answer holds (``十四五时期粮食产量多少``: a required 时期
    ranked lines writing it above the lines giving the figure)."""
    return _PERIOD_SPAN_RE.sub(r"\1", text)


def _span_as_period(m: re.Match[str]) -> str:
    """A span of years that is a plan period (2021-2025) as the period's name."""
    first, last = read_year(m.group(1)), read_year(m.group(2))
    period = plan_period(first) if first is not None else None
    if period is None or last != first + 4 or plan_period(first - 1) == period:
        return m.group()
    return f" {period} "


def asks_past_period(query: str, this_year: int) -> bool:
    """Whether ``query`` asks about the span of a plan period that has ended (过去五年,
    十四五期间 in 2026). A bare 十四五 is the plan as much as the period (十四五 航空救援
    几小时内到达 asks for the plan's goal)."""
    if _LAST_FIVE_YEARS_RE.search(query):
        return True
    return any(_period_end(m.group(1)) < this_year for m in _PERIOD_SPAN_RE.finditer(query))


PERIOD_NAME_RE = re.compile(r"十[一二三四五六七八九]五")


def plan_period_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a five-year plan period (十三五, 十四五): names typed on
    purpose, never typos to correct (a corpus without 十三五 would make it 十五, the half
    of 十五五 it holds; the segmenter cuts it 十三|五)."""
    return [m.span() for m in PERIOD_NAME_RE.finditer(text)]


def periods_named(text: str, *, normalized: bool = False) -> list[tuple[int, int]]:
    """The years (first, last) of every five-year plan period ``text`` names (二、“十五五”
    时期主要目标任务 -> [(2026, 2030)]); ``normalized`` when ``text`` already is (a heading
    path's parts: normalising each again cost ~3 µs a heading on every year asked)."""
    return [
        (_period_end(m.group()) - 4, _period_end(m.group()))
        for m in PERIOD_NAME_RE.finditer(text if normalized else normalize(text))
    ]


def named_period(query: str) -> tuple[int, int] | None:
    """The years of the five-year plan period ``query`` names (十四五, “十四五”时期, or
    its span typed, 2021-2025) as (first, last), or ``None``: 十四五 GDP 目标 asks for the
    period's goals, which a 十五五 target does not answer."""
    text = YEAR_SPAN_RE.sub(_span_as_period, normalize(query))
    m = PERIOD_NAME_RE.search(text)
    if m is None:
        return None
    last = _period_end(m.group())
    return last - 4, last


def _period_end(period: str) -> int:
    """The last year of a plan period (十四五 -> 2025)."""
    return 2006 + 5 * (_CN_TEENS.index(period[1]) + 1) - 1
