"""audit_log: a detail as a catalogue code and its parameters

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

``code`` and ``params`` (JSON), nullable: an entry the bot words (``audit.*`` in the
catalogue) is stored as its key and parameters and said in each reader's language on
read. Existing rows keep ``code`` NULL and are shown as their ``detail`` text, as before;
``detail`` of a coded entry still holds its English wording (logs, a downgrade).
Keep it self-contained: do not import bot.storage.models here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("code", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("params", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("params")
        batch_op.drop_column("code")
