"""A named port or airport that opens a clause owns the throughput the clause gives.

Reports give a port's or an airport's traffic with the facility as the clause's subject,
often with a verb between it and the measure, and the later measures of a list after it::

    江州港完成集装箱吞吐量120万标箱       -> 江州港集装箱吞吐量 (not the region's 集装箱吞吐量)
    江州港集装箱吞吐量120万标箱、货物吞吐量1.2亿吨 -> …, 江州港货物吞吐量
    江州机场全年完成旅客吞吐量800万人次   -> 江州机场旅客吞吐量

The figure is that facility's, not all the region's ports' (as 江州港集装箱吞吐量 is named
when no verb stands between). A scope (全市港口, 全省机场) is no facility: the region's
measure stays; the table's 港口货物吞吐量 of a named port is that port's 货物吞吐量.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the facility opening the clause (a time word may come first), not a scope (全市, 我省)
_FACILITY_RE = re.compile(
    r"^(?:全年|今年|去年|上半年|前三季度|一季度)?[，,]?"
    r"(?P<port>(?![全本我各])[\u4e00-\u9fff]{1,8}?(?:港区|港|机场|口岸)(?![口区务]))"
)
_THROUGHPUT_RE = re.compile(r"吞吐量$")
# a clause that is only the change of the figure before (，增长8%, 比上年增长)
_CHANGE_ONLY_RE = re.compile(r"(?:比上年|同比|较上年)?(?:增长|下降|提高|减少|增加)$")
# the general words the table puts before a throughput, that the facility replaces
_GENERAL_RE = re.compile(r"^(?:港口|机场|民航|航空)")


@needs("吞吐量")
def throughput_of_the_port(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the throughputs of a clause that a named port or airport opens
    named as that facility's, and the change said right after one of them (…，增长8%)
    with it (see the module docstring)."""
    if "吞吐量" not in sentence:
        return named
    out: list[Named] = []
    renamed: dict[str, str] = {}
    for n in named:
        start = clause_start(sentence, n.figure.start)
        if _THROUGHPUT_RE.search(n.indicator):
            m = _FACILITY_RE.match(sentence, start, n.figure.start)
            port = m["port"] if m else ""
            if (
                port
                and not n.indicator.startswith(port)
                and "吞吐量" in sentence[m.end() : n.figure.start]
            ):
                name = port + _GENERAL_RE.sub("", n.indicator)
                renamed[n.indicator] = name
                n = replace(n, indicator=name)
            elif n.indicator in renamed and _CHANGE_ONLY_RE.match(sentence, start, n.figure.start):
                n = replace(n, indicator=renamed[n.indicator])  # 增长8%: the same port's
        out.append(n)
    return out
