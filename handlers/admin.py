"""The bot admins' commands: /admin, /config, /audit, /subs, /broadcast_digest, /status.

Every command is :func:`~handlers.audit.admin_only`: the sender's numeric Telegram user
id (``update.effective_user.id``, never a username, never the chat) is checked before
anything else. A non-admin gets one refusal (in their language), nothing changes, and
the attempt is recorded in the audit log as ``refused``. Only owners (the configured
``BRIEFBOT_OWNERS``) add and remove admins; any admin may list them.

Every admin action (success, refusal, error) is recorded in the audit log
(:func:`~handlers.audit.audit`) with who, where and what; details never carry secrets
(the bot token and the webhook secret are passed to the log's redaction, and
chat-typed values of settings that cannot be set from the chat are not recorded at all).

``@username`` arguments are resolved through the people the bot has seen: a
``TypeHandler`` (:func:`remember_sender`, group -2) notes the username and id of every
update's sender in memory, and refreshes a stored admin's username in the database
when it changes. Replying to someone's message with ``/admin add`` uses the replied
message's sender instead.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    MessageHandler,
    TypeHandler,
    filters,
)

import bot
from bot.admin import AdminError, SettingError, describe, redact
from bot.admin.runtime import RUNTIME_KEYS, normalise_key
from bot.admin.store import actor_name
from bot.library import Engine
from bot.subscriptions.service import Listed, SubscriptionError
from bot.text.echo import cut, one_line
from handlers.audit import admin_only, audit, error_said, owner_names, said, secrets, worded
from handlers.common import NEW_MESSAGES, add_commands, command_args, reply_html
from handlers.context import BriefContext, Services
from handlers.format import admin as fmt
from handlers.format import split_html
from handlers.i18n import tr
from handlers.i18n.errors import error_text
from handlers.seen import SeenUsers

log = logging.getLogger(__name__)

# What the audit log keeps of a refused command's verb (its action) and of a setting's
# key or value typed (its detail), on one line, ``…`` last when cut
ACTION_CHARS = 40
SETTING_CHARS = 60

BROADCAST_DIGEST_PATTERN = r"^/broadcast-digest(?:@(\w+))?(?:\s|$)"
"""The issue's spelling; Telegram command names cannot contain '-'."""

_USER_ID = re.compile(r"^\d{1,15}$")
_SUB_ID = re.compile(r"^#?(\d{1,9})$")
# A Telegram username starts with a letter (123abc is a mistyped id, not a name)
_USERNAME = re.compile(r"^@?[A-Za-z][A-Za-z0-9_]{0,63}$")

if TYPE_CHECKING:
    from handlers.seen import SeenUsers


async def remember_sender(update: object, context: BriefContext) -> None:
    """TypeHandler (group -2): note who sent the update, for ``@username`` arguments."""
    if not isinstance(update, Update):
        return
    user = update.effective_user
    if user is None or user.is_bot:
        return
    pending = context.services.menu_pending
    if user.id in pending:  # an admin whose menu Telegram refused before he wrote: now
        pending.discard(user.id)
        if await context.services.check_admin(user.id):  # not removed meanwhile
            await context.services.set_admin_menu(user.id, True)
    if not context.services.seen.see(user.id, user.username, user.first_name):
        return
    # A stored admin whose username changed: keep @name resolving to the right person;
    # the admins this person added name them as they are now.
    with contextlib.suppress(AdminError, TypeError):
        await context.services.run_db(
            context.services.admins.remember_user, user.id, user.username, user.full_name
        )


# -- shared --------------------------------------------------------------------------------------
def _words(update: Update, default: str, maxsplit: int = -1) -> tuple[list[str], str]:
    """The command's arguments and its verb (the first, lower-cased; ``default`` if none)."""
    words = command_args(update.effective_message).split(maxsplit=maxsplit)
    return words, words[0].lower() if words else default


def _verb(command: str, default: str) -> Callable[[Update, BriefContext], str]:
    """The audit's name of a refused ``/command verb …``: ``"command verb"``."""

    def action(update: Update, _context: BriefContext) -> str:
        return cut(f"{command} {_words(update, default)[1]}", ACTION_CHARS)

    return action


