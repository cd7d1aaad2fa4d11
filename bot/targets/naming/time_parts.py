"""A month's or a quarter's figure of a statistic is the statistic's.

Data stories give a statistic for a span, then for a month or a quarter inside it, after
其中, with the verb alone::

    上半年，规模以上工业增加值增长6.9%，其中5月份增长7.4%，环比增长0.5%
        -> 规模以上工业增加值 7.4% and 0.5% (not 5月份增加值)

The month (5月份) or quarter (二季度) says when, like the year of any figure: it is no part
of the thing measured, which is the one the figure before named.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_MONTH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?"
_QUARTER = r"第?[一二三四1-4]季度|[上下]半年"
# the name read: a time part, then at most the tail of the statistic's name (增加值, 额)
_PART_RE = re.compile(rf"^(?:其中)?(?:{_MONTH}|{_QUARTER})(?P<rest>.*)$")
# the clause the figure is in: 其中<part>增长, or 环比 / 同比 right after it
_PART_CLAUSE_RE = re.compile(
    rf"其中(?:{_MONTH}|{_QUARTER})(?:当月|单月)?(?:同比|环比)?(?:增长|下降|回落|增加|减少)?$"
)


@needs("其中")
def parts_of_the_year(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a month's or quarter's figure named by the statistic before it (see
    the module docstring)."""
    if "其中" not in sentence:
        return named
    out: list[Named] = []
    statistic: Named | None = None
    in_part = False
    for n in named:
        m = _PART_RE.match(n.indicator)
        if m is None or statistic is None:
            out.append(n)
            if m is None:
                statistic, in_part = n, False
            continue
        head = sentence[: n.figure.start]
        said_here = _PART_CLAUSE_RE.search(head.rstrip("约近超达"))
        rest = m.group("rest")
        if (said_here or in_part) and statistic.indicator.endswith(rest):
            out.append(replace(n, indicator=statistic.indicator))
            in_part = True
        else:
            out.append(n)
    return out
