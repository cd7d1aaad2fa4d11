"""Live document management end to end: uploads, /docs for admins, /remove, /reindex.

The real PTB Application polls ``FakeBotApi``; each test gets a private copy of the
bundled corpus and of its built index, its own SQLite database and data folder, so
uploads never touch the bundled corpus. Waits are the server's bounded waits (or
threading events with timeouts), never sleeps.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.config import Settings
from bot.corpus import uploads
from bot.library import Engine
from bot.storage import Database
from bot.storage.queries import MemoryQueryStore
from bot.text.tokenize import Tokenizer
from fake_telegram import BotCall, FakeBotApi, User
from handlers import admin_documents
from handlers.context import Services, services_of
from handlers.format.admin_documents import human_size
from handlers.pending_uploads import PENDING_TTL, PendingUploads
from handlers.progress import EDIT_INTERVAL, ProgressMessage
from tests import e2e
from tests.conftest import BUNDLED_CORPUS
from tests.e2e import buttons, engine_copy
from tests.test_corpus_reader import make_cjk_pdf
from tests.test_corpus_webpage import LIST_PAGE, article_page
from tests.test_uploads import docx_bomb, docx_bytes, lines, markdown, zip_bytes

ADMIN_ID = 7001
USER_ID = 7002
MAX_FILE_MB = 0.5
BUNDLED = sorted(p.name for p in BUNDLED_CORPUS.iterdir() if p.is_file())


# -- fixtures ----------------------------------------------------------------------------------
# ``server`` and ``tokenizer``, ``bundled_template``: tests/e2e.py
@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    """A private copy of the bundled corpus and its index: the tests change it."""
    return engine_copy(
        bundled_template,
        tmp_path,
        tokenizer,
        owners=[ADMIN_ID],
        max_file_mb=MAX_FILE_MB,
        flood_burst=0,
    )


@pytest.fixture
def settings(engine: Engine) -> Settings:
    return engine.settings


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(url=f"sqlite:///{tmp_path}/b.db")
    yield db
    db.close()


@asynccontextmanager
async def running(
    server: FakeBotApi, engine: Engine, settings: Settings, database: Database
) -> AsyncIterator[Application]:
    """The application on ``database``, its saved searches in memory."""
    async with e2e.running(
        server, engine, settings, query_store=MemoryQueryStore(), database=database
    ) as app:
        yield app


@dataclass
class Bot:
    server: FakeBotApi
    app: Application
    engine: Engine
    settings: Settings
    admin: User
    user: User

    @property
    def services(self) -> Services:
        return services_of(self.app)


@pytest.fixture
async def bot(
    server: FakeBotApi, engine: Engine, settings: Settings, database: Database
) -> AsyncIterator[Bot]:
    admin = server.add_user("Admin", id=ADMIN_ID)
    user = server.add_user("User", id=USER_ID)
    async with running(server, engine, settings, database) as app:
        yield Bot(server, app, engine, settings, admin, user)


# -- helpers -----------------------------------------------------------------------------------
async def ask(bot: Bot, user: User, text: str, chat: Any = None) -> BotCall:
    """``user`` writes ``text`` (in their private chat by default); the bot's reply."""
    return await e2e.ask(bot.server, user if chat is None else chat, user, text)


async def settled_edit(bot: Bot, chat: Any, timeout: float = 10.0) -> BotCall:
    """The next edit in ``chat`` that is an outcome, not a "working on it" (⏳) step."""
    chat_id = bot.server.chat(chat).id

    def match(call: BotCall) -> bool:
        return (
            call.method == "editMessageText"
            and call.ok
            and call.chat_id == chat_id
            and not call.message["text"].startswith("⏳")
        )

    return await bot.server.wait_for(match, timeout)


