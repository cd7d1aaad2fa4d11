"""What kind of source a URL is, from one fetch: so an admin can add a URL without
saying whether it is a feed, a list page or a single page."""

from __future__ import annotations

from bot.sources.decode import decode_html
from bot.sources.feeds import looks_like_feed
from bot.sources.listing import list_links, parse_html
from bot.sources.models import Fetched, FetchError, SourceKind

MIN_LIST_LINKS = 5
"""A list page links at least this many articles…"""
MAX_LIST_OWN_CJK = 400
"""…and has little text of its own outside its links (an article that links five
related articles at its foot is still a page)."""


def _own_text_chars(html: str) -> int:
    tree = parse_html(html)
    body = tree.find("body") if tree is not None else None
    if body is None:
        return 0
    for el in list(body.iter("script", "style", "a")):
        el.drop_tree()
    text = body.text_content()
    return sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")


def sniff_kind(fetched: Fetched, text: str | None) -> SourceKind:
    """``feed`` for RSS/Atom, ``list`` for a page of many article links and little text
    of its own, else ``page``. ``text`` is the decoded page if the caller has it.
    (``folder`` sources are local and never fetched.)"""
    if looks_like_feed(fetched.content, fetched.content_type):
        return "feed"
    if text is None:
        try:
            text = decode_html(fetched.content, fetched.content_type, url=fetched.url)
        except FetchError:
            return "page"
    links = list_links(text, fetched.url)
    if len(links) >= MIN_LIST_LINKS and _own_text_chars(text) <= MAX_LIST_OWN_CJK:
        return "list"
    return "page"
