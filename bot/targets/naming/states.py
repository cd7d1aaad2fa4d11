"""A state said of one measure, then the figure of the next: ``粮食播种面积保持稳定、
产量达到600亿斤以上``.

Reviews and plans say how one measure went without a figure (``保持稳定``, ``稳步增长``)
and go on, after ``、``, to a bare measure of the same thing with its figure. The name
read back from the figure runs over the state (``粮食播种面积保持稳定、产量``): the figure
is the bare measure's, of the thing the first measure was of (``粮食产量``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.frames import measure_of
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# a measure, how it went, and the next measure: X播种面积|保持稳定|、|产量
_STATE_THEN_MEASURE_RE = re.compile(
    r"(?P<first>[^、，。；]{2,16}?)"
    r"(?:保持|基本|总体|持续|稳步|稳定|明显|大幅|显著|有所|进一步|较快)"
    r"(?:稳定|增长|提升|提高|改善|增加|下降|回升|好转|扩大)、(?P<rest>[^、，。；]{2,10})"
)


@needs("、")
def after_a_state(named: list[Named]) -> list[Named]:
    """Figures whose name runs over a state said of the measure before are the next
    measure's, of the same thing."""
    out: list[Named] = []
    for n in named:
        m = _STATE_THEN_MEASURE_RE.fullmatch(n.indicator)
        if m:
            first, rest = m["first"], m["rest"]
            measure = measure_of(first)
            entity = first[: len(first) - len(measure)] if measure else ""
            # a bare measure (产量) is of the first measure's thing: 粮食 + 产量
            name = entity + rest if measure_of(rest) == rest and _is_name(entity) else rest
            if _is_name(name):
                n = replace(n, indicator=name, confidence=max(n.confidence, 0.75))
        out.append(n)
    return out
