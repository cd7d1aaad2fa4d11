"""Editing one bot message as work goes on: the /reindex progress message."""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from telegram import InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

logger = logging.getLogger(__name__)

EDIT_INTERVAL = 1.0
"""At most one progress edit per this many seconds."""


async def edit_html(
    message: Message, html: str, reply_markup: InlineKeyboardMarkup | None = None
) -> None:
    """Edit a bot message (text and keyboard); "not modified" is not an error."""
    try:
        await message.edit_text(html, parse_mode=ParseMode.HTML, reply_markup=reply_markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


class ProgressMessage:
    """Edits one message to show progress: at most one edit per ``interval`` seconds,
    only when the text changes, always the latest state; :meth:`finish` shows the
    final text at once. :meth:`note` is called on the event loop."""

    def __init__(
        self,
        message: Message,
        render: Callable[..., str],
        *,
        interval: float = EDIT_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.message = message
        self.render = render
        self.interval = interval
        self.clock = clock
        self.edits = 0
        self._shown = message.text_html if message.text else ""
        self._state: tuple[Any, ...] | None = None
        self._version = 0
        self._last_edit = -math.inf
        self._task: asyncio.Task | None = None
        self._closed = False

    def note(self, *state: Any) -> None:
        if self._closed:
            return
        self._state = state
        self._version += 1
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while not self._closed:
            wait = self._last_edit + self.interval - self.clock()
            if wait > 0:
                await asyncio.sleep(wait)
            version, state = self._version, self._state
            if self._closed or state is None:
                return
            try:
                await self._show(self.render(*state))
            except TelegramError as exc:  # progress is best effort
                logger.warning("progress edit failed: %s", exc)
                self._last_edit = self.clock()
            if self._version == version:
                return

    async def _show(self, html: str) -> None:
        if html == self._shown:
            return
        await edit_html(self.message, html)
        self._shown = html
        self._last_edit = self.clock()
        self.edits += 1

    async def finish(self, html: str) -> None:
        self._closed = True
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with suppress(asyncio.CancelledError, TelegramError):
                await self._task
        await self._show(html)
