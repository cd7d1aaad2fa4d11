"""What the tools do, on the library (:class:`bot.library.Engine`), as plain methods.

Every method runs on the core thread (:class:`bot.blocking.Blocking`, as in the bot:
the searcher is not thread-safe), first picking up an index a writer swapped in since
(:meth:`~bot.library.Engine.reopen_if_changed`), and returns a
:class:`~mcp_server.records.Result`. A request the library cannot answer (an unknown
document, a bad filter, a page past the last) raises :class:`ToolError` with a
sentence that says what to do instead; the client sees it as a tool error.

:class:`Library` is put together from one mixin per concern: ``searching`` (the search
tool), ``reading`` (documents, outlines, passages, the ``doc://`` pages), ``key_targets``
(targets, compare, scorecard, changes), over ``lookups`` (what they share, and the page
sizes).
"""

from __future__ import annotations

from mcp_server.key_targets import KeyTargetTools
from mcp_server.lookups import (
    CONTEXT_MAX,
    KINDS,
    LIST_PAGE,
    LIST_PAGE_MAX,
    OPENING_CHARS,
    OUTLINE_PAGE,
    OUTLINE_PAGE_MAX,
    REGIONS_SHOWN,
    RESOURCE_PASSAGES,
    SEARCH_PAGE,
    SEARCH_PAGE_MAX,
    TARGETS_PAGE,
    TARGETS_PAGE_MAX,
)
from mcp_server.reading import OPENING_MIN_CHARS, ReadingTools
from mcp_server.searching import SearchTool

__all__ = [
    "CONTEXT_MAX",
    "KINDS",
    "LIST_PAGE",
    "LIST_PAGE_MAX",
    "OPENING_CHARS",
    "OPENING_MIN_CHARS",
    "OUTLINE_PAGE",
    "OUTLINE_PAGE_MAX",
    "REGIONS_SHOWN",
    "RESOURCE_PASSAGES",
    "SEARCH_PAGE",
    "SEARCH_PAGE_MAX",
    "TARGETS_PAGE",
    "TARGETS_PAGE_MAX",
    "Library",
]


class Library(SearchTool, ReadingTools, KeyTargetTools):
    """The tools' operations on one engine (opened read-only by the command line)."""
