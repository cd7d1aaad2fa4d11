"""A channel named in a command (``/subscribe @channel …``, ``/lang chat @channel en``):
a command posted in a channel is not run (its author is the channel, not a person the bot
can check; ``handlers.basic`` answers it with where channels are managed), so a bot admin
names it from the private chat. Shared by the handler modules that take ``@channel``
(subscriptions, language)."""

from __future__ import annotations

from telegram import Bot, Chat, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from handlers.audit import audit, how_to_become, said
from handlers.common import ADMIN_STATUSES
from handlers.context import BriefContext
from handlers.format.subscriptions import channel_problem
from handlers.i18n import tr


async def check_channel(bot: Bot, ref: str) -> tuple[Chat | None, str | None]:
    """The channel ``ref`` names, if the bot may post there; else what is missing (the
    catalogue key of the problem, ``subscriptions.<problem>``)."""
    try:
        channel = await bot.get_chat(int(ref) if ref.lstrip("-").isdigit() else ref)
    except TelegramError:
        return None, "channel_not_found"
    if channel.type != ChatType.CHANNEL:
        return None, "not_a_channel"
    try:
        member = await bot.get_chat_member(channel.id, bot.id)
    except TelegramError:
        member = None
    if member is None or member.status not in ADMIN_STATUSES:
        return None, "bot_not_channel_admin"
    if member.status == ChatMemberStatus.ADMINISTRATOR and not getattr(
        member, "can_post_messages", False
    ):
        return None, "bot_cannot_post"
    return channel, None


async def channel_target(update: Update, context: BriefContext, ref: str) -> Chat | None:
    """The channel for a bot admin's command in a private chat; replies and None otherwise.

    A command on a channel is a bot admin's action: the audit log keeps what was typed
    (refused to others, an error when the bot may not post there), as for /config."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    if update.effective_chat.type != ChatType.PRIVATE:
        await message.reply_text(tr(lang, "subscriptions.channel_in_private"))
        return None
    if not await svc.check_admin(update.effective_user.id if update.effective_user else None):
        # recorded before the reply, as admin_only does: whoever reads the reply and
        # then /audit finds the attempt there
        await audit(update, context, "channel", result="refused", detail=said(message))
        refused = tr(lang, "subscriptions.bot_admins_only")
        await message.reply_text(f"{refused}\n{how_to_become(update, context, lang)}")
        return None
    channel, problem = await check_channel(context.bot, ref)
    if channel is None:
        reason = tr(lang, f"subscriptions.{problem or 'channel_not_found'}")
        await audit(update, context, "channel", result="error", detail=said(message))
        await message.reply_html(channel_problem(ref, reason, lang))
        return None
    await audit(update, context, "channel", detail=said(message))
    return channel
