"""A floor area a plan makes new housing build for a service: ``新建住宅小区按每百户不少于20平方米
配建养老服务用房``.

The figure is the quota per unit of housing (GOLD_GUIDELINES 6.6: a standard set per head or
per household is a figure; round35's gold): named by what is built with the housing and
``配建标准`` (``养老服务用房配建标准``), after the housing the clause opens with when it names
one kind (``新建住宅小区``), not a list of them (``新建城区、新建住宅小区``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import CLAUSE_MARKS, _is_name, after_mark

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the quota's base and floor before the figure: (新建住宅小区)按每百户不少于
_QUOTA_BEFORE_RE = re.compile(
    r"(?P<housing>[\u4e00-\u9fff、]{2,16}?)?按(?:照)?每[百千万]?[户人套]"
    r"(?:不少于|不低于|不小于)?$"
)
# what the housing builds with it, after the figure: 配建养老服务用房
_BUILT_WITH_RE = re.compile(r"(?:的标准)?配建(?P<what>[\u4e00-\u9fff]{2,12}?)(?=[，。；、,;]|$)")


@needs("配建")
def built_with_the_housing(sentence: str, named: list[Named]) -> list[Named]:
    """An area quota per household of housing is named by what is built with it."""
    if "配建" not in sentence:
        return list(named)
    out: list[Named] = []
    for n in named:
        fig = n.figure
        start = after_mark(sentence, fig.start, CLAUSE_MARKS)
        before = _QUOTA_BEFORE_RE.search(sentence, start, fig.start)
        after = _BUILT_WITH_RE.match(sentence, fig.end)
        if before and after and fig.unit.endswith("平方米") and _is_name(after["what"]):
            housing = before["housing"] or ""
            lead = housing if housing and "、" not in housing and _is_name(housing) else ""
            name = lead + after["what"] + "配建标准"
            n = replace(n, indicator=name, confidence=max(n.confidence, 0.75))
        out.append(n)
    return out
