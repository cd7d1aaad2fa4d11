"""A name that is only a place is not confident.

Press conferences and reports compare their area with others and say the statistic once
for several places::

    一季度长沙地区生产总值增长5.9%，合肥增长5.4%   -> 合肥 (the statistic is 长沙's too)

A place says where, never what is measured: whatever the figure is, its name is not
known, and it is shown as not confident rather than as 合肥.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.corpus.gazetteer import default_gazetteer

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

NOT_CONFIDENT = 0.3
_SUFFIXES = "省市区县州镇乡"


def place_is_no_name(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with each name that is only a place not confident (see the module
    docstring)."""
    out: list[Named] = []
    for n in named:
        if n.confidence > NOT_CONFIDENT and _only_a_place(n.indicator):
            n = replace(n, confidence=NOT_CONFIDENT)
        out.append(n)
    return out


# Memoised (a small cache of a sentence's worth): asked again for the same text by the
# forms and the passes reading one sentence.
@lru_cache(maxsize=256)
def _only_a_place(name: str) -> bool:
    """Whether ``name`` is one place's name: a province or a city, with or without its
    suffix, a county only with it (a county's short name may be a word: 新城, 比如)."""
    if not 2 <= len(name) <= 8:
        return False
    m = next(iter(default_gazetteer().mentions(name)), None)
    if m is None or m.start or name[m.end :].strip(_SUFFIXES):
        return False
    return m.place.level != "county" or m.suffixed
