"""The places a query names, read against the documents indexed: the regions the index
knows (with the places above them), the year the newest documents of a place were written
in (今年, 去年 counted from there), and the places an excluded word names.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import place_in_region
from bot.search.query import ParsedQuery
from bot.search.understand import NATIONAL, NATIONAL_WORDS, understand

# A statistical bulletin reports on the year before the one it is published in.
_BULLETIN = "统计公报"


class PlacesAsked:
    """The places asked, for :class:`~bot.search.searcher.Searcher`: a mixin of it, reading
    its index, clock (``self.today``) and what the passages write (``self._writes``)."""

    def _excluded_regions(self, parsed: ParsedQuery) -> tuple[str, ...]:
        """The places the query's excluded words name, each word a place and nothing else
        (-上海, -"四川省"): a place excluded excludes the documents about it, not only the
        passages that write its name (a Shanghai report seldom says 上海 in its lines)."""
        gazetteer = default_gazetteer()
        out: list[str] = []
        for part in parsed.negative:
            region = self._understand(part.text, self.today().year).facets.region
            if region and any(p.short == region for p in gazetteer.lookup(part.text)):
                out.append(region)
            elif region == NATIONAL and part.text.strip() in NATIONAL_WORDS:
                out.append(region)  # -全国: the country's documents go
        return tuple(out)

    def understand(self, text: str):
        """The region, year and document kind ``text`` names (see :mod:`.understand`).
        今年, 去年 and 明年 are said against the year of the library's newest documents
        (today's, unless the whole library stops earlier): a user typing 今年 means this
        year, whatever place is asked. Before, the newest document of the places asked set
        it, and 成都今年 read 2023 from 成都's 2022 bulletin; a place without a document of
        that year is said, with the newest it has (:func:`~bot.library.documents._unmatched`).
        The facets say which year was taken."""
        today = self.today().year
        now = self._library_now
        if now is not None and now < today:
            found = self._understand(text, now)
            if found.facets.year_word:
                facets = replace(found.facets, year_base_places=True)
                found = replace(found, facets=facets)
            return found
        return self._understand(text, today)

    @cached_property
    def _library_now(self) -> int | None:
        """The year the library's newest documents were written in (a bulletin's the year
        after the one it reports on), None for a library without a dated document."""
        return max(
            (d.year + (1 if d.doc_type == _BULLETIN else 0) for d in self.index.docs if d.year),
            default=None,
        )

    def _understand(self, text: str, this_year: int):
        return understand(
            text,
            gazetteer=default_gazetteer(),
            known_regions=self._known_regions,
            this_year=this_year,
            unwritten=self._unwritten,
        )

    def _unwritten(self, word: str) -> bool:
        """Whether no passage writes ``word`` nor a synonym of it (a typed place name read as
        a look-alike's only then)."""
        return not self._writes(word)

    def region_now(self, region: str) -> int | None:
        """The year the newest documents of ``region`` (or of places in it) were written
        in: a report's own year, a bulletin's the year after the one it reports on (the
        place's own 今年, answered from when the library's year has none of it)."""
        memo = self._region_now_memo
        if region not in memo:
            gazetteer = default_gazetteer()
            years = [
                d.year + (1 if d.doc_type == _BULLETIN else 0)
                for d in self.index.docs
                if d.year and place_in_region(region, d.region, d.region_path, gazetteer)
            ]
            memo[region] = max(years, default=None)
        return memo[region]

    @cached_property
    def _region_now_memo(self) -> dict[str, int | None]:
        return {}

    @cached_property
    def _known_regions(self) -> frozenset[str]:
        """The regions the indexed documents are about, with the places above them."""
        out: set[str] = set()
        for d in self.index.docs:
            if d.region:
                out.add(d.region)
            out.update(d.region_path)
        return frozenset(out)
