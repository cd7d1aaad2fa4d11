"""The one database: engine, sessions and schema migrations.

``Database.open(settings)`` creates the engine (SQLite at ``<data_dir>/briefbot.db``
unless ``database_url`` says otherwise) and migrates the schema to the newest Alembic
revision before anything else touches it, so a newer bot upgrades an older database on
start. Errors that stop the database from opening are raised as :class:`DatabaseError`
with a message that names the file (or the URL, password hidden).

On PostgreSQL, migrations hold an advisory lock, so bots starting at once take turns.

SQLite is tuned for a bot: WAL journal (readers never block the writer), foreign keys
enforced, a busy timeout instead of instant "database is locked", connections usable
from worker threads, and real transactions around DDL, so a migration that fails half
way is rolled back as a whole instead of leaving a half-altered schema.

Two writers (the bot and a CLI command, two scheduler jobs) never trip over each other:
:meth:`Database.session` is a write transaction, which on SQLite begins with
``BEGIN IMMEDIATE`` (the write lock taken at once, waiting on the busy timeout; a
deferred transaction that reads and then writes after another writer committed is
refused at once with "database is locked", whatever the timeout), and
:meth:`Database.reading` a read-only one (deferred ``BEGIN``: readers never wait). On
PostgreSQL, what a store reads and then writes is guarded by a unique constraint with
``ON CONFLICT`` (:func:`insert_for`) or by :func:`lock`, a transaction's advisory lock
on a name and key (SQLite's write lock serialises every writer already).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from bot.config import Settings, get_settings, shown_url
from bot.i18n import counted

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 5_000
SQLITE_HEADER = b"SQLite format 3\x00"

# Execution option read by the SQLite "begin" hook: which BEGIN to emit. Migrations use
# BEGIN IMMEDIATE so that two processes starting at once take turns instead of failing.
_SQLITE_BEGIN = "briefbot_sqlite_begin"
_BEGIN_STATEMENTS = frozenset({"BEGIN", "BEGIN IMMEDIATE", "BEGIN EXCLUSIVE"})
# PostgreSQL advisory lock taken while migrating (any fixed bigint; per database).
PG_MIGRATION_LOCK = 0x6272_6965_6662_6F74  # "briefbot"


_T = TypeVar("_T")


class DatabaseError(RuntimeError):
    """The database cannot be opened, read or migrated. The message names the database."""


# -- writers taking turns -----------------------------------------------------------------------
def insert_for(session: Session):
    """The dialect's ``insert`` (SQLite's or PostgreSQL's), which has ``on_conflict_do_…``:
    a row inserted unless one with its key is there, or upserted, in one statement."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def lock(session: Session, name: str, key: int | str) -> None:
    """Hold a lock on ``(name, key)`` until the session's transaction ends, so that two
    writers reading then writing the same thing (a chat's subscriptions) take turns.

    PostgreSQL: a transaction-level advisory lock. SQLite: nothing to do, the write
    transaction of :meth:`Database.session` holds the database's write lock already.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    digest = hashlib.blake2b(f"{name}\x00{key}".encode(), digest_size=8).digest()
    session.execute(
        text("SELECT pg_advisory_xact_lock(:key)"),
        {"key": int.from_bytes(digest, "big", signed=True)},
    )


def lock_inserts(session: Session, table: str) -> None:
    """Keep rows from being inserted into ``table`` by others until the session's
    transaction ends, so that what it read of ``table`` stays all there is (a broadcast
    recording the slots claimed already: no claim lands between the read and the write).

    PostgreSQL: ``LOCK TABLE … IN SHARE MODE`` (reads go on; an insert waits, and the lock
    waits for inserts not yet committed). SQLite: nothing to do, the write transaction of
    :meth:`Database.session` holds the database's write lock already.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    quoted = session.get_bind().dialect.identifier_preparer.quote_identifier(table)
    session.execute(text(f"LOCK TABLE {quoted} IN SHARE MODE"))


# -- URLs --------------------------------------------------------------------------------------
def database_url(settings: Settings) -> URL:
    """The URL the settings select: ``database_url`` or SQLite at ``settings.database_file``."""
    if settings.database_url:
        return make_url(settings.database_url)
    return URL.create("sqlite", database=str(settings.database_file))


