"""China's administrative divisions: names, levels and the province ⊃ city ⊃ county tree.

The data is ``bot/corpus/data/gazetteer.csv``, built from the national standard GB/T 2260
(see ``scripts/build_gazetteer.py`` for its source and licence). It answers two questions:

* which places a text names (:meth:`Gazetteer.mentions`), for inferring a document's
  region;
* whether one region lies inside another (:meth:`Gazetteer.covers`), so that a filter
  ``region:山东`` also finds documents about 烟台 and 青岛.

Provinces and prefecture-level cities are also known by their English and pinyin names,
counties and districts by their pinyin (``Sichuan``, ``Inner Mongolia``, ``Kunming
City``, ``Kaili``: :func:`latin_places`, with the names two places share, in
:mod:`bot.corpus.latin_readings`; a slip in typing one, :func:`places_sounding_like`, in
:mod:`bot.corpus.place_slips`; both re-exported here). A province's abbreviation and a
city's nickname (皖, 蓉城: :func:`nicknamed_place`) are read here, and
:func:`region_words` is the one reading of a region typed as a filter.

Regions are written short, without the administrative suffix: ``山东``, ``烟台``,
``海拉尔``, ``黔东南``; ``全国`` stands for the whole country and covers everything.
Loading the file is the only I/O; lookups are pure.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# What moved out, re-exported (``X as X``): callers and tests import these from here.
from bot.corpus.latin_readings import AMBIGUOUS_FILE as AMBIGUOUS_FILE
from bot.corpus.latin_readings import LATIN_FILE as LATIN_FILE
from bot.corpus.latin_readings import ambiguous_latin_names as ambiguous_latin_names
from bot.corpus.latin_readings import ambiguous_latin_places as ambiguous_latin_places
from bot.corpus.latin_readings import chinese_place as chinese_place
from bot.corpus.latin_readings import county_latin_names as county_latin_names
from bot.corpus.latin_readings import latin_key as _latin_key
from bot.corpus.latin_readings import latin_names as latin_names
from bot.corpus.latin_readings import latin_places as latin_places
from bot.corpus.latin_readings import province_latin as province_latin
from bot.corpus.latin_readings import with_chinese_places as with_chinese_places
from bot.corpus.place_slips import PLACES_LIKE_SHOWN as PLACES_LIKE_SHOWN
from bot.corpus.place_slips import places_sounding_like as places_sounding_like

DATA_FILE = Path(__file__).with_name("data") / "gazetteer.csv"
NATIONAL = "全国"
# Texts at least this long have the starts of names found in numpy (see mentions()).
_ARRAY_MIN_CHARS = 256
_CODE_SPAN = 0x110000  # code points are below this
LEVELS = ("national", "provincial", "city", "county")
_LEVEL_OF = {"province": "provincial", "city": "city", "county": "county"}
# Suffixes a mention may carry right after the short name (烟台市, 山东省, 海拉尔区).
_SUFFIX_RE = re.compile(
    r"(?:特别行政区|[^\s，。、；：]{0,8}?自治[区州县旗]|地区|新区|省|市|盟|州|区(?!域|位|间|块)|县|旗)"
)


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative division."""

    code: str
    name: str  # full name: 呼伦贝尔市海拉尔区 is 海拉尔区 here
    short: str  # 海拉尔
    level: str  # provincial | city | county
    parent: str  # code of the enclosing division, "" for a province


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in a text, at ``start``; ``suffixed`` when written with its suffix."""

    place: Place
    start: int
    end: int
    suffixed: bool


class Gazetteer:
    """Lookup over the divisions: by code, by short or full name, and up the tree."""

    def __init__(self, places: list[Place]) -> None:
        self.by_code = {p.code: p for p in places}
        self._by_short: dict[str, list[Place]] = {}
        for p in places:
            self._by_short.setdefault(p.short, []).append(p)
            if p.name != p.short:
                self._by_short.setdefault(p.name, []).append(p)
        # Higher levels first, so that 海南 is the province before the prefecture.
        rank = {"provincial": 0, "city": 1, "county": 2}
        for name, found in self._by_short.items():
            found.sort(key=lambda p: (rank[p.level], p.code))
            self._by_short[name] = found
        # What mentions() looks for: names of two characters or more, and the first two
        # characters of each (where one may start).
        self._names = frozenset(n for n in self._by_short if len(n) >= 2)
        self._name_starts = frozenset(n[:2] for n in self._names)
        self._longest = max(map(len, self._names), default=0)

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> Gazetteer:
        places: list[Place] = []
        with path.open(encoding="utf-8") as fh:
            rows = csv.DictReader(line for line in fh if not line.startswith("#"))
            for row in rows:
                places.append(
                    Place(
                        code=row["code"],
                        name=row["name"],
                        short=row["short"],
                        level=_LEVEL_OF[row["level"]],
                        parent=row["parent"],
                    )
                )
        return cls(places)

    # -- lookups -------------------------------------------------------------------

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` (short or full, or its English or pinyin name: Sichuan),
        higher levels first; ``[]`` if none."""
        name = name.strip()
        if name.isascii():
            name = chinese_place(name) or name
        found = self._by_short.get(name)
        if found is None:
            found = self._by_short.get(_SUFFIX_RE.sub("", name, count=1) if name else name, [])
            if not found and name:
                stripped = re.sub(_SUFFIX_RE.pattern + "$", "", name)
                found = self._by_short.get(stripped, [])
        return list(found)

    def ancestors(self, place: Place) -> list[Place]:
        """The enclosing divisions of ``place``, province first (``place`` excluded)."""
        chain: list[Place] = []
        code = place.parent
        while code:
            parent = self.by_code.get(code)
            if parent is None:
                break
            chain.append(parent)
            code = parent.parent
        chain.reverse()
        return chain

    def held_by(self, place: Place) -> str:
        """What holds ``place``, as people tell one place of a shared name from another:
        江苏南京 for a 鼓楼区, 北京 for a 朝阳区 (the short names, province first, each once);
        "" for a province."""
        return "".join(dict.fromkeys(a.short for a in self.ancestors(place)))

    def path(self, place: Place) -> tuple[str, ...]:
        """Short names from the province down to ``place``: ``('内蒙古', '呼伦贝尔', '海拉尔')``."""
        return (*(p.short for p in self.ancestors(place)), place.short)

    def covers(self, outer: str, region: str | None) -> bool:
        """Whether region ``outer`` contains ``region`` (or is it). ``全国`` covers all.

        Names are matched short or full (``山东省`` = ``山东``). A name that is not a
        division (a development zone, a masked name) only covers itself.
        """
        if not region:
            return False
        if outer == NATIONAL:
            return True
        o = _strip(outer)
        r = _strip(region)
        if o == r:
            return True
        outers = {p.code for p in self.lookup(outer)}
        if not outers:
            return False
        for place in self.lookup(region):
            if any(a.code in outers for a in self.ancestors(place)):
                return True
        return False

    def mentions(self, text: str) -> Iterator[Mention]:
        """Every place name in ``text``, leftmost-longest, with whether a suffix follows.

        Where two characters start a name, the longest name there is looked up, length by
        length. (One regular expression of all the names, even shaped as a trie, tried
        the alternatives one after another at every position: ~2 µs a character, four
        tenths of building the index from documents.) In a long text the positions where
        a name may start are found in numpy first (:meth:`_start_positions`): a Python
        step per character was still most of reading a document's metadata."""
        names, by_short = self._names, self._by_short
        end = 0
        for i in self._start_positions(text):
            if i < end:
                continue
            for size in range(min(self._longest, len(text) - i), 1, -1):
                name = text[i : i + size]
                if name in names:
                    end = i + size
                    places = by_short[name]
                    suffixed = name != places[0].short or bool(_SUFFIX_RE.match(text, end))
                    yield Mention(places[0], i, end, suffixed)
                    break

    def may_name_within(self, text: str, first: int) -> bool:
        """Whether a place name may start at one of the ``first`` positions of ``text``
        (its first two characters open a name): :meth:`mentions` finds none there if not.

        A test of a few set look-ups for a caller that wants only a name opening the
        text, before the scan of the whole of it.
        """
        starts = self._name_starts
        return any(text[i : i + 2] in starts for i in range(min(first, len(text) - 1)))

    def _start_positions(self, text: str) -> Iterable[int]:
        """The positions ``i`` (ascending) where ``text[i : i + 2]`` starts a name."""
        starts = self._name_starts
        if len(text) < _ARRAY_MIN_CHARS:
            return (i for i in range(len(text) - 1) if text[i : i + 2] in starts)
        import numpy as np

        firsts, known = self._start_keys()
        if not known.size:
            return []
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        maybe = np.flatnonzero(firsts[codes[:-1]])  # a name's first character here
        keys = codes[maybe].astype(np.uint64) * np.uint64(_CODE_SPAN) + codes[maybe + 1]
        at = np.searchsorted(known, keys)
        np.minimum(at, known.size - 1, out=at)
        return maybe[known[at] == keys].tolist()

    def _start_keys(self):
        """(whether each code point begins a name, as a bool array over every code point;
        the names' first two characters as sorted uint64 keys, first * span + second)."""
        found = self.__dict__.get("_start_arrays")
        if found is None:
            import numpy as np

            starts = self._name_starts
            firsts = np.zeros(_CODE_SPAN, dtype=bool)
            firsts[[ord(s[0]) for s in starts]] = True
            keys = np.unique(
                np.fromiter(
                    (ord(s[0]) * _CODE_SPAN + ord(s[1]) for s in starts),
                    dtype=np.uint64,
                    count=len(starts),
                )
            )
            found = self.__dict__["_start_arrays"] = (firsts, keys)
        return found

    def candidates(self, name: str) -> list[Place]:
        return list(self._by_short.get(name, []))


