"""subscriptions: a removed-document notice told before 0010 kept on the subscription

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

Data only. Until 0010 "the chat was told its ``doc:`` filter matches nothing any more"
was known only from a delivery recorded as sent whose payload is that notice, and the
digest composer kept reading the deliveries for such notices. This fills
``subscriptions.nothing_told_filter`` from them once, so the composer reads the
subscription row alone. A subscription's filter never changes (a new filter is a new
subscription), so a sent notice in its deliveries was about its own filter.

The notice is recognised by its body line in Chinese or English, frozen here as the
catalogue (``digest.matches_nothing``) has worded it since the notice was introduced: the
catalogue may move on, this file must not. Rows with a value already keep it.

Downgrade leaves the values: 0011's code reads the column before the deliveries and
finds the same answer. Keep it self-contained: do not import bot.storage.models here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# what only the matches-nothing notice says, in each language a chat may have
NOTICE_MARKS = (
    "\n文库中没有符合此条件的重点目标（条件中的文件已删除？有错别字？）",
    "\nNo key target in the documents matches this filter (was a document it names removed?",
)
NOTICE_HEADS = ("📭 <b>重点目标推送</b>", "📭 <b>Key targets digest</b>")
ENVELOPES = (json.dumps("📭", ensure_ascii=False)[1:-1], json.dumps("📭")[1:-1])


def is_notice(message: object) -> bool:
    return (
        isinstance(message, str)
        and message.startswith(NOTICE_HEADS)
        and any(mark in message for mark in NOTICE_MARKS)
    )


def told(payload: str | None) -> bool:
    """Whether a delivery's payload (JSON: ``messages``, ``composed_at``) is the notice."""
    if not payload:
        return False
    try:
        messages = json.loads(payload).get("messages") or []
    except (ValueError, AttributeError):
        return False
    return bool(messages) and is_notice(messages[0])


def upgrade() -> None:
    bind = op.get_bind()
    subscriptions = sa.table(
        "subscriptions",
        sa.column("id", sa.Integer()),
        sa.column("filter_text", sa.Text()),
        sa.column("nothing_told_filter", sa.Text()),
    )
    deliveries = sa.table(
        "deliveries",
        sa.column("subscription_id", sa.Integer()),
        sa.column("status", sa.String()),
        sa.column("payload", sa.Text()),
    )
    # The envelope every notice starts with narrows the read to the payloads that can
    # be one (as JSON writes it, as it is or escaped); each is then read whole.
    candidates = bind.execute(
        sa.select(deliveries.c.subscription_id, deliveries.c.payload)
        .select_from(
            deliveries.join(subscriptions, subscriptions.c.id == deliveries.c.subscription_id)
        )
        .where(
            deliveries.c.status == "sent",
            subscriptions.c.nothing_told_filter.is_(None),
            sa.or_(*(deliveries.c.payload.contains(m, autoescape=True) for m in ENVELOPES)),
        )
    )
    told_ids = sorted({sub_id for sub_id, payload in candidates if told(payload)})
    for sub_id in told_ids:
        bind.execute(
            sa.update(subscriptions)
            .where(subscriptions.c.id == sub_id, subscriptions.c.nothing_told_filter.is_(None))
            .values(nothing_told_filter=subscriptions.c.filter_text)
        )


def downgrade() -> None:
    """Nothing to undo: the values filled are true at 0011 too (see the docstring)."""
