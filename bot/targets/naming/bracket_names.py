"""A rate named again in brackets by its standard name: ``城镇人口占常住人口比重（常住人口
城镇化率）为65.6%``.

Bulletins spell a share out, then give the statistic's own name in brackets before its
figure. When the bracket holds a name the indicator table knows as a rate or a share,
that is the figure's name (常住人口城镇化率), whatever the words before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

_BRACKET_BEFORE_RE = re.compile(r"[（(](?P<name>[^（）()，。；]{2,16})[）)](?:为|达到|达|是)?$")
_RATE_END_RE = re.compile(r"(?:率|比重|强度|水平)$")


@needs("）", ")")
def named_in_brackets(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """A share's figure right after a bracketed rate the table knows takes that name, and
    so do the changes in points of the same share after it (比上年末提高0.85个百分点)."""
    if "）" not in sentence and ")" not in sentence:
        return named
    out: list[Named] = []
    renamed: dict[str, str] = {}
    for n in named:
        fig = n.figure
        if fig.unit == "%":
            m = _BRACKET_BEFORE_RE.search(sentence, 0, fig.start)
            known = table.canonical(m.group("name")) if m else None
            if m and known and _RATE_END_RE.search(m.group("name")) and known != n.indicator:
                renamed[n.indicator] = known
                n = replace(n, indicator=known)
        elif fig.unit == "个百分点" and n.indicator in renamed:
            n = replace(n, indicator=renamed[n.indicator])
        out.append(n)
    return out
