"""Turning a file into text: which file kinds are read, the limits on reading one, the
file's bytes read from disk and handed to the reader of its kind.

The readers of each kind: :mod:`bot.corpus.plain_text` (encodings of .txt/.md),
:mod:`bot.corpus.markup` (saved web pages .html/.htm/.mhtml, HTML inside a text file),
:mod:`bot.corpus.docx_text` and :mod:`bot.corpus.pdf_text`; what they give is a
:class:`DecodedText` or an :class:`UnreadableDocument` (:mod:`bot.corpus.read_result`).
The names other modules import from here stay importable from here (``skip_reason``,
``strip_markup``; ``_TEXT_RANGES``, whose Han ranges tests/test_text_han.py checks).

Every failure is an :class:`UnreadableDocument` whose message names the file
and says what is wrong in plain words; callers never see a library traceback.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from bot.corpus.docx_text import check_archive, docx_text
from bot.corpus.markup import html_text, markup_kind, mhtml_page, text_of_markup
from bot.corpus.markup import strip_markup as strip_markup
from bot.corpus.pdf_text import pdf_text
from bot.corpus.plain_text import _TEXT_RANGES as _TEXT_RANGES
from bot.corpus.plain_text import MAX_JUNK_RATIO, decode_plain, junk_ratio
from bot.corpus.read_result import DecodedText, UnreadableDocument, empty, not_text
from bot.corpus.read_result import skip_reason as skip_reason

TEXT_EXTENSIONS = frozenset({".txt", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
# A page saved by a browser as one file ("Webpage, Single File"): MIME, the page its
# text/html part.
MHTML_EXTENSIONS = frozenset({".mhtml", ".mht"})
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | MHTML_EXTENSIONS | {".docx", ".pdf"}
# Formats refused with a word on how to convert them: old Word and WPS files are OLE2
# binaries no library here reads.
CONVERT_FIRST_EXTENSIONS = frozenset({".doc", ".wps"})

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

_NEWLINES_RE = re.compile(r"\r\n?|\u2028|\u2029")


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


# what a file is by its first bytes, when its name says text: a PDF, a Word document (a
# zip holding word/document.xml) and an old Office file
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refuse_misnamed(data: bytes, path: Path, suffix: str) -> None:
    """Refuse a .txt or .md that is a PDF, a Word document or an old Word file by its
    bytes, saying what it is and which name reads it: a file renamed by hand, or saved
    under the wrong name by a browser or a chat export, was refused as "binary content"
    or as text with no Chinese in it, which sent the operator looking for an encoding."""
    if data.startswith(_PDF_MAGIC):
        kind = ".pdf"
    elif data.startswith(_ZIP_MAGIC) and b"word/document.xml" in data:
        kind = ".docx"
    elif data.startswith(_OLE_MAGIC):
        raise UnreadableDocument(
            path,
            f"an old Word (.doc) file named {suffix}; open it in Word or WPS and save it as "
            ".docx (or PDF) first",
            "convert_first",
            suffix=".doc",
        )
    else:
        return
    raise UnreadableDocument(
        path,
        f"a {kind} file named {suffix}: rename it to {path.stem}{kind}",
        "misnamed",
        suffix=suffix,
        kind=kind,
        name=f"{path.stem}{kind}",
    )


def cannot_read(path: Path, exc: OSError) -> UnreadableDocument:
    """The file system refused to give ``path``'s content."""
    detail = str(exc.strerror or exc)
    return UnreadableDocument(path, f"cannot read file ({detail})", "cannot_read", detail=detail)


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
        raise empty(path)
    if suffix in TEXT_EXTENSIONS:
        _refuse_misnamed(data, path, suffix)
        decoded = decode_plain(data, path)
        markup = markup_kind(decoded.text, suffix)
        if markup is not None:
            decoded = text_of_markup(decoded.text, markup, path)
    elif suffix == ".docx":
        check_docx_archive(data, path)
        text = docx_text(data, path, deadline, max_paragraphs=DOCX_MAX_PARAGRAPHS)
        decoded = DecodedText(text, "docx")
    elif suffix == ".pdf":
        decoded = DecodedText(pdf_text(data, path, deadline, max_pages=PDF_MAX_PAGES), "pdf")
    elif suffix in HTML_EXTENSIONS:
        decoded = html_text(data, path)
    elif suffix in MHTML_EXTENSIONS:
        html, charset = mhtml_page(data, path)
        decoded = html_text(html, path, charset=charset)
    else:
        raise _unsupported(path, suffix)
    text = normalize_newlines(decoded.text)
    if not text.strip():
        if suffix == ".pdf":
            raise UnreadableDocument(path, "no text layer (scanned PDF?)", "no_text_layer")
        if suffix == ".docx":
            raise UnreadableDocument(path, "document contains no text", "docx_no_text")
        if not data:
            raise empty(path)
        raise UnreadableDocument(path, "file contains only whitespace", "whitespace_only")
    if junk_ratio(text) > MAX_JUNK_RATIO:
        raise not_text(path, "undecodable or binary content")
    return DecodedText(text, decoded.encoding, decoded.meta)


def normalize_newlines(text: str) -> str:
    """Turn ``\\r\\n``, ``\\r``, U+2028 and U+2029 into ``\\n``; drop a leading BOM."""
    return _NEWLINES_RE.sub("\n", text.removeprefix("\ufeff"))


def check_docx_archive(data: bytes, path: Path) -> None:
    """Refuse a .docx whose zip directory declares more than :data:`DOCX_MAX_ENTRIES`
    entries, more than :data:`DOCX_MAX_UNPACKED` bytes unpacked or an entry compressed
    more than :data:`DOCX_MAX_RATIO` times (a zip bomb), before anything is decompressed.
    A file that is not a zip is left to the reader."""
    # the limits are read at each call: tests and callers may change them
    check_archive(
        data,
        path,
        max_entries=DOCX_MAX_ENTRIES,
        max_unpacked=DOCX_MAX_UNPACKED,
        max_ratio=DOCX_MAX_RATIO,
    )
