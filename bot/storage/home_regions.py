"""The place each chat set as its own (``/region``), by chat id.

Plain storage: the gazetteer code and name of the place. What the place means for a
query (我县 → the county, 本市 → its city) is :mod:`bot.search.home_words`; turning a
stored code back into a :class:`~bot.models.HomeRegion` is :func:`home_from_row`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete

from bot.corpus.gazetteer import Gazetteer
from bot.corpus.home import home_of
from bot.models import HomeRegion
from bot.storage.db import Database, insert_for
from bot.storage.models import ChatRegionRow, utcnow


class HomeRegionStore:
    """``chat_id -> HomeRegion`` rows, read back through the gazetteer."""

    def __init__(
        self, db: Database, gazetteer: Gazetteer, *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._db = db
        self._gazetteer = gazetteer
        self._clock = clock

    def get(self, chat_id: int) -> HomeRegion | None:
        """The chat's place, or ``None`` when it set none (or the gazetteer lost it)."""
        with self._db.reading() as session:
            row = session.get(ChatRegionRow, chat_id)
            code = row.code if row is not None else None
        place = self._gazetteer.by_code.get(code) if code else None
        return home_of(place, self._gazetteer) if place is not None else None

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
