"""The same report under another name: a revised ``…（修订稿）.txt`` or ``…定稿.docx``
forwarded beside the first copy, told by its title, place, year and kind (asked about
before it is added, by an upload and by ``briefbot ingest`` alike)."""

from __future__ import annotations

from bot.models import Document, DocumentInfo


def same_report(docs: list[DocumentInfo], name: str, staged: Document) -> DocumentInfo | None:
    """A document of another name that reads as the same report as ``staged``: same
    title, place, year and kind, the place known (a revised ``…（修订稿）.txt`` or
    ``…定稿.docx`` forwarded beside the first copy was added as a second document:
    both versions' figures listed side by side, the old one in answers and digests).
    Titles made up of a kind and a year alone (``2023年讲话``) have no place: never
    matched, as two speeches of a year are two documents."""
    meta = staged.meta
    if not meta.title or not meta.region:
        return None
    for info in docs:
        if info.relpath == name:
            continue
        if (info.title, info.region, info.year, info.doc_type) == (
            meta.title,
            meta.region,
            meta.year,
            meta.doc_type,
        ):
            return info
    return None
