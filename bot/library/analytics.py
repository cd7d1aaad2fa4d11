"""Target analytics of the library: the scorecard, year over year, regions side by side.

Reads records and document metadata (the target store, the index) and hands them to the
pure functions of :mod:`bot.analytics`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from bot.analytics.changes import (
    CHANGE_KINDS,
    TargetChange,
    compare_targets,
    new_phrases,
    own_targets,
    phrase_counts,
)
from bot.analytics.charts import (
    Chart,
    RegionBar,
    history_chart,
    regions_chart,
    scorecard_chart,
)
from bot.analytics.linking import (
    Link,
    Sourced,
    in_year,
    link_targets,
    period_end,
    reported_years,
)
from bot.analytics.side_by_side import (
    ChartData,
    RegionRow,
    default_year,
    history_data,
    region_chart_data,
    side_by_side,
    target_years,
)
from bot.corpus.doc_types import states_targets
from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import filter_regions, region_key
from bot.digest.filters import record_in_region
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.library.compared_places import ComparedPlaces, compared_places
from bot.library.target_places import named_places
from bot.models import DocumentInfo
from bot.search.index import CompiledIndex
from bot.targets.conditions import ValueCondition
from bot.targets.indicators import IndicatorTable
from bot.text.normalize import normalize

UNREPORTED_SHOWN = 3
"""How many of a scorecard's :attr:`Scorecard.unreported` regions and years an interface
says (the most targets first): the same in the bot and on the command line."""


@dataclass(frozen=True)
class Scorecard:
    """Targets with their results, what was asked for, and how many records were left
    out for low confidence (``hidden``)."""

    links: list[Link]
    region: str | None = None
    year: int | None = None
    hidden: int = 0  # targets left out for low confidence
    # the regions and years whose targets have no result because no document of the
    # library reports that year of that region at all, with how many: (region, year, n)
    unreported: tuple[tuple[str, int, int], ...] = ()

    def counts(self) -> dict[str, int]:
        """``{"met": n, "missed": n, "unknown": n}``."""
        out = {"met": 0, "missed": 0, "unknown": 0}
        for link in self.links:
            out[link.status] += 1
        return out

    def busiest_unknown(self) -> tuple[str, int] | None:
        """The region and year with the most targets not yet judged (a plan period by its
        last year): the narrower scorecard to offer when a wide one cannot list them all;
        None when every target is judged. A tie goes to the one listed first."""
        seen: Counter = Counter()
        for link in self.links:
            end = period_end(link.period)
            if link.status == "unknown" and link.region and end is not None:
                seen[(link.region, end)] += 1
        return max(seen, key=seen.__getitem__) if seen else None


def _unreported(
    links: Iterable[Link], reported: frozenset[tuple[str, int]]
) -> tuple[tuple[str, int, int], ...]:
    """The regions and years of ``links`` left without a result because nothing in the
    library reports them (``reported``), with their count, the most first: one reason
    said once for a scorecard's many unknown rows (全国 2025 before the 2026 report is
    added), where each row's 尚无实绩 alone reads as the bot failing to find them."""
    seen: Counter = Counter()
    for link in links:
        end = period_end(link.period)
        unknown = link.verdict.reason == "no_result" and end is not None
        if unknown and (link.region, end) not in reported:
            seen[(link.region, end)] += 1
    ranked = sorted(seen.items(), key=lambda kv: (-kv[1], -kv[0][1], kv[0][0]))
    return tuple((region, end, n) for (region, end), n in ranked)


@dataclass(frozen=True)
class RegionTable:
    """One indicator (its family) in one year, one row per region; ``family`` lists the
    canonical indicators the name stands for; ``year`` None when nothing was found.
    ``chosen`` when the year was not asked but picked (:func:`default_year`);
    ``years`` every year with a target, (year, regions with a target for it), most first,
    so a reply can offer the others."""

    indicator: str
    year: int | None
    rows: list[RegionRow]
    family: tuple[str, ...] = ()
    hidden: int = 0
    chosen: bool = False
    years: tuple[tuple[int, int], ...] = ()
    condition: ValueCondition | None = None
    failed: int = 0  # regions whose target did not pass the condition (or had none)
    # the places typed (GDP 四川 云南 2026), the rows in their order, those without a row
    compared: ComparedPlaces = field(default_factory=ComparedPlaces)


