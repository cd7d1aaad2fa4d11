"""The one result shape of every tool: a page of records, each with its source and a
citation. Pure: builds JSON-ready pydantic models from the core's results, no I/O.

A record is a piece of a document (a passage, a heading, a key target, the document
itself) with the same fields whatever the tool: ``doc`` (the file name, what
``get_passage``, ``get_document_outline`` and ``doc://`` take), ``doc_id``, ``title``,
``region``, ``year`` (the year the document is about), ``date``, ``section``,
``passage``, ``text`` (the source text, as the document writes it) and ``citation``.
Key targets add ``target``: the figure, with the years it is about as explicit numbers
(``year_from``, ``year_to``), never relative words.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from bot.models import DocumentInfo
from bot.targets.records import TargetRecord

TEXT_LIMIT = 1200
"""Characters of source text in a record of a list (a search hit, a key target)."""

PASSAGE_LIMIT = 6000
"""Characters of source text in a record of ``get_passage``."""

_YEAR_RE = re.compile(r"^((?:19|20)\d\d)(?:-((?:19|20)\d\d))?$")


class TargetFigure(BaseModel):
    """A key target, achievement or estimate, as extracted from the record's ``text``."""

    indicator: str = Field(description="What the figure measures, e.g. 地区生产总值.")
    figure: str = Field(description="The figure as shown: change, value, unit, qualifier.")
    change: str = Field(description="增长, 下降, 达到 … or empty.")
    value: float | None = Field(description="The number (None when masked or no number).")
    value_max: float | None = Field(description="Upper end of a range, else None.")
    value_text: str = Field(description="The number as the document writes it.")
    unit: str
    qualifier: str = Field(description="左右, 以上, 以内 … or empty.")
    kind: str = Field(description="target (目标), achievement (实绩) or estimate (预计).")
    year_from: int | None = Field(description="First year the figure is about, if known.")
    year_to: int | None = Field(description="Last year the figure is about (= year_from for one).")
    period_as_written: str = Field(
        description="The period as the document writes it when it is not a year or span "
        "(a document without a year saying 过去五年); empty otherwise."
    )
    region: str | None = Field(description="Region the figure is about (else the document's).")
    confidence: float = Field(description="How sure the extractor is, 0-1.")


class Counterpart(BaseModel):
    """The other figure a target is set against: its result (``scorecard``) or the same
    indicator's target in the previous report (``changes``)."""

    target: TargetFigure
    text: str = Field(description="Its source sentence, as the document writes it.")
    citation: str = Field(description="Where it comes from (the doc reference in brackets).")


class Outcome(BaseModel):
    """How a target fared (``scorecard``) or moved (``changes``)."""

    status: str = Field(
        description="scorecard: met, missed or unknown. changes: raised, lowered, unchanged, "
        "reworded, new or dropped."
    )
    reason: str = Field(
        default="",
        description="scorecard: floor or ceiling (the direction applied), or why unknown: "
        "masked, no_value, no_result, result_masked, not_comparable. Empty for changes.",
    )
    other: Counterpart | None = Field(
        default=None,
        description="scorecard: the result for the target's period. changes: the previous "
        "report's target. None when there is none.",
    )


class Record(BaseModel):
    """One piece of a document with its source text and how to cite it."""

    doc: str = Field(description="File name: the reference other tools and doc:// take.")
    doc_id: str = Field(description="Stable short id of the document (also accepted as doc).")
    title: str
    doc_type: str | None = Field(
        description="Kind of document: 政府工作报告, 预算报告, 计划报告, 党代会报告 …"
    )
    region: str | None = Field(description="Region the document is about (全国: national).")
    year: int | None = Field(description="Year the document is about (None if unknown).")
    date: str | None = Field(description="Date of the document (YYYY-MM-DD) if known.")
    section: str = Field(description="Heading path, outermost first, joined by ' > '.")
    passage: int | None = Field(description="Passage number in the document (get_passage).")
    text: str = Field(description="Source text exactly as in the document (may be cut).")
    truncated: bool = Field(description="Whether text was cut to bound the result size.")
    citation: str = Field(description="Human-readable citation to quote with the text.")
    target: TargetFigure | None = Field(
        default=None, description="The key target (targets and compare only)."
    )
    score: float | None = Field(default=None, description="Search relevance (search only).")
    outcome: Outcome | None = Field(
        default=None, description="scorecard and changes only: the verdict or the change."
    )


class QueryNote(BaseModel):
    """What the search made of a part of the query, as a code a caller can act on."""

    code: str = Field(
        description="time_ignored (a time of day left out), ambiguous_place (a name several "
        "places share: no region searched), empty_query and only_exclusions (nothing to "
        "search), query_truncated, too_many_terms, too_many_words, correction_skipped, "
        "corrected (searched as corrected), home_unset (我市, 本县 … left out: no place set), "
        "no_match (no passage matches), region_absent and year_absent (no document is about "
        "the region or year given: change it, not the words)."
    )
    text: str = Field(description="The note as a sentence, in English.")
    reach: str = Field(
        description="query: the query as a whole was not searched as typed; part: one part "
        "of it was left out and the rest searched."
    )
    params: dict[str, str | int] = Field(
        default_factory=dict,
        description="The note's particulars: time_ignored: time; ambiguous_place: name, "
        "places; corrected: query, corrected, replaced (低空经济 → 临空经济, each word); "
        "no_match: suggestions; region_absent: region; year_absent: year.",
    )


