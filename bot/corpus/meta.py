"""Document metadata inferred from the text: title, region, level, type, year, issuer, date.

A user's documents arrive without metadata, yet filters and digests need to know *where*
and *when* a document is about and *what kind* of document it is. The opening lines of a
Chinese official document say most of it:

* the title (``2022年成都市国民经济和社会发展统计公报``, ``关于印发《…行动方案》的通知``);
* the delivery line (``——2026年1月27日在湖北省第十四届人民代表大会第四次会议上``);
* the issuer and document number (``省人民政府省长 王清宪``, ``沪府办发〔2024〕3号``).

The body is used only when the opening is silent (a news story, an untitled speech), and
the file's name only for a year the text never gives.
Everything here is pure string work; the gazetteer (:mod:`bot.corpus.gazetteer`) is the
only data it reads.

Year: the year the document is *about*. A bulletin reports on the year in its title
(published the next spring); a work report delivered in year N sets the targets of N; a
plan or policy is dated by its delivery or document number, never by a horizon
(``到2035年``) or a year it merely mentions.

One module a part: the region is inferred by :mod:`bot.corpus.meta_region`, the type by
:mod:`bot.corpus.meta_type`, the year and date by :mod:`bot.corpus.meta_year`, the issuer
by :mod:`bot.corpus.meta_issuer`, the title by :mod:`bot.corpus.meta_title`; the opening
lines are cut by :mod:`bot.corpus.opening`. This module puts them together (naming an
untitled report after its place, year and kind) and applies a sidecar's overrides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.corpus.doc_types import TARGET_STATING_TYPES, states_targets
from bot.corpus.gazetteer import NATIONAL
from bot.corpus.line_kinds import has_markdown_headings
from bot.corpus.meta_issuer import full_name, infer_issuer
from bot.corpus.meta_region import infer_place, region_named
from bot.corpus.meta_title import GENERIC_TITLES, MAX_TITLE_CHARS, shorten, title_of, unclipped
from bot.corpus.meta_type import (
    BULLETIN_WORDS,
    CONGRESS_REPORT_TYPES,
    TYPE_KEYS,
    TYPES,
    infer_type,
    type_label,
)
from bot.corpus.meta_year import infer_date, infer_year, year_of_file_name
from bot.corpus.opening import opening_lines
from bot.corpus.parse import _paragraphs
from bot.models import DocumentMeta

# what other modules and the tests import from here, wherever it is defined now
__all__ = [
    "BULLETIN_WORDS",
    "CONGRESS_REPORT_TYPES",
    "MAX_TITLE_CHARS",
    "TARGET_STATING_TYPES",
    "TYPES",
    "TYPE_KEYS",
    "infer_date",
    "infer_issuer",
    "infer_meta",
    "infer_type",
    "infer_year",
    "merge_meta",
    "region_named",
    "states_targets",
    "type_label",
    "year_of_file_name",
]

# The target-stating types live in bot.corpus.doc_types (re-exported here): the commands
# ask them of every document without inferring any metadata.

_REPORT_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"政府向大会报告工作|人民政府.{0,6}(?:报告工作|作工作报告)|政府工作报告"
            r"|代表国务院.{0,6}报告"
        ),
        "政府工作报告",
    ),
    (re.compile(r"委员会向大会作报告|党代会报告|党代表大会上的报告"), "党代会报告"),
)

# Kinds that make a title with a place and a year (烟台市2023年讲话); a news story or an
# action plan named so would read oddly, and keeps its file name.
_TITLED_KINDS = frozenset(
    {"讲话", "政府工作报告", "预算报告", "计划报告", "党代会报告", "统计公报", "规划纲要"}
)


# A plan or a policy is dated by the day it takes effect (本措施自2024年3月1日起施行) before
# the years its body mentions most, which are often its base (2020年) or a horizon.
_IN_FORCE_TYPES = frozenset({"规划纲要", "实施意见/行动方案"})


def _closing(text: str, n: int = 6) -> str:
    lines = [s.strip() for s in text.split("\n") if s.strip()]
    return "\n".join(lines[-n:])


def infer_meta(text: str, filename: str, *, places: Iterable[str] | None = None) -> DocumentMeta:
    """All metadata guessed from the text (a sidecar may override any of it).

    Title, first match wins, at most 60 characters:

    1. a markdown heading or title-like line before the first body paragraph;
    2. a title quoted in the opening when the document opens with its number or
       addressee (``沪科〔2025〕5号`` / ``各有关单位：`` / ``现将《…行动方案》印发``);
    3. if the text does not open with a salutation (同志们：, 各位代表：), its first
       meaningful line;
    4. for a recognisable report "<region><year>年<kind>", e.g. "烟台市2024年政府工作报告";
    5. the first numbered heading; 6. the file name without its extension.

    An addressee run into the title (``……的通知各区人民政府，市政府各委、办、局：``) is
    cut off, and a head line that lost the first glyph of the document's place
    (``海市人民政府办公厅…`` about 上海) gets it back, in the title and for the issuer.
    """
    allow_plain = not has_markdown_headings(text)
    paras = list(_paragraphs(text, allow_plain=allow_plain))
    headings = [p.heading for p in paras if p.heading is not None]
    opening = opening_lines(text)
    region = infer_place(text, opening, extra_places=places or ())
    title = title_of(text, paras, headings, opening)
    doc_type = infer_type(title, opening)
    year = infer_year(
        text,
        [h.title for h in headings],
        title=title,
        opening=opening,
        closing=_closing(text),
        congress=doc_type == "党代会报告",
        plan=doc_type in _IN_FORCE_TYPES,
    )
    if year is None:
        year = year_of_file_name(filename)
    if title.replace(" ", "").replace("\u3000", "") in GENERIC_TITLES:
        title = ""  # 政 府 工 作 报 告: named below after its region and year
    if not title:
        # spaces out: a title set letter-spaced (政 府 工 作 报 告) names the kind too
        head = re.sub(r"[ \t\u3000]", "", "\n".join(text[p.start : p.end] for p in paras[:4]))
        for pattern, kind in _REPORT_KINDS:
            if pattern.search(head):
                where = full_name(region) if region else ""
                if where == NATIONAL:
                    where = "国务院"
                title = f"{where}{year}年{kind}" if year else f"{where}{kind}"
                break
    if not title and doc_type in CONGRESS_REPORT_TYPES:
        # 各位代表：受市人民政府委托，现将…: named as an untitled work report is
        where = full_name(region) if region and region != NATIONAL else ""
        title = f"{where}{year}年{doc_type}" if year else f"{where}{doc_type}"
    if not title:
        title = next((h.title for h in headings if h.numbered), "")
    if not title and doc_type in _TITLED_KINDS and (region or year):
        # A speech opening with 同志们： has no title line; its kind, place and year say
        # more to a reader than a file name (2023年讲话, 烟台市2023年讲话).
        where = full_name(region) if region and region != NATIONAL else ""
        title = f"{where}{year}年{doc_type}" if year else f"{where}{doc_type}"
    if not title:
        title = Path(filename).stem
    title = unclipped(title, region)
    head_lines = opening.split("\n")
    head_lines[0] = unclipped(head_lines[0], region)
    issuer = infer_issuer(head_lines + _closing(text).split("\n"), region, doc_type)
    date = infer_date(opening, _closing(text))
    return DocumentMeta(
        title=shorten(title),
        region=region.name if region else None,
        year=year,
        level=region.level if region and region.level else None,
        doc_type=doc_type,
        issuer=issuer,
        date=date,
        region_path=region.path if region else (),
    )


def merge_meta(inferred: DocumentMeta, overrides: dict[str, Any]) -> DocumentMeta:
    """``inferred`` with the sidecar ``overrides`` applied (extra keys are merged).

    A region set by the sidecar brings its own hierarchy and level (unless the sidecar
    sets the level too), so a filter on the province still finds the document.
    """
    if not overrides:
        return inferred
    keys = ("title", "region", "year", "level", "doc_type", "issuer", "date")
    changes: dict[str, Any] = {k: overrides[k] for k in keys if k in overrides}
    if "region" in overrides:
        if overrides["region"]:
            region = region_named(overrides["region"])
            changes["region_path"] = region.path
            changes.setdefault("level", region.level or None)
        else:
            changes["region_path"] = ()
            changes.setdefault("level", None)
    if "extra" in overrides:
        changes["extra"] = {**inferred.extra, **overrides["extra"]}
    return replace(inferred, **changes)
