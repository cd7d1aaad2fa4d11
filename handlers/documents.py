"""/docs and /doc: the documents in the library."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import telegram_format as fmt
from bot.models import Document
from bot.search.engine import DocumentNotFound, Engine
from bot.targets.records import TargetRecord
from handlers.common import reply_html, services


async def docs_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/docs: every indexed document."""
    svc = services(context)
    infos = await svc.run(svc.engine.documents)
    await reply_html(update.effective_message, fmt.docs_messages(infos))


def _document(engine: Engine, ref: str) -> tuple[Document, list[TargetRecord]]:
    """On the core thread: the document and its extracted targets (kind "target")."""
    document = engine.document(ref)
    return document, [t.record for t in engine.targets(doc=document.doc_id, kind="target")]


async def doc_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/doc ID: title, region, year, sections and key targets of one document."""
    message = update.effective_message
    ref = " ".join(context.args or ())
    if not ref:
        await message.reply_text(fmt.DOC_USAGE)
        return
    svc = services(context)
    try:
        document, targets = await svc.run(_document, svc.engine, ref)
    except DocumentNotFound as exc:
        await message.reply_html(fmt.document_not_found(ref, str(exc)))
        return
    await reply_html(message, fmt.doc_messages(document, targets))
