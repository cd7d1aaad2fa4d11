"""``briefbot sources``: live sources (feeds, list pages, pages, folders) in the database,
and polling them into the library from the command line."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from briefbot.cli.app import app, err, open_engine, out, state

sources_app = typer.Typer(
    help="Live sources: feeds, list pages, single pages and folders polled for new documents.",
    no_args_is_help=True,
)
app.add_typer(sources_app, name="sources")


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]{escape(message)}[/]")
    return typer.Exit(1)


def _store():
    from bot.sources.store import SourceStore
    from bot.storage import Database

    database = Database.open(state.settings)
    return database, SourceStore(database)


def _poller(engine, store):
    from bot.sources.poller import SourcePoller

    async def notify(message) -> None:
        err.print(f"[yellow]alert:[/] {escape(message.text('en'))}")

    return SourcePoller(engine, store, lambda: state.settings, notify=notify)


@sources_app.command("add")
def add(
    url: Annotated[
        str, typer.Argument(help="http(s) URL of a feed, list page or page, or a folder.")
    ],
    name: Annotated[
        str | None, typer.Option("--name", help="Its name (default: from the URL).")
    ] = None,
    every: Annotated[
        str | None,
        typer.Option(
            "--every", help="How often to poll: 6h, 30m, 1d (default: source_default_every)."
        ),
    ] = None,
    match: Annotated[
        str | None,
        typer.Option("--match", help="Only list-page links whose text or URL contains this."),
    ] = None,
) -> None:
    """Add a source and poll it once (new documents are ingested).

    Example: briefbot sources add https://www.gov.cn/zhengce/ --name 国务院政策 --every 6h
    --match 政府工作报告
    """
    from bot.sources.health import describe_report
    from bot.sources.service import SourceRefused, add_source
    from bot.sources.store import SourceError

    database, store = _store()
    try:
        engine = open_engine()

        async def go():
            async with _poller(engine, store) as poller:
                return await add_source(
                    poller, url, name=name, every=every, match=match, allow_folder=True
                )

        try:
            added = asyncio.run(go())
        except SourceRefused as exc:
            raise _fail(f"refused: {exc.fetch_code} ({exc.detail})") from None
        except SourceError as exc:
            raise _fail(str(exc)) from None
    finally:
        database.close()
    out.print(f"added {added.source.name} ({added.source.kind}) {added.source.url}")
    out.print(describe_report(added.report))
    _print_items(added.report)


def _print_items(report) -> None:
    for item in report.items:
        line = f"  {item.status:9} {item.filename or item.title or ''}  {item.url}"
        if item.reason:
            line += f"  ({item.code}: {item.reason})" if item.code else f"  ({item.reason})"
        out.print(line, markup=False)


@sources_app.command("list")
def list_(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """The sources, their health and what they brought.

    Examples: briefbot sources list; briefbot sources list --json
    """
    from bot.sources.store import format_every

    database, store = _store()
    try:
        sources = store.list()
        counts = store.item_counts()
    finally:
        database.close()

    def iso(value) -> str | None:
        return value.isoformat() if value else None

    rows = [
        {
            "name": s.name,
            "url": s.url,
            "kind": s.kind,
            "every": format_every(s.every_seconds),
            "match": s.match,
            "paused": s.paused,
            "last_checked_at": iso(s.last_checked_at),
            "last_success_at": iso(s.last_success_at),
            "last_new_doc_at": iso(s.last_new_doc_at),
            "consecutive_failures": s.consecutive_failures,
            "last_error": s.last_error_code,
            "last_error_detail": s.last_error_detail,
            "alerted": s.alerted,
            "items": counts.get(s.id, {}),
        }
        for s in sources
    ]
    if as_json:
        out.print_json(data=rows)
        return
    if not rows:
        out.print("No sources. Add one: briefbot sources add URL")
        return
    table = Table(show_lines=False)
    for column in ("name", "kind", "every", "status", "last success", "items", "url"):
        table.add_column(column)
    for row in rows:
        status = "paused" if row["paused"] else "ok"
        if row["consecutive_failures"] or row["last_error"]:
            status = f"failing x{row['consecutive_failures']}: {row['last_error']}"
            if row["last_error_detail"]:
                status += f" ({row['last_error_detail']})"
        items = ", ".join(f"{k} {v}" for k, v in sorted(row["items"].items())) or "—"
        table.add_row(
            row["name"],
            row["kind"],
            row["every"],
            status,
            row["last_success_at"] or "never",
            items,
            row["url"],
        )
    out.print(table)


@sources_app.command("poll")
def poll(
    name: Annotated[
        str | None, typer.Argument(help="One source (default: every active one).")
    ] = None,
) -> None:
    """Poll now and print what was found, ingested, duplicate or failed.

    Examples: briefbot sources poll; briefbot sources poll 国务院政策
    """
    from bot.sources.health import describe_report
    from bot.sources.store import SourceError

    database, store = _store()
    try:
        try:
            sources = [store.require(name)] if name else [s for s in store.list() if not s.paused]
        except SourceError as exc:
            raise _fail(str(exc)) from None
        if not sources:
            out.print("No active sources.")
            return
        engine = open_engine()

        async def go():
            async with _poller(engine, store) as poller:
                return await poller.poll_many(sources)

        reports = asyncio.run(go())
    finally:
        database.close()
    for report in reports:
        out.print(describe_report(report), markup=False)
        _print_items(report)
    if any(not r.ok for r in reports):
        raise typer.Exit(1)


def _change(name: str, verb: str) -> None:
    from bot.sources.store import SourceError

    database, store = _store()
    try:
        try:
            if verb == "remove":
                store.remove(name)
            else:
                store.set_paused(name, verb == "pause")
        except SourceError as exc:
            raise _fail(str(exc)) from None
    finally:
        database.close()
    done = {"remove": "removed", "pause": "paused", "resume": "resumed"}[verb]
    out.print(f"{done} {name}")


@sources_app.command("remove")
def remove(name: Annotated[str, typer.Argument(help="The source's name.")]) -> None:
    """Forget a source (the documents it brought stay in the library).

    Example: briefbot sources remove 国务院政策
    """
    _change(name, "remove")


@sources_app.command("pause")
def pause(name: Annotated[str, typer.Argument(help="The source's name.")]) -> None:
    """Stop polling a source until it is resumed.

    Example: briefbot sources pause 国务院政策
    """
    _change(name, "pause")


@sources_app.command("resume")
def resume(name: Annotated[str, typer.Argument(help="The source's name.")]) -> None:
    """Poll a paused source again.

    Example: briefbot sources resume 国务院政策
    """
    _change(name, "resume")
