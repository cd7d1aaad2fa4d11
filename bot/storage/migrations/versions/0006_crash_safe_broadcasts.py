"""broadcasts, and the send in flight of a delivery

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

``broadcasts``: an admin's /broadcast_digest as a recorded slot (the subscriptions it
covers, where its summary goes, its status), so that it resumes after a restart.
``deliveries.sending`` (nullable) is the index of the message handed to Telegram whose
outcome is not recorded yet; ``deliveries.uncertain`` (0 for existing rows) counts the
messages found in flight after a crash. Existing rows are kept as they are.
Keep it self-contained: do not import bot.storage.models here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch_op:
        batch_op.add_column(sa.Column("sending", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("uncertain", sa.Integer(), server_default="0", nullable=False)
        )
    op.create_table(
        "broadcasts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slot", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requested_by", sa.BigInteger(), nullable=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("reply_to", sa.BigInteger(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("subscription_ids", sa.Text(), nullable=False),
        sa.Column("already_ids", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcasts")),
    )
    op.create_index("ix_broadcasts_status", "broadcasts", ["status"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_broadcasts_status", table_name="broadcasts")
    op.drop_table("broadcasts")
    with op.batch_alter_table("deliveries") as batch_op:
        batch_op.drop_column("uncertain")
        batch_op.drop_column("sending")
