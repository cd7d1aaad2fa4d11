"""The admin core: admins and owners, the audit log, runtime settings and their sources."""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from pydantic import SecretStr
from sqlalchemy import inspect, text

from bot.admin import (
    RUNTIME_KEYS,
    AdminError,
    AdminStore,
    AuditLog,
    LiveSettings,
    RuntimeSettingsStore,
    SettingError,
    describe,
    redact,
)
from bot.admin.runtime import (
    SOURCE_ARGUMENT,
    SOURCE_BUILTIN,
    SOURCE_CHAT,
    SOURCE_CONFIG_FILE,
    SOURCE_DEFAULT_FILE,
    SOURCE_ENV,
    parse_value,
)
from bot.admin.store import SERVICE_USER_IDS
from bot.config import DEFAULT_CONFIG_FILE, Settings
from bot.storage import Database, QueryStore
from bot.storage.db import head_revision
from tests.conftest import utc_literal
from tests.test_storage import revisions_in_order

OWNER = 1001
OTHER_OWNER = 1002
BOT_TOKEN = "123456789:AAHfakeFAKEfakeFAKEfakeFAKEfake_-xyz12"


@pytest.fixture
def admins(db, clock) -> AdminStore:
    return AdminStore(db, [OWNER, OTHER_OWNER], clock=clock)


@pytest.fixture
def audit(db, clock) -> AuditLog:
    return AuditLog(db, clock=clock)


@pytest.fixture
def clean_env(monkeypatch):
    """No BRIEFBOT_* or TELEGRAM_API_BASE_URL from the developer's shell."""
    for name in list(os.environ):
        if name.upper().startswith("BRIEFBOT_") or name.upper() == "TELEGRAM_API_BASE_URL":
            monkeypatch.delenv(name)
    return monkeypatch


def live_settings(db, clock=None, **kwargs) -> LiveSettings:
    store = RuntimeSettingsStore(db, clock=clock) if clock else RuntimeSettingsStore(db)
    return LiveSettings(Settings(**kwargs), store)


# -- migration 0003 ---------------------------------------------------------------------------
def test_upgrade_from_0002_keeps_subscriptions_and_searches(db_url):
    assert "0002" in revisions_in_order() and "0003" in revisions_in_order()
    db = Database(db_url)
    try:
        db.upgrade("0002")
        at = utc_literal(db, "2024-05-01 08:00:00.000000")
        with db.engine.begin() as conn:  # plain SQL for the 0002 schema
            conn.execute(
                text(
                    "INSERT INTO search_queries (key, text, created_at, last_used_at) "
                    "VALUES ('abcd', '碳达峰', :at, :at)"
                ),
                {"at": at},
            )
            conn.execute(
                text(
                    "INSERT INTO subscriptions (id, chat_id, chat_type, chat_title, created_by, "
                    "filter_text, schedule_kind, schedule_expr, timezone, quiet_when_empty, "
                    "active, paused, created_at, updated_at) VALUES (7, -100123, 'supergroup', "
                    "'政策组', 42, '北京', 'daily', '08:00', 'Asia/Shanghai', FALSE, TRUE, FALSE, "
                    ":at, :at)"
                ),
                {"at": at},
            )
            conn.execute(
                text(
                    "INSERT INTO deliveries (subscription_id, slot, status, attempts, "
                    "created_at, updated_at) VALUES (7, :at, 'sent', 1, :at, :at)"
                ),
                {"at": at},
            )
        db.upgrade()
        assert db.current_revision() == head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert {"admins", "audit_log", "runtime_settings"} <= tables
        assert QueryStore(db).load("abcd").text == "碳达峰"
        with db.engine.connect() as conn:  # plain SQL: the subscription code moves on
            subs = conn.execute(
                text("SELECT id, chat_id, chat_title, filter_text, timezone FROM subscriptions")
            ).all()
            deliveries = conn.execute(
                text("SELECT subscription_id, status, attempts FROM deliveries")
            ).all()
        # a place name stored alone as a keyword is read as the region since 0016
        assert [tuple(row) for row in subs] == [
            (7, -100123, "政策组", "region:北京", "Asia/Shanghai")
        ]
        assert [tuple(row) for row in deliveries] == [(7, "sent", 1)]
        # The new tables work, and going back to 0002 drops only them.
        AdminStore(db, [OWNER]).add(5, added_by=OWNER)
        AuditLog(db).record(OWNER, "admin add", detail="5")
        db.downgrade("0002")
        tables = set(inspect(db.engine).get_table_names())
        assert not {"admins", "audit_log", "runtime_settings"} & tables
        assert QueryStore(db).load("abcd").text == "碳达峰"
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM deliveries")).scalar_one() == 1
    finally:
        db.close()


