"""The offline console's input: lines read in a daemon thread, so the bot keeps running
while the user types (``LineReader``)."""

from __future__ import annotations

import asyncio
import queue
import threading

from bot.text.console_input import decode_line, read_stdin_line


class LineReader:
    """Reads one line per request in a daemon thread, so the event loop keeps running.

    In a terminal ``input()`` shows the prompt (the terminal does the line editing); else
    lines come from ``sys.stdin``. End of input is None.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, *, interactive: bool) -> None:
        self.loop, self.interactive = loop, interactive
        self._requests: queue.Queue[tuple[str, asyncio.Future[str | None]] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._serve, name="console-input", daemon=True)
        # Set once a line had bytes that are not UTF-8 (the console says so once).
        self.replaced = False
        self._thread.start()

    def _serve(self) -> None:
        while (request := self._requests.get()) is not None:
            prompt, future = request
            line: str | None
            try:
                replaced = False
                if self.interactive:
                    line, replaced = decode_line(input(prompt))
                else:
                    line, replaced = read_stdin_line()
                self.replaced = self.replaced or replaced
            except (EOFError, OSError, ValueError):
                line = None
            try:
                self.loop.call_soon_threadsafe(_resolve, future, line)
            except RuntimeError:  # the loop is gone: the console has ended
                return
            if line is None:
                return

    async def readline(self, prompt: str = "") -> str | None:
        if not self._thread.is_alive():
            return None
        future: asyncio.Future[str | None] = self.loop.create_future()
        self._requests.put((prompt, future))
        return await future

    def close(self) -> None:
        """Let an idle reader thread end (one blocked on input is a daemon and is left)."""
        self._requests.put(None)


def _resolve(future: asyncio.Future[str | None], line: str | None) -> None:
    if not future.done():
        future.set_result(line)
