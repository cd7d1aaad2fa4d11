"""What one line of a decoded document is: a heading (its level and title), a date or a
document number closing a block, a note, an addressee, a salutation, a table's caption or
title; and whether it ends its paragraph. Pure, on strings.

:mod:`bot.corpus.parse` cuts paragraphs and passages with these, and
:mod:`bot.corpus.layout` reads a realistic layout (a PDF's wrapped lines, its page
numbers, a table's rows apart by spaces) with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    # a numbered item that is one sentence of figures (（二）对…的新开工制造业项目，给予200万元
    # 奖励。: a 若干措施's measure) is body as well as a heading: its figures are read and
    # searched, as a run-in heading's are
    return Heading(level, lead, run_in=bool(rest) or _is_figure_clause(lead), numbered=True)


# an Arabic figure that is no year (2025年) and no list number: 200万元, 10%, 30家
_CLAUSE_FIGURE_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|年)")


def _is_figure_clause(lead: str) -> bool:
    """Whether a numbered line's only sentence is prose of figures: clauses (a ``，``)
    and a figure after the numbering."""
    body = without_numbering(lead)
    return "，" in body and _CLAUSE_FIGURE_RE.search(body) is not None


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


# --- lines that end or open a block ------------------------------------------


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


# --- table captions and titles ----------------------------------------------


# A table's caption names it: 表5, 附表2, 表三 (the rest of the line its title).
_CAPTION_RE = re.compile(
    rf"^\s*(?:附表|续表|表)\s*[0-9０-９{_CN_NUM}]+(?:[-－—.．][0-9]+)?(?![0-9])"
)
# A caption is a short line: a longer one is prose that happens to open with 表.
CAPTION_MAX_CHARS = 60


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


def is_salutation(line: str) -> bool:
    """``同志们：``, ``各位代表，同志们：``, ``尊敬的各位来宾：`` and the like."""
    return bool(_SALUTATION_RE.match(line.strip()))
