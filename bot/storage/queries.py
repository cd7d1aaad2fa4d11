"""Searches saved under short keys, for inline-keyboard callback data.

Telegram limits ``callback_data`` to 64 bytes, too little for a Chinese query and its
filters. A button carries ``QueryStore.save(...)``'s key instead and the handler gets
the search back with :meth:`QueryStore.load`, also after a restart. The key is derived
from the query and filters, so saving the same search again gives the same key.

:class:`MemoryQueryStore` is the same in memory, for runs without a database and tests:
the same cleaning and keys (:func:`cleaned_search`), the same :class:`StoredQuery`,
with the least recently used searches forgotten beyond a bound instead of by age.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from bot.storage.db import Database, insert_for
from bot.storage.models import (
    QUERY_FILTER_CHARS,
    QUERY_KEY_CHARS,
    SearchQuery,
    storable_text,
    utcnow,
)

KEY_CHARS = 12
"""Length of a key: lower-case base32 (a-z, 2-7) of a SHA-256, i.e. 60 bits."""
_KEY_RE = re.compile(rf"[a-z2-7]{{1,{QUERY_KEY_CHARS}}}")
_KEY_SCHEME = "q1"  # change it if the canonical form below ever changes

TOUCH_EVERY = timedelta(hours=1)
"""``load`` refreshes ``last_used_at`` at most this often (saves a write per button press)."""


@dataclass(frozen=True, slots=True)
class StoredQuery:
    key: str
    text: str
    doc: str | None
    region: str | None
    year: int | None
    created_at: datetime
    last_used_at: datetime

    @property
    def filters(self) -> dict[str, Any]:
        """The filters that are set, as keyword arguments for ``Engine.search``."""
        given = {"doc": self.doc, "region": self.region, "year": self.year}
        return {name: value for name, value in given.items() if value is not None}

    @classmethod
    def _from_row(cls, row: SearchQuery) -> StoredQuery:
        return cls(
            key=row.key,
            text=row.text,
            doc=row.doc,
            region=row.region,
            year=row.year,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
        )


def _clean_filter(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string or None, not {type(value).__name__}")
    value = storable_text(value).strip()
    if len(value) > QUERY_FILTER_CHARS:
        raise ValueError(
            f"{name} must be at most {QUERY_FILTER_CHARS} characters, not {len(value)}"
        )
    return value or None


def _clean_year(year: int | None) -> int | None:
    if year is None:
        return None
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be an int or None, not {type(year).__name__}")
    return year


def query_key(text: str, doc: str | None, region: str | None, year: int | None) -> str:
    """The key of a (cleaned) search: stable across runs, machines and Python versions."""
    canonical = json.dumps(
        [_KEY_SCHEME, text, doc, region, year], ensure_ascii=False, separators=(",", ":")
    )
    digest = hashlib.sha256(canonical.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:KEY_CHARS]


@dataclass(frozen=True, slots=True)
class Search:
    """A search cleaned for saving (white space, empty filters) and its key."""

    key: str
    text: str
    doc: str | None
    region: str | None
    year: int | None

    def columns(self) -> dict[str, Any]:
        return {"text": self.text, "doc": self.doc, "region": self.region, "year": self.year}


def cleaned_search(text: str, doc: str | None, region: str | None, year: int | None) -> Search:
    """Check and clean a search to save; ``TypeError`` / ``ValueError`` for bad input."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    text = storable_text(text).strip()
    doc = _clean_filter("doc", doc)
    region = _clean_filter("region", region)
    year = _clean_year(year)
    return Search(query_key(text, doc, region, year), text, doc, region, year)


def is_key(key: object) -> bool:
    """Whether ``key`` could be a saved search's key (they come back from users)."""
    return isinstance(key, str) and _KEY_RE.fullmatch(key) is not None


class SavedQueries(ABC):
    """Searches saved under short keys: :class:`QueryStore` (the database) and
    :class:`MemoryQueryStore`. ``save`` checks and cleans the search and derives its key
    (:func:`cleaned_search`) for both; each keeps it its own way."""

    def save(
        self,
        text: str,
        *,
        doc: str | None = None,
        region: str | None = None,
        year: int | None = None,
    ) -> str:
        """Save a search and return its key (at most 16 characters of ``[a-z2-7]``).

        The same text and filters always give the same key; saving again only marks
        the search as used now. Surrounding white space and empty filters are ignored.
        """
        search = cleaned_search(text, doc, region, year)
        self._keep(search)
        return search.key

    @abstractmethod
    def _keep(self, search: Search) -> None:
        """Store a cleaned search (or mark it used now if it is there)."""

    @abstractmethod
    def load(self, key: str, *, touch: bool = True) -> StoredQuery | None:
        """The search saved under ``key``; None if unknown, forgotten or not a key at all.

        Keys come back from Telegram users, so anything is accepted and checked.
        ``touch`` marks the search as used (keeps it from being forgotten).
        """


