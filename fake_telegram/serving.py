"""A python-telegram-bot ``Application`` run against the fake server, the one way the
tests and the bench do it.

- :class:`Endpoint`: what a bot needs to reach the server (``FakeBotApi.endpoint``),
  keyword arguments of PTB's builders (``build_application(..., **server.endpoint)``),
  and plain JSON for a bot in another process.
- :func:`polling`: the application started polling and stopped afterwards in the order
  ``Application.run_polling()`` uses, hooks included.

This package never imports ``telegram``: the application is typed by what is used of it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, Protocol, TypedDict, TypeVar


class Endpoint(TypedDict):
    """The fake server as a bot reaches it: its token and the URLs PTB appends it to."""

    token: str
    base_url: str
    base_file_url: str


class _Updater(Protocol):
    async def start_polling(self, *, poll_interval: float, timeout: int) -> Any: ...

    async def stop(self) -> None: ...


class PollingApp(Protocol):
    """What :func:`polling` uses of a PTB ``Application``."""

    @property
    def updater(self) -> _Updater | None: ...

    @property
    def post_init(self) -> Callable[[Any], Awaitable[None]] | None: ...

    @property
    def post_stop(self) -> Callable[[Any], Awaitable[None]] | None: ...

    @property
    def post_shutdown(self) -> Callable[[Any], Awaitable[None]] | None: ...

    async def initialize(self) -> None: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def shutdown(self) -> None: ...


App = TypeVar("App", bound=PollingApp)


@asynccontextmanager
async def polling(app: App, *, timeout: int = 1) -> AsyncIterator[App]:
    """``app`` polling its (fake) Bot API server, stopped on leaving.

    The order of ``Application.run_polling()``: ``initialize``, ``post_init``, long polling
    (no pause between polls, ``timeout`` seconds a poll), ``start``; then the updater
    stopped, ``stop``, ``post_stop``, ``shutdown``, ``post_shutdown``. A hook the
    application has not got is skipped, as ``run_polling()`` skips it.
    """
    if app.updater is None:
        raise ValueError("the application has no updater to poll with")
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        await app.updater.start_polling(poll_interval=0, timeout=timeout)
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
