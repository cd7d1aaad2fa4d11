"""How the offline console shows a bot message: its text with Telegram's entities as
terminal styles, attachments as a line, and the inline buttons it numbers (``Choice``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text

from handlers.i18n import tr

_ENTITY_STYLES = {
    "bold": "bold",
    "italic": "italic",
    "underline": "underline",
    "strikethrough": "strike",
    "spoiler": "reverse",
    "code": "cyan",
    "pre": "cyan",
    "url": "underline",
    "email": "underline",
    "blockquote": "dim",
    "expandable_blockquote": "dim",
}


def entities_to_text(text: str, entities: list[dict[str, Any]] | None) -> Text:
    """A message's text with its entities (UTF-16 offsets) as terminal styles.

    Hidden links (``<a href>``) keep their text and get the address appended in brackets.
    """
    index: dict[int, int] = {}
    units = 0
    for i, char in enumerate(text):
        index[units] = i
        units += 2 if ord(char) > 0xFFFF else 1
    index[units] = len(text)
    styled = Text(text)
    links: list[tuple[int, str]] = []
    for entity in entities or []:
        start = index.get(entity["offset"])
        end = index.get(entity["offset"] + entity["length"])
        if start is None or end is None:
            continue
        style = _ENTITY_STYLES.get(entity["type"])
        if style:
            styled.stylize(style, start, end)
        if entity["type"] == "text_link":
            url = entity.get("url", "")
            styled.stylize(f"underline link {url}", start, end)
            if url and url != text[start:end]:
                links.append((end, url))
    for end, url in sorted(links, reverse=True):
        styled = styled[:end] + Text(f" ({url})", style="dim") + styled[end:]
    return styled


def message_body(message: dict[str, Any], lang: str = "zh") -> Text:
    """What a client shows for a bot message: text, or an attachment line and its caption
    (its words in ``lang``)."""
    if "text" in message:
        return entities_to_text(message["text"], message.get("entities"))
    body = Text()
    if "document" in message:
        doc = message["document"]
        size = doc.get("file_size")
        shown = f" ({tr(lang, 'console.file_size', size=size)})" if size else ""
        body.append(f"📎 {doc.get('file_name', 'file')}{shown}")
    elif "photo" in message:
        body.append(f"🖼 {tr(lang, 'console.photo')}")
    else:
        kinds = [k for k in message if k not in ("message_id", "date", "chat", "from")]
        body.append(f"({', '.join(kinds) or tr(lang, 'console.empty_message')})", style="dim")
    if message.get("caption"):
        body.append("\n")
        body.append_text(entities_to_text(message["caption"], message.get("caption_entities")))
    return body


@dataclass(frozen=True)
class Choice:
    """A numbered inline button: the message it is on and what pressing it sends."""

    message: dict[str, Any]
    label: str
    data: str
