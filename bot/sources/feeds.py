"""RSS and Atom feeds: the entries a feed lists, as :class:`Entry` links to fetch.

feedparser is lenient on purpose (government feeds are often slightly broken XML: a
bozo feed with entries is fine), so the one thing refused is content that is no feed
at all, such as the HTML page a feed URL returns after a site redesign (``not_feed``).
"""

from __future__ import annotations

import datetime
import email.utils
import re
from urllib.parse import urljoin

import feedparser
import lxml.html

from bot.sources.decode import looks_binary
from bot.sources.models import Entry, FetchError
from bot.sources.urls import check_url

_FEED_ROOT_RE = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]", re.I)
_HTML_ROOT_RE = re.compile(rb"<(!doctype\s+html|html)[\s>]", re.I)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_SUMMARY_CHARS = 500


def looks_like_feed(content: bytes, content_type: str | None) -> bool:
    """Whether ``content`` is an RSS/Atom/RDF document, from its bytes.

    The root element decides, not the header: feed URLs that now return an HTML page
    still send ``application/rss+xml``, and real feeds are served as text/xml or
    text/html. The header only breaks a tie when the head of the bytes shows neither.
    """
    head = content[:4096]
    if looks_binary(head):
        return False
    feed = _FEED_ROOT_RE.search(head)
    html = _HTML_ROOT_RE.search(head)
    if feed and (not html or feed.start() < html.start()):
        return True
    if html:
        return False
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    return kind in _FEED_TYPES and head.lstrip().startswith(b"<?xml")


def _date(raw: str | None, parsed) -> datetime.date | None:
    """The date as the feed writes it (its own time zone), else feedparser's UTC one."""
    if raw:
        raw = raw.strip()
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
        if m:
            try:
                return datetime.date(*map(int, m.groups()))
            except ValueError:
                pass
    if parsed:
        try:
            return datetime.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        except ValueError:
            return None
    return None


def _plain(html: str | None) -> str | None:
    if not html or not html.strip():
        return None
    try:
        text = lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    except Exception:  # lxml raises several types on odd fragments; the raw text will do
        text = html
    text = " ".join(text.split())
    return text[:_SUMMARY_CHARS] or None


def parse_feed(content: bytes, base_url: str) -> list[Entry]:
    """The entries of a feed, in feed order, links absolute and without repeats.

    Raises :class:`FetchError` ``not_text`` for binary content and ``not_feed`` for
    content that is not a feed (no entries and no feed root). An empty feed is ``[]``.
    """
    if looks_binary(content):
        raise FetchError("not_text", url=base_url)
    parsed = feedparser.parse(
        content, response_headers={"content-location": base_url, "content-type": "text/xml"}
    )
    if not parsed.entries and (not parsed.get("version") or not looks_like_feed(content, None)):
        raise FetchError("not_feed", url=base_url)
    entries: list[Entry] = []
    seen: set[str] = set()
    for item in parsed.entries:
        link = item.get("link") or next(
            (x.get("href") for x in item.get("links", []) if x.get("href")), None
        )
        if not link:
            continue
        try:
            url = check_url(urljoin(base_url, link.strip()))
        except FetchError:
            continue
        if url in seen:
            continue
        seen.add(url)
        title = " ".join((item.get("title") or "").split()) or None
        published = _date(item.get("published"), item.get("published_parsed")) or _date(
            item.get("updated"), item.get("updated_parsed")
        )
        entries.append(Entry(url, title, published, _plain(item.get("summary"))))
    return entries
