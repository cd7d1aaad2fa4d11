"""A python-telegram-bot ``Application`` run against the fake server, the one way the
tests and the bench do it.

- :class:`Endpoint`: what a bot needs to reach the server (``FakeBotApi.endpoint``),
  keyword arguments of PTB's builders (``build_application(..., **server.endpoint)``),
  and plain JSON for a bot in another process.
- :func:`polling`: the application started polling and stopped afterwards in the order
  ``Application.run_polling()`` uses, hooks included; its two halves, :func:`start` and
  :func:`stop`, for a caller whose serving is no ``async with`` block (the offline
  console).

This package never imports ``telegram``: the application is typed by what is used of it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any, Protocol, TypedDict, TypeVar


class Endpoint(TypedDict):
    """The fake server as a bot reaches it: its token and the URLs PTB appends it to."""

    token: str
    base_url: str
    base_file_url: str


class _Updater(Protocol):
    async def start_polling(
        self, *, poll_interval: float, timeout: int, allowed_updates: Sequence[str] | None
    ) -> Any: ...

    async def stop(self) -> None: ...

    @property
    def running(self) -> bool: ...


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

    @property
    def running(self) -> bool: ...

    async def initialize(self) -> None: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def shutdown(self) -> None: ...


App = TypeVar("App", bound=PollingApp)


@asynccontextmanager
async def polling(
    app: App, *, timeout: int = 1, allowed_updates: Sequence[str] | None = None
) -> AsyncIterator[App]:
    """``app`` polling its (fake) Bot API server, stopped on leaving (:func:`start`, then
    :func:`stop`, also when the start failed half way, as ``run_polling()`` does)."""
    try:
        await start(app, timeout=timeout, allowed_updates=allowed_updates)
        yield app
    finally:
        await stop(app)


async def start(
    app: PollingApp, *, timeout: int = 1, allowed_updates: Sequence[str] | None = None
) -> None:
    """What ``Application.run_polling()`` does before it blocks: ``initialize``,
    ``post_init``, long polling (no pause between polls, ``timeout`` seconds a poll, the
    update types ``allowed_updates``, else the server's default), ``start``. A hook the
    application has not got is skipped, as ``run_polling()`` skips it."""
    if app.updater is None:
        raise ValueError("the application has no updater to poll with")
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    await app.updater.start_polling(
        poll_interval=0, timeout=timeout, allowed_updates=allowed_updates
    )
    await app.start()


async def stop(app: PollingApp, *, on_error: Callable[[Exception], None] | None = None) -> None:
    """What ``run_polling()`` does on its way out, each step whatever the others did: the
    updater stopped if it runs, the application stopped and ``post_stop`` if it runs,
    ``shutdown``, ``post_shutdown``. An error of a step is given to ``on_error`` (the
    console logs it); without one, the first is raised once every step has run."""
    steps: list[Callable[[], Awaitable[Any]]] = []
    if app.updater is not None and app.updater.running:
        steps.append(app.updater.stop)
    if app.running:
        steps.append(app.stop)
        if app.post_stop:
            steps.append(lambda: app.post_stop(app))
    steps.append(app.shutdown)
    if app.post_shutdown:
        steps.append(lambda: app.post_shutdown(app))
    first: Exception | None = None
    for step in steps:
        try:
            await step()
        except Exception as exc:
            if on_error is None:
                first = first or exc
            else:
                on_error(exc)
    if first is not None:
        raise first
