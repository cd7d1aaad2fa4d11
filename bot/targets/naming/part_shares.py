"""A part's bare share of the whole it was listed under: ``一般公共预算支出567.8亿元，其中
民生支出456.7亿元，占比80.4%``.

Bulletins and reports give a whole, then one of its parts after ``其中`` with its share
said bare (``占比``, ``比重为``). The share is of that whole: ``民生支出占一般公共预算支出
比重``, not a ``民生支出占比`` of nothing said.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_BARE_SHARE_END_RE = re.compile(r"(?:占比|比重|所占比重)$")
_AMONG = "其中"


def share_of_the_whole(sentence: str, named: list[Named]) -> list[Named]:
    """A part's bare share, after ``其中``, is its share of the whole named before."""
    if _AMONG not in sentence:
        return list(named)
    out: list[Named] = []
    for k, n in enumerate(named):
        fig = n.figure
        bare = _BARE_SHARE_END_RE.search(n.indicator)
        among = sentence.rfind(_AMONG, 0, fig.start)
        if fig.unit == "%" and bare and among > 0 and "占" not in n.indicator[: bare.start()]:
            part = n.indicator[: bare.start()]
            wholes = [m for m in named[:k] if m.figure.end <= among and m.figure.unit != "%"]
            parts = [m for m in named[:k] if m.figure.start > among and m.indicator == part]
            if wholes and parts and wholes[-1].indicator != part:
                name = part + "占" + wholes[-1].indicator + "比重"
                n = replace(n, indicator=name)
        out.append(n)
    return out
