"""/targets and /compare: extracted key targets."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application

from bot.analytics.records_table import RECORD_FIELDS, record_rows
from bot.analytics.side_by_side import to_csv, to_xlsx
from bot.corpus.regions import AmbiguousPlace
from bot.digest.english import said_place
from bot.digest.filters import FilterError, kind_label
from bot.library import DocumentNotFound, Engine, IndicatorLookup, TargetLookup, of_kinds
from bot.library.arguments import (
    ALL_WORDS,
    export_kind,
    other_years,
    region_year,
    split_kinds,
    unkeyed,
)
from bot.library.compared_places import ComparedPlaces
from bot.models import DocumentInfo
from bot.search.home_words import home_words
from bot.targets.conditions import ConditionError, ValueCondition, split_condition
from handlers import format as fmt
from handlers.common import add_commands, reply_html
from handlers.context import BriefContext
from handlers.format import analytics as afmt
from handlers.i18n import tr
from handlers.i18n.errors import error_text

SIMILAR_SHOWN = 5


def _docs(engine: Engine) -> dict[str, DocumentInfo]:
    return {d.doc_id: d for d in engine.documents()}


def _similar_indicators(engine: Engine, text: str) -> list[str]:
    return engine.similar_indicators(text, limit=SIMILAR_SHOWN)


def _suggestions(engine: Engine, text: str) -> tuple[list[str], list[tuple[str, str]], str | None]:
    """On the core thread: the indicators like ``text``, the places a misspelt name in it
    may be (``GDP Guangzou``: 广州; 蓬西县: 蓬溪) and the place it names that no document
    is about (射洪县: 射洪市, whose "similar indicators" were names holding 县), for a
    command that found nothing."""
    absent = engine.place_absent(text)
    places = engine.places_like(text)
    # 蓬西县 sounding like 蓬溪: a place misspelt, not an indicator (县市, 健康县城示范县)
    chinese_slip = bool(places) and not any(c.isascii() and c.isalpha() for c in text)
    similar = [] if absent or chinese_slip else _similar_indicators(engine, text)
    return similar, places, absent


def _split_all(args: list[str] | tuple[str, ...] | None) -> tuple[str, bool]:
    """The argument text without the word ``all`` (或 全部), and whether it was there."""
    words = list(args or ())
    show_all = any(w.lower() in ALL_WORDS for w in words)
    return " ".join(w for w in words if w.lower() not in ALL_WORDS), show_all


def _named(typed: str, looked: IndicatorLookup) -> str:
    """The indicator a heading names: the words typed, and the Chinese term they were
    read as when it is not among them (``unemployment (失业率)``), so that a reader who
    typed English sees what was looked up."""
    return typed if looked.indicator in typed else f"{typed} ({looked.indicator})"


def _places_shown(region: str, lang: str) -> str:
    """The places of a region typed as several words (``山东 江苏``) said as a list
    (“山东、江苏”): quoted as one phrase they read as one place the bot did not know."""
    return fmt.shown(tr(lang, "common.list_sep").join(region.split()))


def _targets(
    engine: Engine,
    arg: str,
    show_all: bool,
    lang: str,
    year: int | None = None,
    condition: ValueCondition | None = None,
    kinds: tuple[str, ...] | None = None,
) -> tuple[str, TargetLookup, dict[str, DocumentInfo], IndicatorLookup | None, str | None]:
    """On the core thread: a heading and the records for ``/targets [指标|文档] [年份] [all]``
    (the last item: the region the argument named, else None).

    Without an argument: the targets of every document; a document id or file name:
    everything extracted from that document; a region (``四川``, ``全国``): its targets
    and its places' (:meth:`Engine.region_named`); anything else is an indicator (its whole
    family: GDP is 地区生产总值 and 国内生产总值). Unsure records only with ``all``.
    With ``year`` (``/targets GDP 2024``): the records of that year only, as ``/compare``
    and ``/scorecard`` read a year (a plan period ending then counts). The last item is
    the indicator's lookup when the argument named one and a place after it (its records
    elsewhere, when the place left none: ``CPI 云南``), else None. With ``condition``
    (``>5%``), the records whose figure passes it. With ``kinds`` (``kind:实绩``), the
    records of those kinds only (a region's or all documents' achievements too).
    """
    looked: IndicatorLookup | None = None
    region: str | None = None
    wanted_all, show_all = show_all, show_all or kinds is not None  # kinds: then kept
    if not arg:
        heading = tr(lang, "targets.heading_all")
        found = engine.lookup_targets(
            kind=None if kinds else "target", year=year, show_all=show_all, condition=condition
        )
    else:
        # A file named exactly first, then a place: an uploaded 四川省2025年统计公报.txt
        # starts with 四川, and /targets 四川 is the province's, not that file's.
        try:
            info = engine.find_document(arg, prefixes=False)
        except DocumentNotFound:
            info = None
        unsure: AmbiguousPlace | None = None
        if info is None:
            try:
                region = engine.region_named(arg)
            except AmbiguousPlace as exc:  # Suzhou: a file starting so is what was meant
                unsure = exc
        if info is None and region is None:
            try:
                info = engine.find_document(arg)
            except DocumentNotFound:
                if unsure is not None:
                    raise unsure from None
        if info is None:
            if region is not None:
                heading = tr(lang, "targets.heading_region", region=said_place(region, lang))
                found = engine.lookup_region(
                    region, year=year, show_all=wanted_all, condition=condition, kinds=kinds
                )
            else:
                # also GDP 山东
                looked = engine.lookup_condition(arg, condition, year=year, show_all=show_all)
                found = looked.found
                heading = tr(lang, "targets.heading_indicator", indicator=_named(arg, looked))
        if info is not None:
            found = engine.lookup_targets(
                doc=info.doc_id, year=year, show_all=show_all, condition=condition
            )
            heading = tr(lang, "targets.heading_document", title=info.title or info.filename)
    if kinds is not None:
        if region is None:  # the region's are kept to the kinds already
            found = of_kinds(found, kinds, wanted_all)
        kind_names = tr(lang, "common.list_sep").join(kind_label(k, lang) for k in kinds)
    if year is not None:
        heading = f"{heading} · {tr(lang, 'analytics.year', year=year)}"
    if kinds is not None:
        heading = f"{heading} · {kind_names}"
    if condition is not None:  # the understood condition, said back beside the year
        heading = f"{heading} · {fmt.condition_text(condition, lang)}"
    if looked is not None and not (looked.region and engine.region_named(looked.region)):
        looked = None  # GDP 火星: a word that is no place is not found, not "none there"
    return heading, found, _docs(engine), looked, region


async def _home_read(update: Update, context: BriefContext) -> list[str]:
    """The command's words with 我县, 本市, 本省 … read as the chat's own place
    (``/region``); without one they are left out, and a line says how to set it."""
    words = list(context.args or ())
    text = " ".join(words)
    if not home_words(text):
        return words
    svc = context.services
    chat = update.effective_chat
    home = await svc.home_of(chat.id if chat else None)
    reading = await svc.run(svc.engine.read_home, text, home)
    if reading.unset:
        await update.effective_message.reply_text(tr(svc.lang(update), "region.hint"))
    return reading.text.split()


def _export_records(
    found: TargetLookup, docs: dict[str, DocumentInfo], kind: str, name: str
) -> tuple[bytes, str]:
    """On the core thread: the records as CSV (UTF-8 with BOM, for Excel) or XLSX."""
    items = []
    for row in found.rows:
        info = docs.get(row.doc_id)
        title = (info.title or info.filename) if info else row.doc_id
        items.append((row.record, title, info.filename if info else row.doc_id))
    rows = record_rows(items)
    stem = "-".join(name.replace("/", " ").split()) or "targets"
    if kind == "csv":
        return to_csv(rows, RECORD_FIELDS).encode("utf-8-sig"), f"{stem}.csv"
    return to_xlsx(rows, title=stem, fields=RECORD_FIELDS), f"{stem}.xlsx"


async def targets_command(update: Update, context: BriefContext) -> None:
    """/targets [指标|文档] [年份] [all] [csv|excel]"""
    await _targets_reply(update, context, None)


async def export_command(update: Update, context: BriefContext) -> None:
    """/export [指标|文档|地区] [年份] [all] [excel]: what /targets lists, as a file."""
    await _targets_reply(update, context, "csv")


async def _targets_reply(update: Update, context: BriefContext, export: str | None) -> None:
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    try:
        typed, condition = split_condition(await _home_read(update, context))
    except ConditionError as exc:  # /targets GDP >: said, not looked up as "GDP >"
        await message.reply_text(error_text(exc, lang))
        return
    words, asked_export = export_kind(typed)
    export = asked_export or export
    try:
        words, kinds = split_kinds(words)  # kind:target, as /subscribe reads it
    except FilterError as exc:  # kind:foo: the kinds there are, not "no data"
        await message.reply_text(error_text(exc, lang))
        return
    named, year, show_all = region_year(words)
    rest, more = other_years(named)
    if year is not None and more:  # /targets GDP 2025 2026: not an indicator "GDP 2026"
        command = "export" if export and not asked_export else "targets"
        await message.reply_html(afmt.one_year_each(command, rest, [year, *more], lang))
        return
    arg = named or ""
    try:
        heading, found, docs, looked, region = await svc.run(
            _targets, svc.engine, arg, show_all, lang, year, condition, kinds
        )
    except AmbiguousPlace as exc:  # /targets Suzhou: which one, with the candidates
        await message.reply_text(error_text(exc, lang))
        return
    kind_word = "kind:" + ",".join(kinds) if kinds is not None else None
    asked = " ".join(str(w) for w in (arg, year, kind_word) if w)
    all_command = f"/targets {asked} all" if asked else "/targets all"
    if not found.rows and looked is not None and looked.only_elsewhere:
        # /targets CPI 云南: the indicator is known and has figures, none about the place
        await message.reply_html(
            tr(
                lang,
                "targets.compare_region_none",
                indicator=fmt.shown(looked.indicator),
                region=_places_shown(looked.region, lang),
            )
        )
        return
    if not found.rows and condition is not None and looked is not None and looked.failed:
        await message.reply_html(_condition_none(looked.indicator, looked.failed, condition, lang))
        return
    if not found.rows:
        similar, places, absent = (
            await svc.run(_suggestions, svc.engine, arg) if arg else ([], [], None)
        )
        await message.reply_html(
            fmt.no_targets(
                asked,
                similar,
                hidden=found.hidden,
                all_command=all_command,
                places=places,
                absent=absent,
                lang=lang,
            )
        )
        return
    if export is not None:
        data, filename = await svc.run(_export_records, found, docs, export, asked or "targets")
        caption = tr(lang, "targets.export_caption", heading=heading, count=len(found.rows))
        await message.reply_document(document=data, filename=filename, caption=caption)
        return
    chunks = fmt.targets_messages(
        found.rows,
        docs,
        heading=heading,
        hidden=found.hidden,
        all_command=all_command,
        lang=lang,
    )
    if region and kinds is None and all(r.record.kind != "target" for r in found.rows):
        # /targets 成都 with a bulletin alone: 458 results under "地区：成都", read as targets
        said = tr(lang, "targets.region_no_targets", region=said_place(region, lang))
        chunks = _with_line(chunks, f"<i>{fmt.escape(said)}</i>")
    await reply_html(message, chunks)


def _condition_none(indicator: str, count: int, condition: ValueCondition, lang: str) -> str:
    return tr(
        lang,
        "targets.condition_none",
        indicator=fmt.shown(indicator),
        count=count,
        condition=fmt.escape(fmt.condition_text(condition, lang)),
    )


def _with_line(chunks: list[str], line: str) -> list[str]:
    """``line`` under the first chunk's heading (the understood condition)."""
    first, _, rest = chunks[0].partition("\n")
    return [f"{first}\n{line}" + (f"\n{rest}" if rest else ""), *chunks[1:]]


