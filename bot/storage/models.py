"""The database schema as SQLAlchemy 2.0 typed declarative models.

Every change here needs an Alembic migration in ``bot/storage/migrations/versions``
(see ``docs/MIGRATIONS.md``); ``tests/test_storage.py`` fails when the models and the
migrations disagree.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints: Alembic can only drop or alter (SQLite batch mode) what has a name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

QUERY_KEY_CHARS = 16
"""Maximum length of :attr:`SearchQuery.key` (keys are made by ``bot.storage.queries``)."""
QUERY_FILTER_CHARS = 255
"""Maximum length of the ``doc`` and ``region`` filters of a saved search."""


def utcnow() -> datetime:
    """The current time, timezone-aware UTC (what ``UTCDateTime`` columns store)."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend.

    SQLite has no time zones: values are stored as naive UTC and come back aware.
    Naive datetimes are refused rather than guessed at.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime given for a UTC column: {value!r}")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def storable_text(value: str) -> str:
    """``value`` without NUL characters (U+0000), which PostgreSQL cannot store in text.

    Stores clean what they are given with it, so what they hand back is what was stored;
    the column types below do it again for anything written otherwise.
    """
    return value.replace("\x00", "")


class _PortableText:
    """What PostgreSQL refuses in text columns, treated alike on every backend.

    NUL characters (U+0000) are dropped: PostgreSQL cannot store them, SQLite can; they
    carry nothing readable. A value longer than a bounded column is a ``ValueError``
    naming the limit: PostgreSQL raises on it, SQLite would keep it whole. Callers check
    their own limits first, with their own messages; this keeps both backends the same.
    """

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        value = storable_text(value)
        limit = getattr(self.impl, "length", None)  # type: ignore[attr-defined]
        if limit is not None and len(value) > limit:
            raise ValueError(
                f"a value of {len(value)} characters is longer than its column ({limit}): "
                f"{value[:40]!r}…"
            )
        return value


class PortableText(_PortableText, TypeDecorator[str]):
    """``Text`` without NUL characters (see :class:`_PortableText`)."""

    impl = Text
    cache_ok = True  # read from each TypeDecorator class itself, not inherited


class PortableString(_PortableText, TypeDecorator[str]):
    """``String(length)`` without NUL characters, its length checked on every backend."""

    impl = String
    cache_ok = True


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012 (SQLAlchemy's own attribute)


class SearchQuery(Base):
    """A search (text + filters) saved under a short key for inline-keyboard callback data.

    Telegram limits callback data to 64 bytes; buttons carry :attr:`key` and the bot
    looks the query up again, also after a restart.
    """

    __tablename__ = "search_queries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(PortableString(QUERY_KEY_CHARS), unique=True)
    text: Mapped[str] = mapped_column(PortableText)
    doc: Mapped[str | None] = mapped_column(PortableString(QUERY_FILTER_CHARS))
    region: Mapped[str | None] = mapped_column(PortableString(QUERY_FILTER_CHARS))
    year: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime] = mapped_column(index=True)

    def __repr__(self) -> str:
        return f"SearchQuery(key={self.key!r}, text={self.text!r})"


