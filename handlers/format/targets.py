"""Key targets as Telegram messages: /targets lists, /compare tables, target lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from bot.digest.english import said_indicator, said_place
from bot.digest.filters import kind_label
from bot.digest.values import change_and_value, format_year, short_title
from bot.library.compared_places import ComparedPlaces
from bot.models import DocumentInfo
from bot.targets.conditions import ValueCondition, condition_text
from bot.targets.records import TargetRecord
from handlers.format.html import ARG_SHOWN, cut, escape, one_line, shown, split_html
from handlers.i18n import DEFAULT_LANGUAGE, tr

TARGETS_SHOWN = 40


# -- targets -----------------------------------------------------------------------------------
def condition_line(condition: ValueCondition, failed: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """The understood line of a value condition (HTML): ``条件：高于 5%（3 条不满足…）``."""
    line = tr(lang, "targets.condition", condition=escape(condition_text(condition, lang)))
    if failed:
        line += tr(lang, "targets.condition_failed", count=failed)
    return f"<i>{line}</i>"


def hidden_note(hidden: int, command: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The line saying how many low-confidence records were left out and how to see them."""
    return tr(lang, "targets.hidden", hidden=hidden, command=escape(cut(command, ARG_SHOWN)))


def _year(year: str, lang: str) -> str:
    return format_year(one_line(year), lang)


def _kind(record: TargetRecord, lang: str) -> str:
    """``〔目标〕`` / ``[target] `` (as in digests: the English tag ends with its space)."""
    return tr(lang, "digest.kind", kind=kind_label(record.kind, lang))


def _figure(record: TargetRecord, lang: str, *, named: bool = False) -> str:
    return change_and_value(record, lang, sep=" ", named=named)


