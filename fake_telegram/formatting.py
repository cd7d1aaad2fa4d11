"""Turn a method's text + parse_mode/entities into what Telegram stores, with its errors.

Covers the checks every text-carrying method shares: empty text, the parse mode, trimming,
length limits (counted in UTF-16 code units after entity parsing) and the entities Telegram
finds by itself (commands, mentions, hashtags, links, e-mail addresses).
"""

from __future__ import annotations

import re
from typing import Any

from fake_telegram.errors import bad_request
from fake_telegram.html_parser import EntityParseError, parse_html
from fake_telegram.markdown_parser import parse_markdown, parse_markdown_v2
from fake_telegram.text_utils import utf16_len, utf16_offsets

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

# Entity types that are "style" only: found entities may sit inside them.
_STYLE_TYPES = frozenset(
    {
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "blockquote",
        "expandable_blockquote",
    }
)
_KNOWN_TYPES = _STYLE_TYPES | {
    "mention",
    "hashtag",
    "cashtag",
    "bot_command",
    "url",
    "email",
    "phone_number",
    "code",
    "pre",
    "text_link",
    "text_mention",
    "custom_emoji",
}

# Patterns after TDLib's matchers; \w is Unicode-aware like its is_word_character().
_BOT_COMMAND = re.compile(r"(?<![\w/<>])/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?(?![\w/<>@])")
_MENTION = re.compile(r"(?<!\w)@([a-zA-Z0-9_]{2,32})(?!\w)")
_SHORT_USERNAMES = frozenset({"gif", "vid", "pic"})  # the only valid mentions under 4 chars
_HASHTAG = re.compile(r"(?<![\w#])#(\w{1,256})(?![\w#])")
_CASHTAG = re.compile(r"(?<![\w$])\$(?:1INCH|[A-Z]{1,8})(?![\w$])")
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"]+")
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_URL_TRAILING = ".,;:!?)]}'\""


def find_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram detects in plain text by itself, in UTF-16 offsets."""
    offsets = utf16_offsets(text)
    found: list[tuple[int, int, str]] = []
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _URL_TRAILING:
            end -= 1
        found.append((match.start(), end, "url"))
    for match in _EMAIL.finditer(text):
        found.append((match.start(), match.end(), "email"))
    for match in _BOT_COMMAND.finditer(text):
        found.append((match.start(), match.end(), "bot_command"))
    for match in _MENTION.finditer(text):
        name = match.group(1)
        if len(name) >= 4 or name.lower() in _SHORT_USERNAMES:
            found.append((match.start(), match.end(), "mention"))
    for match in _HASHTAG.finditer(text):
        if any(ch.isalpha() for ch in match.group(1)):
            found.append((match.start(), match.end(), "hashtag"))
    for match in _CASHTAG.finditer(text):
        found.append((match.start(), match.end(), "cashtag"))
    # Earlier and longer matches win when two overlap (an e-mail beats the mention inside it).
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    result: list[dict[str, Any]] = []
    last_end = -1
    for start, end, kind in found:
        if start < last_end or end <= start:
            continue
        last_end = end
        result.append(
            {"offset": offsets[start], "length": offsets[end] - offsets[start], "type": kind}
        )
    return result


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["offset"] < b["offset"] + b["length"] and b["offset"] < a["offset"] + a["length"]


def merge_found_entities(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add detected entities that do not collide with code, links and other non-style ones."""
    blocking = [e for e in entities if e["type"] not in _STYLE_TYPES]
    merged = list(entities)
    for entity in find_entities(text):
        if not any(_overlaps(entity, other) for other in blocking):
            merged.append(entity)
    merged.sort(key=lambda e: (e["offset"], -e["length"]))
    return merged


def _trim(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Strip surrounding whitespace as Telegram does, moving and clipping the entities."""
    stripped = text.lstrip()
    shift = utf16_len(text[: len(text) - len(stripped)])
    stripped = stripped.rstrip()
    total = utf16_len(stripped)
    result = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, total)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result


def _given_entities(raw: Any, text: str) -> list[dict[str, Any]]:
    """Validate an explicit ``entities``/``caption_entities`` list."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise bad_request("can't parse entities JSON object")
    total = utf16_len(text)
    result = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            raise bad_request('can\'t parse MessageEntity: Field "type" must be of type String')
        if item["type"] not in _KNOWN_TYPES:
            raise bad_request(f'can\'t parse MessageEntity: Unsupported type "{item["type"]}"')
        try:
            offset, length = int(item["offset"]), int(item["length"])
        except (KeyError, TypeError, ValueError):
            detail = 'Field "offset" must be a Number'
            raise bad_request(f"can't parse MessageEntity: {detail}") from None
        if offset < 0 or length <= 0 or offset >= total:
            continue  # Telegram drops entities that do not fit the text
        result.append({**item, "offset": offset, "length": min(length, total - offset)})
    return result


def format_text(
    text: str | None,
    parse_mode: str | None,
    entities: Any = None,
    *,
    caption: bool = False,
) -> tuple[str, list[dict[str, Any]]]:
    """Apply Telegram's text rules; return (text, entities) or raise ApiError (400)."""
    text = text or ""
    if not text and not caption:
        raise bad_request("message text is empty")
    mode = (parse_mode or "").lower()
    try:
        if mode == "html":
            text, parsed = parse_html(text)
        elif mode == "markdownv2":
            text, parsed = parse_markdown_v2(text)
        elif mode == "markdown":
            text, parsed = parse_markdown(text)
        elif mode == "":
            parsed = _given_entities(entities, text)
        else:
            raise bad_request("unsupported parse_mode")
    except EntityParseError as exc:
        raise bad_request(f"can't parse entities: {exc}") from None
    text, parsed = _trim(text, parsed)
    if not text and not caption:
        raise bad_request("message must be non-empty")
    limit = MAX_CAPTION_LENGTH if caption else MAX_TEXT_LENGTH
    if utf16_len(text) > limit:
        raise bad_request("message caption is too long" if caption else "message is too long")
    return text, merge_found_entities(text, parsed)
