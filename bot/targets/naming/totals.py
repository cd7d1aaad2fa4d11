"""A statistic's 总量 is the statistic: its level, not a measure of its own.

A report gives a statistic's growth and then its level as 总量, the subject carried::

    全市地区生产总值预计增长6%左右，总量达到3200亿元   -> 地区生产总值 3200亿元
    全县经济总量增长5.2%，总量突破200亿元              -> 地区生产总值 200亿元

When the name read is a known statistic followed by 总量, and the figure fits the
statistic (money for 地区生产总值), the name is the statistic (GOLD_GUIDELINES §3: a level
and its growth share one indicator). A total the table names itself (能源消费总量) is
left as it is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.resolve import compatible

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

_TOTAL = "总量"


@needs(_TOTAL)
def total_is_the_level(named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with a known statistic's 总量 named by the statistic (see the module
    docstring)."""
    out: list[Named] = []
    for n in named:
        name = n.indicator
        if name.endswith(_TOTAL) and len(name) > 4 and table.canonical(name) is None:
            known = table.canonical(name[: -len(_TOTAL)])
            if known and compatible(n.figure, known):
                n = replace(n, indicator=known)
        out.append(n)
    return out
