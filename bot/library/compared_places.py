"""The places a comparison named, against the regions its rows are about: the rows in
the order the places were typed (``/compare GDP 四川 云南``: 四川 first, as a reader who
puts her own province first expects, not the regions sorted by their characters), and
the places no row is about, each with whether the library holds any document about it
(重庆 has none; 四川 has its report, without 固定资产投资). A comparison that dropped a
named place without a word read as "that place has the same figures as none"."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.corpus.gazetteer import Gazetteer, default_gazetteer
from bot.corpus.regions import place_in_region

__all__ = ["ComparedPlaces", "compared_places"]


@dataclass(frozen=True)
class ComparedPlaces:
    """``places`` as typed; ``missing``: those no row is about, each with whether a
    document of the library is about it (else the library holds nothing of it);
    ``unread``: words typed among the places that are no place (``GDP 投资 消费 四川 贵州``:
    投资, 消费, a second and third indicator a comparison of one indicator left out)."""

    places: tuple[str, ...] = ()
    missing: tuple[tuple[str, bool], ...] = ()
    unread: tuple[str, ...] = ()

    def rank(self, region: str, gazetteer: Gazetteer | None = None) -> int:
        """The position of the first place typed that ``region`` is (or is inside): the
        sort key that keeps rows in the typed order; after them a region none holds."""
        gazetteer = gazetteer or default_gazetteer()
        for i, place in enumerate(self.places):
            if place_in_region(place, region, (), gazetteer):
                return i
        return len(self.places)


def compared_places(
    words: Sequence[str],
    regions: Iterable[str],
    has_documents: Callable[[str], bool],
    gazetteer: Gazetteer | None = None,
    is_place: Callable[[str], bool] = lambda _: True,
) -> ComparedPlaces:
    """The places among ``words`` (two or more typed; one place is no comparison and has
    its own "none about" reply) against the ``regions`` the rows are about."""
    places = [w for w in words if is_place(w)]
    unread = tuple(w for w in words if not is_place(w))
    if len(places) < 2:
        return ComparedPlaces(tuple(places), (), unread)
    found = [r for r in regions if r]
    missing = tuple(
        (place, has_documents(place))
        for place in places
        if not any(place_in_region(place, r, (), gazetteer) for r in found)
    )
    return ComparedPlaces(tuple(places), missing, unread)
