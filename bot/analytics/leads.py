"""The comparison a digest opens with when a region's new work report arrives.

``某省 2026 地区生产总值目标 5%左右（2025年目标 5.5%左右，实际 5.1%）``: the report's
headline target (the GDP family, a growth rate before a level), last year's target of
the same region and what was achieved (:mod:`bot.analytics.linking`). Pure: the records
and links are given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.analytics.linking import Link, Sourced, period_end
from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord

# The family a report's lead compares: the one headline every work report states.
HEADLINE_FAMILY = "生产总值"


@dataclass(frozen=True)
class ReportLead:
    """A new report's headline target against the year before."""

    region: str
    year: int
    indicator: str
    target: TargetRecord
    previous: Link | None  # last year's target with its result, when the library has it


def _headline(records: Iterable[TargetRecord], table: IndicatorTable, year: int):
    """The report's own GDP target for ``year``: a growth rate before a level."""
    found = [
        r
        for r in records
        if r.kind == "target"
        and table.family(r.indicator) == HEADLINE_FAMILY
        and period_end(r.year or "") == year
    ]
    found.sort(key=lambda r: (r.unit not in ("%",), -r.confidence))
    return found[0] if found else None


def report_lead(
    own: Iterable[Sourced], last_year: Iterable[Link], table: IndicatorTable
) -> ReportLead | None:
    """The lead of a report from its own targets (``own``, all of one document) and the
    links of its region for the year before (a scorecard of that year); ``None`` when
    the report states no headline target."""
    own = list(own)
    if not own:
        return None
    doc = own[0].doc
    if not doc.region or not doc.year:
        return None
    target = _headline((s.record for s in own), table, doc.year)
    if target is None:
        return None
    rate = target.unit == "%"
    previous = [
        link
        for link in last_year
        if link.family == HEADLINE_FAMILY
        and link.region == doc.region
        and period_end(link.period) == doc.year - 1
        and (link.target.record.unit == "%") == rate
    ]
    previous.sort(key=lambda link: link.result is None)  # one with its result first
    return ReportLead(doc.region, doc.year, target.indicator, target, next(iter(previous), None))
