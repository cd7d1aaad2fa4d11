"""A file an admin sends in a private chat: checked by name and size before it is
downloaded, indexed on the indexing thread, audited, its message edited into the
outcome; a new version's Replace / Keep both / Cancel buttons; and a file sent to the
bot in a group, answered with where files are added."""

from __future__ import annotations

import asyncio

from telegram import Message, Update
from telegram.error import TelegramError

from bot import i18n
from bot.corpus import uploads
from bot.library import UploadResult
from handlers.admin_documents.shared import (
    button_arg,
    ids,
    journal_begin,
    journal_end,
    logger,
    pending_uploads,
    run_indexing,
)
from handlers.audit import admin_only, audit, error_said, worded
from handlers.context import BriefContext, Services
from handlers.format import admin_documents as fmt
from handlers.i18n import tr
from handlers.i18n.errors import error_text
from handlers.progress import edit_html


def _upload_job(
    svc: Services, filename: str, data: bytes, *, chat_id: int, user_id: int
) -> tuple[UploadResult, str | None]:
    """On the indexing thread: store and index, or stage a new version for confirmation."""
    result = svc.engine.add_upload(filename, data, reopen=False)
    token = None
    if result.status == "needs_confirmation":
        token = pending_uploads(svc).put(result.filename, data, chat_id=chat_id, user_id=user_id)
    return result, token


async def _show_result(
    update: Update,
    context: BriefContext,
    message: Message,
    result: UploadResult,
    token: str | None,
    *,
    action: str,
    lang: str,
    journal: str,
    size: int | None = None,
) -> None:
    """Swap a new index in (core thread), record the action (then drop its ``journal``
    entry), and edit ``message`` into the outcome (so the audit entry exists by the time
    the admin reads it)."""
    svc = context.services
    if result.update is not None:
        await svc.run(svc.engine.reopen, result.update)
    await audit(
        update,
        context,
        action,
        detail=_upload_detail(result, size),
        result="refused" if result.status == "refused" else "ok",
    )
    await journal_end(svc, journal)
    reason = error_text(result, lang)
    if result.ok:
        await edit_html(message, fmt.upload_done(result, lang))
    elif result.status == "duplicate":
        await edit_html(message, fmt.duplicate(result, reason, lang))
    elif result.status == "needs_confirmation" and token is not None:
        await edit_html(message, *fmt.needs_confirmation(result, token, reason, lang))
    else:
        await edit_html(message, fmt.refused(reason))


def _upload_detail(result: UploadResult, size: int | None) -> i18n.Message:
    """An upload's audit detail: the file's name, size and what came of it, as fields
    ``/audit`` says in its reader's language (``audit.upload.<status>``)."""
    name, shown = result.filename, fmt.human_size(size)
    doc = result.doc.doc_id if result.doc is not None else ""
    existing = result.existing.doc_id if result.existing is not None else ""
    passages, targets = result.passages, result.targets
    if result.status == "added":
        return worded(
            "upload.added", name=name, size=shown, doc=doc, passages=passages, targets=targets
        )
    if result.status == "replaced":
        return worded(
            "upload.replaced",
            name=name,
            size=shown,
            existing=existing,
            doc=doc,
            passages=passages,
            targets=targets,
        )
    if result.status == "duplicate":
        return worded("upload.duplicate", name=name, size=shown, existing=existing)
    if result.status == "needs_confirmation":
        return worded("upload.needs_confirmation", name=name, size=shown, existing=existing)
    return _refused_detail(name, size, result.code)


def _refused_detail(name: str, size: int | None, code: str) -> i18n.Message:
    """The audit detail of a file refused before it was read (its name, size or type)."""
    known = f"audit.upload.why.{code}" in i18n.catalogue().keys("en")
    reason = i18n.Message(f"audit.upload.why.{code}") if known else code or "—"
    return worded("upload.refused", name=name, size=fmt.human_size(size), code=reason)


async def audit_refused(
    update: Update, context: BriefContext, name: str, size: int | None, code: str
) -> None:
    """Audit an upload refused before it was read (its name, size or type)."""
    detail = _refused_detail(name, size, code)
    await audit(update, context, "upload", detail=detail, result="refused")


def _file_name(update: Update, _context: BriefContext) -> str:
    return update.effective_message.document.file_name or ""


