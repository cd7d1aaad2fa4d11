"""Examples listed before 等 are not the name: the noun after 等 is.

A report names a set by a few of its members and the set's noun::

    改造燃气、供水、排水等老旧管网500公里      -> 老旧管网
    建成滨江、城北等城市绿道42公里            -> 城市绿道
    完成一中、实验小学等新建、改扩建工程30项   -> 新建、改扩建工程 (acts listed in the set's noun)
    建成江州至北海等高速公路300公里            -> 高速公路 (one route named as an example)

The figure measures the whole set (the 500 km are all the old networks), so the members
named as examples (燃气、供水、排水) stay out of its name, as the gold names such sets
(天府蓝网典型项目, 综合治理工程). Not a scope (在科研、工业等领域应用) nor a rate,
whose population the examples define (水肥一体化、自动控制系统等关键技术应用率).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# a 、-list of examples (or one route, 南宁至玉林等高速公路), 等, and the set's noun
_EXAMPLES_RE = re.compile(
    r"^(?:[^，。；等]{1,12}(?:、[^，。；、等]{1,12})+|[\u4e00-\u9fff]{1,6}至[\u4e00-\u9fff]{1,6})"
    r"等(?P<set>[\u4e00-\u9fff]{2,16}(?:、[\u4e00-\u9fff]{2,16})?)$"
)

# a set that is a scope (等领域应用, 等方面): the examples are what it is about
_SCOPE_SET_RE = re.compile(r"(?:领域|方面|地区|地|行业|环节)")
# a rate or share of the set: the examples say what is counted in it, they stay
_RATE_RE = re.compile(r"(?:率|比重|占比|比例)$")


@needs("等")
def without_examples(named: list[Named]) -> list[Named]:
    """``named`` with the examples before a set's noun left out (see the module
    docstring)."""
    out: list[Named] = []
    for n in named:
        m = _EXAMPLES_RE.match(n.indicator) if "等" in n.indicator else None
        if (
            m
            and _is_name(m.group("set"))
            and not _SCOPE_SET_RE.match(m.group("set"))
            and not _RATE_RE.search(m.group("set"))
        ):
            n = replace(n, indicator=m.group("set"))
        out.append(n)
    return out