class Understood(BaseModel):
    """What a search query named besides its words; the documents that match rank first."""

    regions: list[str] = Field(default_factory=list, description="Regions named, as typed.")
    years: list[int] = Field(default_factory=list, description="Years named.")
    doc_type: str | None = Field(default=None, description="Kind of document named.")
    indicator: str | None = Field(default=None, description="Indicator asked for.")
    period: str | None = Field(default=None, description="Five-year plan period (十四五).")
    absent: list[str] = Field(
        default_factory=list, description="Regions named that no document is about."
    )
    unmatched: list[str] = Field(
        default_factory=list,
        description=(
            "Facets (region, year) no document matches; region_year: the place and the"
            " year each have documents but none is of both; region_hits: the place has"
            " documents but no hit is from them. The hits are from others."
        ),
    )
    text: str = Field(description="The same as a sentence, in English.")


class Result(BaseModel):
    """A page of records (every tool returns this shape)."""

    records: list[Record]
    total: int = Field(description="Records matching in all pages.")
    page: int
    pages: int
    page_size: int
    next_page: int | None = Field(description="The page to ask for next, or None.")
    notes: list[str] = Field(
        default_factory=list,
        description="What the caller should know: corrections, records left out, hints.",
    )
    query_notes: list[QueryNote] = Field(
        default_factory=list,
        description="search only: the notes on the query as codes (what was left out, "
        "what a shared place name may mean, corrections); their sentences are in notes too.",
    )
    understood: Understood | None = Field(
        default=None, description="search only: what the query named besides its words."
    )


def clip(text: str, limit: int) -> tuple[str, bool]:
    """``text`` cut to ``limit`` characters (with ``…``), and whether it was cut."""
    if len(text) <= limit:
        return text, False
    return text[: limit - 1] + "…", True


def citation(info: DocumentInfo, section: str = "", passage: int | None = None) -> str:
    """``《title》（region，year[，date]）section，第N段 [file#pN]``: what a reader needs to
    find the text again, and the reference the tools take."""
    facts = [info.region or "", str(info.year) if info.year else "", info.date or ""]
    about = "，".join(f for f in facts if f)
    parts = [f"《{info.title}》" + (f"（{about}）" if about else "")]
    if section:
        parts.append(section)
    if passage is not None:
        parts.append(f"第{passage}段")
    ref = info.filename + (f"#p{passage}" if passage is not None else "")
    return "，".join(parts) + f" [{ref}]"


def record(
    info: DocumentInfo,
    *,
    section: str = "",
    passage: int | None = None,
    text: str = "",
    limit: int = TEXT_LIMIT,
    target: TargetFigure | None = None,
    score: float | None = None,
    outcome: Outcome | None = None,
) -> Record:
    """A record of ``info``'s document (``section`` already joined with ``' > '``)."""
    shown, cut = clip(text, limit)
    return Record(
        doc=info.filename,
        doc_id=info.doc_id,
        title=info.title,
        doc_type=info.doc_type,
        region=info.region,
        year=info.year,
        date=info.date,
        section=section,
        passage=passage,
        text=shown,
        truncated=cut,
        citation=citation(info, section, passage),
        target=target,
        score=score,
        outcome=outcome,
    )


def years(period: str) -> tuple[int | None, int | None, str]:
    """``2024`` -> (2024, 2024, ""); ``2021-2025`` -> (2021, 2025, ""); anything else
    (``过去五年`` in a document without a year, ``""``) -> (None, None, as written)."""
    m = _YEAR_RE.match(period.strip())
    if not m:
        return None, None, period.strip()
    first = int(m.group(1))
    return first, int(m.group(2) or first), ""


def figure(rec: TargetRecord, shown: str) -> TargetFigure:
    """The target fields of ``rec``; ``shown`` is the value as displayed (5.5%左右)."""
    year_from, year_to, written = years(rec.year)
    return TargetFigure(
        indicator=rec.indicator,
        figure=f"{rec.change}{shown}",
        change=rec.change,
        value=rec.value,
        value_max=rec.value_max,
        value_text=rec.value_text,
        unit=rec.unit,
        qualifier=rec.qualifier,
        kind=rec.kind,
        year_from=year_from,
        year_to=year_to,
        period_as_written=written,
        region=rec.region or None,
        confidence=round(rec.confidence, 3),
    )


def page_of(items: list, page: int, page_size: int) -> tuple[list, int, int | None]:
    """The items of ``page`` (1-based), the number of pages and the next page or None."""
    pages = max(1, -(-len(items) // page_size))
    start = (page - 1) * page_size
    chosen = items[start : start + page_size]
    return chosen, pages, (page + 1 if page < pages else None)
