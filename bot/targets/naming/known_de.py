"""A known statistic written with a 的 inside is the statistic.

Reports write a class of things with or without 的 (投资10亿元以上的项目, 10亿元以上项目);
when the name read, the 的 left out, is a name of the indicator table and fits the
figure, the figure is that indicator (10亿元以上项目), as it is written without 的.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.resolve import compatible

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named


@needs("的")
def known_without_de(named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with a known name written with 的 resolved (see the module docstring)."""
    out: list[Named] = []
    for n in named:
        name = n.indicator
        if "的" in name and table.canonical(name) is None:
            known = table.canonical(name.replace("的", ""))
            if known and compatible(n.figure, known):
                n = replace(n, indicator=known)
        out.append(n)
    return out
