"""``briefbot targets``, ``digest``: key targets and digests (``compare`` is in
:mod:`~briefbot.cli.compare`)."""

from __future__ import annotations

import csv
import json
import sys
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bot.corpus.regions import AmbiguousPlace
from bot.digest import Digest, FilterError, render_html, render_text
from bot.digest.filters import kind_label
from bot.digest.values import format_value, signed_change
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.library import DocTarget, DocumentNotFound, Engine, TargetLookup
from bot.library.arguments import region_year, split_kinds
from bot.render import document_meta_dict
from bot.targets.conditions import (
    ConditionError,
    ValueCondition,
    split_condition,
)
from briefbot.cli.app import (
    HOME_REGION_HELP,
    LANG_HELP,
    YEAR_HELP,
    app,
    checked_home,
    checked_lang,
    checked_region,
    checked_year,
    err,
    home_hint,
    no_document,
    open_engine,
    out,
    places_note,
    refuse_unknown_options,
    refused,
    why_nothing,
)

KINDS_HELP = "target, achievement, estimate or all."
ALL_HELP = "Also records the extractor is not sure of (hidden by default)."
VALUE_HELP = (
    'Only figures passing this condition, as the bot\'s /compare GDP 2026 >5 reads it: ">5", '
    '">=5%", "<3", "高于5%", "不低于5%", "5%以上", "above 5%", "at least 5%".'
)
REGION_HELP = "Only figures about this region or a place inside it (山东 includes 烟台; 全国)."
TARGET_FIELDS = (
    "doc",
    "section",
    "indicator",
    "change",
    "value",
    "value_max",
    "value_text",
    "unit",
    "qualifier",
    "year",
    "region",
    "kind",
    "masked",
    "confidence",
    "sentence",
)


def _checked_condition(
    words: list[str] | None, value: str | None
) -> tuple[list[str], ValueCondition | None]:
    """The words without a value condition and the condition, from the words or
    ``--value`` (one of the two); a malformed one said and exit 2."""
    try:
        rest, said = split_condition(words)
        _, given = split_condition(value.split() if value else None)
    except ConditionError as exc:
        err.print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(2) from None
    if said is not None and given is not None and said != given:
        err.print("[red]two value conditions: give one[/]")
        raise typer.Exit(2)
    if value and given is None:  # --value GDP: no condition in it
        err.print(f"[red]看不懂的数值条件 / cannot read the value condition: {escape(value)}[/]")
        raise typer.Exit(2)
    return rest, said or given


def _check_kind(kind: str) -> str:
    if kind not in ("target", "achievement", "estimate", "all"):
        err.print(f"[red]unknown kind {escape(repr(kind))}:[/] use {KINDS_HELP}")
        raise typer.Exit(2)
    return kind


def _records_json(engine: Engine, rows: list[DocTarget]) -> list[dict]:
    """Records for --json: ``doc_id``, the record's fields (``value_max`` on every record,
    null when the figure is no range, as the scorecard's and the answer's JSON give it;
    ``confidence``) and ``document``, the metadata of its document."""
    docs = {d.doc_id: document_meta_dict(d) for d in engine.documents()}
    return [
        {"doc_id": r.doc_id, **_with_value_max(r.record.to_dict()), "document": docs.get(r.doc_id)}
        for r in rows
    ]


def _with_value_max(record: dict) -> dict:
    """A record's dict with ``value_max`` after ``value`` (null unless it is a range)."""
    out: dict = {}
    for key, value in record.items():
        if key != "value_max":
            out[key] = value
        if key == "value":
            out["value_max"] = record.get("value_max")
    return out


def _hidden_note(found: TargetLookup, lang: str, to: Console = out) -> None:
    if found.hidden:
        to.print(f"[dim]{escape(tr(lang, 'cli.hidden', hidden=found.hidden))}[/]")


