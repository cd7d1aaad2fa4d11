"""A count read with the measure said of the things after it counts the things.

Reports count a set of things and give a measure of them in one clause::

    全市12个重点园区营业收入增长15%    -> 重点园区 (12个), 重点园区营业收入 (15%)
    36家重点企业产值增长8.2%          -> 重点企业 (36家)

The noun read after the count runs on into the measure (重点园区营业收入): the count is
of the parks, the measure is the next figure's (GOLD_GUIDELINES §6: the name says what
is counted). A level after it (8家企业产值突破百亿元) counts the things past a bar, a
threshold's count, and is left to the namer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the measures of a set of things, said after them (营业收入, 产值, 投资)
_MEASURE_RE = re.compile(
    r"(?:营业收入|营收|总产值|产值|增加值|利润总额|利润|税收|投资|完成投资|总投资|销售收入|出口额|产量)$"
)


@needs(
    "营业收入",
    "营收",
    "产值",
    "增加值",
    "利润",
    "税收",
    "投资",
    "销售收入",
    "出口额",
    "产量",
    figures=2,
)
def count_without_measure(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with counts named by their things, without the measure said of them
    (see the module docstring)."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        m = _MEASURE_RE.search(n.indicator) if fig.unit_class == "count" else None
        if m and sentence.startswith(n.indicator, fig.end):
            things = n.indicator[: m.start()]
            # the measure's growth after it (增长15%), not a level all of them pass
            # (8家企业产值突破百亿元: the firms over the bar, a threshold's count)
            later = any(o.figure.start > fig.end and o.figure.unit == "%" for o in named)
            if later and len(things) >= 2 and _is_name(things):
                n = replace(n, indicator=things)
        out.append(n)
    return out
