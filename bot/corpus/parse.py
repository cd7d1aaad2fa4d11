"""Structure of a decoded document: its paragraphs, and passages tagged with the headings
in force (prose cut into windows of whole sentences, tables into windows of whole rows).

Everything here works on strings and is deterministic. What one line is (a heading, a
caption…) is :mod:`bot.corpus.line_kinds`; a realistic layout read back before parsing
(a PDF's wrapped lines and page numbers, spaced table rows) is :mod:`bot.corpus.layout`;
metadata sidecars are :mod:`bot.corpus.sidecar`, metadata inferred from the text
:mod:`bot.corpus.meta`.

Offsets are sacred: every :class:`~bot.models.Passage` satisfies
``text[p.start:p.start + len(p.text)] == p.text`` for the ``text`` it was cut
from, so highlights found in a passage can be mapped back to the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from bot.corpus.layout import (
    close_table_gaps,
    is_hard_wrapped,
    reflow_wrapped,
    strip_page_furniture,
    tabulate_space_rows,
    unbulleted,
    unescape_spaces,
)
from bot.corpus.line_kinds import (
    _SENTENCE_RE,
    _SOFT_BREAKS,
    CAPTION_MAX_CHARS,
    LEVEL_ARABIC,
    LEVEL_ARABIC_PAREN,
    LEVEL_CN,
    LEVEL_CN_PAREN,
    LEVEL_PART,
    LEVEL_PLAIN,
    LEVEL_SECTION,
    Heading,
    _cells,
    _cells_text,
    _closes_block,
    _ends_line,
    _is_addressee,
    _is_caption,
    _is_title_line,
    _opens_note,
    has_markdown_headings,
    is_heading,
    is_salutation,
    parse_heading,
    without_numbering,
)
from bot.corpus.sidecar import (
    SIDECAR_LEVELS,
    SIDECAR_SUFFIX,
    MetadataError,
    load_sidecar,
    parse_sidecar,
    sidecar_path,
)
from bot.models import Passage

# Importable from here as before the layout readers, the kinds of line and the sidecar had
# modules of their own (the tests and bench scripts import them from here).
__all__ = [
    "CAPTION_MAX_CHARS",
    "LEVEL_ARABIC",
    "LEVEL_ARABIC_PAREN",
    "LEVEL_CN",
    "LEVEL_CN_PAREN",
    "LEVEL_PART",
    "LEVEL_PLAIN",
    "LEVEL_SECTION",
    "PARSER_VERSION",
    "SIDECAR_LEVELS",
    "SIDECAR_SUFFIX",
    "Heading",
    "MetadataError",
    "_paragraphs",
    "close_table_gaps",
    "has_markdown_headings",
    "is_hard_wrapped",
    "is_heading",
    "is_salutation",
    "load_sidecar",
    "parse_heading",
    "parse_sidecar",
    "reflow_wrapped",
    "sentence_spans",
    "sentence_windows",
    "sidecar_path",
    "split_passages",
    "strip_page_furniture",
    "table_windows",
    "tabulate_space_rows",
    "unbulleted",
    "unescape_spaces",
    "without_numbering",
]

# Bump when heading/passage/metadata rules change: persisted indexes are rebuilt.
PARSER_VERSION = "31"

MAX_TITLE_CHARS = 60

# --- paragraphs and passages -------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Para:
    start: int  # offset of the first non-space character in the document
    end: int  # offset just after the last non-space character
    heading: Heading | None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _paragraphs(text: str, *, allow_plain: bool) -> Iterator[_Para]:
    """Paragraph spans of ``text``, heading lines marked.

    In the usual case a paragraph is one line. Consecutive lines are joined
    when the earlier one stops without sentence punctuation and neither is a
    numbered/markdown heading (nor the earlier a table row, cells apart by tabs, and
    the later not): that is hard-wrapped text (PDF text layers,
    wrapped plain text), where one line is only a piece of a paragraph. A
    blank line always ends a paragraph. Plain title-like headings are only
    recognised on one-line paragraphs, so a wrapped line is never mistaken
    for a title.
    """
    cur: tuple[int, int] | None = None  # (start, end) of the paragraph being built
    cur_lines = 0
    cur_open = False  # the last line of cur did not end with punctuation
    cur_table = False  # the last line of cur is a table row

    def flush() -> Iterator[_Para]:
        if cur is None:
            return
        heading = None
        if cur_lines == 1:
            heading = parse_heading(text[cur[0] : cur[1]], allow_plain=allow_plain)
        yield _Para(cur[0], cur[1], heading)

    for pos, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            yield from flush()
            cur, cur_lines, cur_open = None, 0, False
            continue
        start = pos + (len(line) - len(line.lstrip()))
        end = pos + len(line.rstrip())
        strong = parse_heading(stripped, allow_plain=False)
        if strong is not None:
            yield from flush()
            yield _Para(start, end, strong)
            cur, cur_lines, cur_open = None, 0, False
            continue
        if (
            cur is not None
            and cur_open
            and not (cur_table and "\t" not in stripped)
            and not _is_addressee(stripped)
            and not _opens_note(stripped)
        ):
            cur, cur_lines = (cur[0], end), cur_lines + 1
        else:
            yield from flush()
            cur, cur_lines = (start, end), 1
        # the date under a signature or a title and a document number close their block:
        # what follows (the title of the attached plan, the addressee) is not their wrap
        cur_open = not (_ends_line(stripped) or _closes_block(stripped))
        # a table row (cells apart by tabs) never ends in punctuation; the line of
        # prose after the table starts a paragraph of its own
        cur_table = "\t" in stripped
    yield from flush()


def split_passages(
    doc_id: str, text: str, *, max_chars: int = 400, tick: Callable[[], None] | None = None
) -> tuple[Passage, ...]:
    """Cut ``text`` into passages, each tagged with the heading path in force.

    * A paragraph (see :func:`_paragraphs`) is one passage; heading lines are
      not passages but set ``section``: a heading of level L drops every open
      heading of level >= L and is pushed. A run-in heading line ("（一）标题。
      正文……") is both: it sets the section and is a passage under it.
    * A paragraph longer than ``max_chars`` is cut into windows of whole
      sentences (:func:`sentence_windows`); consecutive windows share one
      sentence so that a phrase across a window boundary is still found.
    * A text made only of headings gets its heading lines as passages.
    * Passage text is the original text with surrounding whitespace removed,
      and ``text[p.start:p.start + len(p.text)] == p.text`` always holds.

    ``tick`` is called once per paragraph (the loader's extraction-time budget: it may
    raise to stop).
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    allow_plain = not has_markdown_headings(text)
    stack: list[tuple[int, str]] = []
    passages: list[Passage] = []
    # Heading lines with the section around them, in case the text is nothing but headings.
    heading_lines: list[tuple[_Para, tuple[str, ...]]] = []

    def emit(para: _Para, section: tuple[str, ...], caption: str = "") -> None:
        body = text[para.start : para.end]
        if "\t" in body:
            for w_start, w_end, context in table_windows(body, max_chars, caption=caption):
                start, piece = _strip_span(body, w_start, w_end)
                if piece:
                    passages.append(
                        Passage(doc_id, len(passages), piece, para.start + start, section + context)
                    )
            return
        for w_start, w_end in sentence_windows(body, max_chars):
            start, piece = _strip_span(body, w_start, w_end)
            if piece:
                passages.append(Passage(doc_id, len(passages), piece, para.start + start, section))

    # the paragraph before, when it is a table's caption on a line of its own
    caption = ""
    for para in _paragraphs(text, allow_plain=allow_plain):
        if tick is not None:
            tick()
        if para.heading is not None:
            level = para.heading.level
            while stack and stack[-1][0] >= level:
                stack.pop()
            heading_lines.append((para, tuple(title for _, title in stack)))
            stack.append((level, para.heading.title))
            caption = ""
            if not para.heading.run_in:
                continue
        emit(para, tuple(title for _, title in stack), caption)
        line = text[para.start : para.end]
        caption = _cells_text(line) if para.heading is None and _is_caption(line) else ""
    if not passages:
        # A note of a few title-like lines is still searchable: its lines become passages.
        for para, section in heading_lines:
            emit(para, section)
    return tuple(passages)


# A cell that is a figure (1577693, -3.3, 48.8%, …), not a header's word.
_FIGURE_CELL_RE = re.compile(r"[-+－—]?[0-9０-９][0-9０-９,，.．]*\s*[%％‰]?|[-—－…/]+")


def _is_header(line: str) -> bool:
    """Whether a table row is a header: two cells or more, none of them a figure
    (指标\t单位\t绝对数\t比上年增长%; a data row holds figures)."""
    cells = _cells(line)
    return (
        "\t" in line
        and len(cells) >= 2
        and not any(_FIGURE_CELL_RE.fullmatch(cell) for cell in cells)
    )


def table_windows(
    s: str, max_chars: int, *, caption: str = ""
) -> list[tuple[int, int, tuple[str, ...]]]:
    """Windows of whole lines of a paragraph holding table rows (cells apart by tabs),
    each with the table's context: ``(start, end, (caption, header))``.

    A table's rows carry no sentence ends, and its caption and header are the only
    place its measure, year and unit are written: so a window is cut only at a row's
    end (as a prose window is of whole sentences), a caption line (表N …) always opens
    a new window, and every window of a table is given the table's caption and header
    row (as text of cells apart by spaces; the caption of ``caption``, a line of its
    own before the paragraph, when the paragraph opens with no caption of its own)
    for :func:`split_passages` to add to the passage's section, which the search reads
    as a heading. Windows do not overlap: a row is whole in one of them. A single line
    longer than ``max_chars`` is cut by :func:`sentence_windows`.
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in s.split("\n"):
        if raw.strip():
            lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    windows: list[tuple[int, int, tuple[str, ...]]] = []
    context: tuple[str, ...] = ()
    title, header = caption, ""
    expect_header = True  # the next row may be the table's header row
    w_start = w_end = -1
    w_context: tuple[str, ...] = ()
    heading_only = False  # the open window holds only a caption and its header row

    def close() -> None:
        nonlocal w_start
        if w_start >= 0:
            windows.append((w_start, w_end, w_context))
        w_start = -1

    for k, (start, end) in enumerate(lines):
        line = s[start:end]
        next_row = k + 1 < len(lines) and "\t" in s[lines[k + 1][0] : lines[k + 1][1]]
        if _is_caption(line) or (next_row and _is_title_line(line)):
            close()
            title, header, expect_header = _cells_text(line), "", True
            # a numbered caption (表5 …) is ranked as a caption alone (the search's passage
            # prior): it stands apart with its header, its rows after it, even in a table
            # short enough for one passage (a row of 表1 under 表1's caption would be
            # ranked as the caption); a title line (专栏1 主要指标) opens its rows
            heading_only = _is_caption(line)
        elif expect_header and _is_header(line):
            header = _cells_text(line)
            expect_header = False
        else:
            if heading_only:
                # the caption and header stand as a passage of their own (a caption,
                # ranked as one), and the rows after them are the table's body
                close()
                heading_only = False
            if "\t" in line:
                expect_header = False
        context = tuple(part for part in (title, header) if part)
        if end - start > max_chars:
            close()
            for a, b in sentence_windows(line, max_chars):
                windows.append((start + a, start + b, context))
            continue
        if w_start >= 0 and end - w_start > max_chars:
            close()
        if w_start < 0:
            w_start, w_context = start, context
        elif context != w_context and w_context == tuple(p for p in (title,) if p):
            # the header row after the caption: the window holding both is the table's
            w_context = context
        w_end = end
    close()
    return windows


def _strip_span(s: str, start: int, end: int) -> tuple[int, str]:
    piece = s[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, piece.strip()


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    hard: bool  # a fragment of a sentence longer than max_chars


def sentence_spans(s: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of ``s``, covering it without gaps.

    A sentence ends after 。！？；!?; (runs of them count once) and any
    closing quotes or brackets right after them.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_RE.finditer(s):
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(s):
        spans.append((pos, len(s)))
    return [span for span in spans if s[span[0] : span[1]].strip()] or [(0, len(s))]


def _hard_split(s: str, start: int, end: int, max_chars: int) -> list[_Piece]:
    """Cut an over-long sentence into pieces of at most ``max_chars``, preferring commas."""
    pieces: list[_Piece] = []
    while end - start > max_chars:
        cut = start + max_chars
        soft = max(s.rfind(ch, start + max_chars // 2, cut) for ch in _SOFT_BREAKS)
        if soft >= 0:
            cut = soft + 1
        pieces.append(_Piece(start, cut, hard=True))
        start = cut
    pieces.append(_Piece(start, end, hard=True))
    return pieces


def sentence_windows(s: str, max_chars: int) -> list[tuple[int, int]]:
    """Spans of ``s`` of at most ``max_chars`` characters made of whole sentences.

    Greedy: each window takes as many sentences as fit. The next window starts
    with the last sentence of the previous one (one sentence of overlap) when
    that sentence and the following one fit together; otherwise it starts
    right after. Only a single sentence longer than ``max_chars`` is cut
    inside, preferably after a comma, and those fragments do not overlap.
    """
    if len(s) <= max_chars:
        return [(0, len(s))]
    pieces: list[_Piece] = []
    for start, end in sentence_spans(s):
        if end - start > max_chars:
            pieces.extend(_hard_split(s, start, end, max_chars))
        else:
            pieces.append(_Piece(start, end, hard=False))

    windows: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        j = i + 1
        while j < len(pieces) and pieces[j].end - pieces[i].start <= max_chars:
            j += 1
        windows.append((pieces[i].start, pieces[j - 1].end))
        if j >= len(pieces):
            break
        last = pieces[j - 1]
        overlap_fits = pieces[j].end - last.start <= max_chars
        i = j - 1 if (j - 1 > i and not last.hard and overlap_fits) else j
    return windows