@app.command()
def targets(
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="INDICATOR|REGION|DOC|YEAR",
            help="As the bot's /targets takes them, in any order: an indicator (GDP), a "
            "region (成都), a document, a year (2022), all.",
        ),
    ] = None,
    doc: Annotated[str | None, typer.Option(help="Only this document (id or file name).")] = None,
    kind: Annotated[str, typer.Option(help=KINDS_HELP)] = "all",
    indicator: Annotated[
        str | None,
        typer.Option(help="Indicator name, alias or family, e.g. GDP, CPI or 地区生产总值."),
    ] = None,
    region: Annotated[str | None, typer.Option(help=REGION_HELP)] = None,
    show_all: Annotated[bool, typer.Option("--all", help=ALL_HELP)] = False,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="A JSON list of records, each with its document's metadata."),
    ] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
    year: Annotated[str | None, typer.Option(help=YEAR_HELP)] = None,
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = DEFAULT_LANGUAGE,
    home_region: Annotated[str | None, typer.Option(help=HOME_REGION_HELP)] = None,
    value: Annotated[str | None, typer.Option(help=VALUE_HELP)] = None,
) -> None:
    """List the key targets, achievements and estimates extracted from the documents.

    ``briefbot targets GDP 2022`` is ``--indicator GDP --year 2022``; ``briefbot targets
    成都 2022`` is ``--region 成都 --year 2022``. Only records the extractor is confident
    of are listed unless --all (or the word all) is given.

    Examples: briefbot targets GDP 2024; briefbot targets 烟台 --kind target --csv
    """
    _check_kind(kind)
    checked_lang(lang)
    wanted = checked_year(year)
    home = checked_home(home_region)
    words, condition = _checked_condition(words, value)
    engine = open_engine()
    if words:  # 我县 GDP: the asker's own place, as the bot's /targets reads it
        reading = engine.read_home(" ".join(words), home)
        words = reading.text.split()
        if reading.unset:
            home_hint(lang)
    try:
        words, kinds = split_kinds(words)  # kind:target, as /subscribe and the bot read it
    except FilterError as exc:  # kind:foo: the kinds there are, not "no data"
        err.print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(2) from None
    if kinds is not None and len(kinds) == 1 and kind == "all":
        kind = kinds[0]
    named, said_year, said_all = region_year(words)
    if said_year is not None and wanted is not None and said_year != wanted:
        err.print(f"[red]two years asked ({said_year} and --year {wanted}): give one[/]")
        raise typer.Exit(2)
    wanted = wanted if wanted is not None else said_year
    show_all = show_all or said_all
    checked_region(region)
    if named:
        doc, region, indicator = _positional(engine, named, doc, region, indicator)
    try:
        if indicator:  # also GDP 山东, as the bot's /targets and /compare take it
            found = engine.lookup_condition(
                indicator,
                condition,
                doc=doc,
                kind=kind,
                region=region,
                year=wanted,
                show_all=show_all,
            ).found
        else:
            found = engine.lookup_targets(
                doc=doc,
                kind=kind,
                region=region,
                year=wanted,
                show_all=show_all,
                condition=condition,
            )
    except DocumentNotFound as exc:
        raise no_document(exc) from None
    except AmbiguousPlace as exc:  # targets --indicator "GDP Suzhou"
        refused(exc)
    rows = found.rows
    if as_json:
        out.print_json(json.dumps(_records_json(engine, rows), ensure_ascii=False))
        return
    if as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=["doc_id", *TARGET_FIELDS])
        writer.writeheader()
        for r in rows:
            rec = {"doc_id": r.doc_id, **r.record.to_dict()}
            writer.writerow({k: rec.get(k, "") for k in writer.fieldnames})
        return
    if not rows:
        out.print(tr(lang, "cli.no_records"), markup=False)
        _hidden_note(found, lang)
        if region or wanted is not None:
            why_nothing(engine, region, wanted)
        places_note(engine, " ".join(filter(None, (indicator, region))), lang)
        return
    table = Table("doc", "indicator", "change", "value", "year", "region", "kind")
    for r in rows:
        rec = r.record
        change, value = signed_change(rec.change, format_value(rec, lang))
        table.add_row(
            r.doc_id,
            rec.indicator,
            change,
            value,
            rec.year,
            rec.region,
            kind_label(rec.kind, lang),
        )
    out.print(table)
    # the documents by id (briefbot docs and --doc name them so), each with its title: the
    # file name cut to the column said province_sic for every 四川 and 上海 file alike
    titles = {d.doc_id: d.title or d.filename for d in engine.documents()}
    for doc_id in dict.fromkeys(r.doc_id for r in rows):
        out.print(f"{doc_id}  {titles.get(doc_id, '')}", markup=False)
    out.print(f"[dim]{escape(tr(lang, 'cli.records', count=len(rows)))}[/]")
    _hidden_note(found, lang)


def _positional(
    engine: Engine, named: str, doc: str | None, region: str | None, indicator: str | None
) -> tuple[str | None, str | None, str | None]:
    """(doc, region, indicator) with the words given without a flag read as the bot's
    /targets reads them: a document named exactly, else a region, else the start of a
    document's name or id, else an indicator (GDP 山东 too);
    beside --indicator the words narrow it (``targets 山东 --indicator GDP``)."""
    if indicator:
        return doc, region, f"{indicator} {named}"
    if doc is None:  # a file named exactly, before a place (四川省2025年统计公报.txt)
        try:
            return engine.find_document(named, prefixes=False).doc_id, region, None
        except DocumentNotFound:
            pass
    try:
        place = engine.region_named(named)
    except AmbiguousPlace as exc:  # targets Suzhou
        place = None
        unsure: AmbiguousPlace | None = exc
    else:
        unsure = None
    if place is not None and region is None:
        return doc, named, None
    if doc is None and place is None:  # then the start of a file's name or id
        try:
            return engine.find_document(named).doc_id, region, None
        except DocumentNotFound:
            pass
    if unsure is not None:
        refused(unsure)
    return doc, region, named


