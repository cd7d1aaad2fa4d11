"""search_queries: searches saved under short keys for inline-keyboard callback data

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Every schema change needs a migration (docs/MIGRATIONS.md). Keep it self-contained:
do not import bot.storage.models here; the models will move on, this file must not.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "search_queries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("doc", sa.String(length=255), nullable=True),
        sa.Column("region", sa.String(length=255), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_queries")),
        sa.UniqueConstraint("key", name=op.f("uq_search_queries_key")),
    )
    op.create_index(
        op.f("ix_search_queries_last_used_at"), "search_queries", ["last_used_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_search_queries_last_used_at"), table_name="search_queries")
    op.drop_table("search_queries")
