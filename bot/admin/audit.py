"""The audit log: every admin action and refused attempt (who, when, where, what, result).

Secrets never reach the log. :meth:`AuditLog.record` scrubs ``detail`` (and ``action``)
with :func:`redact`: every value passed in ``secrets=`` (the bot token, the webhook
secret, a database password...) is replaced by ``***``, and so is anything that looks
like a Telegram bot token or a password inside a URL, even when nobody named it.
Callers should still pass the secrets they hold; the patterns are a safety net.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from pydantic import SecretStr
from sqlalchemy import delete, select

from bot.storage.db import Database
from bot.storage.models import AuditRow, storable_text, utcnow
from bot.text.echo import cut
from bot.tokens import redact as redact_secrets

AuditResult = Literal["ok", "refused", "error"]
RESULTS: tuple[str, ...] = ("ok", "refused", "error")
ACTION_MAX_CHARS = 64
DETAIL_MAX_CHARS = 2000
LATEST_DEFAULT = 20
LATEST_MAX = 200
MASK = "***"


def redact(text: str, secrets: Iterable[str | SecretStr | None] = ()) -> str:
    """``text`` with each secret, bot-token-like string and URL password replaced by ``***``:
    :func:`bot.tokens.redact` (the one redaction) with the audit log's mask."""
    return redact_secrets(text, secrets, mask=MASK)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor_id: int
    chat_id: int | None
    action: str
    detail: str
    result: str

    @classmethod
    def _from_row(cls, row: AuditRow) -> AuditEntry:
        return cls(row.id, row.at, row.actor_id, row.chat_id, row.action, row.detail, row.result)


def _check_id(name: str, value: object, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")


class AuditLog:
    """Append-only record of admin actions in a :class:`Database`."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._clock = clock

    def record(
        self,
        actor_id: int,
        action: str,
        *,
        chat_id: int | None = None,
        detail: str = "",
        result: AuditResult = "ok",
        secrets: Iterable[str | SecretStr | None] = (),
    ) -> AuditEntry:
        """Write one entry. ``detail`` and ``action`` are scrubbed with :func:`redact`.

        ``action`` is a short name (``"admin add"``, ``"config set"``), ``result`` one of
        ok / refused / error; the detail is cut at 2000 characters.
        """
        _check_id("actor_id", actor_id)
        _check_id("chat_id", chat_id, optional=True)
        if result not in RESULTS:
            raise ValueError(f"result must be one of {RESULTS}, not {result!r}")
        if not isinstance(action, str) or not action.strip():
            raise ValueError("action must be a non-empty string")
        if not isinstance(detail, str):
            raise TypeError(f"detail must be a str, not {type(detail).__name__}")
        secrets = list(secrets)
        action = redact(" ".join(storable_text(action).split()), secrets)[:ACTION_MAX_CHARS]
        detail = cut(redact(storable_text(detail), secrets), DETAIL_MAX_CHARS)
        row = AuditRow(
            at=self._clock(),
            actor_id=actor_id,
            chat_id=chat_id,
            action=action,
            detail=detail,
            result=result,
        )
        with self._db.session() as session:
            session.add(row)
            session.flush()
            return AuditEntry._from_row(row)

    def prune(self, older_than: timedelta) -> int:
        """Delete the entries older than ``older_than``; returns how many."""
        if not isinstance(older_than, timedelta) or older_than < timedelta(0):
            raise ValueError("older_than must be a timedelta, not negative")
        cutoff = self._clock() - older_than
        with self._db.session() as session:
            result = session.execute(
                delete(AuditRow).where(AuditRow.at < cutoff),
                execution_options={"synchronize_session": False},
            )
            return int(result.rowcount or 0)

    def latest(self, n: int = LATEST_DEFAULT) -> list[AuditEntry]:
        """The newest ``n`` entries, newest first; ``n`` is clamped to 1..200."""
        _check_id("n", n)
        n = max(1, min(LATEST_MAX, n))
        with self._db.session() as session:
            rows = session.scalars(
                select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(n)
            )
            return [AuditEntry._from_row(row) for row in rows]
