"""language_preferences: the language a user or a chat chose with /lang

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

One new table, no change to existing ones: subscriptions, deliveries, admins, the
audit log, runtime settings and saved searches are kept as they are on upgrade.
Keep it self-contained: do not import bot.storage.models here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "language_preferences",
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("target_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("updated_by", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scope", "target_id", name=op.f("pk_language_preferences")),
    )


def downgrade() -> None:
    op.drop_table("language_preferences")
