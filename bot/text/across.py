"""Pure: whether a query asks about every region side by side (各省GDP目标, 哪些省份GDP增长
目标高于5%, which provinces …).

A search answers with passages and one answer card, of one region: a reporter asking
for all provinces' targets got 云南's alone, while ``/compare 指标 年份`` lays out one line
per region (and exports it). The search reply points to it when this says so.
"""

from __future__ import annotations

import re

__all__ = ["asks_across_regions"]

_ACROSS = re.compile(
    r"各(?:个)?(?:省|市|地|区|州|县)|哪(?:些|几个)(?:省|地|市|城市|区|县)|所有(?:省|地区|城市)"
    r"|全国各|(?:各|分)地区|31个?省"
    r"|的(?:省份|省区|地区|城市)(?:有哪些)?[？?]?$|(?:省份|地区|城市)有哪些"
    r"|\b(?:which|all|each|every|by|across)\s+(?:provinces?|regions?|cities)\b",
    re.IGNORECASE,
)


def asks_across_regions(query: str) -> bool:
    """Whether ``query`` asks for every region (各省, 哪些省份, 所有城市, which provinces)."""
    return _ACROSS.search(query or "") is not None
