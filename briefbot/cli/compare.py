"""``briefbot compare``: one indicator across documents, regions and years, side by side
(its records, or one row per region with ``--year`` and the exports)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bot.analytics.side_by_side import export_rows, json_rows, to_csv, to_markdown, to_xlsx
from bot.corpus.regions import AmbiguousPlace
from bot.digest.filters import kind_label
from bot.digest.values import change_and_value
from bot.i18n import DEFAULT_LANGUAGE, counted, tr
from bot.library.arguments import region_year
from bot.targets.conditions import ValueCondition, condition_text
from briefbot.cli.app import (
    LANG_HELP,
    app,
    checked_lang,
    checked_region,
    checked_year,
    chosen_year_line,
    err,
    open_engine,
    out,
    places_note,
    refused,
)
from briefbot.cli.targets import (
    ALL_HELP,
    KINDS_HELP,
    REGION_HELP,
    VALUE_HELP,
    _check_kind,
    _checked_condition,
    _hidden_note,
    _records_json,
)


@app.command()
def compare(
    indicator: Annotated[
        list[str],
        typer.Argument(
            help="Indicator name, alias or family, e.g. GDP or CPI; places and a year may "
            "follow, as the bot's /compare reads them: GDP 四川 安徽 2026."
        ),
    ],
    kind: Annotated[str, typer.Option(help=KINDS_HELP)] = "all",
    region: Annotated[str | None, typer.Option(help=REGION_HELP)] = None,
    show_all: Annotated[bool, typer.Option("--all", help=ALL_HELP)] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    year: Annotated[
        str | None,
        typer.Option(
            help="One row per region: its target for this year (2024 or 2024年, as the bot's "
            "/compare GDP 2024 reads it) and its last result."
        ),
    ] = None,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="The rows per region as CSV (implies --year).")
    ] = False,
    as_md: Annotated[
        bool, typer.Option("--md", help="The rows per region as a Markdown table.")
    ] = False,
    xlsx: Annotated[
        Path | None, typer.Option("--xlsx", help="Write the rows per region to this .xlsx file.")
    ] = None,
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = DEFAULT_LANGUAGE,
    value: Annotated[str | None, typer.Option(help=VALUE_HELP)] = None,
) -> None:
    """One indicator across documents, regions and years, side by side.

    A name the indicator table knows stands for its whole family: GDP lists national
    (国内生产总值) and regional (地区生产总值) figures together, CPI finds 居民消费价格.

    With --year (or an export: --csv, --md, --xlsx; the year defaults to the latest with a
    target): one row per region, national first, with the target for that year and the
    last result (met / missed when the result is for that year).

    Examples: briefbot compare GDP --year 2024; briefbot compare 城镇新增就业 --csv
    """
    # compare CPI 四川 安徽 2026 as the bot's /compare reads it: the places narrow the
    # indicator, the year is --year (it was a usage error: one argument only)
    named, said_year, said_all = region_year(" ".join(indicator).split())
    show_all = show_all or said_all
    if said_year is not None and year is None:
        year = str(said_year)
    words, condition = _checked_condition((named or "").split(), value)
    indicator = " ".join(words)
    if not indicator.strip():
        err.print("请给出指标，例如 briefbot compare GDP (name an indicator, e.g. GDP or CPI).")
        raise typer.Exit(2)
    checked_lang(lang)
    wanted = checked_year(year)
    if wanted is not None or as_csv or as_md or xlsx is not None:
        if region is not None or kind != "all":
            err.print(
                "--region 和 --kind 不能与 --year 或导出同用：每个地区一行，只列目标与最近实绩 "
                "(--region and --kind do not apply to the rows per region of --year, --csv, "
                "--md, --xlsx)."
            )
            raise typer.Exit(2)
        _compare_regions(indicator, wanted, show_all, as_json, as_csv, as_md, xlsx, lang, condition)
        return
    _check_kind(kind)
    engine = open_engine()
    checked_region(region)
    # also GDP 山东: a region after the indicator narrows it, as in the bot's /compare
    try:
        looked = engine.lookup_condition(
            indicator, condition, kind=kind, region=region, show_all=show_all
        )
    except AmbiguousPlace as exc:  # compare GDP Suzhou
        refused(exc)
    found = looked.found
    rows = found.rows
    docs = {d.doc_id: d for d in engine.documents()}
    if as_json:
        out.print_json(json.dumps(_records_json(engine, rows), ensure_ascii=False))
        if rows:
            return
    # with --json, why nothing was found goes to stderr and the exit is the text's, 1
    # (trial22: `compare GDP增速 --json` printed [] with exit 0 and no word of the similar
    # indicators the text names, exit 1)
    say = err if as_json else out
    sep = tr(lang, "common.list_sep")
    if not rows and looked.elsewhere is not None and looked.elsewhere.rows:
        kind_word = kind_label(kind, lang) if kind != "all" else ""
        scope = sep.join(filter(None, (looked.region, kind_word)))
        count = len(looked.elsewhere.rows)
        said = tr(
            lang, "cli.compare_elsewhere", indicator=looked.indicator, count=count, scope=scope
        )
        say.print(said, markup=False, soft_wrap=True)
        _hidden_note(found, lang, say)
        places_note(engine, looked.region or "", lang, to_err=as_json)
        raise typer.Exit(1)
    if not rows and condition is not None and looked.failed:  # figures, none passing
        said = tr(
            lang,
            "targets.condition_none",
            indicator=looked.indicator,
            count=looked.failed,
            condition=condition_text(condition, lang),
        )
        say.print(said, markup=False, soft_wrap=True)
        raise typer.Exit(1)
    if not rows:
        close = engine.similar_indicators(indicator)
        say.print(tr(lang, "cli.compare_none", indicator=indicator), markup=False)
        if close:
            say.print(tr(lang, "cli.similar", names=sep.join(close)), markup=False)
        _hidden_note(found, lang, say)
        places_note(engine, indicator, lang, to_err=as_json)
        raise typer.Exit(1)
    if len(found.family) > 1:
        out.print(f"{indicator}: " + sep.join(found.family), markup=False)
    table = Table("indicator", "region", "year", "kind", "figure", "document")
    ordered = sorted(
        rows, key=lambda r: (r.record.indicator, r.record.year or "", r.record.region), reverse=True
    )
    for r in ordered:
        rec, info = r.record, docs.get(r.doc_id)
        table.add_row(
            rec.indicator,
            rec.region or (info.region if info else "") or "-",
            rec.year or "-",
            kind_label(rec.kind, lang),
            change_and_value(rec, lang),
            info.title if info else rec.doc,
        )
    out.print(table)
    _hidden_note(found, lang)


def _compare_regions(
    indicator: str,
    year: int | None,
    show_all: bool,
    as_json: bool,
    as_csv: bool,
    as_md: bool,
    xlsx: Path | None,
    lang: str = DEFAULT_LANGUAGE,
    condition: ValueCondition | None = None,
) -> None:
    """``compare INDICATOR --year N``: one row per region (national first); with a
    value condition, the regions whose target passes it."""
    engine = open_engine()
    found = engine.region_table(indicator, year=year, show_all=show_all, condition=condition)
    rows = export_rows(found.rows, found.year or 0)
    if xlsx is not None:
        xlsx.write_bytes(to_xlsx(rows, title=f"{indicator} {found.year or ''}".strip()))
        err.print(f"wrote {counted(len(rows), 'row')} to {xlsx}")
    if as_json:  # null for what is missing (it was "": user-trial14, user-trial15)
        out.print_json(json.dumps(json_rows(rows), ensure_ascii=False))
        if rows:
            return
    elif as_csv:
        sys.stdout.write(to_csv(rows))
        return
    elif as_md:
        sys.stdout.write(to_markdown(rows))
        return
    if xlsx is not None and not as_json:
        return
    say = err if as_json else out  # --json: why nothing was found on stderr, exit 1 as text
    if not rows and condition is not None and found.failed:  # rows, none passing
        said = tr(
            lang,
            "targets.condition_none",
            indicator=indicator,
            count=found.failed,
            condition=condition_text(condition, lang),
        )
        say.print(said, markup=False)
        raise typer.Exit(1)
    if not rows:
        if year is not None:
            said = tr(lang, "cli.regions_none_year", indicator=indicator, year=year)
        else:
            said = tr(lang, "cli.regions_none", indicator=indicator)
        say.print(said, markup=False)
        sep = tr(lang, "common.list_sep")
        if found.years:  # compare 赤字率 --year 2026: the 2025 target is there, say so
            commands = sep.join(
                f"briefbot compare {indicator} --year {y}" for y, _ in found.years[:3]
            )
            say.print(tr(lang, "analytics.regions_years", commands=commands), markup=False)
        elif not found.family and (close := engine.similar_indicators(indicator)):
            say.print(tr(lang, "cli.similar", names=sep.join(close)), markup=False)
        raise typer.Exit(1)
    heading = f"{indicator} {found.year}"
    if len(found.family) > 1:
        heading += ": " + tr(lang, "common.list_sep").join(found.family)
    out.print(heading, markup=False)
    table = Table("region", "indicator", f"{found.year} target", "last result", "status", "sources")
    for row, flat in zip(found.rows, rows, strict=True):
        sources = [x.doc.title or x.doc.filename for x in (row.target, row.result) if x]
        result = f"{flat['result']} ({flat['result_year']})" if row.result else "-"
        table.add_row(
            row.region,
            row.indicator,
            flat["target"] or "-",
            result,
            tr(lang, f"analytics.status_{row.status}") if row.status else "-",
            " → ".join(dict.fromkeys(sources)),
        )
    out.print(table)
    if found.hidden:
        out.print(f"[dim]{escape(tr(lang, 'cli.regions_hidden', hidden=found.hidden))}[/]")
    if found.chosen and found.year is not None:
        out.print(chosen_year_line(found.year, found.years, lang), markup=False)
