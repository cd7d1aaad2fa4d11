"""The one boundary for blocking work: nothing that waits on a disk, a database or the
search index runs on the event loop.

Async code (the Telegram handlers, the digest deliverer and scheduler) never calls the
engine or a store directly; it awaits :meth:`Blocking.run` or :meth:`Blocking.run_db`,
which run the call on the right thread and hand the result (or the exception) back to
the loop:

* :meth:`Blocking.run`: the **core** thread, one thread. Document and target
  look-ups, digest composition and swapping a rebuilt index in go here, in FIFO order.
* :meth:`Blocking.search`: the **search** threads (:data:`SEARCH_THREADS`), shared
  fairly by users (:class:`FairExecutor`): each user's searches queue on their own,
  users take turns, and one user never has more than one search running. A user
  sending a burst of costly searches holds one thread; everyone else's searches run on
  the other and never queue behind the burst. The GIL still shares the CPU between
  them, which is why each search is also bounded (:mod:`bot.search.budget`).
  ``Engine.search`` is safe on several threads at once and beside the core thread.
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
import threading
from collections import deque
from collections.abc import Callable, Hashable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

SERVER_DB_THREADS = 4
"""Storage threads for a server database (PostgreSQL); SQLite gets one."""


SEARCH_THREADS = 2
"""Threads for searches (:meth:`Blocking.search`): one user's heavy search holds one,
the others serve everyone else."""


@dataclass
class _Work:
    future: Future
    fn: Callable[..., Any]
    args: tuple
    kwargs: dict


class FairExecutor(Executor):
    """Worker threads shared fairly by keys (users).

    Each key has its own FIFO queue; keys take turns (round robin), and a key has at
    most one job running at a time. A user who sends eight costly searches therefore
    holds at most one thread, and another user's search waits for no more than the
    jobs already running, never behind the eight. :meth:`submit` (no key) is one shared
    key of its own.
    """

    def __init__(self, max_workers: int = SEARCH_THREADS, thread_name_prefix: str = "") -> None:
        self._cond = threading.Condition()
        self._queues: dict[Hashable, deque[_Work]] = {}
        self._turns: deque[Hashable] = deque()  # keys with work queued and none running
        self._running: set[Hashable] = set()
        self._shutdown = False
        self._max_workers = max(1, max_workers)
        self._prefix = thread_name_prefix or "fair"
        self._threads: list[threading.Thread] = []  # started with the first jobs

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future:
        return self.submit_for(None, fn, *args, **kwargs)

    def submit_for(
        self, key: Hashable, fn: Callable[..., T], /, *args: Any, **kwargs: Any
    ) -> Future:
        """Queue ``fn(*args, **kwargs)`` as ``key``'s (a user's) next job."""
        work = _Work(Future(), fn, args, kwargs)
        with self._cond:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            queue = self._queues.setdefault(key, deque())
            queue.append(work)
            if len(queue) == 1 and key not in self._running:
                self._turns.append(key)
            if len(self._threads) < min(self._max_workers, len(self._turns) + len(self._running)):
                thread = threading.Thread(
                    target=self._work, name=f"{self._prefix}_{len(self._threads)}", daemon=True
                )
                self._threads.append(thread)
                thread.start()
            self._cond.notify_all()
        return work.future

    def pending(self, key: Hashable) -> int:
        """Jobs of ``key`` queued, not yet running."""
        with self._cond:
            return len(self._queues.get(key, ()))

    def wait_until(self, predicate: Callable[[], bool], timeout: float | None = None) -> bool:
        """Block until ``predicate()`` holds, checked whenever a job is queued or ends
        (for tests and benchmarks: no polling); False on timeout."""
        with self._cond:
            return self._cond.wait_for(predicate, timeout)

    def _next(self) -> tuple[Hashable, _Work] | None:
        with self._cond:
            while not self._turns:
                if self._shutdown:
                    return None
                self._cond.wait()
            key = self._turns.popleft()
            work = self._queues[key].popleft()
            self._running.add(key)
            self._cond.notify_all()  # for wait_until: a job started
            return key, work

    def _done(self, key: Hashable) -> None:
        with self._cond:
            self._running.discard(key)
            if self._queues.get(key):
                self._turns.append(key)  # its next job waits for everyone else's turn
            else:
                self._queues.pop(key, None)
            self._cond.notify_all()

    def _work(self) -> None:
        while (taken := self._next()) is not None:
            key, work = taken
            try:
                if work.future.set_running_or_notify_cancel():
                    try:
                        result = work.fn(*work.args, **work.kwargs)
                    except BaseException as exc:  # handed to the awaiting caller
                        work.future.set_exception(exc)
                    else:
                        work.future.set_result(result)
            finally:
                self._done(key)
            del work, taken

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._cond:
            self._shutdown = True
            if cancel_futures:
                for queue in self._queues.values():
                    for work in queue:
                        work.future.cancel()
                self._queues.clear()
                self._turns.clear()
            self._cond.notify_all()
        if wait:
            for thread in list(self._threads):
                if thread is not threading.current_thread():
                    thread.join()


class Blocking:
    """Where blocking calls run: :meth:`run` (core thread), :meth:`search` (search
    threads, fair per user), :meth:`run_db` (storage).

    ``core``, ``searches`` and ``storage`` may be given (tests, the benchmark's timing
    wrapper); otherwise they are made here, and :meth:`shutdown` stops them.
    """

    def __init__(
        self,
        *,
        core: Executor | None = None,
        storage: Executor | None = None,
        searches: Executor | None = None,
        storage_threads: int = 1,
        search_threads: int = SEARCH_THREADS,
    ) -> None:
        self.core = core or ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefbot-core")
        self.searches = searches or FairExecutor(search_threads, "briefbot-search")
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

    async def search(self, user: Hashable, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on a search thread as ``user``'s job: users take turns,
        one running search each (:class:`FairExecutor`)."""
        call = functools.partial(contextvars.copy_context().run, fn, *args, **kwargs)
        executor = self.searches
        submit_for = getattr(executor, "submit_for", None)
        future = submit_for(user, call) if submit_for else executor.submit(call)
        return await asyncio.wrap_future(future)

    async def run_db(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on a storage thread (stores, audit log, settings)."""
        return await _on(self.storage, fn, args, kwargs)

    def shutdown(self) -> None:
        """Stop the executors; queued calls are cancelled, running ones finish."""
        self.core.shutdown(wait=False, cancel_futures=True)
        self.searches.shutdown(wait=False, cancel_futures=True)
        self.storage.shutdown(wait=False, cancel_futures=True)


async def _on(executor: Executor, fn: Callable[..., T], args: Any, kwargs: Any) -> T:
    loop = asyncio.get_running_loop()
    call = functools.partial(contextvars.copy_context().run, fn, *args, **kwargs)
    return await loop.run_in_executor(executor, call)
