"""Turning a file into text: encoding detection for plain text, text extraction for
docx/pdf, the main text of a saved web page (.html/.htm) with the metadata it gives.

Every failure is an :class:`UnreadableDocument` whose message names the file
and says what is wrong in plain words; callers never see a library traceback.
"""

from __future__ import annotations

import codecs
import contextlib
import email
import email.policy
import html
import io
import re
import time
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.corpus.charset import decode_page, looks_binary
from bot.text.han import HAN_CLASS, han_chars

TEXT_EXTENSIONS = frozenset({".txt", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
# A page saved by a browser as one file ("Webpage, Single File"): MIME, the page its
# text/html part.
MHTML_EXTENSIONS = frozenset({".mhtml", ".mht"})
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | MHTML_EXTENSIONS | {".docx", ".pdf"}
# Formats refused with a word on how to convert them: old Word and WPS files are OLE2
# binaries no library here reads.
CONVERT_FIRST_EXTENSIONS = frozenset({".doc", ".wps"})

# How much of the start of a file is sniffed for binary content.
_SNIFF_BYTES = 64 * 1024
# Above this share of control characters a "text" is really binary or mis-decoded.
_MAX_JUNK_RATIO = 0.05

# Byte-order marks, longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls other than tab, newlines, form feed and ESC (ISO-2022 uses ESC), and DEL.
_CONTROL_BYTES = bytes(
    [*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F]
)

# The ~500 most frequent characters of modern Chinese. Correctly decoded Chinese
# text is dominated by them; Big5 or Latin-1 bytes that happen to decode as
# GB18030 give rare characters instead, which is how such a mis-decoding is caught.
_COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工"
    "也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物"
    "现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全"
    "表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无"
    "系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基"
    "资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取"
    "据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权"
    "收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离"
    "华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低"
    "持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历"
    "市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却"
    "专状育厂京识适属圆包火住调满县局照参红细引听该铁价严推创服优质务施围绕"
)
_MIN_HANZI_FOR_CHECK = 20
_MIN_COMMON_RATIO = 0.3

# Limits on what a .docx (a zip) may unpack to, checked on the zip's directory before
# anything is decompressed (issue 14: an 855 KB bomb unpacked to 2.65 M passages). The
# sizes are the ones the directory declares; zipfile never inflates an entry past its
# declared size (it stops there and the CRC check fails), so a lying directory gains
# nothing. Real Word documents: tens of entries, XML compressed 5-20 times, images ~1.
DOCX_MAX_UNPACKED = 100 * 1024 * 1024
DOCX_MAX_RATIO = 100
DOCX_MAX_ENTRIES = 1000
# A .docx is refused while it is read once it has more non-empty paragraphs and tables
# than this (bot.corpus.loader.MAX_PASSAGES: a document may not have more passages), so
# python-docx does not build millions of paragraphs first.
DOCX_MAX_PARAGRAPHS = 100_000
# A PDF of more pages than this is refused before any text is extracted (a long
# statistical yearbook has a few thousand; a tiny file may declare a million pages).
PDF_MAX_PAGES = 5000
# Reading one document into text and passages may take this long (issue 14: an upload
# or a file of the corpus must not hold the indexing thread for minutes). Checked inside
# the loops, per PDF page, .docx paragraph or table, and paragraph of text, by a
# Deadline; a document over it is refused, naming the limit.
EXTRACT_SECONDS = 120.0
# The clock of that budget (tests replace it with one they move).
_clock: Callable[[], float] = time.monotonic
# The ratio is judged only for entries at least this large (tiny parts compress oddly).
_DOCX_RATIO_MIN_SIZE = 1024 * 1024

_NEWLINES_RE = re.compile(r"\r\n?|\u2028|\u2029")
_DOCX_HEADING_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DecodedText:
    """The text of a file and how it was obtained.

    ``encoding`` is the codec name for text files (``utf-8``, ``utf-8-sig``,
    ``gb18030``, ``utf-16``, ...) and ``docx``, ``pdf`` or ``html`` for those formats.
    ``meta`` holds what the file itself says of its title, ``date`` (ISO) and
    ``issuer`` (a web page's meta tags and 发布时间/来源 lines), in the form of a
    ``.meta.toml`` sidecar's overrides; a real sidecar overrides them in turn.
    """

    text: str
    encoding: str
    meta: dict[str, str] = field(default_factory=dict)


class UnreadableDocument(Exception):
    """A file that cannot be turned into text; ``str(exc)`` is ``"<path>: <reason>"``.

    ``reason`` is English (logs, the command line); ``code`` and ``params`` say the same
    for an interface that translates (``empty``, ``too_large`` with ``size`` and
    ``limit`` …; ``unreadable`` with ``detail`` for anything else).
    """

    def __init__(
        self, path: str | Path, reason: str, code: str = "unreadable", **params: str
    ) -> None:
        self.path = Path(path)
        self.reason = reason
        self.code = code
        self.params = params if code != "unreadable" or params else {"detail": reason}
        super().__init__(f"{path}: {reason}")


class Deadline:
    """The extraction-time budget of one document (:data:`EXTRACT_SECONDS` from when it
    is made): :meth:`check`, called inside the extraction loops, refuses the document
    once the time is up."""

    def __init__(self, path: Path, seconds: float | None = None) -> None:
        self.path = path
        self.seconds = EXTRACT_SECONDS if seconds is None else seconds
        self.started = _clock()

    def check(self) -> None:
        if _clock() - self.started > self.seconds:
            limit = f"{self.seconds:g} s"
            raise UnreadableDocument(
                self.path,
                f"reading the document took too long (the limit is {limit})",
                "extraction_time",
                limit=limit,
            )


def skip_reason(exc: UnreadableDocument, document: Path) -> str:
    """The reason to show next to ``document``: without repeating its path, but naming
    another file (a bad sidecar) when that is the culprit."""
    return exc.reason if exc.path == document else str(exc)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_EXTENSIONS


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The raw content of ``path``, refusing unsupported types and files over ``max_bytes``."""
    if not is_supported(path):
        raise _unsupported(path, path.suffix)
    try:
        if not path.is_file():
            raise UnreadableDocument(path, "not a regular file", "not_regular_file")
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(path, size, max_bytes)
        with path.open("rb") as fh:
            # Read one byte past the limit: the file may have grown since stat().
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise UnreadableDocument(
            path, "cannot read file (permission denied)", "permission_denied"
        ) from None
    except OSError as exc:
        raise cannot_read(path, exc) from None
    if len(data) > max_bytes:
        raise _too_large(path, len(data), max_bytes)
    return data


def _too_large(path: Path, size: int, limit: int) -> UnreadableDocument:
    size_mb, limit_mb = f"{size / 1_048_576:.1f}", f"{limit / 1_048_576:.1f}"
    return UnreadableDocument(
        path,
        f"file too large ({size_mb} MB, the limit is {limit_mb} MB)",
        "too_large",
        size=f"{size_mb} MB",
        limit=f"{limit_mb} MB",
    )


def _unsupported(path: Path, suffix: str) -> UnreadableDocument:
    if suffix.lower() in CONVERT_FIRST_EXTENSIONS:
        return UnreadableDocument(
            path,
            f"{suffix} files cannot be read; open it in Word or WPS and save it as .docx "
            "(or PDF) first",
            "convert_first",
            suffix=suffix,
        )
    return UnreadableDocument(
        path,
        f"unsupported file type ({suffix or 'no extension'})",
        "unsupported_type",
        suffix=suffix or "-",
    )


def cannot_read(path: Path, exc: OSError) -> UnreadableDocument:
    """The file system refused to give ``path``'s content."""
    detail = str(exc.strerror or exc)
    return UnreadableDocument(path, f"cannot read file ({detail})", "cannot_read", detail=detail)


def _empty(path: Path) -> UnreadableDocument:
    return UnreadableDocument(path, "empty file", "empty")


def _not_text(path: Path, what: str) -> UnreadableDocument:
    return UnreadableDocument(path, f"not a text file ({what})", "not_text")


def read_text(path: Path, *, max_bytes: int) -> DecodedText:
    """The text of ``path`` (.txt, .md, .docx, .pdf), newlines normalised to ``\\n``.

    Raises :class:`UnreadableDocument` for unsupported types, files over
    ``max_bytes``, binary or undecodable content, files without any text,
    encrypted or corrupt docx/pdf files.
    """
    return decode_bytes(read_bytes(path, max_bytes=max_bytes), path)


def decode_bytes(data: bytes, path: Path, *, deadline: Deadline | None = None) -> DecodedText:
    """Decode the content ``data`` of ``path``; the path gives the type and the error messages.

    ``deadline`` (default: a new one) bounds the time spent extracting .docx and .pdf
    text, checked per paragraph and per page."""
    deadline = deadline or Deadline(path)
    suffix = path.suffix.lower()
    if not data and suffix in SUPPORTED_EXTENSIONS:
        raise _empty(path)
    if suffix in TEXT_EXTENSIONS:
        decoded = _decode_plain(data, path)
        markup = markup_kind(decoded.text, suffix)
        if markup is not None:
            decoded = _text_of_markup(decoded.text, markup, path)
    elif suffix == ".docx":
        decoded = DecodedText(_docx_text(data, path, deadline), "docx")
    elif suffix == ".pdf":
        decoded = DecodedText(_pdf_text(data, path, deadline), "pdf")
    elif suffix in HTML_EXTENSIONS:
        decoded = _html_text(data, path)
    elif suffix in MHTML_EXTENSIONS:
        html, charset = _mhtml_page(data, path)
        decoded = _html_text(html, path, charset=charset)
    else:
        raise _unsupported(path, suffix)
    text = normalize_newlines(decoded.text)
    if not text.strip():
        if suffix == ".pdf":
            raise UnreadableDocument(path, "no text layer (scanned PDF?)", "no_text_layer")
        if suffix == ".docx":
            raise UnreadableDocument(path, "document contains no text", "docx_no_text")
        if not data:
            raise _empty(path)
        raise UnreadableDocument(path, "file contains only whitespace", "whitespace_only")
    if _junk_ratio(text) > _MAX_JUNK_RATIO:
        raise _not_text(path, "undecodable or binary content")
    return DecodedText(text, decoded.encoding, decoded.meta)


def normalize_newlines(text: str) -> str:
    """Turn ``\\r\\n``, ``\\r``, U+2028 and U+2029 into ``\\n``; drop a leading BOM."""
    return _NEWLINES_RE.sub("\n", text.removeprefix("\ufeff"))


_JUNK_RE = re.compile("[\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _junk_ratio(text: str) -> float:
    """Share of replacement, control and surrogate characters (tab/newlines excluded)."""
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return 0.0
    # A regex counts in C; a per-character unicodedata loop cost ~20 ms per document.
    return len(_JUNK_RE.findall(sample)) / len(sample)


# --- plain text ---------------------------------------------------------------


def _decode_plain(data: bytes, path: Path) -> DecodedText:
    """Decode a plain-text file.

    Order: a byte-order mark decides (UTF-8/16/32); otherwise NUL or many
    control bytes mean binary, unless the file reads as UTF-16 without a mark
    (:func:`_utf16_without_bom`); then strict UTF-8, strict GB18030 (a superset
    of GBK and GB2312) when the result reads like Chinese, and charset-normalizer
    as a last resort.
    """
    if not data:
        raise _empty(path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                raise UnreadableDocument(
                    path,
                    f"invalid {encoding.upper()} text",
                    "invalid_encoding",
                    encoding=encoding.upper(),
                ) from None
    if _looks_binary(data[:_SNIFF_BYTES]):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise _not_text(path, "binary content")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _reads_like_chinese(text):
            return DecodedText(text, "gb18030")
    return _decode_guess(data, path)


def _looks_binary(sniff: bytes) -> bool:
    """NUL bytes never occur in text without a UTF-16/32 BOM; many control bytes rarely do."""
    if b"\x00" in sniff:
        return True
    controls = len(sniff) - len(sniff.translate(None, _CONTROL_BYTES))
    return controls > _MAX_JUNK_RATIO * len(sniff)


# What a UTF-16 text of Chinese documents is written in: tab and newlines, ASCII, Latin-1,
# general punctuation, letterlike and number forms, arrows and maths, enclosed numbers
# (①), box drawing and shapes, CJK symbols and punctuation (、。《》), Han characters
# (bot.text.han), private use, full-width forms.
_TEXT_RANGES = re.compile(
    "[\t\n\r\x0c\x20-\x7e\xa0-\xff\u2000-\u22ff\u2460-\u25ff\u3000-\u30ff"
    f"{HAN_CLASS}\ue000-\uf8ff\uff00-\uffef]"
)
# The share of a UTF-16 reading's characters that must be text for it to be taken.
_MIN_UTF16_TEXT = 0.95


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    """``data`` read as UTF-16 without a byte-order mark, if it is that: ASCII in UTF-16
    puts a NUL byte beside every character, on the odd bytes in little-endian and on the
    even ones in big-endian. The order with more NULs is tried first, then the other; a
    reading is taken when nearly all its characters are text (:data:`_TEXT_RANGES`:
    random or NUL-padded binary decodes to control characters and scattered scripts)."""
    if len(data) % 2:
        return None
    sniff = data[:_SNIFF_BYTES]
    odd, even = sniff[1::2].count(0), sniff[0::2].count(0)
    orders = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for encoding in orders:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[: _SNIFF_BYTES // 2]
        if sample and len(_TEXT_RANGES.findall(sample)) >= _MIN_UTF16_TEXT * len(sample):
            return DecodedText(text, encoding)
    return None


def _reads_like_chinese(text: str) -> bool:
    hanzi = han_chars(text)
    if len(hanzi) < _MIN_HANZI_FOR_CHECK:
        # Too little to judge; a strict GB18030 decode of short text is the best bet.
        return True
    common = sum(1 for ch in hanzi if ch in _COMMON_HANZI)
    return common / len(hanzi) >= _MIN_COMMON_RATIO


def _decode_guess(data: bytes, path: Path) -> DecodedText:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableDocument(
            path, "unknown text encoding (not UTF-8 or GB18030)", "unknown_encoding"
        )
    text = str(best)
    if _junk_ratio(text) > _MAX_JUNK_RATIO:
        raise _not_text(path, "undecodable content")
    try:
        encoding = codecs.lookup(best.encoding).name
    except LookupError:
        encoding = best.encoding
    return DecodedText(text, encoding)


# --- html ---------------------------------------------------------------------

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
    sample = text[:_SNIFF_BYTES]
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


def _text_of_markup(text: str, kind: str, path: Path) -> DecodedText:
    """A text file's HTML read as the page reader reads a ``.html`` (no navigation,
    scripts or footer), or, a fragment or a page with no article for it, its markup
    removed: scripts, styles and comments dropped, block elements one line each, table
    cells apart by tabs, entities decoded. ``encoding`` is ``"html"`` either way (its
    lines are the markup's paragraphs: never reflowed); the upload's reply says so."""
    if kind == "page":
        with contextlib.suppress(UnreadableDocument):
            return _html_text(text.encode("utf-8"), path, charset="utf-8")
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
    """The text of HTML markup, one line per block element (see :func:`_text_of_markup`)."""
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


def _mhtml_page(data: bytes, path: Path) -> tuple[bytes, str | None]:
    """The first text/html part of a saved single-file page, decoded from its transfer
    encoding (quoted-printable, base64), with the charset its header names."""
    if looks_binary(data):
        raise _not_text(path, "binary content")
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset()
    raise UnreadableDocument(
        path, "not a saved web page (no HTML part in the .mhtml)", "mhtml_no_page"
    )


def _html_text(data: bytes, path: Path, *, charset: str | None = None) -> DecodedText:
    """The main text of a saved web page, read as a source's article page is
    (:mod:`bot.corpus.webpage`: no navigation, breadcrumbs, share links or footer, no
    script), in the charset the page declares or its bytes show (GBK pages too)."""
    if looks_binary(data):
        raise _not_text(path, "binary content")
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


# --- docx ---------------------------------------------------------------------


def _bad_docx(path: Path, why: str) -> UnreadableDocument:
    return UnreadableDocument(path, f"not a valid .docx file ({why})", "not_docx")


def _size(size: int) -> str:
    """100 MB, 512 KB: a size as the limits are said."""
    if size >= 1_048_576:
        return f"{size / 1_048_576:.1f}".removesuffix(".0") + " MB"
    return f"{max(size / 1024, 1):.0f} KB"


def check_docx_archive(data: bytes, path: Path) -> None:
    """Refuse a .docx whose zip directory declares too many entries, too much unpacked
    data or an entry compressed more than :data:`DOCX_MAX_RATIO` times (a zip bomb),
    before anything is decompressed. A file that is not a zip is left to the reader."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    if len(infos) > DOCX_MAX_ENTRIES:
        raise UnreadableDocument(
            path,
            f"the .docx holds {len(infos)} files, the limit is {DOCX_MAX_ENTRIES}",
            "docx_entries",
            count=str(len(infos)),
            limit=str(DOCX_MAX_ENTRIES),
        )
    total = sum(max(i.file_size, 0) for i in infos)
    if total > DOCX_MAX_UNPACKED:
        raise UnreadableDocument(
            path,
            f"the .docx unpacks to {_size(total)}, the limit is {_size(DOCX_MAX_UNPACKED)}",
            "docx_too_large",
            size=_size(total),
            limit=_size(DOCX_MAX_UNPACKED),
        )
    for info in infos:
        if info.file_size < _DOCX_RATIO_MIN_SIZE:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > DOCX_MAX_RATIO:
            raise UnreadableDocument(
                path,
                f"a part of the .docx has a compression ratio of {ratio:.0f}, "
                f"the limit is {DOCX_MAX_RATIO} (a zip bomb?)",
                "docx_ratio",
                ratio=f"{ratio:.0f}",
                limit=str(DOCX_MAX_RATIO),
            )


def _docx_text(data: bytes, path: Path, deadline: Deadline) -> str:
    """Paragraphs and table rows of a .docx in document order, blank-line separated.

    Heading-styled paragraphs ("Heading N", "Title") are written as markdown
    headings so that :mod:`bot.corpus.parse` keeps the structure Word knew
    about. A table is one block, a row per line, cells separated by " | ".
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_docx_archive(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _docx_blocks(document, limit=DOCX_MAX_PARAGRAPHS, path=path, deadline=deadline)
    except UnreadableDocument:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile):
        raise _bad_docx(path, "not a zip archive") from None
    except KeyError:
        raise _bad_docx(path, "a zip archive without Word document parts") from None
    except Exception as exc:  # XML and other errors from a damaged package: report, don't crash
        raise _bad_docx(path, f"damaged: {type(exc).__name__}: {exc}") from None
    return "\n\n".join(blocks)


def _docx_blocks(
    container: Any,
    *,
    limit: int = 0,
    path: Path | None = None,
    levels: dict[str | None, int] | None = None,
    deadline: Deadline | None = None,
) -> list[str]:
    """Text blocks of a document body or table cell (both have ``iter_inner_content``);
    more than ``limit`` (if given) is refused as too many passages.

    ``levels`` caches the heading level of each style id: python-docx looks a paragraph's
    style up by scanning every style (about 1 ms a paragraph, 20 s for 20,000)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    levels = {} if levels is None else levels
    blocks: list[str] = []
    for item in container.iter_inner_content():
        if deadline is not None:
            deadline.check()
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if text:
                style_id = item._p.style
                level = levels.get(style_id)
                if level is None:
                    level = levels[style_id] = _docx_heading_level(item)
                # A heading must stay on one line to be read back as one.
                blocks.append(f"{'#' * level} {' '.join(text.split())}" if level else text)
        elif isinstance(item, Table):
            rows = _docx_table_rows(item, levels)
            if rows:
                blocks.append("\n".join(rows))
        if limit and len(blocks) > limit:
            raise UnreadableDocument(
                path or Path(""),
                f"too many passages (over {limit} paragraphs, the limit is {limit})",
                "too_many_passages",
                count=f"> {limit}",
                limit=str(limit),
            )
    return blocks


def _docx_heading_level(paragraph: Any) -> int:
    try:
        name = (paragraph.style.name or "").strip()
    except Exception:  # a dangling style reference is not worth failing the file for
        return 0
    if name.lower() in ("title", "标题"):
        return 1
    m = _DOCX_HEADING_RE.match(name)
    return min(int(m.group(1)), 6) if m else 0


def _docx_table_rows(table: Any, levels: dict[str | None, int]) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            # A merged cell appears once per grid column it spans; keep it once.
            if cell._tc is previous:
                continue
            previous = cell._tc
            inner = " ".join(" ".join(b.split("\n")) for b in _docx_blocks(cell, levels=levels))
            cells.append(inner.strip())
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


# --- pdf ----------------------------------------------------------------------


def _encrypted(path: Path, why: str) -> UnreadableDocument:
    return UnreadableDocument(path, f"encrypted PDF ({why})", "pdf_encrypted")


def _bad_pdf(path: Path, why: str) -> UnreadableDocument:
    return UnreadableDocument(path, f"not a valid PDF file ({why})", "pdf_invalid")


def _pdf_text(data: bytes, path: Path, deadline: Deadline) -> str:
    """The text layer of every page, pages separated by a blank line."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            # Many PDFs are encrypted only to restrict printing/copying, with an
            # empty user password; those open. The others need a password.
            raise _encrypted(path, "password required")
        count = len(reader.pages)
        if count > PDF_MAX_PAGES:
            raise UnreadableDocument(
                path,
                f"the PDF has {count} pages, the limit is {PDF_MAX_PAGES}",
                "pdf_pages",
                count=str(count),
                limit=str(PDF_MAX_PAGES),
            )
        pages = list(reader.pages)
    except UnreadableDocument:
        raise
    except FileNotDecryptedError:
        raise _encrypted(path, "password required") from None
    except (DependencyError, NotImplementedError) as exc:  # AES without 'cryptography'
        raise _encrypted(path, f"cannot decrypt: {exc}") from None
    except PdfReadError as exc:
        raise _bad_pdf(path, str(exc)) from None
    except Exception as exc:  # pypdf raises many types on damaged files
        raise _bad_pdf(path, f"{type(exc).__name__}: {exc}") from None

    if not pages:
        raise UnreadableDocument(path, "PDF has no pages (damaged file?)", "pdf_no_pages")
    texts: list[str] = []
    failures = 0
    for page in pages:
        deadline.check()
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # one bad page should not cost the whole document
            failures += 1
    if failures == len(pages):
        raise UnreadableDocument(
            path, "could not extract text from any page (damaged PDF?)", "pdf_no_text"
        )
    # NUL and other stray controls come from fonts with odd encodings.
    return "\n\n".join(_strip_controls(t).strip() for t in texts if t.strip())


def _strip_controls(text: str) -> str:
    return "".join(
        ch for ch in text if ch in "\t\n\r" or unicodedata.category(ch) not in ("Cc", "Cs")
    )