async def upload(bot: Bot, filename: str, data: bytes, user: User | None = None) -> BotCall:
    """An admin sends a file: the "received" reply, then the outcome edited into it."""
    user = user or bot.admin
    await bot.server.send_document(user, user, filename, data)
    received = await bot.server.next_call("sendMessage", chat=user)
    assert received.message["text"].startswith("📥"), received.message["text"]
    result = await settled_edit(bot, user)
    assert result.message["message_id"] == received.message["message_id"]
    return result


async def press(bot: Bot, message: dict[str, Any], label: str, user: User) -> BotCall:
    return await e2e.press(bot.server, message, label, user)


def staging(settings: Settings) -> list[str]:
    root = uploads.staging_root(settings.data_dir)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def snapshot(bot: Bot) -> dict[str, Any]:
    """What an upload or removal may change: corpus files, served documents, staging."""
    corpus = bot.settings.corpus_dir
    return {
        "corpus": sorted(
            (p.relative_to(corpus).as_posix(), p.read_bytes())
            for p in corpus.rglob("*")
            if p.is_file()
        ),
        "docs": [(d.doc_id, d.sha256) for d in bot.engine.documents()],
        "staging": staging(bot.settings),
    }


def found(bot: Bot, word: str) -> set[str]:
    hits = bot.engine.search(word, correct=False, page_size=50).hits
    return {h.filename for h in hits}


def audit(bot: Bot, n: int = 10) -> list[tuple[int, str, str]]:
    return [(e.actor_id, e.action, e.result) for e in bot.services.audit.latest(n)]


# -- every supported type ----------------------------------------------------------------------
TYPES: dict[str, Callable[[str], bytes]] = {
    "utf8.txt": lambda w: markdown(w).encode("utf-8"),
    "gb18030.txt": lambda w: markdown(w).encode("gb18030"),
    "report.md": lambda w: markdown(w).encode("utf-8"),
    "report.docx": docx_bytes,
    "report.pdf": lambda w: make_cjk_pdf(lines(w)),
    "report.html": lambda w: article_page(w, charset="gb2312").encode("gbk"),
}


@pytest.mark.parametrize("name", TYPES)
async def test_admin_uploads_each_type_and_it_is_searchable(bot: Bot, name: str) -> None:
    data = TYPES[name]("量子通信")
    reply = await upload(bot, name, data)
    text = reply.message["text"]
    info = bot.engine.find_document(name)
    every = bot.engine.targets(doc=info.doc_id)
    key = [t.record for t in bot.engine.targets(doc=info.doc_id, kind="target")]
    assert text.startswith("✅ 已添加")
    assert f"段落：{info.passages} " in text and info.passages > 0
    assert f"目标数据：{len(every)}（" in text and every
    assert f"重点目标：{len(key)}）" in text and key
    assert "地区生产总值" in text  # the first key target is shown
    assert key[0].indicator in text
    assert info.doc_id in text and human_size(len(data)) in text
    assert (bot.settings.corpus_dir / name).read_bytes() == data
    if name == "gb18030.txt":
        assert info.encoding == "gb18030"
    if name == "report.html":  # the page's own title, not a line of navigation
        assert info.title == "江州市2025年政府工作报告"
    assert staging(bot.settings) == []

    search = await ask(bot, bot.user, "/search 量子通信")
    assert name in search.message["text"]
    targets = await ask(bot, bot.user, f"/targets {info.doc_id}")
    assert "地区生产总值" in targets.message["text"]
    assert (ADMIN_ID, "upload", "ok") in audit(bot)


