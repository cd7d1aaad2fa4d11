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


async def chart_command(update: Update, context: BriefContext) -> None:
    """/chart 指标 [地区 …] [年份 | 起-止]: a picture, its sources and its numbers."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    asked = fmt.parse_chart(context.args)
    if asked is None:
        await message.reply_text(tr(lang, "analytics.chart_usage"))
        return
    if asked.history:
        drawn = await svc.run(
            svc.engine.history_chart, asked.indicator, asked.regions[0], years=asked.years
        )
    else:
        drawn = await svc.run(
            svc.engine.regions_chart, asked.indicator, year=asked.year, regions=asked.regions
        )
    if drawn.chart is None:
        text = tr(lang, "analytics.chart_none", indicator=fmt.escape(asked.indicator))
        await message.reply_html(text + "\n" + fmt.escape(tr(lang, "analytics.chart_usage")))
        return
    await message.reply_photo(
        photo=drawn.chart.data, caption=fmt.chart_caption(drawn, lang), parse_mode="HTML"
    )
    await reply_html(message, fmt.chart_numbers(drawn, lang))


def register(application: Application) -> None:
    add_commands(
        application,
        {"scorecard": scorecard_command, "changes": changes_command, "chart": chart_command},
    )
