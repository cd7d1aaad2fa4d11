"""The change a record carries (增长, 下降, 高于…) when the naming rules' verb is not the
whole story: a count whose growth verb comes after it, a gap to a benchmark in points
(高于全省平均水平3个百分点, 比全国高0.5个百分点), a figure said as more or less than a base
(比上年多0.8万人). Read by :mod:`~bot.targets.extract` for every record.
"""

from __future__ import annotations

import re

from bot.targets.naming import Named
from bot.targets.numbers import Figure

# 比上年多0.8万人, 比上年末少3.2万人: the figure is how much more or less than the base
_COMPARED_RE = re.compile(r"比(?:上年|去年|上年末|上年同期|年初|上月|上季度)(?P<d>多|少)$")
# 赤字率拟按2.6%安排，比去年预算低0.4个百分点: a planned rate against last year's budgeted one,
# a rise or a cut (round11's 2018 and round37's 2019 national reports)
_BUDGET_GAP_RE = re.compile(r"比(?:上年|去年)(?:年初)?预算(?P<d>高|低)$")


# a gap to a benchmark in points: 高于全省平均水平3个百分点, 低于城镇居民收入增速1.2个百分点
_GAP_RE = re.compile(r"^(?:分别)?(?:增速|增幅)?(高于|低于|快于|慢于)")
# the same gap said with 比 before the benchmark: 比全国高0.5个百分点, 增速比全省平均水平低约3个
# 百分点 (a benchmark of a whole region only: 比上年高 is a rise over time, not a gap)
_BENCH_GAP_RE = re.compile(
    r"比全[国省市区州县](?:平均)?(?:水平)?(?:增速|增幅)?(高|低|快|慢)(?:约|近)?$"
)
# where the clause of a gap begins: 年均增长5.7%、高于全国0.3个百分点 (a 、 as well as a ，)
_GAP_CLAUSE_RE = re.compile(r"[，、；]")


def _compared_change(before: str) -> str:
    """The change of a figure said as more or less than a base with no verb of its own
    (``比上年多0.8万人`` is an increase of 0.8 万人), else ``""``."""
    m = _COMPARED_RE.search(before)
    if m:
        return "增加" if m["d"] == "多" else "减少"
    m = _BUDGET_GAP_RE.search(before)
    return ("提高" if m["d"] == "高" else "降低") if m else ""


def record_change(named: Named, fig: Figure, before: str) -> str:
    """The change of a figure: the naming rules' verb, but none for a count whose
    growth verb comes after it (``32个行业增加值保持增长``: the things counted grew, the
    count is a level), and an increase or fall said as more or less than a base with
    no verb (``比上年多0.8万人``)."""
    if fig.unit_class == "count" and named.change == "增长" and "增长" not in before:
        return ""
    if fig.unit == "个百分点":
        # 增长7.1%，高于城镇居民收入增速2.6个百分点: the gap to a benchmark, not a growth
        last = _GAP_CLAUSE_RE.split(before)[-1]
        if gap := _GAP_RE.search(last):
            return gap.group(1)
        if gap := _BENCH_GAP_RE.search(last):
            return gap.group(1) + "于"
    return named.change or _compared_change(before)
