"""A window reads for the overview share only the passages that open as an overview can
(``Window.may_open_overview``): the characters it looks at are every first character
the overview expression can match, and the passages it flags are those opening so."""

from __future__ import annotations

import re._parser as sre_parse  # the expression's tree: which characters it can open with

import numpy as np
import pytest

from bot.search import window
from tests.conftest import engine_over


def _first_chars(items) -> set[str] | None:
    """The characters a match of the parsed ``items`` can begin with, or None when that
    is not a finite set of characters (an item this reader does not know)."""
    for op, arg in items:
        name = str(op)
        if name == "AT":
            continue  # ^ takes no character
        if name == "LITERAL":
            return {chr(arg)}
        if name == "IN":
            out: set[str] = set()
            for kind, value in arg:
                if str(kind) == "LITERAL":
                    out.add(chr(value))
                elif str(kind) == "RANGE" and value[1] - value[0] < 1000:
                    out.update(chr(c) for c in range(value[0], value[1] + 1))
                else:
                    return None
            return out
        if name == "BRANCH":
            out = set()
            for branch in arg[1]:
                first = _first_chars(branch)
                if first is None:
                    return None
                out |= first
            return out
        if name == "SUBPATTERN":
            return _first_chars(arg[-1])
        if name in ("MAX_REPEAT", "MIN_REPEAT") and arg[0] >= 1:
            return _first_chars(arg[2])
        return None
    return None


def test_the_openings_looked_at_are_every_first_character_of_an_overview():
    first = _first_chars(sre_parse.parse(window._OVERVIEW_RE.pattern))
    assert first is not None, window._OVERVIEW_RE.pattern
    assert first <= set(window._OVERVIEW_FIRST), first - set(window._OVERVIEW_FIRST)


def test_the_reader_of_first_characters_reads_branches_ranges_and_repeats():
    assert _first_chars(sre_parse.parse("^(?:甲|乙[0-9]|[3-5]{2}丙)")) == {
        "甲",
        "乙",
        "3",
        "4",
        "5",
    }
    assert _first_chars(sre_parse.parse("^.丁")) is None  # any character: not a set
    assert _first_chars(sre_parse.parse("^(?:戊)?己")) is None  # optional: not read


# invented lines opening with each character an overview can open with, and others
DOCS = {
    "report.txt": (
        "庚市政府工作报告\n"
        "一、过去一年工作回顾\n"
        "2025年是“十四五”规划收官之年，全市经济稳中有进。\n"
        "今年是“十五五”开局之年，也是港口扩容见效之年。\n"
        "明年要继续推进港口扩容。\n"
        "刚刚过去的一年，港口吞吐量增长6%。\n"
        "去年港口新增航线12条。\n"
        "港口扩容工程全面完工。\n"
        "3月起，港口实行夜间作业。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("overview_openings"), DOCS)


def test_the_passages_flagged_are_those_opening_with_an_overview_s_character(engine):
    searcher = engine.searcher
    ix = searcher.index
    texts = ix.passages_norm_texts(np.arange(ix.n_passages))
    flagged = searcher._window.may_open_overview(np.arange(ix.n_passages))
    expected = [t[:1] != "" and t[0] in window._OVERVIEW_FIRST for t in texts]
    assert flagged.tolist() == expected
    assert any(expected) and not all(expected), texts


def test_openings_of_several_bytes_are_compared_whole(engine):
    ix = engine.searcher.index
    texts = ix.passages_norm_texts(np.arange(ix.n_passages))
    openings = ("今年是".encode(), b"3", "港口扩".encode())
    got = ix.opening_with(openings, np.arange(ix.n_passages))
    assert got.tolist() == [t.startswith(("今年是", "3", "港口扩")) for t in texts]
    assert 2 <= int(got.sum()) < len(texts)


def test_the_openings_are_read_for_the_passages_asked_in_their_order(engine):
    # the window asks for its 20 passages, best first, not for every passage in order
    ix = engine.searcher.index
    every = ix.opening_with((b"3",), np.arange(ix.n_passages))
    some = np.arange(ix.n_passages)[::-2]
    assert ix.opening_with((b"3",), some).tolist() == every[some].tolist()
    assert ix.opening_with((b"3",), some[:0]).tolist() == []
