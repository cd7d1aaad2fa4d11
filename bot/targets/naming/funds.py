"""The size of a fund said before it: ``设立总规模100亿元的产业投资基金``.

Plans set up funds and give their size first (``设立规模20亿元的天使投资基金``,
``组建总规模50亿元的…母基金``). The money is the fund's, named by the fund as
GOLD_GUIDELINES §6.3 names a budget without its 规模 (``新兴产业创业投资引导基金``): not
the size of whatever the clause before named, nor ``设立规模``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# …(设立)(总)规模(达|为)? right before the money
_SIZE_BEFORE_RE = re.compile(r"总?规模(?:达到|达|为|约|超过|超)?$")
# …的 + the fund, up to the end of the clause
_FUND_AFTER_RE = re.compile(
    r"(?:左右|以上)?的(?P<fund>[^，。；、的“”]{2,20}?基金)(?=[，。；、]|$|[^\u4e00-\u9fff])"
)


# a part of the fund said after it (其中市级出资30亿元, 其中省级财政出资20亿元): the fund's
# part, named by the fund and the part's own words (GOLD_GUIDELINES 6.8.20)
_FUND_PART_RE = re.compile(r"其中(?P<part>(?:[省市县区]级|中央|国家)(?:财政)?出资)$")


@needs("基金")
def fund_size(sentence: str, named: list[Named]) -> list[Named]:
    """Money said as the size of the fund named right after it is that fund's size."""
    if "基金" not in sentence:
        return list(named)  # no fund named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        size = _SIZE_BEFORE_RE.search(sentence, max(0, fig.start - 8), fig.start)
        fund = _FUND_AFTER_RE.match(sentence, fig.end) if size else None
        if fig.unit_class == "money" and size and fund and _is_name(fund["fund"]):
            n = replace(n, indicator=fund["fund"], confidence=1.0)
        elif fig.unit_class == "money" and (part := _FUND_PART_RE.search(sentence, 0, fig.start)):
            funds = [m for m in _FUND_AFTER_RE.finditer(sentence, 0, part.start())]
            if funds and _is_name(funds[-1]["fund"]):
                n = replace(n, indicator=funds[-1]["fund"] + part["part"], confidence=1.0)
        out.append(n)
    return out
