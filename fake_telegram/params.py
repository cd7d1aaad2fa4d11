"""Decode request parameters the way the Bot API does, whatever the encoding.

Telegram accepts a query string, ``application/json``, form-urlencoded and multipart bodies.
In the latter two every value is a string (PTB JSON-encodes objects and numbers), so values are
coerced by parameter name: numbers, booleans and JSON-serialised objects. Uploaded files become
``UploadedFile`` values; ``attach://name`` references are resolved by the method that uses them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fake_telegram.errors import bad_request

INT_PARAMS = frozenset(
    {
        "message_id",
        "offset",
        "limit",
        "user_id",
        "reply_to_message_id",
        "cache_time",
        "message_thread_id",
        "max_connections",
        "until_date",
    }
)
FLOAT_PARAMS = frozenset({"timeout"})
BOOL_PARAMS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "allow_paid_broadcast",
        "show_alert",
        "drop_pending_updates",
        "disable_web_page_preview",
        "allow_sending_without_reply",
        "has_spoiler",
        "show_caption_above_media",
        "disable_content_type_detection",
        "revoke_messages",
        "only_if_banned",
        "for_channels",
        "is_personal",
    }
)
# JSON-serialised parameters, with the noun Telegram uses when it cannot parse them.
JSON_PARAMS = {
    "reply_markup": "reply keyboard markup",
    "entities": "entities",
    "caption_entities": "caption entities",
    "reply_parameters": "reply parameters",
    "link_preview_options": "link preview options",
    "allowed_updates": "allowed updates",
    "commands": "commands",
    "scope": "BotCommandScope",
    "media": "media",
    "message_ids": "message identifiers",
    "results": "inline query results",
    "button": "InlineQueryResultsButton",
}
_TRUE = {"true", "1", "yes", "on"}


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes

    def __repr__(self) -> str:  # keep BotCall reprs short
        return f"UploadedFile({self.field!r}, {self.filename!r}, {len(self.data)} bytes)"


def _to_int(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        return int(str(value).strip())
    except ValueError:
        return 0  # Telegram reads malformed numbers as 0, which then fails its own check


def _to_chat_id(value: Any) -> int | str:
    """chat_id is an integer or a public ``@username``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    try:
        return int(text)
    except ValueError:
        return text


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE


def _to_json(name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        raise bad_request(f"can't parse {JSON_PARAMS[name]} JSON object") from None


def normalize(raw: dict[str, Any]) -> dict[str, Any]:
    """Typed parameters from raw request values (files are passed through)."""
    params: dict[str, Any] = {}
    for name, value in raw.items():
        if isinstance(value, UploadedFile) or value is None:
            params[name] = value
        elif name in ("chat_id", "from_chat_id") and not isinstance(value, (dict, list)):
            params[name] = _to_chat_id(value)
        elif name in INT_PARAMS:
            params[name] = _to_int(value)
        elif name in FLOAT_PARAMS:
            try:
                params[name] = float(value)
            except (TypeError, ValueError):
                params[name] = 0.0
        elif name in BOOL_PARAMS:
            params[name] = _to_bool(value)
        elif name in JSON_PARAMS:
            params[name] = _to_json(name, value)
        else:
            params[name] = value if isinstance(value, (dict, list)) else str(value)
    return params
