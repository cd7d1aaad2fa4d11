"""/scorecard and /changes: targets against results, a report against the previous one."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application

from handlers.common import add_commands, reply_html
from handlers.context import BriefContext
from handlers.format import analytics as fmt
from handlers.i18n import tr


async def scorecard_command(update: Update, context: BriefContext) -> None:
    """/scorecard [地区] [年份] [all]: each target with its result, met or missed."""
    message = update.effective_message
    region, year, show_all = fmt.parse_region_year(context.args)
    svc = context.services
    lang = svc.lang(update)
    card = await svc.run(svc.engine.scorecard, region=region, year=year, show_all=show_all)
    if not card.links:
        await message.reply_html(fmt.no_scorecard(region, year, lang))
        return
    words = [w for w in (region, str(year) if year else None) if w]
    await reply_html(
        message,
        fmt.scorecard_messages(
            card.links,
            region=region,
            year=year,
            hidden=card.hidden,
            all_command=" ".join(["/scorecard", *words, "all"]),
            lang=lang,
        ),
    )


async def changes_command(update: Update, context: BriefContext) -> None:
    """/changes 地区 [年份] [all]: the region's report against its previous one."""
    message = update.effective_message
    region, year, show_all = fmt.parse_region_year(context.args)
    svc = context.services
    lang = svc.lang(update)
    if not region:
        await message.reply_text(tr(lang, "analytics.changes_usage"))
        return
    found = await svc.run(svc.engine.report_changes, region, year=year, show_all=show_all)
    if found.current is None or found.previous is None:
        await message.reply_html(fmt.no_changes(found, year, lang))
        return
    await reply_html(message, fmt.changes_messages(found, lang=lang))


def register(application: Application) -> None:
    add_commands(application, {"scorecard": scorecard_command, "changes": changes_command})
