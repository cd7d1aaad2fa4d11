"""Counts of levels listed before the thing they class.

Reports count the levels of one kind of thing clause after clause, the thing written
once, after the last level::

    建成3个国家级、12个省级现代农业产业园  -> 国家级现代农业产业园, 省级现代农业产业园
    创建2个国家级，6个省级全域旅游示范区   -> 国家级全域旅游示范区, 省级全域旅游示范区

The first count is of the thing at its level, not of a bare 国家级 (nor of the list up
to the thing: 国家级、12个省级…), as :mod:`~bot.targets.naming.scales` does for scale
classes (千亿级、百亿级产业集群).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_LEVEL = r"(?:世界级|国际级|国家级|部级|省部级|省级|市级|州级|县级|区级|乡镇级|村级)(?:以上)?"
# a count named by its level alone, or by its level and the rest of the list after it
_BARE_LEVEL_RE = re.compile(rf"(?P<level>{_LEVEL})(?:[、，,].*)?")
_LEVELLED_RE = re.compile(rf"{_LEVEL}(?P<noun>[\u4e00-\u9fffA-Za-z0-9]{{2,}})")


@needs("级")
def level_shares_the_kind(sentence: str, named: list[Named]) -> list[Named]:
    """A count named by a level alone takes the kind of the next count of another level."""
    if "级" not in sentence:
        return named
    out = list(named)
    for i, n in enumerate(out):
        bare = _BARE_LEVEL_RE.fullmatch(n.indicator)
        if not bare:
            continue
        for later in out[i + 1 :]:
            if later.figure.unit != n.figure.unit:
                continue
            m = _LEVELLED_RE.fullmatch(later.indicator)
            between = sentence[n.figure.end : later.figure.start]
            if m and re.fullmatch(rf"(?:以上|多|余)?{_LEVEL}[、，,和及]", between):
                out[i] = replace(
                    n, indicator=bare["level"] + m["noun"], confidence=later.confidence
                )
            break
    return out
