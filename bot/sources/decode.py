"""Bytes of a fetched page to text: :mod:`bot.corpus.charset` (shared with the corpus
reader, which reads saved pages), its binary refusal said as a :class:`FetchError`."""

from __future__ import annotations

from bot.corpus.charset import (
    BinaryContent,
    decode_page,
    header_charset,
    looks_binary,
    meta_charset,
)
from bot.sources.models import Fetched, FetchError

__all__ = ["decode_html", "header_charset", "looks_binary", "meta_charset", "page_text"]


def decode_html(content: bytes, content_type: str | None, *, url: str | None = None) -> str:
    """:func:`bot.corpus.charset.decode_page`; raises :class:`FetchError` ``not_text``
    for binary content (an image or an archive served as text/html)."""
    try:
        return decode_page(content, content_type)
    except BinaryContent:
        raise FetchError("not_text", url=url or "the page") from None


def page_text(fetched: Fetched) -> str:
    """:func:`decode_html` of a fetched page (``not_text`` names its URL)."""
    return decode_html(fetched.content, fetched.content_type, url=fetched.url)
