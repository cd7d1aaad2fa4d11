"""A mode of transport that opens a clause owns the traffic the clause gives.

Bulletins give each mode's traffic with the mode as the clause's subject and a verb
between it and the measure, as a port's throughput is given (:mod:`ports`)::

    全年公路完成货运量6235万吨，比上年增长4.6%   -> 公路货运量 (not all modes' 货运量)
    铁路完成旅客发送量1200万人次                  -> 铁路旅客发送量

The figure is that mode's, as ``公路货运量`` is named when no verb stands between (the
dev golds name each mode's 周转量 so: 铁路旅客周转量, 公路运输货物周转量). The change said
right after it (…，增长4.6%) is the same mode's.

A bare traffic measure opening the ；-part after a mode's part is the same mode's, as a
bulletin goes on with one mode's figures before it names the next::

    全年公路完成货运量6235万吨，增长4.6%；货物周转量86.3亿吨公里   -> 公路货物周转量
    全州公路货物周转量59.41亿吨公里…；旅客周转量18.38亿人公里       -> 公路旅客周转量
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# a time or scope word that may come before the mode, and the mode itself
_LEAD = r"^(?:全年|今年|去年|上半年|前三季度)?[，,]?(?:全[省市区县州])?"
_MODE = r"(?P<mode>公路|铁路|水路|水运|民航|航空)(?:运输)?(?:共|累计)?"
# the traffic measures a mode's clause gives
_TRAFFIC = r"(?:货运量|客运量|货物运输量|旅客运输量|货物周转量|旅客周转量|旅客发送量|货物发送量)"
# the mode opening the clause, then the verb
_MODE_RE = re.compile(_LEAD + _MODE + r"(?:完成|实现)")
_TRAFFIC_RE = re.compile(f"^{_TRAFFIC}$")
# a clause that is only the change of the figure before (，增长8%, 比上年增长)
_CHANGE_ONLY_RE = re.compile(r"(?:比上年|同比|较上年)?(?:增长|下降|提高|减少|增加)$")


def _renamed(
    sentence: str, named: list[Named], mode_of: Callable[[Named, int], str | None]
) -> list[Named]:
    """``named`` with each traffic figure ``mode_of`` gives a mode (its clause's start
    passed) named as that mode's, and the change said right after it with it."""
    out: list[Named] = []
    renamed: dict[str, str] = {}
    for n in named:
        start = clause_start(sentence, n.figure.start)
        mode = mode_of(n, start) if _TRAFFIC_RE.match(n.indicator) else None
        if mode:
            name = mode + n.indicator
            renamed[n.indicator] = name
            n = replace(n, indicator=name)
        elif n.indicator in renamed and _CHANGE_ONLY_RE.match(sentence, start, n.figure.start):
            n = replace(n, indicator=renamed[n.indicator])  # 增长4.6%: the same mode's
        out.append(n)
    return out


@needs("完成", "实现")
def traffic_of_the_mode(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the traffic of a clause a mode of transport opens named as that
    mode's, and the change said right after it with it (see the module docstring)."""
    if "完成" not in sentence and "实现" not in sentence:
        return named

    def mode_of(n: Named, start: int) -> str | None:
        m = _MODE_RE.match(sentence, start, n.figure.start)
        return m["mode"] if m and sentence.startswith(n.indicator, m.end()) else None

    return _renamed(sentence, named, mode_of)


# the mode opening the ；-part before, with its verb (公路完成货运量) or its measure
# written on (公路货物周转量, 水路运输货物周转量)
_MODE_BEFORE_RE = re.compile(_LEAD + _MODE + r"(?:完成|实现)?" + _TRAFFIC)


@needs("量")
def traffic_after_the_mode(sentence: str, earlier: str, named: list[Named]) -> list[Named]:
    """``named`` with a bare traffic measure opening ``sentence`` named as the mode's whose
    figures the ；-part before gave, and its change with it (see the module docstring)."""
    before = earlier.rstrip("；; ").rpartition("；")[2]
    m = _MODE_BEFORE_RE.match(before.strip())
    if m is None:
        return named
    mode = m["mode"]
    opening = sentence.lstrip()
    return _renamed(
        sentence,
        named,
        lambda n, start: mode if start == 0 and opening.startswith(n.indicator) else None,
    )
