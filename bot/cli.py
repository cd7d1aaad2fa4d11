"""``briefbot``: the command line of Policy Brief Bot.

Every command but ``run`` works offline on the corpus folder; the index is brought up to
date automatically before a command that reads it. ``briefbot`` alone (or ``briefbot
console``) chats with the real bot through a local fake Telegram server; ``briefbot run``
is the only command that talks to Telegram and needs the token.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import urlparse

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from bot import __version__
from bot.config import Settings
from bot.digest import FilterError, render_html, render_text
from bot.digest.compose import format_value
from bot.models import RefreshReport, SearchResponse
from bot.render import LEVEL_LABELS, document_meta_dict, document_to_dict, search_to_dict
from bot.search.engine import DocTarget, DocumentNotFound, Engine, TargetLookup
from bot.tokens import TokenError, install_log_redaction, load_token, redact

app = typer.Typer(
    name="briefbot",
    help=(
        "Policy Brief Bot: search Chinese policy documents and brief on their key targets.\n\n"
        "With no command, briefbot starts the offline console: a terminal chat with the real "
        "bot through a local fake Telegram server, with no token and no network, also when a "
        "token is configured. Piped input is read line by line; no input plays a short demo. "
        "[bold]briefbot run[/] starts the real bot (token from TELEGRAM_BOT_TOKEN or "
        "token_file)."
    ),
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,  # locals could hold the bot token
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)


KIND_LABELS = {"target": "目标", "achievement": "实绩", "estimate": "预计"}


class State:
    settings: Settings


state = State()


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    corpus_dir: Annotated[
        Path | None, typer.Option(help="Corpus folder (default: config / BRIEFBOT_CORPUS_DIR).")
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option(help="State folder (default: config / BRIEFBOT_DATA_DIR).")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log details.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(f"briefbot {__version__}")
        raise typer.Exit()
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)
    install_log_redaction()  # httpx and PTB log request URLs, which contain the token
    overrides = {}
    if corpus_dir is not None:
        overrides["corpus_dir"] = corpus_dir.resolve()
    if data_dir is not None:
        overrides["data_dir"] = data_dir.resolve()
    try:
        state.settings = Settings(**overrides)
    except Exception as exc:  # configuration errors: say what is wrong, no traceback
        err.print(f"[red]configuration error:[/] {exc}")
        raise typer.Exit(2) from None
    if ctx.invoked_subcommand is None:
        _console()


# -- helpers ---------------------------------------------------------------------------------
def _progress_bar() -> tuple[Progress, callable]:
    bar = Progress(
        TextColumn("indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    )
    task = bar.add_task("", total=None)

    def update(done: int, total: int, name: str) -> None:
        bar.update(task, completed=done, total=total, description=name)

    return bar, update


def _open_engine() -> Engine:
    bar, update = _progress_bar()
    with bar:
        engine = Engine.open(state.settings, progress=update)
    if engine.last_refresh is not None:
        _print_refresh(engine.last_refresh, quiet_if_unchanged=True)
    return engine


def _print_refresh(report: RefreshReport, *, quiet_if_unchanged: bool = False) -> None:
    for s in report.skipped:
        err.print(f"[yellow]skipped[/] {s.path}: {s.reason}")
    if quiet_if_unchanged and not report.changed:
        return
    parts = []
    if report.added:
        parts.append(f"{len(report.added)} added")
    if report.updated:
        parts.append(f"{len(report.updated)} updated")
    if report.removed:
        parts.append(f"{len(report.removed)} removed")
    parts.append(f"{report.unchanged} unchanged")
    what = "rebuilt" if report.rebuilt else "indexed"
    err.print(f"[dim]{what}: {', '.join(parts)} in {report.seconds:.2f}s[/]")


def _styled(snippet: str, spans: list[tuple[int, int]]) -> Text:
    text = Text(snippet)
    for s, e in spans:
        text.stylize("bold red", s, e)
    return text


def print_response(resp: SearchResponse) -> None:
    if resp.message:
        out.print(f"[yellow]{resp.message}[/]")
    for c in resp.corrections:
        out.print(f"已更正 (corrected): [strike]{c.original}[/] → [bold]{c.corrected}[/]")
    if not resp.hits:
        if resp.total == 0 and resp.query.strip() and not resp.message:
            out.print("没有找到结果 (no results).")
        if resp.suggestions:
            out.print("您是不是要找 (did you mean): " + "、".join(resp.suggestions))
        return
    first = (resp.page - 1) * resp.page_size
    out.print(f"[dim]{resp.total} 条结果 (results), 第 {resp.page}/{resp.pages} 页[/]")
    for n, hit in enumerate(resp.hits, first + 1):
        where = " > ".join(hit.section) if hit.section else ""
        head = Text(f"{n}. ", style="bold")
        head.append(hit.title, style="bold")
        head.append(f"  [{hit.filename}]", style="cyan")
        if where:
            head.append(f"  {where}", style="green")
        head.append(f"  score {hit.score:.2f}", style="dim")
        out.print(head)
        out.print(_styled(hit.snippet, [(h.start, h.end) for h in hit.highlights]))


# -- commands --------------------------------------------------------------------------------
# Unknown "options" such as -齐鲁 are exclusions in the query, not CLI options.
@app.command(context_settings={"ignore_unknown_options": True})
def search(
    query: Annotated[list[str], typer.Argument(help='Keywords; "quoted phrase", -exclude.')],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=100, help="Results per page.")
    ] = 5,
    page: Annotated[int, typer.Option("--page", "-p", min=1, help="Page number.")] = 1,
    doc: Annotated[str | None, typer.Option(help="Only this document (id or file name).")] = None,
    region: Annotated[str | None, typer.Option(help="Only documents about this region.")] = None,
    year: Annotated[int | None, typer.Option(help="Only documents of this year.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Search the corpus: ranked passages with highlighted snippets."""
    engine = _open_engine()
    resp = engine.search(
        " ".join(query), page=page, page_size=limit, doc=doc, region=region, year=year
    )
    if as_json:
        out.print_json(json.dumps(search_to_dict(resp), ensure_ascii=False))
    else:
        print_response(resp)


