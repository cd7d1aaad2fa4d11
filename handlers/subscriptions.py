"""/subscribe, /subscriptions (/next), /unsubscribe, /pause, /resume, /reschedule,
/digest and /timezone. The bot's own membership changes are :mod:`handlers.membership`'s."""

from __future__ import annotations

import re
from dataclasses import replace

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import (
    Application,
)

from bot.digest.english import said_place
from bot.digest.filters import FilterError
from bot.search.home_words import home_words
from bot.subscriptions.commands import channel_ref, subscription_ids, subscriptions_naming
from bot.subscriptions.compose import (
    beside_note,
    preview_messages,
    undocumented_places,
    unmatched,
    unmatched_note,
)
from bot.subscriptions.service import SubscriptionError
from bot.text.years import read_year
from handlers.channels import channel_target
from handlers.common import (
    add_commands,
    command_args,
    may_manage,
    reply_html,
)
from handlers.context import BriefContext
from handlers.format import subscriptions as fmt
from handlers.i18n import tr
from handlers.i18n.errors import error_text

_SUB_ID = re.compile(r"^#?(\d{1,9})$")


# -- commands ----------------------------------------------------------------------------------
async def subscribe_command(update: Update, context: BriefContext) -> None:
    """/subscribe [@channel] [filter] [time] [tz=…] [quiet]"""
    message, chat = update.effective_message, update.effective_chat
    svc = context.services
    lang = svc.lang(update)
    subs = svc.subscriptions
    text = command_args(message)  # help, --help …: handlers.common answers with the usage
    try:
        request = subs.parse(text)
    except SubscriptionError as exc:
        await message.reply_text(
            f"{error_text(exc, lang)}\n\n{tr(lang, 'subscriptions.help_hint')}"
        )
        return
    user_id = update.effective_user.id if update.effective_user else None
    if request.channel:
        channel = await channel_target(update, context, request.channel)
        if channel is None:
            return
        target_id, target_type, title = channel.id, "channel", channel.title
    else:
        if not await may_manage(context.bot, chat, message):
            await message.reply_text(tr(lang, "subscriptions.group_admins_only"))
            return
        target_id, target_type, title = chat.id, chat.type, chat.title or chat.full_name
        # typed in a forum topic (宏观): its digests go to that topic, not to General
        if message.is_topic_message and message.message_thread_id:
            opening = message.reply_to_message  # a message replying to nothing: the topic's
            made = opening.forum_topic_created if opening is not None else None
            name = made.name if made is not None else None
            request = replace(request, thread_id=message.message_thread_id, topic_name=name)
    home_said = ""
    if home_words(request.filter_text):
        # 我县 粮食: the chat's own place, written into the filter as region:苍溪县 (kept
        # if the place is changed later); without one, nothing is subscribed to a filter
        # wider than asked
        home = await svc.home_of(target_id)
        reading = await svc.run(svc.engine.read_home, request.filter_text, home, as_filter=True)
        if reading.unset:
            await message.reply_text(tr(lang, "region.subscribe_unset"))
            return
        request = replace(request, filter_text=reading.text)
        home_said = tr(lang, "region.subscribe_kept", words="、".join(reading.said), name=home.name)
    try:
        listed = await svc.run_db(subs.subscribe, target_id, target_type, title, user_id, request)
    except SubscriptionError as exc:
        await message.reply_text(error_text(exc, lang))
        return
    where = f"{title} {target_id}" if request.channel else None
    text = fmt.subscribed(listed, where=where, channel=request.channel, lang=lang)
    twins = await svc.run_db(subs.same_content, listed.subscription)
    if twins:  # the same digest on two schedules: say so, and how to keep only the new one
        text += "\n" + fmt.same_content(twins, channel=request.channel, lang=lang)
    if request.filter_text.strip():
        why = await svc.run(unmatched, svc.engine, request.filter_text)
        if why is not None:
            text += "\n" + fmt.escape(unmatched_note(why, request.filter_text, lang))
        if (beside := beside_note(request.filter_text, lang)) is not None:
            text += "\n" + fmt.escape(beside)
        if why is None and (
            none := await svc.run(undocumented_places, svc.engine, request.filter_text)
        ):  # 成都 重庆 深圳: the peer city with no document is said, not silently empty
            places = tr(lang, "common.list_sep").join(said_place(p, lang) for p in none)
            text += "\n" + fmt.escape(tr(lang, "subscriptions.places_undocumented", places=places))
    if home_said:  # 本省 read as the place set now, and kept so: say which, and the rule
        text += "\n" + fmt.escape(home_said)
    user = update.effective_user
    if (
        chat.type == "private"
        and not request.channel
        and user is not None
        and svc.languages.for_chat(target_id) != lang
        and svc.languages.get("chat", target_id) is None
        and svc.languages.get("user", user.id) is None
    ):
        # A private chat's reader subscribing in the language her client shows and never
        # chosen with /lang: her digests come in it, kept as her choice (an analyst with
        # an English client got her first digests in Chinese: english-trial18)
        await svc.run_db(svc.languages.set, "user", user.id, lang, by=user.id)
        text += "\n" + tr(lang, "subscriptions.digest_language_kept", code=_other(lang))
    elif (sent_in := svc.languages.for_chat(target_id)) != lang:
        # The digest has no update to read the client's language from: it comes in the
        # chat's /lang choice, else Chinese. Say so where that is not the reply's language.
        said = tr(lang, f"lang.name_{sent_in}")
        if request.channel:
            text += "\n" + tr(
                lang,
                "subscriptions.digest_language_channel",
                language=said,
                channel=fmt.escape(request.channel),
                code=lang,
            )
        else:
            where_key = "private" if chat.type == "private" else "group"
            text += "\n" + tr(
                lang, f"subscriptions.digest_language_{where_key}", language=said, code=lang
            )
    await message.reply_html(text)


