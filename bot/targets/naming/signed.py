"""Projects newly signed are the statistic 签约项目, the 新 of the act dropped.

Reports and speeches count the investment projects signed in the year with the act
written before a bare 项目::

    全年新签约项目86个，协议总投资428.5亿元   -> 签约项目, 签约项目协议总投资
    去年，全区招商引资新签约项目2863个         -> 签约项目

Where the act is peeled off a named class (新签约亿元以上项目 -> 亿元以上项目, change 签约)
nothing is left here; a bare 项目 would name nothing, so the act stays as the statistic
says it, without 新 (the year's, as 新设 is an act: GOLD_GUIDELINES 6.8.3) and without the
topic before it (招商引资). The golds write 签约项目 (round24 yibin, round29 wuhu).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_NEWLY_SIGNED_RE = re.compile(r"^(?:招商引资)?新签约(?P<rest>项目.*)$")


@needs("新签约")
def signed_projects(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with 新签约项目… named 签约项目… (see the module docstring)."""
    out: list[Named] = []
    for n in named:
        m = _NEWLY_SIGNED_RE.match(n.indicator)
        if m:
            n = replace(n, indicator="签约" + m["rest"], change=n.change or "签约")
        out.append(n)
    return out