@app.command()
def docs(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the indexed documents."""
    engine = _open_engine()
    documents = engine.documents()
    if as_json:
        payload = [document_to_dict(d) for d in documents]
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return
    table = Table("id", "file", "title", "region", "level", "type", "year", "passages", "KB")
    for d in documents:
        table.add_row(
            d.doc_id,
            d.filename,
            d.title,
            d.region or "-",
            LEVEL_LABELS.get(d.level or "", d.level or "-"),
            d.doc_type or "-",
            str(d.year or "-"),
            str(d.passages),
            f"{d.size / 1024:.1f}",
        )
    out.print(table)
    if not documents:
        out.print(f"No documents in {state.settings.corpus_dir}. Add some with `briefbot ingest`.")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .md .docx .pdf).")],
    replace: Annotated[
        bool, typer.Option(help="Replace a corpus file of the same name with new content.")
    ] = False,
) -> None:
    """Copy documents into the corpus folder and index them."""
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        err.print(f"[red]not found:[/] {p}")
    engine = _open_engine()
    bar, update = _progress_bar()
    with bar:
        report = engine.ingest([p for p in paths if p.exists()], replace=replace, progress=update)
    for s in report.skipped:
        err.print(f"[yellow]skipped[/] {s.path}: {s.reason}")
    for name in report.copied:
        out.print(f"added {name}")
    _print_refresh(report.refresh)
    if missing or (report.skipped and not report.copied):
        raise typer.Exit(1)


@app.command()
def index(
    rebuild: Annotated[bool, typer.Option(help="Re-read and re-segment every document.")] = False,
) -> None:
    """Bring the index up to date (or rebuild it) and show its size."""
    engine = Engine.open(state.settings, refresh=False)
    bar, update = _progress_bar()
    with bar:
        report = engine.refresh(rebuild=rebuild, progress=update)
    _print_refresh(report)
    meta = engine.index.meta
    out.print(
        f"{len(engine.documents())} documents, {meta['n_passages']} passages, "
        f"{meta['n_terms']} terms, {meta['n_postings']} postings "
        f"in {state.settings.index_dir}"
    )


@app.command()
def doc(ref: Annotated[str, typer.Argument(help="Document id, file name or prefix.")]) -> None:
    """Show one document: title, region, level, type, year, issuer, date and its sections."""
    engine = _open_engine()
    try:
        d = engine.document(ref)
    except DocumentNotFound as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from None
    head = Text(d.title, style="bold")
    head.append(f"  [{d.filename}] id {d.doc_id}")
    out.print(head)
    meta = d.meta
    region = " > ".join(meta.region_path) if len(meta.region_path) > 1 else meta.region
    level = LEVEL_LABELS.get(meta.level or "", meta.level or "-")
    out.print(
        f"region: {region or '-'}  level: {level}  type: {meta.doc_type or '-'}  "
        f"year: {meta.year or '-'}  passages: {len(d.passages)}",
        markup=False,
    )
    out.print(f"issuer: {meta.issuer or '-'}  date: {meta.date or '-'}", markup=False)
    seen: list[tuple[str, ...]] = []
    for p in d.passages:
        if p.section and p.section not in seen:
            seen.append(p.section)
            out.print("  " * (len(p.section) - 1) + "• " + p.section[-1])


KINDS_HELP = "target, achievement, estimate or all."
ALL_HELP = "Also records the extractor is not sure of (hidden by default)."
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


def _check_kind(kind: str) -> str:
    if kind not in ("target", "achievement", "estimate", "all"):
        err.print(f"[red]unknown kind {kind!r}:[/] use {KINDS_HELP}")
        raise typer.Exit(2)
    return kind


def _records_json(engine: Engine, rows: list[DocTarget]) -> list[dict]:
    """Records for --json: ``doc_id``, the record's fields (``value_max`` for ranges,
    ``confidence``) and ``document``, the metadata of its document."""
    docs = {d.doc_id: document_meta_dict(d) for d in engine.documents()}
    return [
        {"doc_id": r.doc_id, **r.record.to_dict(), "document": docs.get(r.doc_id)} for r in rows
    ]


def _hidden_note(found: TargetLookup) -> None:
    if found.hidden:
        out.print(
            f"[dim]另有 {found.hidden} 条低可信度记录未显示，--all 显示全部 "
            f"({found.hidden} low-confidence records hidden; --all shows them)[/]"
        )


@app.command()
def targets(
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
) -> None:
    """List the key targets, achievements and estimates extracted from the documents.

    Only records the extractor is confident of are listed unless --all is given.
    """
    _check_kind(kind)
    engine = _open_engine()
    try:
        found = engine.lookup_targets(
            doc=doc, kind=kind, indicator=indicator, region=region, show_all=show_all
        )
    except DocumentNotFound as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from None
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
        out.print("没有符合条件的记录 (no matching records).")
        _hidden_note(found)
        return
    table = Table("doc", "indicator", "change", "value", "year", "region", "kind")
    for r in rows:
        rec = r.record
        table.add_row(
            rec.doc[:12],
            rec.indicator,
            rec.change,
            format_value(rec),
            rec.year,
            rec.region,
            KIND_LABELS.get(rec.kind, rec.kind),
        )
    out.print(table)
    out.print(f"[dim]{len(rows)} records[/]")
    _hidden_note(found)


# Unknown "options" such as -预计 or !estimate are filter words, not CLI options.
@app.command(context_settings={"ignore_unknown_options": True})
def digest(
    filter_words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[FILTER]...",
            help="Filter: keywords, +required, !excluded, indicator: region: doc: kind:",
        ),
    ] = None,
    preview: Annotated[
        bool, typer.Option("--preview", help="Print the digest instead of sending it.")
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
    show_all: Annotated[
        bool, typer.Option("--all", help=ALL_HELP + " Same as the filter confidence:all.")
    ] = False,
) -> None:
    """Compose the key-target digest that subscribers with this filter would receive."""
    if not preview:
        err.print(
            "Digests are sent by the bot's scheduler to subscribed chats; "
            "use `briefbot digest --preview [FILTER]` to see one here."
        )
        raise typer.Exit(2)
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
    engine = _open_engine()
    words = list(filter_words or [])
    if show_all:
        words.append("confidence:all")
    try:
        result = engine.digest(
            " ".join(words),
            since=since_ts,
            cap=cap,
            group_by=group_by,  # type: ignore[arg-type]
            more_command="briefbot targets",
        )
    except FilterError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from None
    if html:
        messages = render_html(result)
        for n, message in enumerate(messages, 1):
            out.print(f"[dim]--- message {n}/{len(messages)} ---[/]")
            out.print(message, markup=False)
        return
    out.print(render_text(result), markup=False)


@app.command()
def compare(
    indicator: Annotated[
        str, typer.Argument(help="Indicator name, alias or family, e.g. GDP or CPI.")
    ],
    kind: Annotated[str, typer.Option(help=KINDS_HELP)] = "all",
    region: Annotated[str | None, typer.Option(help=REGION_HELP)] = None,
    show_all: Annotated[bool, typer.Option("--all", help=ALL_HELP)] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """One indicator across documents, regions and years, side by side.

    A name the indicator table knows stands for its whole family: GDP lists national
    (国内生产总值) and regional (地区生产总值) figures together, CPI finds 居民消费价格.
    """
    _check_kind(kind)
    engine = _open_engine()
    found = engine.lookup_targets(indicator=indicator, kind=kind, region=region, show_all=show_all)
    rows = found.rows
    docs = {d.doc_id: d for d in engine.documents()}
    if as_json:
        out.print_json(json.dumps(_records_json(engine, rows), ensure_ascii=False))
        return
    if not rows:
        close = engine.similar_indicators(indicator)
        out.print(f"没有找到指标“{indicator}” (no records for this indicator).", markup=False)
        if close:
            out.print("相近的指标 (similar): " + "、".join(close), markup=False)
        _hidden_note(found)
        raise typer.Exit(1)
    if len(found.family) > 1:
        out.print(f"{indicator}: " + "、".join(found.family), markup=False)
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
            KIND_LABELS.get(rec.kind, rec.kind),
            f"{rec.change}{format_value(rec)}",
            info.title if info else rec.doc,
        )
    out.print(table)
    _hidden_note(found)


@app.command()
def subscriptions(
    chat: Annotated[
        int | None, typer.Option("--chat", help="Only this chat id (groups are negative).")
    ] = None,
    deliveries: Annotated[
        int, typer.Option("--deliveries", "-n", help="Show the last N deliveries of each.")
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """The bot's subscriptions in the database: schedule, status, next and last digests."""
    from bot.storage import Database  # lazy: SQLAlchemy and Alembic
    from bot.subscriptions.store import SubscriptionStore

    with Database.open(state.settings) as database:
        store = SubscriptionStore(database)
        subs = store.list_for_chat(chat) if chat is not None else store.list_all()
        now = datetime.now().astimezone()
        rows = []
        for sub in subs:
            recent = store.deliveries(sub.id)[-deliveries:] if deliveries else []
            next_fire = sub.schedule.next_fire(now, sub.timezone) if sub.due else None
            rows.append(
                {
                    "id": sub.id,
                    "chat_id": sub.chat_id,
                    "chat_type": sub.chat_type,
                    "chat_title": sub.chat_title,
                    "filter": sub.filter_text,
                    "schedule": sub.schedule.describe(),
                    "timezone": sub.timezone,
                    "quiet": sub.quiet_when_empty,
                    "status": (
                        "deactivated" if not sub.active else "paused" if sub.paused else "active"
                    ),
                    "deactivated_reason": sub.deactivated_reason,
                    "next": next_fire.isoformat() if next_fire else None,
                    "last_delivered_at": (
                        sub.last_delivered_at.isoformat() if sub.last_delivered_at else None
                    ),
                    "deliveries": [
                        {"slot": d.slot.isoformat(), "status": d.status, "error": d.error}
                        for d in recent
                    ],
                }
            )
    if as_json:
        out.print_json(data=rows)
        return
    if not rows:
        out.print("No subscriptions.")
        return
    table = Table(show_lines=False)
    for column in ("id", "chat", "filter", "schedule", "status", "next (local)"):
        table.add_column(column)
    for row in rows:
        status = row["status"]
        if row["deactivated_reason"]:
            status += f": {row['deactivated_reason']}"
        table.add_row(
            str(row["id"]),
            f"{row['chat_type']} {row['chat_id']} {row['chat_title'] or ''}".strip(),
            row["filter"] or "(all)",
            f"{row['schedule']} {row['timezone']}",
            status,
            row["next"] or "—",
        )
    out.print(table)
    for row in rows:
        for item in row["deliveries"]:
            out.print(f"  #{row['id']} {item['slot']} {item['status']} {item['error'] or ''}")