def _compare(
    engine: Engine, indicator: str, show_all: bool, condition: ValueCondition | None = None
) -> tuple[IndicatorLookup, dict[str, DocumentInfo], ComparedPlaces]:
    """On the core thread: the records of ``indicator`` (``GDP 山东``: of GDP about 山东),
    those passing ``condition`` when one was typed; the places typed against them."""
    looked = engine.lookup_condition(indicator, condition, show_all=show_all)
    compared = engine.compared(looked.region, looked.found.rows)
    if condition is not None:  # a place the condition left out is said by its count line
        compared = ComparedPlaces(compared.places)
    return looked, _docs(engine), compared


async def _compare_regions(
    update: Update,
    context: BriefContext,
    indicator: str,
    year: int,
    show_all: bool,
    condition: ValueCondition | None = None,
) -> None:
    """/compare 指标 年份: one row per region, national first, with 📊 and 📄 buttons."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    found = await svc.run(
        svc.engine.region_table, indicator, year=year, show_all=show_all, condition=condition
    )
    if not found.rows and condition is not None and found.failed:
        await message.reply_html(_condition_none(indicator, found.failed, condition, lang))
        return
    if not found.rows:
        said = tr(lang, "analytics.regions_none", indicator=fmt.shown(indicator), year=year)
        sep = tr(lang, "common.list_sep")
        if found.years:  # /compare 赤字率 2026: the 2025 target is there, say so
            commands = sep.join(fmt.escape(f"/compare {indicator} {y}") for y, _ in found.years[:3])
            said += "\n" + tr(lang, "analytics.regions_years", commands=commands)
        elif not found.family:  # /compare 地区生产总直 2026: a name no record carries
            close = await svc.run(svc.engine.similar_indicators, indicator)
            if close:
                names = sep.join(fmt.escape(n) for n in close)
                said += "\n" + tr(lang, "targets.similar", names=names)
        await message.reply_html(said)
        return
    buttons = afmt.region_buttons(indicator, year, lang)
    markup = (
        InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d) for t, d in buttons]])
        if buttons
        else None
    )
    chunks = afmt.region_table_messages(found, lang)
    if condition is not None:
        chunks = _with_line(chunks, fmt.condition_line(condition, found.failed, lang))
    await reply_html(message, chunks, reply_markup=markup)


async def compare_command(update: Update, context: BriefContext) -> None:
    """/compare 指标 [年份] [all]: one indicator (its family) across documents, regions and
    years; with a year, one row per region (its target and last result)."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    try:
        args, condition = split_condition(await _home_read(update, context))
    except ConditionError as exc:  # /compare GDP 高于: said, not looked up as "GDP 高于"
        await message.reply_text(error_text(exc, lang))
        return
    named, year, any_all = region_year(args)
    rest, more = other_years(named)
    if year is not None and more:  # /compare GDP 2025 2026: not an indicator "GDP 2026"
        await message.reply_html(afmt.one_year_each("compare", rest, [year, *more], lang))
        return
    if year is not None and named:
        await _compare_regions(update, context, named, year, any_all, condition)
        return
    # region:黔, indicator:GDP as the bare words (as with a year and in /targets): kept
    # keyed, the place was read only when its name held the record's (region:贵州)
    indicator, show_all = _split_all(unkeyed(args))
    if not indicator:
        await message.reply_text(tr(lang, "targets.compare_usage"))
        return
    try:
        looked, docs, compared = await svc.run(_compare, svc.engine, indicator, show_all, condition)
    except AmbiguousPlace as exc:  # /compare GDP Suzhou
        await message.reply_text(error_text(exc, lang))
        return
    if looked.only_elsewhere:
        said = tr(
            lang,
            "targets.compare_region_none",
            indicator=fmt.shown(looked.indicator),
            region=_places_shown(looked.region or "", lang),
        )
        # /compare GDP Guangzou: the place was misspelt, not without figures
        if places := await svc.run(svc.engine.places_like, looked.region or ""):
            said += "\n" + fmt.places_like_line(places, lang)
        await message.reply_html(said)
        return
    found = looked.found
    if not found.rows and condition is not None and looked.failed:
        await message.reply_html(_condition_none(looked.indicator, looked.failed, condition, lang))
        return
    if not found.rows:
        similar, places, absent = await svc.run(_suggestions, svc.engine, indicator)
        await message.reply_html(
            fmt.no_targets(
                indicator,
                similar,
                hidden=found.hidden,
                all_command=f"/compare {indicator} all",
                places=places,
                absent=absent,
                lang=lang,
            )
        )
        return
    # 📊 and 📄 for the year most regions have a target for, as /compare 指标 年份 has;
    # not under a comparison of named regions (GDP 四川 贵州): that table and chart are of
    # every region, and showed other places than the ones asked for
    table_of = looked.indicator
    buttons = []
    chunks = fmt.compare_messages(
        _named(indicator, looked),
        found.rows,
        docs,
        hidden=found.hidden,
        family=found.family,
        compared=compared,
        measure=looked.indicator,
        lang=lang,
    )
    if condition is not None:
        chunks = _with_line(chunks, fmt.condition_line(condition, looked.failed, lang))
    if looked.region and condition is None and len(compared.places) > 1:
        # GDP 四川 云南: every record of each place, years mixed; the one-line-a-place
        # table (target beside the last result, exportable) is a year away: say which
        asked_places = " ".join(compared.places)
        table = await svc.run(
            svc.engine.region_table, f"{table_of} {asked_places}", show_all=show_all
        )
        if table.rows and table.year is not None:
            command = fmt.escape(f"/compare {table_of} {table.year} {asked_places}")
            line = f"<i>{tr(lang, 'targets.compare_table_hint', command=command)}</i>"
            chunks = [*chunks[:-1], *fmt.split_html(chunks[-1] + "\n\n" + line)]
    if looked.region is None and condition is None:
        latest = await svc.run(svc.engine.region_table, table_of, show_all=show_all)
        buttons = afmt.region_buttons(table_of, latest.year, lang) if latest.rows else []
        if buttons and latest.year is not None:  # say which year the buttons are for
            line = afmt.chosen_year(f"/compare {table_of}", latest.year, latest.years, lang)
            chunks = [*chunks[:-1], *fmt.split_html(chunks[-1] + "\n\n" + line)]
    markup = (
        InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d) for t, d in buttons]])
        if buttons
        else None
    )
    await reply_html(message, chunks, reply_markup=markup)


def register(application: Application) -> None:
    add_commands(
        application,
        {
            "targets": targets_command,
            "export": export_command,
            "csv": export_command,  # /csv GDP: the file's kind said as the command
            "compare": compare_command,
        },
    )