async def test_searches_are_answered_while_an_upload_is_indexed(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, release = threading.Event(), threading.Event()
    original = bot.engine.add_upload
    threads: list[str] = []

    def slow_add_upload(*args: Any, **kwargs: Any):
        threads.append(threading.current_thread().name)
        entered.set()
        assert release.wait(10), "the test never released the upload"
        return original(*args, **kwargs)

    monkeypatch.setattr(bot.engine, "add_upload", slow_add_upload)
    try:
        await bot.server.send_document(
            bot.admin, bot.admin, "slow.md", markdown("量子通信").encode()
        )
        assert await asyncio.to_thread(entered.wait, 10)
        search = await ask(bot, bot.user, "/search 地区生产总值")  # while indexing
        assert "地区生产总值" in search.message["text"]
        docs = await ask(bot, bot.user, "/docs")
        assert "slow.md" not in docs.message["text"]
    finally:
        release.set()
    result = await settled_edit(bot, bot.admin)
    assert result.message["text"].startswith("✅ 已添加")
    assert search.index < result.index
    assert threads and threads[0].startswith("briefbot-index")  # never the core thread
    assert "slow.md" in found(bot, "量子通信")


# -- duplicates and new versions ---------------------------------------------------------------
async def test_same_content_is_a_duplicate(bot: Bot) -> None:
    before = snapshot(bot)
    data = (bot.settings.corpus_dir / BUNDLED[0]).read_bytes()
    reply = await upload(bot, "copy of a report.txt", data)
    text = reply.message["text"]
    existing = bot.engine.find_document(BUNDLED[0])
    assert "重复文件" in text
    assert f"与已有文件 {BUNDLED[0]}（编号 {existing.doc_id}） 内容相同" in text
    assert snapshot(bot) == before


async def _ask_to_replace(bot: Bot) -> tuple[BotCall, dict[str, Any]]:
    await upload(bot, "report.md", markdown("量子通信").encode())
    before = snapshot(bot)
    asked = await upload(bot, "report.md", markdown("低空经济").encode())
    message = asked.message
    assert message["text"].startswith("❓ 替换文件？")
    assert set(buttons(message)) == {"✅ 替换", "✖️ 取消"}
    assert all(len(d.encode()) <= 64 for d in buttons(message).values())
    after = snapshot(bot)
    assert after["corpus"] == before["corpus"] and after["docs"] == before["docs"]
    token = buttons(message)["✅ 替换"].split(":")[2]
    assert after["staging"] == [f"pending/{token}.bin", f"pending/{token}.json"]
    assert (
        uploads.staging_root(bot.settings.data_dir) / f"pending/{token}.bin"
    ).read_bytes() == markdown("低空经济").encode()
    return asked, before


async def test_new_version_is_replaced_on_confirmation(bot: Bot) -> None:
    asked, _before = await _ask_to_replace(bot)
    answer = await press(bot, asked.message, "✅ 替换", bot.admin)
    assert answer.ok
    done = await settled_edit(bot, bot.admin)
    assert done.message["message_id"] == asked.message["message_id"]
    assert done.message["text"].startswith("✅ 已替换")
    assert not buttons(done.message)
    assert (bot.settings.corpus_dir / "report.md").read_bytes() == markdown("低空经济").encode()
    assert "report.md" not in found(bot, "量子通信")
    assert "report.md" in found(bot, "低空经济")
    search = await ask(bot, bot.user, "/search 低空经济")
    assert "report.md" in search.message["text"]
    assert staging(bot.settings) == []
    assert (ADMIN_ID, "upload replace", "ok") in audit(bot)


async def test_cancel_keeps_the_old_version_and_cleans_staging(bot: Bot) -> None:
    asked, before = await _ask_to_replace(bot)
    await press(bot, asked.message, "✖️ 取消", bot.admin)
    cancelled = await settled_edit(bot, bot.admin)
    assert cancelled.message["text"].startswith("已取消")
    assert not buttons(cancelled.message)
    assert snapshot(bot) == before  # staging included: the pending bytes are gone
    assert "report.md" in found(bot, "量子通信")
    assert (ADMIN_ID, "upload cancel", "ok") in audit(bot)


async def test_an_expired_confirmation_changes_nothing(bot: Bot) -> None:
    asked, before = await _ask_to_replace(bot)
    token = buttons(asked.message)["✅ 替换"].split(":")[2]
    meta = uploads.staging_root(bot.settings.data_dir) / "pending" / f"{token}.json"
    stored = json.loads(meta.read_text(encoding="utf-8"))
    stored["created"] -= 2 * PENDING_TTL
    meta.write_text(json.dumps(stored), encoding="utf-8")
    answer = await press(bot, asked.message, "✅ 替换", bot.admin)
    assert "过期" in answer.params["text"] and answer.params["show_alert"]
    edited = await bot.server.next_call("editMessageText", chat=bot.admin)
    assert "过期" in edited.message["text"] and not buttons(edited.message)
    assert snapshot(bot) == before


def test_pending_uploads_claim_once_and_expire(tmp_path: Path) -> None:
    now = [1000.0]
    pending = PendingUploads(tmp_path, ttl=60, clock=lambda: now[0])
    token = pending.put("a.md", b"abc", chat_id=1, user_id=2)
    assert len(token) == 12 and pending.tokens() == [token]
    assert pending.get(token).filename == "a.md"
    entry, data = pending.take(token)
    assert (entry.filename, entry.chat_id, entry.user_id, data) == ("a.md", 1, 2, b"abc")
    assert pending.take(token) is None and list(pending.root.iterdir()) == []
    old = pending.put("b.md", b"x", chat_id=1, user_id=2)
    now[0] += 61
    assert pending.get(old) is None and pending.take(old) is None
    assert list(pending.root.iterdir()) == []


# -- bad input ---------------------------------------------------------------------------------
BAD = {
    # name, bytes, words in the refusal, whether the bot may download it to tell
    "oversize": ("big.txt", "政策".encode() * 100_000, "过大", False),
    "empty": ("empty.txt", b"", "为空", False),  # Telegram's file_size says 0
    "binary": ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(300), "其实是一张图片", True),
    "zip": ("docs.zip", zip_bytes(), "压缩包", False),
    "zip-as-txt": ("docs.txt", zip_bytes(), "压缩包", True),
    "exe": ("setup.exe", b"MZ\x90\x00" + bytes(100), "不支持的文件类型", False),
    "undecodable": ("odd.txt", bytes(range(0x80, 0x100)) * 20, "未添加", True),
    "whitespace": ("blank.md", b"  \n\n \t\n", "空白", True),
    "unsafe-name": ("..evil.txt", markdown("量子通信").encode(), "文件名不安全", False),
    "docx-bomb": ("bomb.docx", docx_bomb(), "压缩比", True),
    "list-page": ("list.html", LIST_PAGE.encode(), "没有正文", True),
    "old-word": ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "另存为", False),
}


