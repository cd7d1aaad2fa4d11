"""The upgrade path: a database left at any earlier revision, holding user data, keeps
every row and every value when it is upgraded to head.

The rows are written from the schema each revision had (read from the database itself,
not from today's models), so a new migration is covered the day it is added: its down
revision joins the parametrised list, and a table or column it adds is filled at the
revisions after it. A migration that really changes kept values (renames, moves, fills)
must say so in :data:`CHANGED_BY`, with a test of its own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    select,
)
from sqlalchemy.orm import Session

from bot.storage import Database
from bot.storage.db import head_revision
from bot.storage.models import Base
from tests.test_storage import revisions_in_order

ROWS_PER_TABLE = 2

# (table, column) -> the revision after which its values may differ from those written
# before it: none so far (0012 only fills NULLs, which these rows do not hold).
CHANGED_BY: dict[tuple[str, str], str] = {}

# Values a user's data really holds where a column's type says too little (a time zone, a
# language, a schedule): the head's models and stores read them back.
REALISTIC: dict[str, list[Any]] = {
    "chat_type": ["supergroup", "private"],
    "schedule_kind": ["daily", "weekly"],
    "schedule_expr": ["08:00", "mon 09:30"],
    "timezone": ["Asia/Shanghai", "Europe/Berlin"],
    "language": ["zh", "en"],
    "scope": ["chat", "user"],
    "status": ["sent", "failed"],
    "kind": ["rss", "page"],
    "message_ids": ["[101, 102]", "[7]"],
    "subscription_ids": ["[1, 2]", "[2]"],
    "already_ids": ["[1]", "[]"],
    "payload": ['{"messages": ["<b>碳达峰</b> 2030"]}', '{"messages": []}'],
    "params": ['{"user": 42}', "{}"],
    "url": ["https://example.gov.cn/a.html", "https://example.gov.cn/b.html"],
}


def _value(table: Table, column: Any, i: int, written: dict[str, list[dict[str, Any]]]) -> Any:
    """Row ``i``'s value for ``column``: the referenced row's key for a foreign key, a
    realistic value where the name says what it holds, else one of the column's type
    that differs per row and per column (so a swap of two columns is seen)."""
    for fk in column.foreign_keys:
        return written[fk.column.table.name][i][fk.column.name]
    if column.name in REALISTIC:
        return REALISTIC[column.name][i % len(REALISTIC[column.name])]
    salt = sum(map(ord, f"{table.name}.{column.name}")) % 997
    kind = column.type
    if isinstance(kind, Boolean):
        return (i + salt) % 2 == 0
    if isinstance(kind, BigInteger):
        return -(10**12) - salt * 10 - i  # a group chat's id: large and negative
    if isinstance(kind, Integer):
        return i + 1 if column.primary_key else salt + i
    if isinstance(kind, DateTime):
        return datetime(2024, 1 + i, 1 + salt % 28, 8, salt % 60, 15, 123456, tzinfo=UTC)
    # types no table has yet, so that a migration adding one is covered as it comes
    if isinstance(kind, Date):
        return date(2024, 1 + i, 1 + salt % 28)
    if isinstance(kind, Numeric | Float):
        return salt + i + 0.5  # exact in binary, so a float and a decimal compare equal
    if isinstance(kind, JSON):
        return {"row": i, "词": [salt, None]}
    if isinstance(kind, LargeBinary):
        return bytes([salt % 256, i, 0, 255])
    if isinstance(kind, String) and kind.length:
        return f"{salt}:{i}值"[: kind.length]
    return f"{table.name}.{column.name} #{i}：碳达峰 “引号” 'q' 📭"


def _fill(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every table of the database's current schema with :data:`ROWS_PER_TABLE` rows, in
    the order their foreign keys need; the rows written, by table."""
    meta = MetaData()
    meta.reflect(bind=db.engine)
    written: dict[str, list[dict[str, Any]]] = {}
    with db.engine.begin() as conn:
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [
                {c.name: _value(table, c, i, written) for c in table.columns}
                for i in range(ROWS_PER_TABLE)
            ]
            conn.execute(table.insert(), rows)
            written[table.name] = rows
    return written


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, datetime) and isinstance(b, datetime):
        # SQLite gives the UTC text back naive, PostgreSQL in its session's time zone
        a, b = (t if t.tzinfo else t.replace(tzinfo=UTC) for t in (a, b))
    return a == b


@pytest.mark.parametrize("revision", revisions_in_order()[:-1])
def test_a_database_at_an_earlier_revision_keeps_its_data_at_head(db_url, revision):
    later = revisions_in_order()[revisions_in_order().index(revision) + 1 :]
    db = Database(db_url)  # no automatic upgrade
    try:
        db.upgrade(revision)
        written = _fill(db)
        assert written, f"no table at revision {revision}"
        db.upgrade()
        assert db.current_revision() == head_revision()
        meta = MetaData()
        meta.reflect(bind=db.engine)
        with db.engine.connect() as conn:
            for name, rows in written.items():
                assert name in meta.tables, f"table {name} (revision {revision}) lost at head"
                table = meta.tables[name]
                key = [c.name for c in table.primary_key.columns]
                found = {
                    tuple(r._mapping[k] for k in key): r._mapping
                    for r in conn.execute(select(table)).all()
                }
                assert len(found) == len(rows), f"{name}: rows lost or added by {later}"
                for row in rows:
                    kept = found.get(tuple(row[k] for k in key))
                    assert kept is not None, f"{name} row {row} lost by {later}"
                    for column, value in row.items():
                        changed = CHANGED_BY.get((name, column))
                        if changed is not None and changed in later:
                            continue
                        assert column in kept, f"{name}.{column} dropped by {later}"
                        assert _same(kept[column], value), (
                            f"{name}.{column} was {value!r} at {revision}, {kept[column]!r} at head"
                        )
        # the head's models read every old row (types, booleans, times as stored then)
        with Session(db.engine) as session:
            for mapper in Base.registry.mappers:
                name = mapper.local_table.name
                if name in written:
                    loaded = session.scalars(select(mapper.class_)).all()
                    assert len(loaded) == len(written[name]), name
    finally:
        db.close()


def test_values_of_every_column_type_a_migration_may_add_come_back_the_same(db_url):
    """The row writer's values for the types no table has yet (a date, a number, JSON,
    bytes) survive the database, so a migration adding one is checked, not refused."""
    from sqlalchemy import Column, Text

    meta = MetaData()
    table = Table(
        "scratch",
        meta,
        Column("id", Integer, primary_key=True),
        *(
            Column(name, kind)
            for name, kind in (
                ("day", Date()),
                ("share", Float()),
                ("amount", Numeric(12, 2)),
                ("doc", JSON()),
                ("blob", LargeBinary()),
                ("note", Text()),
                ("at", DateTime(timezone=True)),
            )
        ),
    )
    db = Database(db_url)  # no migration: only the scratch table
    engine = db.engine
    try:
        meta.create_all(engine)
        rows = [{c.name: _value(table, c, i, {}) for c in table.columns} for i in range(2)]
        with engine.begin() as conn:
            conn.execute(table.insert(), rows)
        with engine.connect() as conn:
            back = [r._mapping for r in conn.execute(select(table).order_by(table.c.id))]
        for row, kept in zip(rows, back, strict=True):
            for column, value in row.items():
                assert _same(kept[column], value), (column, value, kept[column])
    finally:
        db.close()
