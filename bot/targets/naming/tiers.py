"""Tiers of one standard share its name.

A standard set in tiers (the minimum wage, a subsidy by class of place) is given as its
highest and lowest tier, or tier by tier, the standard named once::

    全市月最低工资标准最高档为2300元，最低档为1900元    -> 月最低工资标准 (both)
    城乡低保标准第一档为每月900元，第二档为每月800元    -> 城乡低保标准 (both)
    最低工资标准一类区为每月2200元，二类区为每月2100元 -> 最低工资标准 (both)

The tier says which of the standard's levels the figure is, as a range's two ends do;
the measure is the standard.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_TIER = r"(?:最高档|最低档|第[一二三四五六1-6]档|[一二三四五六]档|[一二三四五六]类(?:档|地?区))"
# a standard's name with its tier last (月最低工资标准最高档)
_STANDARD_TIER_RE = re.compile(rf"^(?P<standard>[\u4e00-\u9fff]{{2,16}}标准){_TIER}$")
# a tier alone (最低档): the standard named before it
_TIER_ONLY_RE = re.compile(rf"^{_TIER}$")


@needs("标准")
def tiers_share_the_standard(named: list[Named]) -> list[Named]:
    """``named`` with each tier of a standard named by the standard (see the module
    docstring)."""
    out: list[Named] = []
    standard = ""
    for n in named:
        m = _STANDARD_TIER_RE.match(n.indicator)
        if m:
            standard = m.group("standard")
            n = replace(n, indicator=standard)
        elif standard and _TIER_ONLY_RE.match(n.indicator):
            n = replace(n, indicator=standard)
        else:
            standard = ""
        out.append(n)
    return out
