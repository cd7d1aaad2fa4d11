"""Places a clause names besides the document's own region, and the words around them.

A place's investment in a bulletin (成都高新区投资), towns and development zones a clause
opens with (周市镇、陆家街道…), a province's named economic zone and its total, a place
set beside the speaker's own (是我们的近10倍), a place name that is really a verb of
building (新建), and the words a clause may open with before its place's measure.
Patterns and small readers used by :mod:`~bot.targets.extract`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.corpus.gazetteer import NATIONAL, Place
from bot.targets.doc_title import _places_in_heading
from bot.targets.naming import Named
from bot.targets.naming.topic import without_topic_place
from bot.targets.numbers import Figure
from bot.targets.sentences import _LAST_CLAUSE_MARK_RE

# a clause with no subject of its own, going on with the measure before: ，增长5.4%
_GOES_ON_RE = re.compile(r"^(?:比上年|同比|较上年)?(?:增长|下降|增加|减少|提高|回落|上升)")
# or with its share of the whole (武汉地区生产总值突破1.8万亿元，占全省比重…: the part's share)
_SHARE_GOES_ON_RE = re.compile(r"^占(?:全[省市区县州]|[^，。；]{0,12}?总)")
# a share of a measure, the measure known to the table: 地区生产总值占全市比重
_SHARE_OF_RE = re.compile(
    r"(?P<measure>.{2,}?)占(?:全[省市区县州]|[^，。；]{0,12}?总)[^，。；]*比重"
)
# a place inside the region and its investment, as a bulletin names each place's share of
# the fixed-asset investment (成都高新区投资, 临川县投资); the place ends in its level's word
_PLACE_INVESTMENT_RE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,12}?(?:区|县|市|旗))投资")
# words ending like a place that are kinds of area, not places (园区投资, 景区投资, 城区投资)
_NOT_A_PLACE_RE = re.compile(
    r"(?:园|景|社|城|地|片|矿|库|灾|牧|林|山|特|校|功能|开发|示范|工业|保税|试验|产业|全|各|本|我)"
    r"(?:区|县|市|旗)$"
)


_ARABIC_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")

# a sentence that gives a measure place by place (分县（市、区）看，江北区地区生产总值…；临川县…;
# 分设区市看，南昌市地区生产总值…，赣州市…): each clause opens on one of the region's places
_PLACES_BREAKDOWN_RE = re.compile(r"\s*分[^，,。；]{1,8}看[，,]")
# the place a breakdown's clause opens with, by its level's word (invented or unknown places
# too: a bulletin's counties), then the rest of the name
_PLACES_BREAKDOWN_PLACE_RE = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{2,6}?(?:市|县|区|旗|州))(?P<rest>.*)"
)


def _respective(places: str, sentence: str, at: int) -> str:
    """One of several listed places (``西青、东丽``) when the sentence gives their figures
    one each after ``分别`` (``…分别增长6.2%和5.9%``): the k-th figure after it is the k-th
    place's. Without 分别 the list shares the figure and stays whole."""
    listed = places.split("、")
    k = sentence.rfind("分别", 0, at)
    if len(listed) < 2 or k < 0:
        return places
    n = len(_ARABIC_NUMBER_RE.findall(sentence, k, at))
    return listed[n] if n < len(listed) else places


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


# 两江新区, 江东新区, 成都东部新区: a new area inside the region, no division of the
# gazetteer (§6.8.41: a part of the document's area is the record's region, written with its
# 新区 as the golds write 江东新区 and 成都东部新区; a gazetteer district such as 滨海新区 is
# found by its short name before this)
_NEW_AREA_RE = re.compile(r"(?P<stem>[\u4e00-\u9fff]{2,4}?)新区")

# A named economic zone of a province (成都平原经济区, 三亚经济圈) and the totals that are
# its GDP when it opens a clause with them.
_ZONE_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:经济区|经济圈|经济带|城市群|都市圈|示范区)")
_ZONE_TOTAL_RE = re.compile(r"(?:经济总量|地区生产总值|生产总值|GDP)")
# a province's named set of counties (山区26县, 革命老区12县): a part of it, as a zone is
_COUNTY_SET_RE = re.compile(r"[\u4e00-\u9fff]{1,4}?[0-9]{1,3}个?县")
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


