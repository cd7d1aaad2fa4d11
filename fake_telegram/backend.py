"""The fake server's core: runs Bot API methods, records every call, lets tests wait on them.

The HTTP layer (``http_app``) only decodes requests and encodes answers; everything a test can
observe or script (state, recordings, failures, limits) lives here.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

from fake_telegram import (
    methods_bot,
    methods_chats,
    methods_files,
    methods_inline,
    methods_messages,
)
from fake_telegram.errors import METHOD_NOT_FOUND, ApiError
from fake_telegram.faults import SENDING_METHODS, FaultPlan, RateLimits, method_key
from fake_telegram.models import BotCall, User
from fake_telegram.params import normalize
from fake_telegram.registry import Described, lookup
from fake_telegram.updates import UpdateQueue
from fake_telegram.world import World

# Importing the method modules registers them; keep the names referenced for linters.
_METHOD_MODULES = (methods_bot, methods_chats, methods_files, methods_inline, methods_messages)


class WaitTimeout(TimeoutError):
    """A wait on the fake server ran out of time; the message says what was awaited."""


def _messages_in(result: Any) -> list[dict[str, Any]]:
    """Message objects inside a method result (one, a list of them, or none)."""
    if isinstance(result, dict) and "message_id" in result and "chat" in result:
        return [result]
    if isinstance(result, list):
        return [r for r in result if isinstance(r, dict) and "message_id" in r and "chat" in r]
    return []


class Backend:
    """State plus method dispatch; one per fake server."""

    def __init__(
        self,
        token: str,
        *,
        bot_username: str,
        bot_name: str,
        privacy_mode: bool,
        inline_mode: bool = False,
    ) -> None:
        self.token = token
        head = token.split(":", 1)[0]
        bot = User(
            id=int(head) if head.isdigit() else 1,
            first_name=bot_name,
            username=bot_username,
            is_bot=True,
            extra={
                "can_join_groups": True,
                "can_read_all_group_messages": not privacy_mode,
                "supports_inline_queries": inline_mode,
                "can_connect_to_business": False,
                "has_main_web_app": False,
            },
        )
        self.world = World(bot)
        self.updates = UpdateQueue()
        self.faults = FaultPlan()
        self.limits: RateLimits | None = None
        self.privacy_mode = privacy_mode
        self.inline_mode = inline_mode  # BotFather's /setinline: inline queries reach the bot
        self.webhook: dict[str, Any] | None = None
        self.commands: dict[tuple[tuple[Any, ...], str], list[dict[str, str]]] = {}
        self.callback_queries: dict[str, dict[str, Any]] = {}
        self.inline_queries: dict[str, dict[str, Any]] = {}  # id -> {"query", "answer"}
        self.calls: list[BotCall] = []
        self.downloads: list[str] = []  # file_paths fetched from /file/bot<token>/...
        self._consumed: set[int] = set()
        self._calls_cond = asyncio.Condition()
        self._closing = asyncio.Event()

    # -- dispatch --------------------------------------------------------------------------

    async def dispatch(
        self,
        method: str,
        raw_params: dict[str, Any],
        *,
        client_alive: Callable[[], bool] = lambda: True,
    ) -> tuple[int, dict[str, Any]]:
        """Run one Bot API call; return (HTTP status, JSON body) and record it."""
        received = time.monotonic()
        entry = lookup(method)
        params: dict[str, Any] = dict(raw_params)
        result: Any = None
        error: ApiError | None = None
        description: str | None = None
        canonical = entry[0] if entry else method
        try:
            if entry is None:
                raise METHOD_NOT_FOUND
            params = normalize(raw_params)
            result = await self._run(canonical, entry[1], params)
            if isinstance(result, Described):
                result, description = result.result, result.description
        except ApiError as exc:
            error = exc
        # A long poll whose client already went away (PTB cancels its poll when stopping) got
        # no answer anyone saw; leave it out of the record. Its updates stay unconfirmed.
        if not (canonical == "getUpdates" and not client_alive()):
            await self.record(canonical, params, result, error, received=received)
        if error is not None:
            return error.error_code, error.to_api()
        body: dict[str, Any] = {"ok": True, "result": result}
        if description:
            body["description"] = description
        return 200, body

    async def _run(self, method: str, handler: Any, params: dict[str, Any]) -> Any:
        chat = self.world.find_chat(params.get("chat_id"))
        failure = self.faults.take_failure(method, chat.id if chat else params.get("chat_id"))
        if failure is not None:
            raise failure
        delay = self.faults.take_delay(method)
        if delay > 0:
            await self.sleep(delay)
        if self.limits is not None and chat is not None and method_key(method) in SENDING_METHODS:
            self.limits.check(method, chat.id, chat.type != "private")
        return await handler(self, params)

    async def sleep(self, seconds: float) -> None:
        """Sleep that ends early when the server stops (so stop() never hangs on a delay)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), seconds)

    async def close(self) -> None:
        self._closing.set()
        await self.updates.close()

    # -- recording and waiting -------------------------------------------------------------

    async def record(
        self,
        method: str,
        params: dict[str, Any],
        result: Any,
        error: ApiError | None,
        *,
        received: float | None = None,
    ) -> BotCall:
        async with self._calls_cond:
            call = BotCall(
                index=len(self.calls),
                method=method,
                params=params,
                result=result,
                error=error,
                messages=_messages_in(result),
                received=received,
            )
            self.calls.append(call)
            self._calls_cond.notify_all()
            return call

    async def wait_for(
        self,
        predicate: Callable[[BotCall], bool],
        timeout: float = 5.0,
        *,
        what: str = "a matching bot call",
    ) -> BotCall:
        """The earliest recorded call matching ``predicate`` not returned by an earlier wait.

        Calls already made count, so there is no race between the bot answering and the test
        starting to wait; each call is handed out once.
        """
        found: list[BotCall] = []

        def match() -> bool:
            for call in self.calls:
                if call.index not in self._consumed and predicate(call):
                    found.append(call)
                    return True
            return False

        async with self._calls_cond:
            try:
                await asyncio.wait_for(self._calls_cond.wait_for(match), timeout)
            except TimeoutError:
                recent = "\n  ".join(repr(c) for c in self.calls[-8:]) or "(none)"
                raise WaitTimeout(
                    f"timed out after {timeout:g}s waiting for {what}; last bot calls:\n  {recent}"
                ) from None
            self._consumed.add(found[0].index)
            return found[0]
