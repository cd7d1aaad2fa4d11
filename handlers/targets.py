"""/targets and /compare: extracted key targets."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import telegram_format as fmt
from bot.models import DocumentInfo
from bot.search.engine import DocTarget, DocumentNotFound, Engine
from handlers.common import reply_html, services

SIMILAR_SHOWN = 5


def _docs(engine: Engine) -> dict[str, DocumentInfo]:
    return {d.doc_id: d for d in engine.documents()}


def _similar_indicators(engine: Engine, text: str) -> list[str]:
    return engine.similar_indicators(text, limit=SIMILAR_SHOWN)


def _targets(engine: Engine, arg: str) -> tuple[str, list[DocTarget], dict[str, DocumentInfo]]:
    """On the core thread: a heading and the records for ``/targets [指标|文档]``.

    Without an argument: the targets of every document; a document id or file name:
    everything extracted from that document; anything else is an indicator.
    """
    if not arg:
        return "重点目标（全部文件）", engine.targets(kind="target"), _docs(engine)
    try:
        info = engine.find_document(arg)
    except DocumentNotFound:
        return f"指标：{arg}", engine.targets(indicator=arg), _docs(engine)
    return f"文件：{info.title or info.filename}", engine.targets(doc=info.doc_id), _docs(engine)


async def targets_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/targets [指标|文档]"""
    message = update.effective_message
    arg = " ".join(context.args or ())
    svc = services(context)
    heading, rows, docs = await svc.run(_targets, svc.engine, arg)
    if not rows:
        similar = await svc.run(_similar_indicators, svc.engine, arg) if arg else []
        await message.reply_html(fmt.no_targets(arg, similar))
        return
    await reply_html(message, fmt.targets_messages(rows, docs, heading=heading))


def _compare(engine: Engine, indicator: str) -> tuple[list[DocTarget], dict[str, DocumentInfo]]:
    return engine.targets(indicator=indicator), _docs(engine)


async def compare_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/compare 指标: one indicator across documents, regions and years."""
    message = update.effective_message
    indicator = " ".join(context.args or ())
    if not indicator:
        await message.reply_text(fmt.COMPARE_USAGE)
        return
    svc = services(context)
    rows, docs = await svc.run(_compare, svc.engine, indicator)
    if not rows:
        similar = await svc.run(_similar_indicators, svc.engine, indicator)
        await message.reply_html(fmt.no_targets(indicator, similar))
        return
    await reply_html(message, fmt.compare_messages(indicator, rows, docs))
