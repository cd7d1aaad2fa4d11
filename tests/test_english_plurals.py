"""English counts agree with their nouns: "1 subscription", "2 subscriptions".

The English catalogue writes a count with its noun as ``{count:plural:one:many}``; the
Chinese catalogue needs no such form.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.i18n import Catalogue, catalogue, placeholders, tr
from bot.library import Engine
from bot.storage import Database
from fake_telegram import FakeBotApi
from tests import e2e
from tests.conftest import sqlite_url
from tests.e2e import ask_text

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = [pytest.mark.fake_bot(language_code="en"), pytest.mark.migrated_db]
NOUNS = (
    r"(more |low-confidence |audit )?"
    r"(passages|results|documents|subscriptions|sources|digests|regions|links|answers"
    r"|figures|entries)\b(?!=)"
)
PLURAL = re.compile(r"\{(\w+):plural:([^:{}]+):([^:{}]+)\}")


def test_the_plural_form_says_one_and_many() -> None:
    table = Catalogue({"zh": {"k": "{n} 条"}, "en": {"k": "{n:plural:result:results} found"}})
    assert table.text("en", "k", n=1) == "1 result found"
    assert table.text("en", "k", n=2) == "2 results found"
    assert table.text("en", "k", n=0) == "0 results found"
    assert table.text("en", "k", n="1") == "1 result found"
    assert table.text("en", "k", n="1,001") == "1,001 results found"
    assert table.text("zh", "k", n=1) == "1 条"


def _english_with_counts() -> dict[str, str]:
    return {k: v for k, v in catalogue().messages["en"].items() if PLURAL.search(v)}


def test_no_english_count_says_a_bare_plural_or_an_s_in_brackets() -> None:
    for key, template in catalogue().messages["en"].items():
        assert "(s)" not in template.replace("http(s)", ""), key
        for name in placeholders(template):
            bare = re.search(r"\{" + name + r"\} " + NOUNS, template)
            assert bare is None, (key, bare and bare.group(0))


@pytest.mark.parametrize("key", sorted(_english_with_counts()))
def test_every_english_count_is_singular_for_one_and_plural_for_two(key: str) -> None:
    template = catalogue().messages["en"][key]
    counted = {m.group(1): (m.group(2), m.group(3)) for m in PLURAL.finditer(template)}
    params = {name: f"<{name}>" for name in placeholders(template)}
    for n in (1, 2):
        said = tr("en", key, **{**params, **dict.fromkeys(counted, n)})
        for one, many in counted.values():
            assert f"{n} {one if n == 1 else many}" in said, (key, said)
        if n == 1:
            assert not any(f"1 {many}" in said for _one, many in counted.values()), said


@asynccontextmanager
async def running(server: FakeBotApi, engine: Engine, db_url: str) -> AsyncIterator[Application]:
    with Database.open(url=db_url) as database:
        async with e2e.running(server, engine, database=database) as app:
            yield app


async def test_time_zone_reply_counts_one_subscription_and_two(
    server: FakeBotApi, engine: Engine, tmp_path: Path
) -> None:
    ann = server.add_user("Ann")
    async with running(server, engine, sqlite_url(tmp_path / "bot.db")):
        await ask_text(server, ann, ann, "/subscribe 就业 09:00")
        one = await ask_text(server, ann, ann, "/timezone Europe/Berlin")
        assert "(1 subscription moved)" in one, one
        await ask_text(server, ann, ann, "/subscribe GDP 10:00")
        two = await ask_text(server, ann, ann, "/timezone Asia/Shanghai")
        assert "(2 subscriptions moved)" in two, two


# -- log lines and the command line: bot.i18n.counted ---------------------------------------
def test_a_count_outside_the_catalogue_says_one_and_many_as_the_catalogue_does() -> None:
    from bot.i18n import counted

    assert counted(1, "subscription") == "1 subscription"
    assert counted(2, "subscription") == "2 subscriptions"
    assert counted(0, "document") == "0 documents"
    assert counted("1", "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"
    table = Catalogue({"zh": {"k": "{n} 份"}, "en": {"k": "{n:plural:entry:entries}"}})
    for n in (0, 1, 2):
        assert table.text("en", "k", n=n) == counted(n, "entry", "entries")


def test_a_quiet_indexing_line_of_one_document_says_document() -> None:
    from briefbot.cli.app import quiet_progress

    now = [0.0]
    said: list[str] = []
    update = quiet_progress(said.append, clock=lambda: now[0])
    now[0] = 4.0  # slow enough to be said
    update(1, 1, "a.txt")
    assert said == ["indexing: 1/1 document checked, now a.txt"]


def test_no_log_or_command_line_text_counts_with_an_s_in_brackets() -> None:
    """ "3 subscription(s)" in a log line or the command line's output: counts are said
    with ``counted`` (one and many), as the catalogue says them."""
    import ast

    from bot.config import PROJECT_ROOT

    found = []
    for folder in ("bot", "handlers", "briefbot", "mcp_server"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    text = node.value.replace("http(s)", "")
                    if re.search(r"[a-z]\(s\)", text):
                        found.append((path.name, node.lineno, node.value))
    assert found == []