# -- AdminStore ---------------------------------------------------------------------------------
def test_owners_are_admins_and_cannot_be_removed(admins):
    assert admins.is_owner(OWNER) and admins.is_admin(OWNER)
    assert admins.is_admin(OTHER_OWNER)
    with pytest.raises(AdminError) as excinfo:
        admins.remove(OWNER)
    message = str(excinfo.value)
    assert "所有者不能被移除" in message and "owners cannot be removed" in message
    assert isinstance(excinfo.value, ValueError)
    assert admins.is_admin(OWNER) and admins.is_owner(OWNER)
    # Adding an owner changes nothing: still an owner, nothing stored that outlives config.
    assert admins.add(OWNER, added_by=OTHER_OWNER).is_owner
    with admins._db.session() as session:
        assert session.execute(text("SELECT count(*) FROM admins")).scalar_one() == 0


def test_add_is_idempotent_and_updates_the_username(admins, clock):
    first = admins.add(42, username="@Alice", added_by=OWNER)
    assert (first.user_id, first.username, first.added_by, first.is_owner) == (
        42,
        "Alice",
        OWNER,
        False,
    )
    assert first.added_at == clock.now
    clock.advance(hours=1)
    again = admins.add(42, username="alice_new", added_by=OTHER_OWNER)
    assert again.username == "alice_new"
    assert (again.added_by, again.added_at) == (OWNER, first.added_at)  # first add is kept
    assert admins.add(42, added_by=OWNER).username == "alice_new"  # no name: keep the old one
    assert [a.user_id for a in admins.list() if not a.is_owner] == [42]
    assert admins.is_admin(42) and not admins.is_owner(42)


def test_remove_an_admin(admins):
    admins.add(42, added_by=OWNER)
    assert admins.remove(42) is True
    assert not admins.is_admin(42)
    assert admins.remove(42) is False
    assert admins.get(42) is None


@pytest.mark.parametrize("bad", ["42", True, False, 42.0, b"42"])
def test_non_int_user_ids_are_refused(admins, bad):
    admins.add(42, added_by=OWNER)
    for call in (
        lambda: admins.is_admin(bad),
        lambda: admins.is_owner(bad),
        lambda: admins.add(bad, added_by=OWNER),
        lambda: admins.remove(bad),
        lambda: admins.get(bad),
    ):
        with pytest.raises(TypeError):
            call()
    with pytest.raises(TypeError):
        admins.add(43, added_by=bad)
    with pytest.raises(TypeError):
        AdminStore(admins._db, [bad])
    assert not admins.is_admin(43)


def test_no_sender_chats_and_service_accounts_are_never_admins(db):
    store = AdminStore(db, [OWNER, 777000])
    assert store.is_admin(None) is False and store.is_owner(None) is False
    for service in SERVICE_USER_IDS:
        assert not store.is_admin(service)
        with pytest.raises(AdminError, match="service account"):
            store.add(service, added_by=OWNER)
    for chat_id in (-100123456, 0):
        with pytest.raises(AdminError, match="not a user id"):
            store.add(chat_id, added_by=OWNER)
    with pytest.raises(AdminError, match="not a Telegram username"):
        store.add(42, username="bad name!", added_by=OWNER)
    assert [a.user_id for a in store.list()] == [OWNER, 777000]