class RegionPartsMixin:
    """The walker's readings of the places a clause names: a part of the document's
    region a clause or name opens with, a place set beside the region for comparison, the
    district a heading is about. Mixed into :class:`bot.targets.extract._Walker`, whose
    ``region``, ``gazetteer``, ``table``, ``last_part`` and ``breakdown`` it reads."""

    def part_of_region(self, clause: str) -> str:
        """A subdivision of the document's region that a clause opens with, when what
        follows it is a statistic (``深圳全年地区生产总值``, ``武汉市经济总量``)."""
        if not self.region or not clause:
            return ""
        text = clause.lstrip("，、；：其中")
        places: list[str] = []
        end = 0
        # 内江、眉山、自贡、遂宁经济总量突破2000亿元: one figure said of each listed place
        # (the first must open the clause, within its first 3 characters: a clause that
        # opens on no place name is not scanned)
        opening = self.gazetteer.may_name_within(text, 3)
        for m in self.gazetteer.mentions(text[:40]) if opening else ():
            joined = text[end : m.start] in ("、", "和", "及", "与")
            if (m.start > 2 if not places else not joined) or not self._inside(m.place):
                break
            if _is_act_not_place(text, m.start, m.end):
                break  # 全年新建5G基站: the verb 新建, not 南昌's 新建区
            if (
                self.region == NATIONAL
                and m.place.level == "county"
                and not text.startswith(tuple(_PLACE_SUFFIXES), m.end)
            ):
                # 港口货物吞吐量 in a national text: a common word that is also a district's
                # bare name (港口区); a country's text names its counties in full
                break
            places.append(m.place.short)
            end = m.end
            while end < len(text) and text[end] in _PLACE_SUFFIXES:
                end += 1
            rest = _PLACE_LEAD_RE.sub("", text[end:])
            if self.table.matches_at(rest, 0):
                return "、".join(places)
        bare = _YEAR_LEAD_RE.sub("", text)
        towns = _towns_at(bare)
        if towns:
            names, end = towns
            rest = _DONE_LEAD_RE.sub("", bare[end:])
            if self.table.matches_at(rest, 0):
                return "、".join(names)  # 周市镇实现地区生产总值…: the town's own figure
        area = _NEW_AREA_RE.match(bare)
        if area and not _NOT_TOWN_RE.search(area["stem"]):
            rest = _DONE_LEAD_RE.sub("", bare[area.end() :])
            if self.table.matches_at(rest, 0):
                return area.group()  # 两江新区地区生产总值增长6.4%: the new area's own figure
        zone = _ZONE_RE.match(text)
        if zone and _ZONE_TOTAL_RE.match(text, zone.end()):
            return zone.group()  # 成都平原经济区经济总量达到4万亿元: the zone's own GDP
        counties = _COUNTY_SET_RE.match(text)
        if counties and _ZONE_TOTAL_RE.match(text, counties.end()):
            return counties.group()  # 山区26县生产总值增长6.8%: the counties' own GDP
        return ""

    def place_named(self, indicator: str) -> str:
        """The part of the document's region a name opens with when the rest is a known
        indicator (``绵阳地区生产总值`` from a list of places sharing one measure), else
        ``""``."""
        if not self.region or indicator in self.table:
            return ""
        m = next(iter(self.gazetteer.mentions(indicator[:12])), None)
        if m is None or m.start or not self._inside(m.place):
            return ""
        rest = indicator[m.end :].lstrip(_PLACE_SUFFIXES)
        return m.place.short if len(rest) >= 2 and self.table.canonical(rest) else ""

    def listed_part(self, indicator: str, sentence: str) -> tuple[str, str, str]:
        """(place, name, act) when a name opens with a part of the document's region that
        ``sentence`` lists with others before ``分别`` (``A、B两个口岸过货量分别达到…``:
        each place's figure, the list's count dropped) or that did the thing counted
        (``其中宁安市新建高中2所``: the act is the record's change), else empty strings."""
        if not self.region or indicator in self.table:
            return "", "", ""
        m = next(iter(self.gazetteer.mentions(indicator[:12])), None)
        if m is None or m.start or not self._inside(m.place):
            return "", "", ""
        rest = _LIST_COUNT_RE.sub("", indicator[m.end :])
        act = _PLACE_ACT_RE.match(rest)
        if act and len(rest) - act.end() >= 2:
            return m.place.short, rest[act.end() :], act.group()
        listed = re.escape(indicator[: m.end])
        if len(rest) >= 2 and re.search(
            rf"(?:[、和与及]{listed}|{listed}[、和与及])[^，。；]*?分别|其中[，,]?{listed}",
            sentence,
        ):
            return m.place.short, rest, ""
        return "", "", ""

    def _breakdown_part(self, indicator: str, line: str, dot_start: int) -> tuple[str, str]:
        """(place, measure) of a clause in a place-by-place 。-sentence (``分…看，``, read from
        ``dot_start`` of ``line``; its clauses may be cut at ``；``): a name that opens with a
        place and goes on with a known measure (``江北区地区生产总值``) is that place's
        measure; a bare place (``赣州市5200.0亿元``, ``临川县68.24万人``) takes the measure the
        clause before gave its place. Else empty strings."""
        if not _PLACES_BREAKDOWN_RE.match(line, dot_start):
            return "", ""
        m = _PLACES_BREAKDOWN_PLACE_RE.fullmatch(indicator)
        if m is None or _NOT_A_PLACE_RE.search(m["place"]):
            return "", ""
        rest = m["rest"]
        if rest:
            measure = self.table.canonical(rest) if len(rest) >= 2 else None
            if not measure:
                return "", ""
        else:
            said, measure = self.breakdown
            if said != (line, dot_start) or not measure:
                return "", ""
        self.breakdown = ((line, dot_start), measure)
        known = self.gazetteer.lookup(m["place"])
        return (known[0].short if known else m["place"]), measure

    def _known_measure(self, name: str) -> bool:
        """Whether ``name`` is a measure the table knows, or a share of one
        (``地区生产总值占全市比重``): what is left of a part's name once its place is gone."""
        if self.table.canonical(name):
            return True
        share = _SHARE_OF_RE.fullmatch(name)
        return share is not None and bool(self.table.canonical(share["measure"]))

    def _measure_after_towns(self, clause: str) -> str:
        """The known measure a clause names right after the towns it opens with, or ``""``."""
        bare = _YEAR_LEAD_RE.sub("", clause.lstrip("，、；：其中"))
        towns = _towns_at(bare)
        if not towns:
            return ""
        rest = _DONE_LEAD_RE.sub("", bare[towns[1] :])
        found = self.table.matches_at(rest, 0)
        return found[0].canonical if found else ""

    def _part_going_on(self, sentence: str, clause: str, indicator: str) -> str:
        """The part of the region the clause before was about, when this clause only goes
        on with the same measure (``周市镇实现地区生产总值405.8亿元，增长5.4%``: the town's
        growth), else ``""``."""
        said, name, part = self.last_part
        opening = clause.lstrip("，, ")
        if (
            not part
            or said != sentence
            or not (_GOES_ON_RE.match(opening) or _SHARE_GOES_ON_RE.match(opening))
        ):
            return ""
        return part if indicator == name or indicator.startswith(part) else ""

    def _of_another_place(self, sentence: str, fig: Figure) -> bool:
        """Whether a figure is said of another place a text quotes for comparison: its
        clause opens on a place that is neither the document's region, a part of it nor a
        region holding it (周边的四川增长6%, 宜昌去年…完成投资超过2600亿元, 广东的民营企业超过
        700万户 in a speech of 陕西, 襄阳 or 广西). The nation and the region's own places
        (全国…, 武汉地区生产总值 in a 湖北 text) stay the text's figures."""
        ratio = _RATIO_OF_PLACES_RE.search(sentence, max(0, fig.start - 12), fig.start)
        if ratio and (ratio["who"] == "我们" or self._peer_place(ratio["who"])):
            return True  # 是我们的近10倍, 只有西安的三分之一: one place's size over another's
        if not self.region or self.region == NATIONAL or not _SET_BESIDE_US_RE.search(sentence):
            return False
        mark = _LAST_CLAUSE_MARK_RE.match(sentence, max(0, fig.start - 40), fig.start)
        clause = sentence[mark.end() if mark else max(0, fig.start - 40) : fig.start]
        text = _OTHER_PLACE_LEAD_RE.sub("", clause)
        if not self.gazetteer.may_name_within(text, 1):
            return False
        m = next(iter(self.gazetteer.mentions(text[:12])), None)
        if m is None or m.start > 0 or m.place.level == "county":
            return False  # a county's name is often a common word (新建县域…, 港口)
        return self._peer_place(m.place.short)

    def _peer_place(self, place: str) -> bool:
        """Whether ``place`` is a place the document's region neither is, holds nor lies in."""
        if not self.region or self.region == NATIONAL or not self.gazetteer.lookup(place):
            return False
        return not (
            self.gazetteer.covers(self.region, place) or self.gazetteer.covers(place, self.region)
        )

    def _inside(self, place: Place) -> bool:
        """Whether ``place`` is a part of the document's region, not the region itself."""
        return place.short != self.region and self.gazetteer.covers(self.region, place.short)

    def _gdp_named(self, name: str) -> str:
        """GDP inside a share said as the family's member for this document's level:
        ``制造业占深圳GDP比重``, ``第一产业增加值占全州生产总值比重`` -> ``…占地区生产总值比重``
        (``国内生产总值`` in a national document); ``经济总量占全省比重`` ->
        ``地区生产总值占全省比重``."""
        gdp = "国内生产总值" if self.region == NATIONAL else "地区生产总值"
        own = re.escape(self.region) if self.region and self.region != NATIONAL else "(?!)"
        name = re.sub(
            rf"占(?:全[省市州区县盟]|{own}[省市州区县]?)?(?:地区)?(?:GDP|生产总值|经济总量)(?=的?比重$)",
            "占" + gdp,
            name,
        )
        return re.sub(r"^(?:经济总量|GDP)(?=占)", gdp, name)

    def region_for(self, path: tuple[str, ...]) -> str:
        for title in reversed(path):
            m = _places_in_heading(title)
            if m:
                return m
        return self.region

    def _part_and_name(
        self,
        named: Named,
        sentence: str,
        clause: str,
        clause_start: int,
        region: str,
        said: tuple[str, int] = ("", 0),
    ) -> tuple[Named, str, str]:
        """A record's part of the region (a listed place, a place its name or clause opens
        with, a zone, the part the clause before was about) and its name without the place:
        ``(named, indicator, region)``; notes the part for the clause after."""
        fig = named.figure
        indicator = named.indicator
        broken_down, measure = self._breakdown_part(indicator, *said)
        if broken_down:
            # 分设区市看，南昌市地区生产总值…，赣州市5200.0亿元: each place's own figure of the
            # measure the sentence gives place by place (round35 jiangxi, bulletins34 chengzhou)
            return named, measure, broken_down
        listed, listed_name, act = self.listed_part(indicator, sentence)
        part = (
            listed  # 绥芬河、东宁两个口岸过货量分别达到…: each place's own
            or self.place_named(indicator)  # 德阳和绵阳地区生产总值分别增长6%和7%: each its own
            or _respective(self.part_of_region(clause), sentence, fig.start)
            or _zone_before(sentence[:clause_start], clause)
            or self._part_going_on(sentence, clause, indicator)
        )
        if listed:
            region = listed
            indicator = self.table.canonical(listed_name) or listed_name
            named = replace(named, change=act or named.change)  # (宁安市新建高中: 新建)
        elif part:
            region = part  # 武汉地区生产总值突破2万亿元: a figure of a part, not of the whole
            town_named = indicator.startswith(part)
            rest = indicator.removeprefix(part)
            if rest[:1] in ("市", "区", "县", "州") and self._known_measure(rest[1:]):
                rest = rest[1:]
            elif rest.startswith("新区") and self._known_measure(rest[2:]):
                rest = rest[2:]  # 滨海新区地区生产总值 in a 天津 text: the district's suffix
            elif (town := _TOWN_SUFFIX_RE.match(rest)) and self.table.canonical(rest[town.end() :]):
                rest = rest[town.end() :]  # 花桥经济开发区地区生产总值, 千灯镇镇…: the suffix
            indicator = (self.table.canonical(rest) or rest) if len(rest) >= 2 else indicator
            if town_named and indicator not in self.table:
                # 观海卫镇、逍林镇一般公共预算收入分别为…: the measure said after the towns
                # (a name the town's own words broke: 观海卫镇收入)
                indicator = self._measure_after_towns(clause) or indicator
        elif region and indicator.startswith(region) and indicator not in self.table:
            # 深圳地区生产总值 in a Shenzhen document: the document's own place says nothing
            rest = indicator.removeprefix(region)
            if rest[:1] in ("省", "市", "区", "县", "州") and self.table.canonical(rest[1:]):
                rest = rest[1:]
            indicator = (
                self.table.canonical(rest)
                or without_topic_place(indicator, region, sentence)
                or indicator
            )
        self.last_part = (sentence, indicator, region) if part else ("", "", "")
        return named, indicator, region
