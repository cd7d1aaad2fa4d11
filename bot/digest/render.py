"""Render a :class:`~bot.digest.compose.Digest` as Telegram HTML or plain text.

Telegram HTML (``parse_mode=HTML``): every piece of text is escaped with
``html.escape(text, quote=False)`` (``&``, ``<``, ``>``), and only ``<b>`` and ``<i>``
are used. A tag never spans lines, so the digest can be split at any line boundary
into messages of at most :data:`TELEGRAM_LIMIT` characters, measured in UTF-16 code
units (how Telegram counts; an emoji outside the BMP counts two). A single line
longer than the limit is cut between characters, never inside a tag or an entity
(``&amp;``), closing the open tags at the cut and reopening them after it.

Pure: no I/O, no Telegram library.
"""

from __future__ import annotations

import html
import re

from bot.digest.compose import Digest, DigestLine

__all__ = ["TELEGRAM_LIMIT", "line_html", "render_html", "render_text", "utf16_len"]

TELEGRAM_LIMIT = 4096

_TOKEN_RE = re.compile(r"</?[a-z]+>|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);|.", re.S)
_OPEN_RE = re.compile(r"<([a-z]+)>")
_CLOSE_RE = re.compile(r"</([a-z]+)>")
_ALLOWED_STYLES = frozenset({"b", "i"})


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (Telegram's measure)."""
    return len(text.encode("utf-16-le")) // 2


def line_html(line: DigestLine) -> str:
    """One digest line as HTML (balanced tags, no newline)."""
    out: list[str] = []
    for span in line.spans:
        text = html.escape(span.text.replace("\n", " "), quote=False)
        if span.style in _ALLOWED_STYLES and text:
            text = f"<{span.style}>{text}</{span.style}>"
        out.append(text)
    return "".join(out)


def _cut_line(line: str, limit: int) -> list[str]:
    """Cut one HTML line into pieces of at most ``limit`` UTF-16 units, each balanced.

    Cuts fall between text tokens (a character or a whole entity); tags open at the
    cut are closed at the end of the piece and reopened at the start of the next, and
    tags opened just before the cut move to the next piece so no piece ends with an
    empty ``<b></b>``.
    """
    if utf16_len(line) <= limit:
        return [line]
    pieces: list[str] = []
    stack: list[str] = []  # tag names open at this point
    current: list[str] = []
    size = 0  # UTF-16 length of "".join(current)
    closing_size = 0  # UTF-16 length of the closing tags for stack
    trailing = 0  # opening tags at the end of current, after the last text token
    has_text = False
    for token in _TOKEN_RE.findall(line):
        opened = _OPEN_RE.fullmatch(token)
        closed = _CLOSE_RE.fullmatch(token)
        if opened:
            current.append(token)
            size += utf16_len(token)
            stack.append(opened.group(1))
            closing_size += len(opened.group(1)) + 3
            trailing += 1
            continue
        if closed:
            current.append(token)
            size += utf16_len(token)
            if stack and stack[-1] == closed.group(1):
                stack.pop()
                closing_size -= len(closed.group(1)) + 3
            trailing = 0
            continue
        width = utf16_len(token)
        if has_text and size + width + closing_size > limit:
            keep = stack[: len(stack) - trailing]
            body = current[: len(current) - trailing] if trailing else current
            pieces.append("".join(body) + "".join(f"</{t}>" for t in reversed(keep)))
            current = ["".join(f"<{t}>" for t in stack)]
            size = utf16_len(current[0])
            has_text = False
        current.append(token)
        size += width
        trailing = 0
        has_text = True
    if has_text or not pieces:
        pieces.append("".join(current) + "".join(f"</{t}>" for t in reversed(stack)))
    return pieces


def render_html(digest: Digest, *, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The digest as Telegram HTML messages, each at most ``limit`` UTF-16 units.

    Messages are split at line boundaries; a heading is never left as the last line
    of a message (it moves to the next one with its targets); blank lines at the
    start or end of a message are dropped.
    """
    if limit < 64:
        raise ValueError("limit is too small for a message")
    pieces: list[tuple[str, str]] = []
    for line in digest.lines:
        if line.kind == "blank":
            pieces.append(("blank", ""))
            continue
        pieces.extend((line.kind, piece) for piece in _cut_line(line_html(line), limit))

    messages: list[str] = []
    current: list[tuple[str, str]] = []

    def size(lines: list[tuple[str, str]]) -> int:
        return sum(utf16_len(h) for _k, h in lines) + max(0, len(lines) - 1)

    def flush(lines: list[tuple[str, str]]) -> None:
        while lines and lines[-1][0] == "blank":
            lines.pop()
        while lines and lines[0][0] == "blank":
            lines.pop(0)
        if lines:
            messages.append("\n".join(h for _k, h in lines))

    for kind, piece in pieces:
        if not current and kind == "blank":
            continue
        if current and size(current) + 1 + utf16_len(piece) > limit:
            carry: list[tuple[str, str]] = []
            while current and current[-1][0] in ("heading", "blank"):
                carry.insert(0, current.pop())
            if not any(k != "blank" for k, _h in current):
                current, carry = current + carry, []
            flush(current)
            current = [c for c in carry if c[0] != "blank"]
            if current and size(current) + 1 + utf16_len(piece) > limit:
                flush(current)
                current = []
            if not current and kind == "blank":
                continue
        current.append((kind, piece))
    flush(current)
    return messages


def render_text(digest: Digest) -> str:
    """The digest as plain text for the command line (no HTML, no escaping)."""
    return "\n".join(line.text for line in digest.lines)
