"""The rate of what is new is named with 新增: ``新增外资企业增长13%``.

``新增`` before a counted thing is the change of a count (新增外资企业320家: 320 new
firms, named 外资企业 with the change 新增). A rate of growth said of the new things is
another measure: the number of new firms grew by 13 %, not the stock of firms, so its
name keeps the word::

    新增外资企业320家，增长6.2%                 -> 新增外资企业 (6.2 %)
    进口额、新增外资企业、离境退税额分别增长…   -> 新增外资企业 (the second rate)

Only where 新增 opens the clause or list item whose thing the rate names, and that
thing, as the sentence writes it, is the nearest mention of it before the rate.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_NEW = "新增"
# the changes a rate of growth is said with
_RATE_CHANGES = frozenset(("增长", "下降", "增加", "减少", "提高", "回落", "年均增长"))
# where a clause or list item opens, with the times that may lead it (全年新增…)
_OPENS_RE = re.compile(r"(?:^|[，,、；;：:])(?:全年|当年|本年|今年|年内)?$")


@needs(_NEW)
def rate_of_the_new(sentence: str, named: list[Named]) -> list[Named]:
    """Rates of growth of things said 新增… keep the 新增 (see the module docstring)."""
    if _NEW not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig, name = n.figure, n.indicator
        if (
            fig.unit_class == "percent"
            and n.change in _RATE_CHANGES
            and len(name) >= 2
            and not name.startswith(_NEW)
        ):
            at = sentence.rfind(name, 0, fig.start)
            if (
                at >= 2
                and sentence.startswith(_NEW, at - 2)
                and _OPENS_RE.search(sentence, 0, at - 2)
            ):
                n = replace(n, indicator=_NEW + name)
        out.append(n)
    return out
