"""A count whose things are said after it and described before it, then measured:
``列入省重点的120个项目完成投资300亿元``.

The clause before the count (``列入省重点的``) says which things are counted; the noun after
the count (``项目``) is what they are, and the next figure measures them. The sentence
namer gives the noun to the next figure alone (``列入省重点``, ``项目完成投资``); here the
count is of 列入省重点项目 and the money is theirs: 列入省重点项目完成投资. When the clause
is a size (``总投资500亿元的36个项目完成投资120亿元``), the size is theirs too: 项目总投资,
项目, 项目完成投资.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the things counted, then what the next figure measures of them
_SURE = 0.75  # the names the structure gives, once read
_SIZES = frozenset({"总投资", "投资", "计划总投资", "总投资额"})
_THING_THEN_MEASURE_RE = re.compile(
    r"^(?P<thing>项目|企业|工程|园区|基地)(?P<measure>完成投资|总投资|投资|产值|营业收入|营收)$"
)


@needs("的")
def described_count(sentence: str, named: list[Named]) -> list[Named]:
    """The count after a ``…的`` clause takes the noun the next figure's name opens with."""
    if "的" not in sentence:
        return named
    out = list(named)
    for k in range(len(named) - 1):
        count, nxt = named[k], named[k + 1]
        fig = count.figure
        m = _THING_THEN_MEASURE_RE.match(nxt.indicator)
        if (
            fig.unit_class != "count"
            or not m
            or not sentence.startswith(m.group("thing"), fig.end)
            or sentence[fig.start - 1 : fig.start] != "的"
        ):
            continue
        thing, measure = m.group("thing"), m.group("measure")
        size = named[k - 1] if k > 0 else None
        if size and size.figure.end == fig.start - 1 and size.indicator in _SIZES:
            # 总投资500亿元的36个项目完成投资…: the projects' size, count and money
            out[k - 1] = replace(size, indicator=thing + size.indicator, confidence=_SURE)
            out[k] = replace(count, indicator=thing, confidence=_SURE)
            out[k + 1] = replace(nxt, indicator=thing + measure)
        elif (
            count.indicator
            and thing not in count.indicator
            and not any(c.isdigit() for c in count.indicator)
        ):
            whole = count.indicator + thing
            out[k] = replace(count, indicator=whole)
            out[k + 1] = replace(nxt, indicator=whole + measure)
    return out
