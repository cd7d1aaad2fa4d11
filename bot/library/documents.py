"""Documents of the library: listing, finding by reference, reading in full."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from bot.config import Settings
from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import place_in_region
from bot.models import (
    Document,
    DocumentInfo,
    Passage,
)
from bot.search import segments as seg
from bot.search.index import CompiledIndex
from bot.search.indexer import Indexer
from bot.search.searcher import Filters
from bot.text.han import is_han


class DocumentNotFound(LookupError):
    """No document matches the given reference (or more than one does).

    ``str(exc)`` says why in English; ``code`` (``document.…``) and ``params`` say it for
    interfaces that translate (see ``bot.errors``).
    """

    def __init__(self, message: str, code: str = "", /, **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def match_document(
    docs: Sequence[DocumentInfo], ref: str, *, prefixes: bool = True
) -> DocumentInfo:
    """A document by id, file name, file stem or (``prefixes``) unique prefix of either."""
    key = ref.strip().lower()
    if not key:
        raise DocumentNotFound("no document given", "document.not_given")
    exact = [
        d
        for d in docs
        if key in (d.doc_id.lower(), d.filename.lower(), d.filename.rsplit(".", 1)[0].lower())
    ]
    if len(exact) == 1:
        return exact[0]
    if not prefixes:
        raise DocumentNotFound(f"no document is named {ref!r}", "document.no_match", ref=ref)
    prefix = [
        d for d in docs if d.doc_id.lower().startswith(key) or d.filename.lower().startswith(key)
    ]
    if len(prefix) == 1:
        return prefix[0]
    if not prefix:
        raise DocumentNotFound(f"no document matches {ref!r}", "document.no_match", ref=ref)
    names = ", ".join(d.filename for d in prefix[:5])
    raise DocumentNotFound(
        f"{ref!r} matches several documents: {names}", "document.ambiguous", ref=ref, names=names
    )


# How much of a half-remembered name a document's title and file name must hold to be
# offered (蓬溪县政府报告 in 2026年蓬溪县人民政府工作报告: all of it), and how many are.
_LIKE_SHARE = 0.8
_LIKE_SHOWN = 3


def documents_like(docs: Sequence[DocumentInfo], ref: str) -> list[DocumentInfo]:
    """The documents a half-remembered name (``蓬溪县政府报告``, ``大英县工作报告2026``)
    most likely means, best first: the share of its Han characters and digits (each as
    often as typed) that the title and file name hold, whatever their
    order (people say a name's words in their own order), at least :data:`_LIKE_SHARE`;
    only those as good as the best (a name all of whose letters one title holds does not
    bring the titles holding most of them). ``[]`` for nothing close."""
    wanted = [c for c in ref if is_han(c) or c.isdigit()]
    if sum(is_han(c) for c in wanted) < 2:
        return []  # a Latin name is matched by its start (match_document), not its letters
    scored: list[tuple[float, int, DocumentInfo]] = []
    for n, info in enumerate(docs):
        held: dict[str, int] = {}
        for c in f"{info.title or ''} {info.filename}".lower():
            held[c] = held.get(c, 0) + 1
        found = 0
        for c in wanted:
            if held.get(c, 0) > 0:
                held[c] -= 1
                found += 1
        share = found / len(wanted)
        if share >= _LIKE_SHARE:
            scored.append((share, n, info))
    if not scored:
        return []
    best = max(share for share, _, _ in scored)
    return [
        info for share, _, info in sorted(scored, key=lambda s: (-s[0], s[1])) if share == best
    ][:_LIKE_SHOWN]


def _unmatched(
    places: set[tuple[str, tuple[str, ...]]],
    years: set[int],
    region: str | None,
    year: int | None,
    dated: set[tuple[str, tuple[str, ...], int]] = frozenset(),  # type: ignore[assignment]
) -> tuple[str, ...]:
    """See :meth:`DocumentsMixin.unmatched_facets`; ``places`` are the documents' distinct
    (region, region path), ``years`` their years, ``dated`` their (region, path, year)."""
    unmatched = []
    gazetteer = default_gazetteer()
    found = gazetteer.lookup(region) if region else []
    around = {p.short for p in gazetteer.ancestors(found[0])} if found else set()

    def about(r: str, path: tuple[str, ...]) -> bool:
        return place_in_region(region or "", r, path, gazetteer) or r in around

    if region and not any(about(r, path) for r, path in places):
        unmatched.append("region")
    if year and not ({year, year + 1} & years):
        unmatched.append("year")
    # each facet has documents, but none of the place in that year (Guangdong 2026 with
    # Guangdong's 2022 report and others' 2026 ones): said too, as the search then answers
    # from another year's or another place's documents
    if (
        region
        and year
        and not unmatched
        and not any(y in (year, year + 1) and about(r, path) for r, path, y in dated)
    ):
        unmatched.append("region_year")
    return tuple(unmatched)


def about_region(region: str, places: Iterable[str | None]) -> bool:
    """Whether any of ``places`` (the regions of the documents a page of hits is from) is
    ``region``, a place inside it or the division around it, as :func:`_unmatched` reads a
    document's region (凯里 → the 黔东南 bulletin)."""
    gazetteer = default_gazetteer()
    found = gazetteer.lookup(region)
    around = {p.short for p in gazetteer.ancestors(found[0])} if found else set()
    return any(place_in_region(region, r, (), gazetteer) or r in around for r in places if r)


def describe_document(info: DocumentInfo) -> str:
    """``name (id)`` for messages."""
    return f"{info.filename} ({info.doc_id})"


class DocumentsMixin:
    """:class:`~bot.library.Engine`'s documents (core thread: they read ``self.index``)."""

    settings: Settings
    indexer: Indexer
    index: CompiledIndex
    # (index, its documents' places, years and dated places, {(region, year): unmatched facets})
    _unmatched_memo: tuple[CompiledIndex, set, set, set, dict] | None = None

    # -- documents ---------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        return list(self.index.docs)

    def documents_in(
        self, region: str | None = None, year: int | None = None
    ) -> list[DocumentInfo]:
        """The documents a search's ``region`` and ``year`` filters let through (a region
        and the places inside it), to say why a filtered search found nothing."""
        return [d for d in self.index.docs if self.passes_filters(d, region=region, year=year)]

    def unmatched_facets(self, region: str | None, year: int | None) -> tuple[str, ...]:
        """Which of a query's understood ``region`` and ``year`` no document is about, as
        the searcher's facets match them: a region, a place inside it or the division
        around it (凯里 → the 黔东南 bulletin); a year, or the next year's (its review).
        Memoised per index (a search must not walk every document each time)."""
        if not region and not year:
            return ()
        index = self.index
        memo = self._unmatched_memo
        if memo is None or memo[0] is not index:  # a new index: forget the old answers
            places = {(d.region, tuple(d.region_path)) for d in index.docs if d.region}
            years = {d.year for d in index.docs if d.year}
            dated = {
                (d.region, tuple(d.region_path), d.year) for d in index.docs if d.region and d.year
            }
            memo = self._unmatched_memo = (index, places, years, dated, {})
        _, places, years, dated, known = memo
        key = (region, year)
        found = known.get(key)
        if found is None:
            found = known[key] = _unmatched(places, years, region, year, dated)
            if len(known) > 4096:
                known.clear()
        return found

    @staticmethod
    def passes_filters(
        info: DocumentInfo,
        *,
        doc: str | None = None,
        region: str | None = None,
        year: int | None = None,
    ) -> bool:
        """Whether a search's ``doc``, ``region`` and ``year`` filters let ``info`` through,
        as the searcher applies them (:meth:`Filters.admits`)."""
        return Filters(doc=doc, region=region, year=year).admits(info)

    def documents_like(self, ref: str) -> list[DocumentInfo]:
        """The documents a half-remembered name most likely means (:func:`documents_like`)."""
        return documents_like(self.index.docs, ref)

    def find_document(self, ref: str, *, prefixes: bool = True) -> DocumentInfo:
        """A document by id, file name, file stem or (``prefixes``) unique prefix of either."""
        return match_document(self.index.docs, ref, prefixes=prefixes)

    def document(self, ref: str) -> Document:
        """The full document (text and passages) from the index cache."""
        info = self.find_document(ref)
        doc_index = self.index.docs.index(info)
        first = self.index.doc_first_pid[doc_index]
        try:
            text = seg.load_text(self.indexer.paths.docs, info.doc_id)
        except FileNotFoundError:
            # Removed by a writer thread; this engine has not reopened yet.
            raise DocumentNotFound(
                f"{info.filename} was just removed", "document.removed", name=info.filename
            ) from None
        passages = tuple(self._passage(pid) for pid in range(first, first + info.passages))
        return info.document(text, passages)

    def _passage(self, pid: int) -> Passage:
        # The text comes from the compiled index (the same characters as the cached
        # document text at the same offsets), so it always matches this index even
        # while a writer thread replaces the document's cache.
        ix = self.index
        return Passage(
            doc_id=ix.docs[int(ix.p_doc[pid])].doc_id,
            ordinal=int(ix.p_ord[pid]),
            text=ix.passage_text(pid),
            start=int(ix.p_start[pid]),
            section=ix.sections[int(ix.p_section[pid])],
        )

    def passages(self) -> Iterator[Passage]:
        for doc_index, info in enumerate(self.index.docs):
            first = self.index.doc_first_pid[doc_index]
            for pid in range(first, first + info.passages):
                yield self._passage(pid)
