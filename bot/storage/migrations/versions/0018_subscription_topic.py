"""subscription_topics: the forum topic a subscription's digests are posted in

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07

In a supergroup with forum topics (宏观, 产业, 区域) ``/subscribe`` typed in a topic was
answered in the topic, but its digests came in General: the subscription kept the chat
and not the topic (``group-trial17``). The topic's ``message_thread_id`` (and its name, as
Telegram shows it when the command was typed, for ``/subscriptions``) is now kept, in a
table of its own: where a digest is posted is not what is subscribed to, and the
subscriptions table, and every reader of it, stays as it was. Existing subscriptions have
no row and are posted as before, in the chat's main thread. A row goes with its
subscription (ON DELETE CASCADE, as the deliveries). The downgrade drops the table (the
digests then come in General again).

Keep it self-contained: do not import bot.storage.models here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "subscription_topics",
        sa.Column("subscription_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("thread_id", sa.BigInteger(), nullable=False),
        sa.Column("topic_name", sa.String(length=128), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscriptions.id"],
            name=op.f("fk_subscription_topics_subscription_id_subscriptions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("subscription_id", name=op.f("pk_subscription_topics")),
    )


def downgrade() -> None:
    op.drop_table("subscription_topics")
