"""The share of places a network reaches: ``高铁通达90%以上的市县``.

Plans say how far a network or a service reaches with the share before the places it
reaches (``5G网络覆盖95%以上的行政村``, ``高铁通达90%以上的市县``). The figure is the
share of those places reached: ``高铁通达市县比例``, not ``高铁通`` cut at the figure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clean import clean_name
from bot.targets.naming.needs import needs
from bot.targets.naming.words import BREAK_MARKS, _is_name, after_mark

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the network and how it reaches, right before the share
_REACH_BEFORE_RE = re.compile(
    r"(?P<what>[^，。；、]{2,12}?)(?P<verb>通达|覆盖|连通|辐射|惠及|接入)$"
)
# the places reached, after it
_PLACES_AFTER_RE = re.compile(
    r"(?:以上|左右)?的(?P<places>[\u4e00-\u9fff（）、]{2,10}?)(?=[，。；]|$)"
)


@needs("%")
def share_reached(sentence: str, named: list[Named]) -> list[Named]:
    """A share written between a reaching verb and the places reached is their share."""
    if not any(n.figure.unit == "%" for n in named):
        return list(named)  # no share
    out: list[Named] = []
    for n in named:
        fig = n.figure
        start = after_mark(sentence, fig.start, BREAK_MARKS)
        before = _REACH_BEFORE_RE.search(sentence, start, fig.start)
        after = _PLACES_AFTER_RE.match(sentence, fig.end) if before else None
        if fig.unit == "%" and before and after:
            what = clean_name(before["what"])
            places = after["places"].replace("（", "").replace("）", "")
            name = what + before["verb"] + places + "比例"
            if _is_name(what) and _is_name(name):
                n = replace(n, indicator=name, confidence=max(n.confidence, 0.75))
        out.append(n)
    return out
