"""Lines typed or piped into the consoles (``briefbot``, the plain search console): bytes
that are not UTF-8 are replaced, never a reason to stop or fail (issue 14)."""

from __future__ import annotations

import sys

NOT_UTF8_NOTE = "(the input was not valid UTF-8: undecodable bytes are shown as \ufffd)"


def decode_line(raw: bytes | str) -> tuple[str, bool]:
    """A line of input as text, bytes that are not UTF-8 replaced by U+FFFD: (text, whether
    anything was replaced). A ``str`` may carry such bytes as lone surrogates
    (``surrogateescape``, as Python reads stdin under a C locale); they are replaced too."""
    if isinstance(raw, str):
        try:
            raw.encode("utf-8")
            return raw, False
        except UnicodeEncodeError:
            try:
                raw = raw.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:  # surrogates that were never bytes
                return raw.encode("utf-8", "replace").decode("utf-8"), True
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace"), True


def read_stdin_line() -> tuple[str | None, bool]:
    """The next line of stdin without its line end (None at the end), read as bytes when
    stdin has a buffer so that a stray byte never ends the input; see :func:`decode_line`."""
    buffer = getattr(sys.stdin, "buffer", None)
    raw: bytes | str = buffer.readline() if buffer is not None else sys.stdin.readline()
    if not raw:
        return None, False
    text, replaced = decode_line(raw)
    return text.rstrip("\r\n"), replaced
