"""Digests: the "summary of key targets" pushed to subscribers and previewed on the CLI.

Pure composition, no Telegram code and no I/O:

- :mod:`bot.digest.filters`: :class:`DigestFilter`, :func:`parse_filter`,
  :func:`describe`, :func:`matches` (the user's filter string and record matching:
  written in :mod:`~bot.digest.filter_syntax`, applied in :mod:`~bot.digest.filter_matching`);
- :mod:`bot.digest.compose`: :func:`compose_digest` builds a :class:`Digest`
  (:mod:`bot.digest.structure`: the digest, its lines and entries);
- :mod:`bot.digest.values`: how a figure, year and source are written;
- :mod:`bot.digest.render`: :func:`render_html` (Telegram messages) and
  :func:`render_text` (command line).
"""

from bot.digest.compose import compose_digest
from bot.digest.filters import (
    DigestFilter,
    FilterError,
    describe,
    format_filter,
    matches,
    parse_filter,
)
from bot.digest.render import render_html, render_text
from bot.digest.structure import Digest, DigestEntry, DigestLine, SourceRef, Span

__all__ = [
    "Digest",
    "DigestEntry",
    "DigestFilter",
    "DigestLine",
    "FilterError",
    "SourceRef",
    "Span",
    "compose_digest",
    "describe",
    "format_filter",
    "matches",
    "parse_filter",
    "render_html",
    "render_text",
]
