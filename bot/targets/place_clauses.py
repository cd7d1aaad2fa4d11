"""Places a clause names besides the document's own region, and the words around them.

A place's investment in a bulletin (成都高新区投资), towns and development zones a clause
opens with (周市镇、陆家街道…), a province's named economic zone and its total, a place
set beside the speaker's own (是我们的近10倍), a place name that is really a verb of
building (新建), and the words a clause may open with before its place's measure.
Patterns and small readers used by :mod:`~bot.targets.extract`.
"""

from __future__ import annotations

import re

# a place inside the region and its investment, as a bulletin names each place's share of
# the fixed-asset investment (成都高新区投资, 临川县投资); the place ends in its level's word
_PLACE_INVESTMENT_RE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,12}?(?:区|县|市|旗))投资")
# words ending like a place that are kinds of area, not places (园区投资, 景区投资, 城区投资)
_NOT_A_PLACE_RE = re.compile(
    r"(?:园|景|社|城|地|片|矿|库|灾|牧|林|山|特|校|功能|开发|示范|工业|保税|试验|产业|全|各|本|我)"
    r"(?:区|县|市|旗)$"
)


def _places_investment(name: str) -> bool:
    """Whether ``name`` is a place's investment (成都高新区投资, 石门县投资), not a kind of
    area's (园区投资, 老城区投资) or a sector's (工业投资)."""
    m = _PLACE_INVESTMENT_RE.fullmatch(name)
    if m is None:
        return False
    return not _NOT_A_PLACE_RE.search(m["place"])


# the suffixes a place name may carry in running text (武汉市经济总量)
_PLACE_SUFFIXES = "市区县州"
# the words a quoted place's clause may open with (周边的四川…, 像浙江…, 而宜昌…)
_OTHER_PLACE_LEAD_RE = re.compile(r"^(?:周边的|周边|邻近的|相邻的|比如|例如|像|如|而|同期)")
# a sentence that sets another place beside the speaker's own (我们…, 差距, 相比): what
# another place did is quoted there, not told as this text's figure (浙江省投入帮扶资金…
# in a 四川 report is a figure of 四川's)
# the size of one place over another's (是我们的近10倍, 只有西安的三分之一)
_RATIO_OF_PLACES_RE = re.compile(
    r"(?:是|只有|仅有|仅为|只相当于|相当于|不到)(?P<who>我们|[\u4e00-\u9fff]{2,3})的(?:近|约|将近)?$"
)
_SET_BESIDE_US_RE = re.compile(r"我们|差距|相比|比较|对标|先进地区|先进省份|先进城市|兄弟")
# the count of places a list gives before their shared thing: 绥芬河、东宁两个口岸
_LIST_COUNT_RE = re.compile(r"^[两二三四五六七八九十]个(?=[\u4e00-\u9fff]{2})")
# a verb of building or adding right after a part place, before the thing: 宁安市新建高中
_ACT_WORD_RE = re.compile(r"新建|建成|新增|新开工|改扩建|新改扩建|新建改扩建")
_PLACE_ACT_RE = re.compile(rf"^(?:{_ACT_WORD_RE.pattern})(?=[\u4e00-\u9fff]{{2}})")


def _is_act_not_place(text: str, start: int, end: int) -> bool:
    """A place name that is also a verb of building (新建, a district of 南昌) written
    without its suffix right before the thing built: ``新建5G基站40万个`` builds."""
    return bool(_ACT_WORD_RE.fullmatch(text[start:end])) and (
        end >= len(text) or text[end] not in _PLACE_SUFFIXES
    )


# 周市镇, 淀山湖镇, 陆家街道, 花桥经济开发区: a town or a development zone inside a county,
# named by a short name the gazetteer does not hold; the short name is its region (§6.2)
_TOWN_SUFFIX = r"(?:镇|乡|街道|经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区)"
_TOWN_SUFFIX_RE = re.compile(_TOWN_SUFFIX + "+")
_TOWN_RE = re.compile(rf"(?P<stem>[\u4e00-\u9fff]{{2,3}}?){_TOWN_SUFFIX}")
# not a place: 城镇, 乡镇, 各镇, 全市各乡镇, 重点镇, 特色小镇, 省级开发区, 经济开发区 …
_NOT_TOWN_RE = re.compile(
    r"[城乡各全每本该其重特小级类等个家座所]|中心|建制|集镇|经济|技术|产业|工业"
)


def _towns_at(text: str) -> tuple[list[str], int] | None:
    """The towns (or zones) a clause opens with, joined by 、/和, and where they end."""
    names: list[str] = []
    pos = 0
    while True:
        m = _TOWN_RE.match(text, pos)
        if m is None or _NOT_TOWN_RE.search(m.group("stem")):
            break
        names.append(m.group("stem"))
        pos = m.end()
        if text[pos : pos + 1] not in ("、", "和"):
            break
        pos += 1
    if not names:
        return None
    if text[pos - 1 : pos] in ("、", "和"):
        pos -= 1
    return names, pos


# A named economic zone of a province (成都平原经济区, 三亚经济圈) and the totals that are
# its GDP when it opens a clause with them.
_ZONE_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:经济区|经济圈|经济带|城市群|都市圈|示范区)")
_ZONE_TOTAL_RE = re.compile(r"(?:经济总量|地区生产总值|生产总值|GDP)")
# the words a clause may open with before its place's or town's measure (compiled once:
# part_of_region reads every figure's clause)
_YEAR_LEAD_RE = re.compile(r"^(?:全年|年内|今年)")
# 省发展改革委负责同志：今年，… / 今年，我们将…: a paragraph (a speaker's answer) opening on 今年
_NOW_LEAD_RE = re.compile(r"^(?:[^：:。，；\n]{1,24}[：:])?\s*今年[，,]")
_DONE_LEAD_RE = re.compile(r"^(?:全年|实现|完成)+")
_PLACE_LEAD_RE = re.compile(r"^(?:全年|全市|年内|今年|实现|完成)")


def _zone_before(before: str, clause: str) -> str:
    """The zone a sentence's previous clause opens with when this clause opens with a
    total and no subject of its own (成渝地区双城经济圈建设走深走实，经济总量超9万亿元:
    the zone's GDP, not the province's), else ``""``."""
    if not _ZONE_TOTAL_RE.match(clause.lstrip("，、；：")):
        return ""
    sentence_so_far = re.split(r"[。；;！？]", before)[-1]
    previous = re.split(r"[，,]", sentence_so_far.rstrip("，, "))[-1]
    zone = _ZONE_RE.match(previous.lstrip("、："))
    return zone.group() if zone else ""