# Between the words of one region word: Jiangsu Suzhou, Suzhou, Jiangsu, 江苏·苏州.
_REGION_SPLIT_RE = re.compile(r"[\s,，、；;·/-]+")


# The country's English names (China, China's, PRC, the People's Republic of China): the
# gazetteer holds places, not the country, so a region word reads them as 全国 and the
# search's understanding as 中国. Lower case too: porcelain is no word a policy reader asks for.
COUNTRY_RE = re.compile(
    r"(?<![A-Za-z])(?:(?i:the\s+people'?s\s+republic\s+of\s+china|china)|PRC)(?:['’]s)?(?![A-Za-z])"
)


def region_words(name: str) -> list[str]:
    """The places the region words ``name`` name, in Chinese, each once: an English or
    pinyin name as its Chinese name (Sichuan -> 四川), a name two places share told
    apart by the province beside it, which then only said where it is (Jiangsu Suzhou,
    Suzhou, Jiangsu, 苏州 Suzhou -> 苏州; 江苏 alone stays 江苏). A shared name nothing
    tells apart stays as typed: it names no region (:func:`ambiguous_region`)."""
    # the country (/changes China, /chart GDP China): its documents' region is 全国, as
    # /changes 全国 reads it; a reply in English names 全国 China (bot.digest.english)
    chinese = with_chinese_places(COUNTRY_RE.sub(f" {NATIONAL} ", name.strip()).strip())
    # 皖, 蓉城 typed as a word of the value: the place (nicknamed_place)
    words = list(
        dict.fromkeys(nicknamed_place(w) or w for w in _REGION_SPLIT_RE.split(chinese) if w)
    )
    shared = ambiguous_latin_names()
    told = {
        province
        for lo, hi, short in latin_places(name)
        for candidate, province in shared.get(_latin_key([(lo, hi, name[lo:hi])]), ())
        if candidate == short
    }
    return [w for w in words if _strip(w) not in told] or words