def _private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE


async def _private_only(update: Update, context: BriefContext, action: str, command: str) -> None:
    """Refuse, in a group, a command whose answer lists other chats (their ids, names,
    users): the admin is pointed to the private chat, and the audit log says why."""
    await audit(update, context, action, result="error", detail=worded("private_only"))
    lang = context.services.lang(update)
    await update.effective_message.reply_text(tr(lang, "admin.private_only", command=command))


def _tz(svc: Services) -> str:
    return svc.settings.default_timezone


# -- /admin ------------------------------------------------------------------------------------
async def _resolve(
    message: Message, words: list[str], svc: Services, seen: SeenUsers, lang: str
) -> tuple[int, str | None] | str:
    """The (user id, username) an /admin add|remove names; an error text (HTML) if none."""
    if words:
        ref = words[0]
        if ref.lstrip("-").isdigit():
            if not _USER_ID.match(ref.lstrip("-")):
                return fmt.bad_user_ref(ref, lang)
            user_id = int(ref)  # negative: the store explains that chats are not users
            return user_id, seen.username(user_id) if user_id > 0 else None
        if _USERNAME.match(ref):
            hit = seen.find(ref)
            if hit is not None:
                return hit
            stored = await svc.run_db(svc.admins.find_by_username, ref)
            if stored is not None:
                return stored.user_id, stored.username
            return fmt.unknown_username(ref, lang)
        return fmt.bad_user_ref(ref, lang)
    replied = message.reply_to_message
    # In forum topics every message "replies" to the topic's creation message.
    if replied is not None and replied.forum_topic_created is None and replied.from_user:
        if replied.from_user.is_bot:
            return fmt.bots_cannot_be_admins(lang)
        return replied.from_user.id, replied.from_user.username
    return fmt.escape(fmt.usage("admin", lang))


async def _look_up(
    context: BriefContext, user_id: int, username: str | None
) -> tuple[bool, str | None]:
    """Whether Telegram does not know ``user_id`` as someone who talked to the bot, and his
    username if it does. An id added as admin is taken as typed (access is by id), but an
    operator adding a mistyped id, or someone who never wrote to the bot, was told only
    "✅ 已添加管理员 1003": the bot cannot write to him first, nor show him his admin menu,
    and nothing said that the id may name nobody. getChat answers for a user only once
    he has started the bot."""
    stored = await context.services.run_db(context.services.admins.get, user_id)
    if stored is not None:
        return False, username or stored.username
    try:
        chat = await context.bot.get_chat(user_id)
    except BadRequest:  # "chat not found": nobody the bot has talked with
        return True, username
    except TelegramError as exc:  # no answer (network, timeout): nothing to say either way
        log.info("admin add: could not look user %s up: %s", user_id, exc.message)
        return False, username
    if chat.type != ChatType.PRIVATE:
        return True, username
    return False, username or chat.username


def _owners_only(owners: Sequence[int], seen: SeenUsers, lang: str) -> str:
    """The refusal of ``/admin add|remove`` to an admin who is not an owner, with the
    owners to ask by the username they were last seen with (still theirs): an admin who
    is no operator does not know what BRIEFBOT_OWNERS is nor whom it names."""
    names = owner_names(owners, seen)
    refusal = tr(lang, "admin.owners_only")
    return (
        refusal + "\n" + tr(lang, "admin_owner.ask", owners=" ".join(names)) if names else refusal
    )


