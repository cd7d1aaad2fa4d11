"""Cutting Telegram-style HTML lines (only simple tags like ``<b>``, ``<i>``) to a size.

Shared by the digest renderer and the Telegram presentation layer. Pure functions.
"""

from __future__ import annotations

import re

TELEGRAM_LIMIT = 4096
# A token is a simple tag, a whole character entity, or one character.
_TOKEN_RE = re.compile(r"</?[a-z]+>|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);|.", re.S)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (Telegram's measure)."""
    return len(text.encode("utf-16-le")) // 2


def cut_html_line(line: str, limit: int, *, first: int | None = None) -> list[str]:
    """Cut one balanced HTML line: the first piece at most ``first`` UTF-16 units (default
    ``limit``), the others at most ``limit``.

    Cuts fall between characters or whole entities (``&amp;``); tags open at a cut are
    closed there and reopened in the next piece, and tags opened right before a cut
    move to the next piece (no empty ``<b></b>``).
    """
    cap = limit if first is None else first
    if utf16_len(line) <= cap:
        return [line]
    pieces: list[str] = []
    stack: list[str] = []  # names of the open tags
    current: list[str] = []
    size = 0  # UTF-16 units in current
    trailing = 0  # opening tags at the end of current, after its last text
    has_text = False
    for token in _TOKEN_RE.findall(line):
        if len(token) > 2 and token[0] == "<" and token[-1] == ">":
            current.append(token)
            size += len(token)
            if token[1] == "/":
                if stack and stack[-1] == token[2:-1]:
                    stack.pop()
                trailing = 0
            else:
                stack.append(token[1:-1])
                trailing += 1
            continue
        width = utf16_len(token)
        closing = sum(len(name) + 3 for name in stack)
        if has_text and size + width + closing > cap:
            keep = stack[: len(stack) - trailing]
            body = current[: len(current) - trailing]
            pieces.append("".join(body) + "".join(f"</{t}>" for t in reversed(keep)))
            current = [f"<{t}>" for t in stack]
            size = sum(len(t) for t in current)
            has_text, cap = False, limit
        current.append(token)
        size += width
        trailing = 0
        has_text = True
    if has_text or not pieces:
        pieces.append("".join(current) + "".join(f"</{t}>" for t in reversed(stack)))
    return pieces


MORE = "…"


def fit_message(text: str, *, html: bool, limit: int = TELEGRAM_LIMIT) -> str:
    """``text`` cut to one message of at most ``limit`` UTF-16 units, ``…`` last when cut.

    ``html``: Telegram HTML whose lines are balanced (the bot's convention): whole lines
    while they fit, then the first piece of the next (:func:`cut_html_line`, tags kept
    balanced). Otherwise plain text, cut between characters. The last resort of every
    send (``handlers.ratelimit``): what is meant to be long is split before it gets there.
    """
    if utf16_len(text) <= limit:
        return text
    room = limit - utf16_len(MORE) - 1
    if not html:
        return text.encode("utf-16-le")[: room * 2].decode("utf-16-le", errors="ignore") + MORE
    lines: list[str] = []
    size = 0
    for line in text.split("\n"):
        gap = 1 if lines else 0
        width = utf16_len(line)
        if size + gap + width <= room:
            lines.append(line)
            size += gap + width
            continue
        left = room - size - gap
        while left >= 32:  # a piece's opening and closing tags may go a little over
            piece = cut_html_line(line, left)[0]
            if size + gap + utf16_len(piece) <= room:
                lines.append(piece)
                break
            left -= 32
        break
    return "\n".join(lines) + MORE
