"""Live sources end to end: the real PTB Application against the fake Bot API server, the
fixture web site on 127.0.0.1 (``tests/fixture_site.py``), a private copy of the bundled
corpus and its index, and a SQLite database file.

An admin adds the fixture site's list page in the chat; a new article appears; after
``/source check`` ``/search`` finds it, ``/targets`` lists its targets and the next
scheduled digest includes it, once; a second poll downloads nothing (304); a broken
site alerts the admins once. Scheduled polls and digests are fired as APScheduler would
(``SourceScheduler.fire``, ``DigestScheduler.fire``), never by waiting for real time.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Application

from bot.config import Settings
from bot.library import Engine
from bot.storage import Database
from bot.storage.queries import MemoryQueryStore
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi, User
from handlers.context import services_of
from tests import e2e
from tests.conftest import BUNDLED_CORPUS
from tests.e2e import engine_copy
from tests.fixture_site import (  # noqa: F401 (fixture_site_fixture: the fixture_site fixture)
    BINARY_PATH,
    EMPTY_PATH,
    HUGE_PATH,
    LIST_PATH,
    LOOP_PATH,
    NOT_FEED_PATH,
    NOT_FOUND_PATH,
    SLOW_PATH,
    UTF8_TITLE,
    fixture_site_fixture,
)

ADMIN_ID = 8101
SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_TITLE = "示例市2026年政府工作报告"
TARGET_SENTENCE = "全市地区生产总值增长6%左右"


SOURCE_SETTINGS = {
    "owners": [ADMIN_ID],
    "flood_burst": 0,
    "sources_allow_private": True,
    "source_host_gap_seconds": 0,
    "source_retries": 0,
    # the fixture's slow page answers after 3 s; 1.5 s leaves a loaded machine time to answer
    # the fast pages (0.5 s timed out a robots.txt at load 15)
    "source_timeout_seconds": 1.5,
    "source_max_mb": 2,
    "source_alert_failures": 3,
}


# ``server`` and ``tokenizer``, ``bundled_template``: tests/e2e.py
@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    """A private copy of the bundled corpus and its index: sources add documents."""
    return engine_copy(bundled_template, tmp_path, tokenizer, **SOURCE_SETTINGS)


@pytest.fixture
def settings(engine: Engine) -> Settings:
    return engine.settings


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with Database.open(url=f"sqlite:///{tmp_path}/e2e.db") as db:
        yield db


@asynccontextmanager
async def running(server, engine, settings, database) -> AsyncIterator[Application]:
    """The application on ``database``, its saved searches in memory."""
    async with e2e.running(
        server, engine, settings, query_store=MemoryQueryStore(), database=database
    ) as app:
        yield app


class Clock:
    def __init__(self, now: datetime.datetime) -> None:
        self.now = now

    def __call__(self) -> datetime.datetime:
        return self.now


async def ask(server: FakeBotApi, user: User, text: str, timeout: float = 20.0) -> str:
    """In ``user``'s private chat, with the longer wait an added source may need."""
    return await e2e.ask_text(server, user, user, text, timeout=timeout)


def source_files(settings: Settings) -> set[str]:
    bundled = {p.name for p in BUNDLED_CORPUS.iterdir()}
    return {p.name for p in settings.corpus_dir.iterdir()} - bundled


async def deliver(app: Application, sub_id: int, when: datetime.datetime) -> None:
    scheduler = services_of(app).scheduler
    scheduler.clock.now = when
    assert await scheduler.fire(sub_id) is not None
    await scheduler.drain()


