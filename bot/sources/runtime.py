"""What a poller runs on: where its blocking work goes (:class:`Runners`), the fetching
rules the settings give (:func:`fetch_policy`), and the library's texts for the
near-duplicate check (:func:`library_texts`).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from bot.config import Settings
from bot.library import Engine
from bot.sources.dedupe import NearDuplicates
from bot.sources.models import FetchPolicy

Run = Callable[..., Awaitable[Any]]


async def _in_thread(fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
    return await asyncio.to_thread(functools.partial(fn, *args, **kwargs))


def _single_thread(name: str) -> Run:
    """A runner on one thread of its own (made on first use): calls take turns."""
    executor: list[ThreadPoolExecutor] = []

    async def run(fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        if not executor:
            executor.append(ThreadPoolExecutor(max_workers=1, thread_name_prefix=name))
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(executor[0], functools.partial(fn, *args, **kwargs))

    return run


@dataclass(frozen=True)
class Runners:
    """Where blocking work runs: ``db`` (stores), ``index`` (uploads: the indexing thread),
    ``core`` (index swaps: the core thread), ``work`` (extraction: parsing pages and
    feeds, off the event loop). The bot gives its own threads; :meth:`local` makes a
    thread for indexing and one for swaps (the command line, the bench)."""

    db: Run = _in_thread
    index: Run = _in_thread
    core: Run = _in_thread
    work: Run = _in_thread

    @classmethod
    def local(cls) -> Runners:
        return cls(index=_single_thread("sources-index"), core=_single_thread("sources-core"))


def fetch_policy(settings: Settings) -> FetchPolicy:
    """The fetching rules the settings give (one place)."""
    return FetchPolicy(
        user_agent=settings.source_user_agent,
        timeout_s=settings.source_timeout_seconds,
        max_bytes=int(settings.source_max_mb * 1024 * 1024),
        host_gap_s=settings.source_host_gap_seconds,
        retries=settings.source_retries,
        allow_private=settings.sources_allow_private,
    )


def library_texts(engine: Engine) -> NearDuplicates:
    """The library's documents in a near-duplicate index (indexing thread: reads files)."""
    from bot.search import segments as seg

    near = NearDuplicates()
    for info in engine.index.docs:
        try:
            near.add(info.doc_id, seg.load_text(engine.indexer.paths.docs, info.doc_id))
        except (OSError, ValueError):
            continue
    return near
