"""Target analytics as Telegram messages: /scorecard and /changes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.analytics.changes import CHANGE_KINDS
from bot.analytics.linking import Link, Sourced, region_order
from bot.digest.english import said_indicator, said_place
from bot.digest.values import change_and_value, short_title
from bot.library import (
    UNREPORTED_SHOWN,
    ChartResult,
    RegionTable,
    ReportChanges,
    ScorecardChart,
)
from bot.text.years import read_year
from handlers.format.html import CALLBACK_LIMIT, cut, escape, one_line, shown, split_html
from handlers.format.targets import place_missing, said_family, unread_line
from handlers.i18n import DEFAULT_LANGUAGE, tr

SCORECARD_SHOWN = 30
# unknown targets listed on a scorecard without a region or a year: on a whole library
# they run to hundreds (plans still running) and say nothing yet
SCORECARD_UNKNOWN_SHOWN = 5


def scope(region: str | None, year: int | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """``山东 · 2025年``; ``全部`` when neither is given."""
    parts = [shown(region)] if region else []
    if year is not None:
        parts.append(tr(lang, "analytics.year", year=year))
    return " · ".join(parts) or tr(lang, "analytics.scope_all")


def figure(source: Sourced, lang: str = DEFAULT_LANGUAGE) -> str:
    """``增长7%左右`` as the documents write it (escaped)."""
    return escape(one_line(change_and_value(source.record, lang)))


def _title(source: Sourced) -> str:
    return escape(short_title(source.doc.title or source.doc.filename))


def _period(period: str, lang: str) -> str:
    return tr(lang, "analytics.year", year=period) if period.isdigit() else escape(period)


def link_lines(link: Link, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """Three lines: status, indicator, period and region; target and result; sources."""
    status = tr(lang, f"analytics.status_{link.status}")
    head = (
        f"{status} <b>{escape(said_indicator(one_line(link.indicator), lang))}</b> · "
        f"{_period(link.period, lang)} · {escape(said_place(link.region, lang))}"
    )
    if link.result is not None:
        figures = tr(
            lang,
            "analytics.target_result",
            target=figure(link.target, lang),
            result=figure(link.result, lang),
        )
        sources = tr(
            lang,
            "analytics.sources_both",
            target=_title(link.target),
            result=_title(link.result),
        )
    else:
        figures = tr(lang, "analytics.target_only", target=figure(link.target, lang))
        sources = tr(lang, "analytics.source_target", target=_title(link.target))
    if link.status == "unknown":
        figures += tr(
            lang, "analytics.why", reason=tr(lang, f"analytics.reason_{link.verdict.reason}")
        )
    return [head, "    " + figures, "    <i>" + sources + "</i>"]


def scorecard_messages(
    links: Sequence[Link],
    *,
    region: str | None,
    year: int | None,
    hidden: int = 0,
    all_command: str = "/scorecard all",
    shown: int = SCORECARD_SHOWN,
    narrower: tuple[str, int] | None = None,
    unreported: Sequence[tuple[str, int, int]] = (),
    lang: str = DEFAULT_LANGUAGE,
) -> list[str]:
    """The scorecard: a heading with the counts, why the targets of a region and year no
    document reports are unknown (``unreported``: region, year, count; the first
    :data:`UNREPORTED_SHOWN`), then each target with its result, met and missed before
    unknown. Without a region or a year, at most
    :data:`SCORECARD_UNKNOWN_SHOWN` unknown ones, then their count and the command for a
    narrower scorecard (``narrower``: a region and year, :meth:`Scorecard.busiest_unknown`)."""
    counts = {"met": 0, "missed": 0, "unknown": 0}
    for link in links:
        counts[link.status] += 1
    lines = [
        tr(
            lang,
            "analytics.scorecard_heading",
            scope=scope(region, year, lang),
            count=len(links),
            **counts,
        )
    ]
    if hidden:
        lines.append(tr(lang, "targets.hidden", hidden=hidden, command=escape(all_command)))
    for where, year_, count in unreported[:UNREPORTED_SHOWN]:
        said = tr(
            lang,
            "analytics.unreported",
            region=escape(said_place(where, lang)),
            year=year_,
            next=year_ + 1,
            count=count,
        )
        lines.append(f"<i>{said}</i>")
    decided = [link for link in links if link.status != "unknown"]
    unknown = [link for link in links if link.status == "unknown"]
    listed = decided[:shown]
    room = shown - len(listed)
    wide = region is None or year is None
    unknown_listed = unknown[: min(room, SCORECARD_UNKNOWN_SHOWN) if wide else room]
    for link in [*listed, *unknown_listed]:
        lines.append("")
        lines.extend(link_lines(link, lang))
    unlisted_unknown = len(unknown) - len(unknown_listed) if wide else 0
    rest = len(links) - len(listed) - len(unknown_listed) - unlisted_unknown
    if rest and not wide:
        # a region and a year given: "add a region or a year" was no way on
        command = f"/targets {region} {year}"
        lines.append("")
        lines.append(tr(lang, "analytics.more_targets", count=rest, command=escape(command)))
    elif rest:
        lines.append("")
        lines.append(tr(lang, "analytics.more", count=rest))
    if unlisted_unknown:
        if narrower is not None:
            command = f"/scorecard {narrower[0]} {narrower[1]}"
        else:
            command = tr(lang, "analytics.scorecard_form")
        lines.append("")
        lines.append(
            tr(lang, "analytics.unknown_more", count=unlisted_unknown, command=escape(command))
        )
    return split_html("\n".join(lines))


def no_scorecard(
    region: str | None,
    year: int | None,
    lang: str = DEFAULT_LANGUAGE,
    *,
    years: Sequence[int] = (),
) -> str:
    """Nothing for that region and year; ``years``: the years it has, each a command."""
    none = tr(lang, "analytics.scorecard_none", scope=scope(region, year, lang))
    if years:
        where = f"{shown(region)} " if region else ""
        said = tr(lang, "common.list_sep").join(f"/scorecard {where}{y}" for y in years)
        none += "\n" + tr(lang, "analytics.scorecard_years", commands=said)
    return none + "\n" + escape(tr(lang, "analytics.scorecard_usage"))


def one_year_each(
    command: str, words: str | None, years: Sequence[int], lang: str = DEFAULT_LANGUAGE
) -> str:
    """Several years asked of a command that takes one (``/scorecard 全国 2025 2026``, where
    the second was read as part of the place's name): each year's command."""
    where = f"{shown(words)} " if words else ""
    said = tr(lang, "common.list_sep").join(f"/{command} {where}{y}" for y in years)
    return tr(lang, "common.one_year", commands=said)  # shown: escaped


CHANGES_SHOWN = 12
PHRASES_SHOWN = 10


def _change_figure(source: Sourced | None, lang: str) -> str:
    return figure(source, lang) if source is not None else "—"


def changes_messages(found: ReportChanges, *, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """A report against the previous one: targets by kind of change, then the key
    phrases new in it and those it no longer uses."""
    cur, prev = found.current, found.previous
    assert cur is not None and prev is not None
    counts = found.counts()
    lines = [
        tr(
            lang,
            "analytics.changes_heading",
            region=escape(found.region),
            year=cur.year or "",
            previous=prev.year or "",
        ),
        tr(
            lang,
            "analytics.changes_docs",
            current=escape(short_title(cur.title or cur.filename)),
            previous=escape(short_title(prev.title or prev.filename)),
        ),
    ]
    for kind in CHANGE_KINDS:
        items = [c for c in found.targets if c.kind == kind]
        if not items:
            continue
        lines.append("")
        lines.append(tr(lang, f"analytics.change_{kind}", count=counts[kind]))
        for change in items[:CHANGES_SHOWN]:
            lines.append(
                f"• <b>{escape(one_line(change.indicator))}</b> "
                f"{_change_figure(change.previous, lang)} → {_change_figure(change.current, lang)}"
            )
        if len(items) > CHANGES_SHOWN:
            lines.append(tr(lang, "analytics.changes_more", count=len(items) - CHANGES_SHOWN))
    lines.append("")
    lines.append(tr(lang, "analytics.phrases_new", phrases=_phrases(found.new_phrases, lang)))
    dropped = _phrases(found.dropped_phrases, lang)
    lines.append(tr(lang, "analytics.phrases_dropped", phrases=dropped))
    return split_html("\n".join(lines))


def _phrases(phrases: Sequence[tuple[str, int]], lang: str) -> str:
    sep = tr(lang, "common.list_sep")
    return sep.join(f"{escape(p)}（{n}）" for p, n in phrases[:PHRASES_SHOWN]) or "—"


def no_changes(found: ReportChanges, year: int | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Why there is nothing to compare: no report, or no earlier one."""
    if found.current is None:
        text = tr(lang, "analytics.changes_no_report", scope=scope(found.region, year, lang))
        return text + "\n" + escape(tr(lang, "analytics.changes_usage"))
    return tr(
        lang,
        "analytics.changes_no_previous",
        title=escape(short_title(found.current.title or found.current.filename)),
    )


_SPAN_RE = re.compile(r"^((?:19|20)\d\d)年?[-–—~至到]((?:19|20)\d\d)年?$")


@dataclass(frozen=True)
class ChartRequest:
    """``/chart 指标 [地区 …] [年份 | 起-止]``."""

    indicator: str
    regions: tuple[str, ...]
    year: int | None
    years: tuple[int, int] | None

    @property
    def history(self) -> bool:
        """One region over the years (else regions side by side)."""
        return len(self.regions) == 1 and (self.years is not None or self.year is None)


def parse_chart(args: Sequence[str] | None) -> ChartRequest | None:
    words = list(args or ())
    if not words:
        return None
    year: int | None = None
    years: tuple[int, int] | None = None
    regions: list[str] = []
    for word in words[1:]:
        span, single = _SPAN_RE.match(word), read_year(word)
        if span:
            a, b = int(span.group(1)), int(span.group(2))
            years = (min(a, b), max(a, b))
        elif single is not None:
            year = single
        else:
            regions.append(word)
    return ChartRequest(words[0], tuple(regions), year, years)


def _num(value: float | None, top: float | None = None) -> str:
    if value is None:
        return "—"
    return f"{value:g}" + (f"–{top:g}" if top else "")


def region_export_caption(
    found: RegionTable, asked: str, year: int, lang: str = DEFAULT_LANGUAGE
) -> str:
    """The caption of a regions table's file: ``城镇新增就业 · 2026年各地区目标与实绩``;
    with places named (``城镇新增就业 四川 贵州 2026``) the indicator in its slot and the
    places where they belong: ``城镇新增就业 · 2026年四川、贵州的目标与实绩``."""
    places = found.compared.places
    if not places:
        return tr(lang, "analytics.export_caption", indicator=escape(asked), year=year)
    sep = tr(lang, "search.region_sep")
    return tr(
        lang,
        "analytics.export_caption_places",
        indicator=escape(said_indicator(found.indicator, lang)),
        year=year,
        places=escape(sep.join(said_place(p, lang) for p in places)),
    )


def chart_caption(drawn: ChartResult, lang: str = DEFAULT_LANGUAGE) -> str:
    """The photo's caption: what it shows and the documents the figures come from."""
    data = drawn.data
    if drawn.kind == "history":
        head = tr(
            lang,
            "analytics.chart_history",
            region=escape(drawn.region or ""),
            indicator=escape(drawn.indicator),
            unit=escape(data.unit),
        )
    else:
        head = tr(
            lang,
            "analytics.chart_regions",
            indicator=escape(drawn.indicator),
            year=drawn.year or "",
            unit=escape(data.unit),
        )
    sep = tr(lang, "common.list_sep")
    sources = sep.join(f"《{escape(short_title(t))}》" for t in data.sources)
    caption = head + "\n" + tr(lang, "analytics.chart_sources", sources=sources)
    return cut(caption, CAPTION_LIMIT)


CAPTION_LIMIT = 1000


def chart_numbers(drawn: ChartResult, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The chart's numbers as text, one line per bar or year."""
    data = drawn.data
    lines = [tr(lang, "analytics.chart_numbers", unit=escape(data.unit))]
    for label, target, top, result, when in zip(
        data.labels, data.targets, data.target_maxes, data.results, data.result_years, strict=True
    ):
        line = tr(
            lang,
            "analytics.chart_line",
            label=escape(label),
            target=_num(target, top),
            result=_num(result),
        )
        if result is not None and when and when != label:
            line += tr(lang, "analytics.chart_result_year", year=escape(when))
        lines.append(line)
    if drawn.chosen and drawn.year is not None:
        lines += ["", chosen_year(f"/chart {drawn.indicator}", drawn.year, drawn.years, lang)]
    return split_html("\n".join(lines))


OTHER_YEARS_SHOWN = 4


def chosen_year(
    command: str, year: int, years: Sequence[tuple[int, int]], lang: str = DEFAULT_LANGUAGE
) -> str:
    """Which year a regions table or chart was picked for, when none was asked, and the
    command for each of the other years (most regions first), so a reader is never
    left guessing why 2026 and how to see 2030."""
    count = dict(years).get(year, 0)
    text = tr(lang, "analytics.year_chosen", year=year, count=count)
    others = [y for y, _ in years if y != year][:OTHER_YEARS_SHOWN]
    if others:
        sep = tr(lang, "common.list_sep")
        commands = sep.join(escape(f"{command} {y}") for y in others)
        text += tr(lang, "analytics.year_others", commands=commands)
    return text


# -- /compare 指标 年份: regions side by side -------------------------------------------------
REGION_BUTTON_PATTERN = r"^rc:(c|v|x):(\d{4}):(.+)$"
EXPORT_KINDS = {"v": "csv", "x": "xlsx"}


def region_button(kind: str, year: int, indicator: str) -> str | None:
    """Callback data of a /compare button (``c`` chart, ``v`` CSV, ``x`` XLSX); None when
    the indicator is too long to fit."""
    data = f"rc:{kind}:{year}:{indicator}"
    return data if len(data.encode("utf-8")) <= CALLBACK_LIMIT else None


def region_buttons(indicator: str, year: int, lang: str = DEFAULT_LANGUAGE):
    """(label, callback data) pairs: 📊 chart, 📄 CSV, 📄 Excel (none if too long)."""
    labels = {
        "c": tr(lang, "analytics.button_chart"),
        "v": tr(lang, "analytics.button_csv"),
        "x": tr(lang, "analytics.button_xlsx"),
    }
    out = []
    for kind, label in labels.items():
        data = region_button(kind, year, indicator)
        if data is None:
            return []
        out.append((label, data))
    return out


def region_table_messages(found: RegionTable, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """One line per region, national first: the year's target and the last result."""
    lines = [
        tr(
            lang,
            "analytics.regions_heading",
            indicator=escape(found.indicator),
            year=found.year or "",
            count=len(found.rows),
        )
    ]
    if len(found.family) > 1:
        names = tr(lang, "common.list_sep").join(escape(said_family(f, lang)) for f in found.family)
        lines.append(tr(lang, "targets.includes", names=names))
    if found.hidden:
        command = f"/compare {found.indicator} {found.year} all"
        lines.append(tr(lang, "targets.hidden", hidden=found.hidden, command=escape(command)))
    lines.append("")
    rows = found.rows
    # the core's order is the typed one (GDP 四川 云南 2026), else by Chinese name: then
    # by the name the reader reads
    if lang == "en" and not found.compared.places:
        rows = sorted(rows, key=lambda r: (region_order(r.region)[0], said_place(r.region, lang)))
    for row in rows:
        target = figure(row.target, lang) if row.target else tr(lang, "analytics.no_target")
        if row.result is not None:
            result = tr(
                lang,
                "analytics.region_result",
                result=figure(row.result, lang),
                year=_period(row.result.record.year, lang),
            )
        else:
            result = tr(lang, "analytics.reason_no_result")
        region, name = said_place(row.region, lang), said_indicator(one_line(row.indicator), lang)
        line = f"• <b>{escape(region)}</b> {escape(name)}" + tr(
            lang, "analytics.region_row", target=target, result=result
        )
        if row.status:
            line += " " + tr(lang, f"analytics.status_{row.status}")
        lines.append(line)
    for place, documented in found.compared.missing:  # 重庆 typed, none of its figures
        why = place_missing(place, documented, found.indicator, lang)
        lines.append(tr(lang, "targets.place_row", place=escape(said_place(place, lang)), why=why))
    if found.compared.unread:  # GDP 投资 2026 四川 贵州: 投资 was left out, said
        lines += ["", unread_line(found.compared, found.year, lang)]
    return split_html("\n".join(lines))


# -- /scorecard's 📊 button ------------------------------------------------------------------
SCORECARD_BUTTON_PATTERN = r"^sc:(\d{4}|-):(.*)$"


def scorecard_button(region: str | None, year: int | None) -> str | None:
    """Callback data of the 📊 button under /scorecard (None when it would not fit)."""
    data = f"sc:{year or '-'}:{region or ''}"
    return data if len(data.encode("utf-8")) <= CALLBACK_LIMIT else None


def scorecard_chart_caption(found: ScorecardChart, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "analytics.scorecard_chart", scope=scope(found.region, found.year, lang))


def scorecard_chart_numbers(found: ScorecardChart, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    lines = [tr(lang, "analytics.scorecard_chart_numbers")]
    for period, counts in zip(found.periods, found.counts, strict=True):
        lines.append(
            tr(lang, "analytics.scorecard_chart_line", period=_period(period, lang), **counts)
        )
    return split_html("\n".join(lines))
