"""The place each chat set as its own (``/region``), by chat id.

Plain storage: the gazetteer code and name of the place. What the place means for a
query (我县 → the county, 本市 → its city) is :mod:`bot.search.home_words`; turning a
stored code back into a :class:`~bot.models.HomeRegion` is the caller's (``place_of``,
:func:`bot.corpus.home.home_by_code` over the gazetteer: storage does not read it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete

from bot.models import HomeRegion
from bot.storage.db import Database, insert_for
from bot.storage.models import ChatRegionRow, utcnow


class HomeRegionStore:
    """``chat_id -> HomeRegion`` rows, read back by ``place_of(code)``."""

    def __init__(
        self,
        db: Database,
        place_of: Callable[[str], HomeRegion | None],
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._db = db
        self._place_of = place_of
        self._clock = clock

    def get(self, chat_id: int) -> HomeRegion | None:
        """The chat's place, or ``None`` when it set none (or the gazetteer lost it)."""
        with self._db.reading() as session:
            row = session.get(ChatRegionRow, chat_id)
            code = row.code if row is not None else None
        return self._place_of(code) if code else None

    def set(self, chat_id: int, home: HomeRegion | None, *, by: int | None = None) -> None:
        """Store ``home`` for the chat; ``None`` clears it. One upsert: two settings made at
        once leave one row, the later one's."""
        with self._db.session() as session:
            if home is None:
                session.execute(delete(ChatRegionRow).where(ChatRegionRow.chat_id == chat_id))
                return
            values = {
                "code": home.code,
                "name": home.name,
                "updated_by": by,
                "updated_at": self._clock(),
            }
            insert = insert_for(session)(ChatRegionRow).values(chat_id=chat_id, **values)
            session.execute(insert.on_conflict_do_update(index_elements=["chat_id"], set_=values))

    def move_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup (a new id): its place is the new id's too, unless
        the new id set one of its own; as the language choice moves (the place was left
        behind, and 我省 then read nothing in the upgraded group: ``group-trial17``). The
        old id's row stays. Safe to call twice at once (insert-or-ignore): Telegram sends
        the migration as two service messages."""
        with self._db.session() as session:
            row = session.get(ChatRegionRow, old_chat_id)
            if row is None:
                return
            insert = insert_for(session)(ChatRegionRow).values(
                chat_id=new_chat_id,
                code=row.code,
                name=row.name,
                updated_by=row.updated_by,
                updated_at=self._clock(),
            )
            session.execute(insert.on_conflict_do_nothing(index_elements=["chat_id"]))
