"""A part of a levelled whole named by its level and the whole's last word.

Reports count a set at a floor of levels, then its top level after 其中, shortening the
thing to its head::

    新建省级以上创新平台47个，其中国家级平台5个     -> 国家级创新平台
    认定市级以上工程研究中心26个，其中省级中心9个   -> 省级工程研究中心

The part is the whole's thing at the part's level: the whole's name without its floor
(省级以上), after the part's level. Only when the part is a level and a head the whole's
name ends with, counted as the whole is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import LEVEL_LEAD_RE
from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_PART_RE = re.compile(r"(?P<level>国家级|省部级|省级|市级|县级|区级)(?P<head>[\u4e00-\u9fff]{1,3})")
_AMONG_RE = re.compile(r"[，,；;]\s*其中[，,：:]?\s*$")


@needs("其中", figures=2)
def level_part_of_the_whole(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a level's part after 其中 given the whole's thing (see the module
    docstring)."""
    if "其中" not in sentence or len(named) < 2:
        return named
    out = list(named)
    for k in range(1, len(out)):
        whole, n = out[k - 1], out[k]
        part = _PART_RE.fullmatch(n.indicator)
        if not part or n.figure.unit != whole.figure.unit or n.figure.unit_class != "count":
            continue
        at = sentence.find(n.indicator, whole.figure.end, n.figure.start)
        if at < 0 or not _AMONG_RE.search(sentence, whole.figure.end, at):
            continue
        floor = LEVEL_LEAD_RE.match(whole.indicator)
        thing = whole.indicator[floor.end() :] if floor else whole.indicator
        if thing.endswith(part["head"]) and len(thing) > len(part["head"]):
            out[k] = replace(n, indicator=part["level"] + thing)
    return out
