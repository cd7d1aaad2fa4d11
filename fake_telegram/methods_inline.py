"""Inline mode: answerInlineQuery, checked as Telegram checks it and recorded per query.

Only article results with text content are simulated (what a bot answering a search
sends); another result type is refused, so a test never passes on a result the fake
server did not look at. A text's HTML is parsed as sendMessage parses it, so an answer
Telegram would refuse ("can't parse entities") is refused here too.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from fake_telegram.compose import check_reply_markup
from fake_telegram.errors import bad_request
from fake_telegram.formatting import format_text
from fake_telegram.registry import api_method
from fake_telegram.text_utils import utf16_len

if TYPE_CHECKING:
    from fake_telegram.backend import Backend

MAX_RESULTS = 50
MAX_ID_BYTES = 64
MAX_OFFSET_BYTES = 64
MAX_MESSAGE_UTF16 = 4096
_START_PARAMETER = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
TOO_OLD = "query is too old and response timeout expired or query ID is invalid"


def _text_content(content: Any) -> dict[str, Any]:
    """An InputTextMessageContent as the message it sends: text and entities."""
    if not isinstance(content, dict) or "message_text" not in content:
        raise bad_request("can't parse InputMessageContent: message_text is required")
    if not str(content["message_text"]).strip():
        raise bad_request("MESSAGE_EMPTY")
    text, entities = format_text(
        str(content["message_text"]), content.get("parse_mode"), content.get("entities")
    )
    if utf16_len(text) > MAX_MESSAGE_UTF16:
        raise bad_request("MESSAGE_TOO_LONG")
    sent: dict[str, Any] = {"text": text}
    if entities:
        sent["entities"] = entities
    return sent


def _article(result: Any, seen: set[str]) -> dict[str, Any]:
    if not isinstance(result, dict):
        raise bad_request("can't parse inline query result: expected an Object")
    if result.get("type") != "article":
        raise bad_request(f"unsupported inline query result type {result.get('type')!r}")
    result_id = str(result.get("id") or "")
    if not result_id or len(result_id.encode("utf-8")) > MAX_ID_BYTES:
        raise bad_request("RESULT_ID_INVALID")
    if result_id in seen:
        raise bad_request("RESULT_ID_DUPLICATE")
    seen.add(result_id)
    if not str(result.get("title") or "").strip():
        raise bad_request("RESULT_TITLE_EMPTY")
    kept = copy.deepcopy(result)
    kept["message"] = _text_content(result.get("input_message_content"))
    markup = check_reply_markup(result.get("reply_markup"))
    if markup is not None:
        kept["message"]["reply_markup"] = markup
    return kept


def _button(button: Any) -> dict[str, Any] | None:
    if button is None:
        return None
    if not isinstance(button, dict) or not str(button.get("text") or "").strip():
        raise bad_request("can't parse InlineQueryResultsButton: text is required")
    start = str(button.get("start_parameter") or "")
    if "web_app" not in button and not _START_PARAMETER.match(start):
        raise bad_request("START_PARAM_INVALID")
    return copy.deepcopy(button)


@api_method("answerInlineQuery")
async def answer_inline_query(b: Backend, p: dict[str, Any]) -> Any:
    query = b.inline_queries.get(str(p.get("inline_query_id") or ""))
    if query is None or query["answer"] is not None:
        raise bad_request(TOO_OLD)
    results = p.get("results")
    if not isinstance(results, list):
        raise bad_request("can't parse inline query results JSON object")
    if len(results) > MAX_RESULTS:
        raise bad_request("RESULTS_TOO_MUCH")
    seen: set[str] = set()
    articles = [_article(r, seen) for r in results]
    next_offset = str(p.get("next_offset") or "")
    if len(next_offset.encode("utf-8")) > MAX_OFFSET_BYTES:
        raise bad_request("NEXT_OFFSET_INVALID")
    query["answer"] = {
        "results": articles,
        "next_offset": next_offset,
        "cache_time": p.get("cache_time"),
        "is_personal": bool(p.get("is_personal")),
        "button": _button(p.get("button")),
    }
    return True
