"""The database foundation: migrations, SQLite settings, errors, saved search queries."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from pydantic import ValidationError
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import make_url

import bot.storage.db
from bot.config import PROJECT_ROOT, Settings
from bot.storage import Database, DatabaseError, QueryStore, StoredQuery
from bot.storage.db import (
    MIGRATIONS_DIR,
    SQLITE_BUSY_TIMEOUT_MS,
    alembic_config,
    describe,
    head_revision,
    sqlite_foreign_keys_off,
)
from bot.storage.models import Base, SearchQuery
from bot.storage.queries import MemoryQueryStore, query_key
from tests.conftest import sqlite_only, sqlite_url, utc_literal

FIRST_REVISION = "0001"


@pytest.fixture
def store(db, clock) -> QueryStore:
    return QueryStore(db, clock=clock)


@pytest.fixture(params=["database", "memory"])
def either(request, db, clock) -> QueryStore | MemoryQueryStore:
    """The database store, then the in-memory one: they behave alike."""
    if request.param == "memory":
        return MemoryQueryStore(clock=clock)
    return QueryStore(db, clock=clock)


def revisions_in_order() -> list[str]:
    """Every revision, oldest first (history is linear: see test_history_is_linear)."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


# PostgreSQL's counterpart of sqlite_master: columns (with types, NOT NULL and defaults),
# constraints and indexes of the tables in the public schema.
PG_SCHEMA_SQL = """
SELECT c.relname || '.' || a.attnum || '.' || a.attname,
       format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
       || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT conrelid::regclass || ':' || conname, pg_get_constraintdef(oid)
FROM pg_constraint WHERE connamespace = 'public'::regnamespace
UNION ALL
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
ORDER BY 1
"""


def schema_sql(db: Database) -> list[tuple[str, str]]:
    """The whole schema as text, to compare before and after (SQLite or PostgreSQL)."""
    with db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            rows = conn.exec_driver_sql(PG_SCHEMA_SQL)
        else:
            rows = conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
            )
        return [(name, sql) for name, sql in rows]


# -- migrations ------------------------------------------------------------------------------
def test_open_creates_the_file_and_tables_at_head(db_url, db_path, db_backend):
    assert not db_path.parent.exists()
    with Database.open(url=db_url) as db:
        assert db_path.is_file() == (db_backend == "sqlite")
        tables = set(inspect(db.engine).get_table_names())
        assert {"alembic_version", "search_queries"} <= tables
        assert set(Base.metadata.tables) <= tables
        assert db.current_revision() == head_revision()


def test_upgrading_again_is_a_no_op(db_url):
    with Database.open(url=db_url) as db:
        key = QueryStore(db).save("碳达峰")
        before = schema_sql(db)
        assert before
        db.upgrade()
        db.upgrade("head")
        assert schema_sql(db) == before
    with Database.open(url=db_url) as db:  # a restart
        assert schema_sql(db) == before
        assert db.current_revision() == head_revision()
        assert QueryStore(db).load(key).text == "碳达峰"


def test_history_is_linear_and_migrations_are_self_contained():
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1, "several heads: rebase your migration's down_revision"
    revisions = revisions_in_order()
    assert revisions[0] == FIRST_REVISION
    for rev in script.walk_revisions():
        assert not isinstance(rev.down_revision, tuple | list), f"merge revision {rev.revision}"
        source = Path(rev.path).read_text(encoding="utf-8")
        assert "bot.storage.models" not in source.replace("do not import bot.storage.models", ""), (
            f"{rev.path} imports the models; write the types out"
        )
    for name in ("env.py", "script.py.mako"):
        assert (MIGRATIONS_DIR / name).is_file()


def test_models_match_migrations(db):
    """Changing a model without a migration fails here (see docs/MIGRATIONS.md)."""
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models and migrations differ; add a migration: {diff}"


