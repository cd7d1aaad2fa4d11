"""The bot's own membership changes: removed from a chat, blocked or no longer allowed to
post (its subscriptions stop and the admins are told), added to a group or a channel (a
greeting, a word to whoever added it), and a group migrated to a supergroup (its
subscriptions, language and place move to the new id)."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace

from telegram import ChatMemberUpdated, Update, User
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import Application, ChatMemberHandler, MessageHandler, filters

from bot.i18n import counted
from bot.subscriptions import reasons
from bot.text.echo import one_line
from handlers.context import BriefContext
from handlers.i18n import Message, tr

log = logging.getLogger(__name__)


async def my_chat_member(update: Update, context: BriefContext) -> None:
    """Removed from a chat, blocked, or no longer allowed to post: deactivate at once."""
    change = update.my_chat_member
    chat, new = change.chat, change.new_chat_member
    who = change.from_user.id if change.from_user else "unknown"
    title = chat.title or chat.full_name or str(chat.id)
    said = {"title": title, "chat_id": chat.id, "by": _person(change.from_user)}
    # the reason kept with the subscriptions and logged; the admins are told from the
    # catalogue, in their language
    if new.status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED):
        reason = f"{reasons.REMOVED} ({new.status}) by user {who}"
        # a group's come back by themselves when the bot is added back (chat_returned)
        if chat.type in (ChatType.GROUP, ChatType.SUPERGROUP):
            notice = Message("alerts.chat_removed_group", said)
        else:
            notice = Message("alerts.chat_removed_left", said)
    elif chat.type == ChatType.CHANNEL and not (
        new.status == ChatMemberStatus.ADMINISTRATOR and getattr(new, "can_post_messages", False)
    ):
        reason = f"{reasons.NO_POST} (changed by user {who})"
        notice = Message("alerts.chat_removed_no_post", said)
        if _joined(change):
            await _tell_channel_adder(update, context, can_post=False)
    elif new.status == ChatMemberStatus.RESTRICTED and not getattr(new, "can_send_messages", True):
        reason = f"{reasons.RESTRICTED} (restricted by user {who})"
        notice = Message("alerts.chat_removed_restricted", said)
    else:
        if _joined_group(change):
            svc = context.services
            back = await svc.run_db(svc.subscriptions.chat_returned, chat.id)
            await _greet_group(update, context, [sub.id for sub in back])
            if back:  # the admins were told they stopped: now that they run again
                await svc.notify_admins(Message("alerts.chat_back", {**said, "count": len(back)}))
        elif chat.type == ChatType.CHANNEL and _joined(change):
            await _tell_channel_adder(update, context, can_post=True)
        return
    svc = context.services
    count = await svc.run_db(svc.subscriptions.chat_removed, chat.id, reason)
    if count:
        log.info("chat %s: %s; %s deactivated", chat.id, reason, counted(count, "subscription"))
        await svc.notify_admins(replace(notice, params={**said, "count": count}))


def _person(user: User | None) -> Message:
    """Who changed the bot's membership, as the admins know them: their Telegram name and
    @username beside the id (an id alone named nobody an operator could recognise, e.g.
    "用户 1001" for @zhang_ops, user-trial15); the id stays, a name is not unique."""
    if user is None:
        return Message("alerts.person_unknown")
    name = one_line(user.full_name or "")[:64] or str(user.id)
    if user.username:
        return Message(
            "alerts.person_username", {"name": name, "username": user.username, "id": user.id}
        )
    return Message("alerts.person", {"name": name, "id": user.id})


def _joined_group(change: ChatMemberUpdated) -> bool:
    """The bot was just added to a group (not promoted in one it was in)."""
    gone = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
    present = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR)
    return (
        change.chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)
        and change.old_chat_member.status in gone
        and change.new_chat_member.status in present
    )


def _joined(change: ChatMemberUpdated) -> bool:
    """The bot was just added to the chat (not promoted in one it was in)."""
    gone = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
    return change.old_chat_member.status in gone and change.new_chat_member.status not in gone


async def _tell_channel_adder(update: Update, context: BriefContext, *, can_post: bool) -> None:
    """Tell the person who added the bot to a channel, in their private chat, how its
    digests are set up there: a channel shows the bot nothing to answer, and its admin was
    left guessing that /subscribe @channel in the private chat is the way (or that the bot
    still lacks the right to post)."""
    change = update.my_chat_member
    adder = change.from_user
    if adder is None or adder.is_bot:
        return
    chat = change.chat
    svc = context.services
    lang = svc.lang(update)
    ref = f"@{chat.username}" if chat.username else str(chat.id)
    title = chat.title or ref
    if not can_post:
        said = tr(lang, "channel_join.cannot_post", title=title)
    else:
        admin = await svc.run_db(svc.admins.is_admin, adder.id)
        if admin:
            said = tr(lang, "channel_join.added", title=title, channel=ref)
        else:
            said = tr(lang, "channel_join.added_not_admin", title=title, channel=ref)
    with contextlib.suppress(TelegramError):  # never started the bot: nothing to tell
        await context.bot.send_message(adder.id, said)


async def _greet_group(update: Update, context: BriefContext, restarted: list[int]) -> None:
    """Say, once, in a group the bot was added to how the group uses it: it joined in
    silence, and the members did not know that a plain message is not searched there.
    Added back after a removal, it says which of the group's digests run again
    (``restarted``), so that one nobody wants any more is cancelled."""
    lang = context.services.lang(update)
    # With Telegram's privacy mode on, a plain member bot is not sent a group's messages
    # that mention it: the greeting offered "@bot 关键词" and the mention went unanswered.
    try:
        reads_all = context.bot.can_read_all_group_messages
    except RuntimeError:  # not initialised (get_me not called): say the commands only
        reads_all = False
    admin = update.my_chat_member.new_chat_member.status == ChatMemberStatus.ADMINISTRATOR
    bot = context.bot.username or ""
    if reads_all or admin:
        said = tr(lang, "group_join.greeting", bot=bot)
    else:
        said = tr(lang, "group_join.greeting_commands", bot=bot)
    if restarted:
        listed = tr(lang, "common.list_sep").join(f"#{i}" for i in restarted)
        said += "\n\n" + tr(lang, "group_join.restarted", ids=listed, first=restarted[0])
    with contextlib.suppress(TelegramError):  # no right to write: nothing to greet with
        await context.bot.send_message(update.effective_chat.id, said)


async def chat_migrated(update: Update, context: BriefContext) -> None:
    """A group became a supergroup: its subscriptions, its language choice and its place
    (``/region``) move to the new chat id."""
    message = update.effective_message
    svc = context.services
    if message.migrate_to_chat_id:
        old, new = message.chat.id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old, new = message.migrate_from_chat_id, message.chat.id
    else:
        return
    # the language first: the subscriptions' new id finds it from the moment they move
    await svc.run_db(svc.languages.chat_migrated, old, new)
    if svc.home_regions is not None:
        await svc.run_db(svc.home_regions.move_chat, old, new)
    await svc.run_db(svc.subscriptions.chat_migrated, old, new)


def register(application: Application) -> None:
    application.add_handler(ChatMemberHandler(my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, chat_migrated))
