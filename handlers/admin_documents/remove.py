"""/remove ID: a document removed from the library once its Remove button is pressed
(and the document is still the one shown)."""

from __future__ import annotations

from telegram import Update

from bot.library import DocumentNotFound
from bot.models import DocumentInfo
from handlers.admin_documents.shared import button_arg, logger, run_indexing
from handlers.audit import admin_only, audit, worded
from handlers.common import args_detail, command_args
from handlers.context import BriefContext, Services
from handlers.format import admin_documents as fmt
from handlers.i18n import tr
from handlers.i18n.errors import not_found_detail
from handlers.progress import edit_html


@admin_only("remove", refusal=lambda lang: tr(lang, "uploads.admins_only"), detail=args_detail)
async def remove_command(update: Update, context: BriefContext) -> None:
    """/remove ID: ask for confirmation before deleting a document."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    ref = command_args(message)
    if not ref:
        await message.reply_text(tr(lang, "uploads.remove_usage"))
        return
    try:
        info = await svc.run(svc.engine.find_document, ref)
    except DocumentNotFound as exc:
        await audit(
            update, context, "remove", detail=worded("not_found", ref=ref), result="refused"
        )
        await message.reply_html(fmt.remove_not_found(ref, not_found_detail(exc, lang), lang))
        return
    named = await svc.run_db(svc.subscriptions.naming_document, info)
    text, keyboard = fmt.remove_confirmation(info, lang, named=[s.id for s in named])
    await message.reply_html(text, reply_markup=keyboard)


def _current(svc: Services, doc_id: str) -> DocumentInfo | None:
    """On the core thread: the served document with this exact id, if any."""
    return next((d for d in svc.engine.documents() if d.doc_id == doc_id), None)


def _remove_action(_update: Update, context: BriefContext) -> str:
    return "remove" if context.match.group(1) == "y" else "remove cancel"


@admin_only(_remove_action, refusal=lambda lang: tr(lang, "uploads.admins_only"), detail=button_arg)
async def remove_button(update: Update, context: BriefContext) -> None:
    """Remove / Cancel under "/remove ID"."""
    query = update.callback_query
    confirm = context.match.group(1) == "y"
    doc_id, sha = context.match.group(2), context.match.group(3)
    svc = context.services
    lang = svc.lang(update)
    action = _remove_action(update, context)
    await query.answer()
    if not confirm:
        await audit(update, context, action, detail=doc_id)
        await edit_html(query.message, fmt.escape(tr(lang, "uploads.remove_cancelled")))
        return
    info = await svc.run(_current, svc, doc_id)
    if info is None:
        await edit_html(query.message, fmt.remove_gone(doc_id, lang))
        return
    if not info.sha256.startswith(sha):
        await audit(update, context, action, detail=worded("changed", doc=doc_id), result="refused")
        await edit_html(query.message, fmt.remove_changed(info, lang))
        return
    await edit_html(query.message, fmt.removing(info, lang))  # no buttons: one press only
    try:
        gone = await run_indexing(context, svc.engine.remove_document, doc_id, reopen=False)
    except DocumentNotFound:
        await svc.run(svc.engine.reopen)
        await edit_html(query.message, fmt.remove_gone(doc_id, lang))
        return
    except Exception:
        logger.exception("removing %s failed", doc_id)
        await audit(update, context, action, detail=doc_id, result="error")
        await edit_html(query.message, fmt.escape(tr(lang, "uploads.remove_failed")))
        return
    await svc.run(svc.engine.reopen)
    await audit(
        update, context, action, detail=worded("removed", doc=gone.doc_id, path=gone.relpath)
    )
    await edit_html(query.message, fmt.removed(gone, lang))
