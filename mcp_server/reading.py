"""The tools and resources that read documents: ``list_documents`` (each with the passage
that says what it is about), ``get_document_outline``, ``get_passage`` and a document's
``doc://`` pages as Markdown."""

from __future__ import annotations

from mcp.server.mcpserver.exceptions import ToolError

from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import place_in_region
from bot.i18n import counted
from bot.models import DocumentInfo, Passage
from mcp_server.lookups import (
    LIST_PAGE,
    OPENING_CHARS,
    OUTLINE_PAGE,
    RESOURCE_PASSAGES,
    Lookups,
    past_last,
    section_line,
)
from mcp_server.records import PASSAGE_LIMIT, Record, Result, page_of, record


class ReadingTools(Lookups):
    """The reading tools and resources of :class:`mcp_server.library.Library`."""

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
                section=section_line(p.section),
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
            raise past_last(page, pages)
        records = []
        for info in chosen:
            passages = self._passages(info)
            opening = _opening(passages)
            records.append(
                record(
                    info,
                    section=section_line(opening.section) if opening else "",
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
                    record(
                        info, section=section_line(p.section), passage=p.ordinal, text=p.section[-1]
                    )
                )
        notes = [
            f"{len(records)} headings; passage is the first passage under each "
            "(read it with get_passage)"
        ]
        if not records:
            notes = ["this document has no headings; read it with get_passage from passage 0"]
        return self._paged(records, page, page_size, notes)

    # -- resources
    def document_text(self, doc: str, page: int = 1) -> str:
        """Page ``page`` of a document as Markdown: its facts, then
        :data:`RESOURCE_PASSAGES` passages with their headings and numbers."""
        self._fresh()
        info = self._info(doc)
        passages = self._passages(info)
        chosen, pages, following = page_of(list(passages), page, RESOURCE_PASSAGES)
        if page > pages:
            raise past_last(page, pages)
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
