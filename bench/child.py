"""A benchmark's helper process (the fake Bot API server) and its JSON-lines channel.

The benchmarks run the fake server in a separate process, so that its CPU does not
compete with the bot's; they talk to it with one JSON object per line on its stdin
and stdout.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class Child:
    """``python -m <module> --child`` and its JSON-lines channel."""

    def __init__(self, proc: asyncio.subprocess.Process, stderr: Any = None) -> None:
        self.proc = proc
        self.stderr = stderr

    @classmethod
    async def start(cls, module: str, stderr: Any, *, limit: int = 2**27) -> Child:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            module,
            "--child",
            cwd=ROOT,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=stderr,
            limit=limit,
        )
        return cls(proc, stderr)

    async def send(self, obj: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(obj, ensure_ascii=False) + "\n").encode())
        await self.proc.stdin.drain()

    async def expect(self, event: str, timeout: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = await asyncio.wait_for(self.proc.stdout.readline(), timeout)
        if not line:
            raise RuntimeError(f"the fake server process exited (waiting for {event!r})")
        got = json.loads(line)
        if got.get("event") != event:
            raise RuntimeError(f"expected {event!r} from the fake server process, got {got}")
        return got

    async def close(self) -> int | None:
        if self.proc.returncode is None:
            with contextlib.suppress(OSError, RuntimeError):
                if self.proc.stdin is not None and not self.proc.stdin.is_closing():
                    self.proc.stdin.write(b'{"cmd": "stop"}\n')
                    self.proc.stdin.close()
            try:
                await asyncio.wait_for(self.proc.wait(), 10)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        return self.proc.returncode


# -- inside the child ------------------------------------------------------------------------
def emit(obj: dict[str, Any]) -> None:
    """Send one JSON line to the parent."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


async def serve(
    handler: Callable[[dict[str, Any], asyncio.StreamReader], Awaitable[None]],
    *,
    limit: int = 2**26,
) -> int:
    """The child's main: read the spec line from stdin and hand it (and stdin) to
    ``handler``; 2 if the parent sent nothing."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=limit)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    line = await asyncio.wait_for(reader.readline(), 60)
    if not line.strip():
        return 2
    await handler(json.loads(line), reader)
    return 0
