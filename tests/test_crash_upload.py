"""kill -9 during an upload's indexing (issue 14, failure 11): the document the start-up
refresh indexes is audited as the admin's upload, interrupted by a restart.

The real bot (``python -m briefbot run``) against the fake Bot API in a process of its
own: an admin sends a document, the process is killed with SIGKILL once the document is
in the corpus folder (its indexing under way, its audit entry not yet written), and a
second process starts on the same folders.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from bot.admin import AuditLog
from bot.config import PROJECT_ROOT
from bot.storage.db import Database
from handlers.upload_journal import UploadJournal

TOKEN = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"  # well-formed, not a real token
NAME = "2025年示范区发展规划.txt"


def big_document() -> bytes:
    """A document whose indexing takes a while (a few hundred KB of paragraphs)."""
    lines = ["第一章 发展目标", ""]
    for n in range(2500):
        lines.append(
            f"第{n}项 推进鲲鹏量子示范园第{n}期建设，到2027年园区产值达到{100 + n}亿元，"
            f"新增就业岗位{n % 90 + 10}万个，研发投入强度提高到{n % 5 + 2}%以上。"
        )
        lines.append("")
    return "\n".join(lines).encode("utf-8")


async def start_bot(corpus: Path, data: Path, env_extra: dict[str, str]):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_"))}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, PYTHONUNBUFFERED="1", **env_extra)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "briefbot",
        "--corpus-dir",
        str(corpus),
        "--data-dir",
        str(data),
        "run",
        env=env,
        cwd=PROJECT_ROOT,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )


async def until_exists(path: Path, proc, timeout: float = 60.0) -> None:
    """The file appears (written by the bot process): a bounded look every 5 ms."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.returncode is None, "the bot exited"
        assert time.monotonic() < deadline, f"{path.name} never reached the corpus"
        await asyncio.sleep(0.005)


@pytest.mark.heavy
@pytest.mark.fake_bot(token=TOKEN)
async def test_an_upload_killed_while_indexing_is_audited_on_restart(tmp_path, server):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text(
        "第一章 发展目标\n\n地区生产总值增长5%左右。\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    admin = server.add_user("Admin")
    env = {"TELEGRAM_API_BASE_URL": server.url, "BRIEFBOT_OWNERS": str(admin.id)}
    first = await start_bot(corpus, data, env)
    try:
        await server.wait_until_polling(timeout=60)
        await server.send_document(admin, admin, NAME, big_document())
        await until_exists(corpus / NAME, first)
    finally:
        first.send_signal(signal.SIGKILL)
        await first.wait()
    database = Database.open(url=f"sqlite:///{data / 'briefbot.db'}")
    try:
        audit = AuditLog(database)
        assert not [e for e in audit.latest() if e.action == "upload"], "audited already"
        assert len(UploadJournal(data).entries()) == 1

        server.mark_seen()
        second = await start_bot(corpus, data, env)
        try:  # polling starts after the start-up hooks have run
            await server.send_message(admin, admin, "/audit")
            shown = await server.next_bot_message(admin, timeout=60)
        finally:
            second.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(second.communicate(), 30)
        assert second.returncode == 0, err.decode()[-2000:]
        uploads = [e for e in audit.latest() if e.action == "upload"]
    finally:
        database.close()
    assert len(uploads) == 1, uploads
    entry = uploads[0]
    assert entry.actor_id == admin.id and entry.result == "ok"
    assert NAME in entry.detail and "interrupted by a restart; indexed at start-up" in entry.detail
    assert UploadJournal(data).entries() == []
    assert NAME in shown["text"]  # /audit shows it
