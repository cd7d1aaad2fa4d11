"""Firms counted by where they list: ``支持30家企业在境内外上市``, ``推动50家企业挂牌
新三板``.

A plan counts the firms it will bring to a market, the firms first and the listing
after them (``N家企业在科创板上市``). ``企业`` alone names nothing, and the verb before
the count (``支持``, ``推动``) is no name either: the count is of the firms listed there
(``境内外上市企业``, ``科创板上市企业``, ``新三板挂牌企业``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# 企业在境内外上市, 企业在科创板上市, 企业挂牌新三板, 企业上市
_LISTED_AFTER_RE = re.compile(
    r"(?:家)?(?:企业|公司)(?:在(?P<where>[\u4e00-\u9fffA-Za-z]{2,8}?))?"
    r"(?P<verb>上市|挂牌)(?P<board>新三板|北交所|科创板|创业板)?(?=[，。；、]|$)"
)


@needs("上市", "挂牌")
def by_listing(sentence: str, named: list[Named]) -> list[Named]:
    """Counts of firms brought to a market are named by the market and the listing."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        m = _LISTED_AFTER_RE.match(sentence, fig.end)
        if fig.unit in ("家", "户", "个") and m:
            where = m["where"] or m["board"] or ""
            name = where + ("上市企业" if m["verb"] == "上市" else "挂牌企业")
            n = replace(n, indicator=name, confidence=max(n.confidence, 0.75))
        out.append(n)
    return out
