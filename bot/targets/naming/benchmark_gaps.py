"""A gap to a target or a standard, in the unit of a figure before, is that figure's gap.

Bulletins follow a level with how far it is below or above its target or the standard,
in a clause that names only the benchmark, in the level's own unit::

    二氧化氮年均浓度为28微克/立方米，同比下降3.4%，低于省定目标4微克/立方米
        -> 二氧化氮平均浓度 4微克/立方米 (低于)
    万元GDP能耗0.42吨标准煤，低于年度考核目标0.03吨标准煤  -> 万元GDP能耗 (低于)

The benchmark (省定目标, 国家标准) says what the level is compared with, never what is
measured: the name is that of the nearest figure before in the same unit (a rate's gap in
percentage points is :mod:`~bot.targets.naming.gaps`'), the change the comparison.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the whole clause before the gap: a comparison and a target or a standard, nothing named
_BENCHMARK_CLAUSE_RE = re.compile(
    r"[，,；;](?:比|较)?(?P<q>高于|低于|优于|超过|超出|少于|多于)"
    r"(?:国家|省定|市定|省|市|上级|年度|全年|考核|约束性|国家二级|二级|一级)*"
    r"(?:下达的|下达|确定的)?(?:考核)?(?:目标|标准|目标值|标准值|限值)(?:值)?$"
)
# a rate's gap in points has its own pass; a figure with no unit has no level to match
_NOT_A_LEVEL_UNIT = frozenset({"%", "个百分点", ""})


@needs("目标", "标准", "限值", figures=2)
def gap_to_the_benchmark(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a gap to a target or a standard named by the figure before it in
    the same unit (see the module docstring)."""
    if len(named) < 2 or not re.search("目标|标准|限值", sentence):
        return named
    out: list[Named] = []
    for i, n in enumerate(named):
        fig = n.figure
        if i and fig.unit not in _NOT_A_LEVEL_UNIT:
            m = _BENCHMARK_CLAUSE_RE.search(sentence, out[i - 1].figure.end, fig.start)
            level = next((b for b in reversed(out) if b.figure.unit == fig.unit), None)
            if m and level is not None and level.indicator != n.indicator:
                n = replace(n, indicator=level.indicator, change=m.group("q"))
        out.append(n)
    return out
