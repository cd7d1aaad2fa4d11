"""The database schema as SQLAlchemy 2.0 typed declarative models.

Every change here needs an Alembic migration in ``bot/storage/migrations/versions``
(see ``docs/MIGRATIONS.md``); ``tests/test_storage.py`` fails when the models and the
migrations disagree.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Dialect, Integer, MetaData, String, Text
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
    key: Mapped[str] = mapped_column(String(QUERY_KEY_CHARS), unique=True)
    text: Mapped[str] = mapped_column(Text)
    doc: Mapped[str | None] = mapped_column(String(255))
    region: Mapped[str | None] = mapped_column(String(255))
    year: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime] = mapped_column(index=True)

    def __repr__(self) -> str:
        return f"SearchQuery(key={self.key!r}, text={self.text!r})"