def test_upgrade_step_by_step_keeps_rows_written_at_the_first_revision(db_url):
    """Rows of an old database survive every migration up to head."""
    db = Database(db_url)  # no automatic upgrade
    try:
        assert db.current_revision() is None
        db.upgrade(FIRST_REVISION)
        assert db.current_revision() == FIRST_REVISION
        rows = [
            (query_key("碳达峰 目标", None, "北京", 2025), "碳达峰 目标", None, "北京", 2025),
            (query_key("能耗", "abc123", None, None), "能耗", "abc123", None, None),
        ]
        with db.engine.begin() as conn:  # plain SQL for the 0001 schema, not today's models
            for key, query, doc, region, year in rows:
                conn.execute(
                    text(
                        "INSERT INTO search_queries "
                        "(key, text, doc, region, year, created_at, last_used_at) "
                        "VALUES (:key, :text, :doc, :region, :year, :at, :at)"
                    ),
                    {
                        "key": key,
                        "text": query,
                        "doc": doc,
                        "region": region,
                        "year": year,
                        "at": utc_literal(db, "2024-05-01 08:00:00.000000"),
                    },
                )

        def keys_and_texts() -> list[tuple[str, str]]:
            with db.engine.connect() as conn:
                return sorted(conn.execute(text("SELECT key, text FROM search_queries")).all())

        expected = sorted((key, query) for key, query, *_ in rows)
        later = revisions_in_order()[1:]
        for revision in later:
            db.upgrade(revision)
            assert db.current_revision() == revision
            assert keys_and_texts() == expected, f"rows lost by migration {revision}"
        db.upgrade()
        assert db.current_revision() == head_revision()
        store = QueryStore(db)
        for key, query, doc, region, year in rows:
            loaded = store.load(key)
            assert loaded is not None
            assert (loaded.text, loaded.doc, loaded.region, loaded.year) == (
                query,
                doc,
                region,
                year,
            )
            assert loaded.created_at == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    finally:
        db.close()


START_AND_PRINT_REVISION = """
import sys
from bot.storage import Database
sys.stdin.read()  # the go signal (stdin closed): every process has started by then
with Database.open(url=sys.argv[1]) as db:
    print(db.current_revision())
"""


@pytest.mark.heavy
def test_processes_starting_at_once_take_turns_migrating(db_url):
    """Several bots opening a new database at once: one migrates, the others wait and
    find it at head (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock)."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", START_AND_PRINT_REVISION, db_url],
            cwd=PROJECT_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for proc in procs:  # all go at once
        proc.stdin.close()
    revisions = []
    for proc in procs:  # (a few lines of output each: the pipes never fill up)
        assert proc.wait(timeout=60) == 0, proc.stderr.read()
        revisions.append(proc.stdout.read().strip())
        proc.stdout.close()
        proc.stderr.close()
    assert revisions == [head_revision()] * 3


def test_every_revision_downgrades_and_upgrades_again(db):
    QueryStore(db).save("x")
    revisions = revisions_in_order()
    for target in [*reversed(revisions[:-1]), "base"]:
        db.downgrade(target)
        assert db.current_revision() == (None if target == "base" else target)
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    db.upgrade()
    assert db.current_revision() == head_revision()
    assert "search_queries" in inspect(db.engine).get_table_names()


BROKEN_MIGRATION = """
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("search_queries", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))
    op.execute("DELETE FROM search_queries")
    raise RuntimeError("this migration is broken")


def downgrade():
    pass