# -- the bot ---------------------------------------------------------------------------------
def _query_store(settings: Settings):
    """The saved searches behind the bot's result buttons, in the database (migrated)."""
    from bot.storage import Database, QueryStore  # lazy: SQLAlchemy and Alembic

    return QueryStore(Database.open(settings))


def _token_configured() -> bool:
    return bool(os.environ.get("TELEGRAM_BOT_TOKEN", "").strip() or state.settings.token_file)


@app.command("console")
def console_command() -> None:
    """Chat with the bot in the terminal through a local fake Telegram server (no token).

    Type messages (keywords search; /search /docs /doc /targets /compare /help); a number
    presses the button shown with it; :docs lists documents, :quit leaves. Piped input is
    read line by line; no input at all plays a short demo.
    """
    _console()


def _console() -> None:
    from handlers.console import TelegramLayerUnavailable, run_console

    engine = _open_engine()
    greeting = None
    if _token_configured():
        greeting = "A bot token is configured; `briefbot run` starts the real bot."
    try:
        store = _query_store(state.settings)
    except Exception as exc:  # the console works without saved queries
        err.print(f"[yellow]saved queries unavailable:[/] {exc}")
        store = None
    try:
        run_console(state.settings, engine, out=out, query_store=store, greeting=greeting)
    except TelegramLayerUnavailable as exc:
        err.print(
            f"{exc}; using the plain search console instead.",
            style="yellow",
            markup=False,
            soft_wrap=True,
        )
        _search_repl(engine)


