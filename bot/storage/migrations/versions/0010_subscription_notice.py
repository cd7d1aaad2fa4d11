"""subscriptions: the filter whose "matches nothing any more" notice the chat was told

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06

A scheduled digest whose ``doc:`` filter names only removed documents tells the chat once
that it matches nothing, then says the usual line. "Once" was read from the deliveries
(a recorded notice), so a retention purge of the deliveries made it say so again. The
filter text told is now kept on the subscription (nullable: existing rows were told
nothing, or were told in a delivery the composer still reads). Keep it self-contained:
do not import bot.storage.models here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("subscriptions") as batch_op:
        batch_op.add_column(sa.Column("nothing_told_filter", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("subscriptions") as batch_op:
        batch_op.drop_column("nothing_told_filter")
