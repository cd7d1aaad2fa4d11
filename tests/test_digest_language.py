"""A scheduled digest is composed in its chat's language (``/lang chat``), also after
the group became a supergroup with a new id: the choice goes with the chat, as its
subscriptions do (it stayed behind under the old id, and the digests came in Chinese)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from bot.storage import Database
from bot.storage.languages import LanguageStore
from bot.subscriptions import delivery as d
from bot.subscriptions.store import SubscriptionStore
from fake_telegram import FakeBotApi
from handlers.context import services_of
from tests.e2e import ask_text
from tests.test_delivery import SLOT, ScriptedSender, deliverer, make
from tests.test_subscriptions_e2e import deliver_at, next_local, running, store_of


async def test_a_migrated_groups_digest_stays_in_the_language_it_chose(
    server: FakeBotApi, engine, db_url
) -> None:
    max_ = server.add_user("Max")
    group = server.add_chat("group", "Old group")
    server.set_member(group, max_, "creator")
    async with running(server, engine, db_url) as app:
        assert (await ask_text(server, group, max_, "/lang chat en")).startswith("OK")
        await ask_text(server, group, max_, "/subscribe GDP 08:00")
        (sub,) = store_of(app).list_for_chat(group.id)
        supergroup = await server.migrate_to_supergroup(group)
        server.set_member(supergroup, server.bot, "member")
        server.mark_seen()
        await deliver_at(app, sub.id, next_local(8, 0) + timedelta(seconds=1))
        digest = (await server.next_call("sendMessage", chat=supergroup)).message["text"]
        assert digest.startswith("📊 Key targets digest · ") and "重点目标简报" not in digest
        assert store_of(app).get(sub.id).chat_id == supergroup.id
        prefs = services_of(app).languages
        assert prefs.for_chat(supergroup.id) == "en" == prefs.for_chat(group.id)
    with Database.open(url=db_url) as database:  # kept for the next start
        assert LanguageStore(database).all() == {
            ("chat", group.id): "en",
            ("chat", supergroup.id): "en",
        }


def test_a_move_keeps_a_choice_the_new_id_made(db) -> None:
    store = LanguageStore(db)
    store.set("chat", -1, "en", by=7)
    store.set("chat", -2, "zh", by=8)
    store.move_chat(-1, -2)  # the supergroup chose already: its own choice stays
    assert store.all() == {("chat", -1): "en", ("chat", -2): "zh"}
    store.set("chat", -3, "en", by=7)
    store.move_chat(-3, -4)
    store.move_chat(-3, -4)  # the second service message of the same migration
    store.move_chat(-5, -6)  # a group that chose nothing
    assert store.all() == {
        ("chat", -1): "en",
        ("chat", -2): "zh",
        ("chat", -3): "en",
        ("chat", -4): "en",
    }


# PostgreSQL only: SQLite lets no second writer commit while the first one's
# transaction is open, so the interleaving below cannot happen there.
@pytest.mark.parametrize("db_backend", ["postgresql"])
def test_two_copies_of_one_migration_at_once_keep_one_row(db, monkeypatch) -> None:
    """Telegram's service message and a send refused with the new id copy the choice at
    the same moment: the second insert meets the first one's row, and the move is done,
    not an error (the handler had failed with a unique violation)."""
    store = LanguageStore(db)
    store.set("chat", -7, "en", by=7)
    real_execute = Session.execute
    raced: list[bool] = []

    def race_then_execute(self, statement, *args, **kwargs):
        table = getattr(getattr(statement, "table", None), "name", "")
        inserting = getattr(statement, "is_insert", False) and table == "language_preferences"
        if inserting and not raced:  # the other writer, done between this one's read and write
            raced.append(True)
            LanguageStore(db).move_chat(-7, -8)
        return real_execute(self, statement, *args, **kwargs)

    monkeypatch.setattr(Session, "execute", race_then_execute)
    store.move_chat(-7, -8)
    monkeypatch.undo()
    assert raced == [True]
    assert store.all() == {("chat", -7): "en", ("chat", -8): "en"}


async def test_a_migration_found_while_sending_is_told_on(db, clock) -> None:
    """The deliverer that finds the chat moved (Telegram's 400 with the new id, before
    the service message reached the bot) tells what else follows the chat."""
    store = SubscriptionStore(db, clock=clock)
    sub = make(store, chat_id=-42, chat_type="group")
    sender = ScriptedSender()
    sender.script = [d.ChatMigrated(-1001234)]
    moved: list[tuple[int, int]] = []
    sending = deliverer(store, ("x",), sender, on_migrated=lambda *ids: moved.append(ids))
    assert (await sending.deliver(sub.id, SLOT)).outcome == "sent"
    assert moved == [(-42, -1001234)] and sender.sent == [(-1001234, "x")]