# Unknown "options" such as -预计 or !estimate are filter words, not CLI options.
@app.command(context_settings={"ignore_unknown_options": True})
def digest(
    ctx: typer.Context,
    filter_words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[FILTER]...",
            help="Filter: keywords, +required, !excluded, indicator: region: doc: kind:",
        ),
    ] = None,
    preview: Annotated[
        bool,
        typer.Option(
            "--preview", help="Print the digest here: the default (the bot alone sends digests)."
        ),
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(help="Last digest time (YYYY-MM-DD[THH:MM]); only newer documents count."),
    ] = None,
    group_by: Annotated[str, typer.Option(help="indicator or document.")] = "indicator",
    cap: Annotated[int | None, typer.Option(min=1, max=500, help="Maximum target lines.")] = None,
    html: Annotated[
        bool, typer.Option("--html", help="Print the Telegram HTML messages exactly as sent.")
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Machine-readable: the digest's counts, documents and lines, each line with "
            "its records as targets --json gives them.",
        ),
    ] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help=ALL_HELP + " Same as the filter confidence:all.")
    ] = False,
    lang: Annotated[
        str,
        typer.Option(help="Language of the digest's frame: zh or en (the figures stay Chinese)."),
    ] = DEFAULT_LANGUAGE,
) -> None:
    """Print the key-target digest that subscribers with this filter would receive.

    The command line only previews: the bot sends digests to the chats that subscribed
    (/subscribe FILTER in Telegram), which a note on stderr says.

    Examples: briefbot digest region:山东 GDP; briefbot digest --since 2024-01-01 --html
    """
    # Printing is the default (issue: `briefbot digest GDP` was refused and asked for
    # --preview): the command line has no chat to send to, so a preview is the only thing
    # it can do, and what a user typing the command expects; --preview stays for scripts.
    del preview
    checked_lang(lang)
    refuse_unknown_options(ctx, filter_words or [], lang)
    if group_by not in ("indicator", "document"):
        err.print("[red]--group-by must be indicator or document[/]")
        raise typer.Exit(2)
    since_ts = None
    if since:
        try:
            since_ts = datetime.fromisoformat(since).astimezone().timestamp()
        except ValueError:
            err.print(
                f"[red]--since {since!r} is not a date like 2024-03-01 or 2024-03-01T08:00[/]"
            )
            raise typer.Exit(2) from None
    # lazy: the subscriptions package brings SQLAlchemy, which no other command reading
    # the index needs at start-up
    from bot.subscriptions.commands import typed_filter

    engine = open_engine()
    words = list(filter_words or [])
    if show_all:
        words.append("confidence:all")
    try:
        result = engine.digest(
            typed_filter(" ".join(words)),  # as /subscribe and /digest read a typed filter
            since=since_ts,
            cap=cap,
            group_by=group_by,  # type: ignore[arg-type]
            more_command="briefbot targets",
            lang=lang,
        )
    except FilterError as exc:
        err.print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(2) from None
    if as_json:
        out.print_json(json.dumps(_digest_json(engine, result), ensure_ascii=False))
    elif html:
        messages = render_html(result)
        for n, message in enumerate(messages, 1):
            out.print(f"[dim]--- message {n}/{len(messages)} ---[/]")
            out.print(message, markup=False)
    else:
        out.print(render_text(result), markup=False)
    said = tr(lang, "cli.digest_printed", filter=" ".join(filter_words or []))
    err.print(said.rstrip(), markup=False)


def _digest_json(engine: Engine, digest: Digest) -> dict:
    """``digest --json``: what the text shows, as data. ``lines`` are the target lines in
    display order, each with the words it shows (``indicator``, ``value``, ``year``,
    ``place``), its ``group`` (the family or document heading), its ``docs`` and its
    ``records``, the records of ``targets --json`` (several when documents repeat one
    figure)."""
    ids = {d.filename: d.doc_id for d in engine.documents()}
    lines = []
    for line in digest.target_lines:
        entry = line.entry
        if entry is None:
            continue
        rows = [DocTarget(ids.get(r.doc, ""), r) for r in entry.records]
        lines.append(
            {
                "group": entry.group,
                "indicator": entry.indicator,
                "kind": entry.kind,
                "change": entry.change,
                "value": entry.value,
                "year": entry.year,
                "place": entry.place or entry.region,
                "masked": entry.masked,
                "new": entry.new,
                "text": line.text,
                "docs": [s.filename for s in entry.sources],
                "records": _records_json(engine, rows),
            }
        )
    return {
        "title": digest.title,
        "date": digest.date,
        "filter": digest.description,
        "group_by": digest.group_by,
        "total": digest.total,
        "shown": digest.shown,
        "hidden": digest.hidden,
        "low_confidence": digest.low_confidence,
        "documents": [s.filename for s in digest.documents],
        "new_documents": [s.filename for s in digest.new_documents],
        "lines": lines,
    }
