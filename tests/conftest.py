"""Shared fixtures: settings pointing at temporary folders, a built engine, the indicator
table and key-target extraction over a text."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Settings

BUNDLED_CORPUS = PROJECT_ROOT / "corpus"
# the real documents of both splits (tests/data/real): the relevance set's corpus
REAL_DOCS = PROJECT_ROOT / "tests" / "data" / "real" / "docs"

# A query's typo correction stops after 0.5 s of wall time in production (a backstop
# behind its work counters). On a loaded CI machine that clock would make a test's reply
# depend on the load, so the suite gives it a minute (through the settings: an engine the
# tests open reads it; a bare ``Budget()`` keeps the production default, so a test that
# builds one takes the engine's limits instead); the counters still bound the work and
# tests/test_search_budget.py tests the clock with a fake one.
os.environ.setdefault("BRIEFBOT_SEARCH_TIME_BUDGET_SECONDS", "60")

# The tests see no terminal size from outside: pytest-xdist's workers start with
# COLUMNS=80 and a developer's shell may export it, and the command line reads it once
# (at import) to choose how wide its piped tables are. A test that wants a width says so.
for _name in ("COLUMNS", "LINES"):
    os.environ.pop(_name, None)

# Every process the tests start (``briefbot`` commands, the bot, the MCP server, their
# helpers) imports the project. An environment that keeps no bytecode
# (PYTHONDONTWRITEBYTECODE) makes each of them compile every module again, 0.5-0.8 s of CPU
# a process: theirs is kept instead outside the checkout, in one folder all the test
# processes share (the bytecode is checked against its source, as beside it).
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
    os.environ.setdefault(
        "PYTHONPYCACHEPREFIX",
        os.path.join(tempfile.gettempdir(), f"briefbot-test-pycache-{os.getuid()}"),
    )

# The end-to-end tests' fixture set: the fake Bot API server, engines, the application.
pytest_plugins = ("tests.e2e",)


def share_default_ssl_context() -> bool:
    """Make httpx hand every client of this process one default SSL context (certifi's CA
    bundle, as each client would load for itself) instead of a new one per client; whether
    httpx could be patched.

    Every application a test builds makes two httpx clients (python-telegram-bot's requests
    for the Bot API and for getUpdates), and each loaded the CA bundle into a new context:
    ~20 ms of CPU a client, ~40 ms an application, ~1,000 applications a run. The tests talk
    plain HTTP to 127.0.0.1 (the fake Bot API, local pages), so no context is ever used;
    one built by the same call, with the same arguments, is the same context. Only the
    default (``verify=True``, no client certificate) is shared; anything else is built as
    asked. The processes the tests start build their own."""
    try:
        from httpx import _config
        from httpx._transports import default as transports
    except ImportError:
        return False
    build = getattr(transports, "create_ssl_context", None)
    if build is not _config.create_ssl_context:  # another httpx, or patched already
        return False
    shared: dict[tuple[bool, str | None, str | None], object] = {}

    @functools.wraps(build)
    def create_ssl_context(verify=True, cert=None, trust_env=True):
        if verify is not True or cert is not None:
            return build(verify=verify, cert=cert, trust_env=trust_env)
        # the environment variables httpx reads for the default context, in the key
        key = (
            trust_env,
            os.environ.get("SSL_CERT_FILE") if trust_env else None,
            os.environ.get("SSL_CERT_DIR") if trust_env else None,
        )
        if key not in shared:
            shared[key] = build(verify=True, trust_env=trust_env)
        return shared[key]

    transports.create_ssl_context = create_ssl_context
    return True


share_default_ssl_context()


def heavy_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """``items`` with the tests marked ``heavy`` first, each group in collection order."""
    return sorted(items, key=lambda item: item.get_closest_marker("heavy") is None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # xdist hands tests out in collection order: a test of a minute collected last would
    # leave one worker running it alone at the end of the run; first, it overlaps the rest.
    items[:] = heavy_first(items)


def make_settings(corpus: Path, data: Path, **extra) -> Settings:
    return Settings(corpus_dir=corpus, data_dir=data, **extra)


@pytest.fixture(scope="module")
def table():
    """The indicator table as shipped (``config/indicators.toml``); a module may define
    its own."""
    from bot.targets import IndicatorTable

    return IndicatorTable.load()


@pytest.fixture
def extract(tmp_path, table):
    """Key targets of a text, written to a file (``name``) and loaded as the corpus is."""
    from bot.corpus.loader import load_document
    from bot.targets import extract_targets

    def run(text: str, name: str = "doc.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        doc = load_document(path, tmp_path, max_bytes=10**7, passage_max_chars=400)
        return extract_targets(doc, table)

    return run


@functools.lru_cache(maxsize=2)
def load_reversed(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """The bilingual dictionary read backwards (``english_fallback.read_reversed``), once
    per path for the whole test run: reading CC-CEDICT takes a second or more."""
    from bot.text.english_fallback import read_reversed

    return read_reversed(path)


def engine_over(root: Path, docs: Mapping[str, str], *, tokenizer=None, **extra):
    """An engine over ``docs`` (file name -> text) written to ``root / "corpus"``, its data
    in ``root / "data"``; ``extra`` settings as for :func:`make_settings`, ``tokenizer`` a
    module's shared one (none: the engine loads its own)."""
    from bot.library import Engine

    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return Engine.open(make_settings(corpus, root / "data", **extra), tokenizer=tokenizer)