@dataclass(frozen=True)
class ChartResult:
    """A drawn chart and the numbers on it (for a caption and for those who cannot see
    the image); ``chart`` is None when there is nothing to draw."""

    kind: str  # regions | history
    indicator: str
    region: str | None
    year: int | None
    data: ChartData
    chart: Chart | None
    chosen: bool = False  # the year was picked, not asked (RegionTable.chosen)
    years: tuple[tuple[int, int], ...] = ()  # RegionTable.years


class AnalyticsMixin:
    """:class:`~bot.library.Engine`'s analytics over the key targets."""

    index: CompiledIndex
    # the library's links and the index they were made for (:meth:`_all_links`)
    _links_memo: dict
    # iter_targets, indicator_table: TargetsMixin

    def _sourced(
        self,
        *,
        region: str | None = None,
        indicator: str | None = None,
        show_all: bool = False,
    ) -> tuple[list[Sourced], list[Sourced]]:
        """Targets and achievements (with their documents): the confident ones (all with
        ``show_all``) and those left out."""
        docs: dict[str, DocumentInfo] = {d.doc_id: d for d in self.index.docs}
        kept: list[Sourced] = []
        hidden: list[Sourced] = []
        rows: Iterator = self.iter_targets(region=region, indicator=indicator)  # type: ignore[attr-defined]
        for row in rows:
            if row.record.kind == "estimate":
                continue
            item = Sourced(docs[row.doc_id], row.record)
            (kept if show_all or row.record.confident else hidden).append(item)
        return kept, hidden

    def scorecard(
        self,
        *,
        region: str | None = None,
        year: int | None = None,
        show_all: bool = False,
    ) -> Scorecard:
        """Each target (of ``region`` and the places inside it; whose period ends in
        ``year``) with the result for its period and met / missed / unknown
        (:mod:`bot.analytics.rules`); the met and missed first, then the unknown, each in
        the library's order. A region named by a name two places share (Suzhou) is
        refused with its candidates (:class:`~bot.corpus.regions.AmbiguousPlace`)."""
        if region:
            filter_regions(region)
        links, hidden, reported = self._all_links(show_all)
        gazetteer = default_gazetteer() if region else None

        def wanted(item: Sourced) -> bool:
            return region is None or record_in_region(region, item.record, item.doc, gazetteer)

        chosen = [x for x in links if in_year(x.period, year) and wanted(x.target)]
        # met and missed first: they are what a scorecard is for, and on a whole library
        # hundreds of targets of years still running (unknown) would bury them
        chosen.sort(key=lambda x: x.status == "unknown")
        left_out = sum(1 for x in hidden if in_year(x.record.year, year) and wanted(x))
        return Scorecard(chosen, region, year, left_out, _unreported(chosen, reported))

    def scorecard_years(self, *, region: str | None = None, show_all: bool = False) -> list[int]:
        """The years a scorecard of ``region`` has targets for (a plan period by its last
        year), oldest first: what to say when the year asked has none (/scorecard 四川
        2025, where the 2026 report sets 2026's and 2030's)."""
        card = self.scorecard(region=region, show_all=show_all)
        ends = {period_end(link.period) for link in card.links}
        return sorted(e for e in ends if e is not None)

    def _all_links(
        self, show_all: bool
    ) -> tuple[list[Link], list[Sourced], frozenset[tuple[str, int]]]:
        """Every target of the library linked with its result, the targets left out, and
        the regions and years some result is given for (:func:`reported_years`),
        computed once per index served (seconds on a 100 MB library; a scorecard then
        only filters them). A region's scorecard is the same subset: a target and its
        result share a region."""
        index = self.index
        memo = self._links_memo
        if memo.get("index") is not index:
            # a new dict, not a cleared one: links still being made for the old index
            # (on another thread) land in the old dict
            memo = self._links_memo = {"index": index}
        found = memo.get(show_all)
        if found is None:
            records, hidden = self._sourced(show_all=show_all)
            table: IndicatorTable = self.indicator_table  # type: ignore[attr-defined]
            targets_left_out = [x for x in hidden if x.record.kind == "target"]
            found = memo[show_all] = (
                link_targets(records, table),
                targets_left_out,
                reported_years(records),
            )
        return found

    def links_stale(self) -> bool:
        """Whether the first scorecard of the index served would have to link the library
        (one check; any thread)."""
        memo = self._links_memo
        return memo.get("index") is not self.index or False not in memo

    def warm_links(self) -> None:
        """Link the library now (off the event loop), so no scorecard waits for it: a
        100 MB library takes seconds, a scorecard then well under one."""
        self._all_links(False)

    def region_table(
        self,
        indicator: str,
        *,
        year: int | None = None,
        show_all: bool = False,
        condition: ValueCondition | None = None,
    ) -> RegionTable:
        """``indicator`` (its family) side by side across regions for ``year`` (default:
        the year the most regions have a target for, a tie going to the nearest year not
        in the past: :func:`~bot.analytics.side_by_side.default_year`): per region the
        target and the last result (:mod:`bot.analytics.side_by_side`). With
        ``condition`` (``/compare GDP 2026 >5``) the regions whose target passes it: the
        target, the figure the table compares regions by. Places named with the indicator
        (``GDP 四川 云南 2026``, ``GDP Sichuan Yunnan``) keep the rows to them, read as
        :meth:`~bot.library.targets.TargetsMixin.lookup_indicator` reads them; before, the
        words were looked up as one indicator's name and nothing was found."""
        records, hidden = self._sourced(indicator=indicator, show_all=show_all)
        asked: str | None = None
        if not records and not hidden and " " in indicator.strip():
            looked = self.lookup_indicator(indicator, show_all=True)  # type: ignore[attr-defined]
            if looked.region:
                indicator, asked = looked.indicator, looked.region
                records, hidden = self._sourced(
                    region=looked.region, indicator=indicator, show_all=show_all
                )
        table: IndicatorTable = self.indicator_table  # type: ignore[attr-defined]
        known = table.known_name(indicator)
        family = tuple(table.family_members(known)) if known else ()
        counts = target_years(records)
        years = tuple(sorted(counts.items(), key=lambda p: (-p[1], p[0])))
        chosen = year is None
        if year is None:
            this_year = self.searcher.today().year  # type: ignore[attr-defined]
            year = default_year(counts, this_year)
        if year is None:
            return RegionTable(indicator, None, [], family)
        left_out = sum(
            1 for x in hidden if x.record.kind == "target" and in_year(x.record.year, year)
        )
        rows = side_by_side(records, table, year)
        gazetteer = default_gazetteer()
        compared = compared_places(
            named_places(asked),
            [r.region for r in rows],  # before a condition: a place it left out has rows
            lambda place: bool(self.documents_in(region=place)),  # type: ignore[attr-defined]
            gazetteer,
            self.is_place,  # type: ignore[attr-defined]
        )
        if compared.places:  # GDP 四川 云南 贵州 2026: the rows in the order typed
            rows = sorted(rows, key=lambda r: compared.rank(r.region, gazetteer))
        failed = 0
        if condition is not None:
            kept = [r for r in rows if r.target is not None and _passes(condition, r.target)]
            failed, rows = len(rows) - len(kept), kept
        return RegionTable(
            indicator, year, rows, family, left_out, chosen, years, condition, failed, compared
        )


