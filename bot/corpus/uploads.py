"""Checking a document sent to the bot before it may enter the corpus folder.

An upload arrives as a file name chosen by the sender and some bytes. Everything
here refuses with :class:`UploadRefused`: its ``code`` says what kind of refusal it is
(stable for tests and the audit log), its ``message_code`` and ``params`` say exactly
why, for an interface to put in its user's language (the Telegram layer's catalogue
key ``errors.<message_code>``), and its ``reason`` says it in English (logs):

* the name: no path separators, ``..``, hidden or Office lock files, control
  characters, or names too long for the file system with a sidecar suffix;
* the type: ``.txt``/``.md``/``.docx``/``.pdf``/``.html``/``.htm``/``.mhtml`` only; archives are
  named as such, an old Word or WPS file (``.doc``/``.wps``) with how to convert it;
* the content: empty, over the size limit, an archive or a known binary format
  (whatever the extension says; a ``.docx`` is a zip and must be a valid one),
  and finally the reader itself (:func:`bot.corpus.loader.load_document`) on a
  staged copy, which catches undecodable text, damaged docx/pdf, scanned PDFs...;
* the language: a document must read as Chinese (:func:`check_chinese`): a chart-only
  or scanned PDF whose text layer is a few numbers and labels, or an English-only file,
  would be a document with nothing to find.

Staging happens under ``<data_dir>/uploads/`` in a private folder that
:func:`staged` always removes, so a refused or crashed upload leaves nothing behind.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from io import BytesIO
from pathlib import Path

from bot.corpus.loader import load_document
from bot.corpus.reader import (
    CONVERT_FIRST_EXTENSIONS,
    SUPPORTED_EXTENSIONS,
    UnreadableDocument,
    check_docx_archive,
)
from bot.corpus.sidecar import SIDECAR_SUFFIX
from bot.models import Document
from bot.text.han import is_han

# ext4 and most file systems allow 255 bytes; room is left for the sidecar suffix and
# the hidden temporary names used while a file is written or replaced.
MAX_NAME_BYTES = 200
STAGING_DIR = "uploads"
# Staging folders older than this are leftovers of a crash and are swept.
STALE_STAGING_SECONDS = 3600

ARCHIVE_EXTENSIONS = frozenset(
    {
        ".zip", ".rar", ".7z", ".gz", ".tgz", ".tar", ".bz2", ".tbz", ".tbz2", ".xz",
        ".txz", ".zst", ".lz", ".lzma", ".z", ".cab", ".arj", ".lzh", ".iso", ".jar",
        ".apk", ".war", ".zipx", ".001",
    }
)  # fmt: skip

# (magic bytes, offset, what it is); archives first so that a zip says "archive".
_ARCHIVE_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"PK\x03\x04", 0, "zip"),
    (b"PK\x05\x06", 0, "zip"),
    (b"PK\x07\x08", 0, "zip"),
    (b"Rar!\x1a\x07", 0, "rar"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7z"),
    (b"\x1f\x8b", 0, "gzip"),
    (b"\xfd7zXZ\x00", 0, "xz"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd"),
    (b"MSCF\x00\x00\x00\x00", 0, "cab"),
    (b"ustar", 257, "tar"),
)
_BINARY_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"\x7fELF", 0, "executable (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "old Office file (.doc/.xls)"),
    (b"%PDF-", 0, "PDF"),
)


class UploadRefused(Exception):
    """An upload that must not enter the corpus (see the module docstring).

    ``code``: name, type, archive, empty, size, binary, unreadable or no_chinese;
    ``message_code``: ``upload.…``, ``intake.…`` or ``reader.…``
    (:class:`~bot.corpus.reader.UnreadableDocument`'s code) with its ``params``;
    ``reason``: the English sentence.
    """

    def __init__(self, code: str, message_code: str, reason: str, **params: str) -> None:
        self.code = code
        self.message_code = message_code
        self.params = params
        self.reason = reason
        super().__init__(reason)


def _mb(size: float) -> str:
    """20 MB, 25.3 MB, 120 KB: enough digits to tell a size from the limit."""
    if size >= 1_048_576:
        return f"{size / 1_048_576:.1f}".removesuffix(".0") + " MB"
    return f"{max(size / 1024, 1):.0f} KB"


def check_name(filename: str | None, *, by_content: bool = False) -> str:
    """The name the upload will have in the corpus folder, or :class:`UploadRefused`.

    Names are refused rather than repaired: a silently renamed file would surprise
    the admin later (``/docs``, replacing a new version). ``by_content``: a name with no
    extension passes (its type is read from its bytes once downloaded:
    :func:`suffix_by_content`).
    """
    name = unicodedata.normalize("NFC", (filename or "").strip())
    if not name:
        raise UploadRefused("name", "upload.no_name", "The file has no name.")
    if (
        "/" in name
        or "\\" in name
        or ".." in name
        or name.startswith((".", "~$"))
        or any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name)
    ):
        raise UploadRefused(
            "name",
            "upload.unsafe_name",
            "Unsafe file name (path separator, '..', control character or hidden file); "
            "please rename the file and send it again.",
        )
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise UploadRefused(
            "name",
            "upload.name_too_long",
            f"File name too long (at most {MAX_NAME_BYTES} bytes); please rename the file.",
            bytes=str(MAX_NAME_BYTES),
            chars=str(MAX_NAME_BYTES // 3),
        )
    suffix = Path(name).suffix.lower()
    supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
    if name.lower().endswith(SIDECAR_SUFFIX) or suffix not in SUPPORTED_EXTENSIONS:
        if suffix in ARCHIVE_EXTENSIONS:
            raise UploadRefused(
                "archive",
                "upload.archive_name",
                f"Archives ({suffix}) are not accepted; please send the documents one by one.",
                suffix=suffix,
            )
        if suffix in CONVERT_FIRST_EXTENSIONS:
            raise UploadRefused(
                "type",
                "upload.convert_first",
                f"{suffix} files (old Word, WPS) cannot be read; open the file in Word or "
                "WPS, save it as .docx (or PDF) and send that.",
                suffix=suffix,
            )
        if not suffix and by_content and not name.lower().endswith(SIDECAR_SUFFIX):
            return name
        if not suffix:
            raise UploadRefused(
                "type",
                "upload.no_extension",
                f"Unsupported file type (no extension); supported: {supported}.",
                supported=supported,
            )
        raise UploadRefused(
            "type",
            "upload.unsupported_type",
            f"Unsupported file type ({suffix}); supported: {supported}.",
            suffix=suffix,
            supported=supported,
        )
    return name


def _magic(data: bytes, table: tuple[tuple[bytes, int, str], ...]) -> str | None:
    for magic, offset, what in table:
        if data[offset : offset + len(magic)] == magic:
            return what
    return None


def check_content(name: str, data: bytes, *, max_bytes: int) -> None:
    """Size and format checks on the raw bytes of an upload already named ``name``."""
    if not data:
        raise UploadRefused("empty", "upload.empty", "The file is empty.")
    if len(data) > max_bytes:
        raise UploadRefused(
            "size",
            "upload.too_large",
            f"File too large ({_mb(len(data))}); the limit is {_mb(max_bytes)}.",
            size=_mb(len(data)),
            limit=_mb(max_bytes),
        )
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        _check_docx(data)
        return
    _refuse_misnamed(name, suffix, data)
    archive = _magic(data, _ARCHIVE_MAGIC)
    if archive is None and data[:3] == b"BZh" and data[4:10] == b"1AY&SY":
        archive = "bzip2"
    if archive:
        raise UploadRefused(
            "archive",
            "upload.archive",
            f"This is an archive ({archive}); archives are not accepted, "
            "please send the documents one by one.",
            kind=archive,
        )
    binary = _magic(data, _BINARY_MAGIC)
    if suffix == ".pdf":
        if b"%PDF-" not in data[:1024]:
            raise UploadRefused("binary", "upload.not_pdf", "Not a PDF file (no PDF header).")
    elif binary:
        raise _binary_refused(binary, suffix)


def _binary_refused(binary: str, suffix: str) -> UploadRefused:
    """What a file named as text holds instead, said as what to do with it: a picture
    renamed .txt (a scan, a photo of a page) needs its words recognised first, a PDF
    only its own extension back, an old Word file saving again (trial21: "the content is
    not text (PNG image), please send a .txt text file" of a file that was a .txt)."""
    reason = f"Not a text document: the content is binary ({binary})."
    if binary.endswith(" image"):
        kind = binary.removesuffix(" image")
        return UploadRefused("binary", "upload.image", reason, kind=kind, suffix=suffix)
    if binary == "PDF":
        return UploadRefused("binary", "upload.pdf_renamed", reason, suffix=suffix)
    if binary.startswith("old Office"):
        return UploadRefused("binary", "upload.convert_first", reason, suffix=".doc")
    return UploadRefused("binary", "upload.binary", reason, kind=binary, suffix=suffix)


def _refuse_misnamed(name: str, suffix: str, data: bytes) -> None:
    """A text name (.txt, .md) on a PDF or a Word document: say what it is and the name
    that reads it. It was answered as binary content ("send a .txt text file") or as an
    archive (a .docx is a zip), which told the sender to do the wrong thing."""
    if suffix not in (".txt", ".md"):
        return
    if data.startswith(b"%PDF-"):
        kind = ".pdf"
    elif suffix_by_content(data) == ".docx":
        kind = ".docx"
    else:
        return
    renamed = f"{Path(name).stem}{kind}"
    raise UploadRefused(
        "binary",
        "upload.misnamed",
        f"This is a {kind} file named {suffix}: rename it {renamed} and send it again.",
        kind=kind,
        suffix=suffix,
        name=renamed,
    )


def _check_docx(data: bytes) -> None:
    """A .docx is a zip: refuse anything else, and zips that unpack absurdly large."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UploadRefused(
            "unreadable", "upload.not_docx", "Not a valid .docx file (not a Word document)."
        ) from None
    if "[Content_Types].xml" not in names:
        raise UploadRefused(
            "archive",
            "upload.zip_not_docx",
            "This is a plain zip archive, not a Word document (.docx).",
        )
    try:
        # Entries, unpacked size, compression ratio: the reader's limits, checked here
        # before the file is staged (the reader checks them again for ingest).
        check_docx_archive(data, Path("upload.docx"))
    except UnreadableDocument as exc:
        refusal = unreadable(exc)
        raise UploadRefused(
            "size", refusal.message_code, refusal.reason, **refusal.params
        ) from None


def unreadable(exc: UnreadableDocument | str) -> UploadRefused:
    """A refusal for a reader failure (its code and parameters) or, given a sentence, an
    indexer failure (``reader.unreadable`` with the sentence as ``detail``)."""
    if isinstance(exc, str):
        exc = UnreadableDocument("", exc)
    return UploadRefused(
        "unreadable",
        f"reader.{exc.code}",
        f"Cannot read the file: {exc.reason}.",
        **exc.params,
    )


# A document of the library is written in Chinese: at least this many Han characters
# (a short sentence) and at least this share of its visible characters. A statistics
# table of figures and labels stays well above the share (a label of 4-8 characters per
# 2-3 figures, between paragraphs of prose); a chart-only PDF's text layer (axis
# figures, a caption) and an English text with a Chinese title fall below it.
MIN_HAN_CHARS = 10
MIN_HAN_SHARE = 0.2


def han_share(text: str) -> tuple[int, float]:
    """The number of Han characters of ``text`` and their share of its visible
    (non-space) characters."""
    visible = han = 0
    for ch in text:
        if ch.isspace():
            continue
        visible += 1
        if is_han(ch):
            han += 1
    return han, (han / visible if visible else 0.0)


def check_chinese(text: str, suffix: str) -> None:
    """Refuse a text with no Chinese to find (:data:`MIN_HAN_CHARS`,
    :data:`MIN_HAN_SHARE`); a PDF's refusal says that a scan needs OCR first."""
    han, share = han_share(text)
    if han >= MIN_HAN_CHARS and share >= MIN_HAN_SHARE:
        return
    found = f"{han} Chinese characters, {share:.0%} of the text"
    if suffix.lower() == ".pdf":
        raise UploadRefused(
            "no_chinese",
            "intake.no_chinese_pdf",
            f"No Chinese text could be read from the PDF ({found}); a scanned PDF or "
            "one of charts only needs OCR (a text layer) first.",
            han=str(han),
        )
    raise UploadRefused(
        "no_chinese",
        "intake.no_chinese",
        f"No Chinese text could be read ({found}); the library holds Chinese documents.",
        han=str(han),
    )


def staging_root(data_dir: Path) -> Path:
    return data_dir / STAGING_DIR


def sweep_staging(data_dir: Path, *, older_than: float = STALE_STAGING_SECONDS) -> None:
    """Remove staging folders a crashed upload left behind (never a current one)."""
    root = staging_root(data_dir)
    if not root.is_dir():
        return
    cutoff = time.time() - older_than
    for entry in root.iterdir():
        with suppress(OSError):
            if entry.stat().st_mtime < cutoff:
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink()


@contextmanager
def staged(data_dir: Path, name: str, data: bytes) -> Iterator[Path]:
    """``data`` written to ``<data_dir>/uploads/<private folder>/<name>``, removed on exit."""
    root = staging_root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="up-", dir=root))
    try:
        path = folder / name
        path.write_bytes(data)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def read_upload(path: Path, *, max_bytes: int, passage_max_chars: int) -> Document:
    """Load a staged upload the way the indexer will, refusing what it cannot read."""
    try:
        doc = load_document(
            path, path.parent, max_bytes=max_bytes, passage_max_chars=passage_max_chars
        )
    except UnreadableDocument as exc:
        raise unreadable(exc) from None
    check_chinese(doc.text, path.suffix)
    return doc


def suffix_by_content(data: bytes) -> str:
    """The extension a file sent with none is read by, from its bytes: a name without
    one (``万安县统计公报``, as some phones and chat exports save files) was refused before
    its content was read (user-trial16). A PDF header, a Word document (a zip holding
    ``word/document.xml``) and an old Office file (``.doc``: refused with what to do, as
    by its name) say what they are; anything else is a text (a page's markup is read as
    a page by the text reader), whose checks then refuse binary content and archives."""
    if b"%PDF-" in data[:1024]:
        return ".pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return ".docx"
        except (zipfile.BadZipFile, ValueError, OSError):
            pass
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return ".doc"
    return ".txt"


def check_upload(filename: str | None, data: bytes, *, max_bytes: int) -> str:
    """Name and content checks that need no file; returns the corpus file name."""
    name = check_name(filename)
    check_content(name, data, max_bytes=max_bytes)
    return name