def test_list_shows_owners_first_then_admins_in_order(admins, clock):
    admins.add(30, username="carol", added_by=OWNER)
    clock.advance(minutes=1)
    admins.add(20, added_by=OTHER_OWNER)
    listed = admins.list()
    assert [(a.user_id, a.is_owner) for a in listed] == [
        (OWNER, True),
        (OTHER_OWNER, True),
        (30, False),
        (20, False),
    ]
    assert listed[0].added_at is None and listed[2].label == "@carol (30)"
    assert listed[3].label == "20"


def test_find_by_username_is_case_insensitive_and_follows_renames(admins):
    admins.add(42, username="Alice", added_by=OWNER)
    for query in ("alice", "@ALICE", " @Alice "):
        assert admins.find_by_username(query).user_id == 42
    assert admins.find_by_username("bob") is None
    assert admins.find_by_username("") is None
    assert admins.find_by_username("not valid!") is None
    # The name moves to another account: it now resolves there only.
    admins.add(43, username="alice", added_by=OWNER)
    assert admins.find_by_username("Alice").user_id == 43
    assert admins.get(42).username is None
    assert admins.remember_user(42, "alice2") is True
    assert admins.find_by_username("@alice2").user_id == 42
    assert admins.remember_user(99, "someone") is False  # never adds anyone
    assert not admins.is_admin(99)


def test_admins_survive_a_restart(db_url, clock):
    with Database.open(url=db_url) as db:
        AdminStore(db, [OWNER], clock=clock).add(42, username="alice", added_by=OWNER)
    with Database.open(url=db_url) as db:
        store = AdminStore(db, [OWNER])
        assert store.is_admin(42)
        assert store.get(42).added_at == clock.now
        assert not store.is_admin(43)


# -- AuditLog -----------------------------------------------------------------------------------
def test_audit_latest_is_newest_first(audit, clock):
    first = audit.record(OWNER, "admin add", chat_id=-100, detail="42")
    clock.advance(seconds=5)
    second = audit.record(42, "config set", detail="results_per_page=7", result="refused")
    third = audit.record(42, "config reset", detail="x")  # same time: later id first
    entries = audit.latest()
    assert [e.id for e in entries] == [third.id, second.id, first.id]
    assert (entries[1].actor_id, entries[1].action, entries[1].result) == (
        42,
        "config set",
        "refused",
    )
    assert entries[2].chat_id == -100 and entries[2].at == clock.now - timedelta(seconds=5)
    assert entries[0].chat_id is None


def test_audit_latest_clamps_n(audit, clock):
    for i in range(205):
        audit.record(OWNER, "status", detail=str(i))
        clock.advance(seconds=1)
    assert len(audit.latest()) == 20
    assert [e.detail for e in audit.latest(3)] == ["204", "203", "202"]
    assert len(audit.latest(0)) == 1 and len(audit.latest(-5)) == 1
    assert len(audit.latest(10_000)) == 200
    with pytest.raises(TypeError):
        audit.latest("5")
    with pytest.raises(TypeError):
        audit.latest(True)


def test_audit_refuses_bad_input(audit):
    with pytest.raises(ValueError):
        audit.record(OWNER, "x", result="maybe")
    with pytest.raises(ValueError):
        audit.record(OWNER, "  ")
    with pytest.raises(TypeError):
        audit.record("1001", "x")
    with pytest.raises(TypeError):
        audit.record(OWNER, "x", chat_id=True)
    assert audit.latest(200) == []


def test_audit_keeps_no_nul_characters(audit):
    """PostgreSQL cannot store U+0000 in text; both backends drop it the same way."""
    entry = audit.record(OWNER, "config\x00 set", detail="值\x00: 5")
    assert (entry.action, entry.detail) == ("config set", "值: 5")
    assert audit.latest(1) == [entry]


