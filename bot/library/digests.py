"""Digests of the library: what subscribers with a filter get now."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Literal

from bot.analytics.leads import ReportLead, report_lead
from bot.config import Settings
from bot.corpus.doc_types import states_targets
from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import regions_beside
from bot.digest import Digest, DigestFilter, compose_digest, parse_filter
from bot.digest.compose import DigestLine, Span
from bot.digest.filters import FilterMatcher
from bot.digest.values import clean, format_value, short_title, signed_change
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.models import DocumentInfo
from bot.search.index import CompiledIndex
from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord

# New work reports whose headline target a digest opens with (one line each).
MAX_LEADS = 3

# What a first digest's 📌 lines say of the newest work reports: the targets every
# work report's 主要预期目标 paragraph states (the 2015/2021/2025 national and the 2026
# provincial reports of 四川, 安徽, 贵州, 宁夏, 海南, 云南), families of
# ``config/indicators.toml``, in the order a report gives them. A list apart from
# :data:`bot.digest.compose.HEADLINE_FAMILIES` (the order of a digest's lines within a
# group), not its head: this line says 城镇调查失业率 before 新增城镇就业, those lines the
# other way round, and one order would change one of them in every digest with both.
FIRST_LEAD_FAMILIES: tuple[str, ...] = (
    "生产总值",
    "居民消费价格",
    "城镇调查失业率",
    "新增城镇就业",
    "赤字率",
    "粮食产量",
)


class DigestsMixin:
    """:class:`~bot.library.Engine`'s digests (key targets composed by ``bot.digest``)."""

    settings: Settings
    index: CompiledIndex

    def digest(
        self,
        filter: DigestFilter | str = "",
        *,
        now: datetime | None = None,
        since: float | None = None,
        only_new: bool = True,
        cap: int | None = None,
        group_by: Literal["indicator", "document"] = "indicator",
        more_command: str = "/targets",
        lang: str = DEFAULT_LANGUAGE,
        first: bool = False,
    ) -> Digest:
        """The digest subscribers with ``filter`` get now (raises FilterError on bad input).

        ``since`` is the time of their last digest: with ``only_new`` only documents
        indexed after it contribute; either way those documents are marked new. ``lang``
        is the language of the digest's frame (its figures stay as the documents say them).
        ``first``: a subscription's first digest, led by the newest work reports' main
        targets (:meth:`_first_leads`; a preview of the library is not).
        """
        flt = parse_filter(filter) if isinstance(filter, str) else filter
        docs = {d.doc_id: d for d in self.index.docs}
        read = [d for d in self.index.docs if not (only_new and since) or d.indexed_at > since]
        # a region named beside a place inside it (region:攸县 region:湖南) is its own
        # records and that place's, as /targets and /compare read the two: the records
        # are read so, the filter then takes either region
        beside = regions_beside(flt.regions, default_gazetteer())
        region = "、".join(flt.regions) if beside else None
        digest = compose_digest(
            self.iter_targets(docs=read, region=region),
            docs,
            flt,
            now=now or datetime.now().astimezone(),
            since=since,
            only_new=only_new,
            cap=cap or self.settings.digest_cap,
            group_by=group_by,
            table=self.indicator_table,
            more_command=more_command,
            synonyms=self.searcher.synonyms,
            gazetteer=default_gazetteer(),
            reader=self.as_chinese,  # type: ignore[attr-defined]  # Engine
            lang=lang,
        )
        # a region's work report and plan report of a year state its one headline
        # target: led with once, by the work report
        new = sorted(
            (docs[ref.doc_id] for ref in digest.new_documents),
            key=lambda d: d.doc_type != "政府工作报告",
        )
        found: dict[tuple[str, int], ReportLead] = {}
        for info in new:
            lead = self._report_lead(info)
            if lead is not None:
                found.setdefault((lead.region, lead.year), lead)
        leads = [lead_line(lead, lang) for lead in found.values()][:MAX_LEADS]
        if not leads and first and since is None and group_by == "indicator":
            # a subscription's first digest: its lines are the whole library's in turns
            # by group, and nothing said at the top what the newest reports aim at
            leads = self._first_leads(digest, docs, flt, lang)
        if not leads:
            return digest
        return replace(digest, lines=(digest.lines[0], *leads, *digest.lines[1:]))

    def _first_leads(
        self, digest: Digest, docs: dict[str, DocumentInfo], flt: DigestFilter, lang: str
    ) -> list[DigestLine]:
        """A first digest's 📌 lines: the headline targets (:data:`FIRST_LEAD_FAMILIES`)
        of the newest work reports the filter lets through, one line a report (at most
        :data:`MAX_LEADS`), each with its place and year; only the targets the filter
        passes."""
        reports = [
            docs[ref.doc_id]
            for ref in digest.documents
            if ref.doc_id in docs and docs[ref.doc_id].doc_type == "政府工作报告"
        ]
        reports = [d for d in reports if d.year]
        reports.sort(key=lambda d: (-(d.year or 0), -d.indexed_at, d.filename))
        passes = FilterMatcher(
            flt,
            self.searcher.synonyms,  # type: ignore[attr-defined]  # Engine
            table=self.indicator_table,  # type: ignore[attr-defined]
            gazetteer=default_gazetteer(),
            reader=self.as_chinese,  # type: ignore[attr-defined]
        )
        lines: list[DigestLine] = []
        seen: set[tuple[str, int]] = set()
        for info in reports:
            place = clean(info.region) or short_title(clean(info.title) or info.filename)
            if (place, info.year or 0) in seen:
                continue  # a report kept in two versions: led with once
            own = [
                s.record
                for s in self._own_targets(info, flt.show_all)  # type: ignore[attr-defined]
                if passes(s.record, info)
            ]
            chosen = headline_targets(own, self.indicator_table)  # type: ignore[attr-defined]
            if chosen:
                seen.add((place, info.year or 0))
                lines.append(first_lead_line(place, info.year or 0, chosen, lang))
            if len(lines) >= MAX_LEADS:
                break
        return lines

    def _report_lead(self, info: DocumentInfo) -> ReportLead | None:
        """A new document's headline target for its year against its region's year
        before, for a document that states targets (work, plan, budget and congress
        reports, plan outlines: :func:`~bot.corpus.meta.states_targets`)."""
        if not states_targets(info.doc_type) or not info.region or not info.year:
            return None
        own = self._own_targets(info, False)  # type: ignore[attr-defined]
        last_year = self.scorecard(region=info.region, year=info.year - 1).links  # type: ignore[attr-defined]
        return report_lead(own, last_year, self.indicator_table)  # type: ignore[attr-defined]


