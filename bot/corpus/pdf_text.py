"""The text layer of a PDF, page by page: encrypted, damaged, page-bombed and scanned
files refused in plain words. The page limit is the reader's (:mod:`bot.corpus.reader`),
passed in."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from bot.corpus.read_result import UnreadableDocument

if TYPE_CHECKING:
    from bot.corpus.reader import Deadline


def _encrypted(path: Path, why: str) -> UnreadableDocument:
    return UnreadableDocument(path, f"encrypted PDF ({why})", "pdf_encrypted")


def _bad_pdf(path: Path, why: str) -> UnreadableDocument:
    return UnreadableDocument(path, f"not a valid PDF file ({why})", "pdf_invalid")


def pdf_text(data: bytes, path: Path, deadline: Deadline, *, max_pages: int) -> str:
    """The text layer of every page, pages separated by a blank line; a PDF of more than
    ``max_pages`` pages is refused before any text is extracted."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            # Many PDFs are encrypted only to restrict printing/copying, with an
            # empty user password; those open. The others need a password.
            raise _encrypted(path, "password required")
        count = len(reader.pages)
        if count > max_pages:
            raise UnreadableDocument(
                path,
                f"the PDF has {count} pages, the limit is {max_pages}",
                "pdf_pages",
                count=str(count),
                limit=str(max_pages),
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
