"""Compose a digest ("summary of key targets") from extracted target records.

Pure: everything the composer needs is passed in (records, document infos, the
indicator table, the current time), so the scheduler, the Telegram handlers and the
CLI preview all get the same digest for the same inputs.

Records
-------
``records`` is an iterable whose items are any of:

- a ``(doc_id, TargetRecord)`` pair;
- an object with ``doc_id`` and ``record`` attributes (``bot.library.DocTarget``);
- a bare :class:`TargetRecord`: its document is found through ``record.doc`` (the file
  name the extractor writes), matched against the ``filename``, ``relpath`` or
  ``doc_id`` of the documents in ``docs``.

A record whose document is not in ``docs`` still appears (its source is shown by its
``doc`` file name) unless ``only_new`` is in force with a ``since`` time: a document
the index does not know cannot be shown to be new.

New documents
-------------
``since`` is the time (``time.time()`` seconds, as ``DocumentInfo.indexed_at``) of the
last delivered digest. A document is *new* when ``indexed_at > since``. With
``only_new`` (the default) only new documents contribute; either way new documents
are marked 🆕. With ``since=None`` (no digest delivered yet) every document
contributes and nothing is marked.

Lines
-----
One target per line: indicator, change, value with unit and qualifier, year, region
(when the source title does not already say it) and the source document. Identical
figures from several documents (same indicator, change, value, unit, qualifier, year,
kind and region) are merged into one line naming every source. Masked values are shown
as written with a note (``x.x%（原文隐去）``), never as numbers, and are never merged
across documents (two hidden numbers need not be equal). Comparisons without a number
are shown by their wording (``增速高于全省平均水平``).

Language
--------
The frame (title, summary, headings, group labels, counts, notes) is said in ``lang``
from the catalogue (:mod:`bot.i18n`, keys ``digest.*``), Chinese by default; the
figures, indicator and region names and document titles stay as the documents write
them.

Confidence
----------
Records below the extractor's confidence bar (``TargetRecord.confident`` is false) are
left out unless the filter says ``confidence:all``; the summary says how many records
that pass the filter were left out that way (:attr:`Digest.low_confidence`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from bot.corpus.gazetteer import Gazetteer
from bot.digest.english import record_figure, said_indicator, said_place
from bot.digest.filters import DigestFilter, FilterMatcher, describe, kind_label
from bot.digest.structure import Digest, DigestEntry, DigestLine, GroupBy, SourceRef, Span
from bot.digest.values import (
    clean,
    comparison_wording,
    format_value,
    format_year,
    short_title,
    signed_change,
    unsaid_change,
)
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.models import DocumentInfo
from bot.targets.indicators import GROUPS, IndicatorTable
from bot.targets.records import TargetRecord
from bot.text.synonyms import Synonyms

__all__ = [
    "NEW_MARK",
    "Digest",
    "DigestEntry",
    "DigestLine",
    "SourceRef",
    "Span",
    "compose_digest",
    "format_value",
    "group_label",
    "short_title",
]

NEW_MARK = "🆕"
MAX_SOURCES_NAMED = 3

# The families a work report's 主要预期目标 paragraph states (national ones of 2015, 2021 and
# 2025, the 2026 provincial ones of 四川, 安徽, 贵州, 宁夏, 海南 and 云南): they lead their
# group in a digest, in this order, ahead of the table's order, where 促消费活动 came before
# 居民消费价格 and 新增就业 before 城镇调查失业率 (user-trial17).
# Not one list with bot.library.digests.FIRST_LEAD_FAMILIES (a first digest's 📌 line)
# cut from its head: that line says 城镇调查失业率 before 新增城镇就业, as the reports
# state them, and these lines (ranked within their group only) 新增城镇就业 first; one
# order would change either the 📌 line or the 就业 group of every digest holding both.
HEADLINE_FAMILIES: tuple[str, ...] = (
    "生产总值",
    "赤字率",
    "一般公共预算收入",
    "规模以上工业增加值",
    "粮食产量",
    "固定资产投资",
    "居民消费价格",
    "社会消费品零售总额",
    "外贸进出口总额",
    "新增城镇就业",
    "城镇调查失业率",
    "居民人均可支配收入",
    "单位生产总值能耗",
)


def group_label(group: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """An indicator group's name (``config/indicators.toml``) in ``lang``."""
    return tr(lang, f"digest.group.{group}")


# -- collecting ------------------------------------------------------------------------


