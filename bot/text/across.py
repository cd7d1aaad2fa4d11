"""Pure: whether a query asks about every region side by side (各省GDP目标, 哪些省份GDP增长
目标高于5%, which provinces …).

A search answers with passages and one answer card, of one region: a reporter asking
for all provinces' targets got 云南's alone, while ``/compare 指标 年份`` lays out one line
per region (and exports it). The search reply points to it when this says so.
"""

from __future__ import annotations

import re

__all__ = ["asks_across_regions", "asks_extreme_region", "asks_side_by_side"]

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


# Which one region stands out: 哪个省GDP增长目标最高, which province has the highest GDP
# growth target. One region's answer card (the first passage's) read as the answer to it:
# 安徽's 5%—5.5% shown as "the answer" while 海南's 6% was the highest.
_WHICH_ONE = re.compile(
    r"哪(?:一)?个|哪(?:个)?(?:省|市|地区|城市|县)|谁的|\bwhich\b", re.IGNORECASE
)
_EXTREME = re.compile(
    r"最(?:高|低|大|小|快|慢|多|少)"
    r"|\b(?:highest|lowest|largest|smallest|biggest|fastest|slowest|most|least|top)\b",
    re.IGNORECASE,
)


def asks_extreme_region(query: str) -> bool:
    """Whether ``query`` asks which region has the highest (lowest …) figure: a question
    over every region that no one region's answer card answers."""
    text = query or ""
    return _EXTREME.search(text) is not None and (
        _WHICH_ONE.search(text) is not None or asks_across_regions(text)
    )


# 成都和重庆今年GDP目标对比, 四川与云南比较, Sichuan vs Yunnan: the places named asked side by
# side. The search answers with passages and a card per place at best; /compare of those
# places lays them out one line each, target beside the last result.
_SIDE_BY_SIDE = re.compile(
    r"对比|比较|相比|比一比|并排|\bvs\.?|\bversus\b|\bcompared?\b", re.IGNORECASE
)


def asks_side_by_side(query: str) -> bool:
    """Whether ``query`` asks for the places it names compared (对比, 比较, vs)."""
    return _SIDE_BY_SIDE.search(query or "") is not None
