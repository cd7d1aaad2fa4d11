"""Copying the whole state from one database to another (``briefbot db copy``).

Switching ``database_url`` starts an empty database: nothing moves the rows across. This
copies every table of the schema (:data:`bot.storage.models.Base.metadata`, in foreign-key
order) from a source database at the newest revision to a target, SQLite or PostgreSQL
either way, or SQLite to SQLite (a backup):

- the **source is never written**: not migrated (a source at an older revision is
  refused; ``briefbot doctor --repair`` migrates it in place, the operator's choice, and
  an operator keeping the old database as the way back keeps it as it was), and read in
  one transaction (a snapshot: SQLite's WAL read, PostgreSQL's REPEATABLE READ);
- the **target** must be empty, unless ``replace`` (then its rows are deleted in the same
  transaction as the copy: replaced, never merged); a target whose revision this bot does
  not know (a newer bot's) is refused before anything is changed; it is migrated to the
  newest revision, then every row is inserted in **one transaction** (all or nothing),
  primary keys kept, values through the models' column types (aware UTC datetimes,
  booleans, JSON text as stored);
- **sequences** follow: PostgreSQL's ``setval`` to the highest number used, SQLite's
  ``sqlite_sequence`` (the ``AUTOINCREMENT`` tables) likewise, from the source's own high-water
  mark (a removed subscription's number stays used, migration 0015), so later inserts
  never collide nor hand a removed number out again;
- the rows of every table are **counted** in the target before the commit (a mismatch
  rolls it all back) and again after it.

Every message names a database by its file, or its URL with the password masked
(:func:`bot.storage.db.describe`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Table, func, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from bot.config import URL_PASSWORD_MASK, URL_PASSWORD_RE, shown_url
from bot.i18n import counted
from bot.storage.db import _SQLITE_BEGIN, Database, DatabaseError, describe, head_revision
from bot.storage.db import sqlite_file as _sqlite_file

# The backends the bot runs on, and how their URLs are written (said when one is not).
BACKENDS = ("sqlite", "postgresql")
URL_FORMS = "sqlite:////path/to/briefbot.db or postgresql+psycopg://user:password@host/dbname"
MASKED_MIN_CHARS = 4
BATCH_ROWS = 1000  # rows inserted per statement: memory stays flat on a big audit log
# Tables of the database that are not the bot's rows: Alembic's stamp (the target is
# migrated itself) and SQLite's own bookkeeping (sequences are set from the source's).
NOT_ROWS = frozenset({"alembic_version", "sqlite_sequence"})

Progress = Callable[[str, int, int], None]
"""``progress(table, rows copied of it, rows it has)``, called as rows are copied."""


class CopyRefused(DatabaseError):
    """The copy was not made; nothing was changed. ``usage``: the URLs themselves are
    wrong (a command-line mistake, exit 2) rather than the databases (exit 1)."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass
class CopyReport:
    """What was copied: rows per table (dependency order), verified after the commit."""

    source: str
    target: str
    revision: str
    tables: list[tuple[str, int]] = field(default_factory=list)
    replaced: int = 0  # rows the target held and lost (``replace``)
    skipped_tables: list[str] = field(default_factory=list)  # in the source, not the bot's
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(n for _, n in self.tables)


# -- URLs --------------------------------------------------------------------------------------
def checked_url(text_url: str | URL, role: str) -> URL:
    """``text_url`` read as a database URL of a backend the bot runs on, or
    :class:`CopyRefused` (usage) saying how one is written. ``role``: source or target."""
    try:
        url = make_url(text_url)
    except (ArgumentError, ValueError):
        raise CopyRefused(
            f"the {role} {shown_url(text_url)!r} is not a database URL: write {URL_FORMS}",
            usage=True,
        ) from None
    backend = url.get_backend_name()
    if backend == "postgres":  # Heroku's and libpq's spelling, which SQLAlchemy refuses
        raise CopyRefused(
            f"the {role} {describe(url)} uses the scheme postgres://, which SQLAlchemy does "
            f"not read: write postgresql+psycopg://…",
            usage=True,
        )
    if backend not in BACKENDS:
        raise CopyRefused(
            f"the {role} {describe(url)} is a {backend!r} database; the bot runs on SQLite "
            f"and PostgreSQL: write {URL_FORMS}",
            usage=True,
        )
    if backend == "sqlite" and _sqlite_file(url) is None:
        raise CopyRefused(
            f"the {role} {describe(url)} is not a SQLite file (an in-memory database is gone "
            f"when the command ends): write {URL_FORMS}",
            usage=True,
        )
    return url