@dataclass(slots=True)
class _Doc:
    key: str
    info: DocumentInfo | None
    ref: SourceRef
    rank: tuple = ()


def _tell_apart(docs: list[_Doc]) -> None:
    """Give the documents of ``docs`` that share a title their file names (``aside``)."""
    by_title: dict[str, list[_Doc]] = {}
    for doc in _unique(docs):
        by_title.setdefault(doc.ref.full_title, []).append(doc)
    for same in by_title.values():
        if len(same) > 1:
            for doc in same:
                doc.ref = replace(doc.ref, aside=doc.ref.filename)


def _unique(docs: list[_Doc]) -> list[_Doc]:
    seen: set[str] = set()
    return [d for d in docs if not (d.key in seen or seen.add(d.key))]


def _titled(ref: SourceRef, lang: str) -> str:
    """``《title》``, with the file name when another document has the same title."""
    aside = tr(lang, "digest.same_title", filename=ref.aside) if ref.aside else ""
    return f"《{ref.title}》{aside}"


def _unpack(item: Any) -> tuple[str | None, TargetRecord]:
    if isinstance(item, TargetRecord):
        return None, item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], TargetRecord):
        return str(item[0]), item[1]
    record = getattr(item, "record", None)
    if isinstance(record, TargetRecord):
        return str(getattr(item, "doc_id", "") or "") or None, record
    raise TypeError(
        "records must be TargetRecord, (doc_id, TargetRecord) or objects with"
        f" doc_id and record, not {type(item).__name__}"
    )


def _value_key(record: TargetRecord, doc_key: str) -> tuple:
    if record.masked:  # hidden numbers are never assumed equal across documents
        return ("masked", doc_key, record.sentence, record.value_text)
    if record.value is None:
        return ("comparison", comparison_wording(record))
    return ("value", record.value, record.value_max)


def _merge_key(record: TargetRecord, doc_key: str) -> tuple:
    return (
        record.indicator,
        record.change,
        _value_key(record, doc_key),
        record.unit,
        record.qualifier,
        record.year,
        record.kind,
        record.region,
    )


def _doc_region(sources: list[_Doc]) -> str:
    """The region the metadata of every document of ``sources`` gives, or ``""``."""
    regions = {clean(d.info.region) if d.info is not None else "" for d in sources}
    return regions.pop() if len(regions) == 1 else ""


def _place(region: str, sources: list[_Doc]) -> str:
    """What a line names its place by when it does not name its source: the record's
    region, else its documents' (metadata), else its first document's short title."""
    return clean(region) or _doc_region(sources) or sources[0].ref.title


def _region_shown(region: str, sources: list[_Doc], group_by: GroupBy) -> str:
    # a record that names no region is about its document's (the bundled 党代会报告's
    # lines, a plan's, said no place at all: user-trial17)
    region = clean(region) or _doc_region(sources)
    if not region:
        return ""
    if group_by == "document":
        doc = sources[0]
        doc_region = clean(doc.info.region) if doc.info is not None else ""
        return "" if region in (doc_region, "") or region in doc.ref.full_title else region
    return "" if all(region in d.ref.full_title for d in sources) else region


def _region_said(region: str, sources: list[_Doc], group_by: GroupBy, lang: str) -> str:
    """:func:`_region_shown` in ``lang``; in English a line by indicator always names its
    place: the Chinese title that names it is no help to a reader of English."""
    if lang != "en":
        return _region_shown(region, sources, group_by)
    shown = clean(region) if group_by == "indicator" else _region_shown(region, sources, group_by)
    return said_place(shown, lang)


# -- composing -------------------------------------------------------------------------