def region_word(name: str) -> str:
    """:func:`region_words` as one region word (``Jiangsu Suzhou`` -> 苏州)."""
    return " ".join(region_words(name))


def ambiguous_region(name: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """The English or pinyin name in the region word ``name`` that two places share and
    nothing beside it tells apart (``Suzhou``), with its candidates (short name,
    province), else ``None``: what a region filter says instead of matching nothing."""
    found = ambiguous_latin_places(name)
    return found[0] if found else None


def candidates_said(candidates: Iterable[tuple[str, str]]) -> str:
    """The candidates of a shared name as people tell them apart, each a name and what
    holds it (:meth:`Gazetteer.held_by`): 苏州（江苏）、宿州（安徽）, 鼓楼区（江苏南京）; a place
    nothing holds, its name alone. The one way every reply lists candidate places."""
    return "、".join(f"{name}（{around}）" if around else name for name, around in candidates)


# A province's one-character abbreviation (沪府办发〔2024〕3号 -> 上海 in a document number;
# 皖 2025年 城镇新增就业 typed by a reader)
PROVINCE_ABBREVIATIONS = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "晋": "山西",
    "蒙": "内蒙古", "辽": "辽宁", "吉": "吉林", "黑": "黑龙江", "苏": "江苏", "浙": "浙江",
    "皖": "安徽", "闽": "福建", "赣": "江西", "鲁": "山东", "豫": "河南", "鄂": "湖北",
    "湘": "湖南", "粤": "广东", "桂": "广西", "琼": "海南", "川": "四川", "黔": "贵州",
    "滇": "云南", "藏": "西藏", "陕": "陕西", "甘": "甘肃", "青": "青海", "宁": "宁夏",
    "新": "新疆",
}  # fmt: skip

