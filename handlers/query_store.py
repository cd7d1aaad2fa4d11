"""Saved searches without a database: ``QueryStore``'s ``save``/``load`` in memory."""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MemoryStoredQuery:
    key: str
    text: str
    doc: str | None = None
    region: str | None = None
    year: int | None = None


class MemoryQueryStore:
    """``QueryStore``'s ``save``/``load`` in memory: for tests and runs without a database.

    Keys are derived from the search, like the real store's; the oldest searches are
    forgotten beyond ``max_queries``.
    """

    def __init__(self, max_queries: int = 50_000) -> None:
        self.max_queries = max_queries
        self._queries: dict[str, MemoryStoredQuery] = {}
        self._lock = threading.Lock()

    def save(
        self,
        text: str,
        *,
        doc: str | None = None,
        region: str | None = None,
        year: int | None = None,
    ) -> str:
        text = text.strip()
        canonical = json.dumps([text, doc, region, year], ensure_ascii=False)
        key = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
        with self._lock:
            self._queries.pop(key, None)
            self._queries[key] = MemoryStoredQuery(key, text, doc, region, year)
            while len(self._queries) > self.max_queries:
                del self._queries[next(iter(self._queries))]
        return key

    def load(self, key: str) -> MemoryStoredQuery | None:
        return self._queries.get(key)
