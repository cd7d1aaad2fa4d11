"""Files waiting for an admin's button, on disk: new versions of library files awaiting
Replace / Cancel, and texts pasted into a chat awaiting "add to the library"."""

from __future__ import annotations

import json
import os
import secrets
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from bot.corpus import uploads
from handlers.format.admin_documents import TOKEN_CHARS

PENDING_DIR = "pending"
PENDING_TTL = 3600.0
"""Seconds a new version waits for Replace / Cancel."""
PASTED_DIR = "pasted"
PASTED_KEPT = 50
"""Pasted texts kept for their "add" button at most: the oldest goes first (each is a
message of at most 4,096 characters, so the folder stays under a few megabytes)."""


@dataclass(frozen=True)
class PendingUpload:
    token: str
    filename: str
    chat_id: int
    user_id: int
    created: float
    size: int
    # a pasted text: its parts so far, the last one's characters and Telegram date
    parts: int = 1
    last_chars: int = 0
    last_at: float = 0.0


class PendingUploads:
    """New versions waiting for Replace / Cancel, as files under
    ``<data_dir>/uploads/pending``: ``<token>.bin`` (the bytes) and ``<token>.json``
    (name, chat, sender, time), written in that order, so a ``.json`` means a complete
    entry. Callback data carries only the token. Thread-safe: taking an entry renames
    its ``.json`` first, so of two presses at once only one gets the bytes.

    The folder lies inside the core's staging root, whose sweep also removes it once
    it has been idle for an hour, which is the same expiry.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        ttl: float = PENDING_TTL,
        clock: Callable[[], float] = time.time,
        folder: str = PENDING_DIR,
        kept: int | None = None,
    ) -> None:
        self.root = uploads.staging_root(data_dir) / folder
        self.ttl = ttl
        self.clock = clock
        self.kept = kept

    def _paths(self, token: str) -> tuple[Path, Path]:
        return self.root / f"{token}.bin", self.root / f"{token}.json"

    def put(
        self,
        filename: str,
        data: bytes,
        *,
        chat_id: int,
        user_id: int,
        last_chars: int = 0,
        last_at: float = 0.0,
    ) -> str:
        self.sweep()
        self.root.mkdir(parents=True, exist_ok=True)
        if self.kept is not None:
            self._keep_newest(self.kept - 1)
        token = secrets.token_hex(TOKEN_CHARS // 2)
        data_path, meta_path = self._paths(token)
        meta = {
            "filename": filename,
            "chat_id": chat_id,
            "user_id": user_id,
            "created": self.clock(),
            "size": len(data),
            "parts": 1,
            "last_chars": last_chars,
            "last_at": last_at,
        }
        try:
            data_path.write_bytes(data)
            self._write_meta(meta_path, meta)
        except BaseException:
            self.discard(token)
            raise
        return token

    @staticmethod
    def _write_meta(meta_path: Path, meta: dict) -> None:
        tmp = meta_path.with_suffix(".json-tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, meta_path)

    def extend(
        self,
        token: str,
        data: bytes,
        *,
        last_chars: int,
        last_at: float,
        filename: str | None = None,
    ) -> PendingUpload | None:
        """Give the entry ``data`` (its text with the next part) in place of its bytes, a
        part more; None, and nothing written, when it was taken or has expired. The entry
        is claimed as :meth:`take` claims it while its bytes change, so a press meanwhile
        finds nothing rather than half of it."""
        data_path, meta_path = self._paths(token)
        claimed = meta_path.with_name(f"{token}.claimed-{secrets.token_hex(4)}")
        try:
            os.replace(meta_path, claimed)
        except FileNotFoundError:
            return None
        try:
            entry = self._read(claimed, token)
            if entry is None or self.clock() - entry.created > self.ttl:
                data_path.unlink(missing_ok=True)
                return None
            meta = json.loads(claimed.read_text(encoding="utf-8"))
            meta.update(
                size=len(data), parts=entry.parts + 1, last_chars=last_chars, last_at=last_at
            )
            if filename is not None:  # an earlier part came last: named by its first line
                meta["filename"] = filename
            tmp = data_path.with_suffix(".bin-tmp")
            tmp.write_bytes(data)
            os.replace(tmp, data_path)
            self._write_meta(meta_path, meta)
        finally:
            claimed.unlink(missing_ok=True)
        return self._read(meta_path, token)

    def text(self, token: str) -> bytes | None:
        """The entry's bytes, if it is still there."""
        if self.get(token) is None:
            return None
        try:
            return self._paths(token)[0].read_bytes()
        except OSError:
            return None

    def _read(self, meta_path: Path, token: str) -> PendingUpload | None:
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            return PendingUpload(
                token,
                str(meta["filename"]),
                int(meta["chat_id"]),
                int(meta["user_id"]),
                float(meta["created"]),
                int(meta["size"]),
                int(meta.get("parts", 1)),
                int(meta.get("last_chars", 0)),
                float(meta.get("last_at", 0.0)),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def get(self, token: str) -> PendingUpload | None:
        """The entry, if it exists and has not expired."""
        entry = self._read(self._paths(token)[1], token)
        if entry is None or self.clock() - entry.created > self.ttl:
            return None
        return entry

    def take(self, token: str) -> tuple[PendingUpload, bytes] | None:
        """Claim the entry and its bytes and delete it; None if gone or expired."""
        data_path, meta_path = self._paths(token)
        claimed = meta_path.with_name(f"{token}.claimed-{secrets.token_hex(4)}")
        try:
            os.replace(meta_path, claimed)  # atomic: the loser of a race gets ENOENT
        except FileNotFoundError:
            return None
        try:
            entry = self._read(claimed, token)
            if entry is None or self.clock() - entry.created > self.ttl:
                return None
            return entry, data_path.read_bytes()
        except OSError:
            return None
        finally:
            claimed.unlink(missing_ok=True)
            data_path.unlink(missing_ok=True)

    def discard(self, token: str) -> PendingUpload | None:
        """Delete the entry (Cancel); returns it if it was still there."""
        data_path, meta_path = self._paths(token)
        entry = self._read(meta_path, token)
        meta_path.unlink(missing_ok=True)
        data_path.unlink(missing_ok=True)
        meta_path.with_suffix(".json-tmp").unlink(missing_ok=True)
        return entry

    def sweep(self) -> None:
        """Delete expired entries and leftovers of interrupted writes."""
        if not self.root.is_dir():
            return
        cutoff = self.clock() - self.ttl
        for path in self.root.iterdir():
            with suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()

    def _keep_newest(self, count: int) -> None:
        """Discard all but the ``count`` newest entries (to make room for one more)."""
        entries = [e for t in self.tokens() if (e := self._read(self._paths(t)[1], t))]
        entries.sort(key=lambda e: e.created, reverse=True)
        for entry in entries[max(count, 0) :]:
            self.discard(entry.token)

    def tokens(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.stem for p in self.root.glob("*.json"))


def pasted_texts(data_dir: Path) -> PendingUploads:
    """The texts pasted into a chat that wait for an admin's "add to the library": on
    disk beside the pending uploads (so a restart between the paste and the press loses
    nothing), an hour at most, the newest :data:`PASTED_KEPT` only."""
    return PendingUploads(data_dir, folder=PASTED_DIR, kept=PASTED_KEPT)
