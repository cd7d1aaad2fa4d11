"""The key-target tools: ``targets`` (a digest filter's records), ``compare`` (an
indicator across regions and years), ``scorecard`` (targets met or missed) and ``changes``
(a report against the previous one), each record citing the passage that states it."""

from __future__ import annotations

import re

from mcp.server.mcpserver.exceptions import ToolError

from bot.analytics.changes import TargetChange
from bot.analytics.linking import Sourced
from bot.digest import FilterError, parse_filter
from bot.digest.values import format_value
from bot.i18n import tr
from bot.library import DocTarget
from mcp_server.lookups import TARGETS_PAGE, Lookups, places_told
from mcp_server.records import (
    Counterpart,
    Outcome,
    Record,
    Result,
    citation,
    figure,
    record,
    years,
)


class KeyTargetTools(Lookups):
    """The key-target tools of :class:`mcp_server.library.Library`."""

    def _where(self, row: DocTarget) -> int | None:
        """The number of the passage that states a target's sentence, if found."""
        hits = self.engine.searcher.passages_containing(
            row.record.sentence[:40], doc_id=row.doc_id, limit=1
        )
        return hits[0].passage_ordinal if hits else None

    def _sourced_record(self, item: Sourced, outcome: Outcome) -> Record:
        """A record of a target with how it fared or moved."""
        where = self._where(DocTarget(item.doc.doc_id, item.record))
        return record(
            item.doc,
            section=item.record.section,
            passage=where,
            text=item.record.sentence,
            target=figure(item.record, format_value(item.record)),
            outcome=outcome,
        )

    def _counterpart(self, item: Sourced | None) -> Counterpart | None:
        if item is None:
            return None
        where = self._where(DocTarget(item.doc.doc_id, item.record))
        return Counterpart(
            target=figure(item.record, format_value(item.record)),
            text=item.record.sentence,
            citation=citation(item.doc, item.record.section, where),
        )

    def _targets_page(
        self, rows: list[DocTarget], page: int, page_size: int, notes: list[str]
    ) -> Result:
        """A page of target records (their passages looked up for that page only)."""

        def build(chosen: list[DocTarget]) -> list[Record]:
            infos = self._infos()
            return [
                record(
                    infos[r.doc_id],
                    section=r.record.section,
                    passage=self._where(r),
                    text=r.record.sentence,
                    target=figure(r.record, format_value(r.record)),
                )
                for r in chosen
                if r.doc_id in infos
            ]

        return self._paged(rows, page, page_size, notes, build)

    @staticmethod
    def _about_year(rows: list[DocTarget], year: int | None) -> list[DocTarget]:
        if year is None:
            return rows
        kept = []
        for r in rows:
            first, last, _ = years(r.record.year)
            if first is not None and last is not None and first <= year <= last:
                kept.append(r)
        return kept

    def targets(
        self,
        filter: str = "",
        *,
        year: int | None = None,
        page: int = 1,
        page_size: int = TARGETS_PAGE,
    ) -> Result:
        self._fresh()
        try:
            found = self.engine.filter_targets(filter)
        except FilterError as exc:
            raise ToolError(
                f"bad filter {filter!r}: {exc}. Syntax: keywords, +required, !excluded, "
                "indicator:名称, region:地区, doc:文件, kind:target|achievement|estimate|all, "
                "confidence:all, value:>5%."
            ) from None
        rows = self._about_year(found.rows, year)
        notes = []
        if not re.search(r"(?:kind|类型)\s*[:：]", filter):
            notes.append("targets only (kind:all in the filter adds achievements and estimates)")
        if found.hidden:
            notes.append(
                f"{found.hidden} low-confidence records left out (add confidence:all to the filter)"
            )
        if not rows:
            notes.append(self._targets_none(filter, year))
        return self._targets_page(rows, page, page_size, notes)

    def _targets_none(self, filter: str, year: int | None) -> str:
        """Why no key target matches, as the bot's /subscribe says it: a region no
        document is about, records of other kinds only (a bulletin's achievements), or
        a value condition none passes (compared in the unit the document writes)."""
        flt = parse_filter(filter)
        for region in flt.regions:
            if absent := self._region_absent(region):
                return absent
        if year is not None:
            return "no key targets about that year match; try without year"
        why = self.engine.filter_unmatched(flt)
        if why == "kinds":
            return tr("en", "mcp.targets_other_kinds")
        if why == "value":
            return tr("en", "mcp.targets_value")
        return "no key targets match; try a shorter filter or kind:all"

    def compare(
        self,
        indicator: str,
        *,
        year: int | None = None,
        region: str | None = None,
        kind: str = "all",
        page: int = 1,
        page_size: int = TARGETS_PAGE,
    ) -> Result:
        self._fresh()
        if not indicator.strip():
            raise ToolError(
                "give an indicator: a name, alias or family such as GDP or 地区生产总值"
            )
        with places_told():
            found = self.engine.lookup_targets(indicator=indicator, kind=kind, region=region)
        rows = self._about_year(found.rows, year)
        # oldest year first, figures without a year last
        rows.sort(key=lambda r: (years(r.record.year)[0] or 9999, r.record.region, r.doc_id))
        notes = []
        if len(found.family) > 1:
            notes.append(f"{indicator} stands for: " + ", ".join(found.family))
        if found.hidden:
            notes.append(f"{found.hidden} low-confidence records left out")
        if not rows and region and (absent := self._region_absent(region)):
            notes.append(absent)  # the region left nothing, not the indicator
        elif (
            not rows
            and region
            and (
                elsewhere := self._about_year(
                    self.engine.lookup_targets(indicator=indicator, kind=kind).rows, year
                )
            )
        ):
            notes.append(
                tr(
                    "en",
                    "mcp.region_elsewhere",
                    indicator=indicator,
                    region=region,
                    count=len(elsewhere),
                )
            )
        elif not rows:
            close = self.engine.similar_indicators(indicator)
            notes.append(f"no records for {indicator!r}")
            if close:
                notes.append("similar indicators: " + ", ".join(close))
        return self._targets_page(rows, page, page_size, notes)

    def scorecard(
        self,
        *,
        region: str | None = None,
        year: int | None = None,
        page: int = 1,
        page_size: int = TARGETS_PAGE,
    ) -> Result:
        self._fresh()
        with places_told():
            card = self.engine.scorecard(region=region, year=year)
        counts = card.counts()
        notes = [
            f"{len(card.links)} targets: {counts['met']} met, {counts['missed']} missed, "
            f"{counts['unknown']} unknown (no result yet, no number, or not comparable)"
        ]
        if card.hidden:
            notes.append(f"{card.hidden} low-confidence targets left out")
        if not card.links:
            notes.append(
                self._region_absent(region)
                or "no targets match; try another region or year, or none"
            )
        return self._paged(
            card.links,
            page,
            page_size,
            notes,
            lambda chosen: [
                self._sourced_record(
                    link.target,
                    Outcome(
                        status=link.status,
                        reason=link.verdict.reason,
                        other=self._counterpart(link.result),
                    ),
                )
                for link in chosen
            ],
        )

    def changes(
        self,
        region: str,
        *,
        year: int | None = None,
        page: int = 1,
        page_size: int = TARGETS_PAGE,
    ) -> Result:
        self._fresh()
        if not region.strip():
            raise ToolError("give a region whose reports to compare: 山东, 烟台, 全国 …")
        with places_told():
            report = self.engine.report_changes(region.strip(), year=year)
        if report.current is None:
            when = f" for {year}" if year is not None else ""
            raise ToolError(
                f"no report stating targets (政府工作报告, 计划报告, 预算报告, 党代会报告, "
                f"规划纲要) of {region}{when} in the library; list_documents with "
                "this region shows what there is."
            )
        counts = report.counts()
        notes = [f"{report.current.title} [{report.current.filename}]"]
        if report.previous is None:
            notes.append("no earlier report of this region: every target is new")
        else:
            notes.append(f"against {report.previous.title} [{report.previous.filename}]")
        notes.append(", ".join(f"{n} {kind}" for kind, n in counts.items() if n))
        if report.new_phrases:
            notes.append("new phrases: " + "、".join(p for p, _n in report.new_phrases[:15]))
        if report.dropped_phrases:
            notes.append(
                "phrases no longer used: " + "、".join(p for p, _n in report.dropped_phrases[:15])
            )

        def build(chosen: list[TargetChange]) -> list[Record]:
            records = []
            for change in chosen:
                main = change.current or change.previous
                if main is None:
                    continue
                other = change.previous if change.current is not None else None
                outcome = Outcome(status=change.kind, other=self._counterpart(other))
                records.append(self._sourced_record(main, outcome))
            return records

        return self._paged(report.targets, page, page_size, notes, build)
