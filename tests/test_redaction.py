"""Secrets never leave the bot (issue 14, failure 6): every form of the token (plain,
inside ``/bot<TOKEN>/``, URL-encoded, lower-cased) and a URL's user-info password, fed
through every sink: a log record, an audit entry, the ``/audit`` reply and the start-up
banner of ``briefbot run``. One redaction (:func:`bot.tokens.redact`) serves them all."""

from __future__ import annotations

import io
import logging
from urllib.parse import quote

import pytest

from bot.admin import AuditLog
from bot.admin import redact as audit_redact
from bot.storage import Database
from bot.storage.models import AuditRow, utcnow
from bot.tokens import REDACTED, RedactingFilter, redact
from tests.e2e import running
from tests.test_run_command import TOKEN, _start_bot, _stop_bot

PASSWORD = "hunter2-pass"


def forms(token: str) -> dict[str, str]:
    """Every way an upstream has been seen to echo the token, or a URL's password."""
    encoded = quote(token, safe="")
    return {
        "plain": f"token {token} rejected",
        "bot path": f"POST https://api.telegram.org/bot{token}/getUpdates failed",
        "url-encoded": f"https://proxy.example/fetch?u=https%3A%2F%2Fapi%2Fbot{encoded}%2FgetMe",
        "url-encoded lower": f"next=/bot{encoded.lower()}/getMe",
        "lower-cased": f"HTTP error for https://api.telegram.org/bot{token.lower()}/getme",
        "half": f"secret part {token.split(':')[1]} echoed",
        "user-info": f"Bot API at https://briefbot:{PASSWORD}@api.example.org:8081/bot",
        "user-info encoded": (f"?next=https%3A%2F%2Fbriefbot%3A{PASSWORD}%40api.example.org%2Fbot"),
    }


def leaks(text: str, token: str) -> list[str]:
    """What of the secrets ``text`` still holds (case-insensitive)."""
    low = text.lower()
    found = []
    for name, value in (
        ("token", token),
        ("token's secret half", token.split(":")[1]),
        ("password", PASSWORD),
    ):
        if value.lower() in low:
            found.append(name)
    return found


@pytest.mark.parametrize("name", list(forms(TOKEN)))
def test_redact_covers_every_form(name):
    text = forms(TOKEN)[name]
    # Known secrets, and the patterns alone (nobody named the token).
    assert leaks(redact(text, [TOKEN]), TOKEN) == [], text
    if name != "half":  # a half on its own has no token shape
        assert leaks(redact(text), TOKEN) == [], text
        assert leaks(audit_redact(text), TOKEN) == [], text


def test_redact_keeps_ordinary_text():
    assert redact("no secrets here: 1234:short, https://host/path") == (
        "no secrets here: 1234:short, https://host/path"
    )
    assert redact("https://u:p@host/x", mask="***") == "https://u:***@host/x"


def test_log_records_are_redacted():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter([TOKEN]))
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        for name, text in forms(TOKEN).items():
            logger.info("%s: %s", name, text)
            try:
                raise RuntimeError(text)
            except RuntimeError:
                logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    out = stream.getvalue()
    assert leaks(out, TOKEN) == []
    assert REDACTED in out


def test_audit_entries_are_redacted(db_url):
    db = Database.open(url=db_url)
    try:
        log = AuditLog(db)
        for name, text in forms(TOKEN).items():
            entry = log.record(1, "upload", detail=f"{name}: {text}", secrets=[TOKEN])
            assert leaks(entry.detail, TOKEN) == [], name
            # Even with nobody naming the token.
            entry = log.record(1, "upload", detail=f"{name}: {text}")
            if name != "half":
                assert leaks(entry.detail, TOKEN) == [], name
        stored = "\n".join(e.detail for e in log.latest(200))
        assert "***" in stored
    finally:
        db.close()


async def test_audit_reply_is_redacted(bundled_engine, db_url, server):
    """What /audit shows: entries written by the bot, and rows from before the fix."""
    token = server.token
    owner = server.add_user("Olga")
    eve = server.add_user("Eve")
    settings = bundled_engine.settings.model_copy(update={"owners": [owner.id], "flood_burst": 200})
    db = Database.open(url=db_url)
    try:
        # A row written before redaction covered every form (straight to the table).
        with db.session() as session:
            session.add(
                AuditRow(
                    at=utcnow(),
                    actor_id=eve.id,
                    chat_id=eve.id,
                    action="upload",
                    detail=" | ".join(forms(token).values()),
                    result="error",
                )
            )
        async with running(server, bundled_engine, settings, database=db):
            for text in forms(token).values():  # refused: audited with what was said
                await server.send_message(eve, eve, f"/status {text}"[:190])
                await server.next_call("sendMessage", chat=eve)
            await server.send_message(owner, owner, "/audit 50")
            shown = (await server.next_call("sendMessage", chat=owner)).text
    finally:
        db.close()
    assert "查看状态 · 已拒绝" in shown  # the action and result in the reader's language
    assert leaks(shown, token) == [], shown


@pytest.mark.heavy
@pytest.mark.fake_bot(token=TOKEN)
async def test_start_up_banner_and_logs_hide_url_user_info(bundled_engine, server):
    api = server.url.replace("://", f"://briefbot:{PASSWORD}@", 1)
    proc = await _start_bot(bundled_engine.settings.data_dir, {"TELEGRAM_API_BASE_URL": api})
    try:
        await server.wait_until_polling(timeout=30)
    finally:
        out, err = await _stop_bot(proc)
    assert "running as @fake_test_bot" in err, err[-2000:]
    assert "Bot API at http://briefbot:" in err
    assert leaks(out + err, TOKEN) == [], err[-2000:]
