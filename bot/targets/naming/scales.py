"""Counts of scale classes listed before the thing they class.

``3个千亿级，2个百亿级产业集群`` and ``开工建设5个百亿级、10个三十亿以上重大工业项目``
count two classes of one kind of thing, the thing written once, after the last: the
first count is of ``千亿级产业集群`` (GOLD_GUIDELINES.md §3: a threshold that defines the
population goes into the name), not of a bare ``千亿级``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_SCALE = (
    r"(?:[\d.]+|[一二三四五六七八九十百千万两]+)"
    r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|万)?元?(?:级|以上)"
)
_BARE_SCALE_RE = re.compile(_SCALE)
_SCALED_RE = re.compile(_SCALE + r"(?P<noun>[\u4e00-\u9fff]{2,})")


@needs("级", "以上")
def share_the_kind(sentence: str, named: list[Named]) -> list[Named]:
    """A count named by a scale alone takes the kind of the next scaled count."""
    out = list(named)
    for i, n in enumerate(out):
        if not _BARE_SCALE_RE.fullmatch(n.indicator):
            continue
        for later in out[i + 1 :]:
            if later.figure.unit != n.figure.unit:
                continue
            m = _SCALED_RE.fullmatch(later.indicator)
            scale = _BARE_SCALE_RE.match(sentence, later.figure.end)
            if m:
                noun = m.group("noun")
            elif scale and sentence.startswith(later.indicator, scale.end()):
                noun = later.indicator  # 12个十亿以上重大项目, named without its scale
            else:
                continue
            out[i] = replace(n, indicator=n.indicator + noun)
            break
    return out
