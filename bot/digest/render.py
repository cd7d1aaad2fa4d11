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

from bot.digest.structure import Digest, DigestLine
from bot.text.html_lines import TELEGRAM_LIMIT, cut_html_line, utf16_len

__all__ = ["TELEGRAM_LIMIT", "line_html", "render_html", "render_text", "utf16_len"]


_ALLOWED_STYLES = frozenset({"b", "i"})


def line_html(line: DigestLine) -> str:
    """One digest line as HTML (balanced tags, no newline)."""
    out: list[str] = []
    for span in line.spans:
        text = html.escape(span.text.replace("\n", " "), quote=False)
        if span.style in _ALLOWED_STYLES and text:
            text = f"<{span.style}>{text}</{span.style}>"
        out.append(text)
    return "".join(out)


def render_html(digest: Digest, *, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The digest as Telegram HTML messages, each at most ``limit`` UTF-16 units.

    Messages are split at line boundaries; a heading is never left as the last line
    of a message (it moves to the next one with its targets), and a message that goes
    on with a section's targets starts with its heading again; blank lines at the
    start or end of a message are dropped.
    """
    if limit < 64:
        raise ValueError("limit is too small for a message")
    pieces: list[tuple[str, str]] = []
    for line in digest.lines:
        if line.kind == "blank":
            pieces.append(("blank", ""))
            continue
        pieces.extend((line.kind, piece) for piece in cut_html_line(line_html(line), limit))

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

    heading: str | None = None  # the section the lines being placed are in
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
            # a message that goes on with a section says which one: the second of five
            # began "• 规模以上工业企业 新增 600户左右" under no heading (user-trial17)
            if (
                not current
                and kind == "target"
                and heading is not None
                and utf16_len(heading) + 1 + utf16_len(piece) <= limit
            ):
                current = [("heading", heading)]
        if kind == "heading":
            heading = piece
        current.append((kind, piece))
    flush(current)
    return messages


def render_text(digest: Digest) -> str:
    """The digest as plain text for the command line (no HTML, no escaping)."""
    return "\n".join(line.text for line in digest.lines)