"""


def test_a_failing_migration_leaves_the_database_as_it_was(db_url, tmp_path, monkeypatch):
    with Database.open(url=db_url) as db:
        key = QueryStore(db).save("升级前")
        before = schema_sql(db)
    head = head_revision()
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9001_broken.py").write_text(
        BROKEN_MIGRATION.format(head=head), encoding="utf-8"
    )
    monkeypatch.setattr(bot.storage.db, "MIGRATIONS_DIR", migrations)
    with pytest.raises(DatabaseError, match="this migration is broken") as excinfo:
        Database.open(url=db_url)
    assert describe(make_url(db_url)) in str(excinfo.value)
    monkeypatch.undo()
    with Database.open(url=db_url) as db:
        assert db.current_revision() == head
        assert schema_sql(db) == before
        assert QueryStore(db).load(key).text == "升级前"
        if db.engine.dialect.name == "sqlite":
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_an_unknown_newer_revision_is_refused_without_touching_the_data(db_url):
    with Database.open(url=db_url) as db:
        QueryStore(db).save("保留")
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseError) as excinfo:
        Database.open(url=db_url)
    message = str(excinfo.value)
    assert describe(make_url(db_url)) in message and "9999" in message and "newer" in message
    with Database(db_url) as db, db.engine.connect() as conn:
        assert conn.execute(text("SELECT text FROM search_queries")).scalar_one() == "保留"


# -- SQLite settings, sessions ---------------------------------------------------------------
@sqlite_only
def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(db):
    with db.engine.connect() as a, db.engine.connect() as b, db.engine.connect() as c:
        for conn in (a, b, c):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == SQLITE_BUSY_TIMEOUT_MS


@sqlite_only
def test_foreign_keys_are_suspended_for_migrations_and_restored(db):
    with db.migration_connection() as conn:
        raw = conn.connection.driver_connection
        with sqlite_foreign_keys_off(conn):
            assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_ddl_is_transactional_so_a_failed_migration_leaves_no_trace(db):
    with pytest.raises(RuntimeError), db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        conn.exec_driver_sql("ALTER TABLE search_queries ADD COLUMN junk TEXT")
        raise RuntimeError("migration failed")
    assert "half_done" not in inspect(db.engine).get_table_names()
    columns = {col["name"] for col in inspect(db.engine).get_columns("search_queries")}
    assert "junk" not in columns


def test_session_commits_on_success_and_rolls_back_on_error(db):
    now = datetime(2025, 1, 1, tzinfo=UTC)

    def row(key: str) -> SearchQuery:
        return SearchQuery(key=key, text=key, created_at=now, last_used_at=now)

    with db.session() as session:
        session.add(row("aaaa"))
    with pytest.raises(ValueError), db.session() as session:
        session.add(row("bbbb"))
        session.flush()
        raise ValueError("boom")
    with db.session() as session:
        assert list(session.scalars(select(SearchQuery.key))) == ["aaaa"]


def test_naive_datetimes_are_refused(db):
    with pytest.raises(Exception, match="naive"), db.session() as session:
        naive = datetime(2025, 1, 1)
        session.add(SearchQuery(key="cccc", text="x", created_at=naive, last_used_at=naive))


# -- errors ----------------------------------------------------------------------------------
def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "briefbot.db"
    path.write_text("这不是数据库\n" * 50, encoding="utf-8")
    with pytest.raises(DatabaseError, match=re.escape(str(path))) as excinfo:
        Database.open(url=sqlite_url(path))
    assert "not a SQLite database" in str(excinfo.value)


def test_a_damaged_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "briefbot.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)  # right header, garbage after
    with pytest.raises(DatabaseError, match=re.escape(str(path))) as excinfo:
        Database.open(url=sqlite_url(path))
    assert "not a database" in str(excinfo.value) or "malformed" in str(excinfo.value)


def test_an_unwritable_location_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    path = blocker / "briefbot.db"
    with pytest.raises(DatabaseError, match=re.escape(str(path))):
        Database.open(url=sqlite_url(path))
    folder = tmp_path / "folder.db"
    folder.mkdir()
    with pytest.raises(DatabaseError, match=re.escape(str(folder))):
        Database.open(url=sqlite_url(folder))


def test_an_unreachable_postgresql_server_gives_a_clear_error_without_the_password():
    pytest.importorskip("psycopg")
    url = "postgresql+psycopg://briefbot:s3cret@/briefbot?host=/nonexistent-briefbot-socket"
    with pytest.raises(DatabaseError) as excinfo:
        Database.open(url=url)
    message = str(excinfo.value)
    assert "postgresql+psycopg://briefbot:***@/briefbot" in message
    assert "nonexistent-briefbot-socket" in message
    assert "s3cret" not in message


def test_a_missing_driver_gives_a_clear_error_without_the_password():
    with pytest.raises(DatabaseError) as excinfo:
        Database("postgresql+nosuchdriver://briefbot:s3cret@localhost/briefbot")
    message = str(excinfo.value)
    assert "postgresql+nosuchdriver://briefbot:***@localhost/briefbot" in message
    assert "s3cret" not in message


# -- settings --------------------------------------------------------------------------------
def test_default_database_is_sqlite_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFBOT_DATABASE_URL", raising=False)
    settings = Settings(data_dir=tmp_path / "data")
    assert settings.database_url is None
    assert settings.database_file == tmp_path / "data" / "briefbot.db"
    with Database.open(settings) as db:
        assert db.path == settings.database_file
    assert settings.database_file.is_file()


def test_database_url_from_the_environment_is_honoured(tmp_path, monkeypatch):
    target = tmp_path / "elsewhere" / "state.db"
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", sqlite_url(target))
    settings = Settings(data_dir=tmp_path / "data")
    assert settings.database_url == sqlite_url(target)
    with Database.open(settings) as db:
        QueryStore(db).save("环境变量")
    assert target.is_file()
    assert not settings.database_file.exists()


def test_database_url_is_cleaned_and_checked(monkeypatch):
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", "  ")
    assert Settings().database_url is None
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", "sqlite:///var/state.db")  # relative
    assert Settings().database_url == f"sqlite:///{PROJECT_ROOT / 'var' / 'state.db'}"
    pg = "postgresql+psycopg://briefbot:secret@localhost:5432/briefbot"
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", pg)
    assert Settings().database_url == pg
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", "not a url")
    with pytest.raises(ValidationError, match="database_url"):
        Settings()


# -- QueryStore ------------------------------------------------------------------------------
def test_save_and_load_round_trip(store, clock):
    key = store.save("碳达峰 目标", doc="a1b2c3d4e5", region="北京", year=2025)
    assert re.fullmatch(r"[a-z2-7]{1,16}", key)
    assert len(f"p:{key}:999".encode()) <= 64
    loaded = store.load(key)
    assert loaded == StoredQuery(
        key=key,
        text="碳达峰 目标",
        doc="a1b2c3d4e5",
        region="北京",
        year=2025,
        created_at=clock.now,
        last_used_at=clock.now,
    )
    assert loaded.filters == {"doc": "a1b2c3d4e5", "region": "北京", "year": 2025}
    plain = store.load(store.save("能源"))
    assert plain.filters == {}
    assert (plain.doc, plain.region, plain.year) == (None, None, None)


def test_the_same_search_gets_the_same_key(db, store, clock):
    key = store.save("碳达峰", region="北京")
    clock.advance(days=1)
    assert store.save("碳达峰", region="北京") == key
    assert store.save("  碳达峰 ", region=" 北京 ", doc="") == key  # cleaned the same way
    assert QueryStore(db, clock=clock).save("碳达峰", region="北京") == key  # any instance
    others = {
        store.save("碳达峰"),
        store.save("碳达峰", region="上海"),
        store.save("碳达峰", region="北京", year=2025),
        store.save("碳达峰", doc="北京"),
        store.save("碳中和", region="北京"),
    }
    assert key not in others and len(others) == 5
    with db.session() as session:
        assert session.query(SearchQuery).filter_by(key=key).count() == 1
    loaded = store.load(key, touch=False)
    assert loaded.created_at == clock.now - timedelta(days=1)
    assert loaded.last_used_at == clock.now  # saving again counts as use


def test_keys_survive_a_restart(db_url, clock):
    with Database.open(url=db_url) as db:
        key = QueryStore(db, clock=clock).save("乡村振兴", year=2024)
    with Database.open(url=db_url) as db:
        loaded = QueryStore(db).load(key)
    assert (loaded.text, loaded.year) == ("乡村振兴", 2024)


@pytest.mark.parametrize(
    "key", ["", "zzzzzzzzzzzz", "ABCDEFGH", "a" * 17, "'; DROP TABLE x; --", None, 42]
)
def test_unknown_or_malformed_keys_load_as_none(either, key):
    either.save("something")
    assert either.load(key) is None


def test_the_memory_store_gives_the_database_stores_keys_and_values(db, clock):
    memory, database = MemoryQueryStore(clock=clock), QueryStore(db, clock=clock)
    key = memory.save("  乡村振兴 ", region="山东", doc=" ", year=2024)
    assert key == database.save("乡村振兴", region="山东", year=2024)
    got, want = memory.load(key), database.load(key)
    assert (got.text, got.filters) == (want.text, want.filters)
    assert got.filters == {"region": "山东", "year": 2024}


def test_the_memory_store_forgets_the_least_recently_used_beyond_its_bound(clock):
    memory = MemoryQueryStore(max_queries=2, clock=clock)
    first, second = memory.save("一"), memory.save("二")
    clock.advance(minutes=1)
    assert memory.load(first).last_used_at == clock()  # pressed: now the newest
    assert memory.load(second, touch=False).last_used_at < clock()
    third = memory.save("三")
    assert memory.load(second) is None
    assert [memory.load(k).text for k in (first, third)] == ["一", "三"]
    assert memory.save("一") == first and memory.load(first).created_at < clock()


def test_nul_characters_and_long_filters_behave_alike_on_every_backend(either):
    """PostgreSQL refuses U+0000 in text and values longer than a VARCHAR; SQLite takes
    both. Both backends drop the NUL and refuse the long filter with the same error
    (and so does the in-memory store)."""
    store = either
    key = store.save("乡村\x00振兴", region="山\x00东")
    loaded = store.load(key)
    assert (loaded.text, loaded.region) == ("乡村振兴", "山东")
    assert store.save("乡村振兴", region="山东") == key
    assert store.load(store.save("x", doc="d" * 255)).doc == "d" * 255
    for name in ("doc", "region"):
        with pytest.raises(ValueError, match=f"{name} must be at most 255 characters"):
            store.save("x", **{name: "省" * 256})


def test_column_types_refuse_what_postgresql_would(db, clock):
    """The safety net under the stores: a value too long for its column is refused on
    SQLite as on PostgreSQL, and NUL characters are dropped on both."""
    now = clock()
    with pytest.raises(Exception, match="longer than its column"), db.session() as session:
        session.add(SearchQuery(key="k" * 17, text="x", created_at=now, last_used_at=now))
    with db.session() as session:
        session.add(SearchQuery(key="dddd", text="a\x00b", created_at=now, last_used_at=now))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT text FROM search_queries")).scalar_one() == "ab"


def test_save_rejects_wrong_types(either):
    store = either
    with pytest.raises(TypeError):
        store.save(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.save("x", year="2025")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.save("x", year=True)


def test_prune_forgets_searches_not_used_recently(store, clock):
    old = store.save("旧的")
    clock.advance(days=10)
    used = store.save("常用")
    clock.advance(days=10)
    touched = store.save("点过")
    clock.advance(days=25)
    assert store.load(touched) is not None  # a button press keeps it alive
    clock.advance(days=1)
    assert store.prune(timedelta(days=30)) == 2
    assert store.load(old) is None and store.load(used) is None
    assert store.load(touched) is not None
    assert store.prune(timedelta(days=30)) == 0
    with pytest.raises(ValueError):
        store.prune(timedelta(days=-1))


def test_concurrent_saves_from_threads(store):
    barrier = threading.Barrier(4)

    def work(i: int) -> str:
        if i < 4:
            barrier.wait()
        return store.save(f"查询 {i % 5}")

    with ThreadPoolExecutor(max_workers=4) as pool:
        keys = list(pool.map(work, range(20)))
    assert len(set(keys)) == 5
    assert all(store.load(key) is not None for key in keys)


def test_database_password_never_shows_in_the_settings_repr(monkeypatch):
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", "postgresql+psycopg://bot:hunter2@db:5432/bb")
    settings = Settings()
    assert settings.database_url.endswith("@db:5432/bb")
    assert "hunter2" not in repr(settings) and "hunter2" not in str(settings)


def test_loading_a_saved_search_takes_no_write_lock_and_touches_it_once_an_hour(store, db, clock):
    """A button press read its search in a write transaction (``BEGIN IMMEDIATE`` on
    SQLite: the database's write lock, waited for behind every other writer) whether it
    wrote or not. It reads read-only, and writes the last-used time, in its own short
    write, only when it is an hour old."""
    from sqlalchemy import event

    key = store.save("地区生产总值")
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement.strip().upper())

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        clock.advance(minutes=30)
        assert store.load(key).last_used_at == clock() - timedelta(minutes=30)
        assert not [s for s in statements if "IMMEDIATE" in s or s.startswith("UPDATE")]
        clock.advance(minutes=31)
        assert store.load(key).last_used_at == clock()
        assert [s for s in statements if s.startswith("UPDATE")] != []
        statements.clear()
        assert store.load(key).last_used_at == clock()  # written: read back as now
        assert not [s for s in statements if "IMMEDIATE" in s or s.startswith("UPDATE")]
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
