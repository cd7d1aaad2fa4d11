"""A question that asks two things of two years in one message (``四川去年GDP增长多少，
今年目标多少``, ``烟台2023年完成多少，2024年目标是多少``): its two halves, each a question
of its own, the second with the place and the topic of the first it leaves unsaid.

Searched whole, such a question was read with its first year only and asked for a target
(目标 is in the second half): "no target found" for last year, while last year's result
was the first passage. Each half gets its own answer card; the ranking of the passages
stays the whole question's. Pure: the caller says what a half names (place, topic).
"""

from __future__ import annotations

import re

from bot.text.normalize import fold_figures
from bot.text.years import RELATIVE_YEARS, YEAR_RE

_RELATIVE_RE = re.compile("|".join(sorted(map(re.escape, RELATIVE_YEARS), key=len, reverse=True)))
# where one ask ends and the next begins: a comma or semicolon (not a list's 、)
_SPLIT_RE = re.compile(r"[，,；;]")
# a half that asks something: a figure's amount, a goal, what was reached
_ASKS_RE = re.compile(r"多少|几|目标|预期|是什么|完成|达到|增长|实现")


def _times(text: str) -> list[str]:
    folded = fold_figures(text)
    found = [(m.start(), m.group(0).strip()) for m in YEAR_RE.finditer(folded)]
    found += [(m.start(), m.group(0)) for m in _RELATIVE_RE.finditer(folded)]
    return [w for _, w in sorted(found)]


def two_asks(text: str) -> tuple[str, str] | None:
    """The two halves of ``text`` when it is one question of a year, a comma, and a
    question of another year, each half naming one year and asking something; None for
    anything else (one year, a list of years, more than two parts, a sentence quoted)."""
    if "“" in text or '"' in text:
        return None
    parts = [p.strip(" 　。？?！!") for p in _SPLIT_RE.split(text)]
    if len(parts) != 2 or not all(parts):
        return None
    first, second = parts
    years = [_times(first), _times(second)]
    if any(len(y) != 1 for y in years) or years[0] == years[1]:
        return None
    if not all(_ASKS_RE.search(p) for p in parts):
        return None
    return first, second