def _become_admin(update: Update, context: BriefContext, lang: str) -> str:
    """Said instead of ``/admin``'s refusal to a non-admin: who adds admins and what to ask
    them to send, when how to become one was asked in words (怎么成为管理员, 我想当管理员:
    read as ``/admin who``). He asked who the admins are, and how to become one, and was told
    only that the command is for admins."""
    if [w.lower() for w in (context.args or ())][:1] != ["who"]:
        return ""
    user = update.effective_user
    message = update.effective_message
    if message is not None and message.sender_chat is not None:  # as how_to_become
        return tr(lang, "admin_owner.how_anonymous")
    if not context.services.admins.owners:  # as handlers.audit.how_to_become
        return tr(lang, "admin_owner.become_no_owner", id=user.id if user else "")
    me = f"@{user.username}" if user and user.username else str(user.id if user else "")
    names = owner_names(context.services.admins.owners, context.services.seen)
    if names:
        return tr(lang, "admin_owner.become", owners=" ".join(names), me=me)
    return tr(lang, "admin_owner.become_unnamed", me=me)


@admin_only(
    _verb("admin", "help"), refusal=lambda lang: tr(lang, "admin.refused"), then=_become_admin
)
async def admin_command(update: Update, context: BriefContext) -> None:
    """/admin list | add <id|@username|reply> | remove <…> | help"""
    message, svc = update.effective_message, context.services
    words, verb = _words(update, "help")
    lang = svc.lang(update)
    if verb in ("help", "?", "帮助"):
        # the help has /admin list|add|remove in it: the usage after it said them twice
        await message.reply_html(fmt.admin_help_html(lang))
        return
    if verb in ("list", "ls", "who"):
        seen = context.services.seen  # owners have no stored username: show the one last seen
        admins = [
            replace(a, username=a.username or seen.username(a.user_id))
            for a in await svc.run_db(svc.admins.list)
        ]
        await audit(update, context, "admin list")
        await reply_html(message, split_html(fmt.admins_list(admins, _tz(svc), lang)))
        return
    if verb not in ("add", "remove", "rm", "del", "delete"):
        await audit(update, context, "admin", result="error", detail=said(message))
        await message.reply_text(fmt.usage("admin", lang))
        return
    action = "admin add" if verb == "add" else "admin remove"
    if not svc.admins.is_owner(update.effective_user.id):
        await audit(
            update,
            context,
            action,
            result="refused",
            detail=worded("not_an_owner", said=said(message)),
        )
        await message.reply_text(_owners_only(svc.admins.owners, context.services.seen, lang))
        return
    found = await _resolve(message, words[1:], svc, context.services.seen, lang)
    if isinstance(found, str):
        await audit(update, context, action, result="error", detail=said(message))
        await message.reply_html(found)
        return
    user_id, username = found
    unseen = False
    if action == "admin add" and user_id > 0 and not context.services.seen.knows(user_id):
        unseen, username = await _look_up(context, user_id, username)
    label = f"@{username} ({user_id})" if username else str(user_id)
    try:
        if action == "admin add":
            before = await svc.run_db(svc.admins.get, user_id) if user_id > 0 else None
            adder = update.effective_user
            admin = await svc.run_db(
                svc.admins.add,
                user_id,
                username=username,
                added_by=adder.id,
                added_by_name=actor_name(adder.full_name, adder.username),
            )
            already = before is not None
            done = worded("already_admin", who=label) if already else label
            await audit(update, context, action, detail=done)
            if not already and not await context.services.set_admin_menu(user_id, True):
                context.services.menu_pending.add(user_id)  # once he writes (remember_sender)
            reply = fmt.admin_added(admin, already=already, lang=lang)
            if unseen and not already and not admin.is_owner:
                reply += "\n" + tr(lang, "admin.added_unseen", id=user_id)
            await message.reply_html(reply)
            if not (already or unseen or admin.is_owner):
                await _tell_admin(context, user_id, adder, added=True)
            return
        removed = await svc.run_db(svc.admins.remove, user_id)
    except AdminError as exc:
        await audit(
            update,
            context,
            action,
            result="error",
            detail=worded("failed", subject=label, error=error_said(exc)),
        )
        await message.reply_text(error_text(exc, lang))
        return
    if not removed:
        await audit(
            update, context, action, result="error", detail=worded("not_an_admin", who=label)
        )
        await message.reply_html(fmt.not_an_admin(label, lang))
        return
    await audit(update, context, action, detail=label)
    context.services.menu_pending.discard(user_id)
    await context.services.set_admin_menu(user_id, False)
    await message.reply_html(fmt.admin_removed(label, lang))
    await _tell_admin(context, user_id, update.effective_user, added=False)