class QueryStore(SavedQueries):
    """Saved searches in the ``search_queries`` table of a :class:`Database`."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._clock = clock

    def _keep(self, search: Search) -> None:
        key = search.key
        now = self._clock()
        values = search.columns()
        with self._db.session() as session:
            if session.get_bind().dialect.name in {"sqlite", "postgresql"}:
                stmt = insert_for(session)(SearchQuery).values(
                    key=key, created_at=now, last_used_at=now, **values
                )
                # Same key, same search (barring a 60-bit collision, where the newest wins).
                stmt = stmt.on_conflict_do_update(
                    index_elements=[SearchQuery.key], set_={"last_used_at": now, **values}
                )
                session.execute(stmt)
            else:  # pragma: no cover - other backends: read, then write
                row = session.scalar(select(SearchQuery).where(SearchQuery.key == key))
                if row is None:
                    session.add(SearchQuery(key=key, created_at=now, last_used_at=now, **values))
                else:
                    for name, value in values.items():
                        setattr(row, name, value)
                    row.last_used_at = now

    def load(self, key: str, *, touch: bool = True) -> StoredQuery | None:
        """The search saved under ``key``; None if unknown, pruned or not a key at all.

        Keys come back from Telegram users, so anything is accepted and checked.
        ``touch`` marks the search as used (keeps it from :meth:`prune`).

        A read-only transaction (a button press never waits for the write lock); the
        last-used time, when it is :data:`TOUCH_EVERY` old, is written after it in its
        own short write, only if no one wrote it meanwhile.
        """
        if not is_key(key):
            return None
        now = self._clock()
        with self._db.reading() as session:
            row = session.scalar(select(SearchQuery).where(SearchQuery.key == key))
            if row is None:
                return None
            stored = StoredQuery._from_row(row)
        if not touch or now - stored.last_used_at < TOUCH_EVERY:
            return stored
        with self._db.session() as session:
            session.execute(
                update(SearchQuery)
                .where(SearchQuery.key == key, SearchQuery.last_used_at <= now - TOUCH_EVERY)
                .values(last_used_at=now),
                execution_options={"synchronize_session": False},
            )
        return replace(stored, last_used_at=now)

    def prune(self, older_than: timedelta) -> int:
        """Forget searches not used for ``older_than``; returns how many were deleted."""
        if not isinstance(older_than, timedelta):
            raise TypeError("older_than must be a timedelta")
        if older_than < timedelta(0):
            raise ValueError("older_than must not be negative")
        cutoff = self._clock() - older_than
        with self._db.session() as session:
            result = session.execute(
                delete(SearchQuery).where(SearchQuery.last_used_at < cutoff),
                execution_options={"synchronize_session": False},
            )
            return int(result.rowcount or 0)


class MemoryQueryStore(SavedQueries):
    """:class:`QueryStore`'s ``save`` and ``load`` in memory (no database, tests).

    The same keys and :class:`StoredQuery` values; beyond ``max_queries`` the least
    recently saved (or, with ``touch``, loaded) searches are forgotten. Thread-safe.
    """

    def __init__(
        self, max_queries: int = 50_000, *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.max_queries = max_queries
        self._clock = clock
        self._queries: OrderedDict[str, StoredQuery] = OrderedDict()
        self._lock = threading.Lock()

    def _keep(self, search: Search) -> None:
        now = self._clock()
        with self._lock:
            old = self._queries.pop(search.key, None)
            created = now if old is None else old.created_at
            self._queries[search.key] = StoredQuery(
                key=search.key, created_at=created, last_used_at=now, **search.columns()
            )
            while len(self._queries) > self.max_queries:
                self._queries.popitem(last=False)

    def load(self, key: str, *, touch: bool = True) -> StoredQuery | None:
        """The search saved under ``key``; None if unknown, forgotten or not a key."""
        if not is_key(key):
            return None
        with self._lock:
            stored = self._queries.get(key)
            if stored is not None and touch:
                stored = replace(stored, last_used_at=self._clock())
                self._queries[key] = stored
                self._queries.move_to_end(key)
            return stored
