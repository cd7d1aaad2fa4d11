"""The text of a .docx: its zip directory checked against the limits before anything is
unpacked (a zip bomb), then paragraphs and tables in document order, headings kept as
markdown headings. The limits are the reader's (:mod:`bot.corpus.reader`), passed in."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.corpus.read_result import UnreadableDocument

if TYPE_CHECKING:
    from bot.corpus.reader import Deadline

# The ratio is judged only for entries at least this large (tiny parts compress oddly).
_DOCX_RATIO_MIN_SIZE = 1024 * 1024
_DOCX_HEADING_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def _bad_docx(path: Path, why: str) -> UnreadableDocument:
    return UnreadableDocument(path, f"not a valid .docx file ({why})", "not_docx")


def _size(size: int) -> str:
    """100 MB, 512 KB: a size as the limits are said."""
    if size >= 1_048_576:
        return f"{size / 1_048_576:.1f}".removesuffix(".0") + " MB"
    return f"{max(size / 1024, 1):.0f} KB"


def check_archive(
    data: bytes, path: Path, *, max_entries: int, max_unpacked: int, max_ratio: int
) -> None:
    """Refuse a .docx whose zip directory declares more than ``max_entries`` entries, more
    than ``max_unpacked`` bytes unpacked or an entry compressed more than ``max_ratio``
    times (a zip bomb), before anything is decompressed. A file that is not a zip is left
    to the reader."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    if len(infos) > max_entries:
        raise UnreadableDocument(
            path,
            f"the .docx holds {len(infos)} files, the limit is {max_entries}",
            "docx_entries",
            count=str(len(infos)),
            limit=str(max_entries),
        )
    total = sum(max(i.file_size, 0) for i in infos)
    if total > max_unpacked:
        raise UnreadableDocument(
            path,
            f"the .docx unpacks to {_size(total)}, the limit is {_size(max_unpacked)}",
            "docx_too_large",
            size=_size(total),
            limit=_size(max_unpacked),
        )
    for info in infos:
        if info.file_size < _DOCX_RATIO_MIN_SIZE:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > max_ratio:
            raise UnreadableDocument(
                path,
                f"a part of the .docx has a compression ratio of {ratio:.0f}, "
                f"the limit is {max_ratio} (a zip bomb?)",
                "docx_ratio",
                ratio=f"{ratio:.0f}",
                limit=str(max_ratio),
            )


def docx_text(data: bytes, path: Path, deadline: Deadline, *, max_paragraphs: int) -> str:
    """Paragraphs and table rows of a .docx in document order, blank-line separated.

    Heading-styled paragraphs ("Heading N", "Title") are written as markdown
    headings so that :mod:`bot.corpus.parse` keeps the structure Word knew
    about. A table is one block, a row per line, cells separated by " | ". More than
    ``max_paragraphs`` non-empty paragraphs and tables are refused as too many passages.
    The zip directory is checked first, by the caller (:func:`check_archive`).
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _docx_blocks(document, limit=max_paragraphs, path=path, deadline=deadline)
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
