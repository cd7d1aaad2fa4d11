"""A budget's completion rate is named by the revenue or spending it completes.

Budget reports (and the budget lines of work reports) give a revenue or a spending,
then how much of the budget it reached, without naming the measure again::

    全市一般公共预算收入812亿元，增长3.1%，完成预算的102.4%
        -> 一般公共预算收入预算完成率 (not 预算)
    市级政府性基金支出215亿元，为调整预算的93.8%
        -> 市级政府性基金支出预算完成率

The clause's own words (预算, 调整预算, 年初预算) name only the base of the share; the
measure is the nearest amount said before it in the sentence. With no amount before,
the rate is named 预算完成率 and not shown as confident: whose budget it is is not said.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the words just before the rate: 完成预算的, 为调整预算的, 占年初预算的
_OF_BUDGET_RE = re.compile(
    r"(?:完成|为|达到|占|是)(?:了)?(?:年初|调整后?|年度)?(?:的)?预算(?:数)?的?$"
)
_RATE_UNITS = {"%", "个百分点"}
_NAME = "预算完成率"
NOT_CONFIDENT = 0.3


def budget_completion(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with each rate of a budget named by its measure (see the module
    docstring)."""
    if "预算" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        if fig.unit != "%" or not _OF_BUDGET_RE.search(sentence[: fig.start]):
            out.append(n)
            continue
        level = next(
            (b for b in reversed(out) if b.figure.unit not in _RATE_UNITS and b.indicator),
            None,
        )
        if level is None:
            out.append(replace(n, indicator=_NAME, confidence=min(n.confidence, NOT_CONFIDENT)))
        else:
            out.append(replace(n, indicator=level.indicator + _NAME))
    return out
