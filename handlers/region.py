"""/region: the chat's own place, what 我县, 本市, 本省 and 本地 mean in its queries.

``/region`` shows it, ``/region 苍溪县`` sets it (anyone in a private chat, for
themselves; group administrators for a group; a bot admin for a channel from the private
chat, ``/region @channel 苍溪县``, as ``/timezone @channel`` is), ``/region 清除``
clears it. The name is found in the gazetteer by the core (:mod:`bot.corpus.home`); a
name several places share is answered with the candidates.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application

from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.home import HomePlaceError, resolve_home
from bot.models import HomeRegion
from bot.subscriptions.commands import channel_ref, kept_on_place
from handlers.channels import channel_target
from handlers.common import add_commands, command_args, may_manage
from handlers.context import BriefContext, Services
from handlers.i18n import tr

_CLEAR = frozenset({"清除", "取消", "删除", "clear", "reset", "off", "none", "-"})


def _resolve(name: str) -> HomeRegion:
    return resolve_home(name, default_gazetteer())


def _shown(home: HomeRegion | None, lang: str, channel: str | None) -> str:
    """What the place means, word by word, or how to set one."""
    if home is None:
        if channel:
            return tr(lang, "region.unset_channel", channel=channel)
        return tr(lang, "region.unset")
    lines = [
        tr(lang, "region.shown_channel", channel=channel, name=home.name)
        if channel
        else tr(lang, "region.shown", name=home.name)
    ]
    if home.county:
        lines.append(tr(lang, "region.means_county", name=home.county))
    if home.city:
        lines.append(tr(lang, "region.means_city", name=home.city))
    if home.province:
        lines.append(tr(lang, "region.means_province", name=home.province))
    lines.append(tr(lang, "region.change"))
    return "\n".join(lines)


async def region_command(update: Update, context: BriefContext) -> None:
    """/region [@channel] [place | 清除]"""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    svc = context.services
    lang = svc.lang(update)
    if svc.home_regions is None:
        return
    arg = command_args(message).strip()
    chat_id = chat.id
    ref, _, rest = arg.partition(" ")
    channel_named = channel_ref(ref)
    if channel_named:  # /region @channel [place]: a bot admin, in private
        channel = await channel_target(update, context, channel_named)
        if channel is None:
            return
        chat_id, arg = channel.id, rest.strip()
    if not arg:
        home = await svc.run_db(svc.home_regions.get, chat_id)
        await message.reply_text(_shown(home, lang, channel_named))
        return
    if not channel_named and not await may_manage(context.bot, chat, message):
        await message.reply_text(tr(lang, "region.admins_only"))
        return
    by = user.id if user else None
    if arg.lower() in _CLEAR:
        await svc.run_db(svc.home_regions.set, chat_id, None, by=by)
        await message.reply_text(tr(lang, "region.cleared"))
        return
    try:
        home = await svc.run(_resolve, arg)
    except HomePlaceError as exc:
        if exc.code == "home.ambiguous":
            said = tr(
                lang, "region.ambiguous", name=exc.params["name"], places=exc.params["places"]
            )
        else:
            said = tr(lang, "region.unknown", name=exc.params["name"])
        await message.reply_text(said)
        return
    before = await svc.run_db(svc.home_regions.get, chat_id)
    await svc.run_db(svc.home_regions.set, chat_id, home, by=by)
    set_line = (
        tr(lang, "region.set_channel", channel=channel_named, name=home.name)
        if channel_named
        else tr(lang, "region.set", name=home.name)
    )
    shown = _shown(home, lang, channel_named).split("\n", 1)[1]
    said = f"{set_line}\n{shown}"
    if before is not None and before.code != home.code:
        kept = await svc.run_db(_kept_on, svc, chat_id, before)
        if kept:  # subscribed with 本省 when it was the old place: they stay on it
            ids = " ".join(str(i) for i in kept)
            numbers = tr(lang, "common.list_sep").join(f"#{i}" for i in kept)
            said += "\n" + tr(
                lang, "region.subscriptions_kept", ids=numbers, old=before.name, ids_plain=ids
            )
    await message.reply_text(said)


def _kept_on(svc: Services, chat_id: int, place: HomeRegion) -> list[int]:
    """On the storage thread: the chat's subscriptions whose region is ``place`` (or a
    division around it), which a change of ``/region`` leaves where they are."""
    filters = [
        (i.subscription.id, i.subscription.filter_text) for i in svc.subscriptions.list(chat_id)
    ]
    return kept_on_place(filters, (place.name, place.county, place.city, place.province))


def register(application: Application) -> None:
    add_commands(application, {"region": region_command})