@pytest.mark.parametrize("case", BAD)
async def test_bad_uploads_are_refused_and_leave_nothing_behind(bot: Bot, case: str) -> None:
    name, data, words, downloads = BAD[case]
    before = snapshot(bot)
    await bot.server.send_document(bot.admin, bot.admin, name, data)
    first = await bot.server.next_call("sendMessage", chat=bot.admin)
    if downloads:
        assert first.message["text"].startswith("📥")
        reply = (await settled_edit(bot, bot.admin)).message["text"]
    else:
        reply = first.message["text"]
        assert not bot.server.calls("getFile")  # refused on the name or size alone
    assert reply.startswith("❌") and words in reply, reply
    assert "\n" not in reply and any("\u4e00" <= ch <= "\u9fff" for ch in reply)
    assert snapshot(bot) == before
    assert (ADMIN_ID, "upload", "refused") in audit(bot)


async def test_non_admin_upload_is_refused_without_download(bot: Bot) -> None:
    before = snapshot(bot)
    await bot.server.send_document(bot.user, bot.user, "mine.md", markdown("量子通信").encode())
    reply = await bot.server.next_call("sendMessage", chat=bot.user)
    assert "只有机器人管理员" in reply.message["text"]
    assert not bot.server.calls("getFile")
    assert snapshot(bot) == before
    assert audit(bot, 1) == [(USER_ID, "upload", "refused")]


