"""/lang: the language the bot answers in.

``/lang zh|en`` is the sender's own choice, ``/lang chat zh|en`` the whole chat's (in
groups: group administrators only, as for subscriptions); ``auto`` forgets a choice.
Without a choice the Telegram client's language decides (:mod:`handlers.i18n.prefs`).
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application

from bot.text.echo import said_back
from handlers.common import add_commands, command_args, may_manage
from handlers.context import BriefContext
from handlers.i18n import normalise_language, tr

_AUTO = frozenset({"auto", "reset", "default", "自动"})


async def lang_command(update: Update, context: BriefContext) -> None:
    """/lang [chat] zh|en|auto"""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    svc = context.services
    words = command_args(message).split()
    scope = "user"
    if words and words[0].lower() in ("chat", "group", "本群", "聊天"):
        scope = "chat"
        words.pop(0)
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
    if scope == "chat" and not await may_manage(context.bot, chat, message):
        await message.reply_text(tr(svc.lang(update), "lang.chat_admins_only"))
        return
    target = chat.id if scope == "chat" else user.id
    by = user.id if user else None
    await svc.run_db(svc.languages.set, scope, target, language, by=by)
    lang = svc.lang(update)
    chat_wide = scope == "chat"
    if language is None:
        text = tr(lang, "lang.reset_chat") if chat_wide else tr(lang, "lang.reset_user")
    else:
        text = tr(lang, "lang.set_chat") if chat_wide else tr(lang, "lang.set_user")
    await message.reply_text(text)


def register(application: Application) -> None:
    add_commands(application, {"lang": lang_command})
