"""What a user typed, said back in a reply: on one line and cut to a bound, so that a
4,000-character argument cannot crowd out the answer (the Telegram layer escapes it:
``handlers.format.html.shown``; the core's own replies, a digest preview's "nothing
matches", likewise). Pure."""

from __future__ import annotations

import re

ARG_SHOWN = 100
"""At most this many characters of what a user typed are repeated in a reply."""
_WS = re.compile(r"\s+")


def one_line(text: str | None) -> str:
    """``text`` on one line, runs of white space as one space."""
    return _WS.sub(" ", text or "").strip()


def cut(text: str, chars: int) -> str:
    """``text`` cut to ``chars`` characters, an ellipsis last when cut."""
    return text if len(text) <= chars else text[: chars - 1] + "…"


def said_back(text: str | None) -> str:
    """What a user typed, as a reply repeats it: one line, at most :data:`ARG_SHOWN`
    characters (plain text: the caller escapes it for its markup)."""
    return cut(one_line(text), ARG_SHOWN)