def lead_line(lead: ReportLead, lang: str) -> DigestLine:
    """``📌 某省 2026年 地区生产总值目标 5%左右（2025年目标 5.5%左右，实际 5.1%）``."""
    text = tr(
        lang,
        "digest.lead",
        region=lead.region,
        year=lead.year,
        indicator=lead.indicator,
        target=format_value(lead.target, lang),
    )
    link = lead.previous
    if link is not None:
        result = link.result
        text += tr(
            lang,
            "digest.lead_previous",
            year=lead.year - 1,
            target=format_value(link.target.record, lang),
            result=(
                tr(lang, "digest.lead_result", result=format_value(result.record, lang))
                if result is not None
                else ""
            ),
        )
    return DigestLine("lead", (Span(text, "b"),))


def headline_targets(records: list[TargetRecord], table: IndicatorTable) -> list[TargetRecord]:
    """One target a family of :data:`FIRST_LEAD_FAMILIES` among a report's own targets,
    in that order: a rate before a level (GDP 增长 5%左右 before 地区生产总值 6万亿元), the
    figure itself before its change on last year (赤字率 4%左右 before 提高1个百分点), the
    confident first."""
    chosen: list[TargetRecord] = []
    for family in FIRST_LEAD_FAMILIES:
        found = [r for r in records if table.family(r.indicator) == family and not r.masked]
        found.sort(
            key=lambda r: (
                "百分点" in (r.unit or ""),
                family == "生产总值" and r.unit != "%",
                not r.confident,
                -r.confidence,
            )
        )
        if found:
            chosen.append(found[0])
    return chosen


def first_lead_line(place: str, year: int, records: list[TargetRecord], lang: str) -> DigestLine:
    """``📌 四川 2026年：地区生产总值 增长 5.5%左右；居民消费价格 上涨 2%左右；…``."""
    said = []
    for record in records:
        change, value = signed_change(clean(record.change), format_value(record, lang))
        indicator = clean(record.indicator)
        if change and value and change in indicator:
            change = ""  # 新增城镇就业 85万人, not 新增城镇就业 新增 85万人
        said.append(" ".join(p for p in (indicator, change, value) if p))
    head = tr(lang, "digest.first_lead", place=place, year=year)
    items = tr(lang, "digest.first_lead_sep").join(said)
    return DigestLine("lead", (Span(head, "b"), Span(items)))
