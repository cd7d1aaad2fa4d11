"""A pasted text added as a document: ``/add 正文`` (or ``/add`` replying to a text) and
the "➕ 加入文库" button under a pasted text's search results."""

from __future__ import annotations

import asyncio

from telegram import Message, Update

from bot.text.pasted import pasted_bytes, pasted_filename, title_only, without_links
from handlers.admin_documents.files import add, audit_refused
from handlers.admin_documents.shared import ids
from handlers.audit import admin_only, audit, how_to_become
from handlers.common import command_args
from handlers.context import BriefContext
from handlers.format import admin_documents as fmt
from handlers.i18n import tr
from handlers.pending_uploads import pasted_texts


async def _add_pasted(
    update: Update, context: BriefContext, reply_to: Message, name: str, data: bytes
) -> None:
    """Add a pasted text (``name``, ``data`` from :mod:`bot.text.pasted`) as an upload of
    that file is added: size refused before anything is written, then the upload's path
    (its checks, duplicates, a new version's Replace / Cancel), the outcome edited into a
    reply to ``reply_to``."""
    svc = context.services
    lang = svc.lang(update)
    limit = int(svc.settings.max_file_mb * 1024 * 1024)
    if len(data) > limit:
        await audit_refused(update, context, name, len(data), "size")
        await reply_to.reply_html(fmt.too_large(name, len(data), limit, lang))
        return
    status = await reply_to.reply_html(fmt.upload_received(name, len(data), lang))
    await add(update, context, status, name, data, action="upload pasted", lang=lang)


def _pasted_token(_update: Update, context: BriefContext) -> str:
    return context.match.group(1)


@admin_only(
    "upload pasted", refusal=lambda lang: tr(lang, "pasted.admins_only"), detail=_pasted_token
)
async def pasted_button(update: Update, context: BriefContext) -> None:
    """The "➕ 加入文库" button under a pasted text's search results: the text kept on disk
    by the button's token (:func:`handlers.pending_uploads.pasted_texts`) is added, once."""
    query = update.callback_query
    svc = context.services
    lang = svc.lang(update)
    _user_id, chat_id = ids(update)
    store = pasted_texts(svc.settings.data_dir)
    token = context.match.group(1)
    entry = await asyncio.to_thread(store.get, token)
    taken = None
    if entry is not None and entry.chat_id == chat_id:
        taken = await asyncio.to_thread(store.take, token)  # pressed twice: one wins
    if taken is None:
        await query.answer(tr(lang, "pasted.expired"), show_alert=True)
        return
    entry, data = taken
    await query.answer()
    await _add_pasted(update, context, query.message, entry.filename, data)


async def add_command(update: Update, context: BriefContext) -> None:
    """/add 正文 (or /add replying to a text): add the text as a document, for admins;
    a link is not fetched (the bot reads no web page), said as for a link sent alone;
    /add alone says how documents are added."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    text = command_args(message)
    replied = message.reply_to_message
    if not text and replied is not None:
        text = replied.text or replied.caption or ""
    words, links = without_links(text)
    if not words.strip(" ，,。"):
        said = tr(lang, "pasted.link_only") if links else tr(lang, "docs.add_usage")
        await message.reply_text(said)
        return
    user = update.effective_user
    if user is None or not await svc.check_admin(user.id):
        await audit(
            update, context, "upload pasted", result="refused", detail=pasted_filename(text)
        )
        await message.reply_text(
            f"{tr(lang, 'pasted.admins_only')}\n{how_to_become(update, context, lang)}"
        )
        return
    if title_only(words):  # /add 海南省2026年政府工作报告, the text to follow in a next message
        await message.reply_text(tr(lang, "docs.add_title_only", title=words.strip()))
        return
    await _add_pasted(update, context, message, pasted_filename(text), pasted_bytes(text))
