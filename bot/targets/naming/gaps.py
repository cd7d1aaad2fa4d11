"""A gap to a benchmark, said in the clause after a growth, is that growth's gap.

Reports follow a rate with how far it beat the nation's or the province's, in a clause
of its own that names nothing::

    地区生产总值增长6.5%，高于全省平均水平0.8个百分点   -> 地区生产总值 0.8个百分点 (高于)
    规模以上工业增加值增长9%，增速高于全国2.1个百分点    -> 规模以上工业增加值

The clause holds only the comparison and the benchmark; the thing compared is the one
whose rate was just given (GOLD_GUIDELINES §3: a gap in percentage points keeps the
indicator, change 高于).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the whole clause before the gap: a comparison and its benchmark, nothing named
_GAP_CLAUSE_RE = re.compile(
    r"[，,](?:其中)?(?:增速|增幅|分别|均|比增速)?(?P<q>高于|低于|快于|慢于|超过|领先)"
    r"(?:全国|全省|全市|全区|全县|全州|全盟|同期|全国和全省|全国、全省|全省和全国|全省、全国)?"
    # the other side of the urban-rural gap: 农村居民…增长7.6%，增速高于城镇居民2.3个百分点
    # (as 高于城镇居民收入增速3.2个百分点, which names its rate), and the farmers' average
    r"(?:城镇居民|农村居民|城镇|农村|农民)?(?:收入)?"
    r"(?:平均水平|平均增速|平均|水平)?(?:收入)?(?:增速|增幅)?$"
    # any other benchmark the clause names alone: 增长10.8%，快于一般工业4个百分点
    r"|[，,](?:增速|增幅)?(?P<q2>高于|低于|快于|慢于)[\u4e00-\u9fff]{2,10}$"
)


@needs("百分点", figures=2)
def gap_of_the_rate_before(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a benchmark gap named by the rate before it (see the module
    docstring)."""
    if len(named) < 2 or "百分点" not in sentence:
        return named
    out: list[Named] = []
    for i, n in enumerate(named):
        fig = n.figure
        # the rate before, past a comparison read in the gap's own clause (增速高于城镇居民:
        # a figure with no number between the rate and its gap)
        j = i - 1
        while j >= 0 and not out[j].figure.value_text:
            j -= 1
        before = out[j] if j >= 0 else None
        if (
            before is not None
            and fig.unit == "个百分点"
            and before.figure.unit == "%"
            and n.indicator != before.indicator
        ):
            m = _GAP_CLAUSE_RE.search(sentence, before.figure.end, fig.start)
            if m and m.start() == _clause_mark(sentence, before.figure.end):
                n = replace(n, indicator=before.indicator, change=m.group("q") or m.group("q2"))
        out.append(n)
    return out


def _clause_mark(sentence: str, start: int) -> int:
    """Where the first clause mark after ``start`` is (``-1`` when none)."""
    m = re.compile(r"[，,]").search(sentence, start)
    return m.start() if m else -1
