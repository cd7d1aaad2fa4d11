"""Pure: what a message is besides words to search: a link, or a document's text pasted.

A reporter sends a link to the report she is reading, or pastes the report itself, to
"give it to the bot". Searched as typed, a link was no keyword ("请输入要查找的关键词")
and a pasted report was cut to its first words and "corrected" (市人民 → 使人民), with
nothing said of how a document is added. The bot reads no web page (it does not go on
the internet from a chat), and a document is added as a file.
"""

from __future__ import annotations

import re

__all__ = ["looks_pasted", "without_links"]

# A link as people paste it: with its scheme, or starting www. (Telegram marks both).
_LINK = re.compile(r"(?:https?://|www\.)[^\s\u3000，。；、）)】」》]+", re.IGNORECASE)

# A pasted text has lines or sentences of its own; a long typed query is one line of words.
_BREAKS = re.compile(r"\n\s*\S|[。！？；]")


def without_links(text: str) -> tuple[str, int]:
    """``text`` with its links taken out (spaces tidied), and how many there were."""
    found = _LINK.findall(text)
    if not found:
        return text, 0
    rest = _LINK.sub(" ", text)
    return re.sub(r"[ \t\u3000]+", " ", rest).strip(), len(found)


# Lines of text a pasted passage has at least, when shorter than a query is read: a
# query is typed on one line (a report's title, headings and paragraphs are several).
_PASTED_LINES = 4
_PASTED_MIN_CHARS = 80


def looks_pasted(text: str, max_query_chars: int) -> bool:
    """Whether ``text`` reads as a document's text pasted, not a query typed: longer than
    a query is read (``max_query_chars``) and made of at least three lines or sentences,
    or shorter but of four lines or more (a title, headings and a paragraph)."""
    text = text.strip()
    lines = [line for line in text.splitlines() if line.strip()]
    if len(text) >= _PASTED_MIN_CHARS and len(lines) >= _PASTED_LINES:
        return True
    return len(text) > max_query_chars and len(_BREAKS.findall(text)) >= 2
