"""``briefbot db``: the state database itself; ``briefbot db copy`` moves every row of it
to another database (SQLite to PostgreSQL and back, or a SQLite backup file).

The copy is :func:`bot.storage.copy.copy_database`; this is its command line: the URLs,
a progress bar on a terminal, the rows per table, the exit code (0 copied and verified,
1 refused or failed with nothing changed, 2 a URL that is no database the bot runs on).
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from briefbot.cli.app import app, err, out, progress_bar, state

db_app = typer.Typer(
    help="The state database (subscriptions, admins, settings, audit log): copy it elsewhere.",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")


@db_app.command("copy")
def copy(
    to: Annotated[
        str,
        typer.Option(
            "--to",
            help="The database to copy into: postgresql+psycopg://user:password@host/dbname "
            "or sqlite:////path/to/file.db. Migrated to the newest schema; must be empty "
            "unless --replace.",
            show_default=False,
        ),
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="The database to copy from (default: the configured one, database_url / "
            "BRIEFBOT_DATABASE_URL, else briefbot.db in the data folder). Only read.",
            show_default=False,
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="The target holds rows already: delete them, in the same transaction as "
            "the copy (replaced, never merged).",
        ),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Machine-readable: source, target, revision, rows per table."),
    ] = False,
) -> None:
    """Copy every row of the state database (subscriptions and their deliveries, admins,
    chat settings, language choices, saved searches, sources, the audit log) to another
    database: to move from SQLite to PostgreSQL or back, or to make a SQLite backup.

    Stop the bot first: rows it writes while the copy runs are not copied. The source must
    be at this bot's schema (it is never written: briefbot doctor --repair migrates it).
    The target is migrated to the newest schema, then filled in one transaction, all or
    nothing, keys and sequences kept, the rows of every table counted after. Then set
    database_url / BRIEFBOT_DATABASE_URL to the target and start the bot.

    Passwords in the URLs are shown masked. Exit 0 when copied and verified, 1 when
    refused or failed (nothing changed), 2 when a URL is not one the bot can use.

    Examples: briefbot db copy --to postgresql+psycopg://bot:password@db.example.org/briefbot;
    briefbot db copy --to sqlite:////backups/briefbot.db
    """
    from bot.storage.copy import CopyRefused, copy_database  # lazy: SQLAlchemy
    from bot.storage.db import DatabaseError, database_url

    source_url = source if source is not None else database_url(state.settings)
    bar, step = progress_bar("copying")

    def update(table: str, done: int, total: int) -> None:
        step(done, total, table)

    try:
        with bar:
            report = copy_database(source_url, to, replace=replace, progress=update)
    except CopyRefused as exc:
        err.print(f"[red]not copied:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2 if exc.usage else 1) from None
    except DatabaseError as exc:
        err.print(f"[red]not copied:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from None
    if as_json:
        out.print_json(
            data={
                "source": report.source,
                "target": report.target,
                "revision": report.revision,
                "tables": dict(report.tables),
                "rows": report.rows,
                "replaced": report.replaced,
                "skipped_tables": report.skipped_tables,
            }
        )
        return
    table = Table(show_lines=False)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, rows in report.tables:
        table.add_row(name, str(rows))
    out.print(table)
    if report.replaced:
        out.print(f"replaced {report.replaced} rows the target held", markup=False)
    for name in report.skipped_tables:
        err.print(
            f"[yellow]warning:[/] table {escape(name)} of the source is not the bot's: not copied"
        )
    out.print(
        f"copied {report.rows} rows from {report.source} to {report.target} "
        f"(schema {report.revision}) in {report.seconds:.1f}s; counts verified",
        markup=False,
        soft_wrap=True,
    )
