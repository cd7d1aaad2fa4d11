"""Shared pieces of the sending methods: reply markup, replies, and the new Message object."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from fake_telegram.errors import bad_request
from fake_telegram.html_parser import checked_link
from fake_telegram.models import Chat

if TYPE_CHECKING:
    from fake_telegram.backend import Backend

MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_BUTTONS = 100
# An inline button must carry exactly one of these besides its text.
_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)


def check_reply_markup(markup: Any) -> dict[str, Any] | None:
    """Validate reply_markup; return what the Message keeps (only inline keyboards are kept)."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        if any(key in markup for key in ("keyboard", "remove_keyboard", "force_reply")):
            return None  # reply keyboards act on the client; a Message does not echo them
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
    if sum(len(row) for row in rows) > MAX_INLINE_BUTTONS:
        raise bad_request("REPLY_MARKUP_TOO_LONG")
    for row in rows:
        for button in row:
            _check_button(button)
    return {"inline_keyboard": copy.deepcopy(rows)}


def _check_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request('can\'t parse inline keyboard button: Field "text" must be a String')
    actions = [key for key in _BUTTON_ACTIONS if key in button]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if "callback_data" in button:
        data = button["callback_data"]
        size = len(data.encode("utf-8")) if isinstance(data, str) else 0
        if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button and checked_link(str(button["url"])) is None:
        url = button["url"]
        raise bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")


def reply_target(b: Backend, chat: Chat, p: dict[str, Any]) -> dict[str, Any] | None:
    """The message being replied to (reply_parameters or legacy reply_to_message_id)."""
    params = p.get("reply_parameters")
    if isinstance(params, dict):
        message_id = int(params.get("message_id") or 0)
        allow_without = bool(params.get("allow_sending_without_reply"))
        if params.get("chat_id") not in (None, chat.id):
            target = b.world.find_chat(params["chat_id"])
            if target is None or target.id != chat.id:
                # Replies into other chats (external_reply) are not simulated.
                raise bad_request("message to be replied not found")
    elif p.get("reply_to_message_id"):
        message_id = int(p["reply_to_message_id"])
        allow_without = bool(p.get("allow_sending_without_reply"))
    else:
        return None
    stored = b.world.message(chat.id, message_id)
    if stored is None:
        if allow_without:
            return None
        raise bad_request("message to be replied not found")
    replied = copy.deepcopy(stored.data)
    replied.pop("reply_to_message", None)  # Telegram nests replies only one level deep
    return replied


def link_preview(p: dict[str, Any]) -> dict[str, Any] | None:
    options = p.get("link_preview_options")
    if isinstance(options, dict):
        return dict(options)
    if p.get("disable_web_page_preview"):
        return {"is_disabled": True}
    return None


def sender_fields(b: Backend, chat: Chat) -> dict[str, Any]:
    """Who a bot's message is from: the bot, or the channel itself for channel posts."""
    if chat.type == "channel":
        return {"sender_chat": chat.to_api()}
    return {"from": b.world.bot.to_api()}


def new_bot_message(
    b: Backend,
    chat: Chat,
    content: dict[str, Any],
    p: dict[str, Any],
    *,
    markup: dict[str, Any] | None,
) -> dict[str, Any]:
    """Store a message the bot sent and return its Message object (a copy)."""
    replied = reply_target(b, chat, p)
    data = sender_fields(b, chat)
    data.update(content)
    if replied is not None:
        data["reply_to_message"] = replied
    if markup is not None:
        data["reply_markup"] = markup
    if p.get("protect_content"):
        data["has_protected_content"] = True
    if chat.is_forum:
        # A message sent into a topic, or replying to one there, lands in that topic; without
        # either it lands in General (no thread id), as in Telegram.
        thread = p.get("message_thread_id") or (replied or {}).get("message_thread_id")
        topic = b.world.message(chat.id, int(thread)) if thread else None
        if thread and (topic is None or "forum_topic_created" not in topic.data):
            raise bad_request("message thread not found")  # a topic deleted, or never made
        if thread:
            data["message_thread_id"] = int(thread)
            data["is_topic_message"] = True
    stored = b.world.store_message(chat, data, from_bot=True)
    return copy.deepcopy(stored.data)