def _other(lang: str) -> str:
    """The /lang code of the other language (zh for en)."""
    return "zh" if lang == "en" else "en"


async def subscriptions_command(update: Update, context: BriefContext) -> None:
    """/subscriptions [@channel] [ID]: the chat's subscriptions and their next run (a long
    filter cut short), or the one numbered ID in full."""
    message, chat = update.effective_message, update.effective_chat
    svc = context.services
    subs = svc.subscriptions
    lang = svc.lang(update)
    words = command_args(message).split()
    ref = channel_ref(words[0]) if words else None  # @name, or its t.me link
    if ref:
        words.pop(0)
    chat_id, heading = chat.id, tr(lang, "subscriptions.heading")
    if ref:
        channel = await channel_target(update, context, ref)
        if channel is None:
            return
        chat_id = channel.id
        heading = tr(lang, "subscriptions.heading_channel", title=channel.title or channel.id)
    listed = await svc.run_db(subs.list, chat_id)
    asked = subscription_ids(words[0]) if len(words) == 1 else None
    if asked and len(asked) == 1:  # /subscriptions ID: that subscription, its filter whole
        found = [item for item in listed if item.subscription.id == asked[0]]
        if not found:
            said = tr(lang, "subscriptions.no_such_subscription", id=asked[0])
            elsewhere = None if ref else await _channels_number(update, context, asked[0])
            await message.reply_text("\n".join(filter(None, (said, elsewhere))))
            return
        await reply_html(message, [fmt.subscription_details(found[0], channel=ref, lang=lang)])
        return
    text = fmt.subscriptions_list(listed, heading=heading, lang=lang, channel=ref)
    user = update.effective_user
    if not ref and chat.type == ChatType.PRIVATE and user is not None:
        # the channels this admin subscribed from here: their subscriptions are the
        # channel's, listed by naming it
        channels = await svc.run_db(subs.channels_by, user.id)
        if channels:
            text += "\n\n" + fmt.channels_subscribed(channels, lang)
    await reply_html(message, [text])


async def unsubscribe_command(update: Update, context: BriefContext) -> None:
    """/unsubscribe [@channel] ID|all"""
    message = update.effective_message
    svc = context.services
    subs = svc.subscriptions
    lang = svc.lang(update)
    target = await _managed_chat(update, context, lang)
    if target is None:
        return
    chat_id, ref, words = target
    if not words:
        listed = await svc.run_db(subs.list, chat_id)
        # a channel's: its usage and heading name it (they said /unsubscribe 编号 and
        # 本聊天的订阅, and the number alone cancelled nothing of the channel's)
        usage = tr(lang, "unsubscribe_channel.usage", channel=ref) if ref else None
        text = fmt.escape(usage or tr(lang, "subscriptions.unsubscribe_usage"))
        if listed:
            heading = (
                tr(lang, "subscriptions.heading_channel", title=ref)
                if ref
                else tr(lang, "subscriptions.heading")
            )
            text += "\n\n" + fmt.subscriptions_list(listed, heading=heading, lang=lang, channel=ref)
        await message.reply_html(text)
        return
    typed = " ".join(words)  # several numbers: /unsubscribe 1 2
    try:
        removed = await svc.run_db(subs.unsubscribe, chat_id, typed)
    except SubscriptionError as exc:
        text = fmt.escape(await _refused(update, context, exc, ref, lang))
        if exc.code == "subscription.unsubscribe_usage":
            # /unsubscribe 云南: a word of a filter, not its number; the ones it names
            listed = await svc.run_db(subs.list, chat_id)
            named = subscriptions_naming(
                [(i.subscription.id, i.subscription.filter_text) for i in listed], typed
            )
            shown = [i for i in listed if i.subscription.id in named]
            if shown:
                ids = " ".join(str(i) for i in named)
                text += "\n\n" + fmt.escape(
                    tr(lang, "subscriptions.unsubscribe_named", word=typed, ids=ids)
                )
                heading = tr(lang, "subscriptions.heading")
                text += "\n\n" + fmt.subscriptions_list(
                    shown, heading=heading, lang=lang, channel=ref
                )
        await message.reply_html(text)
        return
    lines = [fmt.unsubscribed(removed.ids, lang)]
    lines += [_not_the_chats(missing, ref, lang) for missing in removed.not_found]
    await message.reply_text("\n".join(lines))


