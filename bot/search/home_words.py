"""我县, 本市, 全省, 本地: the words that mean the asker's own place, read as that place.

An official asks ``我县 粮食产量`` meaning her county. With the chat's place set
(:class:`~bot.models.HomeRegion`) the word is replaced by the place's name, so the
region understanding (:mod:`.understand`) ranks that place's documents first; county
words mean the county, city words the city that holds it, province words the province.
Without a place the word is taken out of the search (it is no term to find, and a typo
reading of it, 我省 or 我们, misleads) and the caller says how to set one. 全省, 全市 and
全县 are the exception in a search: they open phrases the documents write (全省生产总值,
全市上下, 全省经济工作会议), so they stay as typed, after the place when one is set.

Pure: no storage, no gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.models import HomeRegion

# Which level each word names: county (县, 旗; 区 for a district), city (市, 州, 盟),
# province (省, and 区 when the province is an autonomous region), or the narrowest
# place set (本地, 当地, 我们这里).
# 我 and 咱 open a home word anywhere (请问我县…); 本 and 全 not after the characters that
# make them the end of another word (成本, 资本, 日本, 版本; 安全, 健全, 完全).
_NOT_BEN = "日根成资样版基文原剧账课脚读标范副正书"
# (and 居全省, 占全市, 高于全省: the yardstick of a rank or share, below)
_NOT_QUAN = "安健完齐周保十居占于比列超达"
_PREFIX = rf"(?:(?<!自)[我咱]|(?<![{_NOT_BEN}])本|(?<![{_NOT_QUAN}])全)"
# 全省 / 全市 as the yardstick of a rank or a share (全省排名第几, 居全市前列, 占全省比重,
# 高于全省平均) is a phrase the documents write, not the place asked about: left as typed.
_YARDSTICK_AFTER = r"(?!排|第|前|平均|首|位|领先|同类|比重|总量|之最|范围)"
# 本地 and 当地 open many words of their own (本地配套率, 本地企业, 当地政府): only a word
# standing alone (本地 猕猴桃, 本地的就业, 当地。) names the place.
_ALONE = r"(?=\s|的|$|[，。？?！!、,;；:：])"
_HOME_RE = re.compile(
    rf"(?:"
    rf"(?P<county>{_PREFIX}(?:县|旗)(?!城|级|委|长|政府){_YARDSTICK_AFTER})"
    rf"|(?P<city>{_PREFIX}(?:市|州|盟)(?!场|值|民|政|委|长|面|容|区|县|级|政府){_YARDSTICK_AFTER})"
    rf"|(?P<province>{_PREFIX}省(?!份|委|长|政府|级|会|钱|略|心|事|力){_YARDSTICK_AFTER})"
    rf"|(?P<district>{_PREFIX}区(?!域|间|块|位|别|分|委|长|政府|级|县){_YARDSTICK_AFTER})"
    rf"|(?P<local>(?:本地区|本地|当地){_ALONE}|我们这里|我们这儿|我们当地)"
    rf")"
)


@dataclass(frozen=True, slots=True)
class HomeReading:
    """``text``: the query with its home words read; ``said``: the words found, in order;
    ``unset``: some were found and no place is set, so they were left out."""

    text: str
    said: tuple[str, ...] = ()
    unset: bool = False


def home_words(query: str) -> list[tuple[int, int, str]]:
    """Where ``query`` says its asker's own place: (start, end, level), the level one of
    ``county``, ``city``, ``province``, ``district`` or ``local``."""
    out: list[tuple[int, int, str]] = []
    for m in _HOME_RE.finditer(query):
        level = m.lastgroup or "local"
        out.append((m.start(), m.end(), level))
    return out


def place_for(level: str, home: HomeRegion) -> str | None:
    """The name a home word of ``level`` means for ``home``, or ``None`` when ``home``
    has no place of that level (我县 for a chat set to a province)."""
    if level == "county":
        return home.county and _named(home, home.county)
    if level == "city":
        # 我市 in a county-level city (昆山市) is that city; 本州 of a county is its
        # prefecture
        if home.county and home.name.endswith("市"):
            return home.name
        return home.city and _named(home, home.city)
    if level == "province":
        return home.province
    if level == "district":
        # 我区: a district (海拉尔区), else the autonomous region (广西) the place is in
        if home.county and home.name.endswith("区"):
            return home.name
        return home.province if home.province and _autonomous(home.province) else None
    return home.name  # 本地, 当地: the place set, as narrow as it is


def read_home(
    query: str,
    home: HomeRegion | None,
    *,
    names_place: Callable[[str], bool] | None = None,
    as_filter: bool = False,
) -> HomeReading:
    """``query`` with its home words read for ``home`` (the chat's place, or ``None``).

    A word of a level the place has (我县 for 苍溪县) becomes that place's name; one of a
    level it lacks, or any word without a place, is left out of the text, and without a
    place ``unset`` says so. A query that is nothing but home words keeps them (there
    would be nothing to search). When the rest of the query names a place of its own
    (``names_place`` of the text without the home words: 洛阳 全市生产总值, 杨浦 占全市比重)
    the words are that place's, and the query is left as typed. ``as_filter`` writes
    the place as a digest filter's key (``region:苍溪县``): a bare place word there is a
    keyword."""
    found = home_words(query)
    if not found:
        return HomeReading(query)
    if names_place is not None and names_place(_without(query, found)):
        return HomeReading(query)
    parts: list[str] = []
    said: list[str] = []
    left_out = False
    at = 0
    for start, end, level in found:
        parts.append(query[at:start])
        word = query[start:end]
        said.append(word)
        name = place_for(level, home) if home is not None else None
        if word.startswith("全") and not as_filter:
            # 全省, 全市, 全县 open the documents' own phrases (全省生产总值, 全市上下,
            # 全省经济工作会议): a search keeps the word, and the place set goes before it
            parts.append(f" {name} {word}" if name else word)
        else:
            if name and as_filter:
                name = f"region:{name}"
            parts.append(f" {name} " if name else " ")
            left_out = left_out or name is None
        at = end
    parts.append(query[at:])
    text = re.sub(r"[ \t]{2,}", " ", "".join(parts)).strip()
    if not re.search(r"[\w\u3400-\u9fff]", text):
        text = query
    return HomeReading(text, tuple(said), unset=home is None and left_out)


def _without(query: str, found: list[tuple[int, int, str]]) -> str:
    """``query`` with the home words ``found`` blanked."""
    out, at = [], 0
    for start, end, _level in found:
        out.append(query[at:start])
        out.append(" ")
        at = end
    out.append(query[at:])
    return "".join(out)


def _named(home: HomeRegion, short: str) -> str:
    """The full name of ``short`` when it is the place set (苍溪县: the suffix makes it a
    place to the understanding, known or not), else the short name."""
    return home.name if home.name.startswith(short) and home.code else short


_AUTONOMOUS = frozenset({"内蒙古", "广西", "西藏", "宁夏", "新疆"})


def _autonomous(province: str) -> bool:
    return province in _AUTONOMOUS
