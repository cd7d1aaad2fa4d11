"""Filesystem edges of ingestion: finding documents and loading one into a :class:`Document`.

The indexer calls :func:`discover` once and :func:`load_document` per file,
catching :class:`~bot.corpus.reader.UnreadableDocument` (which includes
:class:`~bot.corpus.sidecar.MetadataError` for a bad sidecar) to report it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from bot.corpus.layout import (
    close_table_gaps,
    reflow_wrapped,
    strip_page_furniture,
    tabulate_space_rows,
    unbulleted,
    unescape_spaces,
)
from bot.corpus.parse import split_passages
from bot.corpus.reader import (
    Deadline,
    UnreadableDocument,
    cannot_read,
    decode_bytes,
    is_supported,
    read_bytes,
)
from bot.corpus.sidecar import SIDECAR_SUFFIX, load_sidecar
from bot.models import Document
from bot.text.normalize import fold_figures

DOC_ID_CHARS = 10
# A document cut into more passages than this is refused (uploads, ingest and the
# indexer alike): a 20 MB policy document has some tens of thousands; a pathological
# file of one-word lines would cost minutes of indexing and gigabytes of memory.
MAX_PASSAGES = 100_000


def doc_id_for(relpath: str) -> str:
    """Stable id of a document: the first 10 hex digits of sha1 of its POSIX relative path.

    It depends on the path only, so a new version of the same file keeps its id.
    Backslashes are treated as separators so Windows-style paths give the same id.
    """
    posix = PurePosixPath(relpath.replace("\\", "/")).as_posix()
    return hashlib.sha1(posix.encode("utf-8")).hexdigest()[:DOC_ID_CHARS]


@dataclass(frozen=True, slots=True)
class Discovery:
    """Documents to load, and the files that were passed over with the reason why."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def _ignored(name: str) -> bool:
    """Files never worth mentioning: hidden files, Office lock files, sidecars."""
    return name.startswith((".", "~$")) or name.endswith(SIDECAR_SUFFIX)


def discover(paths: Iterable[Path]) -> Discovery:
    """Supported documents among ``paths`` (files, and folders searched recursively).

    Hidden files and folders, Office lock files (``~$x.docx``) and
    ``*.meta.toml`` sidecars are ignored silently inside folders. Unsupported
    types, missing paths and non-regular files are returned in ``skipped``
    with a reason, so the caller can report them. Both lists are sorted and
    free of duplicates.
    """
    files: set[Path] = set()
    skipped: dict[Path, str] = {}

    def consider(path: Path, *, explicit: bool) -> None:
        if not explicit and _ignored(path.name):
            return
        if path.name.endswith(SIDECAR_SUFFIX):
            skipped[path] = "metadata sidecar, not a document"
        elif not path.is_file():
            skipped[path] = "not a regular file (broken link?)"
        elif is_supported(path):
            files.add(path)
        else:
            skipped[path] = f"unsupported file type ({path.suffix or 'no extension'})"

    for root in paths:
        root = Path(root)
        if root.is_dir():
            # followlinks=False: a symlink loop must not hang indexing.
            for folder, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    consider(Path(folder) / name, explicit=False)
        elif root.exists() or root.is_symlink():
            consider(root, explicit=True)
        else:
            skipped[root] = "not found"
    return Discovery(
        files=sorted(files),
        skipped=sorted((p, r) for p, r in skipped.items() if p not in files),
    )


def relative_posix(path: Path, corpus_root: Path) -> str:
    """``path`` relative to ``corpus_root`` in POSIX form; the absolute path when outside it."""
    for p, root in (
        (path.absolute(), corpus_root.absolute()),
        (path.resolve(), corpus_root.resolve()),
    ):
        try:
            rel = Path(os.path.normpath(p)).relative_to(os.path.normpath(root))
        except ValueError:
            continue
        return rel.as_posix()
    return path.resolve().as_posix()


def load_document(
    path: Path, corpus_root: Path, *, max_bytes: int, passage_max_chars: int
) -> Document:
    """Read, decode and parse one document.

    Metadata is inferred from the text (:func:`~bot.corpus.meta.infer_meta`),
    overridden by what the file says of itself (a web page's title, date and issuer)
    and then by the sidecar ``<filename>.meta.toml`` if there is one.
    Raises :class:`UnreadableDocument` (or its subclass ``MetadataError``).
    """
    relpath = relative_posix(path, corpus_root)
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise cannot_read(path, exc) from None
    # One read: the hash and the text come from the same bytes.
    raw = read_bytes(path, max_bytes=max_bytes)
    # Extraction (pages, paragraphs) and parsing share one time budget (reader.Deadline).
    deadline = Deadline(path)
    decoded = decode_bytes(raw, path, deadline=deadline)
    # ５．５％ as 5.5%: figures, years and names read the same in every width; a
    # hard-wrapped text (a PDF's text layer) as paragraphs, so no word is cut by a line end.
    # A web page's lines are its paragraphs, headings and table rows (its markup's line
    # breaks are gone): never wrapped, and a short page whose lines happen to share a
    # length would be joined wrongly. A table's rows copied with their cells apart by
    # spaces get tabs first, so that neither reflow nor paragraphs join them to prose.
    # A page's &nbsp; left in a copied text is a space; a list item's bullet is layout.
    # A table's rows apart by blank lines (a web page's copy) are rows of one table; a
    # PDF's page numbers and running headers are no part of the text, and a table's header
    # and rows on two pages are one table.
    text = fold_figures(unbulleted(unescape_spaces(decoded.text)))
    if decoded.encoding != "html":
        text = strip_page_furniture(text)
    text = tabulate_space_rows(close_table_gaps(text))
    if decoded.encoding != "html":
        text = reflow_wrapped(text)
    doc_id = doc_id_for(relpath)
    passages = split_passages(doc_id, text, max_chars=passage_max_chars, tick=deadline.check)
    if len(passages) > MAX_PASSAGES:
        raise UnreadableDocument(
            path,
            f"too many passages ({len(passages)} passages, the limit is {MAX_PASSAGES})",
            "too_many_passages",
            count=str(len(passages)),
            limit=str(MAX_PASSAGES),
        )
    # imported here: the metadata inference (its patterns) costs every process importing
    # the loader ≈30 ms, and opening an index whose documents are unchanged loads none
    from bot.corpus.meta import infer_meta, merge_meta

    # What the file says of itself (a web page's title, date, issuer) as a sidecar would,
    # a real sidecar over it.
    meta = merge_meta(infer_meta(text, path.name), {**decoded.meta, **load_sidecar(path)})
    deadline.check()
    return Document(
        doc_id=doc_id,
        filename=path.name,
        relpath=relpath,
        sha256=hashlib.sha256(raw).hexdigest(),
        size=len(raw),
        mtime=mtime,
        encoding=decoded.encoding,
        meta=meta,
        text=text,
        passages=passages,
    )
