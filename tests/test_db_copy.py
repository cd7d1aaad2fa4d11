"""``briefbot db copy``: the whole state moved to another database, SQLite to SQLite and,
with the test run's PostgreSQL server, SQLite to PostgreSQL and back (db-copy lane).

Every table is filled through the product's own stores, and every row is compared after
the copy (aware datetimes, booleans and JSON text as they were); refusals leave both
databases as they were.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import select, text
from typer.testing import CliRunner

from bot.admin.audit import AuditLog
from bot.admin.runtime import RuntimeSettingsStore
from bot.admin.store import AdminStore
from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.home import home_by_code, resolve_home
from bot.sources.store import Health, SourceStore
from bot.storage import Database, QueryStore
from bot.storage.db import head_revision
from bot.storage.home_regions import HomeRegionStore
from bot.storage.languages import LanguageStore
from bot.storage.models import Base
from bot.subscriptions import SubscriptionStore, parse_schedule
from bot.subscriptions.broadcasts import BroadcastStore
from bot.subscriptions.records import Payload
from briefbot.cli import app
from tests.conftest import sqlite_url

SLOT = datetime(2026, 3, 5, 0, 30, tzinfo=UTC)
GROUP, CHANNEL, USER = -1001234567890, -1009876543210, 4242


@pytest.fixture(autouse=True)
def _configured_nothing(monkeypatch):
    monkeypatch.delenv("BRIEFBOT_DATABASE_URL", raising=False)


@pytest.fixture(scope="module")
def filled(tmp_path_factory, migrated_sqlite) -> Path:
    """A SQLite file filled by :func:`fill` once per module (migrations and stores are what
    take time); each test copies it (:func:`source_file`)."""
    path = tmp_path_factory.mktemp("filled") / "briefbot.db"
    shutil.copyfile(migrated_sqlite, path)
    fill(sqlite_url(path))
    return path


REMOVED_SUBSCRIPTION = 3  # the id fill() removes: the highest, never to be handed out again


def source_file(filled: Path, path: Path) -> str:
    """A copy of the filled database at ``path``: its URL."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(filled, path)
    return sqlite_url(path)


def empty_target(migrated_sqlite: Path, path: Path) -> str:
    """An empty database at the newest schema (what the copy migrates a new file to)."""
    return source_file(migrated_sqlite, path)


def fill(url: str) -> None:
    """Realistic rows in every table, written by the stores the bot writes them with; the
    highest subscription is removed (its number is never to be handed out again)."""
    with Database.open(url=url) as db:
        subs = SubscriptionStore(db)
        daily = parse_schedule("07:30", default_time="08:00")
        weekly = parse_schedule("mon 09:00", default_time="08:00")
        group = subs.create(
            GROUP,
            "supergroup",
            "县融媒体中心",
            USER,
            "region:四川 GDP",
            daily,
            "Asia/Shanghai",
            quiet_when_empty=True,
            thread_id=12,  # subscribed in a forum topic
        )
        channel = subs.create(
            CHANNEL, "channel", "政策速递 ✨", USER, "粮食产量", weekly, "America/New_York"
        )
        gone = subs.create(USER, "private", None, USER, "", daily, "Europe/Berlin")
        subs.remove(USER, gone.id)
        subs.pause(channel.id)
        subs.set_timezone(GROUP, "Asia/Shanghai")
        subs.claim_slot(group.id, SLOT, Payload(("📊 四川 GDP\n第一条", "第二条"), SLOT))
        subs.record_sent(group.id, SLOT, 501)
        subs.finish_delivery(group.id, SLOT, "sent", [501, 502])
        subs.claim_slot(channel.id, SLOT, status="failed", error="Forbidden: bot was kicked")
        BroadcastStore(db).create(SLOT, [group.id, channel.id], chat_id=USER, reply_to=77)
        admins = AdminStore(db, owners=[1])
        admins.add(USER, username="editor", added_by=1, added_by_name="@boss")
        admins.add(5150, added_by=USER, added_by_name="王 编辑")
        AuditLog(db).record(1, "admin add", chat_id=USER, detail="added @editor")
        AuditLog(db).record(USER, "config set", detail="digest_cap 7", result="refused")
        RuntimeSettingsStore(db).set("digest_cap", 7, 1)
        RuntimeSettingsStore(db).set("default_timezone", "Asia/Urumqi", 1)
        LanguageStore(db).set("user", USER, "en", by=USER)
        LanguageStore(db).set("chat", GROUP, "zh", by=USER)
        gazetteer = default_gazetteer()
        HomeRegionStore(db, partial(home_by_code, gazetteer=gazetteer)).set(
            GROUP, resolve_home("苍溪县", gazetteer), by=USER
        )
        QueryStore(db).save("粮食产量 目标", region="四川", year=2024)
        QueryStore(db).save("GDP 增长", doc="national_china_2024_gwr")
        sources = SourceStore(db)
        feed = sources.add("gov-sc", "https://www.sc.gov.cn/rss.xml", every_seconds=21600)
        sources.add("folder", "/srv/inbox", kind="folder", every_seconds=600, match="报告")
        sources.record_poll(
            feed.id,
            Health(
                consecutive_failures=2,
                last_error_code="timeout",
                last_error_detail="slow",
                alerted=True,
                success=False,
            ),
        )
        sources.record_item(
            feed.id,
            "https://www.sc.gov.cn/a.html",
            "ingested",
            content_hash="ab" * 32,
            doc_id="sc_2024_gwr",
            filename="a.html",
        )
        sources.record_item(feed.id, "https://www.sc.gov.cn/b.pdf", "failed", reason="empty")
    assert gone.id == REMOVED_SUBSCRIPTION


