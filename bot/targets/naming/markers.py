"""A heading's list marker is no part of a name.

A run-in heading opens its line (``（四）社会保险基金预算。…年末滚存结余2810亿元``) and a
name taken from the start of the line can keep its marker: ``（四）社会保险基金滚存结余`` is
``社会保险基金滚存结余``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_MARKER_RE = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
)


@needs("（", "(", "、")
def without_list_marker(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a list marker at a name's start dropped."""
    out: list[Named] = []
    for n in named:
        m = _MARKER_RE.match(n.indicator)
        if m and len(n.indicator) > m.end() + 1:
            n = replace(n, indicator=n.indicator[m.end() :])
        out.append(n)
    return out
