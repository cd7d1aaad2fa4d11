"""subscriptions: a removed subscription's number is never handed out again (SQLite)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06

On SQLite an ``INTEGER PRIMARY KEY`` without ``AUTOINCREMENT`` takes max(id) + 1, so
after ``/unsubscribe 1`` (the highest) the next ``/subscribe`` was **#1** again: a number
a user saw cancelled came back, and a command naming it reached the new one. The table is
recreated with ``AUTOINCREMENT`` (SQLite has no ALTER for it): batch mode copies every
row with its id, foreign-key enforcement suspended meanwhile (``migrations/env.py``) so
the DROP of the old table does not cascade to ``deliveries``, and checked before commit.
``sqlite_sequence`` starts at the highest id kept; a number removed before the upgrade
above that is not known and may come back once. PostgreSQL's sequences never reuse a
number: nothing to do there. Downgrading to 0014 recreates the table without it, rows
kept. Keep it self-contained: do not import bot.storage.models here.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _recreate(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table(
        "subscriptions",
        recreate="always",
        table_kwargs={"sqlite_autoincrement": autoincrement},
    ):
        pass


def upgrade() -> None:
    _recreate(True)


def downgrade() -> None:
    _recreate(False)
