"""Regions side by side: one indicator, one year, one row per region.

For each region with a target or a result of the indicator's family: its target for the
year (kind ``target``, period ``N``; a span ending in N when the region has no target
for N itself), and its last result (kind ``achievement`` for N or the latest year before
it, preferring one that measures what the target does: a growth rate for a growth
target). When the result is for the target's own period the row also says met, missed
or unknown (:mod:`bot.analytics.rules`); for an earlier year there is no status.
National first, then regions by name.

:func:`export_rows` flattens the rows for CSV, Markdown and XLSX (:func:`to_csv`,
:func:`to_markdown`, :func:`to_xlsx`: text or bytes, nothing written to disk).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.analytics.linking import Sourced, of_a_region, period_end, region_order
from bot.analytics.rules import Status, judge, read, usable_result
from bot.digest.values import change_and_value
from bot.targets.indicators import IndicatorTable

EXPORT_FIELDS = (
    "region",
    "indicator",
    "year",
    "target",
    "target_value",
    "target_value_max",
    "target_unit",
    "target_qualifier",
    "target_doc",
    "result_year",
    "result",
    "result_value",
    "result_unit",
    "result_doc",
    "status",
)


@dataclass(frozen=True)
class RegionRow:
    """One region: its target for the year and its last result (either may be None)."""

    region: str
    target: Sourced | None
    result: Sourced | None
    status: Status | None  # only when the result is for the target's period

    @property
    def indicator(self) -> str:
        item = self.target or self.result
        return item.record.indicator if item else ""


def figure_text(item: Sourced | None) -> str:
    """``增长5%左右`` (the verb and the figure as digests write them); '' for None."""
    if item is None:
        return ""
    return change_and_value(item.record)


def _key(item: Sourced, table: IndicatorTable) -> tuple[str, str]:
    reading = read(item.record, table)
    return reading.measure, reading.base


GROWTH = ("change", "%")


def _best_target(
    items: list[Sourced], year: int, headline: Counter, table: IndicatorTable
) -> Sourced | None:
    """The region's target for ``year`` itself before one for a span ending in it; then
    the measure most regions' targets use (a growth rate for GDP), growth rates on a
    tie; then document order."""
    exact = [t for t in items if t.record.year.strip() == str(year)] or items
    if not exact:
        return None
    return max(
        enumerate(exact),
        key=lambda p: (headline[_key(p[1], table)], _key(p[1], table) == GROWTH, -p[0]),
    )[1]


def _last_result(
    items: list[Sourced], target: Sourced | None, wanted: tuple[str, str] | None, table
) -> Sourced | None:
    """The latest result that measures what the target does (or, with no target, what
    most targets measure); a bulletin before a report for the same year."""
    if not items:
        return None

    def rank(p: tuple[int, Sourced]) -> tuple:
        index, item = p
        if target is not None:
            usable = usable_result(target.record, item.record, table)
        else:
            usable = wanted is None or _key(item, table) == wanted
        end = period_end(item.record.year) or 0
        return (not usable, -end, item.doc.doc_type != "统计公报", index)

    return min(enumerate(items), key=rank)[1]


def target_years(records: Iterable[Sourced]) -> Counter:
    """Per year, how many regions have a target for it (a span counts for its end)."""
    regions: dict[int, set[str]] = {}
    for item in records:
        end = period_end(item.record.year)
        if item.record.kind == "target" and item.region and end is not None and of_a_region(item):
            regions.setdefault(end, set()).add(item.region)
    return Counter({year: len(names) for year, names in regions.items()})


def default_year(counts: Counter, this_year: int) -> int | None:
    """The year to put regions side by side for when none was asked: the one the most
    regions have a target for (a table of two regions says little, and the end of a
    five-year plan is often the year fewest regions set a figure for); on a tie the
    nearest year not in the past, and when every tied year is past, the latest of them
    (a plan still running is what a reader looks at). None without any target."""
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y >= this_year, -abs(y - this_year)))


def side_by_side(records: Iterable[Sourced], table: IndicatorTable, year: int) -> list[RegionRow]:
    """One row per region (see the module) from ``records`` of one indicator family."""
    targets: dict[str, list[Sourced]] = {}
    results: dict[str, list[Sourced]] = {}
    for item in records:
        rec, region = item.record, item.region
        end = period_end(rec.year)
        if not region or end is None or not of_a_region(item):
            continue  # a zone's or several places' figure is no row of its own
        if rec.kind == "target" and end == year:
            targets.setdefault(region, []).append(item)
        elif rec.kind == "achievement" and end <= year:
            results.setdefault(region, []).append(item)
    headline: Counter = Counter(
        key for items in targets.values() for key in {_key(t, table) for t in items}
    )
    wanted = max(headline, key=lambda k: (headline[k], k == GROWTH)) if headline else None
    rows: list[RegionRow] = []
    for region in sorted(set(targets) | set(results), key=region_order):
        target = _best_target(targets.get(region, []), year, headline, table)
        result = _last_result(results.get(region, []), target, wanted, table)
        status: Status | None = None
        same_period = (
            target is not None
            and result is not None
            and result.record.year.strip() == target.record.year.strip()
        )
        if same_period:
            assert target is not None and result is not None
            status = judge(target.record, result.record, table).status
        rows.append(RegionRow(region, target, result, status))
    return rows


def _number(value: float | None) -> float | int | str:
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value


def export_rows(rows: Sequence[RegionRow], year: int) -> list[dict[str, Any]]:
    """The rows flat, with :data:`EXPORT_FIELDS` ('' for what is missing)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        t, r = row.target, row.result
        out.append(
            {
                "region": row.region,
                "indicator": row.indicator,
                "year": year,
                "target": figure_text(t),
                "target_value": _number(t.record.value) if t else "",
                "target_value_max": _number(t.record.value_max) if t else "",
                "target_unit": t.record.unit if t else "",
                "target_qualifier": t.record.qualifier if t else "",
                "target_doc": t.doc.filename if t else "",
                "result_year": r.record.year if r else "",
                "result": figure_text(r),
                "result_value": _number(r.record.value) if r else "",
                "result_unit": r.record.unit if r else "",
                "result_doc": r.doc.filename if r else "",
                "status": row.status or "",
            }
        )
    return out


