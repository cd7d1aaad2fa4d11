"""Records passed between layers (ingestion -> index -> search -> CLI/Telegram).

Plain frozen dataclasses: cheap to build, easy to serialise with
:func:`dataclasses.asdict`, and free of any I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Note:
    """A remark about a query (empty, truncated …) as a code with its parameters, so that
    an interface can say it in its user's language; ``text`` is the core's own sentence
    (what the command line shows, in ``SearchResponse.message``).

    Codes: ``empty_query``, ``only_exclusions``, ``query_truncated`` (``max_chars``),
    ``too_many_terms`` (``max_parts``); the request's work budget
    (:mod:`bot.search.budget`): ``too_many_words`` (``max_words``), ``correction_skipped``;
    ``ambiguous_place`` (``name``, ``places``): an English or pinyin name two places share;
    ``time_ignored`` (``time``, ``first``, ``words``): a time of day typed as a keyword,
    left out (a digest's schedule belongs to /subscribe).

    ``reach`` says what the note means for the search: :data:`NOTE_QUERY` (the default),
    the query as a whole was not searched as typed (empty, only exclusions, cut short);
    :data:`NOTE_PART`, nothing was searched for one part of it (an ambiguous place
    names no region) while the rest was searched as typed, so what was understood of
    the rest is still worth saying.
    """

    code: str
    text: str
    params: tuple[tuple[str, int | str], ...] = ()
    reach: str = "query"


NOTE_QUERY = "query"
"""A :class:`Note` about the query as a whole: it was not searched as typed."""
NOTE_PART = "part"
"""A :class:`Note` about one part of the query that nothing was searched for."""
NOTHING_SEARCHED = frozenset({"empty_query", "only_exclusions"})
"""The :class:`Note` codes of a query with nothing to search: the note is the answer,
not "no results" (every interface, the bot's replies and the MCP search tool alike)."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A retrievable unit of a document: a paragraph, or a sentence window of a long one.

    ``text`` is the original text exactly as in the document (for display);
    ``start`` is its character offset in :attr:`Document.text`.
    ``section`` is the heading path in force at this passage, outermost first,
    e.g. ``("一、2023年工作回顾",)``; empty when the document has no headings yet.
    """

    doc_id: str
    ordinal: int
    text: str
    start: int
    section: tuple[str, ...] = ()

    @property
    def section_title(self) -> str:
        """The innermost heading, or ``""``."""
        return self.section[-1] if self.section else ""


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """Descriptive fields of a document, inferred or taken from a sidecar file.

    ``region`` is a short name (``烟台``, ``全国``); ``region_path`` its ancestors down
    to it (``("山东", "烟台")``); ``level`` is ``national``, ``provincial``, ``city`` or
    ``county``; ``doc_type`` one of :data:`bot.corpus.meta.TYPES`; ``year`` the year
    the document is about; ``date`` the delivery or publication date (``2026-01-27``).
    """

    title: str
    region: str | None = None
    year: int | None = None
    extra: dict[str, str] = field(default_factory=dict)
    level: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    date: str | None = None
    region_path: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed document.

    ``doc_id`` is stable for a given path relative to the corpus folder, so a new
    version of the same file keeps its id. ``sha256`` identifies the content
    (duplicates, staleness).
    """

    doc_id: str
    filename: str
    relpath: str
    sha256: str
    size: int
    mtime: float
    encoding: str
    meta: DocumentMeta
    text: str
    passages: tuple[Passage, ...]

    @property
    def title(self) -> str:
        return self.meta.title


@dataclass(frozen=True, slots=True)
class Highlight:
    """A highlighted span in a snippet: ``snippet[start:end]`` matched the query."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    doc_id: str
    filename: str
    title: str
    section: tuple[str, ...]
    passage_ordinal: int
    text: str
    snippet: str
    highlights: tuple[Highlight, ...]
    score: float
    region: str | None = None
    year: int | None = None
    url: str | None = None  # where a document from a live source was published


@dataclass(frozen=True, slots=True)
class Correction:
    """A query term that was replaced by a vocabulary term (typo or homophone)."""

    original: str
    corrected: str
    score: float


@dataclass(frozen=True, slots=True)
class PlanPeriod:
    """A five-year plan period: its name and its first and last year (十四五, 2021, 2025)."""

    name: str
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class HomeRegion:
    """A chat's own place (``/region 苍溪县``): what 我县, 我市, 本省 and 本地 mean in its
    queries. ``code`` and ``name`` are the gazetteer's (苍溪县); ``county``, ``city`` and
    ``province`` are the short names of the place and of the divisions around it, each
    ``None`` where the place has none (a city has no county; a municipality such as
    北京 is its own city and province)."""

    code: str
    name: str
    county: str | None = None
    city: str | None = None
    province: str | None = None

    @property
    def path(self) -> tuple[str, ...]:
        """Province, city and county as far as they are known: 四川 广元 苍溪."""
        return tuple(p for p in (self.province, self.city, self.county) if p)


@dataclass(frozen=True, slots=True)
class Understood:
    """What a query named besides its words: the documents it is about (region with its
    cities, year, kind of document) and the indicator it asks for. Searches rank the
    documents that match first; the reply says what was understood."""

    region: str | None = None
    year: int | None = None
    doc_type: str | None = None
    indicator: str | None = None
    # every region named, in the order typed (山东 江苏 GDP 目标: 山东, 江苏), when the
    # query names more than one: each one's documents rank first; ``region`` is the first
    regions: tuple[str, ...] = ()
    # every year named side by side (2024年和2025年的GDP目标), when more than one is:
    # each one's target is an answer card; ``year`` is the first
    years: tuple[int, ...] = ()
    # the regions named that no document of the library is about (山东 火星: 火星), when
    # several are named: the reply says them
    absent: tuple[str, ...] = ()
    # the facets ("region", "year") no document of the library matches: the results
    # come from other documents, and the reply says so
    unmatched: tuple[str, ...] = ()
    # the five-year plan period the query names (十四五, 2021-2025): the answer card is
    # the period's goal; said in the reply, not a facet ranked
    period: PlanPeriod | None = None
    # English words the glossary lacks, each with the dictionary's Chinese words it was
    # searched as (sewage: 污水): said in the reply, so a misreading shows; ranks nothing
    english: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the word the year was said with (今年, 去年, 明年), and the year it counted from:
    # today's, or the year of the library's newest documents when the whole library stops
    # earlier, said in the reply so a year read from a word shows how it was taken
    year_word: str = ""
    year_base: int | None = None
    # whether ``year_base`` is the library's newest documents' year, not today's
    year_base_places: bool = False

    @property
    def any(self) -> bool:
        """Whether a facet was understood (region, year, kind, indicator): the period
        alone ranks nothing and leaves the answer to what the first passage states."""
        return bool(self.region or self.year or self.doc_type or self.indicator)

    @property
    def all_regions(self) -> tuple[str, ...]:
        """The regions named: ``regions`` when several are, else ``region`` alone."""
        if self.regions:
            return self.regions
        return (self.region,) if self.region else ()

    @property
    def all_years(self) -> tuple[int, ...]:
        """The years named: ``years`` when several are, else ``year`` alone."""
        if self.years:
            return self.years
        return (self.year,) if self.year else ()

    @property
    def said(self) -> bool:
        """Whether the reply says what was understood: a facet, the period, or English
        words read through the dictionary."""
        return self.any or self.period is not None or bool(self.english)


@dataclass(frozen=True, slots=True)
class AnswerCard:
    """A key target that answers a target-seeking query directly (山东 2024 地区生产总值
    目标：增长5%左右), with where it was said."""

    indicator: str
    figure: str  # as displayed: 5.5%左右, 1200万人以上
    value_text: str
    unit: str
    qualifier: str
    change: str
    kind: str
    year: str
    region: str | None
    doc_id: str
    filename: str
    title: str
    section: str
    sentence: str
    # the record's numbers, as ``targets --json`` gives them (``value_max`` for a range)
    value: float | None = None
    value_max: float | None = None
    masked: bool = False
    confidence: float = 1.0
    # the region asked when the figure is a place's inside it (四川 asked, 蓬溪县's
    # target shown): said so, never shown as the asked region's own
    asked_region: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceNewest:
    """A place asked for a year none of its documents is of (成都今年: 2026, 成都's newest a
    2022 bulletin): the year asked, and the place's newest document, said with the reply."""

    region: str
    year: int
    newest_year: int
    title: str


@dataclass(frozen=True, slots=True)
class SearchResponse:
    """The answer to one query, one page of it.

    ``message`` is a human sentence for problems with the query itself (empty,
    only punctuation, truncated); it is ``None`` for an ordinary answer. ``notes`` says
    the same as codes (:class:`Note`), for interfaces that translate.
    """

    query: str
    hits: tuple[SearchHit, ...]
    total: int
    page: int
    page_size: int
    corrections: tuple[Correction, ...] = ()
    suggestions: tuple[str, ...] = ()
    message: str | None = None
    notes: tuple[Note, ...] = ()
    understood: Understood | None = None
    answer: AnswerCard | None = None
    # a comparison's cards, one per region and year named that has a record (山东 江苏
    # GDP 目标: 山东's, then 江苏's), at most ``MAX_ANSWERS``; ``answer`` is the first
    answers: tuple[AnswerCard, ...] = ()
    # the regions (and years: 江苏 2025) named whose record was not found, as said back
    unanswered: tuple[str, ...] = ()
    # one place asked for a year it has no document of: its newest document, said back
    place_newest: PlaceNewest | None = None
    # the cards found beyond ``MAX_ANSWERS``, not shown
    answers_cut: int = 0
    # a question of which places (哪些省份提出了…目标): each document once at the top,
    # with its best passage, before a second passage of any
    by_document: bool = False
    # the query said 我县, 本市, 本地 … and the chat has set no place of its own: the words
    # were left out of the search, and the reply says how to set the place
    home_unset: bool = False
    # a question naming no place, and the library holds its figure for several: one card
    # per place (``answers``), and the reply says how to ask about one
    several_places: bool = False

    @property
    def all_answers(self) -> tuple[AnswerCard, ...]:
        """Every card: a comparison's ``answers``, else ``answer`` alone (or none)."""
        if self.answers:
            return self.answers
        return (self.answer,) if self.answer is not None else ()

    @property
    def nothing_searched(self) -> bool:
        """Whether the query had nothing to search (empty, only exclusions): its note is
        the whole answer, and "no results" would be wrong. A query searched in part (cut
        to its first characters, a time of day or a shared place name left out) was
        searched, and finding nothing is worth saying. Every interface reads this one
        predicate: the bot's replies, the command line and the MCP search tool."""
        if self.notes:
            return any(n.code in NOTHING_SEARCHED for n in self.notes)
        return self.message is not None

    @property
    def corrected_query(self) -> str | None:
        if not self.corrections:
            return None
        text = self.query
        for c in self.corrections:
            text = text.replace(c.original, c.corrected)
        return text

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def html_in_text(filename: str, encoding: str) -> bool:
    """Whether a document read as ``encoding`` from ``filename`` is a text file holding
    HTML that was read as a page, its markup removed (``bot.corpus.reader.markup_kind``)."""
    return encoding == "html" and filename.lower().endswith((".txt", ".md"))


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the index knows about a document, without its text."""

    doc_id: str
    filename: str
    relpath: str
    sha256: str
    size: int
    title: str
    region: str | None
    year: int | None
    encoding: str
    passages: int
    indexed_at: float
    extra: dict[str, str] = field(default_factory=dict)
    level: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    date: str | None = None
    region_path: tuple[str, ...] = ()

    @property
    def meta(self) -> DocumentMeta:
        """The descriptive fields as a :class:`DocumentMeta`."""
        return DocumentMeta(
            title=self.title,
            region=self.region,
            year=self.year,
            extra=dict(self.extra),
            level=self.level,
            doc_type=self.doc_type,
            issuer=self.issuer,
            date=self.date,
            region_path=tuple(self.region_path),
        )

    @property
    def html_in_text(self) -> bool:
        """A text file (.txt, .md) holding HTML, read as a page, its markup removed
        (``bot.corpus.reader.markup_kind``): what its reader is told."""
        return html_in_text(self.filename, self.encoding)

    def document(self, text: str, passages: tuple[Passage, ...]) -> Document:
        """The indexed document rebuilt from its stored ``text`` and ``passages``."""
        return Document(
            doc_id=self.doc_id,
            filename=self.filename,
            relpath=self.relpath,
            sha256=self.sha256,
            size=self.size,
            mtime=self.indexed_at,
            encoding=self.encoding,
            meta=self.meta,
            text=text,
            passages=passages,
        )


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file that was not indexed, and why: ``reason`` in English (the command line,
    logs); ``code`` and ``params`` the same for an interface that translates (the
    catalogue's ``errors.<code>``; empty: only the reason is known). ``/reindex`` said
    "gbk.txt：same content as dup.txt" in a Chinese reply (user-trial15)."""

    path: str
    reason: str
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What an index refresh did."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: int = 0
    skipped: tuple[SkippedFile, ...] = ()
    rebuilt: bool = False
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.rebuilt)
