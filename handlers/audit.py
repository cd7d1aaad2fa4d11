"""Admin-only handlers and the audit log: :func:`admin_only` and :func:`audit`.

:func:`admin_only` wraps a handler that only bot admins may use. It checks the sender's
numeric Telegram user id (``update.effective_user.id``, never a username, never the
chat) before the handler runs; anyone else gets the handler's refusal (a reply, or an
alert for a button press), nothing else happens, and the attempt is recorded once in
the audit log as ``refused``. A refusal in a reply says how to become an admin: whom
to ask (the owners by the username they were last seen with) and what they send
(:func:`how_to_become`): "only admins can" left a member with no one to ask.

:func:`audit` records one admin action (who, where, what, result) on the storage
thread. Details never carry secrets: the bot token and the webhook secret are passed to
the log's redaction. A failure to write is logged; it never undoes or hides the action.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Sequence

from telegram import Message, Update

from bot import i18n
from bot.admin.audit import AuditResult
from bot.text.echo import cut, one_line
from handlers.context import BriefContext
from handlers.seen import SeenUsers

log = logging.getLogger(__name__)

SAID_MAX_CHARS = 200

Handler = Callable[[Update, BriefContext], Awaitable[None]]


def said(message: Message | None) -> str:
    """What the message said, on one line, cut at :data:`SAID_MAX_CHARS` (for the audit)."""
    text = (message.text or message.caption or "") if message else ""
    return cut(one_line(text), SAID_MAX_CHARS)


def worded(code: str, /, **params: object) -> i18n.Message:
    """An audit detail the bot words itself: the catalogue's ``audit.<code>`` with its
    parameters, stored as such and said in each reader's language by ``/audit``."""
    return i18n.Message(f"audit.{code}", params)


def error_said(exc: BaseException) -> i18n.Message | str:
    """An error inside an audit detail: a coded one as its catalogue message
    (``errors.<code>``, said in each reader's language, as the user was told), any
    other by its own message."""
    code = getattr(exc, "message_code", None) or getattr(exc, "code", None)
    if isinstance(code, str) and code and f"errors.{code}" in i18n.catalogue().keys("en"):
        return i18n.Message(f"errors.{code}", dict(getattr(exc, "params", None) or {}))
    return str(exc)


def secrets(context: BriefContext) -> list:
    """What the audit log and settings views must never show."""
    return [context.bot.token, context.services.settings.webhook_secret_token]


async def audit(
    update: Update,
    context: BriefContext,
    action: str,
    *,
    result: AuditResult = "ok",
    detail: str | i18n.Message = "",
) -> None:
    """Record ``action`` by the update's sender in its chat (nothing without a sender:
    a channel post or an anonymous group admin); ``detail`` free text (what was typed, a
    file name) or :func:`worded`."""
    user, chat = update.effective_user, update.effective_chat
    if user is None:
        return
    svc = context.services
    try:
        await svc.run_db(
            svc.audit.record,
            user.id,
            action,
            chat_id=chat.id if chat is not None else None,
            detail=detail,
            result=result,
            secrets=secrets(context),
        )
    except Exception:
        log.exception("could not write the audit entry for %s", action)


def owner_names(owners: Sequence[int], seen: SeenUsers) -> list[str]:
    """The owners by the username they were last seen with (still theirs)."""
    return [
        f"@{name}"
        for owner in owners
        if (name := seen.username(owner)) and (seen.find(name) or (None,))[0] == owner
    ]


def how_to_become(update: Update, context: BriefContext, lang: str) -> str:
    """How the sender of ``update`` becomes one of the bot's admins: the owners to ask (by
    username, else "the bot's owner") and the command they send for it."""
    user = update.effective_user
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        # posted as the group (or a channel): the sender is Telegram's one GroupAnonymousBot,
        # whom "/admin add @GroupAnonymousBot" would have made every anonymous admin of
        # every group a bot admin; the person must write as themselves
        return i18n.tr(lang, "admin_owner.how_anonymous")
    if not context.services.admins.owners:
        # no one to ask: whoever deployed the bot is told the id that makes them its owner
        # (they were told to ask "the person who deployed the bot": themselves)
        return i18n.tr(lang, "admin_owner.how_no_owner", id=user.id if user else "")
    me = f"@{user.username}" if user and user.username else str(user.id if user else "")
    names = owner_names(context.services.admins.owners, context.services.seen)
    if names:
        return i18n.tr(lang, "admin_owner.how", owners=" ".join(names), me=me)
    return i18n.tr(lang, "admin_owner.how_unnamed", me=me)


def _said_detail(update: Update, _context: BriefContext) -> str:
    return said(update.effective_message)


def admin_only(
    action: str | Callable[[Update, BriefContext], str],
    *,
    refusal: Callable[[str], str],
    detail: Callable[[Update, BriefContext], str | i18n.Message] = _said_detail,
    then: Callable[[Update, BriefContext, str], str] | None = None,
) -> Callable[[Handler], Handler]:
    """Run the handler for bot admins only; refuse, and audit the refusal, for anyone else.

    ``action`` is the audit log's name for the attempt (or a function of the update and
    context); ``refusal`` what the sender is told, given their language
    (``lambda lang: tr(lang, "admin.refused")``); ``then`` what is said instead, if
    anything (of the update, context and language: a question asked in words is answered,
    not refused as a command); ``detail`` what the entry keeps of the
    request (by default what the message said).
    """

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(update: Update, context: BriefContext) -> None:
            user = update.effective_user
            if user is not None and await context.services.check_admin(user.id):
                return await handler(update, context)
            name = action(update, context) if callable(action) else action
            log.info("refused %s for user %s", name, user.id if user else None)
            await audit(update, context, name, result="refused", detail=detail(update, context))
            lang = context.services.lang(update)
            text = refusal(lang)
            instead = then(update, context, lang) if then is not None else ""
            if instead and update.callback_query is None:
                text = instead
            elif update.callback_query is None:
                text = f"{text}\n{how_to_become(update, context, lang)}"
            if update.callback_query is not None:
                await update.callback_query.answer(text, show_alert=True)
            elif update.effective_message is not None:
                await update.effective_message.reply_text(text)
            return None

        return guarded

    return decorate
