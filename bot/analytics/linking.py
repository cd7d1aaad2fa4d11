"""Targets linked with their results across documents: the scorecard.

A target (kind ``target``) for a period (a year ``2015`` or a span ``2016-2020``) is
linked with the achievements (kind ``achievement``) of the same indicator family,
region and period found anywhere in the corpus: the year-N report's target with the
result the year N+1 report or the year-N statistical bulletin gives; a plan's 到2025年
target with a later report's 2025 result; a five-year plan's 2016-2020 target with the
2016-2020 result a 2021 report reviews. Estimates (预计) are not results.

Which result, when several qualify: one that measures the same thing (same measure and
unit base, :func:`bot.analytics.rules.comparable`) before one that does not; then a
statistical bulletin (the final figures) before a report; then the earliest document
about a later year (the next year's report) before later ones; then the first in its
document. A target with no result has ``result`` ``None`` and status unknown.

Pure: records and document metadata in, :class:`Link` out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.analytics.rules import Status, Verdict, judge, read, usable_result
from bot.corpus.doc_types import TARGET_STATING_TYPES
from bot.corpus.gazetteer import default_gazetteer
from bot.models import DocumentInfo
from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord
from bot.text.years import period_end

NATIONAL = "全国"
BULLETIN = "统计公报"


@dataclass(frozen=True)
class Sourced:
    """A record and the document it comes from."""

    doc: DocumentInfo
    record: TargetRecord

    @property
    def region(self) -> str:
        """The record's region, else its document's ('' when neither says)."""
        return (self.record.region or self.doc.region or "").strip()


def of_a_region(item: Sourced) -> bool:
    """Whether the record's region is one regions are compared by: its document's own,
    全国, or a division the gazetteer knows (a province, city, county or district). A part
    the text names that is no division, such as several places at once (``内江、眉山、自贡、
    遂宁``), an economic zone (``川南经济区``, ``海口经济圈``) or an area (``皖北``), is a
    figure within the document's region (GOLD_GUIDELINES.md names the record after it),
    not a region to set beside provinces."""
    region = item.region
    if region in (NATIONAL, (item.doc.region or "").strip()):
        return True
    return bool(default_gazetteer().lookup(region))


def is_period(period: str) -> bool:
    return period_end(period) is not None


def in_year(period: str, year: int | None) -> bool:
    """Whether a period ends in ``year`` (no year: every period)."""
    return year is None or period_end(period) == year


def _figure_dict(source: Sourced, *, with_range: bool) -> dict[str, Any]:
    rec = source.record
    out: dict[str, Any] = {
        "value": _number(rec.value),
        "unit": rec.unit,
        "change": rec.change,
    }
    if with_range:
        out["value_max"] = _number(rec.value_max)
        out["qualifier"] = rec.qualifier
    out["masked"] = rec.masked
    out["doc"] = source.doc.filename
    out["title"] = source.doc.title
    out["sentence"] = rec.sentence
    return out


def _number(value: float | None) -> float | int | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass(frozen=True)
class Link:
    """A target, the result for its period (or ``None``) and the verdict."""

    indicator: str
    family: str
    region: str
    period: str
    target: Sourced
    result: Sourced | None
    verdict: Verdict

    @property
    def status(self) -> Status:
        return self.verdict.status

    def to_dict(self) -> dict[str, Any]:
        """The scorecard's JSON record: ``indicator``, ``region``, ``year``, ``target``
        (value, value_max, unit, qualifier, change, masked, doc, title, sentence),
        ``result`` (value, unit, change, masked, doc, title, sentence; or null),
        ``status`` and ``reason``."""
        return {
            "indicator": self.indicator,
            "region": self.region,
            "year": self.period,
            "target": _figure_dict(self.target, with_range=True),
            "result": _figure_dict(self.result, with_range=False) if self.result else None,
            "status": self.status,
            "reason": self.verdict.reason,
        }


def _result_rank(target: Sourced, candidate: Sourced, table: IndicatorTable) -> tuple:
    end = period_end(target.record.year) or 0
    year = candidate.doc.year or 0
    return (
        not usable_result(target.record, candidate.record, table),
        candidate.doc.doc_type != BULLETIN,
        year < end,  # a document about an earlier year is a surprising source
        year,
    )


def _target_key(source: Sourced, family: str, table: IndicatorTable) -> tuple:
    reading = read(source.record, table)
    rec = source.record
    return (
        family,
        source.region,
        rec.year,
        source.doc.doc_id,
        reading.measure,
        reading.base,
        reading.lo,
        reading.hi,
        rec.qualifier,
        rec.masked,
    )


def region_order(region: str) -> tuple[int, str]:
    """National first, then regions by name; unnamed last."""
    return (0 if region == NATIONAL else 2 if not region else 1, region)


def reported_years(records: Iterable[Sourced]) -> frozenset[tuple[str, int]]:
    """The regions and years (a period by its last year) whose results a report of the
    whole region gives: a statistical bulletin, or a report of the kinds that set
    targets (the next year's work report reviews the year). A target of one of them
    with no result is one those reports leave out; a target of any other waits for such
    a report to be added (a topical report's figures of the year, a digital economy's,
    hold none of a work report's indicators)."""
    reviewing = TARGET_STATING_TYPES | {BULLETIN}
    out: set[tuple[str, int]] = set()
    for item in records:
        end = period_end(item.record.year)
        if item.record.kind != "achievement" or end is None or not item.region:
            continue
        if item.doc.doc_type in reviewing:
            out.add((item.region, end))
    return frozenset(out)


def link_targets(
    records: Iterable[Sourced],
    table: IndicatorTable,
    *,
    year: int | None = None,
) -> list[Link]:
    """Every target among ``records`` (kind ``target``, a period, a region) linked with
    its result among ``records``; ``year`` keeps the targets whose period ends in it.

    Targets that repeat in one document (the same figure in the summary and the body)
    are listed once. Sorted newest period first, national first, then by region and in
    document order.
    """
    items = list(records)
    results: dict[tuple[str, str, str], list[Sourced]] = {}
    for item in items:
        rec = item.record
        if rec.kind == "achievement" and is_period(rec.year) and item.region:
            key = (table.family(rec.indicator), item.region, rec.year.strip())
            results.setdefault(key, []).append(item)
    links: list[tuple[int, Link]] = []
    seen: set[tuple] = set()
    for order, item in enumerate(items):
        rec = item.record
        period = rec.year.strip()
        if rec.kind != "target" or not is_period(period) or not item.region:
            continue
        if not in_year(period, year):
            continue
        family = table.family(rec.indicator)
        key = _target_key(item, family, table)
        if key in seen:
            continue
        seen.add(key)
        candidates = results.get((family, item.region, period), [])
        result = min(candidates, key=lambda c: _result_rank(item, c, table)) if candidates else None
        verdict = judge(rec, result.record if result else None, table)
        links.append(
            (order, Link(rec.indicator, family, item.region, period, item, result, verdict))
        )
    links.sort(key=lambda p: (-(period_end(p[1].period) or 0), region_order(p[1].region), p[0]))
    return [link for _, link in links]
