"""Shared fixtures: settings pointing at temporary folders, a built engine."""

from __future__ import annotations

import shutil
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Settings

BUNDLED_CORPUS = PROJECT_ROOT / "corpus"


def make_settings(corpus: Path, data: Path, **extra) -> Settings:
    return Settings(corpus_dir=corpus, data_dir=data, **extra)


@pytest.fixture(scope="session")
def bundled_engine(tmp_path_factory):
    """An engine over the bundled corpus (built once per test session)."""
    from bot.library import Engine

    data = tmp_path_factory.mktemp("data")
    return Engine.open(make_settings(BUNDLED_CORPUS, data))


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A private, writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, target)
    return target


# -- database ----------------------------------------------------------------------------------
def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "data" / "briefbot.db"


@pytest.fixture
def db(db_path):
    from bot.storage.db import Database

    database = Database.open(url=sqlite_url(db_path))
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


# -- the Telegram application ------------------------------------------------------------------
@asynccontextmanager
async def serving(app):
    """Start ``app`` polling its (fake) Bot API server and stop it afterwards, in the order
    ``Application.run_polling()`` uses, hooks included."""
    await app.initialize()
    try:
        await app.post_init(app)
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            await app.post_stop(app)
    finally:
        await app.shutdown()
        await app.post_shutdown(app)
