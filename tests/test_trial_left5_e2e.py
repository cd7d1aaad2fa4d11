"""The operator trial's leftovers (``bench/RESULTS.md``, ``operator-trial``, ``trial-left5``),
through the fake Bot API server."""

from __future__ import annotations

import threading

import pytest

from fake_telegram import FakeBotApi
from handlers.context import services_of
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


async def test_config_default_timezone_reads_the_names_timezone_reads(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/timezone Shanghai`` was accepted and ``/config set default_timezone Shanghai``
    refused (``setting.not_a_timezone``): the settings validator reads time zones as
    ``/timezone`` does, and stores the IANA name."""
    owner = server.add_user("Olga", language_code="en")
    async with running(server, engine, db_url, owners=[owner.id], flood_burst=0) as app:
        said = await ask_text(server, owner, owner, "/config set default_timezone Shanghai")
        assert "not an IANA time zone" not in said
        assert "Asia/Shanghai" in said
        assert services_of(app).settings.default_timezone == "Asia/Shanghai"
        said = await ask_text(server, owner, owner, "/config set default_timezone 北京时间")
        assert services_of(app).settings.default_timezone == "Asia/Shanghai"
        said = await ask_text(server, owner, owner, "/config set default_timezone berlin")
        assert services_of(app).settings.default_timezone == "Europe/Berlin"
        said = await ask_text(server, owner, owner, "/config set default_timezone UTC+8")
        assert "not an IANA time zone" in said
        assert services_of(app).settings.default_timezone == "Europe/Berlin"


async def test_subscribe_checks_its_filter_only_up_to_the_first_match(
    server: FakeBotApi, engine, db_url, monkeypatch
) -> None:
    """The first ``/subscribe`` after a start answered seconds late on a large library:
    its check of a filter that matches nothing read every record of the library on the
    core thread (while the start-up linking read them all on another), whatever the
    filter. It now stops at the first record that passes, and still warns of a filter
    that matches nothing."""
    docs = [d.doc_id for d in engine.index.docs]
    passing = engine.filter_targets("GDP confidence:all").rows
    first = docs.index(passing[0].doc_id)
    read: list[str] = []
    # the library reads a document's records through load_held (with their index)
    load = engine.target_store.load_held

    def counted(doc_id: str):
        if threading.current_thread().name.startswith("briefbot-core"):
            read.append(doc_id)  # the linking ahead reads them all on the indexing thread
        return load(doc_id)

    monkeypatch.setattr(engine.target_store, "load_held", counted)
    user = server.add_user("Hua")
    async with running(server, engine, db_url):
        read.clear()
        said = await ask_text(server, user, user, "/subscribe GDP 08:00")
        assert "已订阅" in said and "没有符合" not in said
        assert read == docs[: first + 1] and len(docs) > first + 1
        read.clear()
        mars = await ask_text(server, user, user, "/subscribe region:火星 09:00")
        assert "已订阅" in mars and "没有符合这个筛选的重点目标" in mars
        assert read == docs
