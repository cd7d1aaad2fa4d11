"""An article page of a source to a document: :mod:`bot.corpus.webpage` (shared with
the corpus reader, which reads saved pages) for its text and metadata, plus the
documents the page links (its attachments)."""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from bot.corpus.webpage import EmptyPage, extract_page, parse_html
from bot.sources.models import Article, FetchError
from bot.sources.urls import check_url

ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".doc", ".txt", ".wps")


def extract_article(html: str, url: str) -> Article:
    """The article on a page (:func:`bot.corpus.webpage.extract_page`) and its attachments.

    Raises :class:`FetchError` ``empty_article`` when the page has too little text.
    """
    try:
        page = extract_page(html, url)
    except EmptyPage as exc:
        raise FetchError("empty_article", url=url, chars=exc.chars) from None
    return Article(
        url=url,
        title=page.title,
        text=page.text,
        published=page.published,
        issuer=page.issuer,
        attachments=attachment_links(html, url),
    )


def _attachment_path(url: str) -> bool:
    parts = urlsplit(url)
    path = unquote(parts.path).lower()
    if path.endswith(ATTACHMENT_EXTENSIONS):
        return True
    # download.jsp?filename=报告.pdf
    query = unquote(parts.query).lower()
    return any(value.endswith(ATTACHMENT_EXTENSIONS) for value in re.split(r"[&=]", query) if value)


def attachment_links(
    html: str, url: str, *, tree: lxml.html.HtmlElement | None = None
) -> tuple[str, ...]:
    """Absolute URLs of the documents a page links (.pdf, .docx, .doc, .txt, .wps), in
    page order, without repeats; any host (attachments often live on a file server)."""
    tree = tree if tree is not None else parse_html(html)
    if tree is None:
        return ()
    base_el = tree.find(".//base[@href]")
    base = urljoin(url, base_el.get("href")) if base_el is not None else url
    found: dict[str, None] = {}
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        try:
            link = check_url(urljoin(base, href))
        except FetchError:
            continue
        if _attachment_path(link):
            found.setdefault(link, None)
    return tuple(found)
