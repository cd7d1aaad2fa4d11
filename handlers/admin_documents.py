"""Live document management for the bot's admins: uploads, /remove, /reindex.

Uploads
-------
Documents are taken from **private chats only** (the handler is registered with
``filters.ChatType.PRIVATE``): in groups people share files with each other all the
time, and a file there is never meant for the library. In a private chat:

* a non-admin gets a refusal; nothing is downloaded or stored;
* the name (type, archive, unsafe name) and Telegram's ``file_size`` are checked
  *before* ``getFile``, so an ``.exe``, a ``.zip`` or a file over ``max_file_mb``
  is refused without downloading it;
* otherwise the bot answers at once ("received, indexing…"), downloads the bytes and
  hands them to :meth:`Engine.add_upload` on the *indexing* executor (one thread,
  ``Services.indexing``), so uploads, removals and rebuilds take turns among
  themselves while searches keep running on the search threads; the finished index is
  swapped in on the core thread (:meth:`Engine.reopen`) and the first message is
  edited into the result (passages, targets, first key targets; duplicate; refusal);
* a new version of a file already in the library is staged under
  ``<data_dir>/uploads/pending/<token>.bin`` (+ ``.json``) and the answer asks
  Replace / Cancel with ``u:r:<token>`` / ``u:c:<token>`` buttons
  (:mod:`handlers.pending_uploads`). Pending uploads expire after an hour; confirming
  or cancelling removes them.

Every handler here is :func:`~handlers.audit.admin_only`; every admin action and every
refused attempt goes to the audit log (:func:`~handlers.audit.audit`).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from telegram import Message, MessageEntity, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    MessageHandler,
    filters,
)

from bot import i18n
from bot.corpus import uploads
from bot.library import DocumentNotFound, UploadResult
from bot.models import DocumentInfo
from bot.text.pasted import pasted_bytes, pasted_filename, title_only, without_links
from handlers.audit import admin_only, audit, error_said, how_to_become, worded
from handlers.common import (
    NEW_MESSAGES,
    REPLIES_TO_BOT,
    ButtonHandler,
    add_commands,
    command_args,
)
from handlers.context import BriefContext, Services
from handlers.format import admin_documents as fmt
from handlers.i18n import tr
from handlers.i18n.errors import error_text, not_found_detail
from handlers.pending_uploads import PendingUploads, pasted_texts
from handlers.progress import EDIT_INTERVAL, ProgressMessage, edit_html
from handlers.upload_journal import UploadJournal

logger = logging.getLogger(__name__)

T = TypeVar("T")


def pending_uploads(svc: Services) -> PendingUploads:
    return PendingUploads(svc.settings.data_dir)


# -- shared ------------------------------------------------------------------------------------
async def _indexing(context: BriefContext, fn: Callable[..., T], /, *args, **kw) -> T:
    """``fn(*args, **kw)`` on the indexing thread (never the core thread or the loop)."""
    executor = context.services.indexing
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(executor, functools.partial(fn, *args, **kw))


async def _journal_begin(svc: Services, action: str, name: str, data: bytes, update: Update) -> str:
    """Write the upload down before it is indexed (:mod:`handlers.upload_journal`)."""
    user_id, chat_id = _ids(update)
    journal = UploadJournal(svc.settings.data_dir)
    return await asyncio.to_thread(
        journal.begin, action, name, data, user_id=user_id or 0, chat_id=chat_id
    )


async def _journal_end(svc: Services, token: str) -> None:
    """The upload is audited: drop its journal entry."""
    await asyncio.to_thread(UploadJournal(svc.settings.data_dir).end, token)


def _ids(update: Update) -> tuple[int | None, int | None]:
    user, chat = update.effective_user, update.effective_chat
    return (user.id if user else None), (chat.id if chat else None)


# -- uploads -----------------------------------------------------------------------------------
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
    await _journal_end(svc, journal)
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


async def _audit_refused(
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
        await _audit_refused(update, context, name, document.file_size, exc.code)
        await message.reply_html(fmt.refused(error_text(exc, lang)))
        return
    if document.file_size is not None and document.file_size > limit:
        await _audit_refused(update, context, name, document.file_size, "size")
        await message.reply_html(fmt.too_large(name, document.file_size, limit, lang))
        return
    if document.file_size == 0:  # Telegram's size says it: nothing to download
        await _audit_refused(update, context, name, 0, "empty")
        await message.reply_html(fmt.empty_file(name, lang))
        return
    status = await message.reply_html(fmt.upload_received(name, document.file_size, lang))
    try:
        file = await context.bot.get_file(document.file_id)
        if file.file_size is not None and file.file_size > limit:
            await _audit_refused(update, context, name, file.file_size, "size")
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
    await _add(update, context, status, name, data, action="upload", lang=lang)


async def _add(
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
    user_id, chat_id = _ids(update)
    journal = await _journal_begin(svc, action, name, data, update)
    try:
        result, token = await _indexing(
            context, _upload_job, svc, name, data, chat_id=chat_id, user_id=user_id
        )
    except Exception:
        logger.exception("upload %r: indexing failed", name)
        await audit(
            update, context, action, detail=worded("indexing_failed", name=name), result="error"
        )
        await _journal_end(svc, journal)
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


def _button_arg(_update: Update, context: BriefContext) -> str:
    """The token or document id a button carries."""
    return context.match.group(2)


@admin_only(
    _upload_action, refusal=lambda lang: tr(lang, "uploads.admins_only"), detail=_button_arg
)
async def upload_button(update: Update, context: BriefContext) -> None:
    """Replace / Cancel under "a different version of X is already in the library"; Replace
    the older one / Keep both / Cancel under "the same report is in the library"."""
    query = update.callback_query
    mode, token = context.match.group(1), context.match.group(2)
    svc = context.services
    lang = svc.lang(update)
    _user_id, chat_id = _ids(update)
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
    journal = await _journal_begin(svc, action, entry.filename, data, update)
    try:
        result = await _indexing(
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
        await _journal_end(svc, journal)
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


# -- a pasted text -----------------------------------------------------------------------------
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
        await _audit_refused(update, context, name, len(data), "size")
        await reply_to.reply_html(fmt.too_large(name, len(data), limit, lang))
        return
    status = await reply_to.reply_html(fmt.upload_received(name, len(data), lang))
    await _add(update, context, status, name, data, action="upload pasted", lang=lang)


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
    _user_id, chat_id = _ids(update)
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


# -- /remove -----------------------------------------------------------------------------------
def _args(update: Update, _context: BriefContext) -> str:
    return command_args(update.effective_message)


@admin_only("remove", refusal=lambda lang: tr(lang, "uploads.admins_only"), detail=_args)
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


@admin_only(
    _remove_action, refusal=lambda lang: tr(lang, "uploads.admins_only"), detail=_button_arg
)
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
        gone = await _indexing(context, svc.engine.remove_document, doc_id, reopen=False)
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


# -- /reindex ----------------------------------------------------------------------------------
@admin_only(
    "reindex",
    refusal=lambda lang: tr(lang, "uploads.admins_only"),
    detail=lambda _update, _context: "",
)
async def reindex_command(update: Update, context: BriefContext) -> None:
    """/reindex: rebuild the whole index, showing progress in one edited message."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    status = await message.reply_text(tr(lang, "uploads.reindex_queued"))
    render = functools.partial(fmt.reindex_progress, lang=lang)
    progress = ProgressMessage(status, render, interval=EDIT_INTERVAL)
    loop = asyncio.get_running_loop()

    def on_progress(done: int, total: int, relpath: str) -> None:  # on the indexing thread
        loop.call_soon_threadsafe(progress.note, done, total, relpath)

    started = time.perf_counter()
    try:
        update_ = await _indexing(
            context, svc.engine.prepare_refresh, rebuild=True, progress=on_progress
        )
    except Exception:
        logger.exception("/reindex failed")
        await audit(update, context, "reindex", result="error")
        await progress.finish(fmt.escape(tr(lang, "uploads.reindex_failed")))
        return
    await svc.run(svc.engine.reopen, update_)
    infos = await svc.run(svc.engine.documents)
    seconds = time.perf_counter() - started
    await audit(
        update,
        context,
        "reindex",
        detail=worded(
            "reindexed",
            documents=len(infos),
            passages=sum(i.passages for i in infos),
            skipped=len(update_.report.skipped),
            seconds=f"{seconds:.2f}",
        ),
    )
    await progress.finish(fmt.reindex_done(update_.report, infos, seconds, lang))


class _CaptionMentionsBot(filters.MessageFilter):
    __slots__ = ()

    def filter(self, message: Message) -> bool:
        username = (message.get_bot().username or "").lower()
        mentions = message.parse_caption_entities([MessageEntity.MENTION]).values()
        return bool(username) and any(m[1:].lower() == username for m in mentions)


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


def register(application: Application) -> None:
    add_commands(
        application,
        {"add": add_command, "remove": remove_command, "reindex": reindex_command},
    )
    sent = NEW_MESSAGES & filters.Document.ALL & filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(sent, document_message))
    addressed = REPLIES_TO_BOT | _CaptionMentionsBot(name="CAPTION_MENTIONS_BOT")
    in_group = NEW_MESSAGES & filters.Document.ALL & filters.ChatType.GROUPS & addressed
    application.add_handler(MessageHandler(in_group, group_document))
    application.add_handler(ButtonHandler(upload_button, pattern=fmt.UPLOAD_PATTERN))
    application.add_handler(ButtonHandler(remove_button, pattern=fmt.REMOVE_PATTERN))
    application.add_handler(ButtonHandler(pasted_button, pattern=fmt.PASTED_PATTERN))
