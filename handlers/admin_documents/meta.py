"""/meta ID 年份 2025 地区 湄潭县: a document's year, place, level or type corrected from a
chat (:meth:`bot.library.Engine.correct_metadata`), on the indexing thread."""

from __future__ import annotations

from telegram import Update

from bot.library import CorrectionRefused, DocumentNotFound, parse_correction
from handlers.admin_documents.shared import logger, run_indexing
from handlers.audit import admin_only, audit, worded
from handlers.common import args_detail, command_args
from handlers.context import BriefContext
from handlers.format import admin_documents as fmt
from handlers.i18n import tr
from handlers.i18n.errors import error_text, not_found_detail


@admin_only("meta", refusal=lambda lang: tr(lang, "uploads.admins_only"), detail=args_detail)
async def meta_command(update: Update, context: BriefContext) -> None:
    """/meta REF FIELD VALUE …: correct what was read of a document, then say before/after."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    ref, changes = parse_correction(command_args(message))
    if not ref:
        await message.reply_html(fmt.meta_usage(lang))
        return
    try:
        done = await run_indexing(context, svc.engine.correct_metadata, ref, changes, reopen=False)
    except DocumentNotFound as exc:
        await audit(update, context, "meta", detail=worded("not_found", ref=ref), result="refused")
        await message.reply_html(fmt.remove_not_found(ref, not_found_detail(exc, lang), lang))
        return
    except CorrectionRefused as exc:
        await message.reply_html(fmt.meta_refused(error_text(exc, lang), lang))
        return
    except Exception:
        logger.exception("correcting %s failed", ref)
        await audit(update, context, "meta", detail=ref, result="error")
        await message.reply_text(tr(lang, "uploads.meta_failed"))
        return
    await svc.run(svc.engine.reopen)
    values = " ".join(str(v) for v in done.changes.values())
    await audit(
        update, context, "meta", detail=worded("corrected", doc=done.after.doc_id, values=values)
    )
    await message.reply_html(fmt.meta_done(done.before, done.after, lang))
