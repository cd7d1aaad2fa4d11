"""Structure of a decoded document: headings and passages; metadata sidecars.

Everything here works on strings and is deterministic; the only file access is
:func:`load_sidecar`, a thin wrapper around the pure :func:`parse_sidecar`. Metadata
inferred from the text lives in :mod:`bot.corpus.meta`.

Offsets are sacred: every :class:`~bot.models.Passage` satisfies
``text[p.start:p.start + len(p.text)] == p.text`` for the ``text`` it was cut
from, so highlights found in a passage can be mapped back to the document.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from bot.corpus.reader import UnreadableDocument
from bot.models import Passage

# Bump when heading/passage/metadata rules change: persisted indexes are rebuilt.
PARSER_VERSION = "26"

SIDECAR_SUFFIX = ".meta.toml"
SIDECAR_LEVELS = ("national", "provincial", "city", "county")

MAX_TITLE_CHARS = 60

# --- character classes -------------------------------------------------------

# Sentence-ending punctuation, full-width and ASCII. The ASCII full stop is left
# out on purpose: it is the decimal point in "5.5%".
_SENTENCE_END = "。！？；!?;"
# Closing quotes/brackets that belong to the sentence they follow ("……。”").
_CLOSERS = "”’」』）)]】》\"'"
# A line ending in one of these does not continue on the next line.
_LINE_END = _SENTENCE_END + "：:…"
# Soft break points for hard-splitting an over-long sentence.
_SOFT_BREAKS = "，、,：:"
_CN_NUM = "一二三四五六七八九十百零〇两"

_SENTENCE_RE = re.compile(f"[{re.escape(_SENTENCE_END)}]+[{re.escape(_CLOSERS)}]*")

# --- headings ----------------------------------------------------------------

# Heading levels. Markdown uses 1-6 for its own marks; the Chinese numbering
# styles get a fixed order so that 一、 sits above （一） which sits above 1.
LEVEL_PART = 1  # 第一编 / 第一篇 / 第一部分 / 第一章
LEVEL_SECTION = 2  # 第一节
LEVEL_CN = 3  # 一、
LEVEL_CN_PAREN = 4  # （一）
LEVEL_ARABIC = 5  # 1. / 1、
LEVEL_ARABIC_PAREN = 6  # （1）
LEVEL_PLAIN = 7  # a short title-like line without numbering

# A numbered heading may be followed by its body on the same line ("run-in"):
# "（一）着力建设现代化产业体系，培强高质量发展根基。大力实施……". The lead
# sentence is the heading title; it must be short to count.
MAX_RUN_IN_TITLE = 60
# A numbered heading without any sentence punctuation may be long
# ("四、坚持和加强党的全面领导，不断推进……提供坚强政治保证" is 47 chars).
MAX_NUMBERED_HEADING = 80
MAX_SHORT_HEADING = 40

_MD_RE = re.compile(r"^(#{1,6})(?:[ \t]+(.*?)|([\u3400-\u9fff（(【“].*?))(?:[ \t]+#+)?[ \t]*$")
_PART_RE = re.compile(rf"^第[{_CN_NUM}\d]+(编|篇|部分|章|节)(?![{_CN_NUM}])")
_CN_RE = re.compile(rf"^[{_CN_NUM}]+(?:、|[.．](?!\d))")
_CN_PAREN_RE = re.compile(rf"^[（(][{_CN_NUM}]+[)）]")
_ARABIC_RE = re.compile(r"^\d{1,2}[.．、](?![\d.．])")
_ARABIC_PAREN_RE = re.compile(r"^[（(]\d{1,2}[)）]")

# Salutations that open speeches and reports; never a title.
_SALUTATION_RE = re.compile(
    r"^(各位|尊敬的|亲爱的|同志们|代表们|女士们|先生们|朋友们|同学们)[^。！？]{0,30}[：:，,！!]$"
)


@dataclass(frozen=True, slots=True)
class Heading:
    """A recognised heading line.

    ``title`` is the heading text without markdown marks; for a run-in heading
    it is only the lead sentence, without its final punctuation. ``run_in`` is
    true when body text follows on the same line, in which case the line is
    also a passage.
    """

    level: int
    title: str
    run_in: bool = False
    numbered: bool = False


def parse_heading(line: str, *, allow_plain: bool = True) -> Heading | None:
    """Recognise ``line`` as a heading, conservatively.

    Recognised, in this order:

    * markdown ``#`` .. ``######`` (level 1-6), any length;
    * ``第一章`` / ``第一部分`` / ``第一编`` (1), ``第一节`` (2), ``一、`` (3),
      ``（一）`` / ``(一)`` (4): a whole line of at most 80 characters without
      sentence punctuation, or a run-in heading whose lead sentence has at
      most 60 characters;
    * ``1.`` / ``1、`` (5) and ``（1）`` (6): only short lines (<= 40 chars)
      without sentence punctuation;
    * with ``allow_plain``: a short line (<= 40 chars) that looks like a title
      (level 7): no sentence punctuation (。！？；), not ending in ``：`` or a
      comma, at most one ``，``, not wrapped in brackets, not a list dash,
      containing letters.

    ``一要奋力推动……。`` or ``一是……`` are list items inside prose, not
    headings; they match none of the patterns. A line with tabs is a table row
    (``#住宅\t万平方米\t…``, ``一、食品烟酒\t99.2``), never a heading.
    """
    s = line.strip()
    if not s or "\t" in s:
        return None
    m = _MD_RE.match(s)
    if m:
        title = (m.group(2) if m.group(2) is not None else m.group(3) or "").strip()
        if m.group(3) is not None and "#" in title:
            return None  # "#话题#" is a hashtag, not a heading
        return Heading(len(m.group(1)), title) if title else None

    m = _PART_RE.match(s)
    if m:
        level = LEVEL_SECTION if m.group(1) == "节" else LEVEL_PART
        return _numbered(s, level, long_ok=True)
    if _CN_RE.match(s):
        return _numbered(s, LEVEL_CN, long_ok=True)
    if _CN_PAREN_RE.match(s):
        return _numbered(s, LEVEL_CN_PAREN, long_ok=True)
    if _ARABIC_PAREN_RE.match(s):
        return _numbered(s, LEVEL_ARABIC_PAREN, long_ok=False)
    if _ARABIC_RE.match(s):
        return _numbered(s, LEVEL_ARABIC, long_ok=False)
    if allow_plain and _looks_like_title(s):
        return Heading(LEVEL_PLAIN, s)
    return None


_NUMBERINGS = (_PART_RE, _CN_RE, _CN_PAREN_RE, _ARABIC_RE, _ARABIC_PAREN_RE)


def without_numbering(title: str) -> str:
    """``title`` without the numbering a heading opens with (第二节, 二、, （三）, 3., （3）)."""
    s = title.strip()
    for pattern in _NUMBERINGS:
        if m := pattern.match(s):
            return s[m.end() :].strip()
    return s


def is_heading(line: str) -> int | None:
    """The heading level of ``line`` (1 = outermost), or ``None``. See :func:`parse_heading`."""
    heading = parse_heading(line)
    return heading.level if heading else None


def _numbered(s: str, level: int, *, long_ok: bool) -> Heading | None:
    m = _SENTENCE_RE.search(s)
    if m is None:
        limit = MAX_NUMBERED_HEADING if long_ok else MAX_SHORT_HEADING
        if len(s) > limit or not _has_letters(s):
            return None
        return Heading(level, s, numbered=True)
    if not long_ok:
        return None
    lead = s[: m.start()].strip()
    rest = s[m.end() :].strip()
    if len(lead) > MAX_RUN_IN_TITLE or not _has_letters(lead):
        return None
    return Heading(level, lead, run_in=bool(rest), numbered=True)


def _has_letters(s: str) -> bool:
    return sum(ch.isalpha() for ch in s) >= 2


def _looks_like_title(s: str) -> bool:
    if len(s) > MAX_SHORT_HEADING:
        return False
    if any(ch in _SENTENCE_END for ch in s) or s[-1] in "：:，,、…—-":
        return False
    if s.count("，") + s.count(",") > 1:  # clauses: a sentence fragment or a wrapped line
        return False
    if s[0] in "（(【[" and s[-1] in "）)】]":  # bylines, notes: （记者 刘成龙）
        return False
    if s.startswith(("—", "-", "*", "+", "·", "•", ">", "|", "#")):  # lists, quotes, tables
        return False
    if _DATE_LINE_RE.fullmatch(s):  # the date under a title or a signature: no section
        return False
    if _DOC_NUMBER_RE.fullmatch(s):  # 沪科〔2025〕5号 under or above a title: no section
        return False
    return _has_letters(s)


_DATE_LINE_RE = re.compile(
    r"[（(]?(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?[）)]?"
)


def _is_markdown_heading(line: str) -> bool:
    return bool(_MD_RE.match(line.strip())) and parse_heading(line, allow_plain=False) is not None


def has_markdown_headings(text: str) -> bool:
    """Whether ``text`` structures itself with markdown headings.

    Such documents mark their headings explicitly, so short unpunctuated lines
    in them are not guessed to be titles (001 has mid-sentence line breaks that
    would otherwise look like titles).
    """
    return any(
        _is_markdown_heading(line) for line in text.split("\n") if line.lstrip().startswith("#")
    )


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


def _ends_line(s: str) -> bool:
    """Whether a stripped line ends a paragraph by its last character."""
    core = s.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _LINE_END


# 沪科〔2025〕5号 / （皖开放办〔2022〕6号）: a document number, a line of its own
_DOC_NUMBER_RE = re.compile(
    r"[（(]?[^\s，。；]{0,12}[〔\[［【]\d{4}[〕\]］】]\s*\d{1,4}\s*号[)）]?"
)


def _closes_block(s: str) -> bool:
    """A date line or a document-number line: the last line of a head or signature block."""
    return bool(_DATE_LINE_RE.fullmatch(s) or _DOC_NUMBER_RE.fullmatch(s))


# A table's or a bulletin's notes open with 注： (说明：, 资料来源：): a block of their own,
# never the wrap of the line before (注：1.…2.… after a section's last sentence).
_NOTE_RE = re.compile(r"(?:注|附注|说明|资料来源|数据来源)\s*[：:]")


def _opens_note(s: str) -> bool:
    return _NOTE_RE.match(s) is not None


def _is_addressee(s: str) -> bool:
    """The addressee of a notice (各区人民政府，市政府各委、办、局： / 省有关单位：), which
    opens a paragraph of its own rather than continuing the title or number above it.

    A speech's salutation (各位代表：, 同志们：) is not one: it stays with the title above
    it, so that the title is not taken for the heading of the whole speech."""
    return (
        len(s) <= 80
        and s[-1] in "：:"
        and not any(ch in _SENTENCE_END for ch in s)
        and (s.startswith("各") or "有关" in s)
        and not is_salutation(s)
    )


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


def is_hard_wrapped(text: str) -> bool:
    """Whether most prose lines of ``text`` stop without sentence punctuation: a text
    wrapped at a width (a PDF text layer, wrapped plain text), not one paragraph per line.

    A text written one paragraph per line has such lines too (its title, the date and
    issuer under it, a heading without its number), so one is not enough. A table's
    caption (表1　2022年主要农产品产量及其增长速度) is a title, not prose: a bulletin that
    is mostly tables has one per table, and counting them read it as wrapped and joined
    its headings and captions into the paragraphs around them. So is a title with no
    表N before it (2022年主要农产品产量及其增长速度), the line right over a table's rows
    (a ``单位：亿元`` line between them).
    """
    lines = [line.strip() for line in text.split("\n")]
    prose = opened = 0
    for k, s in enumerate(lines):
        if (
            len(s) < 15
            or "\t" in s
            or _heads_alone(s)
            or _is_caption(s)
            or (_is_title_line(s) and _titles_table(lines, k))
        ):
            continue
        prose += 1
        opened += not _ends_line(s)
    return prose >= 10 and opened >= 0.5 * prose


def _heads_alone(s: str) -> bool:
    """Whether ``s`` is a numbered heading standing alone: a numbered paragraph's first
    line with its text run in (（一）发展基础。2023年，全省…) is prose, and in a wrapped
    plan most paragraphs open so (a short one's lines were otherwise too few to tell)."""
    heading = parse_heading(s, allow_plain=False)
    return heading is not None and not heading.run_in


_UNIT_LINE_RE = re.compile(r"^[（(]?\s*(?:计量)?单位\s*[：:]")


def _titles_table(lines: list[str], k: int) -> bool:
    """Whether line ``k`` is right over a table's rows (cells apart by tabs), a unit
    line aside."""
    for s in lines[k + 1 : k + 4]:
        if not s or _UNIT_LINE_RE.match(s):
            continue
        return "\t" in s
    return False


_CUT_POINT_BEFORE_RE = re.compile(r"[0-9]．$")
_CUT_POINT_AFTER_RE = re.compile(r"．[0-9]")


def _joined(before: str, after: str) -> str:
    """A wrapped line and the next as one: Latin words apart by a space, and a full-width
    figure's point cut by the wrap (５．\n５％, folded before reflow as 5．\n5%) made
    ASCII, as it is when the figure is whole on its line."""
    if _CUT_POINT_BEFORE_RE.search(before) and after[:1].isascii() and after[:1].isdigit():
        before = before[:-1] + "."
    elif _CUT_POINT_AFTER_RE.match(after) and before[-1:].isascii() and before[-1:].isdigit():
        after = "." + after[1:]
    return before + (" " if _latin_break(before[-1], after[0]) else "") + after


def _latin_break(before: str, after: str) -> bool:
    """A line break between two Latin words (or a figure and a word) stands for a space."""
    return before.isascii() and before.isalnum() and after.isascii() and after.isalpha()


# A page's number alone on its line, as a PDF's text layer leaves it between two pages:
# — 12 —, -3-, - 3 -, 第 4 页, 第4页 共20页, 4/20, 12.
_PAGE_NUMBER_RE = re.compile(
    r"[-－—–―~～·•\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:[/／]|共)\s*\d{1,4}\s*页?)?[-－—–―~～·•\s]*"
)
# A running header (the document's title or issuer over every page) is short.
_MAX_RUNNING_HEADER = 40


def _page_numbers(stripped: list[str]) -> list[bool]:
    """Which lines are a page's number. One set apart by dashes or said as a page
    (— 12 —, -3-, 第 4 页) is one alone; a bare number (12) only when the bare numbers
    of the text count up page by page, three or more (a table's cell alone on its line
    is a figure, not a page)."""
    marks = [
        bool(s) and _PAGE_NUMBER_RE.fullmatch(s) is not None and any(c.isdigit() for c in s)
        for s in stripped
    ]
    bare = [k for k, m in enumerate(marks) if m and stripped[k].isdigit()]
    values = [int(stripped[k]) for k in bare]
    counting = len(values) >= 3 and all(0 < b - a <= 2 for a, b in pairwise(values))
    if not counting:
        for k in bare:
            marks[k] = False
    return marks


def strip_page_furniture(text: str) -> str:
    """``text`` without what a PDF prints between its pages: the page number alone on its
    line, and a running header (a short line printed three times or more, or the title
    printed again, right beside a page number). In a hard-wrapped text the blank lines
    around them go too when the page broke inside a paragraph, so that the paragraph is
    read whole (the words on either side of a page break had been two paragraphs:
    外\n— 12 —\n国人来琼工作人数), and a table's header and its rows are one table
    again across the break."""
    if not any(ch.isdigit() for ch in text):
        return text
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    pages = _page_numbers(stripped)
    if not any(pages):
        return text
    wrapped = is_hard_wrapped(text)
    counts = Counter(s for s in stripped if s)
    junk = list(pages)

    def beside_page(k: int) -> bool:
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(lines) and not stripped[j]:
                j += step
            if 0 <= j < len(lines) and pages[j]:
                return True
        return False

    # a short document's header is its title again: twice is enough then
    title = next((s for s in stripped if s), "")
    for k, s in enumerate(stripped):
        if (
            not junk[k]
            and (counts[s] >= 3 or (counts[s] >= 2 and s == title and k > 0))
            and len(s) <= _MAX_RUNNING_HEADER
            and "\t" not in lines[k]
            and not _ends_line(s)
            and beside_page(k)
        ):
            junk[k] = True
    out: list[str] = []
    k = 0
    while k < len(lines):
        if not junk[k]:
            out.append(lines[k])
            k += 1
            continue
        # the page break's block: page numbers, headers and the blank lines between
        j = k
        while j < len(lines) and (junk[j] or not stripped[j]):
            j += 1
        blank = any(not stripped[i] for i in range(k, j)) or (out and not out[-1].strip())
        # blank lines before the block go with it unless a paragraph ended there (in a
        # text of one paragraph a line, a line always ends one)
        while out and not out[-1].strip():
            out.pop()
        if out and j < len(lines) and blank and (not wrapped or _ends_line(out[-1].strip())):
            out.append("")
        k = j
    return "\n".join(out)


# An item's title run into its text: a colon inside the line, words after it.
_RUN_IN_LABEL_RE = re.compile(r"^[^#][^：:]{1,30}[：:](?=\S)")


# A table's caption with its number set apart (表2 2023年规模以上工业主要产品产量): after a
# sentence that ends right at the wrap width it opens a block of its own, never the
# sentence's wrap (…超亿元的企业1873家。\n表2 2023年…: the caption was read as prose, and
# its table lost its title; bulletins of Qiandongnan, Shaoxing, Shaanxi, Enshi, Beiquan).
# Prose opening a line with 表 (表明…, 表1显示…) has no space after the number.
_SET_CAPTION_RE = re.compile(rf"(?:附表|续表|表)\s*[0-9{_CN_NUM}]+[ \u3000]+\S")
# So does a numbered item (2．提升高校创新策源能力。, 3．森林消防应急物资：…, （二）…, 三、…)
# after a sentence ending right at the width: an item of a list is a paragraph of its own,
# and taken into the item above it read its names as that item's (综合性消防救援应急物资
# 中央级库 for 森林消防应急物资's; the emergency plan, the Yangpu, Shanghai space and
# future-industries plans, Yangzhou's evaluation, Hebei's and Changzhou's indicator lists).
# 1、2月 and 2.5万 are figures, not numbers of items.
_ITEM_NUMBER_RE = re.compile(
    rf"(?:\d{{1,2}}[．.、](?![\d．.])|[（(](?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})[)）]|[{_CN_NUM}]{{1,3}}、)"
)


def _opens_block(s: str) -> bool:
    """Whether line ``s`` opens a block of its own after a sentence's end: a table's
    caption or a numbered item."""
    return bool(_SET_CAPTION_RE.match(s) or _ITEM_NUMBER_RE.match(s))


def _cut_at(line: str, width: int) -> bool:
    """Whether ``line`` is cut inside a word by the wrap: as wide as the text's lines (its
    indentation counted), a letter or digit at its end (a bracket closing the line may
    end its paragraph: …各区政府）)."""
    s = line.rstrip()
    return len(s) >= width - 1 and s[-1:].isalnum()


def _indents(line: str) -> bool:
    """Whether ``line`` opens with an indentation (a full-width space, or two spaces): a
    single space is where the wrap cut a line at a space (2022 年 cut after 2022)."""
    return line[:1] == "\u3000" or line[:2] == "  "


def reflow_wrapped(text: str) -> str:
    """``text`` with the line breaks inside its paragraphs removed, if it is hard-wrapped
    (:func:`is_hard_wrapped`); otherwise ``text`` itself.

    A word split over two lines (高\\n新技术企业) is then one word for search and for the
    key targets. A line is continued by the next when it is as long as the text's usual
    line (the wrap width) and ends without sentence punctuation: a title, a date or a
    heading is shorter, and stays a line of its own, as do table rows and blank lines.
    Latin words or figures on both sides of a break are kept apart by a space.
    """
    if not is_hard_wrapped(text):
        return text
    lines = text.split("\n")
    lengths = Counter(len(s) for line in lines if len(s := line.strip()) >= 15)
    width = lengths.most_common(1)[0][0]
    filled = [line for line in lines if line.strip()]
    indents = sum(1 for line in filled if _indents(line))
    marks_paragraphs = 0 < indents < 0.5 * len(filled)
    out: list[str] = []
    open_line = False  # the last line written is cut at the wrap width
    cut = False  # ... and inside a word: full width, a letter or digit at its end
    for line in lines:
        s = line.strip()
        table = "\t" in line
        # a sentence ending right at the wrap width goes on, unless the next line is
        # indented (the first line of a paragraph in a PDF); where only some lines are
        # indented, an indented line opens a paragraph whatever the line above (a long
        # title ending in ）had taken in the first paragraph, and the title was lost)
        indented = (
            line[:1] in (" ", "\u3000")
            and ((marks_paragraphs and _indents(line)) or _ends_line(out[-1].strip()))
            if out
            else False
        )
        heading = parse_heading(s, allow_plain=False) if s else None
        # a line cut inside a sentence goes on even where the next line happens to open
        # like a heading (知行合\n一、贯彻落实…, 增长\n1、2月…): a heading follows a line
        # that ends its paragraph
        # (a short heading alone, 一、2025年工作成效, still opens a section after a long
        # title that fills its line)
        if (
            heading is not None
            and cut
            and not s.startswith("#")
            and (len(line.rstrip()) >= 0.8 * width or _ends_line(s))
        ):
            heading = None
        if (
            open_line
            and s
            and not table
            and not indented
            and heading is None
            and not _is_addressee(s)
            and not _opens_note(s)
            and not (_ends_line(out[-1].strip()) and _opens_block(s))
            # a document number (徐政发〔2026〕3号) is a line of its own under a title that
            # may fill the width: joined, it made the title another one, and the text no
            # notice (its plan of 民生实事 read as results)
            and not _DOC_NUMBER_RE.fullmatch(s)
        ):
            out[-1] = _joined(out[-1], s)
        else:
            out.append(line.rstrip() if s else line)
        # a heading run into its paragraph (（一）坚持…。党政军民学…) goes on like any line,
        # and so does an item's run-in title and text cut inside a word at the wrap width
        # (1．中央生活类救灾物资：改扩建现有20个中\n央…); a heading alone on its line does not
        # (a long one may fill the line: 二、认清形势、抢抓机遇，以更加坚定的信心…)
        if heading is not None and _RUN_IN_LABEL_RE.search(s) and _cut_at(line, width):
            heading = None
        open_line = (
            bool(s)
            and not table
            and (heading is None or heading.run_in)
            and not _closes_block(s)
            and not _is_addressee(s)
            and (len(s) >= width - 1 or (len(s) >= 0.8 * width and not _ends_line(s)))
        )
        cut = open_line and _cut_at(line, width)
    return "\n".join(out)


# A web page's spaces as its source writes them, left in a text copied from the page's
# source or saved by a tool that did not decode them (&nbsp;&nbsp;一、… , 增长5%&nbsp;).
_SPACE_ENTITY_RE = re.compile(
    r"&(?:nbsp|ensp|emsp|thinsp|#160|#x0*a0|#12288|#x0*3000)(?:;|(?![A-Za-z0-9]))", re.IGNORECASE
)


def unescape_spaces(text: str) -> str:
    """``text`` with HTML's space entities (``&nbsp;``, ``&emsp;``, ``&#160;``…) as
    spaces, so that a heading or a figure after one reads as after a space (a heading
    opened by ``&nbsp;&nbsp;`` was taken for prose, and a work report's review section
    for its plans). Other entities are kept as written (``&amp;`` may be the text's own).
    """
    if "&" not in text:
        return text
    return _SPACE_ENTITY_RE.sub(" ", text)


# A list item's bullet as a word processor or a web page exports it (● / • / ■ …).
_BULLET_RE = re.compile(r"^([ \t\u3000\u00a0]*)[●•■◆▪◇○◎►▶➢·][ \t\u3000\u00a0]*", re.MULTILINE)


def unbulleted(text: str) -> str:
    """``text`` without the bullets that open its lines: a bullet is layout, and it
    stood at the head of the sentence's first name (``•全市建筑业总产值``)."""
    return _BULLET_RE.sub(r"\1", text)


# Cells of a table row copied from a PDF or a web page as text: apart by runs of spaces
# (ASCII, full-width or no-break), where a spreadsheet would give tabs.
_SPACE_RUN_RE = re.compile(r"[ \u3000\u00a0]+")
# A data row's numeric cell: a figure (96.82, -2.3, 48.8%) or a missing value (…, -).
_REAL_FIGURE_RE = re.compile(r"[-+－—]?[0-9][0-9,.]*[%‰]?")
_NUMERIC_CELL_RE = re.compile(_REAL_FIGURE_RE.pattern + r"|[-—－…]+")
# What never stands in a row's cells: a sentence's punctuation (a paragraph of prose
# with a stray double space has it; a table's label, unit and figures do not).
_PROSE_MARKS = "。！？；;!?，"
# A row's label and a header's words are short; a unit cell shorter still.
_MAX_LABEL = 30
_MAX_UNIT = 8


# A wide gap: two spaces or more, or a full-width or no-break space. A row whose cells
# are apart by wide gaps keeps a single ASCII space inside a cell (``2022 年（亿元）``,
# ``16-59 岁（含不满60 周岁）``, as a PDF's text sets a figure apart from its word).
_WIDE_GAP_RE = re.compile(r"[ \u3000\u00a0]{2,}|[ ]*[\u3000\u00a0][ \u3000\u00a0]*")


def _cell_gaps(body: str) -> re.Pattern[str]:
    """The gaps between a stripped row's cells: its wide gaps if it has any, else every
    run of spaces."""
    return _WIDE_GAP_RE if _WIDE_GAP_RE.search(body) else _SPACE_RUN_RE


_PROSE_MARK_RE = re.compile(f"[{re.escape(_PROSE_MARKS)}]")


def _space_cells(line: str) -> list[str]:
    body = line.strip()
    gaps = _cell_gaps(body)
    if gaps is _SPACE_RUN_RE:
        return [c for c in gaps.split(body) if c]
    cells: list[str] = []
    spelt = False  # the last cell is a word set out letter by letter (指　　标, 项　　目)
    for c in gaps.split(body):
        if not c:
            continue
        if _is_one_han(c) and cells and (spelt or _is_one_han(cells[-1])):
            cells[-1] += c
            spelt = True
        else:
            cells.append(c)
            spelt = False
    return cells


def _is_one_han(c: str) -> bool:
    return len(c) == 1 and "\u3400" <= c <= "\u9fff"


# A contents page's entry (第二章 重点任务 5, 一、发展基础 …… 2): a chapter's number, or
# leader dots before a page number.
_CONTENTS_RE = re.compile(rf"第[0-9{_CN_NUM}]+[章节编篇部]|[.…·。]{{2,}}")


# A plan's indicator table (专栏 主要指标): a row's serial number before its label, its
# 属性 after its figures, and figures said with their direction or bound (下降15%, <1,
# 5.5%左右, [30] for a five years' total).
_SERIAL_CELL_RE = re.compile(r"\d{1,3}")
_ATTRIBUTE_CELL_RE = re.compile(r"(?:约束|预期|指导)性")
_PLAN_FIGURE_RE = re.compile(
    r"[<>≤≥＜＞]?(?:下降|降低|提高|增长|减少)?"
    rf"(?:{_REAL_FIGURE_RE.pattern}|[\[［]{_REAL_FIGURE_RE.pattern}[\]］])(?:左右|以上|以内|以下)?"
)


def _row_core(cells: list[str]) -> list[str]:
    """A row's label and figure cells: a plan table's serial number and 属性 left out."""
    if len(cells) >= 3 and _SERIAL_CELL_RE.fullmatch(cells[0]):
        cells = cells[1:]
    while len(cells) >= 3 and _ATTRIBUTE_CELL_RE.fullmatch(cells[-1]):
        cells = cells[:-1]
    return cells


def _is_space_data_row(cells: list[str]) -> bool:
    """A label, then units and figures, the last a figure: ``粮食 万吨 96.82 3.4``,
    ``#玉米 78.46 4.2``, ``1 生产安全事故死亡人数 下降15% 约束性``."""
    if len(cells) < 2 or any(ch in c for c in cells for ch in _PROSE_MARKS):
        return False
    cells = _row_core(cells)
    label, rest = cells[0], cells[1:]
    if (
        any(_CONTENTS_RE.match(c) for c in cells)
        or len(label) > _MAX_LABEL
        or _NUMERIC_CELL_RE.fullmatch(label)
        or not re.search(r"[\u3400-\u9fff]", label)
        or not (_NUMERIC_CELL_RE.fullmatch(rest[-1]) or _PLAN_FIGURE_RE.fullmatch(rest[-1]))
        or not any(_REAL_FIGURE_RE.fullmatch(c) or _PLAN_FIGURE_RE.fullmatch(c) for c in rest)
    ):
        return False
    # between the label and the figures only short unit cells (万吨, 亿千瓦时)
    return all(_NUMERIC_CELL_RE.fullmatch(c) or len(c) <= _MAX_UNIT for c in rest)


def _is_measured(cells: list[str]) -> bool:
    """Whether a data row holds a unit cell or a figure other than a bare integer."""
    return any(
        not _NUMERIC_CELL_RE.fullmatch(c) or re.search(r"[.%‰]|^[-+－—]\d", c) is not None
        for c in cells[1:]
    )


def _is_space_header(cells: list[str]) -> bool:
    """Column words: ``指标 单位 绝对数 比上年增长(%)``, no figure among them."""
    return (
        len(cells) >= 2
        and all(2 <= len(c) <= _MAX_LABEL // 2 for c in cells)
        and not any(ch in c for c in cells for ch in _PROSE_MARKS + "：:、")
        and not any(_NUMERIC_CELL_RE.fullmatch(c) for c in cells)
        and not _CAPTION_RE.match(cells[0])
        and not _BOX_CAPTION_RE.match(cells[0])
    )


# A box's or a figure's caption over a table (专栏1　“十四五”时期主要指标, 图2　…): not
# column words either.
_BOX_CAPTION_RE = re.compile(rf"(?:专栏|图)\s*[0-9{_CN_NUM}]")


def _is_row_line(s: str) -> bool:
    """A table's row or its header: cells apart by tabs, or by spaces as a row's are."""
    if "\t" in s:
        return True
    cells = _space_cells(s)
    return _is_space_data_row(cells) or _is_space_header(cells)


_BLANK_LINE_RE = re.compile(r"\n[ \t\u3000\u00a0]*(?=\n)")


def close_table_gaps(text: str) -> str:
    """``text`` without the blank lines between a table's rows, in a text that puts a
    blank line after every line (a web page copied as text: each row a block of its
    own). Apart, the rows were read one by one, no row under its table's header and
    caption, and a bulletin's tables lost every record."""
    # most texts have few blank lines: counted in C before the lines are looked at
    if len(_BLANK_LINE_RE.findall(text)) < 0.4 * text.count("\n"):
        return text
    lines = text.split("\n")
    filled = sum(1 for line in lines if line.strip())
    blank = len(lines) - filled
    if blank < 0.8 * filled or filled < 4:
        return text
    stripped = [line.strip() for line in lines]
    row: dict[int, bool] = {}

    def is_row(k: int) -> bool:
        if k not in row:
            row[k] = _is_row_line(stripped[k])
        return row[k]

    out: list[str] = []
    last = -1  # the last line kept that is not blank
    for k, s in enumerate(stripped):
        if s:
            out.append(lines[k])
            last = k
            continue
        nxt = k + 1
        while nxt < len(lines) and not stripped[nxt]:
            nxt += 1
        if (
            last >= 0
            and nxt < len(lines)
            and is_row(nxt)
            and (
                is_row(last)
                or _is_caption(stripped[last])
                or _BOX_CAPTION_RE.match(stripped[last])
                or _UNIT_LINE_RE.match(stripped[last])
            )
        ):
            continue
        out.append(lines[k])
    return "\n".join(out)


def tabulate_space_rows(text: str) -> str:
    """``text`` with the cells of its space-separated table rows apart by tabs, as a
    spreadsheet's copy gives them, so that the rows are read as a table's rows.

    A table copied from a PDF or a web page as text often keeps one row per line with
    its cells apart by spaces (``粮食 万吨 96.82 3.4`` under ``指标 单位 产量 比上年增长%``).
    Read as prose, such a row is joined with the next line and its label and figures
    are lost. A line is taken for a row only inside a run of lines that form a table:
    two data rows or more (a label, short unit cells, figures, the last cell a figure,
    no sentence punctuation) with the same number of cells, or one after a header row
    of column words with no more cells than the rows. The header row right above the
    rows is a row too. Prose with a stray double space holds punctuation, a date line
    or a signature no figure: they are left as they are. Lines holding tabs already
    are left as they are; the text keeps its length per line otherwise.
    """
    if " " not in text and "\u3000" not in text and "\u00a0" not in text:
        return text
    lines = text.split("\n")
    # a line with a sentence's punctuation is neither a row nor a header: not cut at all
    cells = [
        _space_cells(line) if "\t" not in line and not _PROSE_MARK_RE.search(line) else []
        for line in lines
    ]
    data = [_is_space_data_row(c) for c in cells]
    rows: set[int] = set()
    i = 0
    while i < len(lines):
        if not data[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and data[j]:
            j += 1
        counts = Counter(len(cells[k]) for k in range(i, j))
        width, same = counts.most_common(1)[0]
        header = i > 0 and _is_space_header(cells[i - 1]) and len(cells[i - 1]) <= width
        # without a header, a table's figures are measured: a unit cell, a decimal, a
        # share or a fall (a contents page's page numbers are bare integers)
        measured = any(_is_measured(cells[k]) for k in range(i, j))
        if (same >= 2 and measured) or header:
            rows.update(range(i, j))
            if header:
                rows.add(i - 1)
                # a header of two lines (the measures over their units: 水质类别 over
                # 比例（%）): the line above is column words as well
                if i > 1 and _is_space_header(cells[i - 2]) and len(cells[i - 2]) <= width:
                    rows.add(i - 2)
        i = j
    if not rows:
        return text
    out = list(lines)
    for k in rows:
        line = lines[k]
        body = line.strip()
        lead = line[: len(line) - len(line.lstrip())]
        trail = line[len(line.rstrip()) :]
        out[k] = lead + "\t".join(_space_cells(body)) + trail
    return "\n".join(out)


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


# A table's caption names it: 表5, 附表2, 表三 (the rest of the line its title).
_CAPTION_RE = re.compile(
    rf"^\s*(?:附表|续表|表)\s*[0-9０-９{_CN_NUM}]+(?:[-－—.．][0-9]+)?(?![0-9])"
)
# A caption is a short line: a longer one is prose that happens to open with 表.
CAPTION_MAX_CHARS = 60
# A cell that is a figure (1577693, -3.3, 48.8%, …), not a header's word.
_FIGURE_CELL_RE = re.compile(r"[-+－—]?[0-9０-９][0-9０-９,，.．]*\s*[%％‰]?|[-—－…/]+")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t") if cell.strip()]


def _cells_text(line: str) -> str:
    """A table line as a title: its cells apart by one space."""
    return " ".join(" ".join(cell.split()) for cell in _cells(line))


def _is_caption(line: str) -> bool:
    """Whether ``line`` names a table (表5\t2023年…主要产品产量及增速)."""
    s = line.strip()
    return (
        "\n" not in s
        and len(s) <= CAPTION_MAX_CHARS
        and _CAPTION_RE.match(s) is not None
        and not _ends_line(s)
    )


def _is_title_line(line: str) -> bool:
    """Whether a line of no cells right before a table's rows is its title (2023年主要
    农产品产量及其增长速度): short, no sentence punctuation, no figure-like comma."""
    s = line.strip()
    return (
        "\t" not in s
        and len(s) <= CAPTION_MAX_CHARS // 2
        and not _ends_line(s)
        and not any(ch in s for ch in "，,；;")
    )


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


def is_salutation(line: str) -> bool:
    """``同志们：``, ``各位代表，同志们：``, ``尊敬的各位来宾：`` and the like."""
    return bool(_SALUTATION_RE.match(line.strip()))


# --- sidecar metadata --------------------------------------------------------


class MetadataError(UnreadableDocument):
    """A ``.meta.toml`` sidecar that cannot be used; ``path`` is the sidecar.

    A subclass of :class:`UnreadableDocument` so that an indexer catching that
    reports a bad sidecar for its document instead of crashing.
    """


def sidecar_path(document: Path) -> Path:
    """``report.txt`` -> ``report.txt.meta.toml`` next to it."""
    return document.with_name(document.name + SIDECAR_SUFFIX)


def parse_sidecar(text: str, *, source: str | Path) -> dict[str, Any]:
    """Validate sidecar TOML into overrides for :func:`merge_meta`.

    Known keys: ``title`` (non-empty string), ``region`` (string; ``""`` clears
    an inferred region), ``year`` (integer or digit string, 1900-2099),
    ``level`` (``national``, ``provincial``, ``city``, ``county``), ``type``,
    ``issuer`` and ``date`` (strings). Every
    other key, and the keys of an optional ``[extra]`` table, go to
    ``"extra"`` as strings. Problems raise :class:`MetadataError` naming
    ``source``.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MetadataError(source, f"invalid TOML ({exc})") from None

    def fail(reason: str) -> MetadataError:
        return MetadataError(source, reason)

    out: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for key, value in data.items():
        if key == "title":
            if not isinstance(value, str) or not value.strip():
                raise fail("'title' must be a non-empty string")
            out["title"] = value.strip()
        elif key == "region":
            if not isinstance(value, str):
                raise fail("'region' must be a string")
            out["region"] = value.strip() or None
        elif key == "year":
            out["year"] = _sidecar_year(value, fail)
        elif key == "level":
            if value not in SIDECAR_LEVELS:
                raise fail(f"'level' must be one of {', '.join(SIDECAR_LEVELS)}, not {value!r}")
            out["level"] = value
        elif key in ("type", "issuer", "date"):
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise fail(f"'{key}' must be a string")
            out["doc_type" if key == "type" else key] = str(value).strip() or None
        elif key == "extra" and isinstance(value, dict):
            for sub, sub_value in value.items():
                extra[str(sub)] = _stringify(sub_value, f"extra.{sub}", fail)
        else:
            extra[key] = _stringify(value, key, fail)
    if extra:
        out["extra"] = extra
    return out


def _sidecar_year(value: Any, fail: Callable[[str], MetadataError]) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2099:
        raise fail(f"'year' must be a year between 1900 and 2099, not {value!r}")
    return value


def _stringify(value: Any, key: str, fail: Callable[[str], MetadataError]) -> str:
    if isinstance(value, dict):
        raise fail(f"'{key}' is a table; only plain values are supported")
    if isinstance(value, list):
        return ", ".join(_stringify(v, key, fail) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def load_sidecar(path: Path) -> dict[str, Any]:
    """Overrides from the sidecar of document ``path`` (or from sidecar ``path`` itself).

    ``{}`` when the document has no sidecar. See :func:`parse_sidecar`.
    """
    sidecar = path if path.name.endswith(SIDECAR_SUFFIX) else sidecar_path(path)
    if not sidecar.is_file():
        return {}
    try:
        raw = sidecar.read_bytes()
    except OSError as exc:
        raise MetadataError(sidecar, f"cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MetadataError(sidecar, "invalid TOML (not UTF-8 text)") from None
    return parse_sidecar(text, source=sidecar)
