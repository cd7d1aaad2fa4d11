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

One module per job: :mod:`.files` (a file sent), :mod:`.pasted` (/add and a pasted text's
button), :mod:`.remove` (/remove), :mod:`.shared` (the indexing thread, the journal);
/reindex and the registration are here (tests set this module's ``EDIT_INTERVAL``).
"""

from __future__ import annotations

import asyncio
import functools
import time

from telegram import Message, MessageEntity, Update
from telegram.ext import Application, MessageHandler, filters

from handlers.admin_documents.files import document_message, group_document, upload_button
from handlers.admin_documents.meta import meta_command
from handlers.admin_documents.pasted import add_command, pasted_button
from handlers.admin_documents.remove import remove_button, remove_command
from handlers.admin_documents.shared import logger, pending_uploads, run_indexing
from handlers.audit import admin_only, audit, worded
from handlers.common import NEW_MESSAGES, REPLIES_TO_BOT, ButtonHandler, add_commands
from handlers.context import BriefContext
from handlers.format import admin_documents as fmt
from handlers.i18n import tr
from handlers.progress import EDIT_INTERVAL, ProgressMessage

__all__ = [
    "add_command",
    "document_message",
    "group_document",
    "meta_command",
    "pasted_button",
    "pending_uploads",
    "register",
    "reindex_command",
    "remove_button",
    "remove_command",
    "upload_button",
]


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
        update_ = await run_indexing(
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


def register(application: Application) -> None:
    add_commands(
        application,
        {
            "add": add_command,
            "remove": remove_command,
            "reindex": reindex_command,
            "meta": meta_command,
        },
    )
    sent = NEW_MESSAGES & filters.Document.ALL & filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(sent, document_message))
    addressed = REPLIES_TO_BOT | _CaptionMentionsBot(name="CAPTION_MENTIONS_BOT")
    in_group = NEW_MESSAGES & filters.Document.ALL & filters.ChatType.GROUPS & addressed
    application.add_handler(MessageHandler(in_group, group_document))
    application.add_handler(ButtonHandler(upload_button, pattern=fmt.UPLOAD_PATTERN))
    application.add_handler(ButtonHandler(remove_button, pattern=fmt.REMOVE_PATTERN))
    application.add_handler(ButtonHandler(pasted_button, pattern=fmt.PASTED_PATTERN))
