"""A floor of levels (省级以上) before counted things is part of their name.

Plans count platforms, centres and firms recognised at one level or above::

    培育省级以上工业互联网平台5个     -> 省级以上工业互联网平台 (not 工业互联网平台)
    建成市级以上重点实验室12个         -> 市级以上重点实验室

省级以上 says which of the things count: a platform of the county is not one of the five.
The floor stays in the name even where the table knows the thing without it (as the table
itself names 省级以上绿色工厂). A level alone (省级工业互联网平台) is not a floor: the
table's aliases decide it. The next item of a 、-list, with no level of its own, is left
as written (the bundled gold counts 绿色工业园区 after 省级以上绿色工厂 without the floor).

A list whose figures all come after it (``分别``) keeps the floor on its first item too::

    省级以上专精特新企业、单项冠军企业分别达到120家、15家 -> 省级以上专精特新企业, …

(the later items take it where the list is split, ``list_items._split_items``): the floor
written right before the thing, in the clause the figure closes, is the thing's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_FLOOR_RE = re.compile(r"(?:国家|省|市|县|区|州)级(?:及|和)?以上")


@needs("以上")
def floor_in_the_name(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a floor of levels written right before a counted thing kept in its
    name (see the module docstring)."""
    if "以上" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        start = max(sentence.rfind(c, 0, fig.start) for c in "、，,；;：:")
        item = sentence[start + 1 : fig.start]
        listed = "分别" in item  # A、B分别达到…: the list before is the clause's
        if listed:
            item = sentence[clause_start(sentence, fig.start) : fig.start]
        found = _FLOOR_RE.search(item)
        name = n.indicator
        if (
            found
            and (fig.unit_class == "count" or listed)
            and name
            and not name.startswith(found.group())
            and found.group() + name in item
        ):
            n = replace(n, indicator=found.group() + name)
        out.append(n)
    return out
