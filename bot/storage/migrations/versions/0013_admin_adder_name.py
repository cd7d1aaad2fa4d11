"""admins: how the admin who added another was known when they did

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06

``added_by_name`` (nullable): the adder's ``@username`` or Telegram name as they ran
``/admin add``, so ``/admin list`` names them instead of showing a bare numeric id. Only
a readable name: access is still decided by ``added_by``'s id alone. Existing rows get
NULL (nobody knew the name then): the list names such an adder by the username it knows
now, or by the id, as before. Downgrading to 0012 drops the column. Keep it
self-contained: do not import bot.storage.models here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("admins") as batch_op:
        batch_op.add_column(sa.Column("added_by_name", sa.String(length=129), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("admins") as batch_op:
        batch_op.drop_column("added_by_name")