def rows(url: str) -> dict[str, list[dict]]:
    """Every row of every table, in key order, as the models' types read them."""
    with Database(url) as db, db.engine.connect() as conn:
        return {
            table.name: [
                dict(r._mapping)
                for r in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def copy(*args: str, data_dir: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--data-dir", str(data_dir), "db", "copy", *args])
    return result.exit_code, " ".join(result.output.split())


def assert_same(source: str, target: str) -> None:
    before, after = rows(source), rows(target)
    assert all(before[name] for name in before), [n for n in before if not before[n]]
    assert after == before
    sub = after["subscriptions"][0]
    assert sub["created_at"].tzinfo is not None and sub["quiet_when_empty"] is True
    assert json.loads(after["broadcasts"][0]["subscription_ids"]) == [1, 2]


def assert_next_numbers_follow(url: str) -> None:
    """Later inserts in the copy take new numbers: no collision with a copied key, and a
    removed subscription's number is not handed out again."""
    daily = parse_schedule("08:00", default_time="08:00")
    with Database.open(url=url) as db:
        sub = SubscriptionStore(db).create(GROUP, "supergroup", None, USER, "", daily, "UTC")
        assert sub.id == REMOVED_SUBSCRIPTION + 1
        SourceStore(db).add("third", "https://example.org/feed", every_seconds=3600)
        AuditLog(db).record(1, "admin add", detail="after the copy")
        BroadcastStore(db).create(SLOT, [sub.id], chat_id=USER)


def test_sqlite_to_a_new_sqlite_file_copies_every_row_and_keeps_numbers(tmp_path, filled):
    source, target = source_file(filled, tmp_path / "a.db"), sqlite_url(tmp_path / "bak" / "b.db")
    code, said = copy("--from", source, "--to", target, data_dir=tmp_path / "data")
    assert code == 0, said
    assert "subscriptions │ 2" in said and "deliveries │ 2" in said and "counts verified" in said
    assert_same(source, target)
    assert_next_numbers_follow(target)


def test_the_configured_database_is_the_default_source_and_json_says_counts(
    tmp_path, filled, migrated_sqlite
):
    data = tmp_path / "data"
    source_file(filled, data / "briefbot.db")
    target = empty_target(migrated_sqlite, tmp_path / "b.db")
    code, said = copy("--to", target, "--json", data_dir=data)
    assert code == 0, said
    report = json.loads(said)
    assert report["tables"]["admins"] == 2 and report["tables"]["source_items"] == 2
    assert (
        report["rows"] == sum(report["tables"].values()) and report["revision"] == head_revision()
    )
    assert report["source"] == f"database file {data / 'briefbot.db'}"


def test_a_target_holding_rows_is_refused_untouched_and_replace_never_merges(
    tmp_path, filled, migrated_sqlite
):
    source = source_file(filled, tmp_path / "a.db")
    target = empty_target(migrated_sqlite, tmp_path / "b.db")
    with Database.open(url=target) as db:
        AdminStore(db, owners=[]).add(999, username="old", added_by=None)
        QueryStore(db).save("旧的搜索")
    kept = rows(target)
    code, said = copy("--from", source, "--to", target, data_dir=tmp_path / "data")
    assert code == 1 and "already holds rows" in said and "--replace" in said
    assert rows(target) == kept
    code, said = copy("--from", source, "--to", target, "--replace", data_dir=tmp_path / "data")
    assert code == 0, said
    assert "replaced 2 rows" in said
    assert_same(source, target)  # the old admin and search are gone, not merged


def test_a_failed_copy_leaves_the_target_without_any_row(tmp_path, filled, migrated_sqlite):
    source = source_file(filled, tmp_path / "a.db")
    target = empty_target(migrated_sqlite, tmp_path / "b.db")
    with Database(source) as db, db.engine.begin() as conn:
        # a row another tool wrote, which PostgreSQL would refuse: the column holds 64
        conn.execute(text("UPDATE sources SET name = :n WHERE name = 'folder'"), {"n": "x" * 80})
    code, said = copy("--from", source, "--to", target, data_dir=tmp_path / "data")
    assert code == 1 and "rolled back" in said and "longer than its column" in said
    assert not any(rows(target).values())


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("mysql://bot:s3cret@db/briefbot", "SQLite and PostgreSQL"),
        ("postgres://bot:s3cret@db/briefbot", "postgresql+psycopg://"),
        ("not a url", "not a database URL"),
        ("sqlite://", "in-memory"),
    ],
)
def test_a_target_url_the_bot_cannot_use_is_a_usage_error_with_the_password_masked(
    tmp_path, url, why
):
    code, said = copy("--from", sqlite_url(tmp_path / "a.db"), "--to", url, data_dir=tmp_path)
    assert code == 2 and why in said and "s3cret" not in said
    assert not (tmp_path / "a.db").exists()


def test_the_same_database_and_a_missing_source_file_are_refused_creating_nothing(tmp_path):
    source = sqlite_url(tmp_path / "a.db")
    code, said = copy("--from", source, "--to", source, data_dir=tmp_path / "data")
    assert code == 2 and "same" in said
    missing = tmp_path / "nowhere" / "none.db"
    code, said = copy(
        "--from",
        sqlite_url(missing),
        "--to",
        sqlite_url(tmp_path / "b.db"),
        data_dir=tmp_path / "data",
    )
    assert code == 1 and str(missing) in said
    assert not missing.parent.exists() and not (tmp_path / "b.db").exists()


def test_an_unreachable_server_is_said_without_its_password(tmp_path, filled):
    source = source_file(filled, tmp_path / "a.db")
    kept = rows(source)
    code, said = copy(
        "--from",
        source,
        "--to",
        "postgresql+psycopg://bot:s3cret@127.0.0.1:1/bb",
        data_dir=tmp_path / "data",
    )
    assert code == 1 and "bot:***@127.0.0.1:1/bb" in said and "s3cret" not in said
    assert rows(source) == kept
    target = tmp_path / "b.db"
    code, said = copy(
        "--from", "postgresql+psycopg://bot:s3cret@127.0.0.1:1/bb", "--to", sqlite_url(target),
        data_dir=tmp_path / "data",
    )  # fmt: skip
    assert code == 1 and "bot:***@127.0.0.1:1/bb" in said and "s3cret" not in said
    assert not target.exists()


def test_a_source_behind_the_newest_schema_is_refused_not_migrated(tmp_path):
    source, target = tmp_path / "old.db", tmp_path / "b.db"
    old = Database(sqlite_url(source))
    old.upgrade("0016")
    old.close()
    code, said = copy(
        "--from", sqlite_url(source), "--to", sqlite_url(target), data_dir=tmp_path / "data"
    )
    assert code == 1 and "0016" in said and "doctor --repair" in said
    with Database(sqlite_url(source)) as db:
        assert db.current_revision() == "0016"
    assert not target.exists()


def test_a_target_of_a_newer_bot_is_refused_untouched(tmp_path, filled, migrated_sqlite):
    source = source_file(filled, tmp_path / "a.db")
    target = empty_target(migrated_sqlite, tmp_path / "b.db")
    with Database(target) as db, db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    code, said = copy("--from", source, "--to", target, "--replace", data_dir=tmp_path / "data")
    assert code == 1 and "9999" in said and "newer version" in said
    with Database(target) as db:
        assert db.current_revision() == "9999"
    assert not any(rows(target).values())


# -- PostgreSQL (the server ./test.sh starts; skipped without one) ---------------------------
def test_sqlite_to_postgresql_and_back_keeps_every_row_and_numbers(tmp_path, filled, postgres):
    source, back = source_file(filled, tmp_path / "a.db"), sqlite_url(tmp_path / "back.db")
    with postgres.database() as pg:
        code, said = copy("--from", source, "--to", pg, data_dir=tmp_path / "data")
        assert code == 0, said
        assert_same(source, pg)
        code, said = copy("--from", pg, "--to", back, data_dir=tmp_path / "data")
        assert code == 0, said
        assert_same(pg, back)
        assert_next_numbers_follow(pg)
    assert_next_numbers_follow(back)


def test_postgresql_target_with_rows_is_refused_and_replaced_on_request(tmp_path, filled, postgres):
    source = source_file(filled, tmp_path / "a.db")
    with postgres.database(migrated=True) as pg:
        with Database.open(url=pg) as db:
            AdminStore(db, owners=[]).add(999, username="old", added_by=None)
        code, said = copy("--from", source, "--to", pg, data_dir=tmp_path / "data")
        assert code == 1 and "admins 1" in said
        code, said = copy("--from", source, "--to", pg, "--replace", data_dir=tmp_path / "data")
        assert code == 0, said
        assert_same(source, pg)
