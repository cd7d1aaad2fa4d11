"""Retention (issue 14, #10): saved searches and the audit log are pruned, at start and
then daily, after ``saved_search_days`` and ``audit_log_days``."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.admin import AuditLog
from bot.admin.retention import prune_storage
from bot.config import Settings
from bot.library import Engine
from bot.storage import Database, QueryStore
from bot.storage.models import utcnow
from fake_telegram import FakeBotApi
from handlers.context import services_of
from tests.e2e import running


def _at(days_ago: float):
    return lambda: utcnow() - timedelta(days=days_ago)


def _old_and_new(db: Database) -> tuple[str, str]:
    """An old and a recent saved search and audit entry; the keys of the searches."""
    old = QueryStore(db, clock=_at(400)).save("地区生产总值")
    new = QueryStore(db, clock=_at(1)).save("乡村振兴")
    AuditLog(db, clock=_at(400)).record(1, "config set", detail="old")
    AuditLog(db, clock=_at(1)).record(1, "config set", detail="new")
    return old, new


def test_prune_storage_keeps_what_is_within_the_retention(db: Database) -> None:
    old, new = _old_and_new(db)
    queries, audit = QueryStore(db), AuditLog(db)
    settings = Settings.model_construct(saved_search_days=30, audit_log_days=365)
    assert prune_storage(queries, audit, settings) == (1, 1)
    assert queries.load(old) is None and queries.load(new) is not None
    assert [e.detail for e in audit.latest(10)] == ["new"]
    assert prune_storage(queries, audit, settings) == (0, 0)


@pytest.mark.parametrize("key", ["saved_search_days", "audit_log_days"])
def test_retention_settings_have_bounds(key: str) -> None:
    from bot.admin.runtime import SettingError, parse_value

    assert parse_value(key, "7") == 7
    for raw in ("0", "-1", "100000", "1.5"):
        with pytest.raises(SettingError):
            parse_value(key, raw)


async def test_the_bot_prunes_at_start_and_then_on_schedule(
    server: FakeBotApi, bundled_engine: Engine, db_url: str, monkeypatch
) -> None:
    from handlers import app as app_module

    monkeypatch.setattr(app_module, "PRUNE_INTERVAL_SECONDS", 0.2)
    with Database.open(url=db_url) as database:
        old, new = _old_and_new(database)
        queries = QueryStore(database)
        async with running(server, bundled_engine, query_store=queries, database=database) as app:
            audit = services_of(app).audit
            for _ in range(100):
                # saved searches and the audit log are pruned one after the other
                pruned = [e.detail for e in audit.latest(10)] == ["new"]
                if queries.load(old, touch=False) is None and pruned:
                    break
                await asyncio.sleep(0.05)
            assert queries.load(old, touch=False) is None
            assert queries.load(new, touch=False) is not None
            assert [e.detail for e in services_of(app).audit.latest(10)] == ["new"]
            # Later: what has grown old since is pruned by the next round.
            later = QueryStore(database, clock=_at(31)).save("营商环境")
            for _ in range(100):
                if queries.load(later, touch=False) is None:
                    break
                await asyncio.sleep(0.05)
            assert queries.load(later, touch=False) is None
        tasks = services_of(app).background
        assert tasks and all(t.done() for t in tasks)  # stopped with the bot
