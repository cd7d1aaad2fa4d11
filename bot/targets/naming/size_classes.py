"""Size classes listed one after another, the measure said with the first only:
``营业收入过十亿元的工业企业九家，过亿元的工业企业六十三家``, ``其中年营业收入超亿元企业100
家、超10亿元企业10家``.

The second class (``过亿元的工业企业``) is of the same measure as the first: 营业收入过亿元
的工业企业, not a bare bound.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_BOUND = (
    r"(?:超过|超|过|达到|达|逾)(?:[\d.]+|[一二三四五六七八九十两百千]+)?"
    r"(?:万亿|亿|千万|百万|万|千)(?:美)?元"
)
_MEASURED_CLASS_RE = re.compile(r"^(?P<measure>[\u4e00-\u9fff]{2,8}?)" + _BOUND)
# a bare bound, with 的 or right before a short head (超10亿元企业, in a 、-list after
# 年营业收入超亿元企业100家)
_BARE_CLASS_RE = re.compile("^" + _BOUND + r"(?:以上)?(?:的|(?=[\u4e00-\u9fff]{1,4}$))")


@needs("元")
def classes_share_the_measure(named: list[Named]) -> list[Named]:
    """A bare size class after one with its measure takes that measure."""
    out: list[Named] = []
    measure = ""
    for n in named:
        if n.figure.unit_class == "count":
            m = _MEASURED_CLASS_RE.match(n.indicator)
            if m:
                measure = m.group("measure")
            elif measure and _BARE_CLASS_RE.match(n.indicator):
                n = replace(n, indicator=measure + n.indicator)
        out.append(n)
    return out