async def pause_command(update: Update, context: BriefContext) -> None:
    """/pause ID…|all: this chat's digests stop, the subscription kept."""
    await _pause_or_resume(update, context, pause=True)


async def resume_command(update: Update, context: BriefContext) -> None:
    """/resume ID…|all: this chat's paused digests start again."""
    await _pause_or_resume(update, context, pause=False)


async def _pause_or_resume(update: Update, context: BriefContext, *, pause: bool) -> None:
    """/pause [@channel] ID…|all: a channel's as ``/unsubscribe @channel`` (a bot admin,
    in a private chat); without it ``/pause @news 3`` answered with the bare usage."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    target = await _managed_chat(update, context, lang)
    if target is None:
        return
    chat_id, ref, words = target
    typed = " ".join(words)
    try:
        changed = await svc.run_db(svc.subscriptions.pause_in_chat, chat_id, typed, pause=pause)
    except SubscriptionError as exc:
        await message.reply_text(await _refused(update, context, exc, ref, lang))
        return
    lines = [fmt.paused(changed.ids, pause=pause, lang=lang, channel=ref)]
    lines += [_not_the_chats(missing, ref, lang) for missing in changed.not_found]
    await message.reply_text("\n".join(lines))


async def reschedule_command(update: Update, context: BriefContext) -> None:
    """/reschedule [@channel] ID time: one of this chat's subscriptions at another time."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    target = await _managed_chat(update, context, lang)
    if target is None:
        return
    chat_id, ref, words = target
    try:
        request = svc.subscriptions.parse_reschedule(" ".join(words))
        listed, old = await svc.run_db(svc.subscriptions.reschedule, chat_id, request)
    except SubscriptionError as exc:
        await message.reply_text(await _refused(update, context, exc, ref, lang))
        return
    await message.reply_html(fmt.rescheduled(listed, old, lang=lang))


async def _managed_chat(
    update: Update, context: BriefContext, lang: str
) -> tuple[int, str | None, list[str]] | None:
    """The chat a subscription command acts on, the channel as typed if it names one
    (``/unsubscribe @news 3`` from a bot admin's private chat) and the command's other
    words (the channel's taken off); None when refused, the refusal already sent."""
    message, chat = update.effective_message, update.effective_chat
    words = command_args(message).split()
    if words and (ref := channel_ref(words[0])):
        words.pop(0)
        channel = await channel_target(update, context, ref)
        return None if channel is None else (channel.id, ref, words)
    if not await may_manage(context.bot, chat, message):
        await message.reply_text(tr(lang, "subscriptions.group_admins_only"))
        return None
    return chat.id, None, words


async def _channels_number(update: Update, context: BriefContext, number: object) -> str | None:
    """In a private chat, where a subscription number that is not the chat's is one of a
    channel this person subscribed from here: the command to reach it; else None."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or chat.type != ChatType.PRIVATE or user is None:
        return None
    if not isinstance(number, int):
        return None
    svc = context.services
    found = await svc.run_db(svc.subscriptions.channel_of, number, user.id)
    if found is None:
        return None
    channel_id, title = found
    typed = (update.effective_message.text or "").split(maxsplit=1)
    name = typed[0].split("@")[0] if typed and typed[0].startswith("/") else "/subscriptions"
    return tr(
        svc.lang(update),
        "subscriptions.number_is_channels",
        id=number,
        title=title or str(channel_id),
        command=f"{name} {channel_id} {number}",
    )


def _not_the_chats(number: int, ref: str | None, lang: str) -> str:
    """A subscription number typed that is not the chat's (or the named channel's)."""
    if ref:
        return tr(lang, "subscriptions.not_in_channel", channel=ref, id=number)
    return tr(lang, "errors.subscription.not_in_chat", id=number)


async def _refused(
    update: Update, context: BriefContext, exc: SubscriptionError, ref: str | None, lang: str
) -> str:
    """:func:`_refusal`, with the command reaching a channel's number typed in private."""
    said = _refusal(exc, ref, lang)
    if exc.code == "subscription.not_in_chat" and not ref:
        found = await _channels_number(update, context, exc.params.get("id"))
        said = "\n".join(filter(None, (said, found)))
    return said


