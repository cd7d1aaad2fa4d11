"""Telegram's HTML parse mode: text plus MessageEntity list, or the error Telegram gives.

This follows the algorithm of TDLib's ``parse_html`` (which the Bot API server runs), so the
errors are the ones real Telegram returns: the same wording and the same *byte* offsets into
the UTF-8 encoded markup. Offsets and lengths of the resulting entities are in UTF-16 code
units, as in the Bot API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fake_telegram.text_utils import utf16_len

SUPPORTED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)

_SIMPLE_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "u": "underline",
    "ins": "underline",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}

_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPACES = " \t\n\r\f\v"


class EntityParseError(ValueError):
    """Markup Telegram refuses; the message is what follows ``can't parse entities:``."""


@dataclass
class _OpenTag:
    name: str
    argument: str
    utf16_offset: int
    text_start: int  # index into the output characters, for <a> without href
    attributes: set[str] = field(default_factory=set)


def _decode_entity(markup: str, pos: int) -> tuple[str, int] | None:
    """Decode ``&...;`` at ``pos``: (character, next position), or None to keep ``&`` literally.

    Telegram knows only numeric references and &lt; &gt; &amp; &quot;; anything else is text.
    The closing semicolon is optional, as in TDLib.
    """
    end = pos + 1
    if markup.startswith("#", end):
        end += 1
        code = 0
        if markup.startswith("x", end):
            end += 1
            while end < len(markup) and markup[end] in "0123456789abcdefABCDEF":
                code = code * 16 + int(markup[end], 16)
                end += 1
        else:
            while end < len(markup) and markup[end].isascii() and markup[end].isdigit():
                code = code * 10 + int(markup[end])
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return None
        char = chr(code)
    else:
        while end < len(markup) and markup[end].isascii() and markup[end].isalpha():
            end += 1
        char = _NAMED_ENTITIES.get(markup[pos + 1 : end], "")
        if not char:
            return None
    if markup.startswith(";", end):
        end += 1
    return char, end


