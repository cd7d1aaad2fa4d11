"""Live sources in the database: the store, intervals, names, and migration 0007."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from bot.sources.store import (
    Health,
    SourceError,
    SourceStore,
    format_every,
    parse_every,
)
from bot.storage.db import Database
from tests.conftest import utc_literal


@pytest.fixture
def store(db, clock) -> SourceStore:
    return SourceStore(db, clock=clock)


@pytest.mark.parametrize(
    ("text_", "seconds"),
    [("6h", 21600), ("30m", 1800), ("1d", 86400), ("90s", 90), ("1h30m", 5400), ("2 H", 7200)],
)
def test_intervals_are_read_and_written_back(text_, seconds):
    assert parse_every(text_) == seconds
    assert parse_every(format_every(seconds)) == seconds


@pytest.mark.parametrize("bad", ["", "6", "h", "6x", "6h junk", "-1h", "10s", "40d"])
def test_bad_intervals_are_coded_errors(bad):
    with pytest.raises(SourceError) as caught:
        parse_every(bad)
    assert caught.value.code in {"source.bad_interval", "source.interval_range"}


def test_add_get_list_pause_remove(store, clock):
    made = store.add("gov", "https://www.gov.cn/zhengce/", every_seconds=3600, match="报告")
    assert (made.name, made.kind, made.every_seconds, made.match, made.paused) == (
        "gov",
        "auto",
        3600,
        "报告",
        False,
    )
    assert made.created_at == clock.now
    assert store.get("gov") == made
    assert [s.name for s in store.list()] == ["gov"]
    assert store.set_paused("gov", True).paused
    assert not store.set_paused("gov", False).paused
    with pytest.raises(SourceError) as caught:
        store.add("gov", "https://example.org/", every_seconds=3600)
    assert caught.value.code == "source.name_taken"
    assert store.free_name("gov") == "gov-2"
    assert store.free_name("www.example.org/path") == "www.example.org-path"
    store.remove("gov")
    assert store.get("gov") is None
    with pytest.raises(SourceError) as caught:
        store.remove("gov")
    assert caught.value.code == "source.unknown"


@pytest.mark.parametrize("bad", ["", "a b", "x" * 65, "名/字"])
def test_bad_names_are_refused(store, bad):
    with pytest.raises(SourceError) as caught:
        store.add(bad, "https://example.org/", every_seconds=3600)
    assert caught.value.code == "source.bad_name"


def test_items_are_recorded_once_per_source_and_found_by_content(store):
    a = store.add("a", "https://a.example/", every_seconds=3600)
    b = store.add("b", "https://b.example/", every_seconds=3600)
    assert store.record_item(
        a.id, "https://a.example/1", "ingested", content_hash="k1", doc_id="d1", filename="x.txt"
    )
    assert not store.record_item(a.id, "https://a.example/1", "failed", reason="again")
    assert store.record_item(b.id, "https://a.example/1", "duplicate", reason="same")
    assert store.record_item(a.id, "https://a.example/2", "failed", reason="http_status: 404")
    assert store.known_urls(a.id) == {"https://a.example/1", "https://a.example/2"}
    twin = store.find_hash("k1")
    assert twin is not None and (twin.doc_id, twin.filename) == ("d1", "x.txt")
    assert store.find_hash("nope") is None
    assert store.item_counts() == {a.id: {"ingested": 1, "failed": 1}, b.id: {"duplicate": 1}}
    assert [i.url for i in store.items(a.id)] == ["https://a.example/2", "https://a.example/1"]
    store.remove("a")  # its items go with it
    assert store.known_urls(a.id) == set()
    assert store.find_hash("k1") is None


def test_record_poll_writes_health_in_one_update(store, clock):
    src = store.add("a", "https://a.example/", every_seconds=3600)
    clock.advance(minutes=5)
    store.record_poll(
        src.id,
        Health(
            consecutive_failures=2,
            last_error_code="timeout",
            last_error_detail="x" * 900,
            alerted=True,
            success=False,
        ),
    )
    got = store.get("a")
    assert (got.consecutive_failures, got.last_error_code, got.alerted) == (2, "timeout", True)
    assert len(got.last_error_detail) == 500
    assert got.last_checked_at == clock.now and got.last_success_at is None
    assert got.failing
    clock.advance(minutes=5)
    store.record_poll(
        src.id,
        Health(
            consecutive_failures=0,
            last_error_code=None,
            last_error_detail=None,
            alerted=False,
            success=True,
            new_docs=True,
            kind="list",
            etag='"v1"',
            last_modified="Wed, 02 Dec 2026 08:00:00 GMT",
            validators=True,
            avg_article_chars=1200,
            last_links_count=7,
        ),
    )
    got = store.get("a")
    assert not got.failing
    assert (got.kind, got.etag, got.avg_article_chars, got.last_links_count) == (
        "list",
        '"v1"',
        1200,
        7,
    )
    assert got.last_success_at == got.last_new_doc_at == clock.now
    assert got.last_error_code is None


def test_migration_0007_keeps_an_0006_database_and_adds_the_source_tables(db_url):
    """An 0006 database with a subscription and a delivery upgrades without losing them;
    sources can be recorded afterwards, and a downgrade takes only the new tables away."""
    db = Database(db_url)
    try:
        db.upgrade("0006")
        at = utc_literal(db, "2025-03-01 00:00:00.000000")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO subscriptions (id, chat_id, chat_type, chat_title, created_by, "
                    "filter_text, schedule_kind, schedule_expr, timezone, quiet_when_empty, "
                    "active, paused, deactivated_reason, last_delivered_at, created_at, "
                    "updated_at) VALUES (1, 42, 'private', NULL, 7, 'GDP', 'daily', '08:00', "
                    "'Asia/Shanghai', FALSE, TRUE, FALSE, NULL, :at, :at, :at)"
                ),
                {"at": at},
            )
            conn.execute(
                text(
                    "INSERT INTO deliveries (subscription_id, slot, status, message_ids, error, "
                    "attempts, payload, created_at, updated_at, uncertain) VALUES "
                    "(1, :at, 'sent', '[5]', NULL, 1, NULL, :at, :at, 0)"
                ),
                {"at": at},
            )
            conn.execute(
                text(
                    "INSERT INTO admins (user_id, username, added_by, added_at) "
                    "VALUES (99, 'ann', 1, :at)"
                ),
                {"at": at},
            )
        db.upgrade("0007")
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT chat_id, filter_text FROM subscriptions")).one() == (
                42,
                "GDP",
            )
            assert conn.execute(text("SELECT message_ids FROM deliveries")).scalar() == "[5]"
            assert conn.execute(text("SELECT username FROM admins")).scalar() == "ann"
        store = SourceStore(db)
        src = store.add("gov", "https://www.gov.cn/", every_seconds=21600)
        assert store.record_item(src.id, "https://www.gov.cn/a", "ingested", content_hash="k")
        assert store.get("gov").consecutive_failures == 0
        db.downgrade("0006")
        tables = set(inspect(db.engine).get_table_names())
        assert "sources" not in tables and "source_items" not in tables
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM deliveries")).scalar() == 1
    finally:
        db.close()


class _Poller:
    """What SourceScheduler uses of a poller, without fetching anything."""

    def __init__(self, store: SourceStore) -> None:
        from bot.config import Settings
        from bot.sources.runtime import Runners

        self.store = store
        self.runners = Runners()
        self.settings = Settings
        self.polled: list[str] = []

    async def poll(self, source):
        self.polled.append(source.name if not isinstance(source, str) else source)
        return None

    async def close(self) -> None:
        return None


async def test_the_scheduler_runs_each_active_source_one_interval_after_its_last_poll(store):
    import random
    from datetime import UTC, datetime, timedelta

    from bot.sources.service import SourceScheduler

    fresh = store.add("fresh", "https://a.example/", every_seconds=3600)
    polled = store.add("polled", "https://b.example/", every_seconds=7200)
    store.record_poll(
        polled.id,
        Health(
            consecutive_failures=0,
            last_error_code=None,
            last_error_detail=None,
            alerted=False,
            success=True,
        ),
    )
    paused = store.add("paused", "https://c.example/", every_seconds=3600)
    store.set_paused("paused", True)
    poller = _Poller(store)
    scheduler = SourceScheduler(poller, rng=random.Random(1))
    await scheduler.start()
    try:
        now = datetime.now(UTC)
        first = scheduler.next_run(fresh.id)
        # one interval, and APScheduler's jitter: up to a tenth of it (6 minutes)
        assert now + timedelta(hours=1) <= first <= now + timedelta(hours=1, minutes=6, seconds=1)
        # the store's clock says it was polled on 2025-03-01: overdue, so within a minute
        # (and the jitter: 12 minutes for 2 hours)
        assert scheduler.next_run(polled.id) <= now + timedelta(minutes=13, seconds=1)
        assert scheduler.next_run(paused.id) is None
        resumed = await scheduler.set_paused("paused", False)
        assert scheduler.next_run(resumed.id) is not None
        await scheduler.set_paused("fresh", True)
        assert scheduler.next_run(fresh.id) is None
        assert await scheduler.fire(fresh.id) is None and poller.polled == []  # paused
        await scheduler.fire(polled.id)
        assert poller.polled == ["polled"]
        await scheduler.remove("polled")
        assert scheduler.next_run(polled.id) is None
    finally:
        await scheduler.stop()


def test_a_bad_regular_expression_is_refused(store):
    with pytest.raises(SourceError) as caught:
        store.add("re", "https://a.example/", every_seconds=3600, match="/[报告/")
    assert caught.value.code == "source.bad_match"
    assert store.add("ok", "https://a.example/", every_seconds=3600, match="/20\\d\\d年/").match