def json_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The flat rows as JSON carries them: what is missing is ``null`` (the CSV's and the
    spreadsheet's empty cell is ``""``), a result's year a number as ``year`` is."""
    out: list[dict[str, Any]] = []
    for row in rows:
        flat = {k: (None if v == "" else v) for k, v in row.items()}
        year = flat.get("result_year")
        if isinstance(year, str) and year.isdigit():
            flat["result_year"] = int(year)
        out.append(flat)
    return out


def to_csv(rows: Sequence[dict[str, Any]], fields: Sequence[str] = EXPORT_FIELDS) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _md_cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ") or "-"


MD_COLUMNS = ("region", "indicator", "target", "result_year", "result", "status")
MD_HEADINGS = (
    "地区 region",
    "指标 indicator",
    "目标 target",
    "年份 year",
    "实绩 result",
    "状态 status",
)


def to_markdown(rows: Sequence[dict[str, Any]]) -> str:
    """A Markdown table: region, indicator, target, the result's year, result, status."""
    lines = ["| " + " | ".join(MD_HEADINGS) + " |", "|" + " --- |" * len(MD_HEADINGS)]
    for row in rows:
        lines.append("| " + " | ".join(_md_cell(row[c]) for c in MD_COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def to_xlsx(
    rows: Sequence[dict[str, Any]],
    *,
    title: str = "compare",
    fields: Sequence[str] = EXPORT_FIELDS,
) -> bytes:
    """An Excel workbook (one sheet, a bold frozen header row) as bytes."""
    from openpyxl import Workbook  # only the exports need it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31] or "compare"
    sheet.append(list(fields))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row[f] for f in fields])
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, 4 + 2 * width)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class ChartData:
    """What a chart draws: the unit, one bar or point per region or year, the national
    target (regions) and the documents the figures come from."""

    unit: str
    labels: list[str]
    targets: list[float | None]
    target_maxes: list[float | None]
    results: list[float | None]
    result_years: list[str]
    national: float | None
    sources: list[str]


def _headline_unit(items: Iterable[Sourced | None]) -> str:
    units = Counter(i.record.unit for i in items if i is not None and i.record.value is not None)
    return units.most_common(1)[0][0] if units else ""


def _value(item: Sourced | None, unit: str) -> float | None:
    if item is None or item.record.masked or item.record.unit != unit:
        return None
    return item.record.value


def region_chart_data(rows: Sequence[RegionRow], regions: Sequence[str] = ()) -> ChartData:
    """Bars for :func:`bot.analytics.charts.regions_chart`: the rows (only ``regions``
    when given) in the unit most targets use; the national target drawn as a line."""
    unit = _headline_unit([r.target for r in rows]) or _headline_unit([r.result for r in rows])
    national = next((_value(r.target, unit) for r in rows if r.region == "全国"), None)
    chosen = [
        r
        for r in rows
        if (not regions or r.region in regions)
        and (_value(r.target, unit) is not None or _value(r.result, unit) is not None)
    ]
    sources: list[str] = []
    for row in chosen:
        for item in (row.target, row.result):
            if item is not None and item.doc.title not in sources:
                sources.append(item.doc.title or item.doc.filename)
    return ChartData(
        unit,
        [r.region for r in chosen],
        [_value(r.target, unit) for r in chosen],
        [
            r.target.record.value_max if r.target and _value(r.target, unit) is not None else None
            for r in chosen
        ],
        [_value(r.result, unit) for r in chosen],
        [r.result.record.year if r.result else "" for r in chosen],
        national,
        sources,
    )


def history_data(
    records: Sequence[Sourced], table: IndicatorTable, region: str, years: Sequence[int]
) -> ChartData:
    """Target and result of ``region`` for each of ``years`` (a result only when it is
    for that year), in the unit most of its targets use; years with neither left out."""
    mine = [r for r in records if r.region == region]
    rows = {y: next(iter(side_by_side(mine, table, y)), None) for y in years}
    unit = _headline_unit([r.target for r in rows.values() if r])
    labels: list[str] = []
    targets: list[float | None] = []
    maxes: list[float | None] = []
    results: list[float | None] = []
    sources: list[str] = []
    for year, row in rows.items():
        if row is None:
            continue
        target = _value(row.target, unit)
        same_year = [
            r
            for r in mine
            if r.record.kind == "achievement"
            and r.record.year.strip() == str(year)
            and _value(r, unit) is not None
            and (
                target is None
                or row.target is None
                or usable_result(row.target.record, r.record, table)
            )
        ]
        same_year.sort(key=lambda r: r.doc.doc_type != "统计公报")
        result_item = same_year[0] if same_year else None
        result = _value(result_item, unit)
        if target is None and result is None:
            continue
        labels.append(str(year))
        targets.append(target)
        maxes.append(row.target.record.value_max if target is not None and row.target else None)
        results.append(result)
        for item in (row.target if target is not None else None, result_item):
            if item is not None and (item.doc.title or item.doc.filename) not in sources:
                sources.append(item.doc.title or item.doc.filename)
    return ChartData(unit, labels, targets, maxes, results, labels[:], None, sources)
