"""Realistic layouts read back as the text they hold, before the text is parsed: a PDF's
page numbers and running headers (:func:`strip_page_furniture`), hard-wrapped lines
(:func:`is_hard_wrapped`, :func:`reflow_wrapped`), HTML's space entities
(:func:`unescape_spaces`), bullets (:func:`unbulleted`), a table's rows apart by blank
lines (:func:`close_table_gaps`) or with their cells apart by spaces
(:func:`tabulate_space_rows`). Pure, on strings; :mod:`bot.corpus.loader` applies them in
order.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from bot.corpus.line_kinds import (
    _CAPTION_RE,
    _CN_NUM,
    _DOC_NUMBER_RE,
    _closes_block,
    _ends_line,
    _is_addressee,
    _is_caption,
    _is_title_line,
    _opens_note,
    parse_heading,
)


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
