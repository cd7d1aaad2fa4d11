"""A size threshold said before a counted noun is part of what is counted.

Reports count the members of a class defined by a size, the threshold in a clause with
的 before the noun and the count after it::

    培育产值超千亿元的产业集群6个以上        -> 产值超千亿元的产业集群
    培育营业收入超百亿元的龙头企业8家        -> 营业收入超百亿元的龙头企业

The threshold defines the population (GOLD_GUIDELINES §3: 10亿元以上项目, 千亿级产业), so
it stays in the name, written as the text writes it (经济总量超千亿元的县域), where the
noun alone was read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# a measure, over a size in money (超千亿元, 超过100亿元, 10亿元以上), then 的
_THRESHOLD_RE = re.compile(
    r"(?P<clause>[\u4e00-\u9fff]{2,8}?(?:超过|超|达到|达|在)?"
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)(?:万亿|亿|万|千万)?元(?:以上)?的)$"
)
# a name that opens with the threshold (超10亿元的项目): the measure before it was dropped
_BARE_THRESHOLD_RE = re.compile(
    r"(?:超过|超|达到|达)(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)(?:万亿|亿|万|千万)?元(?:以上)?的"
)
_MEASURE_BEFORE_RE = re.compile(r"(?:总投资|投资|产值|营业收入|营收|销售收入|税收|规模)$")
_LEAD_RE = re.compile(r"^(?:培育|新培育|打造|建成|形成|发展|引进|新增|新引进)")


@needs("元")
def threshold_in_the_name(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a size threshold before a count's noun kept in its name (see the
    module docstring)."""
    if "元" not in sentence or "的" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        name = n.indicator
        bare = _BARE_THRESHOLD_RE.match(name) if fig.unit_class == "count" else None
        at = sentence.rfind(name, 0, fig.start) if bare else -1
        measure = _MEASURE_BEFORE_RE.search(sentence, max(0, at - 6), at) if at > 0 else None
        if measure:
            # 投资超10亿元的项目8个: the threshold's measure, read as a verb, is its own
            n = replace(n, indicator=measure.group() + name)
        elif (
            fig.unit_class == "count" and "的" not in name and sentence.endswith(name, 0, fig.start)
        ):
            m = _THRESHOLD_RE.search(
                sentence, max(0, fig.start - len(name) - 24), fig.start - len(name)
            )
            if m:
                clause = _LEAD_RE.sub("", m.group("clause"))
                n = replace(n, indicator=clause + name)
        out.append(n)
    return out
