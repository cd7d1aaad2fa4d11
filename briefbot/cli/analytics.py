"""``briefbot scorecard``, ``changes`` and ``chart``: targets against results, year over
year, pictures."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bot.analytics.charts import FORMATS
from bot.analytics.linking import Link, Sourced
from bot.digest.values import change_and_value, short_title
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.library import UNREPORTED_SHOWN
from briefbot.cli.app import (
    LANG_HELP,
    app,
    checked_lang,
    checked_region,
    chosen_year_line,
    err,
    open_engine,
    out,
    why_nothing,
)

STATUS_LABELS = {"met": "达成 met", "missed": "未达成 missed", "unknown": "未知 unknown"}
REASON_LABELS = {
    "masked": "目标原文隐去 (target masked)",
    "no_value": "无具体数值 (no figure)",
    "no_result": "尚无实绩 (no result yet)",
    "result_masked": "实绩原文隐去 (result masked)",
    "not_comparable": "口径不同 (not comparable)",
}
SCORECARD_CSV = (
    "indicator",
    "region",
    "year",
    "status",
    "reason",
    "target_change",
    "target_value",
    "target_value_max",
    "target_unit",
    "target_qualifier",
    "target_doc",
    "result_change",
    "result_value",
    "result_unit",
    "result_doc",
)


def figure(source: Sourced | None) -> str:
    """``增长5%左右`` (the verb and the figure as the digest writes them)."""
    if source is None:
        return "-"
    return change_and_value(source.record)  # a comparison: its wording, with the verb


def _csv_row(link: Link) -> dict[str, object]:
    data = link.to_dict()
    target, result = data["target"], data["result"] or {}
    row: dict[str, object] = {k: data[k] for k in ("indicator", "region", "year", "status")}
    row["reason"] = data["reason"]
    for key in ("change", "value", "value_max", "unit", "qualifier", "doc"):
        row[f"target_{key}"] = target.get(key)
    for key in ("change", "value", "unit", "doc"):
        row[f"result_{key}"] = result.get(key)
    return {k: ("" if v is None else v) for k, v in row.items()}


@app.command()
def scorecard(
    region: Annotated[
        str | None,
        typer.Option(help="Only targets of this region or a place inside it (山东, 全国)."),
    ] = None,
    year: Annotated[
        int | None, typer.Option(help="Only targets for this year (or a span ending in it).")
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also records the extractor is not sure of.")
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="A JSON list: indicator, region, year, target, result, status."
        ),
    ] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
) -> None:
    """Each target with its result: met, missed or unknown, and both sources.

    A target for year N is linked with the result for N that a later report or the
    year's statistical bulletin gives (a plan's 到2025年 target with the 2025 result).
    The rules (ranges, 以上, 左右, ceilings, masked figures) are in the README.

    Example: briefbot scorecard --region 山东 --year 2023
    """
    checked_region(region)
    engine = open_engine()
    card = engine.scorecard(region=region, year=year, show_all=show_all)
    if as_json:
        out.print_json(json.dumps([x.to_dict() for x in card.links], ensure_ascii=False))
        return
    if as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(SCORECARD_CSV))
        writer.writeheader()
        for link in card.links:
            writer.writerow(_csv_row(link))
        return
    if not card.links:
        out.print("没有符合条件的目标 (no targets).")
        if region:
            why_nothing(engine, region, None)
        return
    table = Table("year", "region", "indicator", "target", "result", "status", "sources")
    for link in card.links:
        status = STATUS_LABELS[link.status]
        if link.status == "unknown":
            status += f"\n{REASON_LABELS.get(link.verdict.reason, link.verdict.reason)}"
        sources = short_title(link.target.doc.title or link.target.doc.filename)
        if link.result is not None:
            sources += " → " + short_title(link.result.doc.title or link.result.doc.filename)
        table.add_row(
            link.period,
            link.region,
            link.indicator,
            figure(link.target),
            figure(link.result),
            status,
            sources,
        )
    out.print(table)
    counts = card.counts()
    out.print(
        f"达成 {counts['met']} · 未达成 {counts['missed']} · 未知 {counts['unknown']} "
        f"(met / missed / unknown)"
    )
    if card.hidden:
        out.print(f"[dim]{card.hidden} low-confidence records left out; --all uses them[/]")
    for where, end, count in card.unreported[:UNREPORTED_SHOWN]:
        said = tr(
            DEFAULT_LANGUAGE,
            "analytics.unreported",
            region=where,
            year=end,
            next=end + 1,
            count=count,
        )
        out.print(f"[dim]{escape(said)}[/]")


CHANGE_LABELS = {
    "raised": "上调 raised",
    "lowered": "下调 lowered",
    "new": "新增 new",
    "dropped": "不再提 dropped",
    "reworded": "表述变化 reworded",
    "unchanged": "不变 unchanged",
    "unclear": "无法比较 unclear",
}


@app.command()
def changes(
    region: Annotated[
        str, typer.Argument(help="The region whose reports to compare (全国, 山东).")
    ],
    year: Annotated[
        int | None, typer.Option(help="The report of this year (default: the latest).")
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also records the extractor is not sure of.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """A region's report against its previous one of the same kind (work, plan, budget
    and party congress reports, plan outlines): targets raised, lowered, unchanged, new
    and dropped, and new or dropped key phrases (新提法).

    Examples: briefbot changes 全国; briefbot changes 烟台 --year 2024 --json
    """
    checked_region(region)
    engine = open_engine()
    found = engine.report_changes(region, year=year, show_all=show_all)
    if as_json:
        data = {
            "region": region,
            "current": found.current.filename if found.current else None,
            "previous": found.previous.filename if found.previous else None,
            "targets": [c.to_dict() for c in found.targets],
            "new_phrases": [{"phrase": p, "count": n} for p, n in found.new_phrases],
            "dropped_phrases": [{"phrase": p, "count": n} for p, n in found.dropped_phrases],
        }
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    if found.current is None:
        when = f" {year}" if year else ""
        out.print(
            f"没有找到{region}{when}提出目标的报告 (no report stating targets).", markup=False
        )
        raise typer.Exit(1)
    cur = found.current
    if found.previous is None:
        out.print(
            f"{cur.title}：没有更早的同地区报告可比 (no earlier report of {region}).",
            markup=False,
        )
        return
    prev = found.previous
    out.print(f"{cur.title} ({cur.year}) ← {prev.title} ({prev.year})", markup=False)
    table = Table("change", "indicator", f"{prev.year}", f"{cur.year}")
    for change in found.targets:
        table.add_row(
            CHANGE_LABELS[change.kind],
            change.indicator,
            figure(change.previous),
            figure(change.current),
        )
    out.print(table)
    counts = found.counts()
    out.print(" · ".join(f"{CHANGE_LABELS[k]} {counts[k]}" for k in counts if counts[k]))
    for label, phrases in (
        ("新提法 (new phrases)", found.new_phrases),
        ("不再提及 (dropped phrases)", found.dropped_phrases),
    ):
        listed = "、".join(f"{p}({n})" for p, n in phrases) or "-"
        out.print(f"{label}: {listed}", markup=False)


def _years(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    first, _, last = text.partition("-")
    try:
        a, b = int(first), int(last or first)
    except ValueError:
        err.print(f"[red]--years {escape(repr(text))} is not a span like 2015-2025[/]")
        raise typer.Exit(2) from None
    return (min(a, b), max(a, b))


@app.command()
def chart(
    indicator: Annotated[str, typer.Argument(help="Indicator name, alias or family (GDP, CPI).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="FILE.png or FILE.svg")],
    region: Annotated[
        list[str] | None,
        typer.Option(help="Regions to show (repeat it); one region with --years: its history."),
    ] = None,
    year: Annotated[int | None, typer.Option(help="The year of the targets (regions).")] = None,
    years: Annotated[
        str | None, typer.Option(help="A span of years, 2015-2025: one region's history.")
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also records the extractor is not sure of.")
    ] = False,
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = DEFAULT_LANGUAGE,
) -> None:
    """Draw a chart: regions side by side (target bars, the last result as a dot, the
    national target as a line) or, for one region with --years, target against result
    over the years. PNG or SVG by the file's suffix; Chinese labels in Noto Sans CJK.

    Examples: briefbot chart GDP --year 2024 -o gdp.png;
    briefbot chart GDP --region 全国 --years 2015-2025 -o gdp.svg
    """
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        err.print("[red]-o must end in .png or .svg[/]")
        raise typer.Exit(2)
    checked_lang(lang)
    regions = list(region or [])
    span = _years(years)
    engine = open_engine()
    if len(regions) == 1 and (span is not None or year is None):
        drawn = engine.history_chart(
            indicator, regions[0], years=span, fmt=fmt, show_all=show_all, lang=lang
        )
    else:
        drawn = engine.regions_chart(
            indicator, year=year, regions=regions, fmt=fmt, show_all=show_all, lang=lang
        )
    if drawn.chart is None:
        out.print(f"没有可画的数据 (nothing to draw for {indicator}).", markup=False)
        raise typer.Exit(1)
    output.write_bytes(drawn.chart.data)
    data = drawn.data
    out.print(
        f"wrote {output} ({drawn.chart.width}x{drawn.chart.height} {fmt}); unit {data.unit}",
        markup=False,
    )
    for label, target, top, result, when in zip(
        data.labels, data.targets, data.target_maxes, data.results, data.result_years, strict=True
    ):
        goal = "-" if target is None else f"{target:g}" + (f"–{top:g}" if top else "")
        out.print(
            f"{label}: {tr(lang, 'charts.target')} {goal} · "
            f"{tr(lang, 'charts.result')} {'-' if result is None else f'{result:g}'}"
            + (f" ({when})" if result is not None and when != label else ""),
            markup=False,
        )
    out.print("来源 (sources): " + "；".join(data.sources), markup=False)
    if drawn.chosen and drawn.year is not None:
        out.print(chosen_year_line(drawn.year, drawn.years, lang), markup=False)
