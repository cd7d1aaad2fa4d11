"""Telegram's MarkdownV2 and legacy Markdown parse modes, after TDLib's parsers.

As in ``html_parser``, errors carry Telegram's wording and UTF-8 byte offsets, and entity
offsets/lengths are UTF-16 code units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fake_telegram.html_parser import EntityParseError, checked_link
from fake_telegram.text_utils import utf16_len

_RESERVED = "_*[]()~`>#+-=|{}.!"
_SPACES = " \t\n\r\f\v"

# TDLib's names for entity types, as they appear in "Can't find end of X entity".
_TYPE_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
}


@dataclass
class _Open:
    type: str
    argument: str
    utf16_offset: int
    begin: int  # index into the markup, for error offsets
    out_start: int  # index into the output characters


def _byte_offset(markup: str, index: int) -> int:
    return len(markup[:index].encode("utf-8"))


def _at(markup: str, index: int) -> str:
    return markup[index] if index < len(markup) else ""


def _is_escape(markup: str, i: int) -> bool:
    """A backslash escapes any ASCII character after it (codes 1..126)."""
    nxt = _at(markup, i + 1)
    return markup[i] == "\\" and nxt != "" and 0 < ord(nxt) <= 126


class _V2Parser:
    def __init__(self, markup: str) -> None:
        self.markup = markup
        self.out: list[str] = []
        self.utf16 = 0
        self.stack: list[_Open] = []
        self.entities: list[dict[str, Any]] = []
        self.quote_start: int | None = None  # UTF-16 offset where a ">" blockquote began

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.utf16 += utf16_len(text)

    def reserved_error(self, ch: str) -> EntityParseError:
        return EntityParseError(
            f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
        )

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        m = self.markup
        i = 0
        while i < len(m):
            in_code = bool(self.stack) and self.stack[-1].type in ("code", "pre")
            if not in_code and (i == 0 or m[i - 1] == "\n"):
                i = self.line_start(i)
                if i >= len(m):
                    break
            c = m[i]
            if _is_escape(m, i):
                self.emit(m[i + 1])
                i += 2
                continue
            reserved = "`" if in_code else _RESERVED
            if c not in reserved:
                self.emit(c)
                i += 1
                continue
            if self.stack and self.closes(self.stack[-1].type, i):
                i = self.close(i)
            else:
                i = self.open(i)
        if self.stack:
            top = self.stack[-1]
            raise EntityParseError(
                f"Can't find end of {_TYPE_NAMES[top.type]} entity at byte offset "
                f"{_byte_offset(m, top.begin)}"
            )
        self.end_quote()
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def line_start(self, i: int) -> int:
        """Lines starting with '>' form a blockquote; the '>' itself is markup."""
        if _at(self.markup, i) == ">":
            if self.quote_start is None:
                self.quote_start = self.utf16
            return i + 1
        self.end_quote()
        return i

    def end_quote(self) -> None:
        if self.quote_start is None:
            return
        end = self.utf16
        # The newline that ends the last quoted line is not part of the quote.
        if self.out and self.out[-1] == "\n":
            end -= 1
        if end > self.quote_start:
            self.entities.append(
                {"type": "blockquote", "offset": self.quote_start, "length": end - self.quote_start}
            )
        self.quote_start = None

    def closes(self, kind: str, i: int) -> bool:
        m, c = self.markup, self.markup[i]
        nxt = _at(m, i + 1)
        return {
            "bold": c == "*",
            "italic": c == "_" and nxt != "_",
            "underline": c == "_" and nxt == "_",
            "strikethrough": c == "~",
            "spoiler": c == "|" and nxt == "|",
            "code": c == "`",
            "pre": m.startswith("```", i),
            "text_link": c == "]",
            "custom_emoji": c == "]",
        }[kind]

    def open(self, i: int) -> int:
        m, c = self.markup, self.markup[i]
        begin = i
        argument = ""
        nxt = _at(m, i + 1)
        if c == "_":
            kind = "underline" if nxt == "_" else "italic"
            i += 2 if nxt == "_" else 1
        elif c == "*":
            kind, i = "bold", i + 1
        elif c == "~":
            kind, i = "strikethrough", i + 1
        elif c == "|" and nxt == "|":
            kind, i = "spoiler", i + 2
        elif c == "[":
            kind, i = "text_link", i + 1
        elif c == "!" and nxt == "[":
            kind, i = "custom_emoji", i + 2
        elif c == "`" and m.startswith("```", i):
            kind, i = "pre", i + 3
            language_end = i
            while language_end < len(m) and m[language_end] not in _SPACES + "`":
                language_end += 1
            if language_end != i and language_end < len(m) and m[language_end] != "`":
                argument, i = m[i:language_end], language_end
            # One newline right after the opening fence is not part of the code.
            if _at(m, i) in ("\n", "\r"):
                pair = _at(m, i + 1) in ("\n", "\r") and _at(m, i + 1) != m[i]
                i += 2 if pair else 1
        elif c == "`":
            kind, i = "code", i + 1
        else:
            raise self.reserved_error(c)
        self.stack.append(_Open(kind, argument, self.utf16, begin, len(self.out)))
        return i

    def read_url(self, i: int, what: str) -> tuple[str, int]:
        """Read ``(url)`` starting at the '(' ; return the url and the index after ')'."""
        m = self.markup
        i += 1
        url_begin = i
        url: list[str] = []
        while i < len(m) and m[i] != ")":
            if _is_escape(m, i):
                url.append(m[i + 1])
                i += 2
                continue
            url.append(m[i])
            i += 1
        if i >= len(m):
            raise EntityParseError(
                f"Can't find end of {what} at byte offset {_byte_offset(m, url_begin)}"
            )
        return "".join(url), i + 1

    def close(self, i: int) -> int:
        top = self.stack.pop()
        m = self.markup
        entity: dict[str, Any] = {"type": top.type}
        if top.type in ("underline", "spoiler"):
            i += 2
        elif top.type == "pre":
            i += 3
            if top.argument:
                entity["language"] = top.argument
        elif top.type == "text_link":
            if _at(m, i + 1) == "(":
                url, i = self.read_url(i + 1, "a URL")
            else:
                url, i = "".join(self.out[top.out_start :]), i + 1
            checked = checked_link(url)
            if checked is None:
                return i
            entity["url"] = checked
        elif top.type == "custom_emoji":
            if _at(m, i + 1) != "(":
                raise EntityParseError("Custom emoji entity must contain a tg://emoji URL")
            url, i = self.read_url(i + 1, "a custom emoji URL")
            emoji_id = url.partition("tg://emoji?id=")[2]
            if not emoji_id.isdigit():
                raise EntityParseError("Invalid custom emoji identifier specified")
            entity["custom_emoji_id"] = emoji_id
        else:
            i += 1
        if self.utf16 > top.utf16_offset:
            entity.update(offset=top.utf16_offset, length=self.utf16 - top.utf16_offset)
            self.entities.append(entity)
        return i


def parse_markdown_v2(markup: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse MarkdownV2 into (text, entities); raise EntityParseError like Telegram would."""
    return _V2Parser(markup).run()


