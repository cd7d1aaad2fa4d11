"""Yearly capacities: ``形成年产50发商业火箭、600颗商业卫星的批量化制造能力``.

The figures after ``年产`` in a phrase that ends on ``能力`` measure how much can be made
in a year, not a stock of rockets: ``商业火箭年产能``, ``商业卫星年产能``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.words import after_mark

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_MARKS = "，,；;。"
_YEARLY_RE = re.compile(r"年产(?:能)?(?:达到|达)?$|年产[^，,；;。]*、$")
_CAPACITY_AFTER_RE = re.compile(r"[^，,；;。]*的[^，,；;。的]{0,10}能力")


def yearly_capacity(sentence: str, named: list[Named]) -> list[Named]:
    """Counts after ``年产`` in a phrase on ``能力`` are named as yearly capacities."""
    if "年产" not in sentence:
        return list(named)
    out: list[Named] = []
    for n in named:
        fig = n.figure
        start = after_mark(sentence, fig.start, _MARKS)
        if (
            fig.unit_class == "count"
            and n.indicator
            and _YEARLY_RE.search(sentence[start : fig.start])
            and _CAPACITY_AFTER_RE.match(sentence, fig.end)
            and not n.indicator.endswith("产能")
        ):
            n = replace(n, indicator=n.indicator + "年产能")
        out.append(n)
    return out
