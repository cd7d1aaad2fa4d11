"""A source's item into the library, once: a content key an earlier item of any source
has, or a near duplicate of a library document or of another text the poller ingested, is
recorded as a ``duplicate``; otherwise the item is ingested as an upload (atomic: a
failure leaves no corpus file and is recorded ``failed`` with its reason). What became of
each item is recorded in the source store and in the poll's state (:class:`PollState`).

:class:`Intake` is the base of :class:`bot.sources.poller.SourcePoller`.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from bot.library import Engine, UploadResult
from bot.sources.dedupe import NearDuplicates
from bot.sources.health import ItemOutcome
from bot.sources.models import FetchError
from bot.sources.naming import safe_filename
from bot.sources.runtime import Runners, library_texts
from bot.sources.store import Source, SourceStore

# the poller's logger: what a poll does is logged under one name
log = logging.getLogger("bot.sources.poller")


def error_detail(exc: FetchError) -> str:
    params = ", ".join(f"{k}={v}" for k, v in sorted(exc.params.items()))
    return params or str(exc)


@dataclass
class PollState:
    """The state of one poll of one source."""

    source: Source
    known: set[str]
    items: list[ItemOutcome] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    empties: list[int] = field(default_factory=list)  # articles with (almost) no text


class Intake:
    """Items into the library and their outcomes recorded (see the module docstring)."""

    engine: Engine
    store: SourceStore
    runners: Runners
    _near: NearDuplicates | None
    _near_lock: asyncio.Lock
    _near_guard: threading.Lock  # the index is used from worker threads

    async def _near_duplicates(self) -> NearDuplicates:
        """The near-duplicate index: the library's texts, read once (on the indexing
        runner), then every text this poller ingests."""
        async with self._near_lock:
            if self._near is None:
                self._near = await self.runners.index(library_texts, self.engine)
            return self._near

    async def _ingest(
        self,
        state: PollState,
        url: str,
        title: str,
        filename: str,
        data: bytes,
        sidecar: str,
        key: str,
        text: str,
    ) -> None:
        twin = await self.runners.db(self.store.find_hash, key)
        if twin is not None:
            await self._duplicate(
                state,
                url,
                title,
                key,
                "same_content",
                f"same content as {twin.url}",
                doc_id=twin.doc_id,
                filename=twin.filename,
            )
            return
        near = await self._near_duplicates()
        similar = await self.runners.work(self._near_find, near, text) if text.strip() else None
        if similar is not None:
            await self._duplicate(
                state, url, title, key, "near_duplicate", f"nearly the same as {similar}"
            )
            return
        try:
            result = await self._add(filename, data, sidecar)
            if result.status == "needs_confirmation":  # an unrelated file of that name
                filename = safe_filename(Path(filename).stem, Path(filename).suffix, key[8:])
                result = await self._add(filename, data, sidecar)
        except Exception as exc:
            log.exception("source %s: ingesting %s failed", state.source.name, url)
            await self._failed(state, url, title, "upload", f"{type(exc).__name__}: {exc}", key)
            return
        if result.update is not None:
            await self.runners.core(self.engine.reopen, result.update)
        if result.ok and result.doc is not None:
            await self.runners.work(self._near_add, near, result.doc.doc_id, text)
            await self._record(
                state,
                ItemOutcome(
                    url,
                    "ingested",
                    title,
                    filename=result.filename,
                    doc_id=result.doc.doc_id,
                    targets=result.key_targets,
                ),
                key,
            )
        elif result.status == "duplicate":
            existing = result.existing
            await self._duplicate(
                state,
                url,
                title,
                key,
                "same_content",
                result.reason,
                doc_id=existing.doc_id if existing else None,
                filename=existing.filename if existing else None,
            )
        else:
            await self._failed(state, url, title, result.code or "upload", result.reason, key)

    def _near_find(self, near: NearDuplicates, text: str) -> str | None:
        with self._near_guard:
            return near.find(text)

    async def _add(self, filename: str, data: bytes, sidecar: str) -> UploadResult:
        """Index one source item as an upload. keep_both: no one is there to answer "a new
        version of the same report?"; a source's item has its near-duplicate check."""
        return await self.runners.index(
            self.engine.add_upload, filename, data, reopen=False, sidecar=sidecar, keep_both=True
        )

    def _near_add(self, near: NearDuplicates, key: str, text: str) -> None:
        with self._near_guard:
            near.add(key, text)

    async def _failed(
        self, state: PollState, url: str, title: str, code: str, reason: str, key: str | None = None
    ) -> None:
        await self._record(state, ItemOutcome(url, "failed", title, code=code, reason=reason), key)

    async def _duplicate(
        self,
        state: PollState,
        url: str,
        title: str,
        key: str,
        code: str,
        reason: str,
        *,
        doc_id: str | None = None,
        filename: str | None = None,
    ) -> None:
        """An item recorded as a duplicate (of ``doc_id``/``filename`` when known)."""
        outcome = ItemOutcome(
            url, "duplicate", title, doc_id=doc_id, filename=filename, code=code, reason=reason
        )
        await self._record(state, outcome, key)

    async def _record(self, state: PollState, outcome: ItemOutcome, key: str | None = None) -> None:
        state.items.append(outcome)
        state.known.add(outcome.url)
        await self.runners.db(
            self.store.record_item,
            state.source.id,
            outcome.url,
            outcome.status,
            content_hash=key if outcome.status == "ingested" else None,
            doc_id=outcome.doc_id,
            filename=outcome.filename,
            reason=(f"{outcome.code}: {outcome.reason}" if outcome.code else outcome.reason)
            or None,
        )
