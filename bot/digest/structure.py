"""What a composed digest is made of: its lines (:class:`DigestLine`) of styled runs
(:class:`Span`), the target entries they show (:class:`DigestEntry`) and the documents
those come from (:class:`SourceRef`), put together as a :class:`Digest`.

:mod:`bot.digest.compose` builds them, :mod:`bot.digest.render` draws them. Pure data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.digest.filter_syntax import DigestFilter
from bot.targets.records import TargetRecord

__all__ = [
    "Digest",
    "DigestEntry",
    "DigestLine",
    "GroupBy",
    "LineKind",
    "SourceRef",
    "Span",
    "Style",
]

GroupBy = Literal["indicator", "document"]
LineKind = Literal[
    "title", "lead", "summary", "new_docs", "heading", "target", "more", "empty", "blank"
]
Style = Literal["", "b", "i"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one style: ``""`` plain, ``"b"`` bold, ``"i"`` italic.

    ``text`` is plain text (never HTML); renderers escape it.
    """

    text: str
    style: Style = ""


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A document a digest line comes from."""

    doc_id: str
    title: str  # short display title (see :func:`short_title`)
    full_title: str
    filename: str
    new: bool = False
    url: str | None = None  # where a document from a live source was published
    # the file name, when another document of the digest has the same title (both
    # versions of a report kept: "《万安县…报告》、《万安县…报告》" told nothing apart)
    aside: str = ""


@dataclass(frozen=True, slots=True)
class DigestEntry:
    """One target line's data: one figure, possibly found in several documents.

    ``value`` is the display form of the figure (``5.5%左右``, ``x.x%（原文隐去）``,
    ``增速高于全省平均水平``, or ``""`` when the change says it all, e.g. ``翻番``);
    ``year`` is the display period (``2024年``, in English ``2024``; ``未来五年`` or
    ``""``); ``region`` is the region to show (``""`` when the source title already names it).
    """

    indicator: str
    group: str
    kind: str
    change: str
    value: str
    year: str
    region: str
    masked: bool
    comparison: bool
    sources: tuple[SourceRef, ...]
    records: tuple[TargetRecord, ...]
    # where the line is about, said when the line does not name its source (the one new
    # document named above every line): the record's region, else its document's, else
    # the document's short title, never nothing
    place: str = ""

    @property
    def new(self) -> bool:
        return any(s.new for s in self.sources)


@dataclass(frozen=True, slots=True)
class DigestLine:
    """A line of the digest. ``entry`` is set for ``kind == "target"`` lines."""

    kind: LineKind
    spans: tuple[Span, ...] = ()
    entry: DigestEntry | None = None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True, slots=True)
class Digest:
    """A composed digest.

    ``lines`` is everything in display order (title, summary, headings, targets, the
    "more" line); ``entries`` the target entries shown; ``shown``/``total`` count
    target lines (after merging duplicates); ``new_documents`` the new documents that
    contributed at least one line; ``empty`` says there was nothing to show (the
    scheduler decides whether to send an empty digest); ``low_confidence`` counts the
    records that passed the filter but were left out for low confidence.
    """

    title: str
    description: str
    date: str
    group_by: GroupBy
    lines: tuple[DigestLine, ...]
    entries: tuple[DigestEntry, ...]
    shown: int
    total: int
    documents: tuple[SourceRef, ...]
    new_documents: tuple[SourceRef, ...]
    empty: bool
    more_command: str = "/targets"
    filter: DigestFilter = field(default_factory=DigestFilter)
    low_confidence: int = 0

    @property
    def hidden(self) -> int:
        """Target lines left out by the cap."""
        return self.total - self.shown

    @property
    def target_lines(self) -> tuple[DigestLine, ...]:
        return tuple(line for line in self.lines if line.kind == "target")

    @property
    def text(self) -> str:
        """Plain-text form (same as :func:`bot.digest.render.render_text`)."""
        return "\n".join(line.text for line in self.lines)
