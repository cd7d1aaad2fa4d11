"""Shares whose whole is said once for several parts.

A bare share said after a sibling's share of a whole: ``先进制造业增加值占规模以上工业增加值
的比重为52.6%，高技术制造业增加值占比为8.9%``. The second share leaves its whole unsaid
because it is the first's: 高技术制造业增加值占规模以上工业增加值比重, not a 占比 of nothing
said. Only a part of the same measure as the sibling's (…增加值, …增加值) is read so, right
after it.

Parts listed, then ``分别占`` their whole: ``第一、二、三产业增加值分别占地区生产总值的
12.1%、38.6%和49.3%`` are 第一产业增加值占地区生产总值比重 …, not the parts' own levels.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_BARE_SHARE_END_RE = re.compile(r"(?:占比|比重|所占比重)$")
# the sibling's share as written, right before its figure
_SHARE_OF_RE = re.compile(
    r"(?P<part>[\u4e00-\u9fff]{2})占(?P<whole>[\u4e00-\u9fff]{2,16}?)的?(?:比重|比例)"
    r"(?:为|达到|达|是)?$"
)


_EACH_OF_RE = re.compile(
    r"分别占(?P<whole>[\u4e00-\u9fff]{2,16}?)(?:的)?(?:比重|比例)?(?:为|达到|达)?$"
)


@needs("分别占")
def shares_of_one_whole(sentence: str, named: list[Named]) -> list[Named]:
    """The parts of a ``分别占…的`` list each take the whole: …占…比重."""
    at = sentence.find("分别占")
    if at < 0:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        if fig.unit == "%" and fig.start > at and "占" not in n.indicator and n.indicator:
            first = next((m for m in named if m.figure.start > at), n)
            each = _EACH_OF_RE.search(sentence, 0, first.figure.start)
            if each and each.start() == at:
                name = n.indicator + "占" + each.group("whole") + "比重"
                n = replace(n, indicator=name)
        out.append(n)
    return out


@needs("占")
def share_of_the_sibling_whole(sentence: str, named: list[Named]) -> list[Named]:
    """A bare share right after a share of a named whole, of a part of the same measure,
    is a share of that whole."""
    if "占" not in sentence:
        return named
    out: list[Named] = []
    sibling = None
    for n in named:
        fig = n.figure
        bare = _BARE_SHARE_END_RE.search(n.indicator) if fig.unit == "%" else None
        if fig.unit == "个百分点":
            pass  # 比上年提高0.6个百分点: the sibling's own change
        elif sibling and bare and bare.start() >= 2:
            part = n.indicator[: bare.start()]
            if "占" not in part and part.endswith(sibling.group("part")):
                n = replace(n, indicator=part + "占" + sibling.group("whole") + "比重")
            sibling = None
        else:
            sibling = _SHARE_OF_RE.search(sentence, 0, fig.start) if fig.unit == "%" else None
        out.append(n)
    return out
