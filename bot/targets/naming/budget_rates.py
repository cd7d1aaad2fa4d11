"""A budget's (or the year's plan's) completion rate is named by the measure it completes.

Budget reports (and the budget lines of work reports) give a revenue or a spending,
then how much of the budget it reached, without naming the measure again::

    全市一般公共预算收入812亿元，增长3.1%，完成预算的102.4%
        -> 一般公共预算收入预算完成率 (not 预算)
    市级政府性基金支出215亿元，为调整预算的93.8%
        -> 市级政府性基金支出预算完成率

Plan-execution reports word the year's plan or target the same way::

    重点项目完成投资860亿元，完成年度计划的108.2%  -> 重点项目年度计划完成率
    城镇新增就业5.6万人，为年度目标的112%        -> 新增城镇就业年度目标完成率
    城镇新增就业1270万人，完成全年目标的106%     -> 新增城镇就业目标完成率

The base keeps the text's 年度 (the plan of the year, the golds' 年度计划完成率) but not
全年, a time word no name carries (GOLD_GUIDELINES 6.3; the golds' 目标完成率: round5,
round6). A set's plan is the set's, not its investment's: after …完成投资 the rate is
named by the set (省市重点项目年度计划完成率, 区级重点项目年度计划完成率: bulletins16,
round6).

The clause's own words (预算, 调整预算, 年度计划, 年度目标) name only the base of the share; the
measure is the nearest amount said before it in the sentence. With no amount before,
the rate is named 预算完成率 and not shown as confident: whose budget it is is not said.
A growth said after the rate (``完成预算的102.4%，增长3.1%``) is the measure's too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.numbers.units import RATE_UNITS

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the words just before the rate: 完成预算的, 为调整预算的, 占年初预算的; a plan-execution
# report's 完成年度计划的, 为年度目标的
_OF_BASE_RE = re.compile(
    r"(?:完成|为|达到|占|是)(?:了)?(?:(?P<budget>(?:年初|调整后?|年度)?(?:的)?预算(?:数)?)"
    r"|(?P<plan>(?:年度|全年)(?:计划|目标)(?:任务)?))的?$"
)
# the base's words taken for a name: 完成预算的102.4%，增长3.1% names the growth 预算
_BASE_NAME_RE = re.compile(
    r"^(?:(?:年初|调整后?|年度)?的?预算数?|(?:年度|全年)(?:计划|目标)(?:任务)?)$"
)
NOT_CONFIDENT = 0.3


@needs("预算", "计划", "目标")
def budget_completion(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with each rate of a budget or of the year's plan named by its measure
    (see the module docstring)."""
    if "预算" not in sentence and "计划" not in sentence and "目标" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        m = _OF_BASE_RE.search(sentence[: fig.start]) if fig.unit == "%" else None
        if m is None:
            if fig.unit in RATE_UNITS and _BASE_NAME_RE.match(n.indicator):
                # 收入812亿元，完成预算的102.4%，增长3.1%: the growth after the rate is the
                # measure's, never the budget's
                level = next(
                    (b for b in reversed(out) if b.figure.unit not in RATE_UNITS and b.indicator),
                    None,
                )
                if level is not None:
                    n = replace(n, indicator=level.indicator)
            out.append(n)
            continue
        plan = m.group("plan")
        if m.group("budget"):
            rate = "预算完成率"
        else:
            rate = ("年度" if plan.startswith("年度") else "") + plan[2:4] + "完成率"
        level = next(
            (b for b in reversed(out) if b.figure.unit not in RATE_UNITS and b.indicator),
            None,
        )
        if level is None:
            out.append(replace(n, indicator=rate, confidence=min(n.confidence, NOT_CONFIDENT)))
        else:
            whose = level.indicator
            if plan and whose.endswith("完成投资") and len(whose) > 4:
                whose = whose.removesuffix("完成投资")  # the set's plan, not its investment's
            out.append(replace(n, indicator=whose + rate))
    return out