def test_audit_details_are_scrubbed_of_secrets(audit):
    detail = (
        f"token {BOT_TOKEN} url postgresql+psycopg://bot:hunter2@db:5432/bb "
        "secret wh-secret_123 and another bot 987654321:ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"
    )
    entry = audit.record(
        OWNER,
        "config set",
        detail=detail,
        secrets=[SecretStr("wh-secret_123"), None, ""],
    )
    stored = audit.latest(1)[0]
    assert stored == entry
    for secret in (BOT_TOKEN, "hunter2", "wh-secret_123", "ZZZZZZZZZZZZZZZZ"):
        assert secret not in stored.detail
    assert "postgresql+psycopg://bot:***@db:5432/bb" in stored.detail
    assert stored.detail.startswith("token *** url")
    long = audit.record(OWNER, "x", detail="长" * 5000)
    assert len(long.detail) == 2000 and long.detail.endswith("…")


def test_redact():
    assert redact("a s3cr3t b s3cr3t", ["s3cr3t"]) == "a *** b ***"
    assert redact("abcdef", ["abc", "abcdef"]) == "***"  # the longer secret first
    assert redact("https://u:p@host/x") == "https://u:***@host/x"
    assert redact("nothing here", [None, ""]) == "nothing here"
    assert redact(f"/webhook/{BOT_TOKEN}") == "/webhook/***"


# -- runtime settings: set, reset, validation ---------------------------------------------------
def test_set_and_reset_persist_across_a_restart(db_url, clean_env, clock):
    with Database.open(url=db_url) as db:
        live = live_settings(db, clock)
        assert live.current.results_per_page == 5
        new = live.set("results_per_page", "7", actor_id=OWNER)
        assert new.results_per_page == 7 and live.current is new
        live.set("Default-Timezone", " Europe/Berlin ", actor_id=42)
        live.set("default_digest_time", "７:０５", actor_id=42)  # full-width, short hour
        live.set("digest_grace_hours", "1.5", actor_id=42)
        assert live.base.results_per_page == 5  # the startup settings are never changed
    with Database.open(url=db_url) as db:
        live = live_settings(db)
        current = live.current
        assert current.results_per_page == 7
        assert current.default_timezone == "Europe/Berlin"
        assert current.default_digest_time == "07:05"
        assert current.digest_grace_hours == 1.5
        stored = live.overrides["results_per_page"]
        assert (stored.updated_by, stored.updated_at) == (OWNER, clock.now)
        assert live.reset("results_per_page", actor_id=OWNER) is True
        assert live.reset("results_per_page", actor_id=OWNER) is False
        assert live.current.results_per_page == 5
    with Database.open(url=db_url) as db:
        live = live_settings(db)
        assert live.current.results_per_page == 5
        assert live.current.default_timezone == "Europe/Berlin"
        assert set(live.overrides) == {
            "default_timezone",
            "default_digest_time",
            "digest_grace_hours",
        }


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("default_timezone", "Mars/Base", "not an IANA time zone"),
        ("results_per_page", "0", "≥ 1 and ≤ 50"),
        ("results_per_page", "51", "≥ 1 and ≤ 50"),
        ("results_per_page", "abc", "must be a whole number"),
        ("results_per_page", "", "missing"),
        ("flood_burst", "2.5", "must be a whole number"),
        ("flood_rate", "0", "≥ 1 and ≤ 6000"),
        ("digest_grace_hours", "nan", "≥ 0 and ≤ 168"),
        ("default_digest_time", "25:00", "not a time of day"),
        ("fuzzy_threshold", "x" * 500, "too long"),
    ],
)
def test_invalid_values_are_refused_readably_and_change_nothing(db, clean_env, key, raw, expected):
    live = live_settings(db)
    live.set("snippet_chars", "200", actor_id=OWNER)
    calls = []
    live.subscribe(calls.append)
    before_current, before_stored = live.current, live.store.all()
    with pytest.raises(SettingError) as excinfo:
        live.set(key, raw, actor_id=OWNER)
    message = str(excinfo.value)
    assert expected in message
    assert key in message and " / " in message  # Chinese / English, names the key
    assert "validation error" not in message and "pydantic" not in message  # not a dump
    assert "\n" not in message
    assert live.current is before_current
    assert live.store.all() == before_stored
    assert calls == []


