"""``briefbot subscriptions``: the bot's subscriptions and deliveries in the database."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich.table import Table

from bot.i18n import DEFAULT_LANGUAGE, tr
from briefbot.cli.app import LANG_HELP, app, checked_lang, out, state


@app.command()
def subscriptions(
    chat: Annotated[
        int | None, typer.Option("--chat", help="Only this chat id (groups are negative).")
    ] = None,
    deliveries: Annotated[
        int, typer.Option("--deliveries", "-n", help="Show the last N deliveries of each.")
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = DEFAULT_LANGUAGE,
) -> None:
    """The bot's subscriptions in the database: schedule, status, next and last digests.

    Schedules are said in --lang (每天 07:30, daily at 07:30), in --json too; ``schedule_expr``
    is the schedule as stored (``daily 07:30``, ``weekly mon 09:00``, ``cron …``).

    Examples: briefbot subscriptions; briefbot subscriptions --deliveries 3 --json
    """
    checked_lang(lang)
    from bot.storage import Database  # lazy: SQLAlchemy and Alembic
    from bot.subscriptions.store import SubscriptionStore

    with Database.open(state.settings) as database:
        store = SubscriptionStore(database)
        subs = store.list_for_chat(chat) if chat is not None else store.list_all()
        now = datetime.now().astimezone()
        rows = []
        for sub in subs:
            recent = store.deliveries(sub.id)[-deliveries:] if deliveries else []
            next_fire = sub.schedule.next_fire(now, sub.timezone) if sub.due else None
            rows.append(
                {
                    "id": sub.id,
                    "chat_id": sub.chat_id,
                    "chat_type": sub.chat_type,
                    "chat_title": sub.chat_title,
                    "filter": sub.filter_text,
                    "schedule": sub.schedule.describe(lang),
                    "schedule_expr": f"{sub.schedule.kind} {sub.schedule.expr}",
                    "timezone": sub.timezone,
                    "quiet": sub.quiet_when_empty,
                    "status": (
                        "deactivated" if not sub.active else "paused" if sub.paused else "active"
                    ),
                    "deactivated_reason": sub.deactivated_reason,
                    "next": next_fire.isoformat() if next_fire else None,
                    "last_delivered_at": (
                        sub.last_delivered_at.isoformat() if sub.last_delivered_at else None
                    ),
                    "deliveries": [
                        {"slot": d.slot.isoformat(), "status": d.status, "error": d.error}
                        for d in recent
                    ],
                }
            )
    if as_json:
        out.print_json(data=rows)
        return
    if not rows:
        out.print(tr(lang, "cli.no_subscriptions"), markup=False)
        return
    table = Table(show_lines=False)
    for column in ("id", "chat", "filter", "schedule", "status", "next (local)"):
        table.add_column(column)
    for row in rows:
        status = row["status"]
        if row["deactivated_reason"]:
            status += f": {row['deactivated_reason']}"
        table.add_row(
            str(row["id"]),
            f"{row['chat_type']} {row['chat_id']} {row['chat_title'] or ''}".strip(),
            row["filter"] or tr(lang, "cli.filter_all"),
            f"{row['schedule']} {row['timezone']}",
            status,
            row["next"] or "—",
        )
    out.print(table)
    for row in rows:
        for item in row["deliveries"]:
            out.print(f"  #{row['id']} {item['slot']} {item['status']} {item['error'] or ''}")