async def test_documents_in_groups_are_ignored(bot: Bot) -> None:
    group = bot.server.add_chat("supergroup", "Policy group")
    before = snapshot(bot)
    await bot.server.send_document(group, bot.admin, "g.md", markdown("量子通信").encode())
    # Nothing is answered: the next thing the bot says in the group is the search reply.
    search = await ask(bot, bot.admin, "/search 地区生产总值", chat=group)
    assert "地区生产总值" in search.message["text"]
    assert not bot.server.calls("getFile")
    assert snapshot(bot) == before


# -- /docs -------------------------------------------------------------------------------------
async def test_docs_shows_ids_and_sizes_to_admins_only(bot: Bot) -> None:
    infos = bot.engine.documents()
    admin_view = (await ask(bot, bot.admin, "/docs")).message["text"]
    assert "文件列表（管理员）" in admin_view
    for info in infos:
        assert info.doc_id in admin_view and info.relpath in admin_view
        assert human_size(info.size) in admin_view
    public = (await ask(bot, bot.user, "/docs")).message["text"]
    assert "管理员" not in public and "/remove" not in public
    assert human_size(infos[0].size) not in public


# -- /remove -----------------------------------------------------------------------------------
async def test_remove_with_confirmation(bot: Bot) -> None:
    await upload(bot, "quantum.md", markdown("量子通信").encode())
    info = bot.engine.find_document("quantum.md")
    asked = (await ask(bot, bot.admin, f"/remove {info.doc_id}")).message
    assert asked["text"].startswith("❓ 删除文件？") and "quantum.md" in asked["text"]
    assert all(len(d.encode()) <= 64 for d in buttons(asked).values())
    assert "quantum.md" in found(bot, "量子通信")  # nothing happens before the confirmation

    await press(bot, asked, "🗑 删除", bot.admin)
    done = await settled_edit(bot, bot.admin)
    assert done.message["message_id"] == asked["message_id"]
    assert done.message["text"].startswith("🗑 已删除") and not buttons(done.message)
    assert not (bot.settings.corpus_dir / "quantum.md").exists()
    assert "quantum.md" not in found(bot, "量子通信")
    assert all(t.doc_id != info.doc_id for t in bot.engine.targets())
    docs = (await ask(bot, bot.admin, "/docs")).message["text"]
    assert info.doc_id not in docs and "quantum.md" not in docs
    search = (await ask(bot, bot.user, "/search 量子通信")).message["text"]
    assert "quantum.md" not in search
    assert (ADMIN_ID, "remove", "ok") in audit(bot)


async def test_remove_cancel_and_unknown_change_nothing(bot: Bot) -> None:
    before = snapshot(bot)
    info = bot.engine.find_document(BUNDLED[1])
    asked = (await ask(bot, bot.admin, f"/remove {BUNDLED[1]}")).message
    await press(bot, asked, "✖️ 取消", bot.admin)
    cancelled = await settled_edit(bot, bot.admin)
    assert cancelled.message["text"].startswith("已取消") and not buttons(cancelled.message)
    unknown = (await ask(bot, bot.admin, "/remove no-such-document")).message["text"]
    assert "找不到文件“no-such-document”" in unknown and "未删除任何文件" in unknown
    assert "\n" not in unknown  # said once: not again as the core's "没有与…匹配的文件"
    usage = (await ask(bot, bot.admin, "/remove")).message["text"]
    assert usage.startswith("用法：/remove")
    assert snapshot(bot) == before
    assert info.doc_id in (await ask(bot, bot.admin, "/docs")).message["text"]


