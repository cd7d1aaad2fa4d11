"""/lang: the language the bot answers in.

``/lang zh|en`` is the sender's own choice, ``/lang chat zh|en`` the whole chat's (in
groups: group administrators only, as for subscriptions); ``auto`` forgets a choice.
Without a choice the Telegram client's language decides (:mod:`handlers.i18n.prefs`).
A channel's (the language of its digests: commands posted in a channel never reach the
bot) is set by a bot admin from the private chat, ``/lang chat @channel en``, as
``/timezone @channel`` is.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application

from bot.subscriptions.commands import channel_ref
from bot.text.echo import said_back
from handlers.channels import channel_target
from handlers.common import add_commands, command_args, may_manage
from handlers.context import BriefContext
from handlers.i18n import normalise_language, tr

_AUTO = frozenset({"auto", "reset", "default", "自动"})


async def lang_command(update: Update, context: BriefContext) -> None:
    """/lang [chat [@channel]] zh|en|auto"""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    svc = context.services
    words = command_args(message).split()
    scope = "user"
    if words and words[0].lower() in ("chat", "group", "本群", "聊天"):
        scope = "chat"
        words.pop(0)
    channel_named = channel_ref(words[0]) if words else None  # @name, or its t.me link
    if channel_named:
        words.pop(0)
    if channel_named:
        scope = "chat"
    if message.sender_chat is not None:
        # posted as the group (an anonymous admin) or as a channel: the sender is Telegram's
        # one GroupAnonymousBot (or Channel_Bot) shared by every group, so "my language"
        # would have been every anonymous admin's, everywhere; it is the chat's
        scope = "chat"
    choice = words[0] if len(words) == 1 else ""
    auto = choice.lower() in _AUTO
    language = None if auto else normalise_language(choice)
    if (not auto and language is None) or (scope == "user" and user is None):
        lang = svc.lang(update)
        text = tr(lang, "lang.usage", current=tr(lang, f"lang.name_{lang}"))
        if choice:  # /lang fr: say that it is the language, not the command, that is wrong
            text = tr(lang, "lang.unknown", text=said_back(choice)) + "\n" + text
        await message.reply_text(text)
        return
    target = chat.id if scope == "chat" else user.id
    if channel_named:  # a bot admin, in private; the bot's right to post checked
        channel = await channel_target(update, context, channel_named)
        if channel is None:
            return
        target = channel.id
    elif scope == "chat" and not await may_manage(context.bot, chat, message):
        await message.reply_text(tr(svc.lang(update), "lang.chat_admins_only"))
        return
    by = user.id if user else None
    await svc.run_db(svc.languages.set, scope, target, language, by=by)
    lang = svc.lang(update)
    chat_wide = scope == "chat"
    if channel_named:
        if language is None:
            text = tr(lang, "lang.reset_channel", channel=channel_named)
        else:
            said = tr(lang, f"lang.name_{language}")
            text = tr(lang, "lang.set_channel", channel=channel_named, language=said)
    elif language is None:
        text = tr(lang, "lang.reset_chat") if chat_wide else tr(lang, "lang.reset_user")
    else:
        text = tr(lang, "lang.set_chat") if chat_wide else tr(lang, "lang.set_user")
    await message.reply_text(text)


def register(application: Application) -> None:
    add_commands(application, {"lang": lang_command})
