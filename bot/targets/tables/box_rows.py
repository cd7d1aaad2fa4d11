"""A plan's indicator box (专栏) written as prose rows, read as a table row.

Plan outlines and action plans often print their indicator box not as a table but as one
line per indicator: ``——每万人口发明专利拥有量（件）：2020年6.3，2025年12，预期性。``,
``1. 森林覆盖率（%）：基期值62，目标值63（约束性）``, ``——城镇新增就业（万人）：五年累计
〔30〕，预期性。``. Such a line carries the cells of a table row in words: the row's name
(with its unit), then ``year value`` / ``基期值 value`` / ``年均增长 value`` pairs and the
attribute. :func:`box_row_cells` turns it into the header and the cells the table reader
reads (``指标 | 2020年 | 2025年 | 属性``), so a box row gets the names, units, years and
kinds of a table row (``GOLD_GUIDELINES.md`` §6.4: the base year's column an achievement of
that year, the target year's a target).

Only a line made of nothing but such pairs is a box row: a sentence that happens to hold a
year and a figure (``2025年达到12件``) has a verb between them and stays a sentence.
"""

from __future__ import annotations

import re

from bot.targets.tables.cells import parse_cell

__all__ = ["box_row_cells"]

# The lead of a row: a dash, a bullet or a number of a list (not a heading's 一、).
_LEAD_RE = re.compile(r"^(?:[—–\-－]{1,2}|[·•●○◆■□▪]|\d{1,2}\s*[．.、]|[（(]\d{1,2}[)）])\s*")
_NAME_RE = re.compile(r"^(?P<name>[^：:，,。；;！？]{2,40}?)\s*[：:]\s*(?P<rest>.+)$")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]{2}")
_ATTR_RE = re.compile(r"^[（(]?(?P<attr>预期性|约束性)(?:指标)?[)）]?$")
# What names a cell: a year (the base or the target), a base or target value, or the
# plan's yearly average or sum. The head is kept as the header cell the reader knows.
_YEAR_HEAD_RE = re.compile(
    r"^(?P<head>(?:19|20)\d\d\s*年(?:末|底)?)\s*(?:目标值?|预期值?)?\s*[：:]?"
)
_WORD_HEAD_RE = re.compile(
    r"^(?P<head>基期值|基期|现状值|现状|基准值|目标值|预期值|规划值|目标|"
    r"(?:“十[一二三四五六七八九]五”|[五三十]年)?(?:年均增长|年均|累计))\s*[：:为]?\s*"
)
_LEAD_WORD_RE = re.compile(r"(?:目标|情况|计划|安排|要求|任务|措施|内容|进展|其中|包括|具体|分别)$")
_UNIT_PARENS_RE = re.compile(r"[（(][^（）()]{1,8}[)）]$")
_SPLIT_RE = re.compile(r"\s*[，,；;、]\s*")
_TAIL_ATTR_RE = re.compile(r"[（(](?P<attr>预期性|约束性)(?:指标)?[)）]$")


_BASE_WORD_RE = re.compile(r"^(?:基期|现状|基准)")
_TARGET_WORD_RE = re.compile(r"^(?:目标|预期值|规划值)")
_SPAN_RE = re.compile(r"^((?:19|20)\d\d)-((?:19|20)\d\d)$")


def box_row_cells(line: str, *, span: str = "") -> tuple[list[str], list[str]] | None:
    """``(header, cells)`` of a prose box row, or ``None`` for any other line.

    ``——海外发明专利授权量（万件）：2020年4，2025年9，预期性。`` gives
    ``(["指标", "2020年", "2025年", "属性"], ["海外发明专利授权量（万件）", "4", "9", "预期性"])``.
    """
    s = line.strip().rstrip("。.；;")
    if "\t" in s or len(s) > 120:
        return None
    led = _LEAD_RE.match(s)
    s = s[led.end() :] if led else s
    m = _NAME_RE.match(s)
    if m is None:
        return None
    name = m.group("name").strip()
    if not _CJK_RE.search(name) or _YEAR_HEAD_RE.match(name):
        return None  # 2020年：…, a date or a figure, not an indicator's name
    if _LEAD_WORD_RE.search(_UNIT_PARENS_RE.sub("", name)):
        return None  # 主要目标：…, 完成情况：…: what follows is said of several things
    rest = m.group("rest").strip()
    header = ["指标"]
    cells = [name]
    attr = ""
    tail = _TAIL_ATTR_RE.search(rest)
    if tail:
        attr = tail.group("attr")
        rest = rest[: tail.start()].strip()
    period = _SPAN_RE.match(span)
    values = 0
    years: set[str] = set()
    for part in _SPLIT_RE.split(rest):
        if not part:
            continue
        a = _ATTR_RE.match(part)
        if a:
            if attr:
                return None
            attr = a.group("attr")
            continue
        h = _YEAR_HEAD_RE.match(part) or _WORD_HEAD_RE.match(part)
        if h is None and values == 0 and parse_cell(part) is not None:
            # ——地区生产总值年均增长（%）：6左右，预期性; ——城镇新增就业（万人）：〔30〕: the
            # row's one figure is over the plan's years, as a table's 年均/累计 column is
            head, cell = "年均/累计", part.strip()
        elif h is None:
            return None
        else:
            head = re.sub(r"\s+", "", h.group("head"))
            cell = part[h.end() :].strip()
        if parse_cell(cell) is None or head in years:
            return None
        if head.endswith(("年均增长", "年均")):
            head = "年均增长（%）"  # a yearly average is a rate, whether or not % is written
        years.add(head)
        if period and _BASE_WORD_RE.match(head):
            # a plan for 2021-2025 has its base in 2020 and its target in 2025
            head = f"{int(period.group(1)) - 1}年{head}"
        elif period and _TARGET_WORD_RE.match(head):
            head = f"{period.group(2)}年{head}"
        header.append(head)
        cells.append(cell)
        values += 1
    # one figure with no attribute is a sentence's shape (合同金额：2020年5亿元), not a box;
    # without an attribute, a row is marked by its list lead or its unit in brackets
    if values == 0 or (values == 1 and not attr):
        return None
    if "年均/累计" in header and values > 1:
        return None  # a bare figure beside dated ones: which column it is, is not said
    if not attr and not led and not _UNIT_PARENS_RE.search(name):
        return None
    if attr:
        header.append("属性")
        cells.append(attr)
    return header, cells
