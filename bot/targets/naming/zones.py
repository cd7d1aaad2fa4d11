"""The zone a sentence describes, for the bare area measures of its clauses.

A plan lays out its zones one sentence each, the zone first and its size last::

    科技创新策源区以复旦大学、同济大学等高校院所为主体，…，面积约8.5平方公里。

``面积`` alone is nobody's area: it is the area of the zone the sentence opens with
(``科技创新策源区面积``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.targets.naming.clean import _QUOTE_TABLE

# Area measures that need their zone.
ZONE_MEASURES = frozenset({"面积", "总面积", "规划面积", "总规划面积", "占地面积", "用地面积"})
# The zone a sentence opens with, and what it does next (以…为主体, 覆盖, 位于, 包括, 是).
_ZONE_OPENING_RE = re.compile(
    r"^([\u4e00-\u9fffA-Za-z]{2,16}?(?:区|园|园区|片区|新城|城|带|基地|走廊|组团))"
    r"(?=以|覆盖|位于|包括|包含|涵盖|是|为|地处|东至|西至|南至|北至|，)"
)


# Memoised (a small cache of a sentence's worth): asked again for the same text by the
# forms and the passes reading one sentence.
@lru_cache(maxsize=256)
def zone_opening(sentence: str) -> str:
    """``科技创新策源区以…为主体，…`` -> ``科技创新策源区``; ``""`` when the sentence does
    not open with a zone."""
    m = _ZONE_OPENING_RE.match(sentence.lstrip().translate(_QUOTE_TABLE))
    return m.group(1) if m else ""


# The clause of a zone's extent: 面积约8.5平方公里, 总规划面积约60.61平方公里 (no verb).
_EXTENT_RE = re.compile(r"(?:总|规划|占地|用地)*面积(?:约|为|约为|共)?$")


def describes_zone(indicator: str, sentence: str, clause_before: str, change: str) -> bool:
    """Whether a figure is the extent of the zone its sentence describes (the zone's
    present size, a status, however forward the plan around it)."""
    zone = zone_opening(sentence)
    return bool(
        zone
        and not change
        and indicator.startswith(zone)
        and indicator[len(zone) :] in ZONE_MEASURES
        and _EXTENT_RE.search(clause_before)
    )
