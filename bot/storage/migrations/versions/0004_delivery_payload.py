"""deliveries: the composed messages of a slot, and an index for unfinished slots

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

``payload`` (nullable, so existing rows need no value) keeps the messages of a claimed
slot, so that a delivery interrupted by a restart resumes with exactly the messages
not yet sent. The status index serves the start-up query for pending slots.
Keep it self-contained: do not import bot.storage.models here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch_op:
        batch_op.add_column(sa.Column("payload", sa.Text(), nullable=True))
    op.create_index("ix_deliveries_status", "deliveries", ["status"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_deliveries_status", table_name="deliveries")
    with op.batch_alter_table("deliveries") as batch_op:
        batch_op.drop_column("payload")
