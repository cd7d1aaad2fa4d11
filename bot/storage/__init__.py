"""Persistent state: one SQLAlchemy database (SQLite by default), migrated by Alembic."""

from bot.storage.db import Database, DatabaseError
from bot.storage.queries import MemoryQueryStore, QueryStore, SavedQueries, StoredQuery

__all__ = [
    "Database",
    "DatabaseError",
    "MemoryQueryStore",
    "QueryStore",
    "SavedQueries",
    "StoredQuery",
]
