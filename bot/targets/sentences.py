"""Sentences of a line and the year or span a sentence opens with.

:func:`split_sentences` cuts a line as the gold guidelines do (after ``。！？；`` and any
closing quotes); :func:`read_opening` reads ``2023年，``, ``到2025年，``, ``2021—2023年，``
at a sentence's or paragraph's head. Used by :mod:`~bot.targets.extract`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SENTENCE_RE = re.compile(r"[^。！？；]*(?:[。！？；]+[”’」』）]*|$)")
_FULL_STOP = "。！？"
# a 。-sentence from where it starts (the last may lack its stop)
_FULL_SENTENCE_RE = re.compile(r"[^。！？]*(?:[。！？][”’」』）]*)?")
# the marks a clause ends at
_CLAUSE_MARKS = "，,；;：:。！？!?（）()"
# the last of them before a position: a greedy match backs off from it in C, where a loop
# over the characters back to it ran in Python
_LAST_CLAUSE_MARK_RE = re.compile("(?s:.*)[" + re.escape(_CLAUSE_MARKS) + "]")
_OPENING_RE = re.compile(
    r"\s*(?P<heading>（[一二三四五六七八九十]+）[^。，]{1,16}。)?(?P<dash>——)?"
    r"(?P<lead>截至|截止|到|至)?(?:(?P<first>(?:19|20)\d\d)年?\s*[—\-–－~～至到]\s*)?"
    r"(?P<end>(?:19|20)\d\d)年(?P<tail>底|末|期间|间)?[，,]"
)
_ANY_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


@dataclass(frozen=True, slots=True)
class Opening:
    """The year or span of years a sentence or paragraph opens with, up to its ``，``.

    Read by :func:`read_opening`: ``2023年，``, ``截至2023年底，``, ``2021—2023年，``,
    ``2021年至2023年间，``, ``——到2025年，``, ``（一）发展基础。2023年，`` (a run-in
    heading first). Each use takes only the shapes it means (the ``*_year``/``span``
    readings below), so one reader serves them all."""

    first: str  # the span's first year (2021—2023年): "" when one year is said
    end: str  # the year said, or the span's end
    lead: str  # 截至, 截止, 到 or 至 before the year, or ""
    tail: str  # 底, 末, 间 or 期间 after 年, or ""
    heading: bool  # a run-in heading (（一）发展基础。) came first
    dash: bool  # a —— came first (a list item's dash)

    @property
    def plain(self) -> bool:
        """Not after a heading or a dash."""
        return not self.heading and not self.dash

    @property
    def review_year(self) -> str:
        """A review paragraph's year: ``2023年，``, ``截至2023年底，``, after a run-in
        heading too; no span, no 到."""
        ok = not self.dash and not self.first and self.lead in ("", "截至", "截止")
        return self.end if ok and self.tail in ("", "底", "末") else ""

    @property
    def ended_year(self) -> str:
        """A year or span's end a sentence opens with: ``2023年，``, ``截至2023年底，``,
        ``2021—2023年，``."""
        ok = self.plain and self.lead in ("", "截至", "截止")
        return self.end if ok and self.tail in ("", "底", "末") else ""

    @property
    def goal_year(self) -> str:
        """A goal year said at a paragraph's head: ``到2025年，``, ``——至2035年底，``."""
        ok = not self.heading and not self.first and self.lead in ("到", "至")
        return self.end if ok and self.tail in ("", "底", "末") else ""

    @property
    def span(self) -> tuple[str, str] | None:
        """A span of years written out: ``2021—2023年，``, ``2021年至2023年间，``."""
        ok = self.plain and not self.lead and self.first and self.tail in ("", "间", "期间")
        return (self.first, self.end) if ok else None


def read_opening(text: str, pos: int = 0) -> Opening | None:
    """The year or span of years ``text`` opens with at ``pos`` (see :class:`Opening`)."""
    m = _OPENING_RE.match(text, pos)
    if m is None:
        return None
    return Opening(
        first=m.group("first") or "",
        end=m.group("end"),
        lead=m.group("lead") or "",
        tail=m.group("tail") or "",
        heading=m.group("heading") is not None,
        dash=m.group("dash") is not None,
    )


def _ended_lead(line: str, dot_start: int) -> int | None:
    """The year a 。-sentence, or else its paragraph, opens with (``2023年，``,
    ``2021—2023年，``, ``截至2023年底，``: the stretch's end), when no later year is written
    in that sentence or paragraph (``2024年，…达到93%；…2025年达到100%`` is a schedule)."""
    opened = read_opening(line, dot_start)
    year = opened.ended_year if opened else ""
    scope = _full_sentence(line, dot_start) if year else line
    if not year:
        opened = read_opening(line)
        year = opened.ended_year if opened else ""
    if not year:
        return None
    end = int(year)
    return end if all(int(y) <= end for y in _ANY_YEAR_RE.findall(scope)) else None


def _review_year(text: str) -> str:
    opened = read_opening(text)
    return opened.review_year if opened else ""


def _goal_year(text: str) -> str:
    opened = read_opening(text)
    return opened.goal_year if opened else ""


def _opening_span(text: str) -> tuple[str, str] | None:
    opened = read_opening(text)
    return opened.span if opened else None


def _full_sentence(line: str, start: int) -> str:
    """The 。-sentence of ``line`` from ``start`` to its stop (or the line's end)."""
    m = _FULL_SENTENCE_RE.match(line, start)
    return m.group() if m else ""


def split_sentences(line: str) -> Iterator[tuple[int, str]]:
    """``(offset, sentence)`` pairs of one line, as the gold guidelines cut them."""
    for m in _SENTENCE_RE.finditer(line):
        if m.group():
            yield m.start(), m.group()
