"""What a document's own title and head say: its title, subtitle and year, the plan period
or span it covers, how far ahead it looks, and the district a heading is about.

Read by :mod:`~bot.targets.extract` to date and place records when the sentence does not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.corpus.line_kinds import LEVEL_PLAIN, parse_heading
from bot.corpus.meta import CONGRESS_REPORT_TYPES
from bot.models import Document
from bot.targets.kinds import normalize_year

# Documents whose body sets goals unless a section reviews the past.
FORWARD_TYPES = frozenset({"规划纲要", "实施意见/行动方案"})
# Reports that review the year past and set the figures of their own year: the work
# report and the budget and plan reports delivered beside it.
YEAR_REPORT_TYPES = frozenset({"政府工作报告"}) | CONGRESS_REPORT_TYPES

_TITLE_SPAN_RE = re.compile(
    r"[（(]\s*((?:19|20)\d\d)\s*[—–\-－~～至到]+\s*((?:19|20)\d\d)\s*年?\s*[)）]"
)
# 2026年民生实事项目, 2025年上半年工作总结和下半年工作安排, 2025年工作要点: a title that
# names the one year whose work, projects or results the document sets out
_TITLE_YEAR_RE = re.compile(
    r"((?:19|20)\d\d)年(?:上半年|下半年|前三季度|[一二三四]季度)?[^\d（(《》]{0,16}?"
    r"(?:工作总结|工作要点|工作计划|工作安排|民生实事|实事项目|重点项目|工作情况)"
)
_ANY_TITLE_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def _own_title(text: str) -> str:
    """The document's first line when it reads as a title-like heading (no numbering),
    else ``""``: the heading a blank line under the title makes of it."""
    first = next((line for line in text.split("\n", 8)[:8] if line.strip()), "")
    heading = parse_heading(first) if first else None
    return heading.title if heading is not None and heading.level == LEVEL_PLAIN else ""


# a title block's date line: （2025年1月24日）, (2024年3月)
_DATE_LINE_RE = re.compile(
    r"^\s*[（(]\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[)）]\s*$"
)


def _own_subtitle(text: str) -> str:
    """The title's second line when a date line follows it (a title block of three
    lines) and it reads as a title-like heading, else ``""``."""
    lines = [line for line in text.split("\n", 12)[:12] if line.strip()][:3]
    if len(lines) < 3 or not _DATE_LINE_RE.match(lines[2]):
        return ""
    heading = parse_heading(lines[1])
    return heading.title if heading is not None and heading.level == LEVEL_PLAIN else ""


def _title_year(title: str) -> str:
    """The year of :data:`_TITLE_YEAR_RE` when the title names no other, else ``""``."""
    m = _TITLE_YEAR_RE.search(title)
    if not m or len(set(_ANY_TITLE_YEAR_RE.findall(title))) != 1:
        return ""
    return m.group(1)


# 到2025年 (截至2025年底 is a date up to which, not a horizon). Searched over whole
# paragraphs and documents: the pattern opens on the class [到至], which re scans for in
# C, and the 截/截止 before it is looked behind once it is read (a lookbehind first made
# re try the pattern at every position).
_BY_YEAR_RE = re.compile(r"[到至](?<!截[到至])(?<!截止[到至])\s*((?:19|20)\d\d)\s*年")


# “十四五”, or as an outline's official title writes it: 第十四个五年规划
_PLAN_PERIOD_RE = re.compile(r"十[一二三四五六七八九]五|第(十[一二三四五六七八九])个五年")


def _plan_span(doc: Document) -> str:
    """The years a five-year plan covers (``“十四五”国家应急体系规划`` -> 2021-2025, or the
    span in its title), ``""`` when the title says neither."""
    m = _TITLE_SPAN_RE.search(doc.meta.title)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = _PLAN_PERIOD_RE.search(doc.meta.title)
    if not m:
        return ""
    year = str(doc.meta.year or "")
    period = m.group(1) + "五" if m.group(1) else m.group()
    return normalize_year(period, doc_year=year, current_year=year, backward=1)


def _horizon(doc: Document) -> str:
    """The year a plan's or a work report's goals are for, when a section does not say.

    A work report (or a budget or plan report) plans its own year; a plan or an action
    plan works to the end of the period in its title (``（2023—2025年）``) or to its first
    ``到2025年``.
    """
    if doc.meta.doc_type in YEAR_REPORT_TYPES:
        return str(doc.meta.year) if doc.meta.year else ""
    m = _TITLE_SPAN_RE.search(doc.meta.title) or _TITLE_SPAN_RE.search(doc.text[:600])
    if m:
        return m.group(2)  # the span's end
    span = _plan_span(doc) if doc.meta.doc_type == "规划纲要" else ""
    if span:
        return span[-4:]  # “十五五”…规划: the period's end
    m = _BY_YEAR_RE.search(doc.text)
    return m.group(1) if m else ""


# 西海岸新区工委书记, 市南区委书记: a speaker's district named in a heading.
_DISTRICT_RE = re.compile(
    r"([\u4e00-\u9fff]{2,5}?(?:新区|区|县|市))(?=工委|党工委|区委|县委|市委|委员会|政府|人民政府)"
    r"|([\u4e00-\u9fff]{2,5}?(?:新区|区|县))(?=委)"
)
_NOT_DISTRICT = ("市委", "省委", "区委", "县委", "常委")


# Memoised: every paragraph of a section asks for its headings again.
@lru_cache(maxsize=256)
def _places_in_heading(title: str) -> str:
    """``市南区委书记王锋：…`` -> ``市南区``: the district a heading is about, if any."""
    for m in _DISTRICT_RE.finditer(title):
        name = m.group(1) or m.group(2)
        if name.endswith(_NOT_DISTRICT) or name.startswith(("市委", "常委", "书记")):
            continue
        return name.removesuffix("市") if m.group(1) and name.endswith("市") else name
    return ""