@pytest.mark.parametrize(
    "key",
    [
        "owners",
        "token",
        "database_url",
        "data_dir",
        "corpus_dir",
        "webhook_url",
        "webhook_secret_token",
        "telegram_api_base_url",
        "token_file",
        "send_rate_per_second",
    ],
)
def test_only_runtime_keys_can_be_set_from_the_chat(db, clean_env, key):
    live = live_settings(db)
    with pytest.raises(SettingError) as excinfo:
        live.set(key, "1", actor_id=OWNER)
    message = str(excinfo.value)
    assert "cannot be changed from the chat" in message
    assert all(name in message for name in RUNTIME_KEYS)  # the settable keys are named
    with pytest.raises(SettingError):
        live.reset(key, actor_id=OWNER)
    assert live.store.all() == {}


def test_unknown_keys_get_a_suggestion(db, clean_env):
    live = live_settings(db)
    with pytest.raises(SettingError, match="did you mean: results_per_page") as excinfo:
        live.set("result_per_page", "3", actor_id=OWNER)
    assert "unknown setting" in str(excinfo.value)
    with pytest.raises(SettingError) as excinfo:
        live.set("qqqqzzzz", "3", actor_id=OWNER)
    assert "did you mean" not in str(excinfo.value)
    assert "flood_burst" in str(excinfo.value)


def test_listeners_get_the_new_settings(db, clean_env):
    live = live_settings(db)
    seen: list[tuple[float, int]] = []

    def broken(_settings: Settings) -> None:
        raise RuntimeError("listener bug")

    live.subscribe(broken)
    unsubscribe = live.subscribe(lambda s: seen.append((s.flood_rate, s.flood_burst)))
    burst = live.current.flood_burst  # the shipped default, whatever it is
    assert burst != 0
    live.set("flood_rate", "60", actor_id=OWNER)
    live.set("flood_burst", "0", actor_id=OWNER)
    assert seen == [(60.0, burst), (60.0, 0)]
    assert live.current.flood_rate == 60.0  # the broken listener did not undo the change
    live.reset("flood_burst", actor_id=OWNER)
    assert seen[-1] == (60.0, burst)
    live.reset("flood_burst", actor_id=OWNER)  # nothing changed: nobody is told
    assert len(seen) == 3
    unsubscribe()
    live.set("flood_rate", "30", actor_id=OWNER)
    assert len(seen) == 3


def test_stored_values_that_no_longer_validate_are_ignored(db, clean_env, caplog):
    store = RuntimeSettingsStore(db)
    store.set("results_per_page", 999, updated_by=OWNER)  # e.g. a limit lowered since
    store.set("snippet_chars", 300, updated_by=OWNER)
    store.set("owners", [666], updated_by=666)  # written behind the bot's back
    with db.session() as session:
        session.execute(
            text(
                "INSERT INTO runtime_settings (key, value, updated_by, updated_at) "
                "VALUES ('digest_cap', '{not json', NULL, '2025-01-01 00:00:00.000000')"
            )
        )
    with caplog.at_level(logging.WARNING, logger="bot.admin.runtime"):
        live = LiveSettings(Settings(owners=[OWNER]), store)
    assert live.current.results_per_page == 5
    assert live.current.snippet_chars == 300
    assert live.current.owners == [OWNER]
    assert live.current.digest_cap == 30
    assert set(live.overrides) == {"snippet_chars"}
    logged = caplog.text
    assert "results_per_page" in logged and "owners" in logged and "digest_cap" in logged


