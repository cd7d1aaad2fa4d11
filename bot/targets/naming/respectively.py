"""Rates said 分别 after a list of levels are the listed things' rates, in order.

Reports give two or three levels in one clause and then their growths together::

    接待游客1.2亿人次、实现旅游收入1350亿元，分别增长18%和21%
        -> 旅游接待人数 18%, 旅游收入 21%

The clause of the rates names nothing; its n figures go, one by one, to the n levels
just listed (a 、-list in one clause, each level named apart), not all to the last one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the clause of the rates: 分别 and a change verb, nothing named before it
_RATES_RE = re.compile(
    r"[，,](?:比上年|同比|较上年)?分别(?:增长|下降|提高|增加|减少|上涨|回落)了?$"
)
_CLAUSE_MARK_RE = re.compile(r"[，,；;。]")


def rates_of_the_listed(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the rates said 分别 after a list of levels given to the levels in
    order (see the module docstring)."""
    if len(named) < 4 or "分别" not in sentence:
        return named
    out = list(named)
    i = 0
    while i < len(out):
        m = _RATES_RE.search(sentence, 0, out[i].figure.start)
        if not m or out[i].figure.unit_class == "count":
            i += 1
            continue
        # the rates: figures of the clause from out[i] on; the levels: the ones before
        j = i
        while j < len(out) and not _CLAUSE_MARK_RE.search(
            sentence, out[i].figure.start, out[j].figure.start
        ):
            j += 1
        k = j - i
        levels = out[i - k : i] if i >= k >= 2 else []
        if (
            levels
            and all(r.figure.unit == out[i].figure.unit for r in out[i:j])
            and all(lv.figure.unit != out[i].figure.unit for lv in levels)
            and len({lv.indicator for lv in levels}) == k
            and not _CLAUSE_MARK_RE.search(sentence, levels[0].figure.start, m.start())
        ):
            for t in range(k):
                out[i + t] = replace(out[i + t], indicator=levels[t].indicator)
        i = max(j, i + 1)
    return out
