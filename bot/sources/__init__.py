"""Live sources, the network and extraction core (issue 15): fetching pages and feeds
politely and safely, decoding Chinese pages, finding article links on list pages,
extracting an article's text with its headings, and recognising a document met twice.

No database, no Telegram, no library: the poller that stores sources and ingests what
they yield sits above this package and uses it. The modules here may use ``bot.text``,
``bot.corpus``, ``bot.config`` and ``bot.errors`` only.
"""

from bot.sources.models import (
    Article,
    Entry,
    Fetched,
    FetchError,
    FetchPolicy,
    SourceKind,
)

__all__ = ["Article", "Entry", "FetchError", "FetchPolicy", "Fetched", "SourceKind"]