def compose_digest(
    records: Iterable[Any],
    docs: Mapping[str, DocumentInfo],
    filter: DigestFilter | None = None,
    *,
    now: datetime,
    since: float | None = None,
    only_new: bool = True,
    cap: int = 30,
    group_by: GroupBy = "indicator",
    table: IndicatorTable,
    more_command: str = "/targets",
    synonyms: Synonyms | None = None,
    gazetteer: Gazetteer | None = None,
    reader: Callable[[str], str] | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> Digest:
    """Build the digest of ``records`` that pass ``filter``.

    ``docs`` maps ``doc_id`` to :class:`DocumentInfo`; ``now`` dates the title;
    ``since``/``only_new`` select and mark new documents (see the module docstring);
    ``cap`` limits the target lines (a final line tells how many more there are and
    that ``more_command`` lists them all; grouped by indicator, the lines are taken in
    turns from each group, see :func:`_allot`); ``group_by`` is ``"indicator"`` (sections
    per indicator group, headline groups first in ``config/indicators.toml`` order, an
    indicator's lines newest report first) or
    ``"document"`` (a section per document, new documents first, then by
    ``indexed_at``, newest first; lines inside in headline order). ``table`` gives each
    indicator's group and the order of indicators within a group; ``synonyms`` expands
    filter words (GDP finds 地区生产总值); ``reader`` reads a filter word typed in English
    or pinyin as Chinese (:class:`~bot.digest.filters.FilterMatcher`); ``lang`` is the
    language of the frame
    (see the module docstring).
    """
    if group_by not in ("indicator", "document"):
        raise ValueError(f"group_by must be 'indicator' or 'document', not {group_by!r}")
    if cap < 1:
        raise ValueError(f"cap must be at least 1, not {cap}")
    filt = filter if filter is not None else DigestFilter()

    lookup: dict[str, DocumentInfo] = {}
    for info in docs.values():
        for name in (info.relpath, info.filename, info.doc_id):
            lookup.setdefault(name, info)

    doc_states: dict[str, _Doc] = {}

    def doc_for(doc_id: str | None, record: TargetRecord) -> _Doc:
        info = docs.get(doc_id) if doc_id else None
        if info is None and not doc_id:
            info = lookup.get(record.doc) or lookup.get(PurePosixPath(record.doc).name)
        key = info.doc_id if info is not None else (doc_id or record.doc)
        state = doc_states.get(key)
        if state is None:
            if info is not None:
                full = clean(info.title) or PurePosixPath(info.filename).stem
                filename = info.filename
                new = since is not None and info.indexed_at > since
            else:
                filename = record.doc or key
                full = PurePosixPath(filename).stem or key
                new = False
            url = info.extra.get("url") if info is not None else None
            ref = SourceRef(key, short_title(full), full, filename, new, url)
            rank = (not new, -(info.indexed_at if info is not None else float("-inf")), filename)
            state = doc_states[key] = _Doc(key, info, ref, rank)
        return state

    # Select.
    selected: list[tuple[int, _Doc, TargetRecord]] = []
    low_confidence = 0
    passes = FilterMatcher(filt, synonyms, table=table, gazetteer=gazetteer, reader=reader)
    for index, item in enumerate(records):
        doc_id, record = _unpack(item)
        doc = doc_for(doc_id, record)
        if only_new and since is not None and not doc.ref.new:
            continue
        if not passes(record, doc.info):
            continue
        if not (filt.show_all or record.confident):
            low_confidence += 1
            continue
        selected.append((index, doc, record))
    _tell_apart([doc for _i, doc, _r in selected])

    # Merge duplicates.
    merged: dict[tuple, list[tuple[int, _Doc, TargetRecord]]] = {}
    for index, doc, record in selected:
        merged.setdefault(_merge_key(record, doc.key), []).append((index, doc, record))

    indicator_rank = {name: i for i, name in enumerate(table.names())}
    group_rank = {g: i for i, g in enumerate(GROUPS)}
    first_seen: dict[str, int] = {}
    for index, _doc, record in selected:
        first_seen.setdefault(record.indicator, index)

    headline_rank = {family: i for i, family in enumerate(HEADLINE_FAMILIES)}

    def ind_rank(name: str) -> tuple[int, int]:
        known = indicator_rank.get(name)
        if known is None:
            return (2, first_seen.get(name, 0))
        headline = headline_rank.get(table.family(name))
        return (0, headline) if headline is not None else (1, known)

    built: list[tuple[tuple, DigestEntry, _Doc]] = []
    for group_items in merged.values():
        group_items.sort(key=lambda t: (t[1].rank, t[0]))
        sources: list[_Doc] = []
        for _i, doc, _r in group_items:
            if doc not in sources:
                sources.append(doc)
        index, first_doc, record = group_items[0]
        group = table.group(record.indicator)
        change, value = signed_change(clean(record.change), format_value(record, lang))
        indicator = clean(record.indicator)
        said = record_figure(record) if lang == "en" else None
        if said:  # in English words (english-trial18): growth of about 5.5%
            change, value = "", said
        else:
            change = unsaid_change(change, value, indicator)
        entry = DigestEntry(
            indicator=indicator,
            group=group,
            kind=record.kind,
            change=change,
            value=value,
            year=format_year(record.year, lang),
            region=_region_said(record.region, sources, group_by, lang),
            masked=record.masked,
            comparison=record.value is None and not record.masked,
            sources=tuple(d.ref for d in sources),
            records=tuple(r for _i, _d, r in group_items),
            place=_place(record.region, sources),
        )
        headline = (group_rank.get(group, len(GROUPS)), ind_rank(record.indicator))
        first_index = min(i for i, _d, _r in group_items)
        if group_by == "indicator":
            # an indicator's lines newest report first: a library's first digest listed
            # 2015's and 2016's GDP targets before 2026's (user-trial17)
            newest = -max((d.info.year or 0) if d.info is not None else 0 for d in sources)
            sort_key = (*headline, first_doc.rank[0], newest, first_doc.rank, first_index)
        else:
            sort_key = (first_doc.rank, *headline, first_index)
        built.append((sort_key, entry, first_doc))
    built.sort(key=lambda t: t[0])

    total = len(built)
    shown_items = _allot(built, cap) if group_by == "indicator" else built[:cap]
    show_kind = len(filt.kinds) > 1
    description = describe(filt, lang)
    date = tr(lang, "digest.date", year=now.year, month=now.month, day=now.day)
    title = f"{tr(lang, 'digest.title')} · {date}" + (f" · {description}" if description else "")

    lines: list[DigestLine] = [DigestLine("title", (Span(title, "b"),))]
    contributing: list[_Doc] = []
    for _k, _e, _d in built:
        for ref in _e.sources:
            state = doc_states[ref.doc_id]
            if state not in contributing:
                contributing.append(state)
    contributing.sort(key=lambda d: d.rank)
    new_docs = tuple(d.ref for d in contributing if d.ref.new)

    if not built:
        message = tr(lang, "digest.empty_new") if only_new else tr(lang, "digest.empty_any")
        lines.append(DigestLine("empty", (Span(message, "i"),)))
        if low_confidence:
            note = tr(lang, "digest.empty_low", n=low_confidence)
            lines.append(DigestLine("summary", (Span(note, "i"),)))
    else:
        docs_count = len(contributing)
        if filt.kinds == ("target",):
            summary = tr(lang, "digest.summary_targets", total=total, docs=docs_count)
        else:
            summary = tr(lang, "digest.summary_figures", total=total, docs=docs_count)
        if total > len(shown_items):
            summary += tr(lang, "digest.summary_shown", shown=len(shown_items))
        if low_confidence:
            summary += tr(lang, "digest.summary_low", n=low_confidence)
        lines.append(DigestLine("summary", (Span(summary),)))
        # one new document alone: the new-documents line names it, and every line's
        # "— 《2026年四川省人民政府工作报告》🆕" said it again 30 times (user-trial17)
        named_above = group_by == "indicator" and len(contributing) == 1 and bool(new_docs)
        if new_docs and group_by == "indicator":
            spans: list[Span] = [Span(tr(lang, "digest.new_docs"))]
            for i, ref in enumerate(new_docs):
                if i:
                    spans.append(Span(tr(lang, "common.list_sep")))
                spans.append(Span(_titled(ref, lang), "i"))
                if ref.url:
                    spans.append(Span(f" {ref.url}"))
            lines.append(DigestLine("new_docs", tuple(spans)))
        current: str | None = None
        for _key, entry, first_doc in shown_items:
            section = entry.group if group_by == "indicator" else first_doc.key
            if section != current:
                current = section
                lines.append(DigestLine("blank"))
                heading = _heading(entry, first_doc, group_by, lang)
                lines.append(DigestLine("heading", heading))
            spans = _target_spans(entry, group_by, show_kind, lang, named_above)
            lines.append(DigestLine("target", spans, entry))
        if total > len(shown_items):
            more = tr(lang, "digest.more", n=total - len(shown_items), command=more_command)
            lines.append(DigestLine("blank"))
            lines.append(DigestLine("more", (Span(more, "i"),)))

    return Digest(
        title=title,
        description=description,
        date=date,
        group_by=group_by,
        lines=tuple(lines),
        entries=tuple(e for _k, e, _d in shown_items),
        shown=len(shown_items),
        total=total,
        documents=tuple(d.ref for d in contributing),
        new_documents=new_docs,
        empty=not built,
        more_command=more_command,
        filter=filt,
        low_confidence=low_confidence,
    )


def _allot(built: list[tuple[tuple, DigestEntry, _Doc]], cap: int) -> list:
    """The ``cap`` lines of a digest grouped by indicator, taken in turns from each group
    (its first line, then every group's second, ...), shown in their order.

    The first ``cap`` lines in order were one group's alone when it held more: a library's
    first digest was 30 lines of 经济总量 (GDP of every place and year, 海洋生产总值,
    第一产业增加值) and no CPI, employment or budget target at all (user-trial17). In a
    group the turns take each indicator's first line (a report's main targets first,
    :data:`HEADLINE_FAMILIES`, then the table's order; newest report first) before any
    indicator's second: 居民消费价格 beside
    社会消费品零售总额, 城镇调查失业率 beside 新增城镇就业, not six provinces' 社零.
    """
    if len(built) <= cap:
        return built
    queues: dict[str, list[tuple[bool, int, int]]] = {}
    seen: dict[tuple[str, str], int] = {}
    for i, (_key, entry, _doc) in enumerate(built):  # built is in group order
        nth = seen[entry.group, entry.indicator] = seen.get((entry.group, entry.indicator), -1) + 1
        # a hidden figure (x.x%（原文隐去）) tells the reader nothing: after every shown one
        queues.setdefault(entry.group, []).append((entry.masked, nth, i))
    for queue in queues.values():
        queue.sort()  # every indicator's first line, then every one's second, ...
    chosen: set[int] = set()
    depth = 0
    while len(chosen) < cap:
        for queue in queues.values():
            if depth < len(queue) and len(chosen) < cap:
                chosen.add(queue[depth][2])
        depth += 1
    return [built[i] for i in sorted(chosen)]


def _heading(entry: DigestEntry, doc: _Doc, group_by: GroupBy, lang: str) -> tuple[Span, ...]:
    if group_by == "indicator":
        return (Span(tr(lang, "digest.heading", label=group_label(entry.group, lang)), "b"),)
    spans = [Span(f"📄 {doc.ref.full_title}", "b")]
    if doc.ref.aside:
        spans.append(Span(tr(lang, "digest.same_title", filename=doc.ref.aside)))
    bits = []
    if doc.info is not None:
        if doc.info.region:
            bits.append(clean(doc.info.region))
        if doc.info.year:
            bits.append(tr(lang, "digest.doc_year", year=doc.info.year))
    if bits:
        spans.append(Span(" · " + " · ".join(bits)))
    if doc.ref.new:
        spans.append(Span(f" {NEW_MARK}"))
    if doc.ref.url:
        spans.append(Span(f" {doc.ref.url}"))
    return tuple(spans)


def _source_spans(sources: tuple[SourceRef, ...], lang: str) -> list[Span]:
    spans: list[Span] = []
    named = sources[:MAX_SOURCES_NAMED]
    for i, ref in enumerate(named):
        if i:
            spans.append(Span(tr(lang, "common.list_sep")))
        spans.append(Span(_titled(ref, lang), "i"))
        if ref.new:
            spans.append(Span(NEW_MARK))
    if len(sources) > len(named):
        spans.append(Span(tr(lang, "digest.sources_more", n=len(sources))))
    return spans


def _target_spans(
    entry: DigestEntry, group_by: GroupBy, show_kind: bool, lang: str, named_above: bool = False
) -> tuple[Span, ...]:
    """A target line; ``named_above``: its one source is named above every line (the
    digest's only document, new), so the line does not name it."""
    spans: list[Span] = [Span("• ")]
    if show_kind:
        spans.append(Span(tr(lang, "digest.kind", kind=kind_label(entry.kind, lang))))
    spans.append(Span(said_indicator(entry.indicator, lang), "b"))
    if entry.comparison:
        figure = entry.value  # the wording carries the verb: 增速高于全省平均水平
    else:
        figure = " ".join(p for p in (entry.change, entry.value) if p)
    if figure:
        spans.append(Span(" " + figure))
    # the document named above every line is not on the line: its place is (四川's lines
    # read "地区生产总值 增长 5.5%左右 · 2026年", forwarded without a place: user-trial17)
    region = entry.place if group_by == "indicator" and named_above else entry.region
    meta = [p for p in (entry.year, region) if p]
    if meta:
        spans.append(Span(" · " + " · ".join(meta)))
    if group_by == "indicator" and not named_above:
        spans.append(Span(" — "))
        spans.extend(_source_spans(entry.sources, lang))
    elif len(entry.sources) > 1:
        spans.append(Span(tr(lang, "digest.see_also")))
        spans.extend(_source_spans(entry.sources[1:], lang))
        spans.append(Span(tr(lang, "digest.see_also_end")))
    return tuple(spans)
