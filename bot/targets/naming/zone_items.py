"""A zone that opens a list of figures owns every item of it and the parts after 其中.

Reports and bulletins give a zone's figures in one breath, the zone said once::

    全年高新区新增企业1200户、新增注册资本300亿元，其中，新增外资企业40户…
        -> 高新区新增企业, 高新区注册资本, 高新区外资企业
    经开区实现营业收入500亿元、税收收入30亿元
        -> 经开区营业收入, 经开区税收收入

Read item by item, the later items would be filed as the whole region's. The zone is a
kind of area the document reports on as a unit (…区, …园区, a pilot zone, the groups of
:mod:`~bot.targets.naming.list_scope`), named at the head of the first figure's name;
the items are those right after a figure, joined by 、, and the parts after ``，其中``
with their own 、 items; a rate said of an item (…，增长8%) is the item's. An item
with an owner of its own (、全市税收收入…) ends the list, and a clause after a plain
``，`` is not read as an item (whether it is the zone's is not said).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# a zone or group of areas reported on as a unit (list_scope's groups, and the zones)
_ZONE_RE = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:地区|县域|山区|牧区|林区|垦区|库区|老区|片区|区域"
    r"|园区|开发区|高新区|经开区|新区|示范区|试验区|保税区|自贸区|自贸港|产业园"
    r"|经济带|经济圈|经济区|城市群|都市圈)"
)
# what may stand between a figure and the next item of the zone's list: 、 (its
# qualifier 以上/左右 before it), or the turn to the parts, ，其中(，)
_JOIN_RE = re.compile(r"(?:以上|左右|多|余)?(?:、|[，,]其中[，,：:]?)")
# an item that opens with an owner of its own: not the zone's to take
_OWN_OWNER_RE = re.compile(r"^(?:全市|全省|全区|全县|全州|全国|园区内|区内|其他)")


def _zone_of(name: str) -> str:
    """The zone a name opens with (the shortest: 自贸试验区|新增企业), else ``""``."""
    for end in range(3, min(len(name) - 1, 13)):
        if _ZONE_RE.fullmatch(name, 0, end) and not _ZONE_RE.fullmatch(name, 0, end + 1):
            return name[:end]
    return ""


@needs("、", figures=2)
def zone_owns_the_list(sentence: str, named: list[Named]) -> list[Named]:
    """Items listed after a zone's first figure take the zone (see the module docstring)."""
    if len(named) < 2 or "、" not in sentence:
        return named
    out = list(named)
    for i, first in enumerate(out):
        zone = _zone_of(first.indicator)
        if not zone or sentence.find(zone, 0, first.figure.start) < 0:
            continue
        last_end = first.figure.end
        for j in range(i + 1, len(out)):
            n = out[j]
            fig = n.figure
            if fig.start <= last_end:
                continue
            name = n.indicator
            at = sentence.rfind(name, last_end, fig.start) if len(name) >= 2 else -1
            if at < 0:
                # a rate said of the item just named (…，增长8%): its name is the item's
                if out[j - 1].indicator == zone + name:
                    out[j] = replace(n, indicator=out[j - 1].indicator)
                    last_end = fig.end
                    continue
                break
            lead = sentence[last_end:at]
            joined = _JOIN_RE.match(lead)
            if joined is None or not re.fullmatch(r"[\u4e00-\u9fff]{0,4}", lead[joined.end() :]):
                break
            if _OWN_OWNER_RE.match(lead[joined.end() :] + name):
                break  # 、全市税收收入…: an owner of its own ends the zone's list
            last_end = fig.end
            if name.startswith(zone) or zone in name:
                continue
            out[j] = replace(n, indicator=zone + name)
        break
    return out