def first_hit(engine, query: str) -> str:
    """The text of ``engine``'s first hit for ``query`` (there must be one)."""
    hits = engine.search(query, page_size=3).hits
    assert hits, query
    return hits[0].text


def segmented(*words: str) -> list[tuple[str, int, int]]:
    """``words`` as the segmenter gives them: each with its start and end in their text."""
    out, pos = [], 0
    for w in words:
        out.append((w, pos, pos + len(w)))
        pos += len(w)
    return out


@pytest.fixture(scope="session")
def built_data(tmp_path_factory) -> Callable[[Path | tuple[Path, ...]], tuple[Path, Path]]:
    """``(corpus, data)``: a data folder indexed over ``source`` (a corpus folder, or files
    gathered into one), a private copy per call. Each corpus is indexed once per test run
    (the first xdist worker to ask builds it under a lock in the run's shared temporary
    folder, the others wait and copy) and its folder copied after: an index opened over
    the copy is fresh (same corpus, files and settings), so the engine serves it as
    built, and a test writing into its copy leaves the others' alone. The corpus itself
    is shared: read it, never write it."""
    import fcntl
    import hashlib

    from bot.library import Engine

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

    def copy(source: Path | tuple[Path, ...]) -> tuple[Path, Path]:
        root = shared / f"built-{hashlib.sha256(repr(source).encode()).hexdigest()[:12]}"
        corpus = root / "corpus" if isinstance(source, tuple) else source
        with open(f"{root}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when closed
            if not (root / "done").exists():
                shutil.rmtree(root, ignore_errors=True)  # a build cut short
                root.mkdir()
                if isinstance(source, tuple):
                    corpus.mkdir()
                    for path in source:
                        shutil.copy2(path, corpus / path.name)
                Engine.open(make_settings(corpus, root / "data"))
                (root / "done").touch()
        data = tmp_path_factory.mktemp("data")
        shutil.copytree(root / "data", data, dirs_exist_ok=True)
        return corpus, data

    return copy


@pytest.fixture(scope="session")
def bundled_engine(built_data):
    """An engine over the bundled corpus (built once per test session)."""
    from bot.library import Engine

    return Engine.open(make_settings(*built_data(BUNDLED_CORPUS)))


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A private, writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, target)
    return target


# -- database ----------------------------------------------------------------------------------
# Tests that take ``db`` or ``db_url`` run on SQLite and on PostgreSQL. ./test.sh starts a
# throwaway PostgreSQL server (scripts/test_postgres.sh) and names it in
# BRIEFBOT_TEST_PG_URL; every test gets a database of its own there. Without a server the
# PostgreSQL variants are skipped, and pytest's summary (-ra) says why.
DB_BACKENDS = ("sqlite", "postgresql")
PG_URL_ENV = "BRIEFBOT_TEST_PG_URL"
PG_SKIP_ENV = "BRIEFBOT_TEST_PG_SKIP"

