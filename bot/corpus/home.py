"""A chat's own place (``/region 苍溪县``), found in the gazetteer.

Officials write and ask in the words of their own office: 我县, 本市, 全省, 本地. The
place those words mean is set once per chat; this module turns the name typed into the
:class:`~bot.models.HomeRegion` stored, or says why it cannot (no such place, or a name
several places share, with the candidates).

Pure: the :class:`~bot.corpus.gazetteer.Gazetteer` is passed in.
"""

from __future__ import annotations

import re

from bot.corpus.gazetteer import (
    Gazetteer,
    Place,
    candidates_said,
    chinese_place,
    nicknamed_place,
)
from bot.errors import CodedError
from bot.models import HomeRegion
from bot.text.normalize import normalize

__all__ = ["HomePlaceError", "home_by_code", "home_of", "resolve_home"]

# Between the words of a place typed with what holds it: 四川 苍溪, 广元市·苍溪县.
_SPLIT_RE = re.compile(r"[\s,，、；;·/]+")
_MAX_CANDIDATES = 6


class HomePlaceError(CodedError):
    """A place name that names no place (code ``home.unknown``, param ``name``) or several
    (code ``home.ambiguous``, params ``name`` and ``places``: 朝阳区（北京）、朝阳县（辽宁）)."""


def home_of(place: Place, gazetteer: Gazetteer) -> HomeRegion:
    """The :class:`HomeRegion` of ``place``: it and the divisions that hold it."""
    chain = [*gazetteer.ancestors(place), place]
    by_level = {p.level: p.short for p in chain}
    province = by_level.get("provincial")
    city = by_level.get("city")
    top = chain[0]
    if city is None and top.level == "provincial" and top.name.endswith("市"):
        city = top.short  # 北京市 and its districts: a municipality is its own city
    return HomeRegion(
        code=place.code,
        name=place.name,
        county=by_level.get("county"),
        city=city,
        province=province,
    )


def home_by_code(code: str, gazetteer: Gazetteer) -> HomeRegion | None:
    """The :class:`HomeRegion` of the place of gazetteer ``code`` (as stored), or ``None``
    when the gazetteer has no such place any more."""
    place = gazetteer.by_code.get(code)
    return home_of(place, gazetteer) if place is not None else None


def resolve_home(name: str, gazetteer: Gazetteer) -> HomeRegion:
    """The place ``name`` names, typed alone (苍溪县, 苍溪, Cangxi) or after what holds it
    (四川 苍溪, 广元市苍溪县, 吉林 朝阳): the last word is the place, the words before tell
    apart places of one name. :class:`HomePlaceError` when none fits or several do."""
    words = [w for w in _SPLIT_RE.split(normalize(name).strip()) if w]
    if not words:
        raise HomePlaceError("没有给出地名", "home.unknown", name=name.strip())
    *outer, last = words
    found = _places(last, gazetteer)
    if not found and not outer:
        found, outer = _glued(last, gazetteer)
    for word in outer:
        holders = {p.code for p in _places(word, gazetteer)}
        narrowed = [p for p in found if any(a.code in holders for a in gazetteer.ancestors(p))]
        if narrowed:
            found = narrowed
    if not found:
        raise HomePlaceError(f"找不到地方“{name.strip()}”", "home.unknown", name=name.strip())
    if len(found) > 1:
        places = candidates_said((p.name, gazetteer.held_by(p)) for p in found[:_MAX_CANDIDATES])
        raise HomePlaceError(
            f"{last} 可指多个地方：{places}", "home.ambiguous", name=last, places=places
        )
    return home_of(found[0], gazetteer)


def _places(word: str, gazetteer: Gazetteer) -> list[Place]:
    """The places ``word`` names; a county-level place before one of another level of the
    same name only when written with its suffix (苍溪县), else every one."""
    # Cangxi in pinyin; 蓉城, 皖 as every region path reads them
    word = (chinese_place(word) if word.isascii() else nicknamed_place(word)) or word
    found = gazetteer.lookup(word)
    exact = [p for p in found if word in (p.name, p.short) or p.name.endswith(word)]
    full = [p for p in exact if p.name == word]
    return full or exact or found


def _glued(text: str, gazetteer: Gazetteer) -> tuple[list[Place], list[str]]:
    """A place typed after what holds it with nothing between (广元市苍溪县, 四川苍溪):
    the last place the text mentions, and the text before it as the words that hold it."""
    mentions = list(gazetteer.mentions(text))
    if len(mentions) < 2:
        return [], []
    last = mentions[-1]
    tail = text[last.start :]
    return _places(tail, gazetteer), [m.place.name for m in mentions[:-1]]
