"""Things counted under the short name the text gives them: ``研制3—5种新食品原料、
食品添加剂新品种、食品相关产品新品种（以下简称“三新食品”）``.

A plan that lists several kinds of thing after a count and then names them together
(``以下简称“…”``, ``简称…``) counts the thing of the short name, not the first kind
listed: ``三新食品``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the things after the count, in one clause, then the short name in brackets
_SHORT_NAME_RE = re.compile(
    r"[^，。；：:（(]{2,40}?[（(](?:以下|下文)?(?:简称|统称)为?[“\"「]?"
    r"(?P<short>[^”\"」）)，。]{2,12})[”\"」]?[）)]"
)


@needs("简称", "统称")
def by_short_name(sentence: str, named: list[Named]) -> list[Named]:
    """A count whose things are given a short name right after them is named by it."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        m = _SHORT_NAME_RE.match(sentence, fig.end)
        short = m["short"] if m else ""
        if (
            fig.unit_class == "count"
            and _is_name(short)
            and n.indicator
            and short not in n.indicator
        ):
            things = sentence[fig.end : m.start("short")]
            if n.indicator in things.replace("、", "") or n.indicator in things:
                n = replace(n, indicator=short)
        out.append(n)
    return out
