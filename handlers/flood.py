"""The flood limit: a token bucket per chat, checked before any other handler.

A ``TypeHandler`` in group -1 (:func:`flood_gate`): a chat may send
``settings.flood_burst`` requests at once and then ``settings.flood_rate`` per minute
(:class:`~handlers.ratelimit.FloodLimiter`). Only updates addressed to the bot count
(private messages, its commands, mentions, button presses), so group chatter costs
nothing. The first update over the limit gets one "too many requests, wait N s" reply;
later ones are dropped without a word (a button press is answered with the same
notice, so its spinner stops) until the bucket has a token again. ``flood_burst = 0``
turns the limit off.

An inline query (``@bot 就业目标`` in any chat) has no chat of its own: it spends a token
of the user's private chat, the same bucket as their searches there, and one refused is
answered with the wait on the button above the (empty) results, every time, since the
client would otherwise show its spinner until the user gives up.
"""

from __future__ import annotations

import logging
import math

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import Application, ApplicationHandlerStop, TypeHandler

from handlers.common import mentions_bot, replies_to_bot, sent_via_me
from handlers.context import BriefContext
from handlers.format.inline import wait_button
from handlers.i18n import tr

logger = logging.getLogger(__name__)


def _command_for_bot(message: Message) -> bool:
    """Whether ``message`` starts with a command meant for this bot (``/x`` or ``/x@me``)."""
    entities = message.entities
    if not entities or entities[0].type != MessageEntity.BOT_COMMAND or entities[0].offset:
        return False
    target = message.parse_entity(entities[0]).partition("@")[2].lower()
    return not target or target == (message.get_bot().username or "").lower()


def _addressed_to_bot(update: Update) -> bool:
    if update.callback_query is not None:
        return True
    message = update.message
    if message is None or sent_via_me(message):  # an inline result picked: no request
        return False
    return (
        message.chat.type == ChatType.PRIVATE
        or _command_for_bot(message)
        or (bool(message.text) and (mentions_bot(message) or replies_to_bot(message)))
    )


async def _inline_gate(update: Update, context: BriefContext) -> None:
    """An inline query over its user's flood limit: answered with the wait, then stopped."""
    query = update.inline_query
    allowed, _warn, wait = context.services.flood.take(query.from_user.id)
    if allowed:
        return
    lang = context.services.lang(update)
    button = wait_button(max(1, math.ceil(wait)), lang)
    await query.answer([], button=button, cache_time=0, is_personal=True)
    raise ApplicationHandlerStop


async def flood_gate(update: object, context: BriefContext) -> None:
    """Group -1: stop updates from a chat (an inline query: its user) over its flood limit."""
    limiter = context.services.flood
    if isinstance(update, Update) and update.inline_query is not None:
        await _inline_gate(update, context)
        return
    if not (isinstance(update, Update) and update.effective_chat and _addressed_to_bot(update)):
        return
    allowed, warn, wait = limiter.take(update.effective_chat.id)
    if allowed:
        return
    text = tr(context.services.lang(update), "common.too_many", wait=max(1, math.ceil(wait)))
    if update.callback_query is not None:
        await update.callback_query.answer(text)
    elif warn:
        logger.info("flood limit: chat %s must wait %.1f s", update.effective_chat.id, wait)
        await update.effective_message.reply_text(text)
    raise ApplicationHandlerStop


def register(application: Application) -> None:
    application.add_handler(TypeHandler(Update, flood_gate), group=-1)
