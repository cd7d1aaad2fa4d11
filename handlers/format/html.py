"""The ground rules of the bot's Telegram HTML: escaping, one-line text, splitting.

Pure functions, no I/O. Conventions shared by every ``handlers.format`` module:

- ``parse_mode=HTML``; every piece of document or user text goes through :func:`escape`
  (``&``, ``<``, ``>``), one piece at a time, and only ``<b>``, ``<i>`` and ``<code>``
  are used.
- A tag never spans a line break, so :func:`split_html` can cut any text at line
  boundaries into messages of at most 4096 UTF-16 code units (Telegram's measure).
- Callback data is ASCII, ``:``-separated and at most 64 bytes (:func:`checked`); it
  names saved things by short keys, never by their text, so buttons keep working after
  a restart.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Protocol

from bot.text.echo import ARG_SHOWN, cut, one_line, said_back
from bot.text.html_lines import TELEGRAM_LIMIT, cut_html_line, utf16_len

__all__ = [
    "ARG_SHOWN",
    "CALLBACK_LIMIT",
    "TELEGRAM_LIMIT",
    "checked",
    "cut",
    "escape",
    "highlight_html",
    "one_line",
    "shown",
    "split_html",
    "utf16_len",
]

CALLBACK_LIMIT = 64
"""Telegram's limit for ``callback_data``, in bytes."""


# -- basics ------------------------------------------------------------------------------------
def escape(text: str | None) -> str:
    """Plain text → Telegram HTML (``&``, ``<``, ``>``; quotes may stay)."""
    return html.escape(text or "", quote=False)


def shown(text: str | None) -> str:
    """What a user typed, repeated in a reply: on one line, cut to :data:`ARG_SHOWN`
    characters (:func:`bot.text.echo.said_back`), escaped (a 4,000-character argument
    must not crowd out the answer)."""
    return escape(said_back(text))


MIN_PIECE = 64  # a line is not cut to fill less than this at the end of a message


def split_html(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Cut HTML into messages of at most ``limit`` UTF-16 code units, at line boundaries.

    Every line must be balanced HTML (no tag across a line break). A line longer than
    a message is cut between characters, filling the current message first. Blank
    lines at the start or end of a message are dropped. Lengths are measured on the
    HTML, which is never shorter than the text Telegram counts, so a message may be
    cut a little early but is never too long.
    """
    if limit < 2 * MIN_PIECE:
        raise ValueError("limit is too small for a message")
    messages: list[str] = []
    current: list[str] = []
    size = 0  # UTF-16 units of "\n".join(current)

    def flush() -> None:
        nonlocal current, size
        while current and not current[-1].strip():
            current.pop()
        while current and not current[0].strip():
            current.pop(0)
        if current:
            messages.append("\n".join(current))
        current, size = [], 0

    for line in text.split("\n"):
        width = utf16_len(line)
        gap = 1 if current else 0
        if size + gap + width <= limit:
            current.append(line)
            size += gap + width
            continue
        if width <= limit:
            flush()
            current, size = [line], width
            continue
        room = limit - size - gap
        if room < MIN_PIECE:
            flush()
            room = limit
        *full, last = cut_html_line(line, limit, first=room)
        for piece in full:
            current.append(piece)
            flush()
        current, size = [last], utf16_len(last)
    flush()
    return messages


class _Span(Protocol):
    start: int
    end: int


def highlight_html(text: str, spans: Iterable[_Span | tuple[int, int]]) -> str:
    """``text`` with the character ranges ``spans`` in ``<b>``, each piece escaped alone.

    Spans are clipped to the text and merged where they touch or overlap; line breaks
    become spaces (one for one, so the offsets stay right) to keep tags on one line.
    """
    text = text.replace("\r", " ").replace("\n", " ")
    ranges: list[tuple[int, int]] = []
    for span in spans:
        start, end = span if isinstance(span, tuple) else (span.start, span.end)
        start, end = max(0, start), min(len(text), end)
        if start < end:
            ranges.append((start, end))
    ranges.sort()
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out.append(escape(text[pos:start]))
        out.append(f"<b>{escape(text[start:end])}</b>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def checked(data: str) -> str:
    """``data`` if it fits in a button's callback data; ValueError otherwise."""
    if len(data.encode("utf-8")) > CALLBACK_LIMIT:
        raise ValueError(f"callback data longer than {CALLBACK_LIMIT} bytes: {data!r}")
    return data
