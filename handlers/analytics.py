"""/scorecard and /changes: targets against results, a report against the previous one."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application

from bot.analytics.side_by_side import export_rows, to_csv, to_xlsx
from bot.corpus.regions import AmbiguousPlace
from bot.library import Engine, RegionTable
from bot.library.arguments import other_years, region_year
from handlers.common import ButtonHandler, add_commands, reply_html
from handlers.context import BriefContext
from handlers.format import analytics as fmt
from handlers.i18n import tr
from handlers.i18n.errors import error_text


async def scorecard_command(update: Update, context: BriefContext) -> None:
    """/scorecard [地区] [年份] [all]: each target with its result, met or missed."""
    message = update.effective_message
    region, year, show_all = region_year(context.args)
    svc = context.services
    lang = svc.lang(update)
    place, more = other_years(region)
    if year is not None and more:  # /scorecard 全国 2025 2026: one year a scorecard
        await message.reply_html(fmt.one_year_each("scorecard", place, [year, *more], lang))
        return
    try:
        card = await svc.run(svc.engine.scorecard, region=region, year=year, show_all=show_all)
    except AmbiguousPlace as exc:  # /scorecard Suzhou: which one, with the candidates
        await message.reply_text(error_text(exc, lang))
        return
    if not card.links:
        years = []
        if year is not None:  # the years it has, to ask again
            years = await svc.run(svc.engine.scorecard_years, region=region, show_all=show_all)
        await message.reply_html(fmt.no_scorecard(region, year, lang, years=years))
        return
    words = [w for w in (region, str(year) if year else None) if w]
    narrower = await svc.run(card.busiest_unknown)
    data = fmt.scorecard_button(region, year)
    markup = (
        InlineKeyboardMarkup(
            [[InlineKeyboardButton(tr(lang, "analytics.button_chart"), callback_data=data)]]
        )
        if data
        else None
    )
    await reply_html(
        message,
        fmt.scorecard_messages(
            card.links,
            region=region,
            year=year,
            hidden=card.hidden,
            all_command=" ".join(["/scorecard", *words, "all"]),
            narrower=narrower,
            unreported=card.unreported,
            lang=lang,
        ),
        reply_markup=markup,
    )


async def scorecard_chart_button(update: Update, context: BriefContext) -> None:
    """The 📊 button under /scorecard: met, missed and unknown per period, drawn."""
    query = update.callback_query
    year_text, region = context.match.groups()  # type: ignore[union-attr]
    year = None if year_text == "-" else int(year_text)
    svc = context.services
    lang = svc.lang(update)
    await query.answer()
    found = await svc.run(svc.engine.scorecard_chart, region=region or None, year=year, lang=lang)
    if found.chart is None:
        await query.message.reply_html(fmt.no_scorecard(region or None, year, lang))
        return
    await query.message.reply_photo(
        photo=found.chart.data, caption=fmt.scorecard_chart_caption(found, lang), parse_mode="HTML"
    )
    await reply_html(query.message, fmt.scorecard_chart_numbers(found, lang))


async def changes_command(update: Update, context: BriefContext) -> None:
    """/changes 地区 [年份] [all]: the region's report against its previous one."""
    message = update.effective_message
    region, year, show_all = region_year(context.args)
    svc = context.services
    lang = svc.lang(update)
    if not region:
        await message.reply_text(tr(lang, "analytics.changes_usage"))
        return
    try:
        found = await svc.run(svc.engine.report_changes, region, year=year, show_all=show_all)
    except AmbiguousPlace as exc:  # /changes Suzhou
        await message.reply_text(error_text(exc, lang))
        return
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
            svc.engine.history_chart,
            asked.indicator,
            asked.regions[0],
            years=asked.years,
            lang=lang,
        )
    else:
        drawn = await svc.run(
            svc.engine.regions_chart,
            asked.indicator,
            year=asked.year,
            regions=asked.regions,
            lang=lang,
        )
    if drawn.chart is None:
        text = tr(lang, "analytics.chart_none", indicator=fmt.shown(asked.indicator))
        await message.reply_html(text + "\n" + fmt.escape(tr(lang, "analytics.chart_usage")))
        return
    await message.reply_photo(
        photo=drawn.chart.data, caption=fmt.chart_caption(drawn, lang), parse_mode="HTML"
    )
    await reply_html(message, fmt.chart_numbers(drawn, lang))


def _export(
    engine: Engine, indicator: str, year: int, kind: str
) -> tuple[bytes, str, RegionTable] | None:
    """On the core thread: the regions table as CSV (UTF-8 with BOM, for Excel) or XLSX,
    with the table (its indicator and the places named, for the caption)."""
    found = engine.region_table(indicator, year=year)
    if not found.rows:
        return None
    rows = export_rows(found.rows, year)
    if kind == "csv":
        return to_csv(rows).encode("utf-8-sig"), f"{indicator}-{year}.csv", found
    return to_xlsx(rows, title=f"{indicator} {year}"), f"{indicator}-{year}.xlsx", found


async def region_button(update: Update, context: BriefContext) -> None:
    """The buttons under /compare 指标 年份: 📊 the chart, 📄 CSV or Excel."""
    query = update.callback_query
    kind, year_text, indicator = context.match.groups()  # type: ignore[union-attr]
    year = int(year_text)
    svc = context.services
    lang = svc.lang(update)
    await query.answer()
    message = query.message
    if kind == "c":
        drawn = await svc.run(svc.engine.regions_chart, indicator, year=year, lang=lang)
        if drawn.chart is None:
            text = tr(lang, "analytics.chart_none", indicator=fmt.shown(indicator))
            await message.reply_html(text)
            return
        await message.reply_photo(
            photo=drawn.chart.data, caption=fmt.chart_caption(drawn, lang), parse_mode="HTML"
        )
        await reply_html(message, fmt.chart_numbers(drawn, lang))
        return
    made = await svc.run(_export, svc.engine, indicator, year, fmt.EXPORT_KINDS[kind])
    if made is None:
        await message.reply_html(
            tr(lang, "analytics.regions_none", indicator=fmt.shown(indicator), year=year)
        )
        return
    data, name, found = made
    caption = fmt.region_export_caption(found, indicator, year, lang)
    await message.reply_document(document=data, filename=name, caption=caption)


def register(application: Application) -> None:
    application.add_handler(ButtonHandler(region_button, pattern=fmt.REGION_BUTTON_PATTERN))
    application.add_handler(
        ButtonHandler(scorecard_chart_button, pattern=fmt.SCORECARD_BUTTON_PATTERN)
    )
    add_commands(
        application,
        {"scorecard": scorecard_command, "changes": changes_command, "chart": chart_command},
    )
