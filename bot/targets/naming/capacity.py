"""Yearly capacities: ``形成年产50发商业火箭、600颗商业卫星的批量化制造能力``.

The figures after ``年产`` in a phrase that ends on ``能力`` measure how much can be made
in a year, not a stock of rockets: ``商业火箭年产能``, ``商业卫星年产能``.

A plant is sized the same way, by what it handles in a day or a year, said before it:
``完成日处理3万吨水厂改扩建``, ``建成年处理30万吨生活垃圾焚烧发电厂``. The tonnes are
the plant's capacity, not an amount of plants: ``水厂日处理能力``,
``生活垃圾焚烧发电厂年处理能力`` (``日产`` as ``日产能``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import BREAK_MARKS, after_mark

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_YEARLY_RE = re.compile(r"年产(?:能)?(?:达到|达)?$|年产[^，,；;。]*、$")
_CAPACITY_AFTER_RE = re.compile(r"[^，,；;。]*的[^，,；;。的]{0,10}能力")
# what a plant handles in a day or a year, said right before the figure that sizes it
_RATE_CUE_RE = re.compile(
    r"(?P<cue>[日年](?:处理|处置|供水|供气|产|加工|吞吐))(?:能力|规模)?(?:为|达到|达|约|超)?$"
)
# the units of an amount handled (tonnes, cubic metres, …), not of money, counts or shares
_NOT_AMOUNTS = ("count", "money", "percent", "points", "times")


@needs("日", "年")
def yearly_capacity(sentence: str, named: list[Named]) -> list[Named]:
    """Counts after ``年产`` in a phrase on ``能力`` are named as yearly capacities."""
    if "日" in sentence or "年" in sentence:
        named = _sized_plants(sentence, named)
    if "年产" not in sentence:
        return list(named)
    out: list[Named] = []
    for n in named:
        fig = n.figure
        start = after_mark(sentence, fig.start, BREAK_MARKS)
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


def _sized_plants(sentence: str, named: list[Named]) -> list[Named]:
    """An amount handled a day or a year, said before the plant it sizes (日处理3万吨水厂),
    names the plant's capacity (see the module docstring)."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        cue = _RATE_CUE_RE.search(sentence, after_mark(sentence, fig.start, BREAK_MARKS), fig.start)
        after = sentence[fig.end :].removeprefix("的")
        if (
            cue
            and fig.unit_class not in _NOT_AMOUNTS
            and n.indicator
            and after.startswith(n.indicator)
            and cue["cue"] not in n.indicator
            and not n.indicator.endswith(("能力", "产能", "规模"))
        ):
            said = cue["cue"]
            n = replace(n, indicator=n.indicator + said + ("能" if said.endswith("产") else "能力"))
        out.append(n)
    return out
