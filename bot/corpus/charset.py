"""Bytes of a web page to text, a fetched page or one saved in the corpus folder:
Chinese government sites still serve GBK and GB2312, often without a charset in the
HTTP header, sometimes with a wrong one.

Order of evidence: a BOM; bytes that are valid UTF-8; the HTTP charset, then ``<meta
charset>`` / ``http-equiv``; then charset-normalizer's guess. A declared charset is
used only if the bytes decode cleanly with it: "utf-8" in the header over a GBK page
that says gb2312 in its meta is a real-world case, and the meta wins because it
decodes. GB2312 and GBK labels are decoded as GB18030, their superset (pages labelled
gb2312 routinely use GBK characters such as 镕 or 喆).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "iso-8859-1": "cp1252",  # what browsers do (WHATWG)
    "ascii": "utf-8",
    "us-ascii": "utf-8",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GUESSES = ["gb18030", "big5", "utf_16", "cp1252"]
# Magic numbers of formats that are never a page or a feed.
_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\x1f\x8b",  # gzip
    b"\xd0\xcf\x11\xe0",  # OLE2: .doc, .xls, .wps
    b"Rar!",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"MZ",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",  # ICO
)


class BinaryContent(ValueError):
    """Bytes that are not a page's text whatever their name or header says."""


def looks_binary(content: bytes) -> bool:
    """Whether ``content`` is binary data rather than text, from its bytes, not a header.

    A known magic number, or NUL bytes or many control characters in the first 4 KiB
    (UTF-16 text with a BOM is text: it is full of NULs by nature).
    """
    head = content[:4096]
    if not head:
        return False
    if head.startswith(_MAGIC):
        return True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 50


def _normal(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(label, _SUPERSETS.get(name, name))


def header_charset(content_type: str | None) -> str | None:
    """The charset named by a Content-Type header, as a codec name (GB* → gb18030)."""
    if not content_type:
        return None
    m = _HEADER_CHARSET_RE.search(content_type)
    return _normal(m.group(1)) if m else None


def meta_charset(content: bytes) -> str | None:
    """The charset a page declares in its first 4 KiB (``<meta charset>`` or
    ``http-equiv``; for XML also ``<?xml encoding=…?>``)."""
    head = content[:4096]
    m = _CHARSET_RE.search(head)
    if m is None:
        m = re.search(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", head, re.I)
    return _normal(m.group(1).decode("ascii", "replace")) if m else None


def _clean(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_page(content: bytes, content_type: str | None = None) -> str:
    """The text of a page or feed (see the module docstring for the order).

    Raises :class:`BinaryContent` for binary content, whatever the header says (an
    image or an archive served as text/html). Never fails otherwise: with no clean
    decoding at all, the best guess is used with replacement characters.
    """
    if looks_binary(content):
        raise BinaryContent("binary content")
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            text = _clean(content, encoding)
            if text is not None:
                return text
    declared = [header_charset(content_type), meta_charset(content)]
    # A Latin-1 label decodes any bytes "cleanly", and servers send it by default: it
    # counts only after the other labels, UTF-8 and a guess.
    # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the labels say (GBK text almost
    # never validates as UTF-8, while GB18030 decodes UTF-8 bytes "cleanly" into
    # nonsense): sites moved to UTF-8 and kept their old gb2312 templates.
    strong = [e for e in declared if e and e != "cp1252"]
    for encoding in dict.fromkeys(["utf-8", *strong]):
        text = _clean(content, encoding)
        if text is not None:
            return text
    # The guess is among the encodings of Chinese sites: left free, charset-normalizer
    # takes a short GBK text for Korean.
    best = from_bytes(content[:200_000], cp_isolation=_GUESSES).best()
    guess = _normal(best.encoding) if best is not None else None
    for encoding in (guess, "gb18030", *(e for e in declared if e == "cp1252")):
        if encoding:
            text = _clean(content, encoding)
            if text is not None:
                return text
    encoding = next((e for e in [*strong, guess] if e), "utf-8")
    return content.decode(encoding, errors="replace")
