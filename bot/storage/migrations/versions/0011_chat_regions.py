"""chat_regions: the place a chat set as its own with /region (what 我县, 本市 mean)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

One new table, no change to existing ones; a chat without a row has no place of its own
(its 我县 is left out of the search and the reply says how to set one), so nothing needs
filling on upgrade. Keep it self-contained: do not import bot.storage.models here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chat_regions",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("updated_by", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_chat_regions")),
    )


def downgrade() -> None:
    op.drop_table("chat_regions")