# -- the whole flow ----------------------------------------------------------------------------
async def test_an_admin_adds_a_source_and_new_documents_flow_to_search_targets_and_digests(
    server, engine, settings, database, fixture_site
) -> None:
    admin = server.add_user("Admin", id=ADMIN_ID)
    reader = server.add_user("Reader")
    async with running(server, engine, settings, database) as app:
        svc = services_of(app)
        svc.scheduler.clock = Clock(datetime.datetime.now(UTC))
        # a reader subscribes first, and gets a first digest (everything is new then)
        reply = await ask(server, reader, "/subscribe GDP 08:30")
        assert "已订阅" in reply
        (sub,) = svc.subscriptions.store.list_for_chat(reader.id)
        now = datetime.datetime.now(SHANGHAI)
        slot = now.replace(hour=8, minute=30, second=0, microsecond=0).astimezone(UTC)
        await deliver(app, sub.id, slot + timedelta(seconds=10))
        first_digest = server.bot_messages(reader)[-1]["text"]
        assert NEW_TITLE not in first_digest

        # the admin adds the fixture site's list page: polled at once
        server.mark_seen()
        await server.send_message(
            admin, admin, f"/source add {fixture_site.url(LIST_PATH)} city every 6h"
        )
        adding = (await server.next_call("sendMessage", chat=admin)).message["text"]
        assert "正在添加" in adding
        added = (await server.next_call("sendMessage", chat=admin, timeout=30)).message["text"]
        assert "已添加信息源 city" in added and "list" in added, added
        assert "入库" in added
        assert svc.sources.next_run((await svc.run_db(svc.sources.store.require, "city")).id)

        # a new article appears on the site; a check brings it in
        url = fixture_site.add_article(
            "t20260301_2001",
            NEW_TITLE,
            [
                "一、2026年主要目标",
                f"今年经济社会发展的主要预期目标是：{TARGET_SENTENCE}，城镇新增就业5万人以上，"
                "居民消费价格涨幅3%左右。",
                "二、重点任务",
                "实施重大项目220个，完成投资1300亿元以上。",
            ],
            date=datetime.date(2026, 3, 1),
        )
        checked = await ask(server, admin, "/source check city", timeout=30)
        assert "新入库 1" in checked and NEW_TITLE in checked, checked
        info = next(d for d in engine.documents() if d.title == NEW_TITLE)
        assert info.extra["url"] == url

        # /search finds it, with its URL; /targets lists its targets
        found = await ask(server, reader, f"/search {TARGET_SENTENCE}")
        assert NEW_TITLE in found and url in found, found
        targets = await ask(server, reader, f"/targets {info.doc_id}")
        assert "6%" in targets, targets

        # a second poll (scheduled) downloads nothing: the list page answers 304
        list_hits, article_hits = (
            fixture_site.hits[LIST_PATH],
            fixture_site.hits["/zwgk/t20260301_2001.html"],
        )
        source = await svc.run_db(svc.sources.store.require, "city")
        report = await svc.sources.fire(source.id)
        assert report is not None and report.not_modified and report.items == ()
        assert fixture_site.hits[LIST_PATH] == list_hits + 1
        assert fixture_site.hits["/zwgk/t20260301_2001.html"] == article_hits
        last = [(p, h) for p, h in fixture_site.requests if p == LIST_PATH][-1][1]
        assert "If-None-Match" in last or "If-Modified-Since" in last

        # the next digest includes it as new, exactly once
        def texts() -> list[str]:
            return [m["text"] for m in server.bot_messages(reader)]

        before = len(texts())
        await deliver(app, sub.id, slot + timedelta(days=1, seconds=10))
        middle = len(texts())
        await deliver(app, sub.id, slot + timedelta(days=2, seconds=10))
        second, third = texts()[before:middle], texts()[middle:]
        assert second and third
        new_docs = [line for t in second for line in t.splitlines() if "新文件" in line]
        assert len(new_docs) == 1 and new_docs[0].count(NEW_TITLE) == 1, second
        assert url in new_docs[0]  # the source URL with the digest line
        assert any(f"《{NEW_TITLE}》🆕" in t for t in second)
        assert not any("示例市2026年" in t for t in third), third
        assert "没有新的重点目标" in third[0]

        # /sources shows the source as healthy; /status lists no failing source
        listing = await ask(server, admin, "/sources")
        assert "city" in listing and "正常" in listing
        status = await ask(server, admin, "/status")
        assert "信息源：1 个，其中 0 个异常" in status


