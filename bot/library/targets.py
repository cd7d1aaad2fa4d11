"""Key targets of the library: records by document, indicator, kind and region.

What a look-up returns is :mod:`bot.library.target_lookups`' (importable from here), which
records are about the places asked :mod:`bot.library.target_places`'."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Literal

from rapidfuzz import process

from bot.analytics.linking import in_year
from bot.corpus.gazetteer import (
    NATIONAL,
    PLACES_LIKE_SHOWN,
    ambiguous_region,
    default_gazetteer,
    nicknamed_place,
    places_sounding_like,
    region_word,
)
from bot.corpus.regions import (
    AmbiguousPlace,
    filter_regions,
    region_key,
)
from bot.digest.filters import DigestFilter, FilterMatcher, parse_filter
from bot.library.compared_places import ComparedPlaces, compared_places
from bot.library.target_lookups import DocTarget, IndicatorLookup, TargetLookup, of_kinds
from bot.library.target_places import (
    in_any_compared,
    in_any_named,
    its_own,
    named_places,
    region_check,
)
from bot.models import (
    DocumentInfo,
)
from bot.search.index import CompiledIndex
from bot.search.pinyin_words import may_hold_pinyin
from bot.targets.conditions import ValueCondition
from bot.targets.indicators import IndicatorTable
from bot.targets.records import KINDS, TargetRecord
from bot.targets.store import TargetStore
from bot.text.english import with_chinese_terms
from bot.text.normalize import normalize
from bot.text.pinyin import first_syllables


def _asked_once(check: Callable[[str], bool]) -> Callable[[str], bool]:
    """``check`` asked once per distinct name within one look-up."""
    answers: dict[str, bool] = {}

    def once(name: str) -> bool:
        answer = answers.get(name)
        if answer is None:
            answer = answers[name] = check(name)
        return answer

    return once


def _passes(condition: ValueCondition, record: TargetRecord) -> bool:
    return condition.passes(record.value, record.value_max, record.unit)


# the country as people name it beside 全国 (the records' name of national figures)
_COUNTRY = frozenset({"中国", "全中国", "中华人民共和国"})
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
# What a place's full name ends with beyond its short name (蓬溪县, 射洪市, 安居区).
_PLACE_SUFFIX = re.compile(r"(?:自治县|自治旗|省|市|县|区|旗)$")


class TargetsMixin:
    """:class:`~bot.library.Engine`'s key targets, read from the target store."""

    index: CompiledIndex
    target_store: TargetStore
    # find_document: DocumentsMixin

    # -- key targets ---------------------------------------------------------------------------
    def targets(
        self,
        *,
        doc: str | None = None,
        kind: str | None = None,
        indicator: str | None = None,
        region: str | None = None,
    ) -> list[DocTarget]:
        """Extracted target records in corpus order, optionally filtered (every
        confidence; :meth:`lookup_targets` leaves out the unsure ones).

        ``kind`` is target/achievement/estimate (None or "all": every kind);
        ``indicator`` a name the table knows (canonical, alias or family name) matches
        every indicator of its family (``GDP``: 地区生产总值 and 国内生产总值), any
        other name the records whose indicator contains it; ``region`` the records about
        that region or a place inside it (``山东`` includes 烟台; ``全国`` is national
        figures only), see :func:`bot.digest.filters.record_in_region`.
        """
        return list(self.iter_targets(doc=doc, kind=kind, indicator=indicator, region=region))

    def lookup_targets(
        self,
        *,
        doc: str | None = None,
        kind: str | None = None,
        indicator: str | None = None,
        region: str | None = None,
        year: int | None = None,
        show_all: bool = False,
        condition: ValueCondition | None = None,
    ) -> TargetLookup:
        """:meth:`targets` as shown to a user: confident records only unless ``show_all``,
        with the count of those left out (a figure a document states twice is one record
        already: :mod:`bot.targets.dedupe`); with ``year``, the records of that year only,
        as ``/compare`` and ``/scorecard`` read one (a plan period ending then counts:
        :func:`bot.analytics.linking.in_year`); with ``condition`` (``>5%``), those whose
        figure passes it."""
        rows = self.targets(doc=doc, kind=kind, indicator=indicator, region=region)
        if year is not None:
            rows = [r for r in rows if in_year(r.record.year, year)]
        if condition is not None:
            rows = [r for r in rows if _passes(condition, r.record)]
        shown = rows if show_all else [r for r in rows if r.record.confident]
        table = self.indicator_table
        known = table.known_name(indicator) if indicator else None
        family = tuple(table.family_members(known)) if known else ()
        return TargetLookup(shown, len(rows) - len(shown), family)

    def lookup_condition(
        self,
        text: str,
        condition: ValueCondition | None,
        *,
        doc: str | None = None,
        kind: str | None = None,
        region: str | None = None,
        year: int | None = None,
        show_all: bool = False,
    ) -> IndicatorLookup:
        """:meth:`lookup_indicator` with a value condition (``/targets GDP >5``): the
        indicator and place read as without it (a condition leaving nothing is not "no
        such indicator"), then its records that pass, ``failed`` counting the others."""
        looked = self.lookup_indicator(
            text, doc=doc, kind=kind, region=region, year=year, show_all=show_all
        )
        if condition is None or not looked.found.any:
            return looked
        found = self.lookup_targets(
            doc=doc,
            kind=kind,
            indicator=looked.indicator,
            region=looked.region,
            year=year,
            show_all=show_all,
            condition=condition,
        )
        failed = len(looked.found.rows) + looked.found.hidden - len(found.rows) - found.hidden
        return replace(looked, found=found, failed=failed)

    def compared(self, region: str | None, rows: Iterable[DocTarget]) -> ComparedPlaces:
        """The places ``region`` names (``成都 重庆 深圳``) against the regions of ``rows``
        (a record's own, else its document's): their typed order, and those no row is
        about, each with whether a document of the library is about it."""
        docs = {d.doc_id: d for d in self.index.docs}
        regions = {
            r.record.region or (docs[r.doc_id].region if r.doc_id in docs else None) or ""
            for r in rows
        }
        return compared_places(
            named_places(region),
            regions,
            lambda place: bool(self.documents_in(region=place)),  # type: ignore[attr-defined]
            default_gazetteer(),
            self.is_place,
        )

    def is_place(self, word: str) -> bool:
        """Whether ``word`` is read as a place (:meth:`region_named`), a name two places
        share included: 投资, 消费 typed among the places of a comparison are not."""
        try:
            return self.region_named(word) is not None
        except AmbiguousPlace:
            return True

    def region_named(self, text: str) -> str | None:
        """``text`` as the regions ``/targets`` is asked about (``四川``, ``全国``,
        ``四川 贵州``), or None when it is an indicator, a document or anything else.

        Every word must be a place: 全国, a province or city the gazetteer knows (by its
        short or full name), a place a document of the library is about, or a county's
        full name (``海拉尔区``), in Chinese or by its English or pinyin name (Sichuan).
        A county's short name alone (长安, 和平, also words) counts
        only when a document is about it, and a name the indicator table knows is an
        indicator. Without this, ``/targets 四川`` listed the one indicator whose name
        contains 四川 (四川天府新区成都直管区投资) and ``/targets 全国`` the 全国排名 records."""
        # a name two places share (Suzhou), alone or among places: said with its
        # candidates (AmbiguousPlace), as a region filter says it; beside a word that is no
        # place (GDP Suzhou) it is the indicator lookup's region, refused there
        shared = ambiguous_region(text)
        if shared is not None:
            rest = text.replace(shared[0], " ").strip()
            if not rest or self.region_named(rest) is not None:
                filter_regions(text)  # raises AmbiguousPlace
            return None
        # Sichuan, Inner Mongolia, gansu province: the place's Chinese name, one word;
        # Jiangsu Suzhou: 苏州, the province only told which
        if any(c.isascii() and c.isalpha() for c in text):
            text = region_word(text)
        places = named_places(text)
        if not places or self.indicator_table.known_name(text.strip()) is not None:
            return None
        about = {
            region_key(name)
            for info in self.index.docs
            for name in (info.region, *info.region_path)
            if name
        }
        gazetteer = default_gazetteer()

        def is_place(word: str) -> bool:
            key = region_key(word)
            if key == NATIONAL or key in about:
                return True
            return any(
                place.level != "county" or normalize(word) == normalize(place.name)
                for place in gazetteer.lookup(word)
            )

        if not all(is_place(w) or region_key(w) in _COUNTRY for w in places):
            return None
        # 中国 is how people name the national figures, which the records call 全国
        return " ".join(NATIONAL if region_key(w) in _COUNTRY else w for w in places)

    def documents_of_region(self, text: str) -> list[DocumentInfo]:
        """The documents about the region ``text`` names (:meth:`region_named`) or a place
        inside it, for ``/doc 四川``: a region is no document, its documents are the answer.
        A name two places share (``/doc Suzhou``) raises
        :class:`~bot.corpus.regions.AmbiguousPlace` with its candidates, as every other
        command reading a region does (it answered "no document", which told the reader
        nothing about 苏州 or 宿州)."""
        region = self.region_named(text)
        if region is None:
            return []
        return self.documents_in(region=region)  # type: ignore[attr-defined]

    def lookup_region(
        self,
        region: str,
        *,
        year: int | None = None,
        show_all: bool = False,
        condition: ValueCondition | None = None,
        kinds: Sequence[str] | None = None,
    ) -> TargetLookup:
        """The key targets of ``region`` (:meth:`region_named`) and the places inside it,
        as ``/targets`` lists every document's; a region none of whose records is a target
        (a statistics bulletin's results only) gets its records of every kind. With
        ``kinds`` (``kind:实绩``), its records of those kinds."""
        if kinds is not None:
            found = self.lookup_targets(
                region=region, year=year, show_all=True, condition=condition
            )
            found = of_kinds(found, kinds, show_all)
            return replace(found, rows=self._own_first(found.rows, region))
        found = self.lookup_targets(kind="target", region=region, year=year, show_all=show_all)
        kind: str | None = "target" if found.any else None
        if condition is not None or not found.any:
            found = self.lookup_targets(
                kind=kind, region=region, year=year, show_all=show_all, condition=condition
            )
        return replace(found, rows=self._own_first(found.rows, region))

    def _own_first(self, rows: list[DocTarget], region: str) -> list[DocTarget]:
        """``rows`` with the records about ``region`` itself first (its targets before its
        other figures), the places inside it after, each in corpus order: ``/targets 广东``
        opens with the province's own targets, not a city's news article that the corpus
        happens to list first; ``/targets 四川 GDP`` with the province's target, not after
        twelve results of its cities."""
        places = named_places(region)
        if len(places) != 1:
            return rows
        gazetteer = default_gazetteer()
        docs = {d.doc_id: d for d in self.index.docs}
        own = [
            r
            for r in rows
            if r.doc_id in docs and its_own(places[0], r.record, docs[r.doc_id], gazetteer)
        ]
        if not own:
            return rows
        # of its own, the targets first: a bulletin listed before the work report does not
        # put last year's results above this year's target
        own.sort(key=lambda r: r.record.kind != "target")
        kept = {id(r) for r in own}
        return own + [r for r in rows if id(r) not in kept]

    def lookup_indicator(
        self,
        text: str,
        *,
        doc: str | None = None,
        kind: str | None = None,
        region: str | None = None,
        year: int | None = None,
        show_all: bool = False,
    ) -> IndicatorLookup:
        """:meth:`lookup_targets` of the indicator ``text`` names, as a user types it.

        When ``text`` names no indicator with records (sure or not) and no ``region`` is
        given, a region after its first word narrows that word (``GDP 山东``, the way
        ``/chart`` and ``/scorecard`` take a region), if the word has records anywhere, and
        a region first narrows the words after it (``山东 GDP``);
        else ``text`` stays one name. When a region or kind leaves nothing, ``elsewhere``
        holds the indicator's records without them. English topic and indicator words
        are read as their Chinese terms (``grain output Ningxia`` -> 粮食产量 Ningxia).
        """
        text = self.as_chinese(text.strip())

        def look(name: str, where: str | None, of_kind: str | None) -> TargetLookup:
            found = self.lookup_targets(
                doc=doc,
                kind=of_kind,
                indicator=name,
                region=where,
                year=year,
                show_all=show_all,
            )
            if where is None:
                return found
            # 四川 GDP: the province's own figures first, its places' after (as /targets 四川)
            return replace(found, rows=self._own_first(found.rows, where))

        found = look(text, region, kind)
        if found.any:
            return IndicatorLookup(found, text, region)
        first, _, rest = text.partition(" ")
        rest = rest.strip()
        places, named = self._places_first(text)
        if region is None and named and places:
            # the places first, as people say it (四川 GDP, 四川 云南 GDP, 贵州 就业): the
            # rest is the indicator; before, the place was looked up as an indicator's
            # name, and of several places the second was read as the indicator's
            about = look(named, places, kind)
            if about.any:
                return IndicatorLookup(about, named, places)
            anywhere = look(named, None, None)
            if anywhere.any:
                return IndicatorLookup(about, named, places, anywhere)
        if region is None and rest:
            about = look(first, rest, kind)
            if about.any:
                return IndicatorLookup(about, first, rest)
            anywhere = look(first, None, None)
            if anywhere.any:
                return IndicatorLookup(about, first, rest, anywhere)
        if region is not None or (kind and kind != "all"):
            return IndicatorLookup(found, text, region, look(text, None, None))
        return IndicatorLookup(found, text)

    def _places_first(self, text: str) -> tuple[str, str]:
        """The places ``text`` opens with, written apart (``四川 云南``), and the words
        after them; ``("", "")`` when its first word is no place or nothing follows."""
        words = text.split()
        k = 0
        while k < len(words) - 1:
            try:
                if self.region_named(words[k]) is None:
                    break
            except AmbiguousPlace:
                if k == 0:
                    raise  # Suzhou GDP: said, as before
                break  # 四川 Suzhou GDP: the first place's, as before
            k += 1
        if k == 0:
            return "", ""
        return " ".join(words[:k]), " ".join(words[k:])

    def as_chinese(self, text: str) -> str:
        """What a user typed, its English and pinyin words read as Chinese terms as the
        search reads them (``grain output`` -> 粮食产量, ``jingji`` -> 经济): the one
        reader (:meth:`~bot.search.searcher.Searcher.as_chinese`), whose pinyin is the
        index's frequent terms."""
        if not may_hold_pinyin(text):
            # no word long enough to be pinyin: the glossary alone, as the searcher would
            # read it, without making a searcher (a second at the command line) for it
            return with_chinese_terms(text)
        return self.searcher.as_chinese(text)  # type: ignore[attr-defined]  # Engine

    def indicator_matcher(self, indicator: str):
        """``name -> bool``: whether an extracted indicator name answers ``indicator``
        (same family for a name the table knows, else containment)."""
        table = self.indicator_table
        known = table.known_name(indicator)
        if known is not None:
            family = table.family(known)
            return lambda name: table.family(name) == family
        # unemployment -> 失业率, in 城镇调查失业率 and 城镇登记失业率 alike; jiuye -> 就业
        wanted = normalize(self.as_chinese(indicator.strip()))
        return lambda name: bool(wanted) and wanted in normalize(name)

    def iter_targets(
        self,
        *,
        doc: str | None = None,
        kind: str | None = None,
        indicator: str | None = None,
        docs: Iterable[DocumentInfo] | None = None,
        region: str | None = None,
    ) -> Iterator[DocTarget]:
        """Like :meth:`targets`, read document by document (memory bounded by the
        matches, not the corpus); ``docs`` limits the documents read."""
        chosen = [self.find_document(doc)] if doc else list(docs or self.index.docs)
        wanted = _asked_once(self.indicator_matcher(indicator)) if indicator else None
        places = named_places(region)
        about = in_any_compared(places, default_gazetteer(), chosen) if places else None
        for info in chosen:
            held = self.target_store.load_held(info.doc_id)
            in_region = region_check(held, info, about) if about else None
            for record in held.select(wanted, in_region):
                if kind and kind != "all" and record.kind != kind:
                    continue
                yield DocTarget(info.doc_id, record)

    def filter_targets(self, filter: DigestFilter | str) -> TargetLookup:
        """The records a digest filter (:mod:`bot.digest.filters` syntax: keywords,
        ``+``/``!`` words, ``indicator:``, ``region:``, ``doc:``, ``kind:``,
        ``confidence:all``) lets through, in corpus order, without a digest's grouping
        or cap: confident records only unless the filter says ``confidence:all``, with
        the count left out. Raises :class:`~bot.digest.FilterError` on a bad filter.
        """
        flt = parse_filter(filter) if isinstance(filter, str) else filter
        rows = list(self._passing(flt))
        shown = rows if flt.show_all else [r for r in rows if r.record.confident]
        return TargetLookup(shown, len(rows) - len(shown))

    def filter_matches_any(self, filter: DigestFilter | str) -> bool:
        """Whether any record, confident or not, passes the filter: ``filter_targets(…)
        .any``, read only up to the first that passes (``/subscribe``'s check of a filter
        that matches nothing: a whole library's records are seconds at 100 MB, the first
        match of a usual filter is in the first document read)."""
        flt = parse_filter(filter) if isinstance(filter, str) else filter
        return next(self._passing(flt), None) is not None

    def filter_unmatched(
        self, filter: DigestFilter | str
    ) -> Literal["kinds", "value", "nothing"] | None:
        """Why no record, confident or not, passes the filter: ``kinds`` when records of
        kinds it leaves out would (region:成都 of a statistical bulletin: achievements
        only, and digests list targets unless asked), ``value`` when records of its kinds
        would but for its value condition (``GDP value:>9``: GDP targets, none above 9),
        ``nothing`` when none would (region:火星, a misspelt keyword, a removed document
        named by doc:); None when one passes. One pass, read up to the first record of
        the filter's kinds, as :meth:`filter_matches_any`; a second, without the
        condition, only when a condition leaves nothing."""
        flt = parse_filter(filter) if isinstance(filter, str) else filter
        wanted, other = set(flt.kinds), False
        for found in self._passing(replace(flt, kinds=KINDS)):
            if found.record.kind in wanted:
                return None
            other = True
        if flt.value is not None and any(
            found.record.kind in wanted for found in self._passing(replace(flt, value=None))
        ):
            return "value"
        return "kinds" if other else "nothing"

    def _passing(self, flt: DigestFilter) -> Iterator[DocTarget]:
        """The records ``flt`` lets through, confident or not, in corpus order, read
        document by document as they are asked for; a document's records about none of
        the filter's regions are passed over by its index (:class:`HeldRecords`). A
        region named beside a place inside it (``region:蓬溪县 region:四川``) gives its own
        records and that place's, as ``/compare`` and ``/targets`` read the two
        (:func:`in_any_named`): the province's other cities were no part of it."""
        table = self.indicator_table
        synonyms = self.searcher.synonyms  # type: ignore[attr-defined]  # Engine
        gazetteer = default_gazetteer()
        about = in_any_named(flt.regions, gazetteer)
        passes = FilterMatcher(
            flt, synonyms, table=table, gazetteer=gazetteer, reader=self.as_chinese
        )
        for info in self.index.docs:
            held = self.target_store.load_held(info.doc_id)
            # the regions first, once per region of the document's records (the same
            # question the matcher asks of each record, asked again of those left)
            in_region = region_check(held, info, about) if flt.regions else None
            for record in held.select(None, in_region):
                if passes(record, info):
                    yield DocTarget(info.doc_id, record)

    @property
    def indicator_table(self) -> IndicatorTable:
        return self.target_store.table

    def places_like(self, text: str) -> list[tuple[str, str]]:
        """The places a misspelt pinyin name in ``text`` may be (``Guangzou`` -> 广州,
        Guangzhou: :func:`~bot.corpus.gazetteer.places_sounding_like`), for a command
        that found nothing to say; else the places of the library a Chinese name no place
        carries sounds the same as (蓬西县 -> 蓬溪, typed by the sound on a pinyin
        keyboard: the same syllables, another character)."""
        found = places_sounding_like(text)
        if found:
            return found
        gazetteer = default_gazetteer()
        shorts = sorted({info.region for info in self.index.docs if info.region})
        for word in _HAN_WORD.findall(text):
            stem = _PLACE_SUFFIX.sub("", word) if len(word) > 2 else word
            if len(stem) < 2 or gazetteer.lookup(word) or gazetteer.lookup(stem):
                continue  # a place (in the library or not), said by place_absent
            sound = first_syllables(stem)
            for short in shorts:
                if short != stem and len(short) == len(stem) and first_syllables(short) == sound:
                    found.append((short, "".join(sound).capitalize()))
        return found[:PLACES_LIKE_SHOWN]

    def place_absent(self, text: str) -> str | None:
        """The place ``text`` names wholly (射洪县, 射洪市, 射洪) when the gazetteer knows it
        and no document of the library is about it or a place inside it, as its full name;
        else None. A command that found nothing says so, not that the indicator table has
        no such name (it suggested indicators holding 县)."""
        # 皖 is 安徽, 蓉城 成都, as /targets reads them
        word = nicknamed_place(text.strip()) or text.strip()
        if not _HAN_WORD.fullmatch(word):
            return None
        gazetteer = default_gazetteer()
        places = gazetteer.lookup(word) or gazetteer.lookup(_PLACE_SUFFIX.sub("", word))
        if len(places) != 1 or self.indicator_table.known_name(word) is not None:
            return None  # none, or a name several places carry (AmbiguousPlace says it)
        place = places[0]
        keys = {region_key(place.name), region_key(place.short)}
        for info in self.index.docs:
            if keys & {region_key(n) for n in (info.region, *info.region_path) if n}:
                return None
        return place.name

    def similar_indicators(self, text: str, *, limit: int = 5) -> list[str]:
        """Indicator names of the extracted records that look like ``text``, other than
        ``text`` itself (found with its records all unsure, it is no suggestion)."""
        names = sorted({t.record.indicator for t in self.iter_targets()} - {text.strip()})
        return [m[0] for m in process.extract(text, names, limit=limit, score_cutoff=40)]
