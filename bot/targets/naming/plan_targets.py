"""A plan's target restated beside a result, and how far the result has come to it, are
named by the result's measure.

A plan's mid-term evaluation gives each indicator's result, then the plan's target for it
and the completion or the gap, in clauses that name nothing but the plan::

    铁路营业里程达到612公里，完成规划目标680公里的90%
        -> 铁路营业里程 680公里, 铁路营业里程规划目标完成率 90% (not 规划)
    人均预期寿命达到80.6岁，规划目标为81岁                 -> 人均预期寿命 81岁
    床位数达到6.45张，医师数为3.38人，规划目标分别为7张和3.6人 -> 床位数 7张, 医师数 3.6人
    优良水质比例为97.9%，规划目标为97%                    -> 优良水质比例 97%
    优良天数比例为98.6%，高于规划目标1.6个百分点           -> 优良天数比例 1.6个百分点
    就诊率为89.2%，距规划目标90%差0.8个百分点               -> 就诊率 90%, 0.8个百分点
    减排量累计完成3.2万吨，完成规划目标的62%               -> 减排量规划目标完成率
    减排量累计完成1.1万吨，完成率55%                         -> 减排量完成率
    通车里程达到548公里，规划目标为620公里，完成率88.4%    -> 通车里程规划目标完成率

The target's measure is the nearest figure before it in the sentence with the same unit
(the result it is set against: a target of 人 is the 人 figure's, so the two targets of
``分别为7张和3.6人`` find their two results); a gap in 个百分点 is the nearest rate's. A
completion rate is the nearest amount's (not a rate's) as budget_rates names a budget's,
with the plan's base when the target was written (GOLD_GUIDELINES 6.6: a completion rate
is named by what it completes and the base as the text says it; the golds of round25's
徐州 and round26's 福建 and 扬州 evaluations).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.numbers.units import RATE_UNITS

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the plan's target, as a base: 规划目标, 规划目标值, “十四五”规划目标
_PLAN = r"(?:“[^”]{2,6}”)?规划(?:确定的)?目标值?"
# the words before a restated target: 规划目标为81岁, 完成规划目标680公里的, 距规划目标90%,
# 已优于规划目标值24微克/立方米, 提前完成规划目标2500公里
_TARGET_RE = re.compile(
    rf"(?:(?:提前|仅|已|尚|还)?(?:完成|距离?|优于|好于|超过|达到|占)|[，,；;]){_PLAN}"
    r"(?:分别)?(?:为|是)?$"
)
# a gap to the target said right after it: 距规划目标90%差0.8个百分点
_GAP_AFTER_TARGET_RE = re.compile(r"^(?:尚|还|仍)?差(?:距)?$")
# a gap said against the target with no figure for it: 高于规划目标1.6个百分点
_GAP_RE = re.compile(rf"(?:高于|低于|超过|超出|优于|落后于?){_PLAN}$")
# the completion of the target: 完成规划目标的62%; 完成规划目标4.2人的88.6% (the target said)
_COMPLETION_RE = re.compile(rf"(?:完成|占|为|达到){_PLAN}的$")
# a completion rate with no base: 完成率55%
_RATE_RE = re.compile(r"[，,；;](?:规划目标)?完成率(?:为|达到|达)?$")
_PLAN_RATE = "规划目标完成率"
# the second target of a list said after the plan: 规划目标分别为7张和3.6人
_LISTED_TARGET_RE = re.compile(rf"{_PLAN}分别为[0-9.]+[^，,；;。0-9]{{0,8}}[和、]$")


def is_restated_target(head: str) -> bool:
    """Whether the figure after ``head`` (its sentence up to it) is a plan's target said
    again beside a result (规划目标为81岁, 完成规划目标680公里的…): a target of the plan's
    end, whatever the result's tense."""
    return bool(_TARGET_RE.search(head) or _LISTED_TARGET_RE.search(head))


def _before(out: list[Named], unit: str | None) -> Named | None:
    """The nearest named figure of ``out`` in ``unit`` (``None``: any amount, not a rate)."""
    for b in reversed(out):
        if not b.indicator:
            continue
        if unit is None and b.figure.unit not in RATE_UNITS:
            return b
        if unit is not None and b.figure.unit == unit:
            return b
    return None


@needs("规划", "完成率")
def plan_target_of_the_result(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with each restated plan target, gap and completion named by the result's
    measure (see the module docstring)."""
    if "规划" not in sentence and "完成率" not in sentence:
        return named
    out: list[Named] = []
    targets: set[int] = set()  # indexes in ``out`` of the restated targets
    changed = False
    for n in named:
        fig = n.figure
        prev = out[-1] if out else None
        between = sentence[prev.figure.end : fig.start] if prev is not None else ""
        head = sentence[: fig.start]
        whose: str | None = None
        if _TARGET_RE.search(head) or (
            # 分别为7张和3.6人: the second target of the list
            prev is not None and len(out) - 1 in targets and between in ("和", "、")
        ):
            level = _before(out, fig.unit)
            if level is not None:
                whose = level.indicator
                targets.add(len(out))
        elif prev is not None and len(out) - 1 in targets and _GAP_AFTER_TARGET_RE.match(between):
            whose = prev.indicator
        elif fig.unit == "个百分点" and _GAP_RE.search(head):
            level = _before(out, "%")
            whose = level.indicator if level is not None else None
        elif fig.unit == "%" and between == "的" and len(out) - 1 in targets:
            whose = prev.indicator + _PLAN_RATE if prev is not None else None
        elif fig.unit == "%" and _COMPLETION_RE.search(head):
            level = _before(out, None)
            whose = level.indicator + _PLAN_RATE if level is not None else None
        elif fig.unit == "%" and (m := _RATE_RE.search(head)):
            level = _before(out, None)
            if level is not None:
                said = targets or "规划目标" in m.group()
                whose = level.indicator + (_PLAN_RATE if said else "完成率")
        if whose and whose != n.indicator:
            n = replace(n, indicator=whose)
            changed = True
        out.append(n)
    return out if changed else named
