"""Live sources and the items they listed, in the database (``sources``, ``source_items``).

:class:`SourceStore` hands out plain frozen dataclasses, never ORM objects. Every write
is one statement: an INSERT (a source, an item: UNIQUE (source_id, url) makes a second
record of the same URL a no-op that says so) or a single UPDATE (pause, the outcome of a
poll), so nothing is ever half-written. The outcome of a poll is computed by the poller
from the source as it read it when the poll began (polls of one source never overlap).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from bot.errors import CodedError
from bot.storage.db import Database
from bot.storage.models import SourceItemRow, SourceRow, storable_text, utcnow

ItemStatus = Literal["ingested", "duplicate", "failed"]
ITEM_STATUSES: tuple[str, ...] = ("ingested", "duplicate", "failed")
KINDS: tuple[str, ...] = ("auto", "feed", "list", "page", "folder")
"""``auto``: not fetched successfully yet, so not sniffed (``bot.sources.sniff``)."""

NAME_CHARS = 64
MATCH_CHARS = 255
DETAIL_CHARS = 500
NAME_RE = re.compile(r"[\w.\-]{1,64}")
MIN_EVERY_SECONDS = 60
MAX_EVERY_SECONDS = 30 * 86400
_UNITS = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_EVERY_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(s|min|m|h|d|w)", re.IGNORECASE)


class SourceError(CodedError):
    """Bad input for a source (name, interval, pattern) or an unknown one: ``code`` is
    ``source.<what>`` (catalogue ``errors.source.<what>``)."""


def parse_every(text: str) -> int:
    """``6h``, ``30m``, ``1d``, ``90s``, ``1h30m`` -> seconds; :class:`SourceError` otherwise
    (or outside one minute .. 30 days)."""
    raw = (text or "").strip().lower()
    pos, total = 0, 0.0
    for match in _EVERY_RE.finditer(raw):
        if raw[pos : match.start()].strip():
            break
        total += float(match.group(1)) * _UNITS[match.group(2).lower()]
        pos = match.end()
    if not raw or pos == 0 or raw[pos:].strip():
        raise SourceError(
            f"{text!r} is not an interval like 6h, 30m or 1d", "source.bad_interval", text=text
        )
    seconds = int(total)
    if not MIN_EVERY_SECONDS <= seconds <= MAX_EVERY_SECONDS:
        raise SourceError(
            f"the interval {text!r} is outside 1m .. 30d", "source.interval_range", text=text
        )
    return seconds


def format_every(seconds: int) -> str:
    """6h, 30m, 1d, 1h30m: the way :func:`parse_every` reads it."""
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            count, seconds = divmod(seconds, size)
            parts.append(f"{count}{unit}")
    return "".join(parts) or "0s"


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not NAME_RE.fullmatch(name):
        raise SourceError(
            f"source name {name!r}: 1-64 letters, digits, '.', '-' or '_'",
            "source.bad_name",
            name=name[:NAME_CHARS],
        )
    return name


def check_match(match: str | None) -> str | None:
    if match is None or not match.strip():
        return None
    match = match.strip()
    if len(match) > 2 and match.startswith("/") and match.endswith("/"):
        try:  # a /regular expression/ (bot.sources.listing)
            re.compile(match[1:-1])
        except re.error:
            raise SourceError(
                f"{match!r} is not a valid regular expression", "source.bad_match", match=match
            ) from None
    if len(match) > MATCH_CHARS:
        raise SourceError(
            f"the pattern is longer than {MATCH_CHARS} characters",
            "source.match_too_long",
            limit=str(MATCH_CHARS),
        )
    return match


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    name: str
    url: str
    kind: str
    every_seconds: int
    match: str | None
    paused: bool
    created_at: datetime
    created_by: int | None
    etag: str | None
    last_modified: str | None
    last_checked_at: datetime | None
    last_success_at: datetime | None
    last_new_doc_at: datetime | None
    consecutive_failures: int
    last_error_code: str | None
    last_error_detail: str | None
    alerted: bool
    avg_article_chars: int | None
    last_links_count: int | None

    @property
    def failing(self) -> bool:
        return self.consecutive_failures > 0 or self.alerted

    @classmethod
    def _from_row(cls, row: SourceRow) -> Source:
        return cls(
            id=row.id,
            name=row.name,
            url=row.url,
            kind=row.kind,
            every_seconds=row.every_seconds,
            match=row.match,
            paused=row.paused,
            created_at=row.created_at,
            created_by=row.created_by,
            etag=row.etag,
            last_modified=row.last_modified,
            last_checked_at=row.last_checked_at,
            last_success_at=row.last_success_at,
            last_new_doc_at=row.last_new_doc_at,
            consecutive_failures=row.consecutive_failures or 0,
            last_error_code=row.last_error_code,
            last_error_detail=row.last_error_detail,
            alerted=bool(row.alerted),
            avg_article_chars=row.avg_article_chars,
            last_links_count=row.last_links_count,
        )


@dataclass(frozen=True, slots=True)
class SourceItem:
    source_id: int
    url: str
    content_hash: str | None
    doc_id: str | None
    filename: str | None
    first_seen_at: datetime
    status: str
    reason: str | None

    @classmethod
    def _from_row(cls, row: SourceItemRow) -> SourceItem:
        return cls(
            source_id=row.source_id,
            url=row.url,
            content_hash=row.content_hash,
            doc_id=row.doc_id,
            filename=row.filename,
            first_seen_at=row.first_seen_at,
            status=row.status,
            reason=row.reason,
        )


@dataclass(frozen=True, slots=True)
class Health:
    """What one poll changes of a source (one UPDATE): see :meth:`SourceStore.record_poll`.

    ``None`` for an optional field leaves the column as it is, except the error fields,
    which are always written (``None`` clears them).
    """

    consecutive_failures: int
    last_error_code: str | None
    last_error_detail: str | None
    alerted: bool
    success: bool
    new_docs: bool = False
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    validators: bool = False  # write etag / last_modified (as given, None clears)
    avg_article_chars: int | None = None
    last_links_count: int | None = None


class SourceStore:
    """Sources and their items in a :class:`Database`."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._clock = clock

    # -- sources ------------------------------------------------------------------------------
    def add(
        self,
        name: str,
        url: str,
        *,
        kind: str = "auto",
        every_seconds: int,
        match: str | None = None,
        created_by: int | None = None,
    ) -> Source:
        """A new source; :class:`SourceError` ``source.name_taken`` if the name is in use."""
        name = check_name(name)
        match = check_match(match)
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        if not MIN_EVERY_SECONDS <= every_seconds <= MAX_EVERY_SECONDS:
            raise SourceError(
                f"the interval {every_seconds}s is outside 1m .. 30d",
                "source.interval_range",
                text=format_every(every_seconds),
            )
        row = SourceRow(
            name=name,
            url=storable_text(url),
            kind=kind,
            every_seconds=every_seconds,
            match=match,
            paused=False,
            created_at=self._clock(),
            created_by=created_by,
            consecutive_failures=0,
            alerted=False,
        )
        try:
            with self._db.session() as session:
                session.add(row)
                session.flush()
                return Source._from_row(row)
        except IntegrityError:
            raise SourceError(
                f"a source named {name!r} exists already", "source.name_taken", name=name
            ) from None

    def free_name(self, base: str) -> str:
        """``base`` (made a valid name), or ``base-2``, ``base-3`` … if it is taken."""
        base = re.sub(r"[^\w.\-]+", "-", base).strip("-")[: NAME_CHARS - 4] or "source"
        with self._db.session() as session:
            taken = set(
                session.scalars(select(SourceRow.name).where(SourceRow.name.like(f"{base}%")))
            )
        if base not in taken:
            return base
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    def get(self, name: str) -> Source | None:
        with self._db.session() as session:
            row = session.scalar(select(SourceRow).where(SourceRow.name == name.strip()))
            return Source._from_row(row) if row else None

    def by_id(self, source_id: int) -> Source | None:
        with self._db.session() as session:
            row = session.get(SourceRow, source_id)
            return Source._from_row(row) if row else None

    def require(self, name: str) -> Source:
        """The source named ``name``, or :class:`SourceError` ``source.unknown``."""
        found = self.get(name)
        if found is None:
            raise SourceError(f"no source named {name!r}", "source.unknown", name=name)
        return found

    def list(self) -> list[Source]:
        with self._db.session() as session:
            rows = session.scalars(select(SourceRow).order_by(SourceRow.name))
            return [Source._from_row(r) for r in rows]

    def remove(self, name: str) -> Source:
        """Forget a source and its items (documents it brought stay in the library)."""
        source = self.require(name)
        with self._db.session() as session:
            session.execute(delete(SourceRow).where(SourceRow.id == source.id))
            # SQLite enforces ON DELETE CASCADE (foreign keys on), PostgreSQL too; this
            # also covers a database where it was not.
            session.execute(delete(SourceItemRow).where(SourceItemRow.source_id == source.id))
        return source

    def set_paused(self, name: str, paused: bool) -> Source:
        source = self.require(name)
        with self._db.session() as session:
            session.execute(
                update(SourceRow).where(SourceRow.id == source.id).values(paused=paused)
            )
        return self.require(name)

    def record_poll(self, source_id: int, health: Health) -> None:
        """The outcome of one poll, in one UPDATE."""
        now = self._clock()
        values: dict[str, object] = {
            "last_checked_at": now,
            "consecutive_failures": health.consecutive_failures,
            "last_error_code": health.last_error_code,
            "last_error_detail": (
                storable_text(health.last_error_detail)[:DETAIL_CHARS]
                if health.last_error_detail
                else None
            ),
            "alerted": health.alerted,
        }
        if health.success:
            values["last_success_at"] = now
        if health.new_docs:
            values["last_new_doc_at"] = now
        if health.kind is not None:
            values["kind"] = health.kind
        if health.validators:
            values["etag"] = health.etag
            values["last_modified"] = (health.last_modified or "")[:64] or None
        if health.avg_article_chars is not None:
            values["avg_article_chars"] = health.avg_article_chars
        if health.last_links_count is not None:
            values["last_links_count"] = health.last_links_count
        with self._db.session() as session:
            session.execute(update(SourceRow).where(SourceRow.id == source_id).values(**values))

    # -- items --------------------------------------------------------------------------------
    def known_urls(self, source_id: int) -> set[str]:
        with self._db.session() as session:
            return set(
                session.scalars(
                    select(SourceItemRow.url).where(SourceItemRow.source_id == source_id)
                )
            )

    def find_hash(self, content_hash: str) -> SourceItem | None:
        """An item of any source with this content that reached the library (ingested)."""
        with self._db.session() as session:
            row = session.scalar(
                select(SourceItemRow)
                .where(
                    SourceItemRow.content_hash == content_hash,
                    SourceItemRow.status == "ingested",
                )
                .limit(1)
            )
            return SourceItem._from_row(row) if row else None

    def record_item(
        self,
        source_id: int,
        url: str,
        status: ItemStatus,
        *,
        content_hash: str | None = None,
        doc_id: str | None = None,
        filename: str | None = None,
        reason: str | None = None,
    ) -> bool:
        """Record what became of ``url``; False if the source had recorded it already."""
        if status not in ITEM_STATUSES:
            raise ValueError(f"status must be one of {ITEM_STATUSES}, not {status!r}")
        row = SourceItemRow(
            source_id=source_id,
            url=storable_text(url),
            content_hash=content_hash,
            doc_id=doc_id,
            filename=filename,
            first_seen_at=self._clock(),
            status=status,
            reason=storable_text(reason)[:DETAIL_CHARS] if reason else None,
        )
        try:
            with self._db.session() as session:
                session.add(row)
        except IntegrityError:
            return False
        return True

    def items(self, source_id: int, *, limit: int = 50) -> list[SourceItem]:
        """The source's items, newest first."""
        with self._db.session() as session:
            rows = session.scalars(
                select(SourceItemRow)
                .where(SourceItemRow.source_id == source_id)
                .order_by(SourceItemRow.id.desc())
                .limit(limit)
            )
            return [SourceItem._from_row(r) for r in rows]

    def item_counts(self) -> dict[int, dict[str, int]]:
        """Per source id: how many items of each status."""
        with self._db.session() as session:
            rows = session.execute(
                select(SourceItemRow.source_id, SourceItemRow.status, func.count()).group_by(
                    SourceItemRow.source_id, SourceItemRow.status
                )
            ).all()
        counts: dict[int, dict[str, int]] = {}
        for source_id, status, count in rows:
            counts.setdefault(source_id, {})[status] = count
        return counts
