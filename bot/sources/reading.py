"""What a fetched source or entry says, read off the loop: the source's kind (sniffed
once), its text and entries (a feed's items, a list page's links), and an entry's or a
single page's article."""

from __future__ import annotations

from bot.sources.article import extract_article
from bot.sources.decode import decode_html
from bot.sources.feeds import parse_feed
from bot.sources.listing import list_links
from bot.sources.models import Article, Entry, Fetched, FetchError
from bot.sources.sniff import sniff_kind
from bot.sources.store import Source


def read_source(source: Source, fetched: Fetched) -> tuple[str, str, list[Entry]]:
    """Off the loop: what the source is (sniffed once), its text, and its entries."""
    text = decode_html(fetched.content, fetched.content_type)
    kind = source.kind
    if kind == "auto":
        kind = sniff_kind(fetched, text)
        if kind == "page":  # a short list (a few links, no article text) is a list too
            links = list_links(text, fetched.url, source.match)
            if links and no_article(text, fetched.url):
                return "list", text, links
    if kind == "feed":
        return kind, text, parse_feed(fetched.content, fetched.url)
    if kind == "list":
        return kind, text, list_links(text, fetched.url, source.match)
    return kind, text, []


def no_article(html: str, url: str) -> bool:
    try:
        extract_article(html, url)
    except FetchError:
        return True
    return False


def article_of(html: str, url: str, shown_url: str) -> Article:
    article = extract_article(html, url)
    if not article.text.strip():
        raise FetchError("empty_article", url=shown_url, chars=0)
    return article


def read_article(fetched: Fetched, entry_url: str) -> Article:
    """Off the loop: an entry's page decoded and its article extracted."""
    return article_of(decode_html(fetched.content, fetched.content_type), fetched.url, entry_url)