def test_concurrent_changes_leave_a_consistent_state(db, clean_env):
    live = live_settings(db)
    seen: list[int] = []
    live.subscribe(lambda s: seen.append(s.results_per_page))
    barrier = threading.Barrier(4)

    def work(i: int) -> None:
        if i < 4:
            barrier.wait()
        live.set("results_per_page", str(i % 10 + 1), actor_id=OWNER)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(work, range(20)))
    assert len(seen) == 20
    assert live.current.results_per_page == seen[-1]  # the last notification is the state
    assert live.store.get("results_per_page").value == seen[-1]


# -- sources and describe -----------------------------------------------------------------------
def views_by_key(live: LiveSettings, **kwargs) -> dict:
    return {view.key: view for view in describe(live, **kwargs)}


def test_sources_follow_the_precedence(db, clean_env, tmp_path, clock):
    config = tmp_path / "site.toml"
    config.write_text("results_per_page = 7\nsnippet_chars = 300\ndigest_cap = 40\n")
    clean_env.setenv("BRIEFBOT_CONFIG", str(config))
    clean_env.setenv("BRIEFBOT_SNIPPET_CHARS", "400")
    clean_env.setenv("briefbot_fuzzy_threshold", "80")  # pydantic-settings ignores case
    clean_env.setenv("BRIEFBOT_DIGEST_CAP", "50")
    clean_env.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:8081/bot")
    live = LiveSettings(Settings(data_dir=tmp_path / "data"), RuntimeSettingsStore(db, clock=clock))
    live.set("digest_cap", "60", actor_id=42)  # chat beats environment beats files
    views = views_by_key(live)

    def source(key: str) -> tuple[str, str | None]:
        return views[key].source, views[key].origin

    assert source("max_query_chars") == (SOURCE_DEFAULT_FILE, str(DEFAULT_CONFIG_FILE))
    assert source("results_per_page") == (SOURCE_CONFIG_FILE, str(config))
    assert views["results_per_page"].value == "7"
    assert source("snippet_chars") == (SOURCE_ENV, "BRIEFBOT_SNIPPET_CHARS")
    assert views["snippet_chars"].value == "400"
    assert source("fuzzy_threshold") == (SOURCE_ENV, "briefbot_fuzzy_threshold")
    assert source("telegram_api_base_url") == (SOURCE_ENV, "TELEGRAM_API_BASE_URL")
    assert views["telegram_api_base_url"].value == "http://127.0.0.1:8081"
    assert source("token_file") == (SOURCE_BUILTIN, None)
    assert views["token_file"].value == "unset"
    assert source("data_dir") == (SOURCE_ARGUMENT, None)
    assert views["data_dir"].value == str(tmp_path / "data")
    chat = views["digest_cap"]
    assert (chat.source, chat.value, chat.updated_by, chat.updated_at) == (
        SOURCE_CHAT,
        "60",
        42,
        clock.now,
    )
    assert live.reset("digest_cap", actor_id=42)
    assert views_by_key(live)["digest_cap"].source == SOURCE_ENV  # back to the environment
    assert views_by_key(live)["digest_cap"].value == "50"
    settable = {key for key, view in views.items() if view.settable}
    assert settable == set(RUNTIME_KEYS)
    assert list(views) == list(Settings.model_fields)  # every setting, declared order


def test_describe_works_out_each_value_word_once(db, clean_env, tmp_path, monkeypatch):
    """The word a value is shown as (unset, true …) is worked out once per setting, and
    both the English value and the word for the catalogue come from it."""
    from bot.admin import runtime

    asked: list[str] = []
    real = runtime.value_word

    def counted(settings, key):
        asked.append(key)
        return real(settings, key)

    monkeypatch.setattr(runtime, "value_word", counted)
    views = views_by_key(live_settings(db, data_dir=tmp_path / "d"))
    assert asked == list(Settings.model_fields)
    assert (views["token_file"].value, views["token_file"].word) == ("unset", "unset")
    assert views["database_url"].word == "unset_sqlite"
    assert views["database_url"].value == f"unset (SQLite {views['database_url'].detail})"