async def test_a_broken_site_alerts_the_admins_once(
    server, engine, settings, database, fixture_site
) -> None:
    admin = server.add_user("Admin", id=ADMIN_ID)
    async with running(server, engine, settings, database) as app:
        svc = services_of(app)
        added = await ask(server, admin, f"/source add {fixture_site.url(LIST_PATH)} city", 30)
        assert "正在添加" in added
        await server.next_call("sendMessage", chat=admin, timeout=30)
        source = await svc.run_db(svc.sources.store.require, "city")
        fixture_site.break_site()
        server.mark_seen()
        for _ in range(5):
            report = await svc.sources.fire(source.id)
            assert report.error == "http_status"
        alert = (await server.next_call("sendMessage", chat=admin)).message["text"]
        assert "信息源 city 已连续 3 次抓取失败" in alert, alert
        alerts = [m["text"] for m in server.bot_messages(admin) if "连续" in m["text"]]
        assert alerts == [alert]
        listing = await ask(server, admin, "/sources")
        assert "连续失败 5 次" in listing and "服务器返回错误状态" in listing
        status = await ask(server, admin, "/status")
        assert "其中 1 个异常" in status and "city" in status
        # a user who is no admin cannot manage sources
        other = server.add_user("Other")
        assert "只有机器人管理员" in await ask(server, other, "/sources")


# -- bad input ---------------------------------------------------------------------------------
BAD = [
    (NOT_FOUND_PATH, "服务器返回错误状态"),
    (SLOW_PATH, "超时"),
    (LOOP_PATH, "重定向循环"),
    (HUGE_PATH, "内容过大"),
    (BINARY_PATH, "二进制"),
    (EMPTY_PATH, "没有正文"),
]


async def test_bad_inputs_give_clear_reasons_and_leave_no_file(
    server, engine, settings, database, fixture_site
) -> None:
    admin = server.add_user("Admin", id=ADMIN_ID)
    async with running(server, engine, settings, database):
        reply = await ask(server, admin, "/source add ftp://example.org/list bad")
        assert "无法添加" in reply and "不是 http(s) 网址" in reply
        reply = await ask(server, admin, "/source add https://example.org/ every sometimes")
        assert "不是有效的间隔" in reply
        reply = await ask(server, admin, "/source check nobody")
        assert "没有名为 nobody 的信息源" in reply
        for n, (path, reason) in enumerate(BAD):
            await server.send_message(admin, admin, f"/source add {fixture_site.url(path)} bad{n}")
            await server.next_call("sendMessage", chat=admin)  # "adding …"
            outcome = (await server.next_call("sendMessage", chat=admin, timeout=30)).message
            assert reason in outcome["text"], (path, outcome["text"])
        # a feed (empty: nothing to ingest) that starts serving something that is not XML
        empty_rss = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            "<title>示例</title><link>http://127.0.0.1/</link><description>空</description>"
            "</channel></rss>"
        )
        feed = fixture_site.set_page("/feed.xml", empty_rss, "application/rss+xml")
        await server.send_message(admin, admin, f"/source add {feed} feed")
        await server.next_call("sendMessage", chat=admin)
        outcome = (await server.next_call("sendMessage", chat=admin, timeout=30)).message["text"]
        assert "已添加信息源 feed" in outcome and "feed" in outcome, outcome
        fixture_site.set_page("/feed.xml", "<html><body>网站维护中 {{</body></html>", "text/xml")
        checked = await ask(server, admin, "/source check feed")
        assert "不是有效的 RSS/Atom（XML）" in checked, checked
        # the fixture's own "feed" that is HTML: refused with a reason, nothing kept
        await server.send_message(
            admin, admin, f"/source add {fixture_site.url(NOT_FEED_PATH)} odd"
        )
        await server.next_call("sendMessage", chat=admin)
        outcome = (await server.next_call("sendMessage", chat=admin, timeout=30)).message["text"]
        assert "抓取失败" in outcome, outcome
        listing = await ask(server, admin, "/sources")
        for _path, reason in [*BAD, ("", "不是有效的 RSS/Atom（XML）")]:
            assert reason in listing, (reason, listing)
        assert source_files(settings) == set()
        assert not [p for p in settings.corpus_dir.iterdir() if p.name.startswith(".")]


async def test_a_private_address_is_refused_unless_allowed(
    server, engine, settings, database, fixture_site
) -> None:
    admin = server.add_user("Admin", id=ADMIN_ID)
    settings = settings.model_copy(update={"sources_allow_private": False})
    async with running(server, engine, settings, database) as app:
        reply = await ask(server, admin, f"/source add {fixture_site.url(LIST_PATH)} local")
        assert "正在添加" in reply
        outcome = (await server.next_call("sendMessage", chat=admin, timeout=30)).message["text"]
        assert "内网或本机地址" in outcome, outcome
        svc = services_of(app)
        assert await svc.run_db(svc.sources.store.list) == []
        assert fixture_site.hits[LIST_PATH] == 0
