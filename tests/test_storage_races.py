"""Two writers reading then writing the same thing, forced into the bad interleaving.

The bot and a CLI command (or two scheduler jobs) each open the database. The first
writer reads, and is held right before its first write while the second does the whole
of its own change; then the first goes on. On SQLite a deferred transaction would then
be refused ("database is locked": its snapshot is stale, and the busy timeout does not
apply to that); on PostgreSQL both would insert, or the second insert fail. Each store
method must come out of that with both calls done and the data as one after the other.

The hold is events, not sleeps: the first writer waits until the second one is done,
or is about to wait for a lock the first one holds (SQLite's ``BEGIN IMMEDIATE``,
PostgreSQL's advisory lock), whichever comes first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, func, select

from bot.admin.runtime import RuntimeSettingsStore as SettingsStore
from bot.admin.store import AdminStore
from bot.config import Settings
from bot.storage import Database
from bot.storage.languages import LanguageStore
from bot.storage.models import AdminRow, LanguageRow, SubscriptionRow
from bot.subscriptions import SubscriptionStore, parse_schedule
from bot.subscriptions.service import SubscriptionError, SubscriptionService

WAIT = 30  # seconds: only a backstop, should an interleaving never come


def _is_write(statement: str) -> bool:
    return statement.lstrip().split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}


def _waits_for_a_lock(statement: str) -> bool:
    return statement.strip().upper() == "BEGIN IMMEDIATE" or "pg_advisory_xact_lock" in statement


def interleave(
    url: str, first: Callable[[Database], object], second: Callable[[Database], object]
) -> tuple[object, object]:
    """Run ``first`` and ``second`` on two databases opened on ``url`` (two processes'
    engines), ``first`` held before its first write until ``second`` is done or waits
    for a lock. Returns both results (an exception raised is returned, not raised)."""
    db1, db2 = Database.open(url=url), Database.open(url=url)
    go = threading.Event()
    held = threading.Event()
    results: dict[str, object] = {}

    def hold_first(_conn, _cursor, statement, *_args) -> None:
        if not held.is_set() and _is_write(statement):
            held.set()
            assert go.wait(WAIT), "the second writer never finished nor waited"

    def watch_second(_conn, _cursor, statement, *_args) -> None:
        if _waits_for_a_lock(statement):
            go.set()

    event.listen(db1.engine, "before_cursor_execute", hold_first)
    event.listen(db2.engine, "before_cursor_execute", watch_second)

    def run(name: str, job: Callable[[Database], object], db: Database) -> None:
        try:
            results[name] = job(db)
        except Exception as exc:  # returned to the test, which says what it expected
            results[name] = exc
        finally:
            if name == "second":
                go.set()
            held.set()  # a first writer that never writes holds nothing

    def second_after_hold() -> None:
        assert held.wait(WAIT)
        run("second", second, db2)

    threads = [
        threading.Thread(target=run, args=("first", first, db1)),
        threading.Thread(target=second_after_hold),
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(WAIT * 2)
        assert not any(thread.is_alive() for thread in threads)
    finally:
        db1.close()
        db2.close()
    return results.get("first"), results.get("second")


def count(db: Database, row, *where) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(row).where(*where))


def no_errors(*results: object) -> None:
    errors = [r for r in results if isinstance(r, BaseException)]
    assert not errors, errors


# -- the cases --------------------------------------------------------------------------------
def test_the_same_subscription_asked_twice_at_once_is_made_once(db, db_url):
    def subscribe(database: Database):
        service = SubscriptionService(SubscriptionStore(database), lambda: Settings())
        return service.subscribe(100, "private", None, 7, service.parse("GDP 每天 08:00"))

    first, second = interleave(db_url, subscribe, subscribe)
    assert count(db, SubscriptionRow, SubscriptionRow.chat_id == 100) == 1
    made = [r for r in (first, second) if not isinstance(r, BaseException)]
    refused = [r for r in (first, second) if isinstance(r, SubscriptionError)]
    assert len(made) == 1 and len(refused) == 1, (first, second)
    assert refused[0].code == "subscription.duplicate"


def test_a_chat_at_its_limit_gets_one_more_subscription_not_two(db, db_url, monkeypatch):
    monkeypatch.setattr("bot.subscriptions.service.MAX_PER_CHAT", 1)

    def subscribe(words: str) -> Callable[[Database], object]:
        def job(database: Database):
            service = SubscriptionService(SubscriptionStore(database), lambda: Settings())
            return service.subscribe(100, "private", None, 7, service.parse(words))

        return job

    first, second = interleave(db_url, subscribe("GDP 每天 08:00"), subscribe("就业 每天 09:00"))
    assert count(db, SubscriptionRow, SubscriptionRow.chat_id == 100) == 1
    refused = [r for r in (first, second) if isinstance(r, SubscriptionError)]
    assert [r.code for r in refused] == ["subscription.too_many"], (first, second)


def test_two_languages_chosen_at_once_leave_one_row(db, db_url):
    first, second = interleave(
        db_url,
        lambda d: LanguageStore(d).set("chat", -500, "en", by=1),
        lambda d: LanguageStore(d).set("chat", -500, "zh", by=2),
    )
    no_errors(first, second)
    assert count(db, LanguageRow) == 1
    # Either order is an order: on SQLite the second waits for the first's lock, on
    # PostgreSQL the first, held, writes last.
    assert LanguageStore(db).get("chat", -500) in {"en", "zh"}


def test_a_language_moved_twice_at_once_is_copied_once(db, db_url):
    LanguageStore(db).set("chat", -1, "en")

    def move(database: Database):
        return LanguageStore(database).move_chat(-1, -1001)

    no_errors(*interleave(db_url, move, move))
    assert LanguageStore(db).get("chat", -1001) == "en"
    assert count(db, LanguageRow) == 2


def test_an_admin_added_twice_at_once_is_stored_once(db, db_url):
    def add(database: Database):
        return AdminStore(database, owners=[1]).add(42, added_by=1)

    no_errors(*interleave(db_url, add, add))
    assert count(db, AdminRow) == 1


def test_a_setting_stored_twice_at_once_keeps_the_last(db, db_url):
    first, second = interleave(
        db_url,
        lambda d: SettingsStore(d).set("max_results", 5, updated_by=1),
        lambda d: SettingsStore(d).set("max_results", 7, updated_by=2),
    )
    no_errors(first, second)
    stored = SettingsStore(db).get("max_results")
    assert stored is not None and stored.value in {5, 7}


def test_missed_slots_recorded_while_a_slot_is_claimed_keep_the_claim(db, db_url):
    daily = parse_schedule("08:00", default_time="08:00")
    sub = SubscriptionStore(db).create(100, "private", None, 7, "GDP", daily, "Asia/Shanghai")
    slots = [datetime(2025, 3, day, 0, 0, tzinfo=UTC) for day in (1, 2, 3)]
    first, second = interleave(
        db_url,
        lambda d: SubscriptionStore(d).record_missed(sub.id, slots, "bot was down"),
        lambda d: SubscriptionStore(d).claim_slot(sub.id, slots[1]),
    )
    no_errors(first, second)
    # One slot, two writers: the claim wins (recorded missed: two) or comes second and
    # is refused (missed: three); never both, never an error.
    assert (second, first) in {(True, 2), (False, 3)}
    statuses = [d.status for d in SubscriptionStore(db).deliveries(sub.id)]
    assert sorted(statuses) == sorted(["missed"] * first + ["pending"] * (3 - first))


@pytest.mark.parametrize("db_backend", ["sqlite"])
def test_a_read_only_transaction_does_not_wait_for_a_writer(db):
    with db.session() as writer:
        writer.add(LanguageRow(scope="user", target_id=1, language="en", updated_at=_now()))
        writer.flush()
        with db.reading() as reader:  # the writer holds the lock and has not committed
            assert reader.get(LanguageRow, ("user", 1)) is None


def _now() -> datetime:
    return datetime(2025, 3, 1, tzinfo=UTC)


def test_attempts_counted_at_once_are_all_counted(db, db_url):
    daily = parse_schedule("08:00", default_time="08:00")
    sub = SubscriptionStore(db).create(100, "private", None, 7, "GDP", daily, "Asia/Shanghai")
    slot = datetime(2025, 3, 1, 0, 0, tzinfo=UTC)
    SubscriptionStore(db).claim_slot(sub.id, slot)

    def attempt(database: Database):
        return SubscriptionStore(database).record_attempt(sub.id, slot, "timed out")

    no_errors(*interleave(db_url, attempt, attempt))
    assert SubscriptionStore(db).delivery(sub.id, slot).attempts == 3
    with pytest.raises(LookupError):
        SubscriptionStore(db).record_attempt(sub.id, datetime(2025, 3, 2, tzinfo=UTC), "x")


@pytest.mark.parametrize("db_backend", ["postgresql"])
def test_a_slot_claimed_while_a_broadcast_is_recorded_is_counted_as_claimed_already(db, db_url):
    """``BroadcastStore.create`` read the slots claimed already, then inserted the broadcast:
    a claim landing between the two (another /broadcast_digest of the minute, from another
    process) was counted as sent by this broadcast, not as a duplicate. While it is being
    recorded, a claim now waits for it (here: is refused by a short ``lock_timeout``
    instead of waiting); one that got in is in ``already_ids``. PostgreSQL only: on SQLite
    the write transaction holds the database's lock from its first statement."""
    from sqlalchemy.exc import OperationalError

    from bot.subscriptions.broadcasts import BroadcastStore

    daily = parse_schedule("08:00", default_time="08:00")
    sub = SubscriptionStore(db).create(100, "private", None, 7, "GDP", daily, "Asia/Shanghai")
    slot = datetime(2025, 3, 1, 0, 0, tzinfo=UTC)
    db1, db2 = Database.open(url=db_url), Database.open(url=db_url)
    held, go = threading.Event(), threading.Event()

    def hold_before_insert(_conn, _cursor, statement, *_args) -> None:
        if not held.is_set() and _is_write(statement):
            held.set()
            assert go.wait(WAIT), "the claim never finished"

    def short_lock_timeout(dbapi_connection, _record) -> None:
        dbapi_connection.execute("SET lock_timeout = '200ms'")
        dbapi_connection.commit()

    event.listen(db1.engine, "before_cursor_execute", hold_before_insert)
    event.listen(db2.engine, "connect", short_lock_timeout)
    db2.engine.dispose()
    results: dict[str, object] = {}

    def record() -> None:
        try:
            results["broadcast"] = BroadcastStore(db1).create(slot, [sub.id], chat_id=1)
        except Exception as exc:
            results["broadcast"] = exc
        finally:
            held.set()

    recorder = threading.Thread(target=record)
    try:
        recorder.start()
        assert held.wait(WAIT)
        try:
            claimed: object = SubscriptionStore(db2).claim_slot(sub.id, slot)
        except OperationalError as exc:  # the lock held: the claim would have waited
            claimed = exc
        go.set()
        recorder.join(WAIT)
        assert not recorder.is_alive()
    finally:
        go.set()
        db1.close()
        db2.close()
    broadcast = results["broadcast"]
    no_errors(broadcast)
    if claimed is True:
        assert broadcast.already_ids == {sub.id}
    else:
        assert isinstance(claimed, OperationalError) and "lock timeout" in str(claimed)
        assert broadcast.already_ids == frozenset()


def test_a_write_whose_insert_conflicts_is_tried_once_more_then_raised(db):
    """``Database.write_racing`` (the admins' and the runtime settings' upserts): a first
    conflict rolls the try back and runs the write again; a second one is raised."""
    from sqlalchemy.exc import IntegrityError

    tries: list[bool] = []

    def write(session, conflicts: int) -> int:
        found = session.get(AdminRow, 7) is not None
        tries.append(found)
        session.add(AdminRow(user_id=7, added_at=datetime(2026, 1, 1, tzinfo=UTC)))
        session.flush()
        if len(tries) <= conflicts:  # as if another writer had inserted it first
            raise IntegrityError("INSERT INTO admins", None, Exception("UNIQUE"))
        return len(tries)

    assert db.write_racing(lambda s: write(s, 1)) == 2
    assert tries == [False, False]  # the first try's insert was rolled back
    assert count(db, AdminRow) == 1
    db.write_racing(lambda s: s.delete(s.get(AdminRow, 7)))
    tries.clear()
    with pytest.raises(IntegrityError):
        db.write_racing(lambda s: write(s, 2))
    assert tries == [False, False] and count(db, AdminRow) == 0
