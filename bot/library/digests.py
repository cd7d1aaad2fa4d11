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
from bot.digest.values import format_value
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.models import DocumentInfo
from bot.search.index import CompiledIndex

# New work reports whose headline target a digest opens with (one line each).
MAX_LEADS = 3


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
    ) -> Digest:
        """The digest subscribers with ``filter`` get now (raises FilterError on bad input).

        ``since`` is the time of their last digest: with ``only_new`` only documents
        indexed after it contribute; either way those documents are marked new. ``lang``
        is the language of the digest's frame (its figures stay as the documents say them).
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
        if not leads:
            return digest
        return replace(digest, lines=(digest.lines[0], *leads, *digest.lines[1:]))

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
