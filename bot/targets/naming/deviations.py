"""A deviation from a base (偏少, 偏多, 偏高, 偏低) is the measure before's.

Water-resources and climate bulletins give a measure, then how far it fell short of or
exceeded last year and the long-term mean, in clauses that name nothing but the base::

    全年降水量1200毫米，比上年偏多5.2%，比常年偏少2.4%     -> 降水量 5.2% (偏多), 2.4% (偏少)
    平均气温17.6℃，较常年同期偏高0.8℃                     -> 平均气温 0.8℃ (偏高)

偏少 / 偏多 are 减少 / 增加 said of weather and water; the base (上年, 多年平均, 常年) says
what the figure is compared with, never what is measured: the name is the figure
before's, the change the deviation word.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the whole clause before the figure: a base and a deviation, nothing named
_DEVIATION_CLAUSE_RE = re.compile(
    r"[，,；;](?:和|与)?(?:比|较|与|同)(?:上年|去年|上年同期|多年平均|多年均值|常年|常年同期"
    r"|历年同期|历史同期|历年平均)(?:值|水平)?(?:相比|比较)?(?P<q>偏少|偏多|偏高|偏低)"
    r"(?:了)?(?:约|近)?$"
)


@needs("偏", figures=2)
def deviation_of_the_measure_before(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a deviation from a base named by the figure before it (see the
    module docstring)."""
    if len(named) < 2 or "偏" not in sentence:
        return named
    out: list[Named] = []
    for i, n in enumerate(named):
        if i:
            before = out[i - 1]
            m = _DEVIATION_CLAUSE_RE.search(sentence, before.figure.end, n.figure.start)
            if m and n.indicator != before.indicator:
                n = replace(n, indicator=before.indicator, change=m.group("q"))
        out.append(n)
    return out
