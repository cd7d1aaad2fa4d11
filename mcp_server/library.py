"""What the tools do, on the library (:class:`bot.library.Engine`), as plain methods.

Every method runs on the core thread (:class:`bot.blocking.Blocking`, as in the bot:
the searcher is not thread-safe), first picking up an index a writer swapped in since
(:meth:`~bot.library.Engine.reopen_if_changed`), and returns a
:class:`~mcp_server.records.Result`. A request the library cannot answer (an unknown
document, a bad filter, a page past the last) raises :class:`ToolError` with a
sentence that says what to do instead; the client sees it as a tool error.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from mcp.server.mcpserver.exceptions import ToolError

from bot.analytics.linking import Sourced
from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import AmbiguousPlace, place_in_region
from bot.digest import FilterError, parse_filter
from bot.digest.values import format_value
from bot.i18n import counted, tr
from bot.library import DocTarget, DocumentNotFound, Engine
from bot.library.understood import understood_line
from bot.models import NOTE_PART, NOTE_QUERY, DocumentInfo, Note, Passage
from bot.models import Understood as UnderstoodFacets
from mcp_server.records import (
    PASSAGE_LIMIT,
    Counterpart,
    Outcome,
    QueryNote,
    Record,
    Result,
    Understood,
    citation,
    figure,
    page_of,
    record,
    years,
)

log = logging.getLogger(__name__)

SEARCH_PAGE = 10
SEARCH_PAGE_MAX = 20
LIST_PAGE = 20
LIST_PAGE_MAX = 50
TARGETS_PAGE = 20
TARGETS_PAGE_MAX = 30
OUTLINE_PAGE = 50
OUTLINE_PAGE_MAX = 100
CONTEXT_MAX = 3
OPENING_CHARS = 200
"""Characters of a document's opening passage in ``list_documents``."""

RESOURCE_PASSAGES = 40
"""Passages of a document per page of its ``doc://`` resource."""

KINDS = ("target", "achievement", "estimate", "all")

REGIONS_SHOWN = 30
"""Regions named in the note on a region no document is about."""


@contextmanager
def _places_told() -> Iterator[None]:
    """A region named by a name two places share (Suzhou) as the tool's error, with the
    candidates, as every region filter says it."""
    try:
        yield
    except AmbiguousPlace as exc:
        raise ToolError(str(exc)) from None


def _query_note(note: Note) -> QueryNote:
    """A core note on the query, said in English (as the bot says it in its catalogue)."""
    params = dict(note.params)
    return QueryNote(
        code=note.code,
        text=tr("en", f"search.{note.code}", **params),
        reach=note.reach,
        params=params,
    )


def _understood(seen: UnderstoodFacets | None) -> Understood | None:
    """What the query named, as fields, with the sentence the bot would say; None when
    nothing was understood (the sentence is empty)."""
    line = understood_line(seen, "en")
    if seen is None or not line:
        return None
    return Understood(
        regions=list(seen.all_regions),
        years=list(seen.all_years),
        doc_type=seen.doc_type,
        indicator=seen.indicator,
        period=seen.period.name if seen.period else None,
        absent=list(seen.absent),
        unmatched=list(seen.unmatched),
        text=line,
    )


def _past_last(page: int, pages: int) -> ToolError:
    return ToolError(f"page {page} is past the last page ({pages}); ask for page 1 to {pages}.")


def _section(path: Iterable[str]) -> str:
    return " > ".join(path)


