"""Pure: what a message is besides words to search: a link, or a document's text pasted.

A reporter sends a link to the report she is reading, or pastes the report itself, to
"give it to the bot". Searched as typed, a link was no keyword ("请输入要查找的关键词")
and a pasted report was cut to its first words and "corrected" (市人民 → 使人民), with
nothing said of how a document is added. The bot reads no web page (it does not go on
the internet from a chat). A pasted text is added as a file would be: named by its first
line (:func:`pasted_filename`), its characters as UTF-8 (:func:`pasted_bytes`).
"""

from __future__ import annotations

import re

__all__ = [
    "continues",
    "joined_parts",
    "looks_pasted",
    "pasted_bytes",
    "pasted_filename",
    "pasted_title",
    "title_only",
    "without_links",
]

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


# Characters a file name cannot hold on some system, or that read as a path or markup.
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\ufeff]+')
# A title's characters at most: the name stays well under the 200 bytes a file name may
# have (three bytes a Chinese character) and readable in /docs.
_TITLE_CHARS = 40
# Marks a first line wears without being part of the title: Markdown headings and
# emphasis, list bullets, and the brackets a title is quoted in.
_TITLE_MARKS = "#*>-•·《》「」【】\"'“”‘’ \t\u3000"
PASTED_NAME = "pasted"
"""The name of a pasted text whose first line holds nothing a name can keep."""


def pasted_title(text: str) -> str:
    """The title a pasted text is given: its first non-blank line without the marks it
    is dressed in, cut to 40 characters (a report's title is its first line)."""
    for line in text.splitlines():
        title = re.sub(r"\s+", " ", line).strip(_TITLE_MARKS)
        if title:
            return title[:_TITLE_CHARS].strip()
    return ""


def title_only(text: str) -> bool:
    """Whether a text given to /add is one short line and no more (``海南省2026年政府工作
    报告``, or 40 characters at most without a sentence's end): a title whose text was to
    follow in a next message, as each line is in the console. Added, it is a document of
    its title alone, with nothing to search and no targets."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return len(lines) == 1 and len(lines[0]) <= _TITLE_CHARS and not _BREAKS.search(lines[0])


def pasted_filename(text: str) -> str:
    """The ``.txt`` file name a pasted text is added under: its title with what a file
    name cannot hold taken out (``/``, ``:``, ``..``, control characters), or
    ``pasted.txt`` when nothing is left. The same text always has the same name, so a
    second paste is found as the same document."""
    name = _NOT_IN_NAMES.sub(" ", pasted_title(text))
    name = re.sub(r"\.{2,}", ".", re.sub(r"\s+", " ", name)).strip(" .~$")
    return f"{name or PASTED_NAME}.txt"


def pasted_bytes(text: str) -> bytes:
    """The file a pasted text becomes: its lines as typed (line ends made ``\\n``, the
    blank lines around it dropped) in UTF-8, ending with a line end. Pure: the same
    text twice is the same bytes, which the library finds as a duplicate."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body = "\n".join(line.rstrip() for line in lines).strip("\n")
    return (body + "\n").encode("utf-8")


# Telegram takes at most 4,096 characters a message: a client sends a longer text as
# several messages, one after the other, each cut near the limit (at a line or a word
# before it), the last one shorter.
CUT_MIN_CHARS = 3000
"""A pasted text at least this long may have been cut by the client, the rest following."""
PART_WINDOW_SECONDS = 10
"""Seconds between two messages a client sent as the parts of one text at most: it sends
them back to back (the same second, as Telegram dates them); a person typing the next
message after reading the reply takes longer."""


def continues(previous_chars: int, seconds_apart: float) -> bool:
    """Whether a text sent ``seconds_apart`` after a pasted text of ``previous_chars``
    characters, in the same chat by the same person, is that text's next part: the text
    before was as long as a message cut by the client, and this one came right after."""
    return previous_chars >= CUT_MIN_CHARS and 0 <= seconds_apart <= PART_WINDOW_SECONDS


def joined_parts(before: str, after: str) -> str:
    """The parts of one text joined: a client cuts at a line break where it can, and the
    break itself is sent with neither part, so they are joined on a new line."""
    return before.rstrip("\n") + "\n" + after.lstrip("\n")
