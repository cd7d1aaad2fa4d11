"""Polling live sources: what is new on a feed, list page, page or folder goes into the
library, once.

One poll of one source (:meth:`SourcePoller.poll`):

1. the source's URL is fetched with its ETag / Last-Modified (``bot.sources.fetch``); a
   304 means nothing changed and nothing more is fetched;
2. the first successful fetch sniffs what the source is (feed, list page, single page:
   ``bot.sources.sniff``); later polls parse it as that, so a feed that starts serving
   HTML is a failure (``not_feed``), not a page of garbage;
3. every entry whose URL the source has not recorded (``source_items``) is fetched and
   its main text extracted (``bot.sources.article``); attachments it links (.pdf, .docx,
   .txt; a .doc is recorded as failed: it cannot be converted) are downloaded too;
4. a text whose content key (``bot.sources.dedupe``) an earlier item of any source has,
   or which is a near duplicate of a library document or of another text of this
   poller, is recorded as a ``duplicate``; otherwise it is ingested through the library's
   upload path (:meth:`Engine.add_upload` with ``reopen=False`` on the indexing runner,
   :meth:`Engine.reopen` on the core runner), an article as a UTF-8 ``.txt`` whose first
   line is its title, with a ``.meta.toml`` sidecar carrying title, date, issuer, its URL
   and the source's name. An upload is atomic: a failure leaves no corpus file, and the
   item is recorded ``failed`` with the reason;
5. the source's health is written in one UPDATE (:class:`~bot.sources.store.Health`):
   a success resets the failures; ``source_alert_failures`` failures in a row, a list
   page that yields no links after it had some, or an article far shorter than the
   source's average alert the admins once (``alerts.source_*``, a
   :class:`bot.i18n.Message`), until the source recovers (``alerts.source_recovered``).

Where the work runs is the caller's (:class:`Runners`): the bot gives its storage
thread, indexing thread and core thread; the command line runs them in worker threads
one at a time. Polls of one source never overlap (a lock per source).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.corpus.reader import SUPPORTED_EXTENSIONS, UnreadableDocument, decode_bytes
from bot.i18n import Message
from bot.library import Engine, UploadResult
from bot.sources.article import extract_article
from bot.sources.decode import decode_html
from bot.sources.dedupe import NearDuplicates, content_key
from bot.sources.feeds import parse_feed
from bot.sources.fetch import Fetcher
from bot.sources.health import ItemOutcome, PollReport, next_health
from bot.sources.listing import list_links
from bot.sources.models import Article, Entry, Fetched, FetchError
from bot.sources.naming import attachment_name, safe_filename, sidecar_text, url_suffix
from bot.sources.runtime import Runners, fetch_policy, library_texts
from bot.sources.sniff import sniff_kind
from bot.sources.store import Source, SourceStore

log = logging.getLogger(__name__)

ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".txt")
UNCONVERTIBLE_SUFFIXES = (".doc", ".wps")
# An article under this share of the source's average length "extracts to almost nothing".
SHORT_ARTICLE_RATIO = 0.1
# The average is trusted once it is at least this long (a source of one-line notices is
# not alerted about).
SHORT_ARTICLE_MIN_AVG = 200
AttachmentContent = ("application/pdf", "application/vnd.openxmlformats")


def _error_detail(exc: FetchError) -> str:
    params = ", ".join(f"{k}={v}" for k, v in sorted(exc.params.items()))
    return params or str(exc)


@dataclass
class _Poll:
    """The state of one poll of one source."""

    source: Source
    known: set[str]
    items: list[ItemOutcome] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    empties: list[int] = field(default_factory=list)  # articles with (almost) no text


class SourcePoller:
    """Polls sources into ``engine`` (see the module docstring). Use as an async context
    manager (it holds one :class:`Fetcher`: per-host politeness across every poll).

    ``settings()`` is read at each poll (runtime changes apply); ``notify(message)`` tells
    the admins (the bot's notifier; the command line prints). ``transport`` is passed to
    the fetcher (tests).
    """

    def __init__(
        self,
        engine: Engine,
        store: SourceStore,
        settings: Callable[[], Settings],
        *,
        runners: Runners | None = None,
        notify: Callable[[Message], Awaitable[None]] | None = None,
        transport: Any = None,
    ) -> None:
        self.engine = engine
        self.store = store
        self.settings = settings
        self.runners = runners or Runners.local()
        self.notify = notify
        self._transport = transport
        self._fetcher: Fetcher | None = None
        self._locks: dict[int, asyncio.Lock] = {}
        self._near: NearDuplicates | None = None
        self._near_lock = asyncio.Lock()
        self._near_guard = threading.Lock()  # the index is used from worker threads

    async def __aenter__(self) -> SourcePoller:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._fetcher is not None:
            fetcher, self._fetcher = self._fetcher, None
            await fetcher.__aexit__(None, None, None)

    async def _get_fetcher(self) -> Fetcher:
        if self._fetcher is None:
            fetcher = Fetcher(fetch_policy(self.settings()), transport=self._transport)
            self._fetcher = await fetcher.__aenter__()
        return self._fetcher

    def running(self, source_id: int) -> bool:
        lock = self._locks.get(source_id)
        return lock is not None and lock.locked()

    # -- one source ---------------------------------------------------------------------------
    async def poll(self, source: Source | str) -> PollReport:
        """Poll one source (a :class:`Source` or its name) now; waits for a poll of the same
        source already running, then reads it afresh."""
        if isinstance(source, str):
            source = await self.runners.db(self.store.require, source)
        lock = self._locks.setdefault(source.id, asyncio.Lock())
        async with lock:
            fresh = await self.runners.db(self.store.by_id, source.id)
            if fresh is None:  # removed meanwhile
                return PollReport(source.name, source.kind, error="gone", detail="removed")
            return await self._poll(fresh)

    async def poll_many(
        self, sources: Iterable[Source], *, concurrency: int = 8
    ) -> list[PollReport]:
        """Poll several sources, ``concurrency`` at a time (hosts stay polite: the fetcher
        serialises requests per host)."""
        gate = asyncio.Semaphore(concurrency)

        async def one(source: Source) -> PollReport:
            async with gate:
                return await self.poll(source)

        return list(await asyncio.gather(*(one(s) for s in sources)))

    async def _poll(self, source: Source) -> PollReport:
        state = _Poll(source, await self.runners.db(self.store.known_urls, source.id))
        fetched: Fetched | None = None
        try:
            if source.kind == "folder":
                report = await self._poll_folder(state)
            else:
                fetched, report = await self._poll_url(state)
        except FetchError as exc:
            report = PollReport(
                source.name,
                source.kind,
                items=tuple(state.items),
                error=exc.code,
                detail=_error_detail(exc),
            )
        except Exception as exc:  # a bug or a broken disk must not stop the other sources
            log.exception("polling source %s failed", source.name)
            report = PollReport(
                source.name,
                source.kind,
                items=tuple(state.items),
                error="internal",
                detail=f"{type(exc).__name__}: {exc}",
            )
        health, notice, recovered = next_health(
            source,
            report,
            alert_after=self.settings().source_alert_failures,
            article_chars=state.lengths,
            fetched=fetched,
        )
        await self.runners.db(self.store.record_poll, source.id, health)
        report = replace(
            report,
            alert=notice if not recovered else None,
            recovered=recovered,
        )
        if notice is not None and self.notify is not None:
            try:
                await self.notify(notice)
            except Exception:
                log.warning("could not tell the admins about source %s", source.name, exc_info=True)
        log.info(
            "source %s: %s, %d links, %d ingested, %d duplicate, %d failed",
            source.name,
            report.error or report.problem or ("not modified" if report.not_modified else "ok"),
            report.links,
            report.count("ingested"),
            report.count("duplicate"),
            report.count("failed"),
        )
        return report

    async def _poll_url(self, state: _Poll) -> tuple[Fetched, PollReport]:
        source = state.source
        fetcher = await self._get_fetcher()
        fetched = await fetcher.get(
            source.url, etag=source.etag, last_modified=source.last_modified
        )
        if fetched.not_modified:
            return fetched, PollReport(source.name, source.kind, not_modified=True)
        kind, text, entries = await self.runners.work(_read_source, source, fetched)
        problem = ""
        if kind in ("feed", "list"):
            for entry in entries:
                if entry.url in state.known:
                    continue
                await self._entry(state, entry)
            if not entries and (source.last_links_count or 0) > 0:
                problem = "no_links"
        else:  # a single page: the page is the article, new whenever its text changes
            await self._page(state, fetched, text)
        if not problem and self._short(state):
            problem = "short_article"
        detail = ""
        if problem == "no_links":
            detail = f"links=0 before={source.last_links_count}"
        elif problem == "short_article":
            detail = (
                f"chars={min(state.lengths + state.empties)} average={source.avg_article_chars}"
            )
        return fetched, PollReport(
            source.name,
            kind,
            links=len(entries),
            items=tuple(state.items),
            problem=problem,
            detail=detail,
        )

    def _short(self, state: _Poll) -> bool:
        avg = state.source.avg_article_chars
        seen = state.lengths + state.empties
        if not seen or avg is None or avg < SHORT_ARTICLE_MIN_AVG:
            return False
        return min(seen) < avg * SHORT_ARTICLE_RATIO

    # -- entries ------------------------------------------------------------------------------
    async def _entry(self, state: _Poll, entry: Entry) -> None:
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
                _error_detail(exc),
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
            article = await self.runners.work(_read_article, fetched, entry.url)
        except FetchError as exc:
            if exc.code == "empty_article":
                state.empties.append(int(exc.params.get("chars") or 0))
            await self._failed(
                state,
                entry.url,
                entry.title,
                exc.code,
                _error_detail(exc),
            )
            return
        title = article.title or entry.title or entry.url
        published = article.published or entry.published
        await self._article(state, entry.url, title, article.text, published, article.issuer)
        for link in article.attachments:
            if link in state.known:
                continue
            await self._attachment(state, link, title, published, article.issuer)

    async def _page(self, state: _Poll, fetched: Fetched, html: str) -> None:
        source = state.source
        article = await self.runners.work(_article_of, html, fetched.url, source.url)
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
        state: _Poll,
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
        self, state: _Poll, url: str, title: str, published: date | None, issuer: str | None
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
            await self._failed(state, url, title, exc.code, _error_detail(exc))
            return
        await self._attachment_bytes(state, url, fetched, title, published, issuer)

    async def _attachment_bytes(
        self,
        state: _Poll,
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

    # -- into the library ---------------------------------------------------------------------
    async def _near_duplicates(self) -> NearDuplicates:
        """The near-duplicate index: the library's texts, read once (on the indexing
        runner), then every text this poller ingests."""
        async with self._near_lock:
            if self._near is None:
                self._near = await self.runners.index(library_texts, self.engine)
            return self._near

    async def _ingest(
        self,
        state: _Poll,
        url: str,
        title: str,
        filename: str,
        data: bytes,
        sidecar: str,
        key: str,
        text: str,
    ) -> None:
        twin = await self.runners.db(self.store.find_hash, key)
        if twin is not None:
            await self._record(
                state,
                ItemOutcome(
                    url,
                    "duplicate",
                    title,
                    doc_id=twin.doc_id,
                    filename=twin.filename,
                    code="same_content",
                    reason=f"same content as {twin.url}",
                ),
                key,
            )
            return
        near = await self._near_duplicates()
        similar = await self.runners.work(self._near_find, near, text) if text.strip() else None
        if similar is not None:
            await self._record(
                state,
                ItemOutcome(
                    url,
                    "duplicate",
                    title,
                    code="near_duplicate",
                    reason=f"nearly the same as {similar}",
                ),
                key,
            )
            return
        try:
            result = await self._add(filename, data, sidecar)
            if result.status == "needs_confirmation":  # an unrelated file of that name
                filename = safe_filename(Path(filename).stem, Path(filename).suffix, key[8:])
                result = await self._add(filename, data, sidecar)
        except Exception as exc:
            log.exception("source %s: ingesting %s failed", state.source.name, url)
            await self._failed(state, url, title, "upload", f"{type(exc).__name__}: {exc}", key)
            return
        if result.update is not None:
            await self.runners.core(self.engine.reopen, result.update)
        if result.ok and result.doc is not None:
            await self.runners.work(self._near_add, near, result.doc.doc_id, text)
            await self._record(
                state,
                ItemOutcome(
                    url,
                    "ingested",
                    title,
                    filename=result.filename,
                    doc_id=result.doc.doc_id,
                    targets=result.key_targets,
                ),
                key,
            )
        elif result.status == "duplicate":
            existing = result.existing
            await self._record(
                state,
                ItemOutcome(
                    url,
                    "duplicate",
                    title,
                    doc_id=existing.doc_id if existing else None,
                    filename=existing.filename if existing else None,
                    code="same_content",
                    reason=result.reason,
                ),
                key,
            )
        else:
            await self._failed(state, url, title, result.code or "upload", result.reason, key)

    def _near_find(self, near: NearDuplicates, text: str) -> str | None:
        with self._near_guard:
            return near.find(text)

    async def _add(self, filename: str, data: bytes, sidecar: str) -> UploadResult:
        """Index one source item as an upload. keep_both: no one is there to answer "a new
        version of the same report?"; a source's item has its near-duplicate check."""
        return await self.runners.index(
            self.engine.add_upload, filename, data, reopen=False, sidecar=sidecar, keep_both=True
        )

    def _near_add(self, near: NearDuplicates, key: str, text: str) -> None:
        with self._near_guard:
            near.add(key, text)

    async def _failed(
        self, state: _Poll, url: str, title: str, code: str, reason: str, key: str | None = None
    ) -> None:
        await self._record(state, ItemOutcome(url, "failed", title, code=code, reason=reason), key)

    async def _record(self, state: _Poll, outcome: ItemOutcome, key: str | None = None) -> None:
        state.items.append(outcome)
        state.known.add(outcome.url)
        await self.runners.db(
            self.store.record_item,
            state.source.id,
            outcome.url,
            outcome.status,
            content_hash=key if outcome.status == "ingested" else None,
            doc_id=outcome.doc_id,
            filename=outcome.filename,
            reason=(f"{outcome.code}: {outcome.reason}" if outcome.code else outcome.reason)
            or None,
        )

    # -- folders ------------------------------------------------------------------------------
    async def _poll_folder(self, state: _Poll) -> PollReport:
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


def _read_source(source: Source, fetched: Fetched) -> tuple[str, str, list[Entry]]:
    """Off the loop: what the source is (sniffed once), its text, and its entries."""
    text = decode_html(fetched.content, fetched.content_type)
    kind = source.kind
    if kind == "auto":
        kind = sniff_kind(fetched, text)
        if kind == "page":  # a short list (a few links, no article text) is a list too
            links = list_links(text, fetched.url, source.match)
            if links and _no_article(text, fetched.url):
                return "list", text, links
    if kind == "feed":
        return kind, text, parse_feed(fetched.content, fetched.url)
    if kind == "list":
        return kind, text, list_links(text, fetched.url, source.match)
    return kind, text, []


def _no_article(html: str, url: str) -> bool:
    try:
        extract_article(html, url)
    except FetchError:
        return True
    return False


def _article_of(html: str, url: str, shown_url: str) -> Article:
    article = extract_article(html, url)
    if not article.text.strip():
        raise FetchError("empty_article", url=shown_url, chars=0)
    return article


def _read_article(fetched: Fetched, entry_url: str) -> Article:
    """Off the loop: an entry's page decoded and its article extracted."""
    return _article_of(decode_html(fetched.content, fetched.content_type), fetched.url, entry_url)