async def _tell_admin(context: BriefContext, user_id: int, by: object, *, added: bool) -> None:
    """Tell ``user_id`` in their private chat that they were made an admin (and how to see
    the commands) or are one no more: a colleague made admin learnt it from nobody, his
    menu changed without a word (admin-trial19). Said in his language; nothing if the bot
    cannot write to him (never started, blocked)."""
    if user_id <= 0 or not context.services.seen.knows(user_id):
        return  # never wrote to the bot: Telegram refuses a first message from it
    name = actor_name(getattr(by, "full_name", ""), getattr(by, "username", None))
    name = name or str(getattr(by, "id", ""))
    lang = context.services.languages.for_chat(user_id)
    with contextlib.suppress(TelegramError):
        if added:
            said = tr(lang, "admin.you_were_added", by=name)
        else:
            said = tr(lang, "admin.you_were_removed", by=name)
        await context.bot.send_message(user_id, said)


# -- /audit ------------------------------------------------------------------------------------
@admin_only("audit", refusal=lambda lang: tr(lang, "admin.refused"))
async def audit_command(update: Update, context: BriefContext) -> None:
    """/audit [n]: the latest n entries (default 20, at most 100), newest first."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    arg = command_args(message)
    if not _private(update):  # who did what, in every chat: not for a group's members
        await _private_only(update, context, "audit", "/audit")
        return
    if not arg:
        n = fmt.AUDIT_DEFAULT
    elif arg.isdecimal() and len(arg) <= 6 and int(arg) > 0:  # not isdigit: int("²") fails
        n = min(fmt.AUDIT_MAX, int(arg))
    else:
        await audit(update, context, "audit", result="error", detail=said(message))
        await message.reply_text(fmt.usage("audit", lang))
        return
    entries = await svc.run_db(svc.audit.latest, n)
    # Entries are redacted when written; again when shown (rows from older versions).
    hidden = secrets(context)
    entries = [
        replace(e, action=redact(e.action, hidden), detail=redact(e.detail, hidden))
        for e in entries
    ]
    await audit(update, context, "audit", detail=worded("audit_read", count=n))
    names = await _people_names(svc, {e.actor_id for e in entries})
    await reply_html(message, split_html(fmt.audit_list(entries, _tz(svc), lang, names)))


async def _people_names(svc: Services, ids: set[int]) -> dict[int, str]:
    """The people of ``ids`` by name: as the bot saw them since start (@username, else
    first name), else as the admins' store keeps them (an admin's username, an adder's
    name): a log read after a restart still names its admins."""
    names = {i: name for i in ids if (name := svc.seen.name(i))}
    if ids - names.keys():
        for admin in await svc.run_db(svc.admins.list):
            if admin.user_id in ids and admin.user_id not in names and admin.username:
                names[admin.user_id] = f"@{admin.username}"
            if admin.added_by in ids and admin.added_by not in names and admin.added_by_name:
                names[admin.added_by] = admin.added_by_name
    return names


# -- /config -----------------------------------------------------------------------------------
def _view(svc: Services, context: BriefContext, key: str):
    return next(v for v in describe(svc.live, secrets=secrets(context)) if v.key == key)


def _setting_detail(key: str, value: str | None = None) -> str:
    """What the audit keeps of a /config request: the value only for runtime keys."""
    name = normalise_key(key)
    if value is None or name not in RUNTIME_KEYS:
        return cut(one_line(name), SETTING_CHARS)
    return f"{name} = {cut(one_line(value), SETTING_CHARS)}"


@admin_only(_verb("config", "show"), refusal=lambda lang: tr(lang, "admin.refused"))
async def config_command(update: Update, context: BriefContext) -> None:
    """/config | /config set KEY VALUE | /config reset KEY"""
    message, svc = update.effective_message, context.services
    words, verb = _words(update, "show", maxsplit=2)
    lang = svc.lang(update)
    actor = update.effective_user.id
    if verb == "show":
        full = _private(update)
        views = describe(svc.live, secrets=secrets(context))
        await audit(
            update,
            context,
            "config show",
            detail=worded("config_all" if full else "config_runtime_only"),
        )
        await reply_html(
            message, split_html(fmt.config_html(views, _tz(svc), full=full, lang=lang))
        )
        return
    if verb == "set" and len(words) == 3:
        key, raw = words[1], words[2]
        try:
            name = normalise_key(key)
            before = _view(svc, context, name) if name in RUNTIME_KEYS else None
            await svc.run_db(svc.live.set, key, raw, actor)
        except SettingError as exc:
            await audit(
                update, context, "config set", result="error", detail=_setting_detail(key, raw)
            )
            await message.reply_html(fmt.setting_error(error_text(exc, lang)))
            return
        view = _view(svc, context, name)
        old = before.value if before is not None else ""
        was = fmt.value_said(before) if before is not None else None
        detail = worded("config_set", name=name, old=was, new=fmt.value_said(view))
        await audit(update, context, "config set", detail=detail)
        await message.reply_html(fmt.config_set(view, old, lang))
        return
    if verb in ("reset", "unset") and len(words) == 2:
        key = words[1]
        try:
            removed = await svc.run_db(svc.live.reset, key, actor)
        except SettingError as exc:
            await audit(
                update, context, "config reset", result="error", detail=_setting_detail(key)
            )
            await message.reply_html(fmt.setting_error(error_text(exc, lang)))
            return
        name = normalise_key(key)
        view = _view(svc, context, name)
        detail = (
            worded(
                "config_back", name=name, value=fmt.value_said(view), source=fmt.source_said(view)
            )
            if removed
            else worded("config_no_override", name=name)
        )
        await audit(update, context, "config reset", detail=detail)
        await message.reply_html(
            fmt.config_reset(view, removed=removed, tz=_tz(svc), lang=lang, origin=_private(update))
        )
        return
    if verb not in ("help", "?", "帮助"):
        await audit(update, context, "config", result="error", detail=cut(verb, ACTION_CHARS))
    await message.reply_text(fmt.usage("config", lang))


# -- /subs -------------------------------------------------------------------------------------
@admin_only(_verb("subs", "list"), refusal=lambda lang: tr(lang, "admin.refused"))
async def subs_command(update: Update, context: BriefContext) -> None:
    """/subs | /subs pause|resume|remove ID"""
    message, svc = update.effective_message, context.services
    words, verb = _words(update, "list")
    lang = svc.lang(update)
    subs = svc.subscriptions
    if verb in ("list", "ls") and len(words) <= 1:
        if not _private(update):  # every chat's subscriptions: not for a group's members
            await _private_only(update, context, "subs list", "/subs")
            return
        items = await svc.run_db(subs.list_all)
        await audit(update, context, "subs list", detail=worded("subscriptions", count=len(items)))
        await reply_html(message, split_html(fmt.subs_all(items, lang)))
        return
    match = _SUB_ID.match(words[1]) if len(words) == 2 else None
    if verb not in ("pause", "resume", "remove") or match is None:
        if verb not in ("help", "?", "帮助"):
            await audit(update, context, "subs", result="error", detail=said(message))
        await message.reply_text(fmt.usage("subs", lang))
        return
    sub_id = int(match.group(1))
    action = f"subs {verb}"
    try:
        sub = await svc.run_db(getattr(subs, verb), sub_id)
    except SubscriptionError as exc:
        await audit(
            update,
            context,
            action,
            result="error",
            detail=worded("failed", subject=f"#{sub_id}", error=error_said(exc)),
        )
        await message.reply_text(error_text(exc, lang))
        return
    next_run = context.services.scheduler.next_run(sub.id) if sub.due else None
    await audit(update, context, action, detail=worded("subscription", id=sub.id, chat=sub.chat_id))
    await message.reply_html(fmt.sub_changed(verb, Listed(sub, next_run), lang))


# -- /broadcast_digest -------------------------------------------------------------------------
async def broadcast_command(update: Update, context: BriefContext) -> None:
    """/broadcast_digest (also written /broadcast-digest): queue every due digest now."""
    message = update.effective_message
    match = re.match(BROADCAST_DIGEST_PATTERN, message.text or "")
    if match and match.group(1) and match.group(1).lower() != (context.bot.username or "").lower():
        return  # /broadcast-digest@another_bot
    await _broadcast(update, context)


@admin_only("broadcast digest", refusal=lambda lang: tr(lang, "admin.refused"))
async def _broadcast(update: Update, context: BriefContext) -> None:
    """Recorded as a slot (``bot.subscriptions.broadcasts``): it resumes after a restart,
    and the summary comes from the scheduler once every digest is final
    (``handlers.app``), also after a restart."""
    message = update.effective_message
    lang = context.services.lang(update)

    async def announce(count: int) -> None:
        await audit(
            update, context, "broadcast digest", detail=worded("broadcast_queued", count=count)
        )
        await message.reply_text(fmt.broadcast_queued(count, lang))

    await context.services.scheduler.broadcast(
        chat_id=message.chat_id,
        reply_to=message.message_id,
        language=lang,
        requested_by=update.effective_user.id if update.effective_user else None,
        announce=announce,
    )


# -- /status -----------------------------------------------------------------------------------
def _engine_counts(engine: Engine, cache: dict) -> tuple[int, int, int]:
    """On the core thread: documents, passages and targets (targets counted once per corpus)."""
    docs = engine.documents()
    key = tuple((d.doc_id, d.sha256) for d in docs)
    if cache.get("key") != key:
        cache["targets"] = sum(1 for _ in engine.iter_targets(docs=docs))
        cache["key"] = key
    return len(docs), sum(d.passages for d in docs), cache["targets"]


def _status_rows(svc: Services) -> tuple[list[Listed], list, list, int]:
    """On the storage thread: every subscription, the admins, the last delivery failures,
    the messages found in flight after a crash."""
    subs = svc.subscriptions
    store = subs.store
    return subs.list_all(), svc.admins.list(), store.recent_failures(5), store.uncertain_count()


def _sources(svc: Services) -> list:
    """On the storage thread: the live sources (/status lists those failing)."""
    return svc.sources.store.list()


@admin_only("status", refusal=lambda lang: tr(lang, "admin.refused"))
async def status_command(update: Update, context: BriefContext) -> None:
    """/status: uptime, version, corpus, subscriptions, next digests, last delivery errors."""
    message = update.effective_message
    svc = context.services
    documents, passages, targets = await svc.run(_engine_counts, svc.engine, svc.status_cache)
    scheduler = svc.scheduler
    listed, admins, failures, uncertain = await svc.run_db(_status_rows, svc)
    report = fmt.StatusReport(
        uptime_seconds=time.time() - svc.started_at,
        version=bot.__version__,
        documents=documents,
        passages=passages,
        targets=targets,
        subscriptions=fmt.status_counts([item.subscription for item in listed]),
        admins=len(admins),
        upcoming=scheduler.upcoming(5),
        failures=failures,
        timezone=_tz(svc),
        uncertain=uncertain,
        uncertain_policy=svc.settings.delivery_uncertain,
        sources=await svc.run_db(_sources, svc),
    )
    await audit(update, context, "status")
    await reply_html(message, split_html(fmt.status_html(report, svc.lang(update))))


def register(application: Application) -> None:
    application.add_handler(TypeHandler(Update, remember_sender), group=-2)
    add_commands(
        application,
        {
            "admin": admin_command,
            "config": config_command,
            "audit": audit_command,
            "subs": subs_command,
            "broadcast_digest": broadcast_command,
            "status": status_command,
        },
    )
    # The spelling: "/broadcast-digest" reaches the bot as the command /broadcast.
    broadcast = NEW_MESSAGES & filters.TEXT & filters.Regex(BROADCAST_DIGEST_PATTERN)
    application.add_handler(MessageHandler(broadcast, broadcast_command))
