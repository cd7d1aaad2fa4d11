"""Parts of a population said bare after it: ``户籍人口56.2万人，其中男性28.9万人，女性
27.3万人``.

A bulletin gives a population, then its parts by sex, setting or age with the word 人口
left out. Each part is a population of its own (男性人口, 0-14岁人口), not a 男性 count of
nothing said.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_PART_RE = re.compile(
    r"^(?:男性|女性|城镇|乡村|农村|城市|\d{1,2}[-—～~至]\d{1,2}岁|\d{1,2}岁(?:及以上|以上|以下))$"
)


@needs("人口", figures=2)
def population_parts(named: list[Named]) -> list[Named]:
    """A bare part of a population named before it in the sentence is a population."""
    out: list[Named] = []
    whole = False
    for n in named:
        people = n.figure.unit in ("人", "万人")
        if people and n.indicator.endswith("人口") and not _PART_RE.match(n.indicator):
            whole = True
        elif whole and people and _PART_RE.match(n.indicator):
            n = replace(n, indicator=n.indicator + "人口", confidence=max(n.confidence, 0.75))
        out.append(n)
    return out
