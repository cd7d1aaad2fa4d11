"""Facade over corpus, index and query processing. (Interface stub: being implemented.)"""

from __future__ import annotations

from collections.abc import Iterator

from bot.config import Settings
from bot.models import Document, Passage, SearchResponse


class Engine:
    """Open with :meth:`open`; it (re)indexes the corpus when the index is missing or stale."""

    @classmethod
    def open(cls, settings: Settings, *, refresh: bool = True) -> Engine:
        raise NotImplementedError

    def search(
        self,
        query: str,
        *,
        page: int = 1,
        page_size: int | None = None,
        doc: str | None = None,
        region: str | None = None,
        year: int | None = None,
    ) -> SearchResponse:
        raise NotImplementedError

    def documents(self) -> list[Document]:
        raise NotImplementedError

    def passages(self) -> Iterator[Passage]:
        raise NotImplementedError
