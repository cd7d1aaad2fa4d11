"""What the document commands share: the indexing thread their changes run on, the
upload journal, the sender's ids and what a button carries."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from typing import TypeVar

from telegram import Update

from handlers.context import BriefContext, Services
from handlers.pending_uploads import PendingUploads
from handlers.upload_journal import UploadJournal

# One logger for the document commands, named for the package (as before its split)
logger = logging.getLogger("handlers.admin_documents")

T = TypeVar("T")


def pending_uploads(svc: Services) -> PendingUploads:
    return PendingUploads(svc.settings.data_dir)


async def run_indexing(context: BriefContext, fn: Callable[..., T], /, *args, **kw) -> T:
    """``fn(*args, **kw)`` on the indexing thread (never the core thread or the loop)."""
    executor = context.services.indexing
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(executor, functools.partial(fn, *args, **kw))


async def journal_begin(svc: Services, action: str, name: str, data: bytes, update: Update) -> str:
    """Write the upload down before it is indexed (:mod:`handlers.upload_journal`)."""
    user_id, chat_id = ids(update)
    journal = UploadJournal(svc.settings.data_dir)
    return await asyncio.to_thread(
        journal.begin, action, name, data, user_id=user_id or 0, chat_id=chat_id
    )


async def journal_end(svc: Services, token: str) -> None:
    """The upload is audited: drop its journal entry."""
    await asyncio.to_thread(UploadJournal(svc.settings.data_dir).end, token)


def ids(update: Update) -> tuple[int | None, int | None]:
    user, chat = update.effective_user, update.effective_chat
    return (user.id if user else None), (chat.id if chat else None)


def button_arg(_update: Update, context: BriefContext) -> str:
    """The token or document id a button carries."""
    return context.match.group(2)
