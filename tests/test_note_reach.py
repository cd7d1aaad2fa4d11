"""Whether a search's notes leave what was understood said (``Note.reach``): a note on
the query as a whole (empty, only exclusions, cut) with nothing found says nothing
understood; a note that one part went unsearched (an ambiguous place) is said beside
it. The library reads the note's reach, not which note it is."""

from __future__ import annotations

from dataclasses import replace

from bot.models import NOTE_PART, NOTE_QUERY, Note, SearchResponse
from bot.search.query import parse_query
from bot.search.results import ambiguous_place_notes


def test_the_parsers_notes_are_about_the_query_as_a_whole() -> None:
    cut = parse_query("粮食产量 " * 30, max_chars=20)
    many = parse_query(" ".join(f"词{i}" for i in range(40)), max_chars=10_000)
    codes = {n.code: n.reach for n in (*cut.note_codes, *many.note_codes)}
    assert codes == {"query_truncated": NOTE_QUERY, "too_many_terms": NOTE_QUERY}


def test_an_ambiguous_place_is_a_part_not_searched() -> None:
    notes = ambiguous_place_notes("Suzhou 粮食产量")
    assert [n.reach for n in notes] == [NOTE_PART]
    assert Note("x", "y").reach == NOTE_QUERY  # a note says so unless it is a part's


def test_a_cut_query_with_nothing_found_says_nothing_understood(engine) -> None:
    # a year and a place understood, then words enough to be cut: nothing found
    query = "山东 2019 " + "犇骉猋麤 " * 60
    response = engine.search(query, page_size=5)
    assert response.total == 0 and "query_truncated" in [n.code for n in response.notes]
    # the facets the library adds (a year no document is of) are not said of a cut query,
    assert response.understood.unmatched == ()
    # as they are of the same query whole
    whole = engine.search("山东 2019 犇骉猋麤", page_size=5)
    assert whole.total == 0 and not whole.notes and whole.understood.unmatched == ("year",)


def test_the_rule_reads_the_reach_not_the_code(engine, monkeypatch) -> None:
    """A note of any code that only a part went unsearched keeps the facets said (a year
    no document is of)."""
    searcher = type(engine.searcher)
    real = searcher.search

    def noted(self, query, **kw) -> SearchResponse:
        resp = real(self, query, **kw)
        note = Note("some_part_unsearched", "某部分未搜索", reach=NOTE_PART)
        return replace(resp, hits=(), total=0, message=note.text, notes=(note,))

    monkeypatch.setattr(searcher, "search", noted)
    response = engine.search("山东 2019 量子通信", page_size=5)
    assert response.total == 0 and response.understood.unmatched == ("year",)


def _response(*notes: Note, message: str | None = None) -> SearchResponse:
    return SearchResponse(
        query="粮食产量", hits=(), total=0, page=1, page_size=5, message=message, notes=notes
    )


def test_nothing_searched_is_the_empty_query_or_only_exclusions() -> None:
    """One predicate for every interface: a query searched in part (cut, too many terms,
    a part left out) was searched, so finding nothing is said as no results."""
    assert _response(Note("empty_query", "请输入")).nothing_searched
    assert _response(Note("only_exclusions", "只有排除词")).nothing_searched
    assert _response(message="请输入关键词").nothing_searched  # a message with no code
    for code in ("query_truncated", "too_many_terms", "correction_skipped"):
        assert not _response(Note(code, "…", reach=NOTE_QUERY)).nothing_searched
    assert not _response(Note("time_ignored", "…", reach=NOTE_PART)).nothing_searched
    assert not _response().nothing_searched


def test_the_command_line_says_no_results_for_a_cut_query(capsys) -> None:
    from briefbot.cli.search import print_response

    print_response(_response(Note("query_truncated", "查询过长", reach=NOTE_QUERY)))
    assert "no results" in capsys.readouterr().out
    print_response(_response(Note("empty_query", "请输入关键词")))
    assert "no results" not in capsys.readouterr().out