class SubscriptionRow(Base):
    """A chat's scheduled digest: a filter, a schedule and a time zone.

    Written and read through ``bot.subscriptions.store.SubscriptionStore``, which hands
    out plain dataclasses. ``active`` is False once the bot can no longer post to the
    chat (blocked, kicked: ``deactivated_reason``); ``paused`` is the user's choice.
    """

    __tablename__ = "subscriptions"
    __table_args__ = (
        Index("ix_subscriptions_chat_id", "chat_id"),
        Index("ix_subscriptions_active", "active"),
        # a removed subscription's number is never handed out again (0015): SQLite
        # otherwise takes max(id) + 1, and /unsubscribe 1 then /subscribe gave a new #1
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    chat_type: Mapped[str] = mapped_column(PortableString(16))
    chat_title: Mapped[str | None] = mapped_column(PortableString(255))
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    filter_text: Mapped[str] = mapped_column(PortableText)
    schedule_kind: Mapped[str] = mapped_column(PortableString(16))
    schedule_expr: Mapped[str] = mapped_column(PortableString(128))
    timezone: Mapped[str] = mapped_column(PortableString(64))
    quiet_when_empty: Mapped[bool] = mapped_column(Boolean)
    active: Mapped[bool] = mapped_column(Boolean)
    paused: Mapped[bool] = mapped_column(Boolean)
    deactivated_reason: Mapped[str | None] = mapped_column(PortableText)
    # the filter whose "matches nothing any more" notice the chat got (told once, and
    # still known after the deliveries are purged)
    nothing_told_filter: Mapped[str | None] = mapped_column(PortableText)
    last_delivered_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    def __repr__(self) -> str:
        return f"SubscriptionRow(id={self.id!r}, chat_id={self.chat_id!r})"


class SubscriptionTopicRow(Base):
    """The forum topic a subscription's digests are posted in (``message_thread_id``), for
    one subscribed in a topic of a forum supergroup; a subscription without a row is posted
    in the chat's main thread (General). A table of its own rather than a column: where a
    digest is posted is not what is subscribed to, and every older reader of the
    subscriptions stays as it was (0018)."""

    __tablename__ = "subscription_topics"

    subscription_id: Mapped[int] = mapped_column(
        Integer,
        ForeignKey("subscriptions.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )
    thread_id: Mapped[int] = mapped_column(BigInteger)
    # the topic's name when subscribed (Telegram tells it with a message that opens no
    # reply), for /subscriptions; None when not known
    topic_name: Mapped[str | None] = mapped_column(PortableString(128))
    created_at: Mapped[datetime]

    def __repr__(self) -> str:
        return f"SubscriptionTopicRow({self.subscription_id!r} -> {self.thread_id!r})"


class DeliveryRow(Base):
    """One scheduled send of a subscription: its slot (the fire time, UTC) and outcome.

    UNIQUE (subscription_id, slot): a slot is claimed by inserting its row, so after a
    crash or with two processes a digest is never sent twice for the same slot.
    """

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("subscription_id", "slot"),
        Index("ix_deliveries_status", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("subscriptions.id", ondelete="CASCADE")
    )
    slot: Mapped[datetime]
    status: Mapped[str] = mapped_column(PortableString(16))
    message_ids: Mapped[str | None] = mapped_column(PortableText)
    error: Mapped[str | None] = mapped_column(PortableText)
    attempts: Mapped[int] = mapped_column(Integer)
    # JSON: the slot's messages and when they were composed (bot.subscriptions.store.Payload).
    payload: Mapped[str | None] = mapped_column(PortableText)
    # The index of the message handed to Telegram whose outcome is not recorded yet
    # (None: no send in flight). Found set after a crash: that message is *uncertain*.
    sending: Mapped[int | None] = mapped_column(Integer)
    # How many messages of this slot were found uncertain after a crash (resent or skipped
    # as ``delivery_uncertain`` says).
    uncertain: Mapped[int] = mapped_column(Integer, server_default="0")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    def __repr__(self) -> str:
        return f"DeliveryRow(subscription_id={self.subscription_id!r}, slot={self.slot!r})"


class BroadcastRow(Base):
    """An admin's ``/broadcast_digest``: one slot for the subscriptions due when it was asked.

    ``subscription_ids`` (JSON) are the subscriptions it covers; their deliveries are
    ordinary rows of ``deliveries`` at ``slot``. ``status``: ``running`` until every one is
    final, ``reporting`` while the summary is being sent to ``chat_id`` (a reply to
    ``reply_to``), then ``done``. A broadcast found ``running`` or ``reporting`` on start
    is resumed (``bot.subscriptions.scheduler``).
    """

    __tablename__ = "broadcasts"
    __table_args__ = (Index("ix_broadcasts_status", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slot: Mapped[datetime]
    requested_by: Mapped[int | None] = mapped_column(BigInteger)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    reply_to: Mapped[int | None] = mapped_column(BigInteger)
    language: Mapped[str] = mapped_column(String(8))
    subscription_ids: Mapped[str] = mapped_column(PortableText)
    # JSON: those of them whose slot was claimed already when the broadcast was recorded.
    already_ids: Mapped[str | None] = mapped_column(PortableText)
    status: Mapped[str] = mapped_column(PortableString(16))
    summary: Mapped[str | None] = mapped_column(PortableText)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    def __repr__(self) -> str:
        return f"BroadcastRow(id={self.id!r}, slot={self.slot!r}, status={self.status!r})"


ADDER_NAME_MAX_CHARS = 129  # a Telegram first and last name, 64 characters each, and a space


class AdminRow(Base):
    """A Telegram user made admin from the chat (``/admin add``).

    Owners come from the configuration and are not stored here; ``bot.admin.store``
    hands out plain dataclasses. Only the numeric user id grants rights: the username
    is remembered to resolve ``@name`` in later commands, never to check access.
    """

    __tablename__ = "admins"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    username: Mapped[str | None] = mapped_column(PortableString(64))
    added_by: Mapped[int | None] = mapped_column(BigInteger)
    # how the adder was known when they acted (``@name`` or their Telegram name), for
    # lists: a readable name, not an access check
    added_by_name: Mapped[str | None] = mapped_column(PortableString(ADDER_NAME_MAX_CHARS))
    added_at: Mapped[datetime]

    def __repr__(self) -> str:
        return f"AdminRow(user_id={self.user_id!r}, username={self.username!r})"


class AuditRow(Base):
    """One admin action (or refused attempt): who, when, where, what, result.

    ``detail`` is scrubbed of secrets before it is written (``bot.admin.audit``), and so
    are the ``params`` of a coded detail.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor_id: Mapped[int] = mapped_column(BigInteger)
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(PortableString(64))
    detail: Mapped[str] = mapped_column(PortableText)
    result: Mapped[str] = mapped_column(PortableString(16))
    # the detail as a catalogue key (``audit.*``) and its parameters (JSON), said in the
    # reader's language; NULL for a free-text detail (every entry before migration 0008)
    code: Mapped[str | None] = mapped_column(PortableString(64))
    params: Mapped[str | None] = mapped_column(PortableText)

    def __repr__(self) -> str:
        return f"AuditRow(id={self.id!r}, action={self.action!r}, result={self.result!r})"


class RuntimeSettingRow(Base):
    """A setting changed from the chat (``/config set``): its validated value as JSON.

    Applied over the configuration files and environment by ``bot.admin.runtime``;
    only the keys listed there are ever read back.
    """

    __tablename__ = "runtime_settings"

    key: Mapped[str] = mapped_column(PortableString(64), primary_key=True)
    value: Mapped[str] = mapped_column(PortableText)
    updated_by: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]

    def __repr__(self) -> str:
        return f"RuntimeSettingRow(key={self.key!r}, value={self.value!r})"


class LanguageRow(Base):
    """A language chosen from the chat (``/lang``): for a user, or for a whole chat.

    ``scope`` is ``user`` (``target_id`` a user id) or ``chat`` (a chat id, set by the
    chat's administrators); ``language`` is a catalogue language (``zh``, ``en``).
    Read by the Telegram layer (``handlers.i18n.prefs``) through
    ``bot.storage.languages.LanguageStore``.
    """

    __tablename__ = "language_preferences"

    scope: Mapped[str] = mapped_column(String(8), primary_key=True)
    target_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    language: Mapped[str] = mapped_column(String(8))
    updated_by: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]

    def __repr__(self) -> str:
        return f"LanguageRow(scope={self.scope!r}, target_id={self.target_id!r})"


class ChatTimezoneRow(Base):
    """The time zone a chat chose with ``/timezone``: new subscriptions of the chat are
    scheduled in it. Kept on its own, not only as the zone of the chat's subscriptions,
    so a zone chosen before the first ``/subscribe`` (or after the last ``/unsubscribe``)
    is not lost. Read through ``bot.subscriptions.store.SubscriptionStore``.
    """

    __tablename__ = "chat_timezones"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    timezone: Mapped[str] = mapped_column(PortableString(64))
    updated_at: Mapped[datetime]

    def __repr__(self) -> str:
        return f"ChatTimezoneRow(chat_id={self.chat_id!r}, timezone={self.timezone!r})"


class ChatRegionRow(Base):
    """The place a chat set as its own with ``/region`` (a county, a city or a province):
    what 我县, 本市 and 本省 mean in its queries. ``code`` is the gazetteer's code of the
    place, ``name`` its name when set (said back if the gazetteer ever drops the code).
    Read through ``bot.storage.home_regions.HomeRegionStore``.
    """

    __tablename__ = "chat_regions"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(PortableString(64))
    updated_by: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]

    def __repr__(self) -> str:
        return f"ChatRegionRow(chat_id={self.chat_id!r}, code={self.code!r}, name={self.name!r})"


class SourceRow(Base):
    """A live source the bot polls for new documents (issue 15): a feed, a list page, a
    single page or a watched folder.

    Written and read through ``bot.sources.store.SourceStore``. The health columns are
    updated by one UPDATE per poll: ``consecutive_failures`` and the last error (a
    ``FetchError`` code and its detail), ``alerted`` (the admins were told it is broken
    and it has not recovered since), ``avg_article_chars`` (a running mean of the text
    extracted from its articles) and ``last_links_count`` (entries its last page listed).
    """

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(PortableString(64), unique=True)
    url: Mapped[str] = mapped_column(PortableText)
    kind: Mapped[str] = mapped_column(PortableString(16))
    every_seconds: Mapped[int] = mapped_column(Integer)
    match: Mapped[str | None] = mapped_column(PortableString(255))
    paused: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    etag: Mapped[str | None] = mapped_column(PortableText)
    last_modified: Mapped[str | None] = mapped_column(PortableString(64))
    last_checked_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_new_doc_at: Mapped[datetime | None]
    consecutive_failures: Mapped[int] = mapped_column(Integer, server_default="0")
    last_error_code: Mapped[str | None] = mapped_column(PortableString(32))
    last_error_detail: Mapped[str | None] = mapped_column(PortableText)
    alerted: Mapped[bool] = mapped_column(Boolean, server_default="0")
    avg_article_chars: Mapped[int | None] = mapped_column(Integer)
    last_links_count: Mapped[int | None] = mapped_column(Integer)

    def __repr__(self) -> str:
        return f"SourceRow(id={self.id!r}, name={self.name!r})"


class SourceItemRow(Base):
    """One URL a source listed (an article, an attachment, a folder file) and what became
    of it: ``ingested`` (``doc_id``/``filename`` in the library), ``duplicate`` (the same
    content was there already: ``reason`` says which) or ``failed`` (``reason``).

    UNIQUE (source_id, url): an entry is fetched once per source, never again.
    """

    __tablename__ = "source_items"
    __table_args__ = (
        UniqueConstraint("source_id", "url"),
        Index("ix_source_items_content_hash", "content_hash"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(Integer, ForeignKey("sources.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(PortableText)
    content_hash: Mapped[str | None] = mapped_column(PortableString(64))
    doc_id: Mapped[str | None] = mapped_column(PortableString(64))
    filename: Mapped[str | None] = mapped_column(PortableText)
    first_seen_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(PortableString(16))
    reason: Mapped[str | None] = mapped_column(PortableText)

    def __repr__(self) -> str:
        return f"SourceItemRow(source_id={self.source_id!r}, url={self.url!r})"
