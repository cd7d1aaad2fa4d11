"""Which key-target records are about the places a user asked for: the places a
region names, and a record's place checked against them (a region alone holding the
places inside it, a region named beside a place inside it or among its peers its own
figures). :class:`~bot.library.targets.TargetsMixin` reads records through these."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.corpus.gazetteer import Gazetteer, nicknamed_place
from bot.corpus.regions import filter_regions, place_in_region, region_key, regions_beside
from bot.digest.filters import record_in_region
from bot.models import DocumentInfo
from bot.targets.record_cache import HeldRecords
from bot.targets.records import TargetRecord

__all__ = [
    "in_any",
    "in_any_compared",
    "in_any_named",
    "its_own",
    "named_places",
    "region_check",
    "same_place",
]


def named_places(region: str | None) -> list[str]:
    """The places ``region`` names: one, or several written apart (``山东 广东``,
    ``山东、广东``: ``/compare GDP 山东 广东`` asks for both, not for a place of that name);
    English and pinyin names as the Chinese ones, a name two places share told apart by
    its province (Jiangsu Suzhou: 苏州) or refused with its candidates
    (:class:`~bot.corpus.regions.AmbiguousPlace`), as every region filter reads them."""
    if not region or not region.strip():
        return []
    if any(c.isascii() and c.isalpha() for c in region):
        return filter_regions(region)
    # 皖, 蓉城 typed as a word of their own: the place (nicknamed_place)
    return [nicknamed_place(w) or w for w in re.split(r"[\s、，,；;]+", region.strip())]


def in_any(
    places: Sequence[str], gazetteer: Gazetteer
) -> Callable[[TargetRecord, DocumentInfo], bool]:
    """Whether a record (of a document) is about one of ``places`` or a place inside one
    (:func:`bot.digest.filters.record_in_region`)."""
    return lambda record, info: any(record_in_region(p, record, info, gazetteer) for p in places)


def in_any_named(
    places: Sequence[str], gazetteer: Gazetteer
) -> Callable[[TargetRecord, DocumentInfo], bool]:
    """:func:`in_any` for places named side by side (``/compare GDP 四川 蓬溪县``): a
    region named beside a place inside it means that region's own figures, not every
    place of its tree (the province and the county asked, not the province's thirteen
    other places); a region named alone keeps the places inside it."""
    beside = regions_beside(places, gazetteer)
    if not beside:
        return in_any(places, gazetteer)

    def about(record: TargetRecord, info: DocumentInfo) -> bool:
        for p in places:
            if not record_in_region(p, record, info, gazetteer):
                continue
            if p not in beside or its_own(p, record, info, gazetteer):
                return True
        return False

    return about


def in_any_compared(
    places: Sequence[str], gazetteer: Gazetteer, docs: Sequence[DocumentInfo]
) -> Callable[[TargetRecord, DocumentInfo], bool]:
    """:func:`in_any_named` for a lookup: several places named side by side, none inside
    another (``/compare GDP 四川 云南 贵州``), are compared as peers, each by its own
    figures, not by its cities' and zones' (a reader comparing provinces asks for the
    provinces), where the library holds a document of that place's own; a place without
    one keeps the places inside it, the only figures there are about it."""
    if len(places) < 2 or regions_beside(places, gazetteer):
        return in_any_named(places, gazetteer)
    owned = {p for p in places if any(same_place(p, info.region, gazetteer) for info in docs)}
    if not owned:
        return in_any(places, gazetteer)

    def about(record: TargetRecord, info: DocumentInfo) -> bool:
        return any(
            record_in_region(p, record, info, gazetteer)
            and (p not in owned or its_own(p, record, info, gazetteer))
            for p in places
        )

    return about


def same_place(place: str, region: str | None, gazetteer: Gazetteer) -> bool:
    return bool(region) and (
        place_in_region(region or "", place, (), gazetteer)
        and place_in_region(place, region or "", (), gazetteer)
    )


def its_own(place: str, record: TargetRecord, info: DocumentInfo, gazetteer: Gazetteer) -> bool:
    """Whether a record inside ``place`` is about ``place`` itself, not a place inside it:
    the record's region (its own, else its document's, as
    :func:`~bot.corpus.regions.figure_in_region` reads it) holds ``place`` too."""
    own = region_key(record.region)
    where = info.region if not own or own == region_key(info.region) else record.region
    return place_in_region(where or "", place, (), gazetteer)


def region_check(
    held: HeldRecords,
    info: DocumentInfo,
    about: Callable[[TargetRecord, DocumentInfo], bool],
) -> Callable[[str], bool]:
    """Whether the records of ``held`` whose region is a given one pass ``about``: asked of
    the first such record, as every record with that region gets the same answer (the
    region checks look at the record's region and its document only)."""
    return lambda region: about(held.records[held.by_region[region][0]], info)
