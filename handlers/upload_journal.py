"""Uploads in progress, on disk, so that one a crash interrupts is still audited.

An upload is audited when its indexing has finished (:mod:`handlers.admin_documents`).
A ``kill -9`` after the document reached the corpus folder but before that entry left
it indexed on restart (the start-up refresh reads the corpus) with nobody recorded as
having added it (issue 14, failure 11). So before the indexing starts the upload is
written down here, ``<data_dir>/uploads-in-progress/<token>.json`` (action, file name,
SHA-256 of the bytes, sender, chat, time), and the entry is dropped once the audit entry
is written. At start-up (:func:`reconcile`) every entry left is audited with what became
of it: indexed (the index holds a document with those bytes) or not, and then dropped.

The folder is outside the staging root (``<data_dir>/uploads``), whose sweep removes
idle folders after an hour: a bot down longer than that still audits its uploads.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import secrets
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.admin.audit import AuditResult
from bot.i18n import Message
from bot.models import DocumentInfo

if TYPE_CHECKING:
    from handlers.context import Services

logger = logging.getLogger(__name__)

JOURNAL_DIR = "uploads-in-progress"


@dataclass(frozen=True)
class JournalEntry:
    token: str
    action: str
    filename: str
    sha256: str
    user_id: int
    chat_id: int | None
    started: float


class UploadJournal:
    """The uploads being indexed (blocking file calls: run them off the event loop)."""

    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / JOURNAL_DIR

    def begin(
        self, action: str, filename: str, data: bytes, *, user_id: int, chat_id: int | None
    ) -> str:
        """Write the entry (durably: renamed into place after an fsync); its token."""
        self.root.mkdir(parents=True, exist_ok=True)
        token = secrets.token_hex(8)
        entry = {
            "action": action,
            "filename": filename,
            "sha256": hashlib.sha256(data).hexdigest(),
            "user_id": user_id,
            "chat_id": chat_id,
            "started": time.time(),
        }
        tmp = self.root / f".{token}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(entry, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.root / f"{token}.json")
        return token

    def end(self, token: str) -> None:
        """Drop the entry (its upload is audited)."""
        (self.root / f"{token}.json").unlink(missing_ok=True)

    def entries(self) -> list[JournalEntry]:
        """The entries left, oldest first; an unreadable one is dropped with a log line."""
        if not self.root.is_dir():
            return []
        found: list[JournalEntry] = []
        for path in sorted(self.root.glob("*.json")):
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                chat = raw.get("chat_id")
                found.append(
                    JournalEntry(
                        path.stem,
                        str(raw["action"]),
                        str(raw["filename"]),
                        str(raw["sha256"]),
                        int(raw["user_id"]),
                        int(chat) if chat is not None else None,
                        float(raw["started"]),
                    )
                )
            except (OSError, ValueError, KeyError, TypeError):
                logger.warning("dropping an unreadable upload journal entry %s", path.name)
                with suppress(OSError):
                    path.unlink()
        for stray in self.root.glob(".*.tmp"):  # a crash while writing one
            with suppress(OSError):
                stray.unlink()
        return sorted(found, key=lambda e: e.started)


def outcome(entry: JournalEntry, docs: list[DocumentInfo]) -> tuple[AuditResult, Message]:
    """The audit result and detail of an upload a restart interrupted, given the documents
    indexed now."""
    doc = next((d for d in docs if d.sha256 == entry.sha256), None)
    if doc is None:
        return "error", Message("audit.restart_missing", {"name": entry.filename})
    found = {"name": entry.filename, "doc_id": doc.doc_id, "passages": doc.passages}
    return "ok", Message("audit.restart_indexed", found)


async def reconcile(svc: Services, secrets_: list) -> int:
    """At start-up: audit every upload a crash interrupted (:func:`outcome`) and drop its
    entry. ``svc`` is the application's :class:`~handlers.context.Services`; returns how
    many were audited."""
    journal = UploadJournal(svc.settings.data_dir)
    entries = await asyncio.to_thread(journal.entries)
    if not entries:
        return 0
    docs = await svc.run(svc.engine.documents)
    for entry in entries:
        result, detail = outcome(entry, docs)
        await svc.run_db(
            svc.audit.record,
            entry.user_id,
            entry.action,
            chat_id=entry.chat_id,
            detail=detail,
            result=result,
            secrets=secrets_,
        )
        await asyncio.to_thread(journal.end, entry.token)
        logger.warning(
            "upload %r was interrupted by a restart: %s", entry.filename, detail.text("en")
        )
    return len(entries)