def target_line(
    record: TargetRecord,
    *,
    show_kind: bool = True,
    show_region: bool = True,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """``• 〔目标〕<b>地区生产总值</b> 增长 5.5%左右 · 2024年 · 烟台`` (HTML, one line)."""
    parts = ["• "]
    if show_kind:
        parts.append(_kind(record, lang))
    parts.append(f"<b>{escape(said_indicator(one_line(record.indicator), lang))}</b>")
    figure = _figure(record, lang, named=True)  # the name is just before it
    if figure:
        parts.append(" " + escape(figure))
    meta = [_year(record.year, lang)]
    if show_region:
        meta.append(said_place(one_line(record.region), lang))
    meta = [m for m in meta if m]
    if meta:
        parts.append(" · " + " · ".join(escape(m) for m in meta))
    return "".join(parts)


class DocTargetLike(Protocol):
    """What :meth:`Engine.targets` yields (``bot.library.DocTarget``)."""

    doc_id: str
    record: TargetRecord


def _doc_title(doc_id: str, record: TargetRecord, docs: Mapping[str, DocumentInfo]) -> str:
    info = docs.get(doc_id)
    if info is not None:
        return one_line(info.title) or info.filename
    return record.doc or doc_id


def targets_messages(
    rows: Sequence[DocTargetLike],
    docs: Mapping[str, DocumentInfo],
    *,
    heading: str,
    shown: int = TARGETS_SHOWN,
    hidden: int = 0,
    all_command: str = "/targets all",
    lang: str = DEFAULT_LANGUAGE,
) -> list[str]:
    """Target records (``DocTarget``-like: ``doc_id``, ``record``) grouped by document.

    ``heading`` is plain text (escaped here). At most ``shown`` lines are listed; a last
    line says how many more there are and how to narrow the list. ``hidden`` records
    were left out for low confidence; a line says so, with ``all_command``.
    """
    items = list(rows)
    lines = [tr(lang, "targets.heading", heading=escape(heading), count=len(items))]
    if hidden:
        lines.append(hidden_note(hidden, all_command, lang))
    current = None
    for item in items[:shown]:
        if item.doc_id != current:
            current = item.doc_id
            lines.append("")
            lines.append(f"📄 <b>{escape(_doc_title(item.doc_id, item.record, docs))}</b>")
        lines.append(target_line(item.record, lang=lang))
    if len(items) > shown:
        lines.append("")
        lines.append(tr(lang, "targets.more", count=len(items) - shown))
    return split_html("\n".join(lines))


def said_family(name: str, lang: str) -> str:
    """A family member named in English with its Chinese beside it (two members may share
    the English name: 地区生产总值 and 国内生产总值 are both GDP)."""
    said = said_indicator(name, lang)
    return f"{said} ({name})" if said != name else name


def _year_order(year: str) -> tuple[int, int]:
    year = one_line(year)
    return (0, -int(year)) if year.isdigit() else (1 if year else 2, 0)


def compare_messages(
    indicator: str,
    rows: Sequence[DocTargetLike],
    docs: Mapping[str, DocumentInfo],
    *,
    hidden: int = 0,
    family: Sequence[str] = (),
    compared: ComparedPlaces | None = None,
    measure: str = "",
    lang: str = DEFAULT_LANGUAGE,
) -> list[str]:
    """One indicator across regions and years: per indicator, per region, newest first.

    ``family`` lists the canonical indicators ``indicator`` stands for (shown when more
    than one); ``hidden`` records were left out for low confidence; ``compared``: the
    places typed (the regions in their order, a place without figures said at the end,
    ``measure`` the indicator they lack: 固定资产投资 of 固定资产投资 四川 云南).
    """
    items = list(rows)
    by_indicator: dict[str, dict[str, list[DocTargetLike]]] = {}
    for item in items:
        rec = item.record
        info = docs.get(item.doc_id)
        region = one_line(rec.region) or (info.region if info and info.region else "") or ""
        by_indicator.setdefault(one_line(rec.indicator), {}).setdefault(region, []).append(item)
    lines = [tr(lang, "targets.compare_heading", indicator=escape(indicator), count=len(items))]
    if len(family) > 1:
        names = tr(lang, "common.list_sep").join(escape(said_family(f, lang)) for f in family)
        lines.append(tr(lang, "targets.includes", names=names))
    if hidden:
        lines.append(hidden_note(hidden, f"/compare {indicator} all", lang))
    for name in sorted(by_indicator, key=lambda n: (n != indicator, len(n), n)):
        regions = by_indicator[name]
        if len(by_indicator) > 1:
            lines.append("")
            lines.append(f"<b>{escape(said_family(name, lang))}</b>")
        # by the name the reader reads (Anhui, China, Guizhou … in English)
        for region in sorted(regions, key=lambda r: _region_order(r, compared, lang)):
            lines.append("")
            label = escape(said_place(region, lang)) if region else tr(lang, "targets.no_region")
            lines.append(tr(lang, "digest.heading", label=label))  # 【烟台】, [烟台]
            for item in sorted(regions[region], key=lambda i: _year_order(i.record.year)):
                rec = item.record
                year = _year(rec.year, lang) or tr(lang, "targets.no_year")
                kind = _kind(rec, lang).strip()
                source = short_title(_doc_title(item.doc_id, rec, docs))
                figure = escape(_figure(rec, lang))
                lines.append(f"• {escape(year)} {kind} {figure} — 《{escape(source)}》")
    for place, documented in compared.missing if compared else ():
        lines.append("")
        lines.append(tr(lang, "digest.heading", label=escape(said_place(place, lang))))
        lines.append("• " + place_missing(place, documented, measure or indicator, lang))
    if compared and compared.unread:
        lines += ["", unread_line(compared, None, lang)]
    return split_html("\n".join(lines))


def unread_line(compared: ComparedPlaces, year: int | None, lang: str) -> str:
    """The words typed among a comparison's places that are no place (投资 消费 after
    GDP: indicators the comparison of one left out), with the command of the first."""
    sep = tr(lang, "common.list_sep")
    words = (compared.unread[0], *([str(year)] if year else ()), *compared.places)
    example = escape(" ".join(("/compare", *words)))
    said = escape(sep.join(compared.unread))
    return "<i>" + tr(lang, "targets.words_unread", words=said, example=example) + "</i>"


def _region_order(region: str, compared: ComparedPlaces | None, lang: str) -> tuple:
    """Regions typed (四川 云南) in their typed order; else by the name the reader reads
    (Anhui, China, Guizhou … in English); a record of no region last."""
    rank = compared.rank(region) if compared and compared.places and region else 0
    return (not region, rank, said_place(region, lang))


def place_missing(place: str, documented: bool, indicator: str, lang: str) -> str:
    """Why a place typed in a comparison has no row: no document of the library is about
    it (重庆), or its documents give no figure of the indicator (四川's 固定资产投资)."""
    said = escape(said_place(place, lang))
    if not documented:
        return tr(lang, "targets.place_no_documents", place=said)
    return tr(lang, "targets.place_no_figures", place=said, indicator=escape(indicator))


def no_targets(
    text: str,
    similar: Sequence[str] = (),
    *,
    hidden: int = 0,
    all_command: str = "",
    places: Sequence[tuple[str, str]] = (),
    absent: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """The answer when ``/targets`` or ``/compare`` finds nothing (``hidden``: records
    that matched but were left out for low confidence; ``all_command`` shows them;
    ``places``: the places a misspelt name typed may be, :func:`places_like_line`;
    ``absent``: the place named, which no document of the library is about)."""
    lines = [
        tr(lang, "targets.not_found", text=shown(text)) if text else tr(lang, "targets.none_yet")
    ]
    if absent:
        lines.append(tr(lang, "targets.place_absent", place=escape(absent)))
    if hidden:
        command = all_command or f"/targets {text} all".replace("  ", " ")
        lines.append(hidden_note(hidden, command, lang))
    if similar:
        names = tr(lang, "common.list_sep").join(escape(s) for s in similar)
        lines.append(tr(lang, "targets.similar", names=names))
    if places:
        lines.append(places_like_line(places, lang))
    lines.append(tr(lang, "targets.examples"))
    return "\n".join(lines)


def places_like_line(places: Sequence[tuple[str, str]], lang: str = DEFAULT_LANGUAGE) -> str:
    """The line saying which places a misspelt pinyin name may be (广州（Guangzhou）), as
    ``(Chinese name, pinyin name)`` pairs; HTML."""
    items = (
        tr(lang, "common.place_like_item", short=escape(short), latin=escape(latin))
        for short, latin in places
    )
    return tr(lang, "common.place_like", places=tr(lang, "common.list_sep").join(items))
