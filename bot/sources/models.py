"""The values passed between the fetcher, the extractors and the poller above them.

All frozen: a fetched page or an extracted article is a fact about one moment, handed
from thread to thread (the poller extracts off the event loop) without copies.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

SourceKind = Literal["feed", "list", "page", "folder"]
"""What a source is: an RSS/Atom feed, a list page of article links, one page, a folder."""

DEFAULT_USER_AGENT = "PolicyBriefBot/0.1 (+https://github.com/policy-brief-bot; contact via admin)"


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how defensively the fetcher behaves.

    The defaults are for real government sites: a clear User-Agent so webmasters can
    tell who we are, bounded time, redirects and size so one bad page cannot hold or
    exhaust the bot, a gap between two requests to one host so a poll of many sources
    never hammers a site, and robots.txt obeyed. ``allow_private`` is off because a
    source URL typed by an admin must not reach the bot's own network (SSRF); the tests
    turn it on for their loopback server.
    """

    user_agent: str = DEFAULT_USER_AGENT
    timeout_s: float = 20
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    host_gap_s: float = 2.0
    """Minimum gap, in seconds, between the start of two requests to one host."""
    retries: int = 3
    """Further tries after a timeout, a connection error, a 5xx or a 429 (backoff)."""
    allow_private: bool = False
    respect_robots: bool = True
    retry_wait_s: float = 1.0
    """The first backoff wait; doubled at each try (the tests make it small)."""
    retry_after_cap_s: float = 60.0
    """The longest ``Retry-After`` honoured; a server asking for more gets this."""


@dataclass(frozen=True)
class Fetched:
    """One HTTP response, read in full (within ``max_bytes``) after redirects.

    ``url`` is the final URL (links on the page are relative to it). ``etag`` and
    ``last_modified`` are kept to make the next request conditional; ``not_modified``
    is true for a 304, whose ``content`` is empty.
    """

    url: str
    status: int
    content: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


# Readable sentences for logs and the command line; interfaces say the code from their
# catalogue (the codes and the params they name are stable API).
_MESSAGES: dict[str, str] = {
    "bad_url": "not an http(s) URL: {url}",
    "private_address": "{host} is a private, loopback or reserved address (refused)",
    "http_status": "the server answered HTTP {status} for {url}",
    "timeout": "no answer within {seconds} s from {url}",
    "redirect_loop": "redirect loop at {url}",
    "too_many_redirects": "more than {limit} redirects from {url}",
    "too_large": "{url} is larger than {limit_mb} MB (not read further)",
    "robots": "robots.txt of {host} does not allow fetching {url}",
    "robots_unavailable": "robots.txt of {host} could not be read (HTTP {status}); try later",
    "not_text": "{url} is binary content, not a web page or feed",
    "not_feed": "{url} is not an RSS or Atom feed",
    "bad_match": "not a valid /regular expression/: {match}",
    "empty_article": "{url} has no article text (only {chars} characters)",
    "network": "network error for {url}: {reason}",
}


class FetchError(Exception):
    """Why a source could not be fetched or read, as a stable ``code`` with ``params``.

    The poller records the code as the source's failure reason and the interfaces say it
    from their message catalogue; ``str()`` is an English sentence for logs and the CLI.
    Codes: ``bad_url``, ``private_address``, ``http_status``, ``timeout``,
    ``redirect_loop``, ``too_many_redirects``, ``too_large``, ``robots``,
    ``robots_unavailable`` (a 5xx robots.txt: try later), ``not_text``, ``not_feed``,
    ``empty_article``, ``bad_match`` (a list filter ``/…/`` that does not compile),
    ``network``. Params by code: ``url`` nearly always; ``host`` (private_address,
    robots, robots_unavailable), ``status`` (http_status, robots_unavailable),
    ``seconds`` (timeout), ``limit`` (too_many_redirects), ``limit_mb`` (too_large),
    ``chars`` (empty_article), ``match`` (bad_match), ``reason`` (network).
    """

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params: dict[str, str] = {k: str(v) for k, v in params.items()}
        template = _MESSAGES.get(code, code)
        try:
            message = template.format(**self.params)
        except (KeyError, IndexError):
            message = f"{code} {self.params}"
        super().__init__(message)

    def __reduce__(self):  # picklable across process pools despite the keyword params
        return (_rebuild, (self.code, self.params))


def _rebuild(code: str, params: dict[str, str]) -> FetchError:
    return FetchError(code, **params)


@dataclass(frozen=True)
class Entry:
    """A link to a document found on a feed or a list page (not fetched yet)."""

    url: str
    title: str | None = None
    published: datetime.date | None = None
    summary: str | None = None


@dataclass(frozen=True)
class Article:
    """An article page turned into a document.

    ``text`` is plain text, one paragraph or heading per line, headings exactly as the
    page writes them ("一、2025年工作回顾", "（一）…"), so ``bot.corpus.parse`` finds
    the section paths as in any corpus file. ``attachments`` are absolute URLs of the
    documents the page links (.pdf, .docx …), in page order, without repeats.
    """

    url: str
    title: str
    text: str
    published: datetime.date | None = None
    issuer: str | None = None
    attachments: tuple[str, ...] = field(default_factory=tuple)
