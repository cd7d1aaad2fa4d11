"""The one boundary for blocking work: nothing that waits on a disk, a database or the
search index runs on the event loop.

Async code (the Telegram handlers, the digest deliverer and scheduler) never calls the
engine or a store directly; it awaits :meth:`Blocking.run` or :meth:`Blocking.run_db`,
which run the call on the right thread and hand the result (or the exception) back to
the loop:

* :meth:`Blocking.run`: the **core** thread, one thread. The engine's ``Searcher`` is
  not thread-safe (memo tables, a lazy lexicon) and the GIL would not run two
  CPU-bound searches in parallel anyway. Search, document and target look-ups, digest
  composition and swapping a rebuilt index in go here, in FIFO order.
* :meth:`Blocking.run_db`: the **storage** threads. SQLAlchemy sessions are made per
  call, so store methods are safe from any thread; for SQLite there is one thread
  (one writer at a time anyway, and an in-memory database is one shared connection
  that must not be used by two threads at once), for a server database a few, up to
  the pool size. A slow typo correction on the core thread never holds up a digest's
  bookkeeping, and a slow database never holds up searches.

Uploads, removals and rebuilds run on a third thread of their own (the Telegram
layer's ``Services.indexing``): they take seconds and must not queue searches.

Why threads and not SQLAlchemy's asyncio extension: the stores are shared with the
command line and the tests, which are synchronous; an async engine would need a second
driver (aiosqlite, asyncpg) and every store written twice, while the measured cost of a
hop to a thread is 0.05 to 0.1 ms.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

SERVER_DB_THREADS = 4
"""Storage threads for a server database (PostgreSQL); SQLite gets one."""


class Blocking:
    """Where blocking calls run: :meth:`run` (core thread), :meth:`run_db` (storage).

    ``core`` and ``storage`` may be given (tests, the benchmark's timing wrapper);
    otherwise they are made here, and :meth:`shutdown` stops them.
    """

    def __init__(
        self,
        *,
        core: Executor | None = None,
        storage: Executor | None = None,
        storage_threads: int = 1,
    ) -> None:
        self.core = core or ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefbot-core")
        self.storage = storage or ThreadPoolExecutor(
            max_workers=max(1, storage_threads), thread_name_prefix="briefbot-db"
        )

    @classmethod
    def for_database(cls, backend: str, **kwargs: Any) -> Blocking:
        """Storage threads suited to the backend (``Database.url.get_backend_name()``)."""
        return cls(storage_threads=1 if backend == "sqlite" else SERVER_DB_THREADS, **kwargs)

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on the core thread (engine, index, composition)."""
        return await _on(self.core, fn, args, kwargs)

    async def run_db(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on a storage thread (stores, audit log, settings)."""
        return await _on(self.storage, fn, args, kwargs)

    def shutdown(self) -> None:
        """Stop both executors; queued calls are cancelled, running ones finish."""
        self.core.shutdown(wait=False, cancel_futures=True)
        self.storage.shutdown(wait=False, cancel_futures=True)


async def _on(executor: Executor, fn: Callable[..., T], args: Any, kwargs: Any) -> T:
    loop = asyncio.get_running_loop()
    call = functools.partial(contextvars.copy_context().run, fn, *args, **kwargs)
    return await loop.run_in_executor(executor, call)
