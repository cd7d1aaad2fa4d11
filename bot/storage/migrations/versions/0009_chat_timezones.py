"""chat_timezones: the time zone a chat chose with /timezone, kept on its own

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

Until now a chat's time zone was only the zone of its subscriptions: /timezone sent
before the first /subscribe said it was set and kept nothing. One new table, no change
to existing ones; a chat without a row still takes its newest subscription's zone, so
nothing needs filling on upgrade. Keep it self-contained: do not import bot.storage.models here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chat_timezones",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_chat_timezones")),
    )


def downgrade() -> None:
    op.drop_table("chat_timezones")
