"""Hostile input from chat (issue 14, #9): huge integers, very long arguments and
malformed button data get a usage, unknown-id, too-long or stale-button answer, never the
generic apology, and huge numbers never reach the database."""

from __future__ import annotations

import copy
import itertools

import pytest

from fake_telegram import FakeBotApi
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db

APOLOGY = "出错"  # the generic apology's words (handlers/errors.py)
HUGE = "99999999999999999999"
_ids = itertools.count(900_000)


async def test_huge_ids_get_an_unknown_id_or_usage_reply(server: FakeBotApi, engine, db_url):
    owner = server.add_user("Olga")
    async with running(server, engine, db_url, owners=[owner.id], flood_burst=0):
        assert "#" in await ask_text(server, owner, owner, "/subscribe 每天 08:00")
        for text in (
            f"/unsubscribe {HUGE}",
            f"/unsubscribe #{HUGE}",
            "/unsubscribe ²",
            f"/digest {HUGE}",
            f"/digest #{HUGE}",
            f"/subs pause {HUGE}",
            f"/subs remove #{HUGE}",
            f"/audit {HUGE}",
            "/audit ²",
            f"/admin add {HUGE}",
            f"/admin remove -{HUGE}",
        ):
            reply = await ask_text(server, owner, owner, text)
            assert APOLOGY not in reply, (text, reply)
        unknown = await ask_text(server, owner, owner, f"/unsubscribe {HUGE}")
        assert HUGE in unknown and "/subscriptions" in unknown


@pytest.mark.parametrize("command", ["doc", "digest", "targets", "compare", "timezone"])
async def test_a_4000_character_argument_is_answered(
    server: FakeBotApi, engine, db_url, command: str
) -> None:
    user = server.add_user("Lena")
    async with running(server, engine, db_url):
        for arg in ("政" * 4000, "a" * 4000, "&" * 4000):
            reply = await ask_text(server, user, user, f"/{command} {arg}")
            assert APOLOGY not in reply, reply[:200]
            assert len(reply.encode("utf-16-le")) // 2 <= 4096


async def _push_callback(server: FakeBotApi, message: dict, user, data: str | None) -> None:
    """A callback query the fake server's press_button would not send: any data, or none."""
    query = {
        "id": str(next(_ids)),
        "from": {"id": user.id, "is_bot": False, "first_name": "Max"},
        "message": copy.deepcopy(message),
        "chat_instance": "1",
    }
    if data is not None:
        query["data"] = data
    server.backend.callback_queries[query["id"]] = {"query": query, "answer": None}
    await server.backend.updates.push("callback_query", query)


@pytest.mark.parametrize(
    "data",
    [None, "", ":", "p:", "p::", "p:x:99999999999999999999:1", "t:abc:", "t:" + "9" * 60,
     "u:", "r:", "\x00", "p:abc:-1:0"],
)  # fmt: skip
async def test_malformed_button_data_gets_the_stale_button_answer(
    server: FakeBotApi, engine, db_url, data: str | None
) -> None:
    user = server.add_user("Max")
    async with running(server, engine, db_url):
        await server.send_message(user, user, "/search 地区生产总值")
        results = await server.next_call("sendMessage", chat=user)
        await _push_callback(server, results.message, user, data)
        answer = await server.next_call("answerCallbackQuery")
        assert "按钮已失效" in (answer.params.get("text") or ""), (data, answer.params)


# Every other command (and subcommand) with a 4,000-character argument, as an owner in a
# private chat (so the admin commands run too); /reindex takes no argument and rebuilds the
# shared index, so it is left out.
REMAINING = (
    "start", "help", "lang", "lang chat", "search", "docs", "subscribe", "subscribe 每天",
    "subscriptions", "unsubscribe", "admin", "admin add", "admin remove", "config",
    "config set", "config set flood_rate", "config reset", "audit", "subs", "subs pause",
    "subs remove", "broadcast_digest", "status", "remove", "no_such_command",
)  # fmt: skip


@pytest.mark.parametrize("arg", ["政" * 4000, "a" * 4000, "&" * 4000], ids=["zh", "ascii", "amp"])
async def test_every_command_with_a_4000_character_argument_fits_telegram(
    server: FakeBotApi, engine, db_url, arg: str
) -> None:
    owner = server.add_user("Olga")
    answered: dict[str, str] = {}
    async with running(server, engine, db_url, owners=[owner.id], flood_burst=0):
        for text in [*(f"/{command} {arg}" for command in REMAINING), arg]:  # arg: a search
            await server.send_message(owner, owner, text)
            call = await server.next_call("sendMessage", chat=owner)
            answered[text[:30]] = call.message["text"] if call.ok else f"FAILED: {call.error}"
        await ask_text(server, owner, owner, "/help")  # the replies before it are out
    wrong = {
        cmd: reply[:100] for cmd, reply in answered.items() if APOLOGY in reply or "FAILED" in reply
    }
    assert not wrong, wrong
    # every call the bot made was accepted (none too long), replies and edits alike
    failed = [(c.method, c.error) for c in server.calls() if not c.ok]
    assert not failed, failed
    for call in server.calls():
        text = call.params.get("text")
        if isinstance(text, str):
            assert len(text.encode("utf-16-le")) // 2 <= 4096, (call.method, text[:100])


async def test_a_text_over_the_limit_is_cut_never_refused(server: FakeBotApi, engine, db_url):
    """The last resort under every reply path (handlers.ratelimit.fit_text)."""
    user = server.add_user("Max")
    async with running(server, engine, db_url) as app:
        await app.bot.send_message(user.id, "政" * 5000)
        await app.bot.send_message(user.id, "😀" * 3000)  # two UTF-16 units each
        html = "<b>" + "&amp;" * 3000 + "</b>\n" + "<i>a</i>" * 1000
        sent = await app.bot.send_message(user.id, html, parse_mode="HTML")
        await app.bot.edit_message_text("b" * 5000, chat_id=user.id, message_id=sent.message_id)
    calls = server.calls("sendMessage") + server.calls("editMessageText")
    assert len(calls) == 4 and all(c.ok for c in calls), [c.error for c in calls]
    for n, call in enumerate(calls):
        assert call.message["text"].endswith("…")
        size = len(call.message["text"].encode("utf-16-le")) // 2
        # HTML is measured before parsing (&amp; counts 5), so it may be cut early
        assert (500 if n == 2 else 4000) < size <= 4096, (n, size)
    assert calls[2].message["text"].startswith("&" * 100)  # the HTML was parsed, not shown
