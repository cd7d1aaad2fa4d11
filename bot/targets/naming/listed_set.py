"""A count after a list closed by 等, with no noun after it, counts every kind listed.

A report may count a set by listing a few of its kinds and the number alone::

    新组建省实验室、产业创新研究院等10家以上   -> 省实验室、产业创新研究院
    改造老旧小区、抗震宜居农房等23万多户       -> 老旧小区、抗震宜居农房

The ten are labs and institutes together, so the first kind alone (省实验室) names the
wrong whole: the name is the kinds listed, each without the verb that opens the list.
When a noun follows the figure (等20个重点片区), that noun is the set's name
(:mod:`~bot.targets.naming.examples`), and this pass leaves it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clean import clean_name
from bot.targets.naming.needs import needs
from bot.targets.naming.words import CLAUSE_MARKS, _is_name, after_mark

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# two to four kinds, 、-listed, closed by 等 (and a hedge), right before the figure
_LISTED_RE = re.compile(
    r"(?P<kinds>[^，,；;。：:、等]{2,16}(?:、[^，,；;。：:、等]{2,12}){1,3})等(?:共|近|超|约|合计)?$"
)
# nothing after the figure but a hedge: no noun names the set
_BARE_AFTER_RE = re.compile(r"(?:以上|左右|多|余)?(?:[，,；;。]|$)")
_MAX_KIND = 12


@needs("等")
def kinds_of_the_set(sentence: str, named: list[Named]) -> list[Named]:
    """Counts after ``A、B等`` with no noun of their own are named by the kinds listed
    (see the module docstring)."""
    if "等" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        if fig.unit_class == "count":
            start = after_mark(sentence, fig.start, CLAUSE_MARKS)
            listed = _LISTED_RE.search(sentence, start, fig.start)
            if listed and _BARE_AFTER_RE.match(sentence, fig.end):
                kinds = [clean_name(k) for k in listed["kinds"].split("、")]
                if all(_is_name(k) and len(k) <= _MAX_KIND for k in kinds):
                    n = replace(n, indicator="、".join(kinds))
        out.append(n)
    return out