sqlite_only = pytest.mark.parametrize("db_backend", ["sqlite"])
"""For tests of SQLite itself (files, pragmas): overrides the backend parameter."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class PostgresServer:
    """The test server: makes an empty database per test and drops it afterwards."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import NullPool

        self.url = make_url(url)
        self._admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._count = 0
        self._template: str | None = None

    def check(self) -> str:
        """The server's version; raises if it cannot be reached."""
        from sqlalchemy import text

        with self._admin.connect() as conn:
            return conn.execute(text("SHOW server_version")).scalar_one()

    @contextmanager
    def database(self, *, migrated: bool = False) -> Iterator[str]:
        """A new database (dropped at the end, open connections or not): its URL. Empty,
        or with ``migrated`` a copy of :meth:`migrated_template`."""
        from sqlalchemy import text

        template = self.migrated_template() if migrated else "template0"
        self._count += 1
        name = f"briefbot_test_{os.getpid()}_{self._count}"
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}" ENCODING \'UTF8\''))
        try:
            yield self._url_of(name)
        finally:
            self._drop(name)

    def migrated_template(self) -> str:
        """The name of a database migrated to the newest schema by ``Database.open``, made
        once per process: the ``db`` fixture's databases are copies of it."""
        from sqlalchemy import text

        from bot.storage.db import Database

        if self._template is None:
            name = f"briefbot_test_{os.getpid()}_migrated"
            with self._admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                conn.execute(text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"))
            Database.open(url=self._url_of(name)).close()  # no session left: copied next
            self._template = name
        return self._template

    def _url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _drop(self, name: str) -> None:
        from sqlalchemy import text

        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        if self._template is not None:
            self._drop(self._template)
        self._admin.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """The PostgreSQL server of the test run; skips the test if there is none."""
    url = os.environ.get(PG_URL_ENV)
    if not url:
        reason = os.environ.get(PG_SKIP_ENV) or f"{PG_URL_ENV} is not set (./test.sh starts one)"
        pytest.skip(f"no PostgreSQL server: {reason}")
    try:
        import psycopg  # noqa: F401 (the driver of postgresql+psycopg URLs)
    except ImportError:
        pytest.skip('no PostgreSQL driver: pip install "psycopg[binary]" (in the dev extra)')
    server = PostgresServer(url)
    try:
        server.check()
    except Exception as exc:
        server.close()
        pytest.fail(f"the PostgreSQL server at {PG_URL_ENV} cannot be reached: {exc}")
    yield server
    server.close()


@pytest.fixture(params=DB_BACKENDS)
def db_backend(request) -> str:
    """The database backend under test; ``sqlite_only`` narrows it to SQLite."""
    return request.param


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "data" / "briefbot.db"


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """A SQLite database file migrated to the newest schema by ``Database.open``, made once
    per process: the ``db`` fixture's databases are copies of it."""
    from bot.storage.db import Database

    path = tmp_path_factory.mktemp("migrated") / "briefbot.db"
    Database.open(url=sqlite_url(path)).close()
    # closing the last connection checkpoints the write-ahead log into the file and
    # removes it: the one file is the whole database
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def db_url(request, db_backend, db_path) -> Iterator[str]:
    """The URL of a new, empty database of the backend under test (SQLite: ``db_path``).

    For a test that takes ``db``, or is marked ``migrated_db`` (the bot's
    end-to-end tests, whose point is not the schema), the database is instead a copy of
    one migrated to the newest schema once per process (``migrated_sqlite``,
    ``PostgresServer.migrated_template``): opened as any database is (revision checked,
    ``upgrade`` run, finding nothing to do), it has the schema a migration from empty
    gives (the same migrations made it, on the same backend), without all of them run
    again for each test (about 0.03 s of CPU on SQLite, more with PostgreSQL's server).
    Migrations from empty are still run by the other tests that open their ``db_url``
    (the storage, migration and upgrade tests among them)."""
    migrated = "db" in request.fixturenames or bool(request.node.get_closest_marker("migrated_db"))
    if db_backend == "sqlite":
        if migrated:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(request.getfixturevalue("migrated_sqlite"), db_path)
        yield sqlite_url(db_path)
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    with server.database(migrated=migrated) as url:
        yield url


def utc_literal(db, when: str) -> str:
    """A UTC time as plain SQL in tests writes it: naive text on SQLite (how ``UTCDateTime``
    stores it there), with its offset on PostgreSQL (whose session time zone is not UTC)."""
    return when if db.engine.dialect.name == "sqlite" else f"{when}+00:00"


@pytest.fixture
def db(db_url):
    """The test's database, opened (so at the newest schema; see ``db_url``)."""
    from bot.storage.db import Database

    database = Database.open(url=db_url)
    yield database
    database.close()


class FakeClock:
    """A clock the test moves by hand (stores take ``clock=``)."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
