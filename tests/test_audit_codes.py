"""The audit log's details in the reader's language: what the bot words itself is stored
as a catalogue code and its parameters (``audit.*``) and said on read; free text (what
an admin typed, every entry before migration 0008) is shown as it was written."""

from __future__ import annotations

from sqlalchemy import text

from bot.admin import AuditLog
from bot.i18n import Message
from bot.storage import Database
from bot.storage.db import head_revision
from fake_telegram import FakeBotApi
from tests.conftest import utc_literal
from tests.e2e import ask_text
from tests.test_admin_core import BOT_TOKEN, OWNER
from tests.test_subscriptions_e2e import running


def test_a_coded_detail_is_said_in_the_readers_language(db, clock):
    log = AuditLog(db, clock=clock)
    entry = log.record(OWNER, "subs list", detail=Message("audit.subscriptions", {"count": 3}))
    (stored,) = log.latest(1)
    assert stored == entry
    assert (stored.code, dict(stored.params)) == ("audit.subscriptions", {"count": 3})
    assert stored.said("zh") == "3 个订阅" and stored.said("en") == "3 subscriptions"
    assert stored.detail == "3 subscriptions"  # the English wording kept beside the code
    typed = log.record(OWNER, "admin", detail="/admin frobnicate")
    assert typed.code is None and typed.said("zh") == "/admin frobnicate"


def test_a_coded_details_parameters_are_scrubbed_of_secrets(db, clock):
    log = AuditLog(db, clock=clock)
    said = f"/admin add {BOT_TOKEN} s3cr3t"
    log.record(OWNER, "admin add", detail=Message("audit.not_an_owner", {"said": said}))
    (stored,) = log.latest(1)
    for where in (stored.params["said"], stored.detail, stored.said("zh")):
        assert BOT_TOKEN not in where and "***" in where
    log.record(
        OWNER, "x", detail=Message("audit.not_an_owner", {"said": "s3cr3t"}), secrets=["s3cr3t"]
    )
    assert "s3cr3t" not in log.latest(1)[0].said("en")


def test_a_code_this_version_does_not_word_is_shown_as_stored(db, clock):
    log = AuditLog(db, clock=clock)
    log.record(OWNER, "x", detail=Message("audit.subscriptions", {"count": 2}))
    with db.engine.begin() as conn:  # as a later version might have written it
        conn.execute(text("UPDATE audit_log SET code = 'audit.from_the_future'"))
    assert log.latest(1)[0].said("zh") == "2 subscriptions"


def test_migration_0008_keeps_the_free_text_entries_as_they_were(db_url):
    db = Database(db_url)  # no automatic upgrade
    try:
        db.upgrade("0007")
        with db.engine.begin() as conn:  # plain SQL for the 0007 schema
            conn.execute(
                text(
                    "INSERT INTO audit_log (at, actor_id, chat_id, action, detail, result) "
                    "VALUES (:at, 1001, -100, 'subs list', '5 subscription(s)', 'ok')"
                ),
                {"at": utc_literal(db, "2026-12-01 08:00:00.000000")},
            )
        db.upgrade()
        assert db.current_revision() == head_revision()
        log = AuditLog(db)
        (old,) = log.latest()
        assert (old.action, old.detail, old.code, dict(old.params)) == (
            "subs list",
            "5 subscription(s)",
            None,
            {},
        )
        assert old.said("zh") == "5 subscription(s)"  # free text, shown as it was written
        log.record(1001, "subs list", detail=Message("audit.subscriptions", {"count": 6}))
        assert [e.said("zh") for e in log.latest()] == ["6 个订阅", "5 subscription(s)"]
        db.downgrade("0007")
        with db.engine.connect() as conn:
            details = conn.execute(text("SELECT detail FROM audit_log ORDER BY id")).scalars()
            assert list(details) == ["5 subscription(s)", "6 subscriptions"]
    finally:
        db.close()


async def test_a_chinese_admin_reads_the_bots_own_details_in_chinese(
    server: FakeBotApi, engine, db_url
) -> None:
    """/audit showed the details the bot writes (``3 subscription(s)``, ``all``,
    ``424242: not an admin``) in English to admins reading Chinese."""
    owner = server.add_user("Olga")
    async with running(server, engine, db_url, owners=[owner.id]):
        await ask_text(server, owner, owner, "/subscribe GDP 08:00")
        await ask_text(server, owner, owner, "/subs")
        await ask_text(server, owner, owner, "/admin remove 424242")
        said = await ask_text(server, owner, owner, "/audit 2")
        assert "1 个订阅" in said and "424242：不是管理员" in said, said
        assert "subscription(s)" not in said and "not an admin" not in said


