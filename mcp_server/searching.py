"""The ``search`` tool: a page of passages with the core's notes on the query said as
fields (``query_notes``, ``understood``) and as sentences (``notes``): a correction, the
answer cards, a region or year no document is about, no match and what was meant."""

from __future__ import annotations

from mcp.server.mcpserver.exceptions import ToolError

from bot.i18n import tr
from bot.library.understood import understood_line
from bot.models import NOTE_PART, NOTE_QUERY, Note
from bot.models import Understood as UnderstoodFacets
from mcp_server.lookups import SEARCH_PAGE, Lookups, past_last, section_line
from mcp_server.records import QueryNote, Result, Understood, record


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


class SearchTool(Lookups):
    """The ``search`` tool of :class:`mcp_server.library.Library`."""

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
            raise past_last(page, resp.pages)
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
                section=section_line(h.section),
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
