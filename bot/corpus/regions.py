"""Whether a document or a figure is about a region, with the province ⊃ city ⊃ county tree.

Used by every region filter: ``briefbot search --region``, ``targets``/``compare
--region`` and the digest filter ``region:``. ``山东`` includes 烟台 and 青岛 (and their
counties); ``全国`` means national documents and figures only, not everything.

Pure: the :class:`~bot.corpus.gazetteer.Gazetteer` is passed in (optional: without it a
place is matched by its name and its ``region_path`` only).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.corpus.gazetteer import (
    NATIONAL,
    Gazetteer,
    ambiguous_region,
    candidates_said,
    nicknamed_place,
    province_latin,
    region_word,
    region_words,
)
from bot.errors import CodedError
from bot.text.normalize import normalize

__all__ = [
    "AmbiguousPlace",
    "figure_in_region",
    "filter_regions",
    "place_in_region",
    "region_key",
    "regions_beside",
    "says_where",
]


class AmbiguousPlace(CodedError):
    """A region word whose English or pinyin name two places share, nothing beside it
    telling which (``Suzhou``): code ``place.ambiguous``, params ``name``, ``places``
    (宿州（安徽）、苏州（江苏）) and ``example`` (Anhui Suzhou: how to tell one)."""


def filter_regions(name: str) -> list[str]:
    """The places the region words ``name`` name as a filter reads them
    (:func:`~bot.corpus.gazetteer.region_words`: Sichuan -> 四川, Jiangsu Suzhou -> 苏州),
    or :class:`AmbiguousPlace` naming the candidates when a name two places share is
    told apart by nothing beside it: a filter that silently matched nothing, while the
    search names them, left the user guessing."""
    found = ambiguous_region(name)
    if found is not None:
        typed, candidates = found
        places = candidates_said(candidates)
        example = f"{province_latin(candidates[0][1])} {typed}"
        raise AmbiguousPlace(
            f"{typed} 可指多个地方：{places}。请写中文地名，或在前面加上省份（如 {example}）",
            "place.ambiguous",
            name=typed,
            places=places,
            example=example,
        )
    return region_words(name)


def says_where(name: str, word: str, gazetteer: Gazetteer) -> bool:
    """Whether ``word``, typed after the region words ``name``, only says where that
    place lies (``Suzhou Jiangsu``, ``苏州 江苏``, ``Suzhou 江苏``): it names a place that
    holds every place ``name`` names, or, when ``name`` is a name two places share, the
    province of one of them. A word naming another place (``苏州 上海``) or the same
    one says more."""
    outer = gazetteer.lookup(word)
    if not outer or not name.strip():
        return False
    shared = ambiguous_region(name)
    if shared is not None:
        return any(province == outer[0].short for _, province in shared[1])
    where = outer[0].short
    return all(region_key(p) != where and gazetteer.covers(where, p) for p in region_words(name))


# Zones that span several divisions and are named after the one at their centre
# (成都都市圈, 成都平原经济区, 武汉城市圈, 海口经济圈): not inside that division, though
# its name is inside theirs.
_SPANNING = re.compile(r"(?:都市圈|城市圈|经济圈|经济区|城市群|经济带|一体化示范区)$")


def region_key(region: str | None) -> str:
    """A region name for comparison: normalised, without a final 市/省 (``烟台市`` -> 烟台);
    an English or pinyin name as the Chinese one (``Sichuan`` -> 四川, ``Jiangsu Suzhou``
    -> 苏州: :func:`region_word`)."""
    region = (region or "").strip()
    region = nicknamed_place(region) or region  # 皖, 蓉城 as a whole value: the place
    if any(c.isascii() and c.isalpha() for c in region):
        region = _latin_region(region)
    key = normalize(region)
    return key[:-1] if len(key) > 2 and key[-1] in "市省" else key


def place_in_region(
    wanted: str,
    region: str | None,
    region_path: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
) -> bool:
    """Whether a place (``region`` with its ``region_path``, province first) is ``wanted``
    or inside it.

    ``wanted`` ``全国`` matches only the region ``全国``. Otherwise the place matches when
    its name equals, contains or is contained in ``wanted`` (ignoring a final 市/省:
    ``西海岸`` finds 西海岸新区), when ``wanted`` is on ``region_path``, or when
    ``gazetteer`` says ``wanted`` covers it (``山东`` covers ``烟台``). A zone spanning
    several divisions is not inside the one it is named after (成都都市圈 is not in 成都).
    """
    want = region_key(wanted)
    have = region_key(region)
    if not want or not have:
        return False
    if want == NATIONAL or have == NATIONAL:
        return want == have
    if have in want or (want in have and not _spans_beyond(wanted, want, have, gazetteer)):
        return True
    if any(region_key(p) == want for p in region_path):
        return True
    return gazetteer is not None and gazetteer.covers(wanted.strip(), (region or "").strip())


def _spans_beyond(wanted: str, want: str, have: str, gazetteer: Gazetteer | None) -> bool:
    """Whether ``have`` (a name containing ``want``) is a zone spanning several divisions
    named after ``wanted``, a division of the gazetteer: 成都平原经济区 is not in 成都.
    A fragment of the zone's own name (成都平原) still finds it."""
    return (
        gazetteer is not None
        and bool(_SPANNING.search(have))
        and not _SPANNING.search(want)
        and bool(gazetteer.lookup(wanted.strip()))
    )


def figure_in_region(
    wanted: str,
    figure_region: str | None,
    doc_region: str | None,
    doc_path: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
) -> bool:
    """Whether a figure (its own region, from a document with ``doc_region`` and
    ``doc_path``) is about ``wanted`` or a place inside it.

    A figure is about its own region when that differs from the document's (a figure
    about 武汉 in a 湖北 report is inside 湖北, and inside 武汉), otherwise about the
    document's region. A figure region the gazetteer does not know (西海岸新区, a
    development zone) counts as a part of the document's region. National figures
    (``全国``) only match ``全国``.
    """
    own = region_key(figure_region)
    if not own or own == region_key(doc_region):
        if doc_region:
            return place_in_region(wanted, doc_region, doc_path, gazetteer)
        return bool(own) and place_in_region(wanted, figure_region, (), gazetteer)
    if own == NATIONAL or region_key(wanted) == NATIONAL:
        return own == region_key(wanted)
    if place_in_region(wanted, figure_region, (), gazetteer):
        return True
    if gazetteer is not None and gazetteer.lookup(figure_region or ""):
        return False  # a known division: its own place in the tree decides
    return bool(doc_region) and place_in_region(wanted, doc_region, doc_path, gazetteer)


@lru_cache(maxsize=1024)
def _latin_region(region: str) -> str:
    # cached: a filter asks it of every record it reads
    return region_word(region)


def regions_beside(places: Sequence[str], gazetteer: Gazetteer | None = None) -> dict[str, str]:
    """The regions among ``places`` named beside a place inside them, each with the first
    such place (``四川, 蓬溪县`` -> ``{"四川": "蓬溪县"}``): named so, a region means its own
    figures and that place's, not every place of its tree (a county official subscribing
    to his county and his province does not ask for the province's other cities). A
    region named alone, or beside places outside it, keeps the places inside it."""
    out: dict[str, str] = {}
    for p in places:
        for q in places:
            if (
                q != p
                and place_in_region(p, q, (), gazetteer)
                and not place_in_region(q, p, (), gazetteer)
            ):
                out[p] = q
                break
    return out
