"""A poll's items fetched: a feed's or list page's new entries, a single page (new
whenever its text changes), the attachments they link (.pdf, .docx, .txt; a .doc or .wps
is recorded as failed: it cannot be converted), and a folder's new or changed files, each
handed to :class:`~bot.sources.intake.Intake`.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.corpus.reader import SUPPORTED_EXTENSIONS, UnreadableDocument, decode_bytes
from bot.sources.dedupe import content_key
from bot.sources.fetch import Fetcher
from bot.sources.health import PollReport
from bot.sources.intake import Intake, PollState, error_detail
from bot.sources.models import Entry, Fetched, FetchError
from bot.sources.naming import attachment_name, safe_filename, sidecar_text, url_suffix
from bot.sources.reading import article_of, read_article
from bot.sources.runtime import fetch_policy

ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".txt")
UNCONVERTIBLE_SUFFIXES = (".doc", ".wps")
AttachmentContent = ("application/pdf", "application/vnd.openxmlformats")


class ItemFetching(Intake):
    """Entries, pages, attachments and folder files of a poll (see the module docstring)."""

    settings: Callable[[], Settings]
    _transport: Any
    _fetcher: Fetcher | None

    async def _get_fetcher(self) -> Fetcher:
        if self._fetcher is None:
            fetcher = Fetcher(fetch_policy(self.settings()), transport=self._transport)
            self._fetcher = await fetcher.__aenter__()
        return self._fetcher

    async def _entry(self, state: PollState, entry: Entry) -> None:
        """Fetch one new entry and ingest it (and its attachments); record what happened."""
        fetcher = await self._get_fetcher()
        try:
            fetched = await fetcher.get(entry.url)
        except FetchError as exc:
            await self._failed(
                state,
                entry.url,
                entry.title,
                exc.code,
                error_detail(exc),
            )
            return
        suffix = url_suffix(fetched.url) or url_suffix(entry.url)
        ctype = (fetched.content_type or "").lower()
        if suffix in ATTACHMENT_SUFFIXES + UNCONVERTIBLE_SUFFIXES or ctype.startswith(
            AttachmentContent
        ):
            await self._attachment_bytes(state, entry.url, fetched, entry.title, None, None)
            return
        try:
            article = await self.runners.work(read_article, fetched, entry.url)
        except FetchError as exc:
            if exc.code == "empty_article":
                state.empties.append(int(exc.params.get("chars") or 0))
            await self._failed(
                state,
                entry.url,
                entry.title,
                exc.code,
                error_detail(exc),
            )
            return
        title = article.title or entry.title or entry.url
        published = article.published or entry.published
        await self._article(state, entry.url, title, article.text, published, article.issuer)
        for link in article.attachments:
            if link in state.known:
                continue
            await self._attachment(state, link, title, published, article.issuer)

    async def _page(self, state: PollState, fetched: Fetched, html: str) -> None:
        source = state.source
        article = await self.runners.work(article_of, html, fetched.url, source.url)
        key = content_key(article.text)
        item_url = f"{source.url}#{key[:16]}"  # a page is new again when its text changes
        if item_url in state.known:
            return
        title = article.title or source.name
        await self._article(
            state,
            source.url,
            title,
            article.text,
            article.published,
            article.issuer,
            item_url=item_url,
        )
        for link in article.attachments:
            if link not in state.known:
                await self._attachment(state, link, title, article.published, article.issuer)

    async def _article(
        self,
        state: PollState,
        url: str,
        title: str,
        text: str,
        published: date | None,
        issuer: str | None,
        *,
        item_url: str | None = None,
    ) -> None:
        state.lengths.append(len(text))
        key = content_key(text)
        body = f"{title}\n\n{text.strip()}\n"
        filename = safe_filename(title, ".txt", key)
        sidecar = sidecar_text(
            title=title, url=url, source=state.source.name, published=published, issuer=issuer
        )
        await self._ingest(
            state, item_url or url, title, filename, body.encode("utf-8"), sidecar, key, text
        )

    async def _attachment(
        self, state: PollState, url: str, title: str, published: date | None, issuer: str | None
    ) -> None:
        suffix = url_suffix(url)
        if suffix in UNCONVERTIBLE_SUFFIXES:
            await self._failed(state, url, title, "doc", f"{suffix} files cannot be converted")
            return
        if suffix not in ATTACHMENT_SUFFIXES:
            return
        fetcher = await self._get_fetcher()
        try:
            # an attachment may be as large as an upload (max_file_mb), a page source_max_mb
            limit = int(self.settings().max_file_mb * 1024 * 1024)
            fetched = await fetcher.get(url, max_bytes=limit)
        except FetchError as exc:
            await self._failed(state, url, title, exc.code, error_detail(exc))
            return
        await self._attachment_bytes(state, url, fetched, title, published, issuer)

    async def _attachment_bytes(
        self,
        state: PollState,
        url: str,
        fetched: Fetched,
        title: str,
        published: date | None,
        issuer: str | None,
    ) -> None:
        suffix = url_suffix(fetched.url) or url_suffix(url)
        ctype = (fetched.content_type or "").lower()
        if suffix not in ATTACHMENT_SUFFIXES:
            if "pdf" in ctype:
                suffix = ".pdf"
            elif "openxmlformats" in ctype:
                suffix = ".docx"
        if suffix in UNCONVERTIBLE_SUFFIXES or suffix not in SUPPORTED_EXTENSIONS:
            await self._failed(
                state, url, title, "doc", f"{suffix or ctype} files cannot be converted"
            )
            return
        data = fetched.content
        try:
            decoded = await asyncio.to_thread(decode_bytes, data, Path(f"attachment{suffix}"))
            text = decoded.text
        except UnreadableDocument as exc:
            await self._failed(state, url, title, "unreadable", str(exc))
            return
        key = content_key(text) if text.strip() else hashlib.sha256(data).hexdigest()
        filename = attachment_name(fetched.url or url, title, key)
        sidecar = sidecar_text(
            title=None, url=url, source=state.source.name, published=published, issuer=issuer
        )
        await self._ingest(state, url, title, filename, data, sidecar, key, text)

    async def _poll_folder(self, state: PollState) -> PollReport:
        source = state.source
        folder = Path(source.url)
        if not folder.is_dir():
            raise FetchError("bad_url", url=source.url)
        files = sorted(
            p
            for p in folder.iterdir()
            if p.is_file()
            and not p.name.startswith(".")
            and p.suffix.lower() in SUPPORTED_EXTENSIONS
        )
        max_bytes = int(self.settings().max_file_mb * 1024 * 1024)
        for path in files:
            stat = path.stat()
            item = f"{path.resolve()}#{stat.st_size}-{int(stat.st_mtime)}"
            if item in state.known:
                continue
            if stat.st_size > max_bytes:
                await self._failed(state, item, path.name, "too_large", f"{stat.st_size} bytes")
                continue
            data = await asyncio.to_thread(path.read_bytes)
            try:
                decoded = await asyncio.to_thread(decode_bytes, data, path)
            except UnreadableDocument as exc:
                await self._failed(
                    state,
                    item,
                    path.name,
                    "unreadable",
                    str(exc),
                )
                continue
            key = content_key(decoded.text)
            # a saved web page says its own title, date and issuer
            found = decoded.meta
            sidecar = sidecar_text(
                title=found.get("title") or path.stem,
                url=path.resolve().as_uri(),
                source=source.name,
                published=date.fromisoformat(found["date"]) if "date" in found else None,
                issuer=found.get("issuer"),
            )
            await self._ingest(state, item, path.stem, path.name, data, sidecar, key, decoded.text)
        return PollReport(source.name, "folder", links=len(files), items=tuple(state.items))
