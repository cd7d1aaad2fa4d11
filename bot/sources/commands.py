"""Pure: the arguments of ``/source add URL [name] [every 6h] [match 政府工作报告]``."""

from __future__ import annotations

from dataclasses import dataclass

from bot.sources.store import SourceError

EVERY_WORDS = ("every", "每")
MATCH_WORDS = ("match", "匹配")


@dataclass(frozen=True)
class AddArgs:
    url: str
    name: str | None = None
    every: str | None = None
    match: str | None = None


def parse_add(text: str) -> AddArgs:
    """``URL [name] [every 6h] [match words…]``: ``match`` takes the rest of the line, so a
    pattern may hold spaces. Raises :class:`SourceError` (``source.usage``)."""
    words = text.split()
    if not words:
        raise SourceError("usage: /source add URL [name] [every 6h] [match P]", "source.usage")
    url, rest = words[0], words[1:]
    name = every = match = None
    i = 0
    while i < len(rest):
        word = rest[i]
        lowered = word.lower()
        if lowered in MATCH_WORDS and i + 1 < len(rest):
            match = " ".join(rest[i + 1 :])
            break
        if lowered in EVERY_WORDS and i + 1 < len(rest):
            every = rest[i + 1]
            i += 2
            continue
        if lowered.startswith(("every=", "match=", "name=")):
            key, _, value = word.partition("=")
            if key.lower() == "match":
                match = " ".join([value, *rest[i + 1 :]]).strip()
                break
            if key.lower() == "every":
                every = value
            else:
                name = value
            i += 1
            continue
        if name is None:
            name = word
            i += 1
            continue
        raise SourceError(
            f"unexpected {word!r}: /source add URL [name] [every 6h] [match P]",
            "source.usage",
        )
    return AddArgs(url, name, every, match)
