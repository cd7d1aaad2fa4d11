"""Languages chosen from the chat (``/lang``), per user and per chat.

Plain storage: which language (a catalogue code such as ``zh`` or ``en``) a user or a
chat chose. What the languages mean and how a reply's language is decided is the
Telegram layer's business (``handlers.i18n``); what the bot sends unasked, with no
update to go by (digests, notices to admins), is in :func:`unasked_language`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete, select

from bot.storage.db import Database, insert_for
from bot.storage.models import LanguageRow, utcnow

SCOPES = ("user", "chat")


def unasked_language(chosen: Callable[[str, int], str | None], chat_id: int, default: str) -> str:
    """The language of what the bot sends to ``chat_id`` unasked (a digest, a notice to an
    admin: a document indexed, a delivery failed, a source down): the chat's ``/lang``
    choice, else, in a private chat (a positive id, the user's own), the user's, else
    ``default``: the app's ``default_language`` setting, never a language of its own.
    ``chosen(scope, id)`` is a stored choice or None (:meth:`LanguageStore.get`, or the
    Telegram layer's copy of the choices in memory)."""
    if language := chosen("chat", chat_id):
        return language
    if chat_id > 0 and (language := chosen("user", chat_id)):
        return language
    return default


class LanguageStore:
    """``(scope, id) -> language`` rows: ``scope`` is ``user`` or ``chat``."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._clock = clock

    def all(self) -> dict[tuple[str, int], str]:
        """Every stored choice, by (scope, id)."""
        with self._db.reading() as session:
            rows = session.scalars(select(LanguageRow)).all()
            return {(row.scope, row.target_id): row.language for row in rows}

    def get(self, scope: str, target_id: int) -> str | None:
        with self._db.reading() as session:
            row = session.get(LanguageRow, (scope, target_id))
            return row.language if row is not None else None

    def set(
        self, scope: str, target_id: int, language: str | None, *, by: int | None = None
    ) -> None:
        """Store ``language`` for (scope, id); None forgets the choice. One statement (an
        upsert), so two choices made at once leave one row, the later one's."""
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {SCOPES}, not {scope!r}")
        key = (LanguageRow.scope == scope, LanguageRow.target_id == target_id)
        with self._db.session() as session:
            if language is None:
                session.execute(delete(LanguageRow).where(*key))
                return
            values = {"language": language, "updated_by": by, "updated_at": self._clock()}
            insert = insert_for(session)(LanguageRow).values(
                scope=scope, target_id=target_id, **values
            )
            session.execute(
                insert.on_conflict_do_update(index_elements=["scope", "target_id"], set_=values)
            )

    def move_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup (a new id): its chat choice is the new id's too,
        unless the new id has one of its own. The old id's row stays: the subscriptions
        move on their own, and whichever id a digest is composed for meanwhile finds it.

        Safe to call twice at once: Telegram's service message and a send refused with the
        new id both copy the choice; the second insert meets the first one's row (the
        same copy) and leaves it (insert-or-ignore)."""
        with self._db.session() as session:
            row = session.get(LanguageRow, ("chat", old_chat_id))
            if row is None:
                return
            insert = insert_for(session)(LanguageRow).values(
                scope="chat",
                target_id=new_chat_id,
                language=row.language,
                updated_by=row.updated_by,
                updated_at=self._clock(),
            )
            session.execute(insert.on_conflict_do_nothing(index_elements=["scope", "target_id"]))