class Library:
    """The tools' operations on one engine (opened read-only by the command line)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- helpers -----------------------------------------------------------------------------
    def _fresh(self) -> None:
        if self.engine.reopen_if_changed():
            log.info("a new index is on disk; serving it")

    def _info(self, doc: str) -> DocumentInfo:
        try:
            return self.engine.find_document(doc)
        except DocumentNotFound as exc:
            raise ToolError(
                f"{exc}. Give a file name or id as list_documents returns it "
                "(doc or doc_id), or a unique prefix of either."
            ) from None

    def _region_absent(self, region: str | None) -> str | None:
        """The note for a region filter no document is about (Jiangsu in a library without
        it), naming the regions there are; None when some document is about ``region``.
        Without it an empty page read as "no such passage or figure" and an assistant
        changed the words or the indicator, never the region."""
        wanted = (region or "").strip()
        if not wanted:
            return None
        docs = self.engine.documents()
        gazetteer = default_gazetteer()
        with _places_told():
            if any(place_in_region(wanted, d.region, d.region_path, gazetteer) for d in docs):
                return None
        known = sorted({d.region for d in docs if d.region})
        shown = "、".join(known[:REGIONS_SHOWN]) + (" …" if len(known) > REGIONS_SHOWN else "")
        return tr("en", "mcp.region_absent", region=wanted, known=shown or "-")

    def _year_absent(self, year: int | None, region: str | None = None) -> str | None:
        """The note for a year no document (of ``region``, when given) is about, naming
        the years there are; None when some document is about ``year``. As for a region:
        the year, not the words, is what to change (a 2024 national report asked of a
        library with 2021 and 2025 ones)."""
        if year is None:
            return None
        docs = self.engine.documents()
        wanted = (region or "").strip()
        if wanted:
            gazetteer = default_gazetteer()
            with _places_told():
                docs = [
                    d for d in docs if place_in_region(wanted, d.region, d.region_path, gazetteer)
                ]
        if any(d.year == year for d in docs):
            return None
        known = ", ".join(str(y) for y in sorted({d.year for d in docs if d.year})) or "-"
        if wanted:
            return tr("en", "mcp.year_absent_in", year=year, region=wanted, known=known)
        return tr("en", "mcp.year_absent", year=year, known=known)

    def _infos(self) -> dict[str, DocumentInfo]:
        return {d.doc_id: d for d in self.engine.documents()}

    def _passages(self, info: DocumentInfo) -> tuple[Passage, ...]:
        try:
            return self.engine.document(info.doc_id).passages
        except DocumentNotFound as exc:
            raise ToolError(str(exc)) from None

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
        chosen, pages, following = page_of(rows, page, page_size)
        if page > pages:
            raise _past_last(page, pages)
        infos = self._infos()
        records = [
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
        return Result(
            records=records,
            total=len(rows),
            page=page,
            pages=pages,
            page_size=page_size,
            next_page=following,
            notes=notes,
        )

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

    @staticmethod
    def _paged(
        records: list[Record], page: int, page_size: int, notes: list[str] | None = None
    ) -> Result:
        chosen, pages, following = page_of(records, page, page_size)
        if page > pages:
            raise _past_last(page, pages)
        return Result(
            records=chosen,
            total=len(records),
            page=page,
            pages=pages,
            page_size=page_size,
            next_page=following,
            notes=notes or [],
        )

    # -- tools -------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        region: str | None = None,
        year: int | None = None,
        doc: str | None = None,
        page: int = 1,
        page_size: int = SEARCH_PAGE,
    ) -> Result:
        self._fresh()
        filename = self._info(doc).filename if doc else None
        resp = self.engine.search(
            query, page=page, page_size=page_size, doc=filename, region=region, year=year
        )
        told = [_query_note(n) for n in resp.notes]
        # nothing to search: an error; a part left out (a time, a shared name) is a note
        if not resp.hits and resp.nothing_searched:
            said = " ".join(n.text.rstrip(".") + "." for n in told) or resp.message
            raise ToolError(f"{said} Give one or more words to search for.")
        if resp.total and page > resp.pages:
            raise _past_last(page, resp.pages)
        infos = self._infos()
        notes: list[str] = [n.text for n in told]
        if resp.corrected_query:
            # each word replaced, as the bot says it: a word read from English (低空经济 of
            # "low-altitude economy") is replaced in the Chinese searched, not in the query
            # typed, which the note used to give back as its own correction
            replaced = ", ".join(f"{c.original} → {c.corrected}" for c in resp.corrections)
            if resp.corrected_query != query:
                said = (
                    f"searched for {resp.corrected_query!r} (corrected from {query!r}: {replaced})"
                )
            else:
                said = tr("en", "mcp.corrected_reading", query=query, replaced=replaced)
            notes.append(said)
            told.append(
                QueryNote(
                    code="corrected",
                    text=notes[-1],
                    reach=NOTE_QUERY,
                    params={
                        "query": query,
                        "corrected": resp.corrected_query,
                        "replaced": replaced,
                    },
                )
            )
        understood = _understood(resp.understood)
        if understood is not None:
            notes.append(understood.text)
        for a in resp.all_answers:  # a comparison's cards, one per region and year named
            notes.append(
                f"answer: {a.region or ''} {a.year} {a.indicator} {a.kind}: {a.change}{a.figure}"
                f" ({a.title}, {a.section}) [{a.filename}]".replace("  ", " ").strip()
            )
        if resp.answers_cut:
            notes.append(tr("en", "search.answers_cut", count=resp.answers_cut))
        if resp.unanswered:
            notes.append(tr("en", "search.answer_none", names=", ".join(resp.unanswered)))
        if resp.home_unset:  # 我县, 本市: a caller with no chat has no place set (ARCHITECTURE)
            notes.append(tr("en", "mcp.home_unset"))
            told.append(QueryNote(code="home_unset", text=notes[-1], reach=NOTE_PART))
        if resp.by_document and resp.hits:  # 哪些省份…: each document's best passage first
            notes.append(tr("en", "search.by_document"))
        absent = None if resp.hits else self._region_absent(region)
        none_then = None if resp.hits or absent else self._year_absent(year, region)
        if absent:  # the region filtered everything out, not the words
            notes.append(absent)
            told.append(
                QueryNote(
                    code="region_absent", text=absent, reach=NOTE_QUERY, params={"region": region}
                )
            )
        elif none_then:  # so did the year
            notes.append(none_then)
            told.append(
                QueryNote(
                    code="year_absent", text=none_then, reach=NOTE_QUERY, params={"year": year}
                )
            )
        elif not resp.hits:
            notes.append("no passage matches; try fewer or other words")
            if resp.suggestions:
                notes.append("did you mean: " + ", ".join(resp.suggestions))
            told.append(
                QueryNote(
                    code="no_match",
                    text="; ".join(notes[-2:] if resp.suggestions else notes[-1:]),
                    reach=NOTE_QUERY,
                    params={"suggestions": ", ".join(resp.suggestions)} if resp.suggestions else {},
                )
            )
        records = [
            record(
                infos[h.doc_id],
                section=_section(h.section),
                passage=h.passage_ordinal,
                text=h.text,
                score=round(h.score, 4),
            )
            for h in resp.hits
            if h.doc_id in infos
        ]
        return Result(
            records=records,
            total=resp.total,
            page=resp.page,
            pages=resp.pages,
            page_size=page_size,
            next_page=resp.page + 1 if resp.page < resp.pages else None,
            notes=notes,
            query_notes=told,
            understood=understood,
        )

    def get_passage(self, doc: str, passage: int, context: int = 0) -> Result:
        self._fresh()
        info = self._info(doc)
        passages = self._passages(info)
        if not 0 <= passage < len(passages):
            raise ToolError(
                f"{info.filename} has passages 0 to {len(passages) - 1}; "
                f"there is no passage {passage}."
            )
        lo, hi = max(0, passage - context), min(len(passages), passage + context + 1)
        records = [
            record(
                info,
                section=_section(p.section),
                passage=p.ordinal,
                text=p.text,
                limit=PASSAGE_LIMIT,
            )
            for p in passages[lo:hi]
        ]
        return Result(
            records=records,
            total=len(records),
            page=1,
            pages=1,
            page_size=len(records),
            next_page=None,
            notes=[f"passages {lo} to {hi - 1} of {len(passages)} in {info.filename}"],
        )

    def list_documents(
        self,
        *,
        region: str | None = None,
        year: int | None = None,
        page: int = 1,
        page_size: int = LIST_PAGE,
    ) -> Result:
        self._fresh()
        docs = self.engine.documents()
        if region:
            gazetteer = default_gazetteer()
            docs = [d for d in docs if place_in_region(region, d.region, d.region_path, gazetteer)]
        if year is not None:
            docs = [d for d in docs if d.year == year]
        narrowed = bool(region) or year is not None
        chosen, pages, _ = page_of(docs, page, page_size)
        if page > pages:
            raise _past_last(page, pages)
        records = []
        for info in chosen:
            passages = self._passages(info)
            opening = _opening(passages)
            records.append(
                record(
                    info,
                    section=_section(opening.section) if opening else "",
                    passage=opening.ordinal if opening else None,
                    text=opening.text if opening else "",
                    limit=OPENING_CHARS,
                )
            )
        return Result(
            records=records,
            total=len(docs),
            page=page,
            pages=pages,
            page_size=page_size,
            next_page=page + 1 if page < pages else None,
            # "1 document matches", "3 documents match": a note an assistant may quote
            notes=[counted(len(docs), "document") + (_match_verb(len(docs)) if narrowed else "")]
            + (
                [absent]
                if not docs
                and (absent := self._region_absent(region) or self._year_absent(year, region))
                else []
            ),
        )

    def get_document_outline(
        self, doc: str, *, page: int = 1, page_size: int = OUTLINE_PAGE
    ) -> Result:
        self._fresh()
        info = self._info(doc)
        records: list[Record] = []
        seen: set[tuple[str, ...]] = set()
        for p in self._passages(info):
            if p.section and p.section not in seen:
                seen.add(p.section)
                records.append(
                    record(info, section=_section(p.section), passage=p.ordinal, text=p.section[-1])
                )
        notes = [
            f"{len(records)} headings; passage is the first passage under each "
            "(read it with get_passage)"
        ]
        if not records:
            notes = ["this document has no headings; read it with get_passage from passage 0"]
        return self._paged(records, page, page_size, notes)

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
        with _places_told():
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
        with _places_told():
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
        chosen, pages, following = page_of(card.links, page, page_size)
        if page > pages:
            raise _past_last(page, pages)
        records = [
            self._sourced_record(
                link.target,
                Outcome(
                    status=link.status,
                    reason=link.verdict.reason,
                    other=self._counterpart(link.result),
                ),
            )
            for link in chosen
        ]
        return Result(
            records=records,
            total=len(card.links),
            page=page,
            pages=pages,
            page_size=page_size,
            next_page=following,
            notes=notes,
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
        with _places_told():
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
        chosen, pages, following = page_of(report.targets, page, page_size)
        if page > pages:
            raise _past_last(page, pages)
        records = []
        for change in chosen:
            main = change.current or change.previous
            if main is None:
                continue
            other = change.previous if change.current is not None else None
            outcome = Outcome(status=change.kind, other=self._counterpart(other))
            records.append(self._sourced_record(main, outcome))
        return Result(
            records=records,
            total=len(report.targets),
            page=page,
            pages=pages,
            page_size=page_size,
            next_page=following,
            notes=notes,
        )

    # -- resources ---------------------------------------------------------------------------
    def document_text(self, doc: str, page: int = 1) -> str:
        """Page ``page`` of a document as Markdown: its facts, then
        :data:`RESOURCE_PASSAGES` passages with their headings and numbers."""
        self._fresh()
        info = self._info(doc)
        passages = self._passages(info)
        chosen, pages, following = page_of(list(passages), page, RESOURCE_PASSAGES)
        if page > pages:
            raise _past_last(page, pages)
        facts = [
            ("file", info.filename),
            ("id", info.doc_id),
            ("type", info.doc_type),
            ("region", " > ".join(info.region_path) or info.region),
            ("year", info.year),
            ("issuer", info.issuer),
            ("date", info.date),
            ("passages", len(passages)),
        ]
        lines = [f"# {info.title}", ""]
        lines += [f"- {k}: {v}" for k, v in facts if v not in (None, "")]
        lines += ["", f"Page {page} of {pages}.", ""]
        section: tuple[str, ...] = ()
        for p in chosen:
            if p.section != section:
                same = 0  # the headings both paths share are not repeated
                while same < min(len(section), len(p.section)) and (
                    section[same] == p.section[same]
                ):
                    same += 1
                for depth in range(same, len(p.section)):
                    lines += ["#" * min(6, depth + 2) + " " + p.section[depth], ""]
                section = p.section
            lines += [f"[{p.ordinal}] {p.text}", ""]
        if following:
            lines.append(f"Continued at doc://{info.doc_id}?page={following}")
        return "\n".join(lines).rstrip() + "\n"

    def document_list(self) -> list[DocumentInfo]:
        self._fresh()
        return self.engine.documents()


OPENING_MIN_CHARS = 40
"""A passage shorter than this opening a document is its masthead, not what it says."""


def _opening(passages: tuple[Passage, ...]) -> Passage | None:
    """The passage that says what a document is about, for ``list_documents``: the first
    that is no masthead line (the title, 沪科〔2025〕5号, a date) nor an address to its
    readers (各位代表：, 各区人民政府，市政府各委、办、局：), which opened the records of
    half the documents of the trial's library; the first passage when all are."""
    for p in passages:
        text = p.text.strip()
        if len(text) >= OPENING_MIN_CHARS and not text.endswith(("：", ":")):
            return p
    return passages[0] if passages else None


def _match_verb(count: int) -> str:
    return " matches" if count == 1 else " match"