def test_describe_never_shows_secrets(db, clean_env, tmp_path):
    clean_env.setenv("BRIEFBOT_DATABASE_URL", "postgresql+psycopg://bot:hunter2@db:5432/bb")
    clean_env.setenv("BRIEFBOT_WEBHOOK_SECRET_TOKEN", "wh-secret_123")
    clean_env.setenv("BRIEFBOT_WEBHOOK_URL", f"https://bot.example.org/hook/{BOT_TOKEN}")
    clean_env.setenv("TELEGRAM_API_BASE_URL", "https://user:apipass@api.example.org")
    live = live_settings(db)
    views = views_by_key(live, secrets=[BOT_TOKEN])
    text_ = "\n".join(f"{v.key} {v.value} {v.origin}" for v in views.values())
    for secret in ("hunter2", "wh-secret_123", BOT_TOKEN, "apipass"):
        assert secret not in text_
    assert views["database_url"].value == "postgresql+psycopg://bot:***@db:5432/bb"
    assert views["database_url"].source == SOURCE_ENV
    assert views["webhook_secret_token"].value == "set"
    assert views["webhook_url"].value == "https://bot.example.org/hook/***"
    assert "token" not in views and "bot_token" not in views
    clean_env.delenv("BRIEFBOT_WEBHOOK_SECRET_TOKEN")
    clean_env.delenv("BRIEFBOT_DATABASE_URL")
    views = views_by_key(live_settings(db, data_dir=tmp_path / "d"))
    assert views["webhook_secret_token"].value == "unset"
    assert views["database_url"].value == f"unset (SQLite {tmp_path / 'd' / 'briefbot.db'})"
    assert views["owners"].value == "none"


def test_reload_picks_up_changes_made_elsewhere(db, clean_env):
    live, other = live_settings(db), live_settings(db)
    seen: list[int] = []
    live.subscribe(lambda s: seen.append(s.digest_cap))
    other.set("digest_cap", "12", actor_id=OWNER)
    assert live.current.digest_cap == 30
    assert live.reload().digest_cap == 12 and seen == [12]
    assert live.reload().digest_cap == 12 and seen == [12]  # nothing new: nobody is told
    live.current.owners.append(666)  # a careless caller cannot change the startup settings
    assert live.base.owners == []


# -- bounds of numeric settings (issue 14, #7) --------------------------------------------------
NUMERIC_SETTINGS = [key for key, f in Settings.model_fields.items() if f.annotation in (int, float)]


@pytest.mark.parametrize("key", NUMERIC_SETTINGS)
def test_every_numeric_setting_has_sane_bounds(key: str) -> None:
    from annotated_types import Ge, Gt, Le, Lt

    field = Settings.model_fields[key]
    lower = [m for m in field.metadata if isinstance(m, Ge | Gt)]
    upper = [m for m in field.metadata if isinstance(m, Le | Lt)]
    assert lower and upper, f"{key} needs a lower and an upper bound"
    # gt=0 admits 1e-310: a rate or size that small is "never" in disguise.
    assert not any(isinstance(m, Gt) for m in lower), f"{key}: use ge= with a sane minimum"
    for raw in ("1e-310", "nan", "inf", "-inf", "1e308", "-1", "99999999999999999999"):
        try:
            value = parse_value(key, raw)
        except SettingError as exc:
            assert exc.code.startswith("setting."), exc.code
        else:  # only a value that is really the lower bound (0: off) may pass
            assert raw == "1e-310" and value == pytest.approx(0.0), (key, raw, value)


@pytest.mark.parametrize("key", ["flood_rate", "send_rate_per_second", "max_file_mb"])
def test_a_vanishing_rate_or_size_is_refused(key: str) -> None:
    with pytest.raises(SettingError) as excinfo:
        parse_value(key, "1e-310")
    assert excinfo.value.code == "setting.out_of_range"
