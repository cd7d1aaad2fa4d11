"""What every tool looks up on the library: the engine freshened, a document by name and
its passages, the note for a region or year no document is about, a page of records (a
page past the last refused), and the page sizes the tools take.

:class:`Lookups` is the base of the tool mixins that :class:`mcp_server.library.Library`
is put together from (``searching``, ``reading``, ``key_targets``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from mcp.server.mcpserver.exceptions import ToolError

from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import AmbiguousPlace, place_in_region
from bot.i18n import tr
from bot.library import DocumentNotFound, Engine
from bot.models import DocumentInfo, Passage
from mcp_server.records import Record, Result, page_of

# the logger the server's log has always named (the tools were one module, library)
log = logging.getLogger("mcp_server.library")

T = TypeVar("T")

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
def places_told() -> Iterator[None]:
    """A region named by a name two places share (Suzhou) as the tool's error, with the
    candidates, as every region filter says it."""
    try:
        yield
    except AmbiguousPlace as exc:
        raise ToolError(str(exc)) from None


def past_last(page: int, pages: int) -> ToolError:
    return ToolError(f"page {page} is past the last page ({pages}); ask for page 1 to {pages}.")


def section_line(path: Iterable[str]) -> str:
    return " > ".join(path)


class Lookups:
    """What the tools share on one engine (opened read-only by the command line)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

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
        with places_told():
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
            with places_told():
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

    @staticmethod
    def _paged(
        items: list[T],
        page: int,
        page_size: int,
        notes: list[str] | None = None,
        build: Callable[[list[T]], list[Record]] | None = None,
    ) -> Result:
        """Page ``page`` of ``items`` as a result, a page past the last refused. ``build``
        makes the page's records (their passages looked up for that page only); without
        it the items are the records."""
        chosen, pages, following = page_of(items, page, page_size)
        if page > pages:
            raise past_last(page, pages)
        return Result(
            records=build(chosen) if build is not None else chosen,
            total=len(items),
            page=page,
            pages=pages,
            page_size=page_size,
            next_page=following,
            notes=notes or [],
        )