async def test_a_confirmation_for_an_older_version_removes_nothing(bot: Bot) -> None:
    await upload(bot, "report.md", markdown("量子通信").encode())
    asked = (await ask(bot, bot.admin, "/remove report.md")).message
    # Meanwhile a new version replaces it (same id, new content).
    new = markdown("低空经济").encode()
    await bot.services.run(bot.engine.add_upload, "report.md", new, replace=True)
    before = snapshot(bot)
    await press(bot, asked, "🗑 删除", bot.admin)
    changed = await settled_edit(bot, bot.admin)
    assert "已被替换为新版本，未删除" in changed.message["text"]
    assert snapshot(bot) == before


async def test_non_admins_cannot_remove(bot: Bot) -> None:
    before = snapshot(bot)
    refused = (await ask(bot, bot.user, f"/remove {BUNDLED[0]}")).message["text"]
    assert "只有机器人管理员" in refused
    # An admin asks in a group; a non-admin presses the button: refused, nothing changes.
    group = bot.server.add_chat("supergroup", "Editors")
    asked = (await ask(bot, bot.admin, f"/remove {BUNDLED[0]}", chat=group)).message
    answer = await press(bot, asked, "🗑 删除", bot.user)
    assert "只有机器人管理员" in answer.params["text"] and answer.params["show_alert"]
    assert not bot.server.calls("editMessageText")
    assert snapshot(bot) == before
    assert audit(bot, 2) == [(USER_ID, "remove", "refused")] * 2


