"""What a poller runs on: where its blocking work goes (:class:`Runners`), the fetching
rules the settings give (:func:`fetch_policy`), and the library's texts for the
near-duplicate check (:func:`library_texts`).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.config import Settings
from bot.library import Engine
from bot.sources.dedupe import NearDuplicates
from bot.sources.models import FetchPolicy

Run = Callable[..., Awaitable[Any]]


async def _in_thread(fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
    return await asyncio.to_thread(functools.partial(fn, *args, **kwargs))


@dataclass(frozen=True)
class Runners:
    """Where blocking work runs: ``db`` (stores), ``index`` (uploads: the indexing thread),
    ``core`` (index swaps: the core thread). Default: a worker thread each time."""

    db: Run = _in_thread
    index: Run = _in_thread
    core: Run = _in_thread


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
