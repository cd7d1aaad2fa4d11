"""Languages chosen from the chat (``/lang``), per user and per chat.

Plain storage: which language (a catalogue code such as ``zh`` or ``en``) a user or a
chat chose. What the languages mean and how a reply's language is decided is the
Telegram layer's business (``handlers.i18n``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.storage.db import Database
from bot.storage.models import LanguageRow, utcnow

SCOPES = ("user", "chat")


class LanguageStore:
    """``(scope, id) -> language`` rows: ``scope`` is ``user`` or ``chat``."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._clock = clock

    def all(self) -> dict[tuple[str, int], str]:
        """Every stored choice, by (scope, id)."""
        with self._db.session() as session:
            rows = session.scalars(select(LanguageRow)).all()
            return {(row.scope, row.target_id): row.language for row in rows}

    def get(self, scope: str, target_id: int) -> str | None:
        with self._db.session() as session:
            row = session.get(LanguageRow, (scope, target_id))
            return row.language if row is not None else None

    def set(
        self, scope: str, target_id: int, language: str | None, *, by: int | None = None
    ) -> None:
        """Store ``language`` for (scope, id); None forgets the choice."""
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {SCOPES}, not {scope!r}")
        with self._db.session() as session:
            row = session.get(LanguageRow, (scope, target_id))
            if language is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(
                    LanguageRow(
                        scope=scope,
                        target_id=target_id,
                        language=language,
                        updated_by=by,
                        updated_at=self._clock(),
                    )
                )
            else:
                row.language, row.updated_by, row.updated_at = language, by, self._clock()

    def move_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup (a new id): its chat choice is the new id's too,
        unless the new id has one of its own. The old id's row stays: the subscriptions
        move on their own, and whichever id a digest is composed for meanwhile finds it.

        Safe to call twice at once: Telegram's service message and a send refused with the
        new id both copy the choice, and the second insert then meets the first one's row
        (the same copy), which is kept."""
        try:
            with self._db.session() as session:
                row = session.get(LanguageRow, ("chat", old_chat_id))
                if row is None:
                    return
                if session.get(LanguageRow, ("chat", new_chat_id)) is None:
                    session.add(
                        LanguageRow(
                            scope="chat",
                            target_id=new_chat_id,
                            language=row.language,
                            updated_by=row.updated_by,
                            updated_at=self._clock(),
                        )
                    )
        except IntegrityError:
            if self.get("chat", new_chat_id) is None:
                raise
