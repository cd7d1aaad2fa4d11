"""Text messages: sending, editing, deleting, callback answers, chat actions."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from fake_telegram.compose import check_reply_markup, link_preview, new_bot_message
from fake_telegram.errors import ApiError, bad_request
from fake_telegram.formatting import format_text
from fake_telegram.models import Chat, StoredMessage
from fake_telegram.registry import api_method

if TYPE_CHECKING:
    from fake_telegram.backend import Backend

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)


@api_method("sendMessage")
async def send_message(b: Backend, p: dict[str, Any]) -> Any:
    chat = b.world.require_chat(p.get("chat_id"))
    b.world.check_bot_can_send(chat)
    text, entities = format_text(p.get("text"), p.get("parse_mode"), p.get("entities"))
    markup = check_reply_markup(p.get("reply_markup"))
    content: dict[str, Any] = {"text": text}
    if entities:
        content["entities"] = entities
    preview = link_preview(p)
    if preview is not None:
        content["link_preview_options"] = preview
    return new_bot_message(b, chat, content, p, markup=markup)


def _message_to_edit(b: Backend, p: dict[str, Any]) -> tuple[Chat, StoredMessage]:
    """Resolve chat_id + message_id of an edit, with Telegram's errors."""
    if p.get("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID")  # inline messages are not simulated
    if p.get("chat_id") in (None, ""):
        raise bad_request("message identifier is not specified")
    chat = b.world.require_chat(p.get("chat_id"))
    b.world.check_bot_access(chat)
    if not p.get("message_id"):
        raise bad_request("message identifier is not specified")
    stored = b.world.message(chat.id, int(p["message_id"]))
    if stored is None:
        raise bad_request("message to edit not found")
    if not stored.from_bot:
        raise bad_request("message can't be edited")
    return chat, stored


def _apply_edit(b: Backend, stored: StoredMessage, changes: dict[str, Any]) -> dict[str, Any]:
    """Replace fields (None removes one); refuse an edit that changes nothing."""
    data = stored.data
    if all(data.get(key) == value for key, value in changes.items()):
        raise bad_request(NOT_MODIFIED)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    data["edit_date"] = b.world.now()
    return copy.deepcopy(data)


@api_method("editMessageText")
async def edit_message_text(b: Backend, p: dict[str, Any]) -> Any:
    _, stored = _message_to_edit(b, p)
    if "text" not in stored.data:
        raise bad_request("there is no text in the message to edit")
    text, entities = format_text(p.get("text"), p.get("parse_mode"), p.get("entities"))
    # Leaving reply_markup out of an edit removes the inline keyboard, as in Telegram.
    changes = {
        "text": text,
        "entities": entities or None,
        "reply_markup": check_reply_markup(p.get("reply_markup")),
    }
    preview = link_preview(p)
    if preview is not None:
        changes["link_preview_options"] = preview
    return _apply_edit(b, stored, changes)


@api_method("editMessageCaption")
async def edit_message_caption(b: Backend, p: dict[str, Any]) -> Any:
    _, stored = _message_to_edit(b, p)
    if not any(key in stored.data for key in ("document", "photo", "video", "audio")):
        raise bad_request("there is no caption in the message to edit")
    caption, entities = format_text(
        p.get("caption"), p.get("parse_mode"), p.get("caption_entities"), caption=True
    )
    changes = {
        "caption": caption or None,
        "caption_entities": entities or None,
        "reply_markup": check_reply_markup(p.get("reply_markup")),
    }
    return _apply_edit(b, stored, changes)


@api_method("editMessageReplyMarkup")
async def edit_message_reply_markup(b: Backend, p: dict[str, Any]) -> Any:
    _, stored = _message_to_edit(b, p)
    return _apply_edit(b, stored, {"reply_markup": check_reply_markup(p.get("reply_markup"))})


def _delete_one(b: Backend, chat: Chat, message_id: int) -> None:
    stored = b.world.message(chat.id, message_id)
    if stored is None:
        raise bad_request("message to delete not found")
    # Other people's messages need the delete right in groups and channels.
    may_delete = b.world.member(chat.id, b.world.bot.id).right("can_delete_messages")
    if not stored.from_bot and chat.type != "private" and not may_delete:
        raise bad_request("message can't be deleted")
    stored.deleted = True


@api_method("deleteMessage")
async def delete_message(b: Backend, p: dict[str, Any]) -> Any:
    chat = b.world.require_chat(p.get("chat_id"))
    b.world.check_bot_access(chat)
    if not p.get("message_id"):
        raise bad_request("message identifier is not specified")
    _delete_one(b, chat, int(p["message_id"]))
    return True


@api_method("deleteMessages")
async def delete_messages(b: Backend, p: dict[str, Any]) -> Any:
    chat = b.world.require_chat(p.get("chat_id"))
    b.world.check_bot_access(chat)
    ids = p.get("message_ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
        raise bad_request("message identifiers are invalid")
    deleted = 0
    for message_id in ids:
        try:
            _delete_one(b, chat, int(message_id))
            deleted += 1
        except ApiError:
            continue  # Telegram skips the ones it cannot delete
    if not deleted:
        raise bad_request("message to delete not found")
    return True


@api_method("answerCallbackQuery")
async def answer_callback_query(b: Backend, p: dict[str, Any]) -> Any:
    query = b.callback_queries.get(str(p.get("callback_query_id") or ""))
    if query is None or query["answer"] is not None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    if len(p.get("text") or "") > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    query["answer"] = {
        key: p[key] for key in ("text", "show_alert", "url", "cache_time") if key in p
    }
    return True


@api_method("sendChatAction")
async def send_chat_action(b: Backend, p: dict[str, Any]) -> Any:
    chat = b.world.require_chat(p.get("chat_id"))
    if p.get("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    b.world.check_bot_can_send(chat)
    return True
