"""The admin commands end to end: the real Application against the fake Bot API server.

Every command is tried by an admin and by a non-admin; a non-admin's attempt must change
nothing (admins, settings, subscriptions, deliveries) and only add one ``refused``
entry to the audit log. Waits are the fake server's bounded waits, never sleeps.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Application

import bot
from bot.admin.runtime import SOURCE_CHAT
from bot.config import PROJECT_ROOT, Settings
from bot.library import Engine
from bot.storage import Database
from fake_telegram import FakeBotApi, User
from handlers.context import Services, services_of
from handlers.format import admin as afmt
from tests.e2e import BOT_NAME, ask, running

BUNDLED_CORPUS = PROJECT_ROOT / "corpus"
# Users have English Telegram clients: these tests read the English replies.
# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = [pytest.mark.fake_bot(language_code="en"), pytest.mark.migrated_db]
ADMIN_ONLY = ("status", "config", "subs", "broadcast_digest", "audit", "admin")


# -- fixtures ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def base_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(corpus_dir=BUNDLED_CORPUS, data_dir=tmp_path_factory.mktemp("admin-data"))


@pytest.fixture(scope="module")
def engine(base_settings: Settings) -> Engine:
    """This module's own engine: /config set changes its runtime values (each new
    application gives it those of its own settings)."""
    return Engine.open(base_settings)


@pytest.fixture
def database(db_url: str) -> AsyncIterator[Database]:
    db = Database.open(url=db_url)
    yield db
    db.close()


@pytest.fixture
def owner(server: FakeBotApi) -> User:
    return server.add_user("Olga", username="olga_owner")


def settings_for(base: Settings, *owners: User, **extra: Any) -> Settings:
    # A generous flood limit: a test sends many commands within a second.
    values = {"owners": [o.id for o in owners], "flood_burst": 200, **extra}
    return base.model_copy(update=values)


@pytest.fixture
async def app(
    server: FakeBotApi, engine: Engine, base_settings: Settings, owner: User, database: Database
) -> AsyncIterator[Application]:
    settings = settings_for(base_settings, owner)
    async with running(server, engine, settings, database=database) as application:
        yield application


# -- helpers -----------------------------------------------------------------------------------
def svc_of(app: Application) -> Services:
    return services_of(app)


async def config_text(server: FakeBotApi, chat: Any, user: User) -> str:
    """``/config`` in a private chat: every message of it (it is split past 4,096
    characters), up to the last setting, ``database_url``."""
    await server.send_message(chat, user, "/config")
    parts = [(await server.next_call("sendMessage", chat=chat)).text]
    while "database_url" not in parts[-1]:
        parts.append((await server.next_call("sendMessage", chat=chat)).text)
    return "\n".join(parts)


def state(app: Application) -> dict[str, Any]:
    """Everything an admin command could change."""
    svc = svc_of(app)
    subs = svc.subscriptions.store
    return {
        "admins": svc.admins.list(),
        "settings": svc.live.snapshot(),
        "subscriptions": subs.list_all(),
        "deliveries": {s.id: subs.deliveries(s.id) for s in subs.list_all()},
        "jobs": services_of(app).scheduler.upcoming(1000),
    }


async def assert_refused(
    server: FakeBotApi, app: Application, chat: Any, user: User, text: str
) -> None:
    """``user`` is refused ``text``: nothing changes but one ``refused`` audit entry."""
    svc = svc_of(app)
    before, seen = state(app), {e.id for e in svc.audit.latest(200)}
    call = await ask(server, chat, user, text)
    refusal, how = call.text.split("\n")
    assert refusal == "⛔ Only the bot's admins can use this command.", text
    # and how to become one: whom to ask, what they send (trial-left13)
    me = f"@{user.username}" if user.username else str(user.id)
    assert how.startswith("To become an admin, ask "), text
    assert how.endswith(f" to send me /admin add {me} in a private chat"), text
    assert state(app) == before, text
    new = [e for e in svc.audit.latest(200) if e.id not in seen]
    assert [(e.actor_id, e.result) for e in new] == [(user.id, "refused")], text
    assert server.token not in new[0].detail


def hits_on_page(message: dict[str, Any]) -> int:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return sum(1 for row in rows for b in row if b["text"].startswith("Full text"))


def latest_audit(app: Application) -> Any:
    return svc_of(app).audit.latest(1)[0]


# -- who is admin --------------------------------------------------------------------------------
async def test_owner_adds_and_removes_admins_by_id_username_and_reply(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    svc = svc_of(app)
    al = server.add_user("Al", username="al_admin")
    bea = server.add_user("Bea", username="bea_b")
    cy = server.add_user("Cy")
    # By numeric id.
    added = await ask(server, owner, owner, f"/admin add {cy.id}")
    assert "now an admin" in added.text and svc.is_admin(cy.id)
    assert latest_audit(app).action == "admin add" and latest_audit(app).result == "ok"
    again = await ask(server, owner, owner, f"/admin add {cy.id}")
    assert "already an admin" in again.text
    # By @username: only people the bot has seen can be named.
    unknown = await ask(server, owner, owner, "/admin add @al_admin")
    assert "numeric user id" in unknown.text and not svc.is_admin(al.id)
    assert latest_audit(app).result == "error"
    await ask(server, al, al, "/help")  # now the bot has seen Al
    named = await ask(server, owner, owner, "/admin add @AL_ADMIN")
    assert "@al_admin" in named.text and svc.is_admin(al.id)
    # By replying to someone's message in a group.
    group = server.add_chat("supergroup", "Ops")
    said = await server.send_message(group, bea, "hello")
    await server.send_message(group, owner, "/admin add", reply_to=said)
    assert "@bea_b" in (await server.next_call("sendMessage", chat=group)).text
    assert svc.is_admin(bea.id) and svc.admins.get(bea.id).added_by == owner.id
    # Bad references.
    assert "not a user id" in (await ask(server, owner, owner, "/admin add -100123")).text
    assert "service account" in (await ask(server, owner, owner, "/admin add 777000")).text
    assert "neither" in (await ask(server, owner, owner, "/admin add al-admin!")).text
    said_by_bot = await ask(server, group, bea, "/status")  # a message from the bot
    await server.send_message(group, owner, "/admin add", reply_to=said_by_bot.message)
    assert "Bots cannot" in (await server.next_call("sendMessage", chat=group)).text

    listing = (await ask(server, owner, owner, "/admin list")).text
    assert f"@olga_owner ({owner.id}) — owner" in listing
    for label in (str(cy.id), f"@al_admin ({al.id})", f"@bea_b ({bea.id})"):
        assert label in listing
    # who added them is named as the owner was known when adding, not by a bare id
    assert listing.count(f", by @olga_owner ({owner.id}))") == 3

    # Owners cannot be removed; admins can.
    refused = await ask(server, owner, owner, f"/admin remove {owner.id}")
    assert "Owners cannot be removed" in refused.text and svc.is_admin(owner.id)
    assert latest_audit(app).result == "error"
    removed = await ask(server, owner, owner, "/admin remove @al_admin")
    assert "no longer an admin" in removed.text and not svc.is_admin(al.id)
    assert "is not an admin" in (await ask(server, owner, owner, f"/admin remove {al.id}")).text
    await server.send_message(group, owner, "/admin remove", reply_to=said)
    assert "no longer" in (await server.next_call("sendMessage", chat=group)).text
    assert [a.user_id for a in svc.admins.list()] == [owner.id, cy.id]


async def test_non_admins_and_admins_who_are_not_owners(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    svc = svc_of(app)
    cy = server.add_user("Cy", username="cy_c")
    eve = server.add_user("Eve", username="olga_owner")  # an owner's username is not enough
    await ask(server, owner, owner, f"/admin add {cy.id}")
    group = server.add_chat("supergroup", "Ops")
    server.set_member(group, eve, "creator")  # a group's creator is not a bot admin either
    for text in ("/admin list", f"/admin add {eve.id}", f"/admin remove {cy.id}", "/admin"):
        await assert_refused(server, app, eve, eve, text)
        await assert_refused(server, app, group, eve, text)
    # An admin who is not an owner may list, not add or remove.
    assert "@olga_owner" in (await ask(server, cy, cy, "/admin list")).text
    for text in (f"/admin add {eve.id}", f"/admin remove {cy.id}"):
        before = state(app)
        owners_only = "⛔ Only the owners (BRIEFBOT_OWNERS) can add or remove admins."
        assert (await ask(server, cy, cy, text)).text == owners_only
        assert state(app) == before
        assert (latest_audit(app).actor_id, latest_audit(app).result) == (cy.id, "refused")
    assert not svc.is_admin(eve.id) and svc.is_admin(cy.id)


async def test_admin_menu_only_in_admins_private_chats(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    def names(commands: list[dict[str, str]]) -> list[str]:
        return [c["command"] for c in commands]

    public = names(server.commands())
    assert public and not set(ADMIN_ONLY) & set(public)
    assert set(ADMIN_ONLY) <= set(names(server.visible_commands(owner, owner)))
    assert names(server.visible_commands(owner, owner))[: len(public)] == public
    english = server.visible_commands(owner, owner, language_code="en")
    assert next(c for c in english if c["command"] == "status")["description"] == "Bot status"
    dan = server.add_user("Dan")
    assert names(server.visible_commands(dan, dan)) == public
    await ask(server, owner, owner, f"/admin add {dan.id}")
    assert set(ADMIN_ONLY) <= set(names(server.visible_commands(dan, dan)))
    await ask(server, owner, owner, f"/admin remove {dan.id}")
    assert names(server.visible_commands(dan, dan)) == public
    # /admin help lists every admin command, with the issue's /broadcast-digest spelling.
    help_text = (await ask(server, owner, owner, "/admin help")).text
    for name in ADMIN_ONLY:
        assert f"/{name}" in help_text
    assert "/broadcast-digest" in help_text
    assert "/config" not in (await ask(server, dan, dan, "/help")).text
    owner_help = (await ask(server, owner, owner, "/help")).text
    assert "/config" in owner_help and "/broadcast-digest" in owner_help


# -- /config ------------------------------------------------------------------------------------
async def test_config_shows_sources_and_hides_secrets(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    shown = await config_text(server, owner, owner)
    assert "results_per_page = 5" in shown and "owners" in shown and "corpus_dir" in shown
    assert server.token not in shown and server.token.split(":")[1] not in shown
    await ask(server, owner, owner, "/config set results_per_page 7")
    shown = await config_text(server, owner, owner)
    assert f"results_per_page = 7 ({SOURCE_CHAT} {owner.id}," in shown
    # In a group: the settable settings only, never paths or secrets.
    group = server.add_chat("supergroup", "Ops")
    in_group = (await ask(server, group, owner, "/config")).text
    assert "results_per_page = 7" in in_group
    assert "corpus_dir" not in in_group and "database_url" not in in_group
    assert server.token not in in_group
    eve = server.add_user("Eve")
    await assert_refused(server, app, group, eve, "/config")
    await assert_refused(server, app, eve, eve, "/config")
    for message in server.sent:
        assert server.token not in str(message.params.get("text", ""))


async def test_config_set_takes_effect_without_restart(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    svc = svc_of(app)
    gus = server.add_user("Gus")
    assert hits_on_page((await ask(server, gus, gus, "/search 地区生产总值")).message) == 5

    eve = server.add_user("Eve")
    await assert_refused(server, app, eve, eve, "/config set results_per_page 2")
    await assert_refused(server, app, eve, eve, "/config reset results_per_page")
    assert hits_on_page((await ask(server, gus, gus, "/search 地区生产总值")).message) == 5

    done = (await ask(server, owner, owner, "/config set results_per_page 3")).text
    assert "results_per_page: 5 → 3" in done and "no restart" in done
    assert (latest_audit(app).action, latest_audit(app).detail) == (
        "config set",
        "results_per_page: 5 → 3",
    )
    assert hits_on_page((await ask(server, gus, gus, "/search 地区生产总值")).message) == 3
    assert svc.settings.results_per_page == 3

    # The flood limit follows at once: a burst of 2, with the clock held still.
    await ask(server, owner, owner, "/config set flood_burst 2")
    now = [time.monotonic() + 10_000]  # after every bucket's last request
    services_of(app).flood.clock = lambda: now[0]
    hal = server.add_user("Hal")
    for _ in range(3):
        await server.send_message(hal, hal, "/help")
    replies = [(await server.next_call("sendMessage", chat=hal)).text for _ in range(3)]
    assert sum(r.startswith("Too many requests") for r in replies) == 1
    assert services_of(app).flood.burst == 2
    services_of(app).flood.clock = lambda: time.monotonic() + 1e6  # time runs again; refilled
    await ask(server, owner, owner, "/config set flood_burst 200")
    services_of(app).flood.clock = lambda: time.monotonic() + 2e6  # refilled to the new burst

    # Errors: unknown keys (with a suggestion), bad values, settings the chat never sets.
    typo = (await ask(server, owner, owner, "/config set results_per_pag 4")).text
    assert "Unknown setting" in typo and "Did you mean: results_per_page" in typo
    assert latest_audit(app).result == "error"
    bad = (await ask(server, owner, owner, "/config set results_per_page 500")).text
    assert "must be ≥ 1 and ≤ 50" in bad and svc.settings.results_per_page == 3
    tz = (await ask(server, owner, owner, "/config set default_timezone Mars/Base")).text
    assert "default_timezone" in tz and svc.settings.default_timezone == "Asia/Shanghai"
    token = (await ask(server, owner, owner, f"/config set token {server.token}")).text
    assert "cannot be changed from the chat" in token and server.token not in token
    assert server.token not in latest_audit(app).detail
    owners = (await ask(server, owner, owner, "/config set owners 1,2")).text
    assert "cannot be changed" in owners and svc.admins.owners == (owner.id,)
    assert "Usage" in (await ask(server, owner, owner, "/config set results_per_page")).text

    # Reset goes back to the configured value, also for the search.
    reset = (await ask(server, owner, owner, "/config reset results_per_page")).text
    assert "back to 5" in reset
    assert hits_on_page((await ask(server, gus, gus, "/search 地区生产总值")).message) == 5
    again = (await ask(server, owner, owner, "/config reset results_per_page")).text
    assert "had no chat override" in again
    # Settings used elsewhere follow too.
    await ask(server, owner, owner, "/config set default_digest_time 07:15")
    reply = (await ask(server, gus, gus, "/subscribe GDP")).text
    assert "07:15" in reply


# -- /audit ---------------------------------------------------------------------------------------
async def test_audit_lists_latest_entries(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    eve = server.add_user("Eve")
    await ask(server, owner, owner, "/config set snippet_chars 100")
    await assert_refused(server, app, eve, eve, "/config set snippet_chars 30")
    await ask(server, owner, owner, "/config set fuzzy_threshold 101")
    await assert_refused(server, app, eve, eve, "/audit")
    shown = (await ask(server, owner, owner, "/audit 3")).text
    lines = [line for line in shown.splitlines() if " · chat " in line]
    assert len(lines) == 3
    # Newest first: the refused /audit, the bad value, the refused set; people by name.
    assert " Eve · " in lines[0] and "read the audit log · refused" in lines[0]
    assert f" @{owner.username} · " in lines[1] and "change a setting · error" in lines[1]
    assert "change a setting · refused" in lines[2]
    assert "fuzzy_threshold = 101" in shown
    everything = (await ask(server, owner, owner, "/audit")).text
    assert "snippet_chars: 120 → 100" in everything
    assert "Usage" in (await ask(server, owner, owner, "/audit lots")).text
    clamp = (await ask(server, owner, owner, "/audit 100000")).text
    assert "Latest" in clamp


# -- /subs ---------------------------------------------------------------------------------------
async def test_subs_lists_and_manages_every_chats_subscriptions(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    svc = svc_of(app)
    store = svc.subscriptions.store
    scheduler = services_of(app).scheduler
    ivy, jon = server.add_user("Ivy"), server.add_user("Jon")
    group = server.add_chat("supergroup", "Ops")
    server.set_member(group, jon, "creator")
    await ask(server, ivy, ivy, "/subscribe GDP 08:30")
    await ask(server, group, jon, "/subscribe 就业 周一 09:00")
    await ask(server, jon, jon, "/subscribe")
    ivy_sub, group_sub, jon_sub = (s.id for s in store.list_all())
    svc.subscriptions.chat_removed(jon.id, "403 Forbidden: bot was blocked by the user")

    listing = (await ask(server, owner, owner, "/subs")).text
    assert "All subscriptions (3)" in listing
    assert "active 2 · paused 0 · deactivated 1" in listing
    assert f"#{group_sub} ✅ active" in listing and "Ops" in listing
    # Telegram's English error is said as the known cause, in the admin's language
    assert f"#{jon_sub} ⛔ deactivated (the user blocked the bot)" in listing

    eve = server.add_user("Eve")
    for text in ("/subs", f"/subs pause {ivy_sub}", f"/subs remove {ivy_sub}", "/subs resume 3"):
        await assert_refused(server, app, eve, eve, text)
        await assert_refused(server, app, group, eve, text)

    paused = (await ask(server, owner, owner, f"/subs pause #{ivy_sub}")).text
    assert "Paused" in paused
    assert store.get(ivy_sub).paused and scheduler.next_run(ivy_sub) is None
    assert "paused 1" in (await ask(server, owner, owner, "/subs")).text
    resumed = (await ask(server, owner, owner, f"/subs resume {ivy_sub}")).text
    assert "next:" in resumed and scheduler.next_run(ivy_sub) is not None
    reactivated = (await ask(server, owner, owner, f"/subs resume {jon_sub}")).text
    assert f"#{jon_sub} ✅ active" in reactivated and store.get(jon_sub).due
    removed = (await ask(server, owner, owner, f"/subs remove {group_sub}")).text
    assert "removed" in removed and store.get(group_sub) is None
    assert scheduler.next_run(group_sub) is None
    assert "No subscription #999" in (await ask(server, owner, owner, "/subs pause 999")).text
    assert latest_audit(app).result == "error"
    assert "Usage" in (await ask(server, owner, owner, "/subs pause")).text
    assert "Usage" in (await ask(server, owner, owner, "/subs stop 1")).text


# -- /broadcast_digest ---------------------------------------------------------------------------
async def test_broadcast_digest_sends_every_due_digest_now(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    svc = svc_of(app)
    store = svc.subscriptions.store
    scheduler = services_of(app).scheduler
    scheduler.clock = lambda: datetime(2025, 3, 1, 12, 0, 30, tzinfo=UTC)
    kim, lou = server.add_user("Kim"), server.add_user("Lou")
    await ask(server, kim, kim, "/subscribe GDP 08:30")
    await ask(server, lou, lou, "/subscribe 就业 09:00")
    subs = [s.id for s in store.list_all()]

    eve = server.add_user("Eve")
    await assert_refused(server, app, eve, eve, "/broadcast_digest")
    await assert_refused(server, app, kim, kim, "/broadcast-digest")
    await scheduler.drain()
    assert all(store.deliveries(s) == [] for s in subs)

    queued = await ask(server, owner, owner, "/broadcast-digest")  # the spelling
    assert queued.text.startswith("📤 2 digests queued")
    # both subscribed from an English app: their digests keep its language (english-trial18)
    assert "Key targets digest" in (await server.next_bot_message(kim))["text"]
    assert "Key targets digest" in (await server.next_bot_message(lou))["text"]
    done = (await server.next_call("sendMessage", chat=owner)).text
    assert done == "✅ Digests done: sent 2"
    assert [store.deliveries(s)[0].status for s in subs] == ["sent", "sent"]
    assert (latest_audit(app).action, latest_audit(app).detail) == ("broadcast digest", "2 queued")

    # The same minute again: each slot is sent once only.
    await ask(server, owner, owner, "/broadcast_digest")
    done = (await server.next_call("sendMessage", chat=owner)).text
    assert done == "✅ Digests done: already sent 2"
    # Paused subscriptions are not sent; with none due, nothing is queued.
    for sub_id in subs:
        svc.subscriptions.pause(sub_id)
    nothing = await ask(server, owner, owner, "/broadcast_digest")
    assert nothing.text.startswith("No digest was queued")
    # Another bot's /broadcast-digest is not ours.
    await server.send_message(owner, owner, "/broadcast-digest@other_bot")
    assert (await ask(server, owner, owner, "/admin list")).text.startswith("Owners")


# -- /status ---------------------------------------------------------------------------------------
async def test_status_reports_corpus_subscriptions_and_errors(
    server: FakeBotApi, app: Application, owner: User, engine: Engine
) -> None:
    svc = svc_of(app)
    store = svc.subscriptions.store
    mia, ned = server.add_user("Mia"), server.add_user("Ned")
    await ask(server, mia, mia, "/subscribe GDP 08:30")
    await ask(server, ned, ned, "/subscribe 07:00")
    mia_sub, ned_sub = (s.id for s in store.list_all())
    svc.subscriptions.pause(ned_sub)
    slot = datetime(2025, 3, 1, 0, 30, tzinfo=UTC)
    store.claim_slot(mia_sub, slot)
    store.finish_delivery(mia_sub, slot, "failed", error="400 Bad Request: <b>too long</b>")

    eve = server.add_user("Eve")
    await assert_refused(server, app, eve, eve, "/status")
    call = await ask(server, owner, owner, "/status")
    text = call.text
    docs = engine.documents()
    targets = len(engine.targets())
    assert f"version: {bot.__version__}" in text
    assert "uptime: 0m" in text
    assert f"documents: {len(docs)}" in text
    assert f"passages: {sum(d.passages for d in docs)}" in text
    assert f"targets: {targets}" in text and targets > 0
    assert "active 1 · paused 1 · deactivated 0" in text
    tz = ZoneInfo(svc.settings.default_timezone)
    next_run = services_of(app).scheduler.next_run(mia_sub).astimezone(tz)
    assert f"• #{mia_sub} {next_run:%Y-%m-%d %H:%M}" in text
    assert f"#{ned_sub} " not in text.split("Next digests")[1].split("Last delivery")[0]
    assert "400 Bad Request: <b>too long</b>" in text  # escaped, shown as typed
    assert "&lt;b&gt;" in call.params["text"]
    assert latest_audit(app).action == "status"
    # In a group, for an admin.
    group = server.add_chat("supergroup", "Ops")
    assert "Status" in (await ask(server, group, owner, "/status")).text
    await assert_refused(server, app, group, eve, "/status")


# -- persistence ---------------------------------------------------------------------------------
async def test_admins_and_settings_survive_a_restart(
    server: FakeBotApi, engine: Engine, base_settings: Settings, owner: User, db_url: str
) -> None:
    pat = server.add_user("Pat", username="pat_p")
    settings = settings_for(base_settings, owner)
    with Database.open(url=db_url) as db:
        async with running(server, engine, settings, database=db):
            await ask(server, pat, pat, "/help")
            await ask(server, owner, owner, "/admin add @pat_p")
            await ask(server, owner, owner, "/config set results_per_page 4")
    # The engine is back to the configured value until the stored settings are applied.
    with Database.open(url=db_url) as db:  # a new process: only the file is shared
        async with running(server, engine, settings, database=db) as app:
            svc = svc_of(app)
            assert svc.is_admin(pat.id) and svc.settings.results_per_page == 4
            shown = await config_text(server, pat, pat)
            assert f"results_per_page = 4 ({SOURCE_CHAT} {owner.id}," in shown
            page = (await ask(server, pat, pat, "/search 地区生产总值")).message
            assert hits_on_page(page) == 4
            assert "status" in [c["command"] for c in server.visible_commands(pat, pat)]
            entries = svc.audit.latest(200)
            assert {("admin add", "ok"), ("config set", "ok")} <= {
                (e.action, e.result) for e in entries
            }
            await ask(server, owner, owner, "/config reset results_per_page")
    with Database.open(url=db_url) as db:
        async with running(server, engine, settings, database=db) as app:
            page = (await ask(server, pat, pat, "/search 地区生产总值")).message
            assert hits_on_page(page) == 5


def test_status_formatting_of_long_uptimes() -> None:
    assert afmt.uptime_text(59, "en") == "0m 59s"
    assert afmt.uptime_text(3 * 3600 + 60, "en") == "3h 1m"
    assert afmt.uptime_text(2 * 86_400 + 7200 + 120, "en") == "2d 2h 2m"
    assert afmt.uptime_text(-5, "en") == "0m 0s"
    # in a Chinese reply the units are Chinese too (was 运行时间：0m 8s)
    assert afmt.uptime_text(8, "zh") == "0 分 8 秒"
    assert afmt.uptime_text(2 * 86_400 + 7200 + 120, "zh") == "2 天 2 小时 2 分"


def test_help_shows_the_admin_section_only_when_asked() -> None:
    from handlers.format import help_html

    assert "/broadcast_digest" not in help_html(BOT_NAME)
    admin_help = help_html(BOT_NAME, admin=True)
    for name in ADMIN_ONLY:
        assert f"/{name}" in admin_help
    assert "/broadcast-digest" in admin_help


async def test_config_refuses_a_vanishing_flood_rate(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    """Issue 14, #7: 1e-310 per minute was accepted and broke the flood limit."""
    svc = svc_of(app)
    default = svc.settings.flood_rate
    for raw in ("1e-310", "0.0001", "nan", "inf"):
        reply = (await ask(server, owner, owner, f"/config set flood_rate {raw}")).text
        assert "flood_rate" in reply and "must be" in reply, reply
        assert svc.settings.flood_rate == default
        assert services_of(app).flood.rate_per_minute == default
    assert latest_audit(app).result == "error"
    done = (await ask(server, owner, owner, "/config set flood_rate 1")).text
    assert f"flood_rate: {default:g}" in done and services_of(app).flood.rate_per_minute == 1