class _Parser:
    """One pass over the markup; ``i`` always indexes ``markup`` (a Python str)."""

    def __init__(self, markup: str) -> None:
        self.markup = markup
        self.n = len(markup)
        self.out: list[str] = []
        self.utf16 = 0
        self.stack: list[_OpenTag] = []
        self.entities: list[dict[str, Any]] = []

    def byte_offset(self, index: int) -> int:
        """Telegram reports positions as byte offsets into the UTF-8 markup."""
        return len(self.markup[:index].encode("utf-8"))

    def char(self, index: int) -> str:
        # TDLib reads a NUL terminator past the end; an empty string plays that role here.
        return self.markup[index] if index < self.n else ""

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.utf16 += utf16_len(text)

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        i = 0
        while i < self.n:
            c = self.markup[i]
            if c == "&":
                decoded = _decode_entity(self.markup, i)
                if decoded is not None:
                    self.emit(decoded[0])
                    i = decoded[1]
                    continue
            if c != "<":
                self.emit(c)
                i += 1
                continue
            i = self.end_tag(i) if self.char(i + 1) == "/" else self.start_tag(i)
        if self.stack:
            raise EntityParseError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"'
            )
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def skip_spaces(self, i: int) -> int:
        while i < self.n and self.markup[i] in _SPACES:
            i += 1
        return i

    def start_tag(self, begin: int) -> int:
        i = begin + 1
        while i < self.n and self.markup[i] not in _SPACES and self.markup[i] != ">":
            i += 1
        if i >= self.n:
            raise EntityParseError(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
        name = self.markup[begin + 1 : i].lower()
        if name not in SUPPORTED_TAGS:
            raise EntityParseError(
                f'Unsupported start tag "{name}" at byte offset {self.byte_offset(begin)}'
            )
        argument = ""
        attributes: set[str] = set()
        while self.char(i) != ">":
            i = self.skip_spaces(i)
            if i >= self.n:
                raise EntityParseError(
                    f"Unclosed start tag at byte offset {self.byte_offset(begin)}"
                )
            if self.char(i) == ">":
                break
            attr_begin = i
            while i < self.n and self.markup[i] not in _SPACES and self.markup[i] not in "=>":
                i += 1
            attr_name = self.markup[attr_begin:i].lower()
            if not attr_name:
                raise EntityParseError(
                    f'Empty attribute name in the tag "{name}" at byte offset '
                    f"{self.byte_offset(begin)}"
                )
            i = self.skip_spaces(i)
            if self.char(i) != "=":
                # A bare attribute: only <blockquote expandable> is meaningful to Telegram.
                if name == "blockquote" and attr_name == "expandable":
                    attributes.add(attr_name)
                    continue
                raise EntityParseError(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{name}" at byte offset {self.byte_offset(begin)}'
                )
            i = self.skip_spaces(i + 1)
            if i >= self.n:
                raise EntityParseError(
                    f'Unclosed start tag "{name}" at byte offset {self.byte_offset(begin)}'
                )
            value, i = self.attribute_value(i)
            if i >= self.n:
                raise EntityParseError(
                    f"Unclosed start tag at byte offset {self.byte_offset(begin)}"
                )
            if name == "a" and attr_name == "href":
                argument = value
            elif name == "code" and attr_name == "class" and value.startswith("language-"):
                argument = value[len("language-") :]
            elif name == "span" and attr_name == "class" and value.startswith("tg-"):
                argument = value[len("tg-") :]
            elif name == "tg-emoji" and attr_name == "emoji-id":
                argument = value
        if name == "span" and argument != "spoiler":
            raise EntityParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self.byte_offset(begin)}'
            )
        self.stack.append(_OpenTag(name, argument, self.utf16, len(self.out), attributes))
        return i + 1

    def attribute_value(self, i: int) -> tuple[str, int]:
        quote = self.markup[i]
        if quote not in "'\"":
            # An unquoted name token: letters, digits, periods, hyphens; case-insensitive.
            start = i
            while i < self.n and (self.markup[i].isalnum() or self.markup[i] in ".-"):
                i += 1
            if i < self.n and self.markup[i] not in _SPACES and self.markup[i] != ">":
                raise EntityParseError(
                    f"Unexpected end of name token at byte offset {self.byte_offset(start)}"
                )
            return self.markup[start:i].lower(), i
        i += 1
        parts: list[str] = []
        while i < self.n and self.markup[i] != quote:
            if self.markup[i] == "&":
                decoded = _decode_entity(self.markup, i)
                if decoded is not None:
                    parts.append(decoded[0])
                    i = decoded[1]
                    continue
            parts.append(self.markup[i])
            i += 1
        if i < self.n:
            i += 1  # the closing quote
        return "".join(parts), i

    def end_tag(self, begin: int) -> int:
        if not self.stack:
            raise EntityParseError(f"Unexpected end tag at byte offset {self.byte_offset(begin)}")
        i = begin + 2
        while i < self.n and self.markup[i] not in _SPACES and self.markup[i] != ">":
            i += 1
        end_name = self.markup[begin + 2 : i].lower()
        i = self.skip_spaces(i)
        if self.char(i) != ">":
            raise EntityParseError(f"Unclosed end tag at byte offset {self.byte_offset(begin)}")
        tag = self.stack[-1]
        if end_name and end_name != tag.name:
            raise EntityParseError(
                f"Unmatched end tag at byte offset {self.byte_offset(begin)}, "
                f'expected "</{tag.name}>", found "</{end_name}>"'
            )
        self.stack.pop()
        if self.utf16 > tag.utf16_offset:
            self.close_entity(tag)
        return i + 1

    def close_entity(self, tag: _OpenTag) -> None:
        offset, length = tag.utf16_offset, self.utf16 - tag.utf16_offset
        entity: dict[str, Any] = {"offset": offset, "length": length}
        if tag.name in _SIMPLE_TYPES:
            entity["type"] = _SIMPLE_TYPES[tag.name]
        elif tag.name == "blockquote":
            expandable = "expandable" in tag.attributes
            entity["type"] = "expandable_blockquote" if expandable else "blockquote"
        elif tag.name == "tg-emoji":
            if not tag.argument.isdigit() or int(tag.argument) == 0:
                raise EntityParseError("Invalid custom emoji identifier specified")
            entity.update(type="custom_emoji", custom_emoji_id=tag.argument)
        elif tag.name == "a":
            url = tag.argument or "".join(self.out[tag.text_start :])
            checked = checked_link(url)
            if checked is None:
                return  # Telegram silently drops links it cannot use
            entity.update(type="text_link", url=checked)
        elif tag.name == "pre":
            last = self.entities[-1] if self.entities else None
            if (
                last is not None
                and last["type"] == "code"
                and (last["offset"], last["length"]) == (offset, length)
                and last.get("language")
            ):
                # <pre><code class="language-x">…</code></pre> is one pre entity with a language.
                last["type"] = "pre"
                return
            entity["type"] = "pre"
        elif tag.name == "code":
            last = self.entities[-1] if self.entities else None
            if (
                tag.argument
                and last is not None
                and last["type"] == "pre"
                and (last["offset"], last["length"]) == (offset, length)
            ):
                last["language"] = tag.argument  # <code class="language-x"><pre>…</pre></code>
                return
            entity["type"] = "code"
            if tag.argument:
                # Only meaningful inside <pre>; a stray language on <code> is dropped below.
                entity["language"] = tag.argument
        self.entities.append(entity)


def checked_link(url: str) -> str | None:
    """Normalise an ``<a href>`` the way Telegram does, or None when it is not a usable link."""
    url = url.strip()
    if not url or any(ch in _SPACES for ch in url):
        return None
    lowered = url.lower()
    if lowered.startswith(("tg:", "ton:")):
        return url
    if "://" not in url:
        url = "http://" + url
        lowered = url.lower()
    if not lowered.startswith(("http://", "https://")):
        return None
    rest = url.split("://", 1)[1]
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if not host or host.startswith(".") or ("." not in host and host != "localhost"):
        return None
    if "/" not in rest and "?" not in rest and "#" not in rest:
        url += "/"
    return url


def parse_html(markup: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML into (text, entities); raise EntityParseError like Telegram would."""
    text, entities = _Parser(markup).run()
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)
    return text, entities