def sqlite_file(url: URL) -> Path | None:
    """The file of a file-based SQLite URL; None for other backends, memory and URI forms."""
    db = url.database
    if url.get_backend_name() != "sqlite" or not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db).expanduser()


def describe(url: URL) -> str:
    """How errors and logs name a database: its file, or its URL without the password."""
    path = sqlite_file(url)
    if path is not None:
        return f"database file {path}"
    return f"database {shown_url(url)}"


# -- engine ------------------------------------------------------------------------------------
def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module (it would not BEGIN before
    # DDL); the "begin" hook below emits BEGIN itself. See SQLAlchemy's SQLite docs,
    # "Enabling Non-Legacy SQLite Transactional Modes".
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        (mode,) = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode.lower() not in {"wal", "memory"}:
            log.warning("SQLite refused WAL journal mode (kept %r)", mode)
        else:
            # With WAL, NORMAL syncs at checkpoints instead of every commit: the database
            # stays consistent; a power cut may lose only the last commits. Every search
            # saves its query, so a per-commit fsync was a cost on each reply.
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    statement = conn.get_execution_options().get(_SQLITE_BEGIN, "BEGIN")
    if statement not in _BEGIN_STATEMENTS:
        raise ValueError(f"unsupported SQLite BEGIN statement: {statement!r}")
    conn.exec_driver_sql(statement)


def create_engine_for(url: str | URL, **kwargs: Any) -> Engine:
    """An engine with the project's settings for the backend (SQLite pragmas, pre-ping)."""
    url = make_url(url)
    if url.get_backend_name() != "sqlite":
        kwargs.setdefault("pool_pre_ping", True)
        return create_engine(url, **kwargs)
    connect_args = dict(kwargs.pop("connect_args", {}))
    connect_args.setdefault("check_same_thread", False)  # the pool hands connections to threads
    if sqlite_file(url) is None and not (url.database or "").startswith("file:"):
        kwargs.setdefault("poolclass", StaticPool)  # one shared in-memory database
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


# -- migrations --------------------------------------------------------------------------------
def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config built in code (no alembic.ini), optionally bound to a connection.

    ``migrations/env.py`` runs the migrations on ``config.attributes["connection"]``.
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.lru_cache(maxsize=4)
def _known_scripts(location: str) -> ScriptDirectory:
    """The migration scripts in ``location``, read once per process and folder: every
    :meth:`Database.open` checks the stamped revision against them, and reading the
    folder's files again each time was ~4 ms an open (the scripts are this version's
    code, fixed while it runs; ``command.upgrade`` still reads its own)."""
    from alembic.script import ScriptDirectory

    config = alembic_config()
    config.set_main_option("script_location", location)
    return ScriptDirectory.from_config(config)


def head_revision() -> str:
    """The newest schema revision this version of the bot knows."""
    head = _known_scripts(str(MIGRATIONS_DIR)).get_current_head()
    if head is None:
        raise DatabaseError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


# -- migration helpers (also used by migrations/env.py) -------------------------------------
@contextmanager
def sqlite_foreign_keys_off(connection: Connection) -> Iterator[None]:
    """Suspend SQLite foreign-key enforcement while migrations run on ``connection``.

    SQLite ALTERs are done in batch mode (copy the table, drop the old one, rename);
    with enforcement on, that DROP would fire ``ON DELETE CASCADE`` on child rows and
    lose them. The pragma only works outside a transaction, so call this before the
    migration transaction begins, and :func:`check_foreign_keys` before it commits.
    A no-op for other backends.
    """
    if connection.dialect.name != "sqlite" or connection.in_transaction():
        yield
        return
    raw = connection.connection.driver_connection
    (was_on,) = raw.execute("PRAGMA foreign_keys").fetchone()
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA foreign_keys = {'ON' if was_on else 'OFF'}")
        (now_on,) = raw.execute("PRAGMA foreign_keys").fetchone()
        if now_on != was_on:  # still inside a transaction: never pool this connection again
            connection.invalidate()


def check_foreign_keys(connection: Connection) -> None:
    """Raise (so the migration transaction rolls back) if a migration broke a foreign key."""
    if connection.dialect.name != "sqlite":
        return
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        sample = ", ".join(f"{row[0]} rowid {row[1]} -> {row[2]}" for row in problems[:5])
        raise DatabaseError(
            f"migration left {counted(len(problems), 'broken foreign key')} ({sample}); rolled back"
        )


def _hint(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    lowered = text.lower()
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return f"{text} (not a SQLite database, or damaged: restore a backup or move it away)"
    if "readonly" in lowered or "read-only" in lowered:
        return f"{text} (the file or its folder is not writable)"
    if "unable to open" in lowered:
        return f"{text} (check that the folder exists and is writable)"
    return text.splitlines()[0] if text else type(exc).__name__


# -- the database -------------------------------------------------------------------------------
class Database:
    """Engine + sessions + migrations for one database.

    Use :meth:`open` (which migrates to the newest schema). The constructor only makes
    the engine and touches no schema; it is for tools and tests that drive migrations
    themselves.
    """

    def __init__(self, url: str | URL, *, echo: bool = False) -> None:
        try:
            self.url = make_url(url)
        except ArgumentError as exc:
            raise DatabaseError(f"not a valid database URL: {exc}") from None
        self.path = sqlite_file(self.url)
        self.name = describe(self.url)
        if self.path is not None:
            _prepare_sqlite_file(self.path)
        try:
            self.engine = create_engine_for(self.url, echo=echo)
        except (ImportError, NoSuchModuleError) as exc:
            raise DatabaseError(
                f"cannot use {self.name}: {exc} (install the database driver it names, "
                'e.g. pip install "psycopg[binary]" for postgresql+psycopg)'
            ) from exc
        # Writes begin IMMEDIATE on SQLite (see the module docstring); reads deferred.
        writer = self.engine.execution_options(**{_SQLITE_BEGIN: "BEGIN IMMEDIATE"})
        self._sessions = sessionmaker(writer, expire_on_commit=False)
        self._readers = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, settings: Settings | None = None, *, url: str | URL | None = None) -> Database:
        """Open the configured database and upgrade its schema to the newest revision."""
        if url is None:
            if settings is None:
                settings = get_settings()
            url = database_url(settings)
        db = cls(url)
        try:
            db.upgrade()
        except BaseException:
            db.close()
            raise
        return db

    # -- sessions ---------------------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction that commits when the block ends and rolls back if it raises.

        On SQLite it holds the write lock from its first statement (``BEGIN IMMEDIATE``),
        so what it reads stays true until it commits; another writer waits its turn.
        """
        with self._session(self._sessions) as session:
            yield session

    def write_racing(self, work: Callable[[Session], _T]) -> _T:
        """``work`` in a write transaction (:meth:`session`), and once more when its insert
        conflicts (``IntegrityError``): another writer inserted the same row meanwhile
        (two admins adding one id, two ``/config set`` of one key), which the second try
        finds and updates. A second conflict is raised."""
        for attempt in (1, 2):
            try:
                with self.session() as session:
                    done = work(session)
                return done
            except IntegrityError:
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A transaction that only reads (never waits for a writer on SQLite). Anything
        it read and then wrote could be refused: write in :meth:`session` instead."""
        with self._session(self._readers) as session:
            yield session

    @staticmethod
    @contextmanager
    def _session(factory: sessionmaker[Session]) -> Iterator[Session]:
        session = factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # -- migrations -------------------------------------------------------------------------
    def current_revision(self) -> str | None:
        """The schema revision stamped in the database (None: empty or never migrated)."""
        from alembic.migration import MigrationContext

        with self._errors("cannot read the schema revision of"), self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def upgrade(self, revision: str = "head") -> None:
        """Migrate the schema up to ``revision`` (default: the newest), in one transaction."""
        from alembic import command

        before = self._check_known_revision()
        with self._errors("cannot upgrade", migrating=True), self.migration_connection() as conn:
            command.upgrade(alembic_config(conn), revision)
        after = self.current_revision()
        if after != before:
            log.info("%s: schema upgraded from %s to %s", self.name, before or "empty", after)

    def downgrade(self, revision: str) -> None:
        """Migrate the schema down to ``revision`` ("base" removes every table). May lose data."""
        from alembic import command

        self._check_known_revision()
        with self._errors("cannot downgrade", migrating=True), self.migration_connection() as conn:
            command.downgrade(alembic_config(conn), revision)

    def integrity_problems(self) -> list[str]:
        """What the backend's own checks find wrong with the stored data (empty: nothing).

        SQLite: ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``. PostgreSQL
        (``amcheck`` is an extension a server may not have): every table of the schema
        the database has is read through once, which fails on a damaged page. A table
        a later migration adds is not yet there in a database behind its migrations (or
        empty): that is the revision's to say (``briefbot doctor``: "schema at 0010,
        migrations at 0018", which ``--repair`` migrates), not a damaged table.
        """
        from bot.storage.models import Base

        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
                found = [str(r[0]) for r in rows if str(r[0]).lower() != "ok"]
                keys = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                found += [f"foreign key check: {tuple(r)}" for r in keys[:20]]
                return found
            found = []
            present = set(inspect(conn).get_table_names())
            for table in Base.metadata.sorted_tables:
                if table.name not in present:
                    continue
                try:
                    conn.execute(text(f'SELECT count(*) FROM "{table.name}"'))
                except SQLAlchemyError as exc:
                    found.append(f"{table.name}: {str(exc).splitlines()[0]}")
                    conn.rollback()
            return found

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({self.name})"

    @contextmanager
    def migration_connection(self) -> Iterator[Connection]:
        """A connection for running migrations, so that processes starting at once take
        turns: SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock (held until done)."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn.execution_options(**{_SQLITE_BEGIN: "BEGIN IMMEDIATE"})
            if conn.dialect.name != "postgresql":
                yield conn
                return
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": PG_MIGRATION_LOCK})
            conn.commit()  # a session lock: the migration's own transaction begins after it
            try:
                yield conn
            finally:
                try:
                    if conn.in_transaction():
                        conn.rollback()
                    conn.execute(
                        text("SELECT pg_advisory_unlock(:key)"), {"key": PG_MIGRATION_LOCK}
                    )
                    conn.commit()
                except SQLAlchemyError:
                    conn.invalidate()  # never pool a connection that may still hold the lock

    # -- internals --------------------------------------------------------------------------
    def _check_known_revision(self) -> str | None:
        """The current revision; a clear error if it is one this bot does not know."""
        from alembic.util import CommandError

        current = self.current_revision()
        if current is None:
            return None
        script = _known_scripts(str(MIGRATIONS_DIR))
        try:
            script.get_revision(current)
        except CommandError:
            raise DatabaseError(
                f"{self.name} has schema revision {current!r}, which this version of the bot "
                f"does not know (newest known: {head_revision()!r}); it was probably "
                "written by a newer version: upgrade the bot or restore a backup"
            ) from None
        return current

    @contextmanager
    def _errors(self, action: str, *, migrating: bool = False) -> Iterator[None]:
        """Turn database failures (while migrating: any failure) into a DatabaseError."""
        from alembic.util import CommandError

        dbapi_error: type[BaseException] = getattr(
            self.engine.dialect.loaded_dbapi, "Error", sqlite3.Error
        )
        expected = (SQLAlchemyError, CommandError, OSError, sqlite3.Error, dbapi_error)
        try:
            yield
        except DatabaseError as exc:
            if self.name in str(exc):
                raise
            raise DatabaseError(f"{action} {self.name}: {exc}") from exc
        except expected as exc:
            raise DatabaseError(f"{action} {self.name}: {_hint(exc)}") from exc
        except Exception as exc:
            if not migrating:
                raise
            raise DatabaseError(
                f"{action} {self.name}: a migration failed ({type(exc).__name__}: {exc}); "
                "its transaction was rolled back"
            ) from exc


def _prepare_sqlite_file(path: Path) -> None:
    """Create the folder; refuse early, with a clear message, what SQLite would trip over."""
    if path.is_dir():
        raise DatabaseError(f"database file {path} is a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DatabaseError(f"cannot create the folder of database file {path}: {reason}") from exc
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseError(
            f"the folder of database file {path} is not writable "
            "(SQLite keeps its -wal and -shm files next to the database)"
        )
    if not path.exists():
        return
    if not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseError(f"database file {path} is not readable and writable by this user")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"cannot read database file {path}: {exc.strerror or exc}") from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseError(
            f"database file {path} is not a SQLite database (damaged, or another kind of file): "
            "restore a backup or move it away to start with an empty database"
        )