def _same_database(a: URL, b: URL) -> bool:
    path_a, path_b = _sqlite_file(a), _sqlite_file(b)
    if path_a is not None or path_b is not None:
        return path_a is not None and path_b is not None and _resolved(path_a) == _resolved(path_b)
    return (a.host, a.port, a.database) == (b.host, b.port, b.database) and dict(a.query) == dict(
        b.query
    )


def _resolved(path: Path) -> Path:
    return path.expanduser().resolve()


def _said(exc: BaseException, urls: Iterable[URL]) -> str:
    """An error's message with the passwords of ``urls`` masked, wherever the driver put
    them: a URL's as :func:`bot.config.shown_url` masks it, and the passwords themselves
    (not one of a few characters, which would mask words of the message instead)."""
    said = URL_PASSWORD_RE.sub(lambda m: m.group("head") + URL_PASSWORD_MASK, str(exc))
    for password in {str(u.password) for u in urls if u.password}:
        if len(password) >= MASKED_MIN_CHARS:
            said = said.replace(password, URL_PASSWORD_MASK)
    return said


# -- the copy ----------------------------------------------------------------------------------
def _tables() -> list[Table]:
    from bot.storage.models import Base

    return list(Base.metadata.sorted_tables)


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _existing_rows(conn: Connection) -> dict[str, int]:
    """Rows in each of the bot's tables the database has already (none: a new database)."""
    present = set(inspect(conn).get_table_names())
    counts = {t.name: _count(conn, t) for t in _tables() if t.name in present}
    return {name: n for name, n in counts.items() if n}


def _serial_column(table: Table) -> str | None:
    """The integer primary key numbered by the database (a sequence), if the table has one."""
    column = table.autoincrement_column
    return column.name if column is not None else None


def _high_water(conn: Connection, table: Table, column: str) -> int:
    """The highest number the source's sequence of ``table`` handed out (0: none): at
    least its highest key, more when the rows that had the last numbers were removed."""
    highest = conn.execute(select(func.max(table.c[column]))).scalar_one() or 0
    used = None
    if conn.dialect.name == "postgresql":
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column}
        ).scalar_one()
        if sequence:
            used = conn.execute(
                text("SELECT pg_sequence_last_value(CAST(:s AS regclass))"), {"s": sequence}
            ).scalar_one()
    elif conn.execute(  # SQLAlchemy's inspector leaves SQLite's own tables out
        text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")
    ).scalar_one():
        used = conn.execute(
            text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": table.name}
        ).scalar()
    return max(int(highest), int(used or 0))