@dataclass(frozen=True)
class ReportChanges:
    """A region's report against its previous report: targets and key phrases.

    ``current`` is ``None`` when the region has no report (for that year); ``previous``
    when it has no earlier one (then every target is new and no phrases are compared).
    """

    region: str
    current: DocumentInfo | None
    previous: DocumentInfo | None
    targets: list[TargetChange] = field(default_factory=list)
    new_phrases: list[tuple[str, int]] = field(default_factory=list)
    dropped_phrases: list[tuple[str, int]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(CHANGE_KINDS, 0)
        for change in self.targets:
            out[change.kind] += 1
        return out


def _reports(docs: Iterable[DocumentInfo], region: str) -> list[DocumentInfo]:
    """The region's own documents with a year that state targets (work, plan, budget and
    congress reports, plan outlines: :func:`~bot.corpus.meta.states_targets`), oldest
    first, a work report after the others of its year (the one read when a year has
    several)."""
    # 蓬溪县 is the document's 蓬溪: a county typed whole with its suffix, which
    # region_key keeps (it drops 省 and 市 only), named its report "none"
    want = {region_key(region)} | {
        region_key(name)
        for place in default_gazetteer().lookup(region)
        if place.name == region.strip()
        for name in (place.name, place.short)
    }
    found = [
        d
        for d in docs
        if states_targets(d.doc_type) and d.year is not None and region_key(d.region) in want
    ]
    return sorted(found, key=lambda d: (d.year or 0, d.doc_type == _WORK_REPORT, d.filename))


_WORK_REPORT = "政府工作报告"


def _before(reports: list[DocumentInfo], current: DocumentInfo) -> DocumentInfo | None:
    """The latest report of ``current``'s type before its year: a plan outline against
    the plan before, a plan report against last year's, never across types."""
    earlier = [
        d for d in reports if d.doc_type == current.doc_type and (d.year or 0) < (current.year or 0)
    ]
    return earlier[-1] if earlier else None


def _current(reports: list[DocumentInfo], year: int | None) -> DocumentInfo | None:
    """The report of ``year`` (else of the latest year) to compare: of that year's, one
    with an earlier report of its type to compare with before one without, the work
    report before the others."""
    if year is not None:
        reports = [d for d in reports if (d.year or 0) <= year]
    if not reports or (year is not None and reports[-1].year != year):
        return None
    newest = [d for d in reports if d.year == reports[-1].year]
    paired = [d for d in newest if _before(reports, d) is not None]
    return (paired or newest)[-1]


class ChangesMixin:
    """:class:`~bot.library.Engine`'s year over year comparison of reports."""

    index: CompiledIndex

    def report_changes(
        self, region: str, *, year: int | None = None, show_all: bool = False
    ) -> ReportChanges:
        """``region``'s report for ``year`` (else its latest) against the latest earlier
        report of the same region (:mod:`bot.analytics.changes`); a name two places
        share (Suzhou) is refused with its candidates (``AmbiguousPlace``)."""
        filter_regions(region)
        reports = _reports(self.index.docs, region)
        current = _current(reports, year)
        if current is None:
            return ReportChanges(region, None, None)
        previous = _before(reports, current)
        table: IndicatorTable = self.indicator_table  # type: ignore[attr-defined]
        cur = self._own_targets(current, show_all)
        prev = self._own_targets(previous, show_all) if previous else []
        changes = compare_targets(cur, prev, table)
        if previous is None:
            return ReportChanges(region, current, None, changes)
        cut = self.tokenizer.cut  # type: ignore[attr-defined]
        now = phrase_counts(self._text(current), cut)
        before = phrase_counts(self._text(previous), cut)
        return ReportChanges(
            region,
            current,
            previous,
            changes,
            new_phrases(now, before),
            new_phrases(before, now),
        )

    def _own_targets(self, info: DocumentInfo, show_all: bool) -> list[Sourced]:
        rows = self.iter_targets(docs=[info], kind="target")  # type: ignore[attr-defined]
        items = [Sourced(info, r.record) for r in rows if show_all or r.record.confident]
        return own_targets(items, info.year)

    def _text(self, info: DocumentInfo) -> str:
        return normalize(self.document(info.doc_id).text)  # type: ignore[attr-defined]


class ChartsMixin:
    """:class:`~bot.library.Engine`'s charts (:mod:`bot.analytics.charts`)."""

    def regions_chart(
        self,
        indicator: str,
        *,
        year: int | None = None,
        regions: Sequence[str] = (),
        fmt: str = "png",
        show_all: bool = False,
        lang: str = DEFAULT_LANGUAGE,
    ) -> ChartResult:
        """Bars per region for ``year`` (default: :meth:`region_table`'s); the chart's
        words in ``lang``."""
        found = self.region_table(indicator, year=year, show_all=show_all)  # type: ignore[attr-defined]
        data = region_chart_data(found.rows, regions)
        drawable = any(v is not None for v in (*data.targets, *data.results))
        chart = None
        if drawable and found.year is not None:
            bars = [
                RegionBar(label, t, m, r, ry)
                for label, t, m, r, ry in zip(
                    data.labels,
                    data.targets,
                    data.target_maxes,
                    data.results,
                    data.result_years,
                    strict=True,
                )
            ]
            name = found.family[0] if len(found.family) == 1 else indicator
            chart = regions_chart(
                name, found.year, data.unit, bars, national=data.national, fmt=fmt, lang=lang
            )
        return ChartResult(
            "regions", indicator, None, found.year, data, chart, found.chosen, found.years
        )

    def history_chart(
        self,
        indicator: str,
        region: str,
        *,
        years: tuple[int, int] | None = None,
        fmt: str = "png",
        show_all: bool = False,
        lang: str = DEFAULT_LANGUAGE,
    ) -> ChartResult:
        """Target against result of ``region`` over ``years`` (default: every year with
        a figure); the chart's words in ``lang``."""
        records, _ = self._sourced(indicator=indicator, region=region, show_all=show_all)  # type: ignore[attr-defined]
        table: IndicatorTable = self.indicator_table  # type: ignore[attr-defined]
        ends = [period_end(r.record.year) for r in records]
        known = sorted({e for e in ends if e is not None})
        span = list(range(years[0], years[1] + 1)) if years is not None else known
        here = region_key(region)
        mine = [r for r in records if region_key(r.region) == here]
        name = mine[0].region if mine else region
        data = history_data(mine, table, name, span)
        chart = None
        if data.labels:
            middles = [
                (t + m) / 2 if t is not None and m is not None else t
                for t, m in zip(data.targets, data.target_maxes, strict=True)
            ]
            chart = history_chart(
                mine[0].record.indicator if mine else indicator,
                name,
                data.unit,
                data.labels,
                middles,
                data.results,
                fmt=fmt,
                lang=lang,
            )
        return ChartResult("history", indicator, name, None, data, chart)


SCORECARD_PERIODS = 8


@dataclass(frozen=True)
class ScorecardChart:
    """The scorecard counted per period (the latest :data:`SCORECARD_PERIODS`) and drawn."""

    region: str | None
    year: int | None
    periods: list[str]
    counts: list[dict[str, int]]
    chart: Chart | None


class ScorecardChartMixin:
    """:class:`~bot.library.Engine`'s scorecard as a picture."""

    def scorecard_chart(
        self,
        *,
        region: str | None = None,
        year: int | None = None,
        fmt: str = "png",
        lang: str = DEFAULT_LANGUAGE,
    ) -> ScorecardChart:
        """Met, missed and unknown targets per period (stacked bars), its words in ``lang``."""
        card = self.scorecard(region=region, year=year)  # type: ignore[attr-defined]
        by_period: dict[str, dict[str, int]] = {}
        for link in card.links:
            counts = by_period.setdefault(link.period, {"met": 0, "missed": 0, "unknown": 0})
            counts[link.status] += 1
        periods = sorted(by_period, key=lambda p: (period_end(p) or 0, p))[-SCORECARD_PERIODS:]
        counts = [by_period[p] for p in periods]
        chart = None
        if periods:
            where = region or tr(lang, "charts.all_regions")
            when = f" · {tr(lang, 'docs.year', year=year)}" if year else ""
            title = tr(lang, "charts.scorecard_title", where=where, when=when)
            chart = scorecard_chart(title, periods, counts, fmt=fmt, lang=lang)
        return ScorecardChart(region, year, periods, counts, chart)


def _passes(condition: ValueCondition, item: Sourced) -> bool:
    record = item.record
    return condition.passes(record.value, record.value_max, record.unit)