def parse_markdown(markup: str) -> tuple[str, list[dict[str, Any]]]:
    """Legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url); no nesting."""
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    utf16 = 0
    i, n = 0, len(markup)
    while i < n:
        c = markup[i]
        if c == "\\" and _at(markup, i + 1) in ("_", "*", "`", "["):
            out.append(markup[i + 1])
            utf16 += 1
            i += 2
            continue
        if c not in "_*`[":
            out.append(c)
            utf16 += utf16_len(c)
            i += 1
            continue
        begin = i
        end_char = "]" if c == "[" else c
        i += 1
        is_pre = False
        language = ""
        if c == "`" and markup.startswith("``", i):
            i += 2
            is_pre = True
            language_end = i
            while language_end < n and markup[language_end] not in _SPACES + "`":
                language_end += 1
            if i != language_end and language_end < n and markup[language_end] != "`":
                language, i = markup[i:language_end], language_end
            if _at(markup, i) in ("\n", "\r"):
                pair = _at(markup, i + 1) in ("\n", "\r") and _at(markup, i + 1) != markup[i]
                i += 2 if pair else 1
        start_utf16 = utf16
        inner: list[str] = []
        while i < n and (markup[i] != end_char if not is_pre else not markup.startswith("```", i)):
            inner.append(markup[i])
            i += 1
        if i >= n:
            raise EntityParseError(
                "Can't find end of the entity starting at byte offset "
                f"{_byte_offset(markup, begin)}"
            )
        text = "".join(inner)
        out.append(text)
        utf16 += utf16_len(text)
        length = utf16 - start_utf16
        entity: dict[str, Any] | None = None
        if c == "_":
            entity = {"type": "italic"}
        elif c == "*":
            entity = {"type": "bold"}
        elif c == "`":
            entity = {"type": "pre", "language": language} if is_pre else {"type": "code"}
            if is_pre and not language:
                del entity["language"]
        else:  # "["
            url = text
            if _at(markup, i + 1) == "(":
                close = markup.find(")", i + 2)
                close = n if close < 0 else close
                url = markup[i + 2 : close]
                i = close
            checked = checked_link(url)
            entity = {"type": "text_link", "url": checked} if checked else None
        if entity is not None and length > 0:
            entity.update(offset=start_utf16, length=length)
            entities.append(entity)
        i += 3 if is_pre else 1
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities
