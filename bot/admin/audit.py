"""The audit log: every admin action and refused attempt (who, when, where, what, result).

Secrets never reach the log. :meth:`AuditLog.record` scrubs ``detail`` (and ``action``)
with :func:`redact`: every value passed in ``secrets=`` (the bot token, the webhook
secret, a database password...) is replaced by ``***``, and so is anything that looks
like a Telegram bot token or a password inside a URL, even when nobody named it.
Callers should still pass the secrets they hold; the patterns are a safety net.

A detail the bot words itself is a :class:`~bot.i18n.Message` (``audit.*`` in the
catalogue): stored as its key and parameters (each scrubbed alike), with its English
wording in ``detail``, and said in the reader's language on read
(:meth:`AuditEntry.said`). A free-text detail (what an admin typed, a file name, every
entry written before migration 0008) is shown as it was written.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from pydantic import SecretStr
from sqlalchemy import delete, select

from bot.i18n import Message, catalogue
from bot.storage.db import Database
from bot.storage.models import AuditRow, storable_text, utcnow
from bot.text.echo import cut
from bot.tokens import redact as redact_secrets

log = logging.getLogger(__name__)

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
    detail: str  # free text, or a coded detail's English wording
    result: str
    code: str | None = None  # the detail's catalogue key (``audit.*``), when it has one
    params: Mapping[str, object] = field(default_factory=dict)

    def said(self, lang: str) -> str:
        """The detail in ``lang``: a coded one from the catalogue, free text as written
        (and a code this version no longer words, by its stored English)."""
        if self.code is None:
            return self.detail
        try:
            return _said(lang, self.code, self.params)
        except (KeyError, IndexError, ValueError):
            log.warning("audit entry %s: no wording for %s; shown as stored", self.id, self.code)
            return self.detail

    @classmethod
    def _from_row(cls, row: AuditRow) -> AuditEntry:
        params: dict[str, object] = {}
        if row.code is not None and row.params:
            try:
                loaded = json.loads(row.params)
            except ValueError:
                loaded = None
            params = loaded if isinstance(loaded, dict) else {}
        return cls(
            row.id,
            row.at,
            row.actor_id,
            row.chat_id,
            row.action,
            row.detail,
            row.result,
            row.code,
            params,
        )


# A parameter that is itself a Message (a reason or a value word the catalogue says, an
# error's code) is stored as {"$key": …, "$params": {…}} and said in the reader's
# language too; stored as str() it was a Python repr, Message(key=…), on every reader's
# screen. A missing value (None) is said as a dash, never "None".
_NESTED_KEY, _NESTED_PARAMS = "$key", "$params"
MISSING = "—"


def _scrubbed(value: object, secrets: list) -> object:
    if isinstance(value, Message):
        nested = {name: _scrubbed(v, secrets) for name, v in value.params.items()}
        return {_NESTED_KEY: value.key, _NESTED_PARAMS: nested}
    if value is None:
        return MISSING
    if isinstance(value, bool | int | float):
        return value
    return cut(redact(storable_text(str(value)), secrets), DETAIL_MAX_CHARS)


def _said(lang: str, key: str, params: Mapping[str, object]) -> str:
    """A stored message in ``lang``, its nested messages said in ``lang`` too."""
    return catalogue().text(lang, key, **{n: _said_param(lang, v) for n, v in params.items()})


def _said_param(lang: str, value: object) -> object:
    if isinstance(value, dict) and isinstance(value.get(_NESTED_KEY), str):
        params = value.get(_NESTED_PARAMS)
        return _said(lang, value[_NESTED_KEY], params if isinstance(params, dict) else {})
    return MISSING if value is None else value


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
        detail: str | Message = "",
        result: AuditResult = "ok",
        secrets: Iterable[str | SecretStr | None] = (),
    ) -> AuditEntry:
        """Write one entry. ``detail`` and ``action`` are scrubbed with :func:`redact`.

        ``action`` is a short name (``"admin add"``, ``"config set"``), ``result`` one of
        ok / refused / error; the detail is cut at 2000 characters. A :class:`Message`
        detail is stored as its key and parameters (scrubbed and cut alike), said in the
        reader's language on read.
        """
        _check_id("actor_id", actor_id)
        _check_id("chat_id", chat_id, optional=True)
        if result not in RESULTS:
            raise ValueError(f"result must be one of {RESULTS}, not {result!r}")
        if not isinstance(action, str) or not action.strip():
            raise ValueError("action must be a non-empty string")
        if not isinstance(detail, str | Message):
            raise TypeError(f"detail must be a str or a Message, not {type(detail).__name__}")
        secrets = list(secrets)
        action = redact(" ".join(storable_text(action).split()), secrets)[:ACTION_MAX_CHARS]
        code = params = None
        if isinstance(detail, Message):
            scrubbed = {name: _scrubbed(value, secrets) for name, value in detail.params.items()}
            code, params = detail.key, json.dumps(scrubbed, ensure_ascii=False)
            detail = _said("en", detail.key, scrubbed)
        detail = cut(redact(storable_text(detail), secrets), DETAIL_MAX_CHARS)
        row = AuditRow(
            at=self._clock(),
            actor_id=actor_id,
            chat_id=chat_id,
            action=action,
            detail=detail,
            result=result,
            code=code,
            params=params,
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
        with self._db.reading() as session:
            rows = session.scalars(
                select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(n)
            )
            return [AuditEntry._from_row(row) for row in rows]