def _set_sequence(conn: Connection, table: Table, column: str, high: int) -> None:
    """Make the target's next number for ``table`` follow ``high`` (see :func:`_high_water`)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT setval(pg_get_serial_sequence(:t, :c), :v, :called)"),
            {"t": table.name, "c": column, "v": max(high, 1), "called": high > 0},
        )
        return
    if not table.dialect_options["sqlite"].get("autoincrement"):
        return  # SQLite numbers such a table max(id) + 1 itself: nothing is kept to set
    params = {"t": table.name, "v": high}
    done = conn.execute(
        text("UPDATE sqlite_sequence SET seq = max(seq, :v) WHERE name = :t"), params
    )
    if not done.rowcount and high:
        conn.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :v)"), params)


def copy_database(
    source_url: str | URL,
    target_url: str | URL,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> CopyReport:
    """Copy every row of the bot's tables from ``source_url`` to ``target_url`` (see the
    module). Raises :class:`CopyRefused` when nothing was changed (bad URLs, a source not
    at the newest revision, a target holding rows or newer), :class:`DatabaseError` when
    a database fails (unreachable, a copy rolled back)."""
    started = time.monotonic()
    source, target = checked_url(source_url, "source"), checked_url(target_url, "target")
    urls = (source, target)
    if _same_database(source, target):
        raise CopyRefused(f"the source and the target are the same {describe(source)}", usage=True)
    source_file = _sqlite_file(source)
    if source_file is not None and not source_file.is_file():
        # opening it would create an empty database there
        raise CopyRefused(f"there is no database file {source_file} to copy from")
    try:
        with Database(source) as src:
            head = _check_source(src)
            with Database(target) as tgt:
                report = CopyReport(src.name, tgt.name, head)
                _copy(src, tgt, report, replace=replace, progress=progress)
    except DatabaseError as exc:
        exc.args = (_said(exc, urls),)
        raise
    except (SQLAlchemyError, OSError, ValueError) as exc:
        # a row the target refuses, a server gone half way: the transaction rolled back
        raise DatabaseError(
            f"the copy failed and was rolled back, the target has none of its rows: "
            f"{_said(exc, urls).splitlines()[0]}"
        ) from exc
    report.seconds = time.monotonic() - started
    return report


def _check_source(src: Database) -> str:
    """The newest revision, which the source must be at; else :class:`CopyRefused`."""
    head = head_revision()
    current = src._check_known_revision()  # a newer bot's database: DatabaseError, clear
    if current is None:
        raise CopyRefused(f"{src.name} holds no schema of the bot (empty): nothing to copy")
    if current != head:
        raise CopyRefused(
            f"{src.name} is at schema revision {current}, this bot's is {head}: the copy "
            "never writes to its source, so migrate it first (briefbot doctor --repair, or "
            "start the bot on it once; back it up before if it is your way back), then copy"
        )
    return head


def _copy(
    src: Database, tgt: Database, report: CopyReport, *, replace: bool, progress: Progress | None
) -> None:
    tgt._check_known_revision()  # a newer bot's database: refused before any change
    with tgt.engine.connect() as conn:
        existing = _existing_rows(conn)
    if existing and not replace:
        held = ", ".join(f"{name} {n}" for name, n in existing.items())
        raise CopyRefused(
            f"{tgt.name} already holds rows ({held}); nothing was changed. Copy into an "
            "empty database, or give --replace to delete them in the same transaction as "
            "the copy (they are replaced, never merged)"
        )
    tgt.upgrade()
    tables = _tables()
    with src.engine.connect() as read:
        if read.dialect.name == "postgresql":
            read = read.execution_options(isolation_level="REPEATABLE READ")  # one snapshot
        with read.begin():
            report.skipped_tables = sorted(
                set(inspect(read).get_table_names()) - {t.name for t in tables} - NOT_ROWS
            )
            totals = {t.name: _count(read, t) for t in tables}
            with tgt.engine.connect() as write:
                write = write.execution_options(**{_SQLITE_BEGIN: "BEGIN IMMEDIATE"})
                with write.begin():
                    if replace:
                        for table in reversed(tables):
                            report.replaced += write.execute(table.delete()).rowcount or 0
                    for table in tables:
                        copied = _copy_table(read, write, table, totals[table.name], progress)
                        report.tables.append((table.name, copied))
                        column = _serial_column(table)
                        if column is not None:
                            _set_sequence(write, table, column, _high_water(read, table, column))
                    _verify(write, report, totals, "before the commit")
    with tgt.engine.connect() as conn:
        _verify(conn, report, totals, "after the commit")


def _copy_table(
    read: Connection, write: Connection, table: Table, total: int, progress: Progress | None
) -> int:
    order = list(table.primary_key.columns) or list(table.columns)
    result = read.execution_options(stream_results=True).execute(select(table).order_by(*order))
    copied = 0
    if progress is not None:
        progress(table.name, 0, total)
    keys = list(result.keys())
    for batch in result.partitions(BATCH_ROWS):
        write.execute(table.insert(), [dict(zip(keys, row, strict=True)) for row in batch])
        copied += len(batch)
        if progress is not None:
            progress(table.name, copied, total)
    return copied


def _verify(conn: Connection, report: CopyReport, totals: dict[str, int], when: str) -> None:
    """Every table of the target holds as many rows as the source had; else raise (before
    the commit: the copy rolls back)."""
    wrong = [
        f"{name}: {counted(totals[name], 'row')} in the source, {got} in the target"
        for name, _ in report.tables
        if (got := _count(conn, _table(name))) != totals[name]
    ]
    if wrong:
        raise DatabaseError(f"row counts differ {when}: {'; '.join(wrong)}")


def _table(name: str) -> Table:
    from bot.storage.models import Base

    return Base.metadata.tables[name]
