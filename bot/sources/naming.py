"""How a document from a source is named and described in the corpus folder: a safe
file name from its title, and the ``.meta.toml`` sidecar ``bot.corpus.sidecar`` reads.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from bot.corpus.sidecar import toml_value

TITLE_CHARS = 60


def safe_filename(title: str, suffix: str, key: str) -> str:
    """A corpus file name from a title: no separators or control characters, not hidden,
    at most :data:`TITLE_CHARS` characters, made unique by ``key`` (a content hash)."""
    cleaned = "".join(
        " " if unicodedata.category(ch)[0] in "CZ" or ch in '/\\:*?"<>|' else ch
        for ch in unicodedata.normalize("NFC", title)
    )
    cleaned = re.sub(r"\s+", " ", cleaned).strip().strip(".~$ ").replace("..", ".")
    stem = cleaned[:TITLE_CHARS].strip() or "article"
    return f"{stem}-{key[:8]}{suffix}"


def sidecar_text(
    *, title: str | None, url: str, source: str, published: date | None, issuer: str | None
) -> str:
    """The ``.meta.toml`` of a document from a source (``bot.corpus.sidecar`` reads it:
    ``url`` and ``source`` land in the document's ``extra``). No ``title``: the one the
    document's text gives (an attachment has its own)."""
    lines = [f"title = {toml_value(title)}"] if title else []
    if published is not None:
        lines.append(f"date = {toml_value(published.isoformat())}")
    if issuer:
        lines.append(f"issuer = {toml_value(issuer)}")
    lines.append(f"url = {toml_value(url)}")
    lines.append(f"source = {toml_value(source)}")
    return "\n".join(lines) + "\n"


def url_suffix(url: str) -> str:
    return PurePosixPath(unquote(urlsplit(url).path)).suffix.lower()


def attachment_name(url: str, fallback_title: str, key: str) -> str:
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    suffix = url_suffix(url)
    stem = name[: -len(suffix)] if suffix and name.endswith(suffix) else name
    return safe_filename(stem or fallback_title, suffix, key)