@admin_only(
    "upload", refusal=lambda lang: tr(lang, "uploads.upload_admins_only"), detail=_file_name
)
async def document_message(update: Update, context: BriefContext) -> None:
    """An admin sends a document in a private chat: add it to the library."""
    message = update.effective_message
    document = message.document
    svc = context.services
    lang = svc.lang(update)
    name = document.file_name or ""

    limit = int(svc.settings.max_file_mb * 1024 * 1024)
    try:  # the name alone says "archive", "unsupported type", "unsafe name": no download
        uploads.check_name(document.file_name, by_content=True)  # no extension: by content
    except uploads.UploadRefused as exc:
        await audit_refused(update, context, name, document.file_size, exc.code)
        await message.reply_html(fmt.refused(error_text(exc, lang)))
        return
    if document.file_size is not None and document.file_size > limit:
        await audit_refused(update, context, name, document.file_size, "size")
        await message.reply_html(fmt.too_large(name, document.file_size, limit, lang))
        return
    if document.file_size == 0:  # Telegram's size says it: nothing to download
        await audit_refused(update, context, name, 0, "empty")
        await message.reply_html(fmt.empty_file(name, lang))
        return
    status = await message.reply_html(fmt.upload_received(name, document.file_size, lang))
    try:
        file = await context.bot.get_file(document.file_id)
        if file.file_size is not None and file.file_size > limit:
            await audit_refused(update, context, name, file.file_size, "size")
            await edit_html(status, fmt.too_large(name, file.file_size, limit, lang))
            return
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        logger.warning("upload %r: download failed: %s", name, exc)
        await audit(
            update,
            context,
            "upload",
            detail=worded("download_failed", name=name, error=error_said(exc)),
            result="error",
        )
        await edit_html(status, fmt.escape(tr(lang, "uploads.download_failed")))
        return
    await add(update, context, status, name, data, action="upload", lang=lang)


async def add(
    update: Update,
    context: BriefContext,
    status: Message,
    name: str,
    data: bytes,
    *,
    action: str,
    lang: str,
) -> None:
    """Journal, index on the indexing thread, audit as ``action`` and edit ``status``
    into the outcome: a file's bytes once downloaded, a pasted text's once encoded."""
    svc = context.services
    user_id, chat_id = ids(update)
    journal = await journal_begin(svc, action, name, data, update)
    try:
        result, token = await run_indexing(
            context, _upload_job, svc, name, data, chat_id=chat_id, user_id=user_id
        )
    except Exception:
        logger.exception("upload %r: indexing failed", name)
        await audit(
            update, context, action, detail=worded("indexing_failed", name=name), result="error"
        )
        await journal_end(svc, journal)
        await edit_html(status, fmt.escape(tr(lang, "uploads.upload_failed")))
        return
    await _show_result(
        update,
        context,
        status,
        result,
        token,
        action=action,
        lang=lang,
        journal=journal,
        size=len(data),
    )


_UPLOAD_ACTIONS = {"r": "upload replace", "k": "upload keep both", "c": "upload cancel"}


def _upload_action(_update: Update, context: BriefContext) -> str:
    return _UPLOAD_ACTIONS[context.match.group(1)]


@admin_only(_upload_action, refusal=lambda lang: tr(lang, "uploads.admins_only"), detail=button_arg)
async def upload_button(update: Update, context: BriefContext) -> None:
    """Replace / Cancel under "a different version of X is already in the library"; Replace
    the older one / Keep both / Cancel under "the same report is in the library"."""
    query = update.callback_query
    mode, token = context.match.group(1), context.match.group(2)
    svc = context.services
    lang = svc.lang(update)
    _user_id, chat_id = ids(update)
    action = _upload_action(update, context)
    pending = pending_uploads(svc)
    entry = await asyncio.to_thread(pending.get, token)
    expired = tr(lang, "uploads.expired")
    if entry is None or entry.chat_id != chat_id:
        await query.answer(expired, show_alert=True)
        if entry is None:
            await asyncio.to_thread(pending.discard, token)
            await edit_html(query.message, fmt.escape(expired))
        return
    if mode == "c":
        await asyncio.to_thread(pending.discard, token)
        await query.answer()
        await audit(update, context, action, detail=entry.filename)
        await edit_html(query.message, fmt.upload_cancelled(entry.filename, lang))
        return
    taken = await asyncio.to_thread(pending.take, token)
    if taken is None:  # pressed twice, or expired meanwhile
        await query.answer(expired, show_alert=True)
        return
    entry, data = taken
    await query.answer()
    shown = fmt.replacing(entry.filename, lang) if mode == "r" else fmt.adding(entry.filename, lang)
    await edit_html(query.message, shown)  # no buttons: one press only
    journal = await journal_begin(svc, action, entry.filename, data, update)
    try:
        result = await run_indexing(
            context,
            svc.engine.add_upload,
            entry.filename,
            data,
            replace=mode == "r",
            keep_both=mode == "k",
            reopen=False,
        )
    except Exception:
        logger.exception("replacing %r failed", entry.filename)
        await audit(
            update,
            context,
            action,
            detail=worded("indexing_failed", name=entry.filename),
            result="error",
        )
        await journal_end(svc, journal)
        await edit_html(query.message, fmt.escape(tr(lang, "uploads.upload_failed")))
        return
    await _show_result(
        update,
        context,
        query.message,
        result,
        None,
        action=action,
        lang=lang,
        journal=journal,
        size=len(data),
    )


async def group_document(update: Update, context: BriefContext) -> None:
    """A file sent to the bot in a group (a reply to it, or captioned with its name): files
    are added in the private chat, and only by admins. It went unanswered: the county's
    bulletin sent to the work group "for the bot" was never added, and nothing said so."""
    svc = context.services
    lang = svc.lang(update)
    user = update.effective_user
    if user is not None and await svc.check_admin(user.id):
        said = tr(lang, "uploads.group_file_admin", bot=context.bot.username or "")
    else:
        said = tr(lang, "uploads.group_file")
    await update.effective_message.reply_text(said)
