"""What the newsroom operator's trial left (bench/RESULTS.md, ``user-trial15`` and
``trial-left21``), end to end over the fake Bot API server: the notice of a removal names
the remover as the bot saw them, and an admin added by an id the bot never saw is told
what that means and gets his admin menu once he writes. Waits are the fake server's
bounded waits, never sleeps."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram.ext import Application

from bot.config import Settings
from bot.library import Engine
from bot.storage import Database
from fake_telegram import FakeBotApi, User
from handlers.context import services_of
from tests.conftest import sqlite_only
from tests.e2e import ask, ask_text, running

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's;
# nothing here depends on the backend (the suite's time budget): SQLite only
pytestmark = [pytest.mark.migrated_db, sqlite_only]

ADMIN_ONLY = ("status", "config", "subs", "broadcast_digest", "audit", "admin")


@pytest.fixture
def database(db_url: str) -> AsyncIterator[Database]:
    db = Database.open(url=db_url)
    yield db
    db.close()


@pytest.fixture
def owner(server: FakeBotApi) -> User:
    return server.add_user("Olga", username="olga_owner")


@pytest.fixture
async def app(
    server: FakeBotApi, engine: Engine, owner: User, database: Database
) -> AsyncIterator[Application]:
    settings: Settings = engine.settings.model_copy(
        update={"owners": [owner.id], "flood_burst": 200}
    )
    async with running(server, engine, settings, database=database) as application:
        yield application


def _names(commands: list[dict[str, str]]) -> set[str]:
    return {c["command"] for c in commands}


# -- the remover named as the bot saw them -----------------------------------------------------
async def test_the_removal_notice_names_the_remover_by_name_and_username(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    zhang = server.add_user("张", last_name="运维", username="zhang_ops")
    group = server.add_chat("supergroup", "省报编辑部")
    server.set_member(group, zhang, "creator")
    await ask_text(server, group, zhang, "/subscribe GDP 08:00")
    await server.my_chat_member(group, "member", "kicked", by=zhang)
    note = (await server.next_call("sendMessage", chat=owner)).message["text"]
    assert note.split("\n")[0] == (
        f"⚠️ 已停用 1 个订阅：机器人被用户 张 运维（@zhang_ops，{zhang.id}）"
        f"移出 省报编辑部（{group.id}）。"
    )


async def test_the_removal_notice_in_english_names_a_remover_without_username(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    await ask(server, owner, owner, "/lang en")
    lee = server.add_user("Lee")
    group = server.add_chat("group", "Study group")
    server.set_member(group, lee, "creator")
    await ask_text(server, group, lee, "/subscribe GDP 08:00")
    await server.my_chat_member(group, "member", "left", by=lee)
    note = (await server.next_call("sendMessage", chat=owner)).message["text"]
    assert f"removed from the chat by user Lee ({lee.id})." in note.split("\n")[0]


# -- an admin added by an id the bot never saw -------------------------------------------------
async def test_adding_an_admin_by_an_id_never_seen_says_so_and_the_menu_follows(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    svc = services_of(app)
    new_id = 7_000_000_123  # no one Telegram (the fake world) knows yet
    added = (await ask(server, owner, owner, f"/admin add {new_id}")).text
    first, unseen = added.split("\n")
    assert first == f"✅ 已添加管理员 {new_id}。"
    assert unseen.startswith(f"⚠️ 机器人还没有见过用户 {new_id}：")
    assert "id 有误" in unseen and "/start" in unseen
    assert svc.is_admin(new_id)  # access is by id: he is an admin as typed
    # he writes to the bot for the first time: his admin menu appears then
    wu = server.add_user("Wu", id=new_id, username="wu_desk")
    assert not set(ADMIN_ONLY) <= _names(server.visible_commands(wu, wu))
    await ask(server, wu, wu, "/start")
    assert set(ADMIN_ONLY) <= _names(server.visible_commands(wu, wu))
    assert not svc.menu_pending


async def test_adding_by_id_someone_who_wrote_before_start_is_named_without_warning(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    """The bot restarted since he wrote (nothing seen in memory): Telegram still knows
    him (getChat), so no warning, and the admin is named by his @username."""
    cy = server.add_user("Cy", username="cy_editor")
    added = (await ask(server, owner, owner, f"/admin add {cy.id}")).text
    assert added == f"✅ 已添加管理员 @cy_editor ({cy.id})。"
    assert services_of(app).admins.get(cy.id).username == "cy_editor"


async def test_adding_an_unknown_username_is_refused_with_what_to_do(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    reply = (await ask(server, owner, owner, "/admin add @never_wrote")).text
    assert reply.startswith("不认识用户 @never_wrote：机器人只认识给它发过消息的用户。")
    assert "/start" in reply and "数字用户 id" in reply
    assert [a.user_id for a in services_of(app).admins.list()] == [owner.id]


async def test_a_look_up_without_answer_adds_the_admin_and_warns_of_nothing(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    """Telegram gave no answer (a 502): whether he wrote to the bot is not known, and the
    operator is not told that the id may be wrong."""
    server.fail_next("getChat", 502, "Bad Gateway")
    added = (await ask(server, owner, owner, "/admin add 7000000124")).text
    assert added == "✅ 已添加管理员 7000000124。"
    assert services_of(app).is_admin(7_000_000_124)


async def test_an_admin_menu_refused_at_start_comes_with_his_first_message(
    server: FakeBotApi, engine: Engine, owner: User, database: Database
) -> None:
    """Added by id before he ever wrote, then the bot restarted: the start's menus are
    refused for him too; his first message brings it."""
    settings: Settings = engine.settings.model_copy(
        update={"owners": [owner.id], "flood_burst": 200}
    )
    new_id = 7_000_000_125
    async with running(server, engine, settings, database=database):
        await ask(server, owner, owner, f"/admin add {new_id}")
    async with running(server, engine, settings, database=database) as app:
        assert services_of(app).menu_pending == {new_id}
        hu = server.add_user("Hu", id=new_id)
        assert not set(ADMIN_ONLY) <= _names(server.visible_commands(hu, hu))
        await ask(server, hu, hu, "/start")
        assert set(ADMIN_ONLY) <= _names(server.visible_commands(hu, hu))
        assert services_of(app).menu_pending == set()