def test_every_worded_detail_has_its_wording_in_both_languages():
    """Each ``worded(code, **params)`` of the Telegram layer names a catalogue key of both
    languages whose placeholders are the parameters it passes (an entry otherwise falls
    back to its English text on read)."""
    import ast

    from bot.config import PROJECT_ROOT
    from bot.i18n import LANGUAGES, catalogue, placeholders

    calls = []
    for path in sorted((PROJECT_ROOT / "handlers").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "worded":
                codes = [c.value for c in ast.walk(node.args[0]) if isinstance(c, ast.Constant)]
                calls += [(path.name, code, {k.arg for k in node.keywords}) for code in codes]
    assert len(calls) >= 10
    messages = catalogue().messages
    for where, code, params in calls:
        for lang in LANGUAGES:
            assert placeholders(messages[lang][f"audit.{code}"]) == params, (where, code, lang)


async def test_commands_refused_in_a_group_are_audited_in_the_readers_language(
    server: FakeBotApi, engine, db_url
) -> None:
    """/subs and /audit in a group are refused (their answers list other chats); the
    audit entry of that refusal was English free text (``in a group: private only``)
    for an admin reading Chinese, and is now worded by the catalogue as the rest."""
    owner = server.add_user("Olga")
    group = server.add_chat("group", "Team")
    server.set_member(group, owner, "creator")
    async with running(server, engine, db_url, owners=[owner.id]):
        for command in ("/subs", "/audit"):
            refused = await ask_text(server, group, owner, command)
            assert command in refused, refused
        said = await ask_text(server, owner, owner, "/audit 2")
        assert said.count("在群组中：仅限私聊") == 2, said
        assert "private only" not in said
        await ask_text(server, owner, owner, "/lang en")
        said = await ask_text(server, owner, owner, "/audit 3")
        assert said.count("in a group: private only") == 2, said


# -- no raw Python value on an admin's screen ---------------------------------------------
RAW = ("{", "}", "'", "Decimal(", "None", "Message(", "$key")


def _audit_keys() -> list[str]:
    from bot.i18n import catalogue

    return sorted(k for k in catalogue().messages["en"] if k.startswith("audit."))


def _shown_lines(log: AuditLog, lang: str) -> str:
    from handlers.format.admin import audit_list

    (entry,) = log.latest(1)
    # the detail as said, and the /audit line (escaped: ' would be &#x27; there)
    return entry.said(lang) + "\n" + audit_list([entry], "UTC", lang)


def test_every_audit_detail_kind_says_missing_decimal_and_nested_values_in_words(db, clock):
    """Each ``audit.*`` detail, with its parameters as the handlers may give them (a
    missing value, a Decimal, a catalogue message such as a value word or an error's
    reason), reads without a Python repr in either language."""
    from decimal import Decimal

    from bot.i18n import LANGUAGES, catalogue, placeholders

    log = AuditLog(db, clock=clock)
    samples = (
        None,
        Decimal("1.50"),
        Message("admin.value.unset"),
        Message("errors.filter.no_kind"),
    )
    keys = _audit_keys()
    assert len(keys) >= 25
    for key in keys:
        names = placeholders(catalogue().messages["en"][key])
        for sample in samples:
            log.record(OWNER, "x", detail=Message(key, dict.fromkeys(names, sample)))
            for lang in LANGUAGES:
                shown = _shown_lines(log, lang)
                assert not any(raw in shown for raw in RAW), (key, sample, lang, shown)


def test_a_value_word_and_its_source_are_said_in_the_readers_language(db, clock):
    log = AuditLog(db, clock=clock)
    detail = Message(
        "audit.config_back",
        {
            "name": "default_language",
            "value": Message("admin.value.unset"),
            "source": Message("admin.source.environment"),
        },
    )
    log.record(OWNER, "config reset", detail=detail)
    (stored,) = log.latest(1)
    assert stored.said("zh") == "default_language：恢复为 未设置（环境变量）"
    assert stored.said("en") == "default_language: back to unset (environment)"
    assert stored.detail == "default_language: back to unset (environment)"


def test_no_handler_audits_a_detail_it_formats_itself():
    """A detail the bot words is ``worded(...)`` (said in each reader's language); what a
    handler writes with an f-string (``documents=3 passages=…``, ``n=20``) is English
    and internal names on a Chinese admin's screen."""
    import ast

    from bot.config import PROJECT_ROOT

    formatted = []
    for path in sorted((PROJECT_ROOT / "handlers").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "audit":
                for keyword in node.keywords:
                    if keyword.arg == "detail" and isinstance(
                        keyword.value, ast.JoinedStr | ast.BinOp
                    ):
                        formatted.append((path.name, node.lineno))
    assert formatted == []
