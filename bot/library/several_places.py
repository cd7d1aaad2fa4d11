"""Answers across places: a question naming no place answered for each of the few places
whose documents state the same figure (:meth:`~SeveralPlacesMixin._other_places`), and a
comparison's cards, one per region and year it names
(:meth:`~SeveralPlacesMixin._compared`). Split out of :mod:`bot.library.searching`, whose
``SearchMixin`` inherits this mixin.
"""

from __future__ import annotations

from dataclasses import replace

from bot.corpus.gazetteer import NATIONAL
from bot.library.answer_cards import MAX_ANSWERS, card, comparison_cards
from bot.library.answering import facet_word
from bot.library.answers import asked_indicator
from bot.models import DocumentInfo, SearchResponse, Understood
from bot.search.searcher import Searcher
from bot.targets.records import TargetRecord

# the places at most whose figures a question naming none is answered with, each its card
OTHER_PLACES_MAX = 6


class SeveralPlacesMixin:
    """:class:`~bot.library.searching.SearchMixin`'s answers across places."""

    # _answer: AnswersMixin; indicator_table: TargetsMixin; index: the engine's;
    # unmatched_facets, passes_filters: DocumentsMixin

    def _other_places(
        self,
        resp: SearchResponse,
        asked: str,
        understood: Understood,
        indicator: str | None,
        found: tuple[DocumentInfo, TargetRecord],
    ) -> SearchResponse:
        """A question naming no place (今年的就业目标是多少) answered with one place's figure
        while the library holds the same figure, of the same year, for other places
        (two counties' reports): each place's card, the answer's first, and
        ``several_places`` (the reply says so, and how to ask of one). Only for a few
        places (:data:`OTHER_PLACES_MAX`): a library of many is asked across places with
        /compare, and its one card stays."""
        info, record = found
        when = record.year or str(info.year or "")
        places = sorted(self._places_of_the_year(understood.year) - {info.region})
        if not places or len(places) > OTHER_PLACES_MAX:
            return resp
        hits = [h.doc_id for h in resp.hits]
        cards = []
        for place in places:
            other = self._answer(
                asked, replace(understood, region=place), indicator, hits, strict=bool(indicator)
            )
            if other is None or other[0].doc_id == info.doc_id:
                continue
            o_info, o_record = other
            if (o_record.region or o_info.region) != place or (
                (o_record.year or str(o_info.year or "")) != when
            ):
                continue  # a place inside it, or another year: no answer to the same question
            if indicator is None and o_record.indicator != record.indicator:
                continue  # named by the query's words: the same figure only
            cards.append(card(o_info, o_record))
        if not cards:
            return resp
        every = (resp.answer, *cards)
        return replace(
            resp,
            answers=every[:MAX_ANSWERS],
            answers_cut=max(0, len(every) - MAX_ANSWERS),
            several_places=True,
        )

    def _places_of_the_year(self, year: int | None) -> set[str]:
        """The places (not the country) of the documents a question of ``year`` is
        answered from (of that year, or the next's review of it; all when none)."""
        return {
            d.region
            for d in self.index.docs
            if d.region and d.region != NATIONAL and (year is None or d.year in (year, year + 1))
        }

    def _absent_regions(self, understood: Understood) -> tuple[str, ...]:
        """The regions of a query naming several that no document is about."""
        if len(understood.all_regions) < 2:
            return ()
        return tuple(
            r for r in understood.all_regions if "region" in self.unmatched_facets(r, None)
        )

    def _compared(
        self,
        searcher: Searcher,
        resp: SearchResponse,
        asked: str,
        understood: Understood,
        first: tuple[DocumentInfo, TargetRecord] | None,
        *,
        doc: str | None,
        region: str | None,
        year: int | None,
    ) -> SearchResponse:
        """``resp`` with one card per region and year a comparison names (山东 江苏 GDP
        目标; 2024年和2025年), each looked up as if asked alone, and the pairs with none
        said (:func:`~bot.library.answers.comparison_cards`)."""
        table = self.indicator_table
        hits = [h.doc_id for h in resp.hits]
        # the indicator as asked: 全国's national variant (国内生产总值) is its own only
        named = asked_indicator(
            asked, table, searcher.synonyms, facet=lambda w: facet_word(w, understood)
        )

        def look_up(one: Understood) -> tuple[DocumentInfo, TargetRecord] | None:
            indicator = named
            if indicator and one.region == "全国":
                indicator = table.national_variant(indicator) or indicator
            one = replace(one, indicator=indicator)
            found = self._answer(asked, one, indicator, hits)
            if found and not self.passes_filters(found[0], doc=doc, region=region, year=year):
                return None
            return found

        this_year = searcher.today().year

        def result_of(one: Understood) -> tuple[DocumentInfo, TargetRecord] | None:
            # years compared, one of them past and without a target: what was achieved
            # then answers (a bulletin's figure), as the change asked is between results
            if not named or one.year is None or one.year >= this_year:
                return None
            one = replace(one, indicator=named)
            found = self._answer(asked, one, named, hits, strict=True, kind="achievement")
            if found and not self.passes_filters(found[0], doc=doc, region=region, year=year):
                return None
            return found

        years_compared = len(understood.all_years) > 1
        return comparison_cards(
            resp, understood, first, look_up, result_of if years_compared else None
        )