@app.command()
def run(
    drop_pending_updates: Annotated[
        bool | None,
        typer.Option(
            "--drop-pending-updates/--keep-pending-updates",
            help="Skip updates sent while the bot was down (default: drop_pending_updates).",
        ),
    ] = None,
) -> None:
    """Run the Telegram bot. Long polling; a webhook when webhook_url is set.

    The token comes from TELEGRAM_BOT_TOKEN or the file named by token_file (outside the
    repository). TELEGRAM_API_BASE_URL points the bot at a self-hosted Bot API server.
    Ctrl-C or SIGTERM stops it cleanly.
    """
    settings = state.settings
    try:
        token = load_token(settings)
    except TokenError as exc:
        err.print(f"briefbot run: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(2) from None
    secret = settings.webhook_secret_token
    secret_value = secret.get_secret_value() if secret else None
    install_log_redaction([token, secret_value or ""])
    try:
        from handlers.app import build_application
    except ImportError as exc:
        err.print(
            f"briefbot run: the Telegram layer cannot be loaded ({exc})",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from None
    from telegram import Update
    from telegram.error import InvalidToken, TelegramError

    engine = _open_engine()
    try:
        from bot.storage import Database, QueryStore  # lazy: SQLAlchemy and Alembic

        database = Database.open(settings)
        store = QueryStore(database)
    except Exception as exc:
        err.print(f"briefbot run: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    api = settings.telegram_api_base_url
    application = build_application(
        settings,
        engine,
        token=token,
        base_url=f"{api}/bot" if api else None,
        base_file_url=f"{api}/file/bot" if api else None,
        query_store=store,
        database=database,
    )
    drop = settings.drop_pending_updates if drop_pending_updates is None else drop_pending_updates
    webhook = settings.webhook_url
    if webhook:
        mode = f"webhook {webhook}, listening on {settings.webhook_listen}:{settings.webhook_port}"
    else:
        mode = "long polling"
    where = f", Bot API at {api}" if api else ""
    previous_post_init = application.post_init

    async def announce(_app: object) -> None:
        if previous_post_init is not None:
            await previous_post_init(application)
        err.print(
            f"Policy Brief Bot {__version__} running as @{application.bot.username}: "
            f"{mode}{where}. Ctrl-C stops.",
            markup=False,
            soft_wrap=True,
        )

    application.post_init = announce
    try:
        if webhook:
            if secret_value is None:
                err.print(
                    "[yellow]warning:[/] no BRIEFBOT_WEBHOOK_SECRET_TOKEN: anyone who finds "
                    "the webhook URL can send the bot updates.",
                    soft_wrap=True,
                )
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlparse(webhook).path.lstrip("/"),
                webhook_url=webhook,
                secret_token=secret_value,
                drop_pending_updates=drop,
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            application.run_polling(drop_pending_updates=drop, allowed_updates=Update.ALL_TYPES)
    except InvalidToken:
        err.print(
            "briefbot run: the Bot API rejected the token (revoked or mistyped? "
            "@BotFather shows the current one).",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(2) from None
    except (TelegramError, OSError) as exc:
        message = redact(f"{type(exc).__name__}: {exc}", [token])
        err.print(f"briefbot run: {message}", markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    err.print("briefbot run: stopped.", markup=False)


# -- the plain search console (fallback when the bot cannot start) ----------------------------
def _search_repl(engine: Engine) -> None:
    """Offline search console: type a query, see results."""
    interactive = sys.stdin.isatty()
    if interactive:
        out.print(
            f"[bold]Policy Brief Bot[/] {__version__} — offline console. "
            f"{len(engine.documents())} documents indexed.\n"
            "Type keywords (e.g. 乡村振兴, GDP 增长, 营商环竟), :docs, :help or :quit."
        )
    lines = 0
    while True:
        try:
            line = input("搜索> " if interactive else "")
        except EOFError:
            break
        line = line.strip()
        if not line:
            continue
        lines += 1
        if line in (":q", ":quit", ":exit"):
            break
        if line == ":docs":
            for d in engine.documents():
                out.print(f"{d.doc_id}  {d.filename}  {d.title}")
            continue
        if line == ":help":
            out.print('Keywords, "quoted phrases", -excluded words. :docs lists documents.')
            continue
        out.print(f"[bold]» {line}[/]")
        print_response(engine.search(line))
    if not interactive and lines == 0:
        _demo(engine)


def _demo(engine: Engine) -> None:
    out.print(
        f"[bold]Policy Brief Bot[/] {__version__}: {len(engine.documents())} documents indexed "
        f"from {engine.settings.corpus_dir}. Sample searches:"
    )
    for q in ("乡村振兴", "GDP 增长", "营商环竟"):
        out.print(f"\n[bold]» briefbot search {q}[/]")
        print_response(engine.search(q, page_size=3))
    out.print("\nRun `briefbot --help` for all commands.")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