def _refusal(exc: SubscriptionError, ref: str | None, lang: str) -> str:
    """A service refusal said for the chat acted on: a number not the channel's names it."""
    if ref and exc.code == "subscription.not_in_chat":
        return tr(lang, "subscriptions.not_in_channel", channel=ref, **exc.params)
    return error_text(exc, lang)


async def timezone_command(update: Update, context: BriefContext) -> None:
    """/timezone [Area/City]: show or set the chat's time zone."""
    message, chat = update.effective_message, update.effective_chat
    svc = context.services
    subs = svc.subscriptions
    lang = svc.lang(update)
    name = command_args(message).strip()
    chat_id = chat.id
    ref, _, rest = name.partition(" ")
    ref = channel_ref(ref) or ref
    if channel_ref(ref):  # /timezone @channel [Area/City]: a bot admin, in private
        channel = await channel_target(update, context, ref)
        if channel is None:
            return
        chat_id, name = channel.id, rest.strip()
    channel_named = ref if chat_id != chat.id else None
    if not name:
        zone = await svc.run_db(subs.chat_timezone, chat_id)
        await message.reply_html(fmt.timezone_shown(zone, lang, channel=channel_named))
        return
    if chat_id == chat.id and not await may_manage(context.bot, chat, message):
        await message.reply_text(tr(lang, "subscriptions.timezone_admins_only"))
        return
    try:
        canonical, count = await svc.run_db(subs.set_timezone, chat_id, name)
    except SubscriptionError as exc:
        await message.reply_text(error_text(exc, lang))
        return
    await message.reply_html(fmt.timezone_set(canonical, count, lang, channel=channel_named))


async def digest_command(update: Update, context: BriefContext) -> None:
    """/digest [ID | filter]: the digest now, as a preview (nothing is recorded)."""
    message, chat = update.effective_message, update.effective_chat
    svc = context.services
    arg = command_args(message).strip()
    sub = None
    chat_id = chat.id
    ref, _, rest = arg.partition(" ")
    ref = channel_ref(ref) or ref
    if channel_ref(ref):  # /digest @channel [ID|filter]: a bot admin, in private
        channel = await channel_target(update, context, ref)
        if channel is None:
            return
        chat_id, arg = channel.id, rest.strip()
    match = _SUB_ID.match(arg)
    if match:
        sub = await svc.run_db(svc.subscriptions.store.get, int(match.group(1)))
        if sub is None or (sub.chat_id != chat_id and not await svc.check_admin(_user_id(update))):
            sub = None
        if sub is None and read_year(arg) is not None:
            match = None  # /digest 2025 and no subscription #2025 here: the year, as typed
    if match:
        if sub is None:
            lang = svc.lang(update)
            await message.reply_text(
                tr(lang, "subscriptions.no_such_subscription", id=match.group(1))
            )
            return
        arg = ""
    elif not arg:
        # the chat's subscription, a running one first: one paused or deactivated is
        # still what the chat subscribed to (not every key target of the library)
        own = await svc.run_db(svc.subscriptions.store.list_for_chat, chat_id)
        sub = next((s for s in own if s.due), own[0] if own else None)
    tz = sub.timezone if sub else await svc.run_db(svc.subscriptions.chat_timezone, chat_id)
    lang = svc.lang(update)
    if home_words(arg):  # /digest 我县: the chat's own place, as /subscribe reads it
        home = await svc.home_of(chat_id)
        reading = await svc.run(svc.engine.read_home, arg, home, as_filter=True)
        if reading.unset:
            await message.reply_text(tr(lang, "region.digest_unset"))
            return
        arg = reading.text
    try:
        messages = await svc.run(
            preview_messages, svc.engine, filter_text=arg, sub=sub, tz=tz, lang=lang
        )
    except FilterError as exc:
        await message.reply_text(error_text(exc, lang))
        return
    await reply_html(message, messages)


def _user_id(update: Update) -> int | None:
    return update.effective_user.id if update.effective_user else None


def register(application: Application) -> None:
    add_commands(
        application,
        {
            "subscribe": subscribe_command,
            "subscriptions": subscriptions_command,
            # "when is the next digest?": the list says each subscription's next run, so
            # /next answers with it rather than a second view of the same schedule
            "next": subscriptions_command,
            "unsubscribe": unsubscribe_command,
            "digest": digest_command,
            "timezone": timezone_command,
            "pause": pause_command,
            "resume": resume_command,
            "reschedule": reschedule_command,
        },
    )
