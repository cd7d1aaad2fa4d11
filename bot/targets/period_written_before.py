"""Which written time dates a figure: the period written last before it, passing over a
streak or a stretch's end year that dates an earlier clause, and a 。-sentence opening on
last year (去年，…) whose paragraph's later figures are of that year.

Read by :meth:`bot.targets.periods.PeriodsMixin._record_year` from the periods
:mod:`bot.targets.written_periods` found in the line.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.targets.span_or_end import FROM_BASE_RE

# A 。-sentence (a speaker's answer) opening on a time: 去年，… / 去年全区… / 唐宁：去年… /
# 今年一季度，… / 2024年，… (去年以来, since then, and 去年同期, a base, are no 去年).
_SENTENCE_TIME_RE = re.compile(
    r"(?:^|(?<=[。！？]))\s*(?:[^：:。，；！？\n]{1,24}[：:])?\s*"
    r"(去年(?!以来|同期)|今年|明年|近年|近几年|过去|目前|当前|(?:19|20)\d\d年)"
)


def last_year_opening(line: str, upto: int) -> tuple[int, int] | None:
    """Where ``去年`` is written when the last 。-sentence of ``line`` before ``upto`` that
    opens on a time opens on last year (its paragraph's later figures with no time of
    their own are of it), else ``None``."""
    times = list(_SENTENCE_TIME_RE.finditer(line, 0, upto))
    return times[-1].span(1) if times and times[-1].group(1) == "去年" else None


# the end year of a stretch written out (从2020年的101.4万亿元增加到2025年的140.2万亿元), and
# the ；-clause it stands in
_STRETCH_YEAR_END_RE = re.compile(r"(?:到|至)(?:19|20)\d\d年$")


_CLAUSE_MARK_RE = re.compile(r"[，,]")


def period_past_stretches(
    periods: list[tuple[int, str]], line: str, lo: int, offset: int, hi: int
) -> str | None:
    """The period written last in ``(lo, hi]`` (:func:`period_before`), passing over a
    streak (连续五年) of an earlier ；-clause and the end year of a stretch from a base
    year (从2020年的…增加到2025年的…) written in an earlier ；-clause: it dates that
    clause's level, not the figures listed after it (五年来，国内生产总值从…增加到2025年的…；
    城镇新增就业累计6300万人: the five years' sum; 1949年以来…由…提高到2019年的…；…:
    likewise the period before it)."""
    k = bisect_right(periods, (hi, "\U0010ffff")) - 1
    while k >= 0 and periods[k][0] > lo:
        end, value = periods[k]
        if value.startswith("连续") and (end <= offset or _CLAUSE_MARK_RE.search(line, end, hi)):
            # 粮食产量连续五年稳定在600亿斤以上；…，五年提高5.2个百分点: a streak dates the
            # figure of its own clause (GOLD_GUIDELINES 6.6), not the figures after it, in
            # its ；-clause either (2023年，…增速连续8年位居全国前列，…比重达到42%: the base year's)
            k -= 1
            continue
        if end > offset or not _STRETCH_YEAR_END_RE.search(line, max(0, end - 6), end):
            return value
        start = max(line.rfind(mark, 0, end) for mark in "；;。") + 1
        if not FROM_BASE_RE.search(line, start, end):
            return value
        k -= 1
    return None
