"""The live index (issue 14, failure 5): the running bot serves documents another process
indexed on its data folder (``briefbot ingest``), without a restart.

The real PTB Application polls the fake Bot API; the ingest is a separate ``briefbot``
process on the same corpus and data folders. Waits are events (the watcher's
:meth:`~handlers.live_index.IndexWatcher.fresh`, the fake server's bounded waits).
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Settings
from bot.library import Engine
from bot.search.index import generation_stamp
from handlers.context import services_of
from tests.e2e import running

TERM = "鲲鹏量子示范园"
NEW_DOC = f"第一章 总体要求\n\n加快建设{TERM}，推动量子信息产业集聚发展。\n"


def small_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "plan.txt").write_text(
        "第一章 发展目标\n\n地区生产总值增长5%左右，城镇新增就业10万人。\n", encoding="utf-8"
    )
    return folder


async def briefbot(settings: Settings, *args: str) -> tuple[int, str]:
    """``briefbot`` in a process of its own on the same folders: exit code and output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_"))}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "briefbot",
        "--corpus-dir",
        str(settings.corpus_dir),
        "--data-dir",
        str(settings.data_dir),
        *args,
        env=env,
        cwd=PROJECT_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), 120)
    return proc.returncode or 0, out.decode()


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(
        corpus_dir=small_corpus(tmp_path / "corpus"),
        data_dir=tmp_path / "data",
        index_check_seconds=0.05,
    )


@pytest.mark.heavy
async def test_running_bot_serves_a_document_ingested_by_another_process(
    settings, tmp_path, server
):
    engine = Engine.open(settings)
    new = tmp_path / "incoming" / "quantum.txt"
    new.parent.mkdir()
    new.write_text(NEW_DOC, encoding="utf-8")
    async with running(server, engine, settings) as app:
        alice = server.add_user("Alice")
        await server.send_message(alice, alice, TERM)
        before = await server.next_bot_message(alice)
        assert "没有找到" in before["text"]
        served = engine.index

        code, output = await briefbot(settings, "ingest", str(new))
        assert code == 0, output
        assert "quantum.txt" in output
        await asyncio.wait_for(services_of(app).live_index.fresh(), 30)

        await server.send_message(alice, alice, TERM)
        after = await server.next_bot_message(alice)
        # the new index's targets are linked for scorecards before anyone asks: a
        # check begins only after the one before it has linked them
        await asyncio.wait_for(services_of(app).live_index.fresh(), 30)
        assert not engine.links_stale()
    assert TERM in after["text"], after["text"]
    assert "quantum" in after["text"]
    assert engine.index is not served
    assert engine.index.stamp == generation_stamp(settings.index_dir / "compiled")
    assert services_of(app).live_index.swaps == 1


async def test_no_change_on_disk_opens_nothing(settings):
    engine = Engine.open(settings)
    assert not engine.newer_on_disk()
    assert engine.disk_update() is None


async def test_a_search_in_flight_finishes_on_the_old_index(settings, tmp_path):
    """The swap is queued on the core thread behind searches already there."""
    engine = Engine.open(settings)
    old = engine.index
    other = Engine.open(settings)  # another writer on the same folders
    (settings.corpus_dir / "quantum.txt").write_text(NEW_DOC, encoding="utf-8")
    other.refresh()
    assert engine.newer_on_disk()
    update = engine.disk_update()
    assert update is not None and not engine.newer_on_disk()  # offered: not opened twice
    assert engine.search(TERM).total == 0  # not swapped in until reopen
    assert engine.index is old
    assert engine.reopen(update)
    assert engine.search(TERM).total > 0
    assert engine.disk_update() is None


# -- a damaged index healed: the admins are told -------------------------------------------------
def truncate(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)


async def test_a_heal_at_start_up_tells_the_admins(tmp_path, server):
    admin = server.add_user("Admin")
    settings = Settings(
        corpus_dir=small_corpus(tmp_path / "corpus"),
        data_dir=tmp_path / "data",
        owners=[admin.id],
    )
    Engine.open(settings)
    truncate(settings.index_dir / "compiled" / "pids.npy")
    engine = Engine.open(settings)  # healed here, before the bot runs
    async with running(server, engine, settings):
        notice = await server.next_bot_message(admin)
    assert "检索索引已损坏" in notice["text"]
    assert "pids.npy" in notice["text"] and "compiled.damaged-" in notice["text"]


async def test_a_heal_while_running_is_off_the_loop_and_tells_the_admins(tmp_path, caplog, server):
    admin = server.add_user("Admin")
    settings = Settings(
        corpus_dir=small_corpus(tmp_path / "corpus"),
        data_dir=tmp_path / "data",
        owners=[admin.id],
        index_check_seconds=0.05,
    )
    engine = Engine.open(settings)
    async with running(server, engine, settings) as app:
        await server.send_message(admin, admin, "/lang en")
        await server.next_bot_message(admin)
        meta = settings.index_dir / "compiled" / "meta.json"
        meta.write_bytes(b"\xff" * meta.stat().st_size)  # garbage: a new stamp too
        with caplog.at_level("WARNING"):
            await asyncio.wait_for(services_of(app).live_index.fresh(), 30)
            notice = await server.next_bot_message(admin)
        await server.send_message(admin, admin, "地区生产总值")
        answer = await server.next_bot_message(admin)
    assert notice["text"].startswith("⚠️ The search index was damaged"), notice["text"]
    healed = [r for r in caplog.records if "compiled index damaged" in r.getMessage()]
    assert healed and all(r.threadName.startswith("briefbot-index") for r in healed)
    assert "地区生产总值" in answer["text"]
