"""HTML: the main text and metadata of a saved web page (.html/.htm, and the page inside
a single-file .mhtml/.mht), and a text file holding an HTML page or fragment
(:func:`markup_kind`) read as one, its markup removed."""

from __future__ import annotations

import contextlib
import email
import email.policy
import html
import re
from pathlib import Path

from bot.corpus.charset import decode_page, looks_binary
from bot.corpus.plain_text import SNIFF_BYTES
from bot.corpus.read_result import DecodedText, UnreadableDocument, not_text

# An HTML page saved or pasted as text: a doctype, <html> or <head> first (after a BOM,
# an XML declaration, comments), or a <body> with its end tag.
_PAGE_START_RE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)(?=[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_BODY_RE = re.compile(r"<body(?=[\s>])[^>]*>.*</body\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAGS = (
    "address|article|aside|blockquote|body|br|caption|center|dd|div|dl|dt|figcaption|figure|"
    "footer|form|h[1-6]|header|hr|html|li|main|nav|ol|p|pre|section|table|tbody|tfoot|"
    "thead|title|tr|ul"
)
_INLINE_TAGS = (
    "a|abbr|b|big|button|code|col|colgroup|del|em|font|i|img|input|ins|label|link|meta|"
    "option|s|select|small|span|strike|strong|sub|sup|td|textarea|th|tt|u|"
    "script|style|noscript|iframe|svg|head"
)
# A real tag: a known element's name, then a space, "/" or ">", attributes quoted or not.
# "a<b 且 c>d" is one such match at most, never with its end tag.
_REAL_TAG_RE = re.compile(
    rf"<(/?)({_BLOCK_TAGS}|{_INLINE_TAGS})(?=[\s/>])(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>",
    re.IGNORECASE,
)
# A fragment of markup (<p>…</p><div>…</div><script>…) rather than a text mentioning a
# tag: at least this many real tags, one of them closing one opened, on at least this
# share of the text's lines (a page minified to one line: all of them).
_MIN_FRAGMENT_TAGS = 3
# ... and one of them a page's structure (paragraph, division, break, table, list, heading,
# script or style): inline tags alone are kept as typed (and escaped where shown)
_STRUCTURE_RE = re.compile(rf"{_BLOCK_TAGS}|script|style", re.IGNORECASE)
_MIN_TAGGED_LINES = 0.3
_DROPPED_ELEMENTS_RE = re.compile(
    r"<!--.*?-->|<(script|style|noscript|template|iframe|svg|head)(?=[\s>]).*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_BREAK_TAG_RE = re.compile(rf"</?(?:{_BLOCK_TAGS})(?=[\s/>])[^>]*>", re.IGNORECASE)
_CELL_TAG_RE = re.compile(r"<(?:td|th)(?=[\s/>])[^>]*>", re.IGNORECASE)
_ANY_TAG_RE = re.compile(r"<[!/?]?[A-Za-z][^<>]*>")
_SOURCE_NEWLINE_RE = re.compile(r"[ \t]*\n\s*")
_WIDE = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"


def markup_kind(text: str, suffix: str) -> str | None:
    """``"page"`` when a text file holds an HTML page, ``"fragment"`` when a ``.txt`` holds
    HTML markup (paragraphs, divisions, a script), else ``None``.

    A ``.txt`` holding HTML was indexed with its tags: its title ``<p>韶关市…</p>``, its
    snippets ``<script>…`` (user-trial15). A text that merely mentions ``<`` (a<b, 《…》, one
    ``<b>`` quoted) stays as it is: a fragment needs real elements closed, on a good share
    of its lines, and a page's structure among them (inline ``<b>``/``<i>`` alone stay).
    Markdown may hold a few tags by design: only a whole page in a ``.md`` is read as
    one."""
    sample = text[:SNIFF_BYTES]
    if "<" not in sample:
        return None
    if _PAGE_START_RE.match(sample.removeprefix("\ufeff")) or _BODY_RE.search(sample):
        return "page"
    if suffix != ".txt":
        return None
    tags = list(_REAL_TAG_RE.finditer(sample))
    if len(tags) < _MIN_FRAGMENT_TAGS:
        return None
    opened = {m.group(2).lower() for m in tags if not m.group(1)}
    if not any(m.group(1) and m.group(2).lower() in opened for m in tags):
        return None
    if not any(_STRUCTURE_RE.fullmatch(m.group(2)) for m in tags):
        return None  # <b>, <i>, <font> alone: emphasis typed or quoted, shown as typed
    lines = [line for line in sample.split("\n") if line.strip()]
    tagged = sum(1 for line in lines if _REAL_TAG_RE.search(line))
    return "fragment" if tagged >= _MIN_TAGGED_LINES * len(lines) else None


def text_of_markup(text: str, kind: str, path: Path) -> DecodedText:
    """A text file's HTML read as the page reader reads a ``.html`` (no navigation,
    scripts or footer), or, a fragment or a page with no article for it, its markup
    removed: scripts, styles and comments dropped, block elements one line each, table
    cells apart by tabs, entities decoded. ``encoding`` is ``"html"`` either way (its
    lines are the markup's paragraphs: never reflowed); the upload's reply says so."""
    if kind == "page":
        with contextlib.suppress(UnreadableDocument):
            return html_text(text.encode("utf-8"), path, charset="utf-8")
    stripped = strip_markup(text)
    if not stripped.strip():
        raise UnreadableDocument(
            path,
            "no text in the HTML it holds (only markup and scripts)",
            "html_no_text",
            chars="0",
        )
    return DecodedText(stripped, "html", _markup_title(text))


def strip_markup(text: str) -> str:
    """The text of HTML markup, one line per block element (see :func:`text_of_markup`)."""
    text = _DROPPED_ELEMENTS_RE.sub("", text)
    # the source's own line breaks are spaces in HTML; none between two Chinese characters
    text = _SOURCE_NEWLINE_RE.sub(
        lambda m: "" if _wide_around(text, m.start(), m.end()) else " ", text
    )
    text = _BREAK_TAG_RE.sub("\n", text)
    text = _CELL_TAG_RE.sub("\t", text)
    text = html.unescape(_ANY_TAG_RE.sub("", text)).replace("\xa0", " ")
    lines = (re.sub(r"[ \t]*\t[ \t]*", "\t", line).strip(" \t") for line in text.split("\n"))
    return "\n".join(re.sub(r" {2,}", " ", line) for line in lines if line)


def _wide_around(text: str, start: int, end: int) -> bool:
    return (
        start > 0
        and end < len(text)
        and re.match(_WIDE, text[start - 1]) is not None
        and re.match(_WIDE, text[end]) is not None
    )


def _markup_title(text: str) -> dict[str, str]:
    found = re.search(r"<title(?=[\s>])[^>]*>(.*?)</title\s*>", text, re.IGNORECASE | re.DOTALL)
    title = strip_markup(found.group(1)).replace("\n", " ").strip() if found else ""
    return {"title": title} if title else {}


def mhtml_page(data: bytes, path: Path) -> tuple[bytes, str | None]:
    """The first text/html part of a saved single-file page, decoded from its transfer
    encoding (quoted-printable, base64), with the charset its header names."""
    if looks_binary(data):
        raise not_text(path, "binary content")
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset()
    raise UnreadableDocument(
        path, "not a saved web page (no HTML part in the .mhtml)", "mhtml_no_page"
    )


def html_text(data: bytes, path: Path, *, charset: str | None = None) -> DecodedText:
    """The main text of a saved web page, read as a source's article page is
    (:mod:`bot.corpus.webpage`: no navigation, breadcrumbs, share links or footer, no
    script), in the charset the page declares or its bytes show (GBK pages too)."""
    if looks_binary(data):
        raise not_text(path, "binary content")
    # imported here: the page reader (lxml.html) costs every process importing the
    # reader ≈15 ms, and only a saved web page needs it
    from bot.corpus.webpage import EmptyPage, extract_page

    html = decode_page(data, f"text/html; charset={charset}" if charset else None)
    try:
        page = extract_page(html)
    except EmptyPage as exc:
        raise UnreadableDocument(
            path,
            f"no article text on the page (only {exc.chars} characters of text; a list, "
            "login or script-only page?)",
            "html_no_text",
            chars=str(exc.chars),
        ) from None
    meta = {"title": page.title}
    if page.published is not None:
        meta["date"] = page.published.isoformat()
    if page.issuer:
        meta["issuer"] = page.issuer
    return DecodedText(page.text, "html", meta)
