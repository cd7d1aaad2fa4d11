"""The region a document is about, inferred from its opening and body (part of
:mod:`bot.corpus.meta`): the central party and state are national; otherwise the place
named as the document's subject, the province of a document number, or the place the
text mentions most, refined down the gazetteer's tree."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bot.corpus.gazetteer import (
    NATIONAL,
    PROVINCE_ABBREVIATIONS,
    Gazetteer,
    Place,
    default_gazetteer,
)
from bot.corpus.opening import DOC_NUMBER_RE, FULLWIDTH_DIGITS, MAX_HEAD_LINE, opening_lines

# Documents of the central party and state: their region is the whole country.
_NATIONAL_RE = re.compile(
    r"国务院|中共中央|全国人民代表大会|中国共产党第[一二三四五六七八九十]+次全国代表大会"
    r"|中华人民共和国|[\u4e00-\u9fff]{2,10}部(?:等[一二三四五六七八九十]+部门)?关于"
    r"|^(?:国发|国办发|中发|国函)"
    # addressed to every province: a ministry's or the State Council's own document
    r"|^各省[、，,]\s*自治区[、，,]\s*直辖市"
)
_NATIONAL_NUMBER_RE = re.compile(r"^(?:国|中|[\u4e00-\u9fff]{1,6}部)")
# Words after a place that make it the document's own subject in an opening line:
# 海拉尔区人民政府, 在湖北省第十四届人民代表大会, 成都市统计局, 上海关于….
_SUBJECT_AFTER_RE = re.compile(
    r"(?:省|市|区|县|州|盟|旗|自治区)?(?:人民政府|政府|人民代表大会|第[一二三四五六七八九十]+届"
    r"|第[一二三四五六七八九十]+次(?:党员)?代表大会|统计局|委员会|人大|关于|国民经济|高质量发展大会)"
)
# 在中共宁乡县委十四届七次全体会议上: the party committee by its usual short name, after 中共
# (山东省委要求 in a line of body text quotes it)
_COMMITTEE_AFTER_RE = re.compile(r"(?:省|市|区|县|州|盟|旗)?委(?!员)")
# A provincial body's text that writes no province (在全省…会议上的讲话, 省人民政府 or 省委
# as the speaker, 我省): the province of the cities it names.
_PROVINCIAL_TEXT_RE = re.compile(
    r"在全省[^\n]{0,30}(?:会议|大会)|^(?:中共)?省(?:委|人民政府|政府)|我省"
    # 在省委经济工作会议上的讲话: the province's own party committee's meeting
    r"|^在省委[^\n]{0,20}(?:会议|全会)"
    # a story the province's press office gives (省政府新闻办举行新闻发布会, 省统计局发布…):
    # the office, not the line's start, says whose story it is
    r"|(?<![市县区州])省(?:人民)?政府新闻办|(?<![市县区州])省统计局"
    # an autonomous region's speaker (自治区党委书记, 自治区人民政府主席): 全区 alone could
    # be a district's
    r"|^(?:中共)?自治区(?:党委|人民政府|政府)",
    re.MULTILINE,
)
# A title that opens with a place written in full names its subject (江西省加快…行动方案,
# 中国共产党蓬溪县第十五次代表大会报告); the party's name may come first, and a markdown
# heading's marks (a .docx title or heading is read as ``# …``, a .md file writes it so): a
# .docx plan titled 上饶市万年县“十四五”…规划 was filed under 上饶 (admin-trial19).
# A title quoting the document it is about leads with it too (《辽宁省…实施方案》政策解读,
# 一图读懂｜《西安市…若干措施》): the quoted document's place is the text's subject.
_TITLE_LEAD_RE = re.compile(r"#{0,6}(?:[\u4e00-\u9fff]{2,6}[｜|:：])?《?(?:中国共产党|中共)?")
# A title is one short line without a sentence's end (山东省委要求。烟台市… is body text).
_TITLE_MAX = 60
_SENTENCE_END_RE = re.compile(r"[。！？；!?;]")
# 来源：江州日报: a city's or a province's own paper reports on it (光明日报, 新华日报 are
# national or named after no place, and a county's name there would be a false friend).
# The source may follow the page's date on its line (2024-07-19 09:12　来源：广西日报).
_SOURCE_LINE_RE = re.compile(
    r"^(?:(?:发布时间|时间|日期)[：:])?[\d\-/:.年月日]*(?:来源|稿源|信息来源)[：:]"
)
_PAPER_AFTER_RE = re.compile(r"(?:省|市|州)?(?:日报|晚报|新闻网|发布|融媒体中心|广播电视台)")


@dataclass(frozen=True, slots=True)
class Region:
    """Where a document is about: short name, the path down to it, and its level."""

    name: str
    path: tuple[str, ...]
    level: str


NATIONAL_REGION = Region(NATIONAL, (), "national")


# How much of a document is read for the places it mentions.
MENTION_SCAN_CHARS = 40_000


def _region_of(place: Place, gazetteer: Gazetteer) -> Region:
    return Region(place.short, gazetteer.path(place), place.level)


def infer_place(
    text: str,
    opening: str | None = None,
    gazetteer: Gazetteer | None = None,
    extra_places: Iterable[str] = (),
) -> Region | None:
    """The region a document is about, with its hierarchy and level, or ``None``.

    First the opening: a local subject (``在湖北省第十四届人民代表大会``,
    ``成都市统计局``, ``沪府办发``) beats the national markers that local documents
    quote (``贯彻落实国务院…``); a national marker with no local subject gives
    ``全国``. Then the body: the most mentioned place written with its suffix, and
    the most specific of a place and its own subdivisions when both are frequent.
    """
    g = gazetteer or default_gazetteer()
    if opening is None:
        opening = opening_lines(text)
    opening_n = opening.translate(FULLWIDTH_DIGITS)
    local = _opening_subject(opening_n, g)
    # the places a document is about show in its first pages; scanning a whole long
    # document for every place name cost more than indexing it
    counts, suffixed, first = _count_mentions(text[:MENTION_SCAN_CHARS], g)
    if local is not None:
        best = local
        # 沪科合〔2025〕7号 with a body about 杨浦区: the subdivision is the subject.
        best = _refine(best, counts, suffixed, g)
        return _region_of(best, g)
    # Only short lines count: a body paragraph that quotes 国务院 says nothing of its author.
    heads = [line for line in opening_n.split("\n") if len(line) <= MAX_HEAD_LINE]
    if any(_NATIONAL_RE.search(line) for line in heads):
        return NATIONAL_REGION
    if heads and "我国" in heads[0] and not any(True for _ in g.mentions(heads[0])):
        return NATIONAL_REGION  # 2025年我国经济总量迈上新台阶: the country's own story
    extra = _extra_place(text, tuple(extra_places))
    own = _own_province(opening_n, counts, g)
    if own is not None:
        return _region_of(own, g)
    if not counts:
        if extra:
            return Region(extra, (extra,), "")
        return NATIONAL_REGION if _national_by_its_words(heads, text) else None
    # A county-level name found only in the body must come with its city or province:
    # 新增城区 holds 增城区, a masked report names no 广州.
    codes = {p.code for p in counts}
    candidates = [
        p
        for p in counts
        if suffixed[p.code]
        and (p.level != "county" or any(a.code in codes for a in g.ancestors(p)))
    ]
    if not candidates:
        if extra:
            return Region(extra, (extra,), "")
        province = _province_of_its_cities(opening_n, counts, g)
        if province:
            return _region_of(province, g)
        # no place written with its suffix (港口, 新增城区 are no places): as above
        return NATIONAL_REGION if _national_by_its_words(heads, text) else None
    best = max(candidates, key=lambda p: (counts[p], suffixed[p.code], -first[p.code]))
    if extra and _mentions(text, extra) > counts[best]:
        return Region(extra, (extra,), "")
    best = _common_parent(_refine(best, counts, suffixed, g), candidates, counts, suffixed, g)
    if best.level in ("city", "county") and _PROVINCIAL_TEXT_RE.search(opening_n):
        # 前三季度我省经济…, then 成都海关, 成都市…: a provincial text naming its capital or
        # its cities most is about their province
        province = next((a for a in g.ancestors(best) if a.level == "provincial"), None)
        if province is not None:
            return _region_of(province, g)
    return _region_of(best, g)


# a national meeting in a head line (在2026年全国交通运输工作会议上的讲话)
_NATIONAL_MEETING_RE = re.compile(r"全国[\u4e00-\u9fff]{0,16}(?:会议|大会)")
# the words of a local text: its scope (全省, 我市, 本区…), its own bodies (市政府, 省委) or
# a masked place (**市, xx市)
_LOCAL_SCOPE_RE = re.compile(
    r"[全我本](?:省|市|区|县|州|盟|旗)|(?:省|市|区|县|州)(?:委|政府|人民政府|人大|政协)"
    r"|[*xX×＊]{1,3}(?:省|市|区|县|州)"
)


def _national_by_its_words(heads: list[str], text: str) -> bool:
    """Whether a text that names no place is the country's: a speech at a national meeting,
    or a text whose scope words are the country's (我国, 全国) and never a local one's."""
    body = text[:MENTION_SCAN_CHARS]
    if _LOCAL_SCOPE_RE.search(body):
        return False
    if any(_NATIONAL_MEETING_RE.search(line) for line in heads):
        return True
    # the country's own measures count as its words: a local text writes 地区生产总值 and
    # its own 预算内 (a national plan report or an untitled national work report names
    # no place and says 国内生产总值, 中央预算内投资)
    return sum(body.count(w) for w in _NATIONAL_WORDS) >= 2


_NATIONAL_WORDS = ("我国", "全国", "国内生产总值", "中央预算内")


def _own_province(opening: str, counts: Counter[Place], g: Gazetteer) -> Place | None:
    """A provincial text's own province (a speech at 全省…会议, 自治区党委书记 as the speaker)
    when it names one province more often than any other, however written: its speaker
    says 广西 or 江西 without a suffix, and a place it quotes for comparison (福建一个晋江市,
    宜昌去年…) or the other provinces it ranks itself against are not its subject. Two
    provinces named as often (四川增长6%, 河南增长4.1%) leave it to the rules below."""
    if not _PROVINCIAL_TEXT_RE.search(opening):
        return None
    provinces = Counter({p: n for p, n in counts.items() if p.level == "provincial"})
    if not provinces:
        return None
    ranked = provinces.most_common(2)
    if len(ranked) == 2 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    own, n = ranked[0]
    # the cities it names beyond that province must not outnumber it (在绵阳、德阳布局…，
    # 重庆… names Sichuan's cities, and 重庆 is no subject of it)
    elsewhere = sum(
        k
        for p, k in counts.items()
        if p.level == "city" and own.code not in {a.code for a in g.ancestors(p)}
    )
    return own if n > elsewhere else None


def _province_of_its_cities(opening: str, counts: Counter[Place], g: Gazetteer) -> Place | None:
    """A provincial text that never names its province (a speech at 全省…会议, 省委 as the
    speaker): the province of the cities it names, when two or more of them and nearly all
    its mentions of cities are of one province."""
    if not _PROVINCIAL_TEXT_RE.search(opening):
        return None
    by_province: Counter[str] = Counter()
    cities: dict[str, set[str]] = {}
    for place, n in counts.items():
        if place.level != "city":
            continue
        province = next((a for a in g.ancestors(place) if a.level == "provincial"), None)
        if province is None:
            continue
        by_province[province.code] += n
        cities.setdefault(province.code, set()).add(place.code)
    if not by_province:
        return None
    code, n = by_province.most_common(1)[0]
    if len(cities[code]) < 2 or n < 0.8 * sum(by_province.values()):
        return None
    return g.by_code[code]


def _common_parent(
    best: Place,
    candidates: list[Place],
    counts: Counter[Place],
    suffixed: Counter[str],
    g: Gazetteer,
) -> Place:
    """Several districts of one city discussed side by side: the document is about the city."""
    if not best.parent or best.parent not in {p.code for p in counts}:
        return best
    siblings = [
        p
        for p in candidates
        if p.parent == best.parent and p.code != best.code and suffixed[p.code] >= 3
    ]
    return g.by_code[best.parent] if len(siblings) >= 2 else best


def _opening_subject(opening: str, g: Gazetteer) -> Place | None:
    """The most specific place the opening names as the document's own subject."""
    found: list[Place] = []
    for k, line in enumerate(opening.split("\n")):
        compact = line.replace(" ", "").replace("\u3000", "")
        titled_line = k == 0 and len(compact) <= _TITLE_MAX and not _SENTENCE_END_RE.search(compact)
        lead = _TITLE_LEAD_RE.match(compact).end() if titled_line else -1
        source = bool(_SOURCE_LINE_RE.match(compact))
        before: Place | None = None  # the place just named, when this one follows it
        before_end = -1
        for m in g.mentions(compact):
            place = m.place
            part_of = (
                before
                if before is not None and _SUFFIX_GAP_RE.fullmatch(compact, before_end, m.start)
                else None
            )
            if part_of is not None:
                # 重庆市江北区, 宁波市江北区: a name after its city's is the one in that city
                place = _inside_of(compact[m.start : m.end], part_of, g) or place
            subject = bool(_SUBJECT_AFTER_RE.match(compact, m.end)) or (
                compact[max(0, m.start - 2) : m.start] == "中共"
                and bool(_COMMITTEE_AFTER_RE.match(compact, m.end))
            )
            # a title led by its place in full (江西省加快…), or by a province's or a
            # city's usual short name (广西新型储能…实施方案, 常州外贸…, 芜湖高新区…); a
            # county's short name there is too often a word (新建, 城区)
            titled = m.start == lead and (
                compact.startswith(place.name, m.start) or place.level in ("provincial", "city")
            )
            paper = (
                source
                and place.level in ("city", "provincial")
                and bool(_PAPER_AFTER_RE.match(compact, m.end))
            )
            if (
                part_of is not None
                and found
                and found[-1] is part_of
                and part_of.code in {a.code for a in g.ancestors(place)}
            ):
                titled = True  # 重庆市江北区发展和改革委员会…: the district is the subject
            if subject or titled or paper:
                found.append(place)
            before, before_end = place, m.end
        number = DOC_NUMBER_RE.search(compact)
        if (
            number
            and number.group(1)[0] in PROVINCE_ABBREVIATIONS
            and not _NATIONAL_NUMBER_RE.match(number.group(1))
        ):
            found.extend(g.lookup(PROVINCE_ABBREVIATIONS[number.group(1)[0]])[:1])
    if not found:
        return None
    # The deepest place wins when the others are its ancestors (呼伦贝尔市海拉尔区).
    found.sort(key=lambda p: len(g.ancestors(p)), reverse=True)
    deepest = found[0]
    ancestors = {a.code for a in g.ancestors(deepest)} | {deepest.code}
    if all(p.code in ancestors for p in found):
        return deepest
    # Unrelated places (国家统计局成都调查队 and 成都市统计局 agree; a speech held in 深圳
    # for 广东 does not): the one named most often in the opening.
    tally = Counter(p.code for p in found)
    return g.by_code[tally.most_common(1)[0][0]]


# between a place and its part: the place's own suffix (重庆市江北区, 黔东南州凯里市)
_SUFFIX_GAP_RE = re.compile(r"(?:省|市|自治区|自治州|州|盟|地区)?")


def _inside_of(name: str, outer: Place, g: Gazetteer) -> Place | None:
    """The place called ``name`` that lies inside ``outer``, if any."""
    return next((p for p in g.lookup(name) if outer.code in {a.code for a in g.ancestors(p)}), None)


def _count_mentions(text: str, g: Gazetteer) -> tuple[Counter[Place], Counter[str], dict[str, int]]:
    counts: Counter[Place] = Counter()
    suffixed: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in g.mentions(text):
        counts[m.place] += 1
        first.setdefault(m.place.code, m.start)
        if m.suffixed:
            suffixed[m.place.code] += 1
    return counts, suffixed, first


def _refine(best: Place, counts: Counter[Place], suffixed: Counter[str], g: Gazetteer) -> Place:
    """A subdivision of ``best`` that the body is mostly about replaces it."""
    own = counts.get(best, 0)
    for p, n in counts.most_common(5):
        if p.code == best.code or suffixed[p.code] < 3:
            continue
        if best.code in {a.code for a in g.ancestors(p)} and n >= max(own, 3):
            return p
    return best


def _mentions(text: str, name: str) -> int:
    return len(re.findall(re.escape(name), text))


def _extra_place(text: str, places: tuple[str, ...]) -> str | None:
    """The most mentioned of user-supplied place names written with a suffix (西海岸新区)."""
    best, best_n = None, 0
    for name in places:
        if not re.search(re.escape(name) + r"(?:市|省|区|县|州|盟)", text) and not name.endswith(
            ("区", "县", "市")
        ):
            continue
        n = _mentions(text, name)
        if n > best_n:
            best, best_n = name, n
    return best


def infer_region(text: str, places: Iterable[str] | None = None) -> str | None:
    """Short name of the region ``text`` is about (``烟台``, ``全国``), or ``None``.

    ``places`` adds names outside the gazetteer (development zones such as 西海岸新区);
    they compete with the divisions by number of mentions. Masked names (``xx市``) are
    never a region.
    """
    region = infer_place(text, extra_places=places or ())
    return region.name if region else None


def region_named(name: str, gazetteer: Gazetteer | None = None) -> Region:
    """The region called ``name`` (short or full), with its path and level.

    ``全国`` is national; an unknown name (a development zone) stands alone, level unknown.
    """
    if name == NATIONAL:
        return NATIONAL_REGION
    g = gazetteer or default_gazetteer()
    found = g.lookup(name)
    if not found:
        return Region(name, (name,), "")
    return _region_of(found[0], g)
