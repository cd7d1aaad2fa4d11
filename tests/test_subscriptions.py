"""Subscriptions: schedule parsing, next fire times, the store, delivery slots, migration."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from apscheduler.triggers.cron import CronTrigger
from pydantic import ValidationError
from sqlalchemy import inspect, text

from bot.config import Settings
from bot.digest.filters import FilterError, format_filter, parse_filter
from bot.storage import Database, QueryStore
from bot.storage.db import head_revision
from bot.storage.models import Base, SubscriptionRow
from bot.storage.queries import query_key
from bot.subscriptions import (
    Schedule,
    ScheduleError,
    Subscription,
    SubscriptionStore,
    check_timezone,
    parse_schedule,
)
from bot.subscriptions.broadcasts import BroadcastStore
from bot.subscriptions.schedule import EXPR_MAX_CHARS
from tests.conftest import utc_literal

SHANGHAI = "Asia/Shanghai"
NEW_YORK = "America/New_York"


@pytest.fixture
def store(db, clock) -> SubscriptionStore:
    return SubscriptionStore(db, clock=clock)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def daily(expr: str = "08:00") -> Schedule:
    return parse_schedule(expr, default_time="08:00")


def make(store: SubscriptionStore, chat_id: int = 100, **kwargs) -> Subscription:
    args = {
        "chat_type": "private",
        "chat_title": None,
        "created_by": 7,
        "filter_text": "GDP",
        "schedule": daily(),
        "timezone": SHANGHAI,
    }
    args.update(kwargs)
    return store.create(chat_id, **args)


# -- parse_schedule ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "kind", "expr", "described"),
    [
        ("08:00", "daily", "08:00", "每天 08:00"),
        ("8:30", "daily", "08:30", "每天 08:30"),
        (" 23:59 ", "daily", "23:59", "每天 23:59"),
        ("0:00", "daily", "00:00", "每天 00:00"),
        ("０８：００", "daily", "08:00", "每天 08:00"),
        ("daily 08:00", "daily", "08:00", "每天 08:00"),
        ("Daily 7:05", "daily", "07:05", "每天 07:05"),
        ("every day 08:00", "daily", "08:00", "每天 08:00"),
        ("每天 08:00", "daily", "08:00", "每天 08:00"),
        ("每天8:00", "daily", "08:00", "每天 08:00"),
        ("每日 18:30", "daily", "18:30", "每天 18:30"),
        ("每天", "daily", "06:45", "每天 06:45"),  # default_time
        ("周一 09:00", "weekly", "mon 09:00", "每周一 09:00"),
        ("周一09:00", "weekly", "mon 09:00", "每周一 09:00"),
        ("星期一 9:00", "weekly", "mon 09:00", "每周一 09:00"),
        ("每周五 17:00", "weekly", "fri 17:00", "每周五 17:00"),
        ("周日 8:00", "weekly", "sun 08:00", "每周日 08:00"),
        ("星期天 8:00", "weekly", "sun 08:00", "每周日 08:00"),
        ("周三", "weekly", "wed 06:45", "每周三 06:45"),  # default_time
        ("mon 09:00", "weekly", "mon 09:00", "每周一 09:00"),
        ("MON 9:00", "weekly", "mon 09:00", "每周一 09:00"),
        ("Saturday 10:15", "weekly", "sat 10:15", "每周六 10:15"),
        ("weekly tue 08:00", "weekly", "tue 08:00", "每周二 08:00"),
        ("0 8 * * 1-5", "cron", "0 8 * * 1-5", "工作日（周一至周五）08:00"),
        ("0  8 * *   1-5", "cron", "0 8 * * 1-5", "工作日（周一至周五）08:00"),
        ("cron 30 7 1 * *", "cron", "30 7 1 * *", "每月1日 07:30"),
        ("0 8 1,15 * *", "cron", "0 8 1,15 * *", "cron 0 8 1,15 * *"),
        ("*/30 9-17 * * mon-fri", "cron", "*/30 9-17 * * mon-fri", "cron */30 9-17 * * mon-fri"),
    ],
)
def test_accepted_schedules(given, kind, expr, described):
    schedule = parse_schedule(given, default_time="06:45")
    assert (schedule.kind, schedule.expr, schedule.describe()) == (kind, expr, described)
    # the canonical form reads back to the same schedule (it is what the database stores)
    assert parse_schedule(schedule.expr, default_time="00:00") == schedule
    assert Schedule.from_stored(kind, expr) == schedule
    assert isinstance(schedule.trigger(SHANGHAI), CronTrigger)


def test_schedules_described_in_english():
    def en(text: str) -> str:
        return parse_schedule(text, default_time="06:45").describe("en")

    assert en("每天 8:00") == "daily at 08:00"
    assert en("周一 09:00") == "Mondays at 09:00" and en("星期天") == "Sundays at 06:45"
    assert en("0 8 * * 1-5") == "weekdays (Mon–Fri) at 08:00"
    assert en("每月1号 8:00") == "monthly on day 1 at 08:00"
    assert en("0 8 * * 1-4") == "cron 0 8 * * 1-4"
    # a day not in every month is said so (cron skips the months without it)
    assert en("每月31号 8:00") == "monthly on day 31 at 08:00 (none in a month without a day 31)"
    assert parse_schedule("每月30日 9:00", default_time="06:45").describe() == (
        "每月30日 09:00（没有30日的月份不推送）"
    )


@pytest.mark.parametrize(
    ("given", "needle"),
    [
        ("", "缺少时间安排"),
        ("   ", "schedule missing"),
        ("25:00", "超出范围"),
        ("8:60", "out of range"),
        ("mon 24:00", "超出范围"),
        ("周八 09:00", "周八"),
        ("星期八", "unknown weekday"),
        ("0 8 * * * *", "5"),
        ("0 8 * *", "got 4"),
        ("99 8 * * *", "invalid cron"),
        ("0 8 * * 9", "day-of-week"),
        ("0 8 * * 5-1", "day-of-week"),
        ("8", "not a time"),
        ("tomorrow", "unknown schedule"),
        ("每月 08:00", "unknown schedule"),
        ("mon 9:00 extra", "unknown schedule"),
        # longer than the column (PostgreSQL refuses it): every minute listed one by one
        (",".join(str(m) for m in range(60)) + " 8 * * *", "too long"),
    ],
)
def test_bad_schedules_are_explained_in_chinese_and_english(given, needle):
    with pytest.raises(ScheduleError) as excinfo:
        parse_schedule(given, default_time="08:00")
    message = str(excinfo.value)
    assert needle in message
    assert " / " in message  # Chinese / English
    assert isinstance(excinfo.value, ValueError)


def test_bad_default_time_is_reported():
    with pytest.raises(ScheduleError):
        parse_schedule("每天", default_time="24:00")


def test_stored_schedule_must_match_its_kind():
    with pytest.raises(ScheduleError):
        Schedule.from_stored("weekly", "08:00")


# -- time zones and next fire times --------------------------------------------------------
def test_check_timezone():
    assert check_timezone(" Asia/Shanghai ") == SHANGHAI
    for bad in ["Mars/Olympus", "", "  ", "../etc/passwd"]:
        with pytest.raises(ScheduleError):
            check_timezone(bad)
    with pytest.raises(ScheduleError, match="Mars"):
        daily().trigger("Mars/Olympus")
    with pytest.raises(ScheduleError):
        daily().next_fire(utc(2025, 1, 1), "Nowhere/Town")


def test_shanghai_eight_o_clock_is_midnight_utc():
    schedule = daily("08:00")
    fire = schedule.next_fire(utc(2024, 12, 31, 23, 59), SHANGHAI)
    assert fire == utc(2025, 1, 1, 0, 0)
    assert fire.utcoffset() == timedelta(hours=8)
    assert fire.tzinfo is not None and str(fire.tzinfo) == SHANGHAI
    # strictly after: a fire time is not its own next fire time
    assert schedule.next_fire(fire, SHANGHAI) == utc(2025, 1, 2, 0, 0)
    assert schedule.next_fire(fire - timedelta(microseconds=1), SHANGHAI) == fire


def test_next_fire_agrees_with_the_scheduler_trigger():
    schedule = parse_schedule("周一 09:00", default_time="08:00")
    after = utc(2025, 1, 1, 12)  # a Wednesday
    expected = schedule.trigger(SHANGHAI).get_next_fire_time(None, after)
    assert schedule.next_fire(after, SHANGHAI) == expected == utc(2025, 1, 6, 1, 0)


def test_new_york_across_the_dst_change():
    schedule = daily("08:00")
    # 2025-03-09: clocks go forward in New York (EST -5 -> EDT -4)
    before = schedule.next_fire(utc(2025, 3, 8, 0), NEW_YORK)
    assert before == utc(2025, 3, 8, 13, 0)
    after = schedule.next_fire(before, NEW_YORK)
    assert after == utc(2025, 3, 9, 12, 0)
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=23)  # real time
    assert after.astimezone(ZoneInfo(NEW_YORK)).hour == 8
    # and back in November (EDT -> EST): 25 hours between the slots
    first = schedule.next_fire(utc(2025, 11, 1, 0), NEW_YORK)
    second = schedule.next_fire(first, NEW_YORK)
    assert (first, second) == (utc(2025, 11, 1, 12), utc(2025, 11, 2, 13))


def test_cron_weekdays_follow_crontab_not_apscheduler_numbering():
    # APScheduler 3 counts weekdays from Monday = 0; crontab from Sunday = 0.
    friday = datetime(2025, 1, 3, 8, 0, tzinfo=ZoneInfo(SHANGHAI))
    workdays = parse_schedule("0 8 * * 1-5", default_time="08:00")
    assert workdays.next_fire(friday, SHANGHAI) == datetime(
        2025, 1, 6, 8, 0, tzinfo=ZoneInfo(SHANGHAI)
    )  # Monday, not Saturday
    sunday = parse_schedule("0 8 * * 0", default_time="08:00")
    assert sunday.next_fire(friday, SHANGHAI).weekday() == 6
    seven = parse_schedule("0 8 * * 7", default_time="08:00")
    assert seven.next_fire(friday, SHANGHAI) == sunday.next_fire(friday, SHANGHAI)
    weekend = parse_schedule("0 8 * * 6,0", default_time="08:00")
    days = []
    at = friday
    for _ in range(4):
        at = weekend.next_fire(at, SHANGHAI)
        days.append(at.weekday())
    assert days == [5, 6, 5, 6]
    every_other = parse_schedule("0 8 * * */2", default_time="08:00")  # Sun, Tue, Thu, Sat
    at, days = friday, set()
    for _ in range(8):
        at = every_other.next_fire(at, SHANGHAI)
        days.add(at.weekday())
    assert days == {6, 1, 3, 5}


def test_next_fire_refuses_naive_datetimes():
    with pytest.raises(ValueError, match="naive"):
        daily().next_fire(datetime(2025, 1, 1), SHANGHAI)


# -- settings ------------------------------------------------------------------------------
def test_subscription_defaults_in_settings(monkeypatch):
    settings = Settings()
    assert settings.default_timezone == SHANGHAI
    assert settings.default_digest_time == "08:00"
    monkeypatch.setenv("BRIEFBOT_DEFAULT_DIGEST_TIME", "7:30")
    assert Settings().default_digest_time == "07:30"
    monkeypatch.setenv("BRIEFBOT_DEFAULT_DIGEST_TIME", "25:00")
    with pytest.raises(ValidationError, match="default_digest_time"):
        Settings()
    monkeypatch.delenv("BRIEFBOT_DEFAULT_DIGEST_TIME")
    monkeypatch.setenv("BRIEFBOT_DEFAULT_TIMEZONE", "Mars/Olympus")
    with pytest.raises(ValidationError, match="default_timezone"):
        Settings()


# -- the store -----------------------------------------------------------------------------
def test_create_and_get(store, clock):
    schedule = parse_schedule("周一 09:00", default_time="08:00")
    sub = store.create(
        -1001,
        "supergroup",
        "  政策群 ",
        42,
        "GDP  +烟台   kind:all",
        schedule,
        " Asia/Shanghai ",
        quiet_when_empty=True,
    )
    assert sub.id > 0
    assert sub.filter_text == format_filter(parse_filter("GDP +烟台 kind:all"))
    assert sub.filter_text == "GDP +烟台 kind:all"
    assert sub.filter == parse_filter("GDP +烟台 kind:all")
    assert (sub.chat_id, sub.chat_type, sub.chat_title, sub.created_by) == (
        -1001,
        "supergroup",
        "政策群",
        42,
    )
    assert (sub.schedule, sub.timezone, sub.quiet_when_empty) == (schedule, SHANGHAI, True)
    assert (sub.active, sub.paused, sub.deactivated_reason, sub.last_delivered_at) == (
        True,
        False,
        None,
        None,
    )
    assert sub.created_at == sub.updated_at == clock.now
    assert sub.due
    assert store.get(sub.id) == sub
    assert store.get(sub.id + 1000) is None


def test_defaults_and_empty_filter(store):
    sub = make(store, filter_text="")
    assert sub.filter_text == "" and sub.filter.is_default
    assert sub.quiet_when_empty is False


def test_long_schedules_and_titles_fit_the_columns(store):
    """What the columns can hold on every backend (PostgreSQL checks VARCHAR lengths)."""
    assert SubscriptionRow.__table__.c.schedule_expr.type.length == EXPR_MAX_CHARS
    expr = ",".join(str(m) for m in range(0, 60, 2)) + " 8,9,10,11,12,13,14,15,16,17 * * 1-5"
    assert len(expr) <= EXPR_MAX_CHARS
    sub = make(
        store,
        -1002200000000,
        chat_type="channel",
        chat_title="频道" * 200,
        created_by=9_000_000_000,
        schedule=parse_schedule(expr, default_time="08:00"),
    )
    again = store.get(sub.id)
    assert again == sub and again.schedule.expr == expr
    assert again.chat_title == ("频道" * 200)[:255]
    assert (again.chat_id, again.created_by) == (-1002200000000, 9_000_000_000)


def test_nul_characters_are_dropped_alike_on_every_backend(store):
    """PostgreSQL cannot store U+0000 in text; SQLite can. Both store the text without it."""
    sub = make(store, chat_title="政策\x00组", filter_text="GDP\x00 +就业")
    assert (sub.chat_title, sub.filter_text) == ("政策组", "GDP +就业")
    assert store.get(sub.id) == sub


def test_create_validates_its_input(store):
    with pytest.raises(FilterError):
        make(store, filter_text="colour:red")
    with pytest.raises(ScheduleError):
        make(store, timezone="Mars/Olympus")
    with pytest.raises(ValueError, match="chat_type"):
        make(store, chat_type="forum")
    with pytest.raises(TypeError):
        make(store, schedule="08:00")
    with pytest.raises(TypeError):
        make(store, chat_id="100")
    assert store.list_for_chat(100) == []


def test_lists_and_removal_are_scoped_by_chat(store):
    a1 = make(store, 1)
    b1 = make(store, 2)
    a2 = make(store, 1, schedule=daily("20:00"))
    big = make(store, -1002233445566, chat_type="channel", chat_title="频道")  # BigInteger
    assert [s.id for s in store.list_for_chat(1)] == [a1.id, a2.id]
    assert [s.id for s in store.list_for_chat(2)] == [b1.id]
    assert store.list_for_chat(-1002233445566)[0].chat_id == -1002233445566
    assert store.list_for_chat(3) == []
    assert not store.remove(2, a1.id)  # another chat's subscription
    assert store.get(a1.id) is not None
    assert store.remove(1, a1.id)
    assert not store.remove(1, a1.id)
    assert store.remove_all(2) == 1
    assert store.remove_all(2) == 0
    assert [s.id for s in store.list_active()] == [a2.id, big.id]


def test_pause_resume_and_deactivate(store, clock):
    a = make(store, 1)
    b = make(store, 1)
    c = make(store, 2)
    clock.advance(minutes=5)
    assert store.pause(a.id)
    paused = store.get(a.id)
    assert paused.paused and paused.active and not paused.due
    assert paused.updated_at == clock.now
    assert [s.id for s in store.list_active()] == [b.id, c.id]
    assert not store.pause(a.id, chat_id=2)  # scoped to a chat
    assert not store.resume(a.id, chat_id=2)
    assert store.get(a.id).paused
    assert store.resume(a.id, chat_id=1)
    assert not store.get(a.id).paused
    assert not store.pause(9999)
    assert store.deactivate_chat(1, "bot was blocked by the user") == 2
    assert store.deactivate_chat(1, "again") == 0  # already inactive
    gone = store.get(a.id)
    assert (gone.active, gone.deactivated_reason) == (False, "bot was blocked by the user")
    assert [s.id for s in store.list_active()] == [c.id]
    assert len(store.list_for_chat(1)) == 2  # kept, just inactive


# -- delivery slots ------------------------------------------------------------------------
def test_claim_slot_only_once(store, db_url):
    sub = make(store)
    slot = utc(2025, 3, 2, 0, 0)
    assert store.claim_slot(sub.id, slot)
    assert not store.claim_slot(sub.id, slot)
    # the same instant in another zone, or with microseconds, is the same slot
    assert not store.claim_slot(sub.id, slot.astimezone(ZoneInfo(SHANGHAI)))
    assert not store.claim_slot(sub.id, slot + timedelta(microseconds=5))
    # another process (another Database on the same file or server) cannot claim it either
    with Database.open(url=db_url) as other:
        assert not SubscriptionStore(other).claim_slot(sub.id, slot)
        assert SubscriptionStore(other).claim_slot(sub.id, slot + timedelta(days=1))
    assert not store.claim_slot(sub.id, slot + timedelta(days=1))
    # other subscriptions have their own slots
    assert store.claim_slot(make(store).id, slot)
    [delivery, _] = store.deliveries(sub.id)
    assert (delivery.slot, delivery.status, delivery.attempts) == (slot, "pending", 1)
    assert delivery.message_ids is None and delivery.error is None


def test_claim_slot_from_many_threads_has_one_winner(store):
    sub = make(store)
    slot = utc(2025, 3, 2)
    barrier = threading.Barrier(8)

    def claim(_: int) -> bool:
        barrier.wait()
        return store.claim_slot(sub.id, slot)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(claim, range(8)))
    assert results.count(True) == 1
    assert len(store.deliveries(sub.id)) == 1


def test_claim_slot_errors(store):
    with pytest.raises(LookupError):
        store.claim_slot(12345, utc(2025, 3, 2))
    sub = make(store)
    with pytest.raises(ValueError, match="aware"):
        store.claim_slot(sub.id, datetime(2025, 3, 2))


def test_finish_delivery(store, clock):
    sub = make(store)
    sent_slot, empty_slot, failed_slot = utc(2025, 3, 2), utc(2025, 3, 3), utc(2025, 3, 4)
    for slot in (sent_slot, empty_slot, failed_slot):
        assert store.claim_slot(sub.id, slot)
    clock.advance(minutes=1)
    store.finish_delivery(sub.id, sent_slot, "sent", message_ids=[11, 12])
    after_sent = clock.now
    clock.advance(days=1)
    store.finish_delivery(sub.id, empty_slot, "skipped_empty")
    store.finish_delivery(sub.id, failed_slot, "failed", error="Forbidden: bot was blocked")
    sent, empty, failed = store.deliveries(sub.id)
    assert (sent.status, sent.message_ids, sent.updated_at) == ("sent", (11, 12), after_sent)
    assert (empty.status, empty.message_ids) == ("skipped_empty", None)
    assert (failed.status, failed.error) == ("failed", "Forbidden: bot was blocked")
    # only a sent digest counts as delivered
    assert store.get(sub.id).last_delivered_at == after_sent
    with pytest.raises(LookupError, match="not claimed"):
        store.finish_delivery(sub.id, utc(2030, 1, 1), "sent")
    with pytest.raises(ValueError, match="status"):
        store.finish_delivery(sub.id, sent_slot, "pending")
    with pytest.raises(ValueError, match="status"):
        store.finish_delivery(sub.id, sent_slot, "delivered")


def test_removing_a_subscription_deletes_its_deliveries(store, db):
    keep = make(store, 1)
    sub = make(store, 1)
    for day in (2, 3):
        store.claim_slot(sub.id, utc(2025, 3, day))
    store.claim_slot(keep.id, utc(2025, 3, 2))
    assert store.remove(1, sub.id)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT subscription_id FROM deliveries")).all()
    assert rows == [(keep.id,)]
    assert store.deliveries(sub.id) == []
    assert store.remove_all(1) == 1
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM deliveries")).scalar_one() == 0


def test_subscriptions_survive_a_restart(db_url, clock):
    with Database.open(url=db_url) as db:
        sub = make(SubscriptionStore(db, clock=clock), 5, schedule=daily("0 8 * * 1-5"))
    with Database.open(url=db_url) as db:
        assert SubscriptionStore(db).get(sub.id) == sub


# -- migrations ----------------------------------------------------------------------------
def test_models_still_match_migrations(db):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_migration_from_0001_keeps_saved_searches(db_url):
    db = Database(db_url)
    try:
        db.upgrade("0001")
        key = query_key("碳达峰", None, "北京", 2025)
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO search_queries "
                    "(key, text, doc, region, year, created_at, last_used_at) "
                    "VALUES (:key, '碳达峰', NULL, '北京', 2025, :at, :at)"
                ),
                {"key": key, "at": utc_literal(db, "2024-05-01 08:00:00.000000")},
            )
        db.upgrade("0002")
        assert db.current_revision() == "0002"
        tables = set(inspect(db.engine).get_table_names())
        assert {"search_queries", "subscriptions", "deliveries"} <= tables
        loaded = QueryStore(db).load(key, touch=False)
        assert (loaded.text, loaded.region, loaded.year) == ("碳达峰", "北京", 2025)
        db.downgrade("0001")
        tables = set(inspect(db.engine).get_table_names())
        assert "subscriptions" not in tables and "deliveries" not in tables
        assert QueryStore(db).load(key, touch=False).text == "碳达峰"
        db.upgrade()
        assert db.current_revision() == head_revision()
        sub = make(SubscriptionStore(db))
        assert SubscriptionStore(db).claim_slot(sub.id, utc(2025, 3, 2))
    finally:
        db.close()


def test_migration_0004_keeps_deliveries_and_adds_payload(db_url):
    """A 0003 database with a subscription and a sent slot upgrades without losing them."""
    db = Database(db_url)
    try:
        db.upgrade("0003")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO subscriptions (id, chat_id, chat_type, chat_title, created_by, "
                    "filter_text, schedule_kind, schedule_expr, timezone, quiet_when_empty, "
                    "active, paused, deactivated_reason, last_delivered_at, created_at, "
                    "updated_at) VALUES (1, 42, 'private', NULL, 7, 'GDP', 'daily', '08:00', "
                    "'Asia/Shanghai', FALSE, TRUE, FALSE, NULL, NULL, :at, :at)"
                ),
                {"at": utc_literal(db, "2025-03-01 00:00:00.000000")},
            )
            conn.execute(
                text(
                    "INSERT INTO deliveries (subscription_id, slot, status, message_ids, error, "
                    "attempts, created_at, updated_at) VALUES "
                    "(1, :slot, 'sent', '[5, 6]', NULL, 1, :slot, :slot)"
                ),
                {"slot": utc_literal(db, "2025-03-02 00:00:00.000000")},
            )
        db.upgrade("0004")
        with db.engine.connect() as conn:
            row = conn.execute(text("SELECT status, message_ids, payload FROM deliveries")).one()
        assert tuple(row) == ("sent", "[5, 6]", None)
        db.downgrade("0003")
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT message_ids FROM deliveries")).scalar() == "[5, 6]"
    finally:
        db.close()


def test_migration_0006_keeps_deliveries_and_adds_broadcasts(db_url):
    """A 0005 database with a sent and an interrupted slot upgrades without losing them:
    nothing is in flight or uncertain in the old rows, and broadcasts can be recorded."""
    db = Database(db_url)
    try:
        db.upgrade("0005")
        at = utc_literal(db, "2025-03-01 00:00:00.000000")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO subscriptions (id, chat_id, chat_type, chat_title, created_by, "
                    "filter_text, schedule_kind, schedule_expr, timezone, quiet_when_empty, "
                    "active, paused, deactivated_reason, last_delivered_at, created_at, "
                    "updated_at) VALUES (1, 42, 'private', NULL, 7, 'GDP', 'daily', '08:00', "
                    "'Asia/Shanghai', FALSE, TRUE, FALSE, NULL, NULL, :at, :at)"
                ),
                {"at": at},
            )
            for slot, status, ids in (
                ("2025-03-02 00:00:00.000000", "sent", "[5, 6]"),
                ("2025-03-03 00:00:00.000000", "pending", "[7]"),
            ):
                conn.execute(
                    text(
                        "INSERT INTO deliveries (subscription_id, slot, status, message_ids, "
                        "error, attempts, payload, created_at, updated_at) VALUES "
                        "(1, :slot, :status, :ids, NULL, 1, NULL, :slot, :slot)"
                    ),
                    {"slot": utc_literal(db, slot), "status": status, "ids": ids},
                )
        db.upgrade("0006")
        store = SubscriptionStore(db)
        sent, pending = store.deliveries(1)
        assert (sent.status, sent.message_ids, sent.sending, sent.uncertain) == (
            "sent",
            (5, 6),
            None,
            0,
        )
        assert (pending.status, pending.message_ids, pending.sending) == ("pending", (7,), None)
        assert store.uncertain_count() == 0
        assert not store.claim_slot(1, utc(2025, 3, 2))  # still claimed: never sent again
        broadcasts = BroadcastStore(db)
        made = broadcasts.create(utc(2025, 3, 4, 9, 30), [1], chat_id=7, reply_to=3)
        assert [b.id for b in broadcasts.unfinished()] == [made.id]
        db.downgrade("0005")
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM deliveries")).scalar() == 2
        assert "broadcasts" not in set(inspect(db.engine).get_table_names())
    finally:
        db.close()


def test_migration_0010_keeps_subscriptions_and_adds_the_notice_told(db_url):
    """A 0009 database with a subscription and its deliveries upgrades without losing
    them; nothing was told yet by the new column, and a notice told is kept."""
    db = Database(db_url)
    try:
        db.upgrade("0009")
        at = utc_literal(db, "2025-03-01 00:00:00.000000")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO subscriptions (id, chat_id, chat_type, chat_title, created_by, "
                    "filter_text, schedule_kind, schedule_expr, timezone, quiet_when_empty, "
                    "active, paused, deactivated_reason, last_delivered_at, created_at, "
                    "updated_at) VALUES (1, 42, 'private', NULL, 7, 'doc:旧公报 GDP', 'daily', "
                    "'08:00', 'Asia/Shanghai', TRUE, TRUE, FALSE, NULL, NULL, :at, :at)"
                ),
                {"at": at},
            )
            conn.execute(
                text(
                    "INSERT INTO deliveries (subscription_id, slot, status, message_ids, "
                    "error, attempts, payload, created_at, updated_at, uncertain) VALUES "
                    "(1, :at, 'sent', '[5]', NULL, 1, NULL, :at, :at, 0)"
                ),
                {"at": at},
            )
        db.upgrade("0010")
        assert db.current_revision() == "0010"
        store = SubscriptionStore(db)
        (sub,) = store.list_all()
        assert (sub.chat_id, sub.filter_text, sub.quiet_when_empty) == (42, "doc:旧公报 GDP", True)
        assert sub.nothing_told_filter is None
        assert [d.status for d in store.deliveries(1)] == ["sent"]
        (delivery,) = store.deliveries(1)
        store.finish_delivery(1, delivery.slot, "sent", told_filter=sub.filter_text)
        assert store.get(1).nothing_told_filter == "doc:旧公报 GDP"
        db.downgrade("0009")
        with db.engine.connect() as conn:
            row = conn.execute(text("SELECT chat_id, filter_text FROM subscriptions")).one()
            assert tuple(row) == (42, "doc:旧公报 GDP")
            assert conn.execute(text("SELECT COUNT(*) FROM deliveries")).scalar() == 1
    finally:
        db.close()


def test_migration_0012_keeps_a_notice_told_before_0010_on_the_subscription(db_url):
    """An 0011 database whose chats were told, in a delivery only, that their doc: filter
    matches nothing (in Chinese; in English, its JSON written escaped) keeps that told on
    the subscription row; a failed notice, a "nothing new" line and a digest tell nothing;
    no row is lost or changed otherwise, and the downgrade keeps everything."""
    import json

    zh_notice = (
        "📭 <b>重点目标推送</b>（文件：旧公报）\n文库中没有符合此条件的重点目标（条件中的"
        "文件已删除？有错别字？），有新文件符合之前不会推送。要修改：先 /unsubscribe，再用新条件 "
        "/subscribe。"
    )
    en_notice = (
        "📭 <b>Key targets digest</b> (document: old report)\nNo key target in the documents "
        "matches this filter (was a document it names removed? a word misspelt?): nothing "
        "will come until new documents match. To change it: /unsubscribe, then /subscribe "
        "with another filter."
    )
    nothing_new = "📭 <b>重点目标推送</b>（关键词：GDP）\n自上次推送以来没有新的重点目标。"

    def payload(message: str, *, escaped: bool = False) -> str:  # as Payload.to_json wrote it
        data = {"messages": [message], "composed_at": "2025-03-01T00:00:00+00:00"}
        return json.dumps(data, ensure_ascii=escaped)

    payloads = {  # subscription id -> (status, payload JSON) of its one delivery
        1: ("sent", payload(zh_notice)),
        2: ("sent", payload(en_notice, escaped=True)),  # an older writer's escaped JSON
        3: ("failed", payload(zh_notice)),
        4: ("sent", payload(nothing_new)),
        5: ("sent", payload("<b>📊 重点目标简报</b>", escaped=True)),
        6: ("sent", None),
    }
    db = Database(db_url)
    try:
        db.upgrade("0011")
        at = utc_literal(db, "2025-03-01 00:00:00.000000")
        with db.engine.begin() as conn:
            for sub_id, (status, payload) in payloads.items():
                conn.execute(
                    text(
                        "INSERT INTO subscriptions (id, chat_id, chat_type, chat_title, "
                        "created_by, filter_text, schedule_kind, schedule_expr, timezone, "
                        "quiet_when_empty, active, paused, deactivated_reason, "
                        "last_delivered_at, created_at, updated_at, nothing_told_filter) "
                        "VALUES (:id, :chat, 'private', NULL, 7, :filter, 'daily', '08:00', "
                        "'Asia/Shanghai', FALSE, TRUE, FALSE, NULL, :at, :at, :at, NULL)"
                    ),
                    {"id": sub_id, "chat": 40 + sub_id, "filter": f"doc:旧公报{sub_id}", "at": at},
                )
                conn.execute(
                    text(
                        "INSERT INTO deliveries (subscription_id, slot, status, message_ids, "
                        "error, attempts, payload, created_at, updated_at, uncertain) VALUES "
                        "(:id, :at, :status, '[5]', NULL, 1, :payload, :at, :at, 0)"
                    ),
                    {"id": sub_id, "at": at, "status": status, "payload": payload},
                )
        store = SubscriptionStore(db)
        before = {sub.id: sub for sub in store.list_all()}
        db.upgrade("0012")
        assert db.current_revision() == "0012"
        after = {sub.id: sub for sub in store.list_all()}
        assert sorted(after) == sorted(payloads)
        told = {sub_id: sub.nothing_told_filter for sub_id, sub in after.items()}
        assert told == {1: "doc:旧公报1", 2: "doc:旧公报2", 3: None, 4: None, 5: None, 6: None}
        for sub_id, sub in after.items():  # nothing else moved
            assert replace(sub, nothing_told_filter=None) == before[sub_id]
            assert [d.payload is not None for d in store.deliveries(sub_id)] == [sub_id != 6]
        db.downgrade("0011")
        assert {sub.id: sub.nothing_told_filter for sub in store.list_all()} == told
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM deliveries")).scalar() == 6
        db.upgrade("0012")  # again: the rows told stay told, the others untold
        assert {sub.id: sub.nothing_told_filter for sub in store.list_all()} == told
    finally:
        db.close()


# -- /unsubscribe in the core: what was removed and what was not found ---------------------
def _service(store: SubscriptionStore):
    from bot.subscriptions.service import SubscriptionService

    return SubscriptionService(store, lambda: Settings())


def test_unsubscribe_says_what_it_removed_and_which_numbers_are_not_the_chats(store):
    service = _service(store)
    first, second = make(store), make(store, filter_text="就业")
    other = make(store, chat_id=200)
    typed = f"#{second.id}, 99 {other.id} {first.id}"
    done = service.unsubscribe(100, typed)
    assert done.ids == (second.id, first.id)  # in the order typed
    assert done.not_found == (99, other.id)
    assert store.list_for_chat(100) == []
    assert [s.id for s in store.list_for_chat(200)] == [other.id]  # another chat's stays


def test_unsubscribe_all_removes_every_one_and_finds_nothing_missing(store):
    service = _service(store)
    ids = (make(store).id, make(store, filter_text="就业").id)
    done = service.unsubscribe(100, "all")
    assert done.ids == ids and done.not_found == ()


def test_pause_and_resume_say_what_they_changed_as_unsubscribe_says_it(store):
    from bot.subscriptions.service import ByNumber

    service = _service(store)
    first, second = make(store), make(store, filter_text="就业")
    other = make(store, chat_id=200)
    paused = service.pause_in_chat(100, f"{second.id} {other.id} {first.id}")
    assert paused == ByNumber((second.id, first.id), (other.id,))
    assert all(s.paused for s in store.list_for_chat(100))
    assert not store.list_for_chat(200)[0].paused  # another chat's stays running
    assert service.pause_in_chat(100, "all", pause=False) == ByNumber((first.id, second.id))
    assert not any(s.paused for s in store.list_for_chat(100))
    assert service.unsubscribe(100, "all") == ByNumber((first.id, second.id))


def test_unsubscribe_of_numbers_none_of_them_the_chats_refuses_the_first(store):
    from bot.subscriptions.service import SubscriptionError

    service = _service(store)
    mine = make(store)
    with pytest.raises(SubscriptionError) as caught:
        service.unsubscribe(100, "98 97")
    assert caught.value.code == "subscription.not_in_chat"
    assert caught.value.params == {"id": 98}
    assert [s.id for s in store.list_for_chat(100)] == [mine.id]