# -- /reindex ----------------------------------------------------------------------------------
async def test_reindex_edits_one_message_with_progress(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file's progress is held until the test has seen its edit: deterministic."""
    monkeypatch.setattr(admin_documents, "EDIT_INTERVAL", 0.0)
    original = bot.engine.prepare_refresh
    steps: dict[int, threading.Event] = {}

    def stepped(*, rebuild: bool = False, progress=None):
        def each(done: int, total: int, relpath: str) -> None:
            progress(done, total, relpath)
            event = steps.setdefault(done, threading.Event())
            assert event.wait(10), f"step {done} was never released"

        return original(rebuild=rebuild, progress=each)

    monkeypatch.setattr(bot.engine, "prepare_refresh", stepped)
    index_before = bot.engine.index
    status = (await ask(bot, bot.admin, "/reindex")).message
    total = len(BUNDLED)
    try:
        for done in range(1, total + 1):
            edit = await bot.server.next_call("editMessageText", chat=bot.admin)
            assert edit.message["message_id"] == status["message_id"]
            assert f" {done}/{total}\n" in edit.message["text"], edit.message["text"]
            steps.setdefault(done, threading.Event()).set()
    finally:
        for event in steps.values():
            event.set()
    final = await settled_edit(bot, bot.admin)
    assert final.message["message_id"] == status["message_id"]
    text = final.message["text"]
    passages = sum(d.passages for d in bot.engine.documents())
    assert text.startswith("✅ 重建索引完成")
    assert f"文件：{total} · 段落：{passages}" in text
    assert "用时" in text
    edits = bot.server.calls("editMessageText")
    assert len(edits) == total + 1 and {e.message["message_id"] for e in edits} == {
        status["message_id"]
    }
    assert bot.engine.index is not index_before  # the rebuilt index is served
    assert "地区生产总值" in (await ask(bot, bot.user, "/search 地区生产总值")).message["text"]
    assert (ADMIN_ID, "reindex", "ok") in audit(bot)


async def test_reindex_progress_is_throttled(bot: Bot) -> None:
    """With the real interval a rebuild of five files is at most a few edits: queued →
    (first progress) → done, and one more progress edit per interval the rebuild lasted
    (none on a fast machine; a loaded one may take seconds)."""
    started = time.monotonic()
    status = (await ask(bot, bot.admin, "/reindex")).message
    final = await settled_edit(bot, bot.admin)
    lasted = time.monotonic() - started
    assert final.message["text"].startswith("✅ 重建索引完成")
    edits = bot.server.calls("editMessageText")
    assert all(e.message["message_id"] == status["message_id"] for e in edits)
    assert len(edits) <= 3 + math.floor(lasted / EDIT_INTERVAL)
    texts = [e.params["text"] for e in edits]
    assert len(set(texts)) == len(texts)  # never the same text twice


async def test_non_admin_reindex_is_refused(bot: Bot) -> None:
    index_before = bot.engine.index
    reply = (await ask(bot, bot.user, "/reindex")).message["text"]
    assert "只有机器人管理员" in reply
    assert not bot.server.calls("editMessageText")
    assert bot.engine.index is index_before
    assert audit(bot, 1) == [(USER_ID, "reindex", "refused")]


class _FakeMessage:
    """Enough of a telegram.Message for ProgressMessage: records edits."""

    def __init__(self) -> None:
        self.text = "queued"
        self.text_html = "queued"
        self.edits: list[str] = []
        self.edited = asyncio.Event()

    async def edit_text(self, text: str, **_kwargs: Any) -> None:
        self.edits.append(text)
        self.edited.set()


async def test_progress_message_edits_at_most_once_per_interval() -> None:
    message = _FakeMessage()
    progress = ProgressMessage(message, lambda n: f"step {n}", interval=3600)
    for n in range(1, 101):
        progress.note(n)
    await asyncio.wait_for(message.edited.wait(), 5)
    for n in range(101, 201):
        progress.note(n)
    await progress.finish("done")
    assert message.edits == ["step 100", "done"]  # the latest state, then the final text
    progress.note(300)  # after finish: ignored
    assert message.edits == ["step 100", "done"]


async def test_progress_message_skips_unchanged_text() -> None:
    message = _FakeMessage()
    progress = ProgressMessage(message, lambda n: f"step {n // 10}", interval=0)
    progress.note(10)
    await asyncio.wait_for(message.edited.wait(), 5)
    message.edited.clear()
    progress.note(11)  # renders the same text: no edit
    progress.note(12)
    await progress.finish("step 1")  # the same as shown: no edit either
    assert message.edits == ["step 1"]


# -- restart -----------------------------------------------------------------------------------
async def test_uploaded_documents_survive_a_restart(
    server: FakeBotApi, engine: Engine, settings: Settings, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    admin = server.add_user("Admin", id=ADMIN_ID)
    user = server.add_user("User", id=USER_ID)
    url = f"sqlite:///{tmp_path}/restart.db"
    with Database.open(url=url) as database:
        async with running(server, engine, settings, database) as app:
            bot = Bot(server, app, engine, settings, admin, user)
            await upload(bot, "kept.docx", docx_bytes("量子通信"))
    # A new process: only the corpus folder, the data folder and the database are shared.
    reopened = Engine.open(settings, tokenizer=tokenizer)
    assert reopened.last_refresh is None  # the index on disk already had the upload
    with Database.open(url=url) as database:
        async with running(server, reopened, settings, database) as app:
            bot = Bot(server, app, reopened, settings, admin, user)
            server.mark_seen()
            info = reopened.find_document("kept.docx")
            docs = (await ask(bot, admin, "/docs")).message["text"]
            assert info.doc_id in docs and "kept.docx" in docs
            search = (await ask(bot, user, "/search 量子通信")).message["text"]
            assert "kept.docx" in search
            assert (ADMIN_ID, "upload", "ok") in audit(bot)


# -- timing (reported, loosely bounded) --------------------------------------------------------
async def test_upload_of_a_50kb_document_is_answered_quickly(bot: Bot) -> None:
    data = (bot.settings.corpus_dir / "002_39fe39f33e5ccbaa.txt").read_bytes()
    data = data.replace("。".encode(), "；".encode())  # new content, so not a duplicate
    assert 40_000 < len(data) < 80_000
    started = time.monotonic()
    reply = await upload(bot, "fifty.txt", data)
    elapsed = time.monotonic() - started
    assert reply.message["text"].startswith("✅ 已添加")
    assert elapsed < 10, elapsed
