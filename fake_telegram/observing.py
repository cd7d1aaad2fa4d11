"""What a test does with the fake server besides scripting users: wait for the bot's
calls, inspect what it sent, and make calls fail, wait or hit rate limits."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from fake_telegram.backend import Backend, WaitTimeout
from fake_telegram.faults import LimitStats, RateLimits
from fake_telegram.methods_bot import scope_key
from fake_telegram.models import BotCall
from fake_telegram.world import ChatRef, UserRef

_SENDING_PREFIXES = ("send", "copyMessage", "forwardMessage")


class Observing:
    """The waiting, inspection and failure-simulation half of
    :class:`~fake_telegram.driver.FakeBotApi` (over its ``backend`` and ``world``)."""

    backend: Backend

    # -- waiting for the bot ---------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[BotCall], bool], timeout: float = 5.0) -> BotCall:
        """The earliest bot call matching ``predicate`` that no earlier wait returned.

        Raises WaitTimeout (a TimeoutError) naming the last calls if none comes in time.
        """
        return await self.backend.wait_for(predicate, timeout)

    async def next_call(
        self, method: str, *, chat: ChatRef | None = None, timeout: float = 5.0
    ) -> BotCall:
        """The next call of ``method`` (any outcome), optionally only for one chat."""
        chat_id = self.backend.world.chat(chat).id if chat is not None else None
        wanted = method.replace("_", "").lower()

        def match(call: BotCall) -> bool:
            if call.method.lower() != wanted:
                return False
            if chat_id is None:
                return True
            target = self.backend.world.find_chat(call.chat_id)
            return target is not None and target.id == chat_id

        return await self.backend.wait_for(match, timeout, what=f"a {method} call")

    async def next_bot_message(self, chat: ChatRef, timeout: float = 5.0) -> dict[str, Any]:
        """The next message the bot sends into ``chat`` (a Message dict), in sending order."""
        chat_id = self.backend.world.chat(chat).id

        def match(call: BotCall) -> bool:
            return (
                call.ok
                and call.method.startswith(_SENDING_PREFIXES)
                and any(m["chat"]["id"] == chat_id for m in call.messages)
            )

        call = await self.backend.wait_for(match, timeout, what=f"a bot message in chat {chat_id}")
        return next(m for m in call.messages if m["chat"]["id"] == chat_id)

    async def wait_until_polling(self, timeout: float = 5.0) -> None:
        """Return once the bot has a getUpdates long poll waiting on the server."""
        try:
            await self.backend.updates.wait_until_polling(timeout)
        except TimeoutError:
            raise WaitTimeout(f"no getUpdates long poll started within {timeout:g}s") from None

    def mark_seen(self) -> None:
        """Treat every call so far as already returned by a wait (start afresh)."""
        self.backend._consumed.update(call.index for call in self.backend.calls)

    # -- inspection ------------------------------------------------------------------------

    @property
    def sent(self) -> list[BotCall]:
        """Every Bot API call the bot made, in order (including failed ones and polls)."""
        return list(self.backend.calls)

    def calls(self, method: str | None = None) -> list[BotCall]:
        """Recorded calls, optionally of one method (any spelling: sendMessage/send_message)."""
        if method is None:
            return self.sent
        wanted = method.replace("_", "").lower()
        return [c for c in self.backend.calls if c.method.lower() == wanted]

    def messages(self, chat: ChatRef) -> list[dict[str, Any]]:
        """All existing messages in a chat (users' and the bot's), oldest first."""
        return self.backend.world.chat_messages(self.backend.world.chat(chat).id)

    def bot_messages(self, chat: ChatRef) -> list[dict[str, Any]]:
        chat_id = self.backend.world.chat(chat).id
        return [
            copy.deepcopy(m.data)
            for m in self.backend.world.messages.get(chat_id, {}).values()
            if m.from_bot and not m.deleted
        ]

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by the bot's getUpdates offset."""
        return copy.deepcopy(self.backend.updates.pending)

    def callback_answer(self, query: dict[str, Any] | str) -> dict[str, Any] | None:
        """What the bot answered to a callback query (None if not answered yet)."""
        query_id = query if isinstance(query, str) else query["id"]
        return self.backend.callback_queries[query_id]["answer"]

    def inline_answer(self, query: dict[str, Any] | str) -> dict[str, Any] | None:
        """What the bot answered to an inline query (None if not yet): ``results`` (each
        article with ``message``, the text and entities it sends), ``next_offset``,
        ``cache_time``, ``is_personal``, ``button``."""
        query_id = query if isinstance(query, str) else query["id"]
        return copy.deepcopy(self.backend.inline_queries[query_id]["answer"])

    def file_bytes(self, file_id: str) -> bytes:
        """The bytes stored under a file_id (e.g. a document the bot sent)."""
        return self.backend.world.files[file_id].data

    def commands(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        """The command list stored for exactly this scope and language."""
        key = (scope_key(self.backend, scope), language_code)
        return list(self.backend.commands.get(key, []))

    def visible_commands(
        self, chat: ChatRef, user: UserRef | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        """The commands a client would show, resolving scopes in the Bot API's order."""
        world = self.backend.world
        chat_obj = world.chat(chat)
        user_id = world.user(user).id if user is not None else None
        is_admin = user_id is not None and world.member(chat_obj.id, user_id).status in (
            "creator",
            "administrator",
        )
        if chat_obj.type == "private":
            scopes: list[tuple[Any, ...]] = [("chat", chat_obj.id), ("all_private_chats",)]
        else:
            scopes = []
            if user_id is not None:
                scopes.append(("chat_member", chat_obj.id, user_id))
            if is_admin:
                scopes.append(("chat_administrators", chat_obj.id))
            scopes.append(("chat", chat_obj.id))
            if is_admin:
                scopes.append(("all_chat_administrators",))
            scopes.append(("all_group_chats",))
        scopes.append(("default",))
        for scope in scopes:
            for language in ([language_code] if language_code else []) + [""]:
                found = self.backend.commands.get((scope, language))
                if found:
                    return list(found)
        return []

    # -- failure simulation ----------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        error_code: int,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: ChatRef | None = None,
        *,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (optionally into one chat) with an error.

        Without a description Telegram's usual one is used ("Too Many Requests: retry after N",
        "Forbidden: bot was blocked by the user", ...).
        """
        target: int | str | None = None
        if chat_id is not None:
            found = (
                self.backend.world.find_chat(chat_id)
                if isinstance(chat_id, (int, str))
                else self.backend.world.chat(chat_id)
            )
            target = found.id if found is not None else chat_id  # type: ignore[assignment]
        self.backend.faults.add_failure(
            method,
            error_code,
            description,
            retry_after=retry_after,
            migrate_to_chat_id=migrate_to_chat_id,
            times=times,
            chat_id=target,
        )

    def delay_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Hold the next call(s) of ``method`` for ``seconds`` before running it.

        The call still takes effect if the client gave up meanwhile, like a real request that
        timed out on the client side after reaching Telegram.
        """
        self.backend.faults.add_delay(method, seconds, times)

    def enforce_limits(
        self,
        global_per_sec: int = 30,
        per_group_per_min: int = 20,
        per_chat_per_sec: int = 1,
        *,
        clock: Callable[[], float] | None = None,
    ) -> RateLimits:
        """Answer 429 with retry_after when sends exceed Telegram's flood limits."""
        limits = RateLimits(global_per_sec, per_group_per_min, per_chat_per_sec)
        if clock is not None:
            limits.clock = clock
        self.backend.limits = limits
        return limits

    def disable_limits(self) -> None:
        self.backend.limits = None

    @property
    def limit_stats(self) -> LimitStats:
        """Accepted and rejected sends under enforce_limits(), by method."""
        if self.backend.limits is None:
            return LimitStats()
        return self.backend.limits.stats