# A province abbreviation read as the province when typed as a word of its own (皖 2025年
# 城镇新增就业, 川 经济总量, 黔2025年): alone it is no other word a query writes. Not 新,
# which opens spaced words (新 能源 汽车), nor one inside a run of characters (皖企, 川渝).
_ALONE_ABBREVIATIONS = frozenset(PROVINCE_ABBREVIATIONS) - {"新"}
_ALONE_ABBREVIATION_RE = re.compile(
    "(?:(?<=\\s)|^)([" + "".join(sorted(_ALONE_ABBREVIATIONS)) + "])(?=\\s|\\d|$)"
)
# A city's nickname as readers and the press use it (蓉城 for 成都, 鹏城 for 深圳), each
# one city's alone: not 江城 or 山城, which several cities are called, nor 星城 or 筑城,
# which plans write as words (卫星城, 筑城).
CITY_NICKNAMES = {
    "蓉城": "成都", "鹏城": "深圳", "羊城": "广州", "春城": "昆明", "泉城": "济南",
    "冰城": "哈尔滨", "榕城": "福州", "鹭岛": "厦门", "申城": "上海", "邕城": "南宁",
}  # fmt: skip
# not after another character: 卫星城, 温泉城 are words of their own


@lru_cache(maxsize=1)
def _nickname_re() -> re.Pattern[str]:
    """The nicknames search reads as their city: every one of ``CITY_NICKNAMES`` but a
    division's own name (榕城 is 揭阳's 榕城区: :func:`nicknamed_place`). Made once, on
    first use: the gazetteer is loaded then, not on import."""
    names = [n for n in CITY_NICKNAMES if not default_gazetteer().lookup(n)]
    return re.compile("(?<![\u3400-\u9fff])(?:" + "|".join(names) + ")")


def nicknamed_place(word: str) -> str | None:
    """The place ``word``, typed whole (a filter's value, a word of its own), names by
    a province's abbreviation or a city's nickname (皖 -> 安徽, 蓉城 -> 成都), else
    ``None``: the one reading every place path shares (search's
    :func:`with_place_nicknames`, region filters, ``/targets``, ``/compare``, the MCP
    tools). Not 新 (新 能源), never a character inside a longer word (川渝, 皖企), and
    not a nickname that is a division's own name.

    The rule for such a name (榕城: 福州's nickname, 揭阳's 榕城区 by its own name): **a
    division's own name wins over a nickname, on every path**. A user of the district has
    no other short name to type, one of 福州 types 福州; a region filter or subscription
    stored as ``region:榕城`` meant the district before nicknames were read; and a
    nickname written over the query as its city would make the district's own word
    (榕城区, 榕城 in its documents) unsearchable."""
    word = word.strip()
    if word in _ALONE_ABBREVIATIONS:
        return PROVINCE_ABBREVIATIONS[word]
    city = CITY_NICKNAMES.get(word)
    if city is None or default_gazetteer().lookup(word):
        return None
    return city


def with_place_nicknames(text: str) -> str:
    """``text`` with a province's abbreviation typed as a word of its own and a city's
    nickname written as the place's short name: ``皖 2025年 城镇新增就业`` -> ``安徽 2025年
    城镇新增就业``, ``蓉城 城镇化率`` -> ``成都 城镇化率``; not a nickname that is a
    division's own name (榕城 stays 榕城: :func:`nicknamed_place`). Cost: two regex scans."""
    nicknames = _nickname_re()
    if not nicknames.search(text) and not _ALONE_ABBREVIATION_RE.search(text):
        return text
    text = nicknames.sub(lambda m: CITY_NICKNAMES[m.group()], text)
    return _ALONE_ABBREVIATION_RE.sub(lambda m: PROVINCE_ABBREVIATIONS[m.group(1)], text)


def _strip(name: str) -> str:
    return re.sub(_SUFFIX_RE.pattern + "$", "", name.strip()) or name.strip()


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once per process."""
    return Gazetteer.load()
