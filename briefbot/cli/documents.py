"""``briefbot docs``, ``doc``, ``ingest``, ``remove``, ``index``: the documents and the index."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from bot.i18n import DEFAULT_LANGUAGE, counted, tr
from bot.library import DocumentNotFound, Engine, make_indexer
from bot.models import html_in_text
from bot.render import LEVEL_LABELS, document_to_dict, sections_of
from bot.text.english_fallback import keep_installed_table
from briefbot.cli.app import (
    LANG_HELP,
    app,
    checked_lang,
    err,
    no_document,
    open_engine,
    out,
    places_note,
    print_refresh,
    progress_bar,
    state,
)


@app.command()
def docs(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = DEFAULT_LANGUAGE,
) -> None:
    """List the indexed documents.

    Examples: briefbot docs; briefbot docs --json
    """
    checked_lang(lang)
    engine = open_engine()
    documents = engine.documents()
    if as_json:
        payload = [document_to_dict(d) for d in documents]
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return
    table = Table("id", "file", "title", "region", "level", "type", "year", "passages", "KB")
    for d in documents:
        table.add_row(
            d.doc_id,
            d.filename,
            d.title,
            d.region or "-",
            _level(d.level, lang),
            d.doc_type or "-",
            str(d.year or "-"),
            str(d.passages),
            f"{d.size / 1024:.1f}",
        )
    out.print(table)
    corpus = state.settings.corpus_dir
    if not documents and not corpus.is_dir():
        out.print(tr(lang, "cli.docs_no_corpus", corpus=corpus), markup=False)
    elif not documents:
        out.print(tr(lang, "cli.docs_empty", corpus=corpus), markup=False)


def _level(level: str | None, lang: str) -> str:
    """A document's level in ``lang`` (省级 / provincial), an unknown one as stored."""
    if not level:
        return "-"
    return tr(lang, f"docs.levels.{level}") if level in LEVEL_LABELS else level


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (.txt .md .docx .pdf .html .htm .mhtml).")
    ],
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace a corpus file of the same name, or the same report under another "
            "name (a revised version), with the new one.",
        ),
    ] = False,
    keep_both: Annotated[
        bool,
        typer.Option(
            "--keep-both",
            help="Add a file that reads as the same report as one in the library beside it.",
        ),
    ] = False,
) -> None:
    """Copy documents into the corpus folder and index them.

    Folders are read recursively. A file already indexed with the same content is said
    unchanged; one of the same name with new content needs --replace (its key targets
    and search results are then the new version's); the same content under another name
    is skipped. One of another name that reads as the same report (title, place, year and
    kind: a revised version) is skipped with the question, as an upload to the bot is
    asked: --replace replaces the older file, --keep-both adds it beside. A file with no
    extension is read by its content and copied as NAME.txt (.docx, .pdf). Unreadable
    files (binary, empty, over max_file_mb, unsupported type) are
    skipped with the reason. Exit 0 when something was added or is indexed already (run
    again, a batch exits as it did the first time), 1 when a path was not found or a file
    was skipped and nothing given is in the library, 130 when interrupted
    (Ctrl-C: no file is left half-copied, and running it again copies the rest).

    Example: briefbot ingest reports/ 2025年江州市政府工作报告.docx
    """
    if replace and keep_both:
        err.print(tr("en", "cli.replace_or_keep_both"), markup=False)
        raise typer.Exit(2)
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        err.print(f"[red]not found:[/] {escape(str(p))}")
    state.settings.corpus_dir.mkdir(parents=True, exist_ok=True)  # a new corpus: none yet
    engine = open_engine()
    bar, update = progress_bar()
    try:
        with bar:
            report = engine.ingest(
                [p for p in paths if p.exists()],
                replace=replace,
                keep_both=keep_both,
                progress=update,
            )
    except KeyboardInterrupt:  # Ctrl-C: typer's exit 130 said nothing of what was kept
        err.print(tr("en", "cli.ingest_interrupted"), markup=False, soft_wrap=True)
        raise typer.Exit(130) from None
    for given, name in report.named_by_content:
        out.print(tr("en", "cli.named_by_content", path=given, name=name), markup=False)
    for s in report.skipped:
        err.print(f"[yellow]skipped[/] {escape(str(s.path))}: {escape(s.reason)}")
    replaced = set(report.refresh.updated) if replace else set()
    for name in report.copied:
        out.print(
            f"{'replaced' if name in replaced else 'added'} {name}{_how_read(engine, name)}",
            markup=False,
        )
    for name, older in report.superseded:
        out.print(tr("en", "cli.superseded", name=name, older=older), markup=False)
    for path in report.unchanged:
        out.print(f"already indexed, unchanged: {path}", markup=False)
    print_refresh(report.refresh)
    # a rerun exits as the first run did (trial22: a batch holding an empty file exited 0,
    # then 1 when run again, its documents now "already indexed, unchanged")
    if missing or (report.skipped and not report.copied and not report.unchanged):
        raise typer.Exit(1)


def _how_read(engine: Engine, name: str) -> str:
    """What the user should know of how a file was read: a text holding HTML was read as
    a page (user-trial15: it was indexed with its tags)."""
    with contextlib.suppress(LookupError, ValueError):
        doc = engine.document(name)
        if html_in_text(doc.filename, doc.encoding):
            return " (it holds HTML: read as a web page, tags and scripts removed)"
    return ""


@app.command()
def remove(
    ref: Annotated[str, typer.Argument(help="Document id, file name or unique prefix.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a document: its file (and .meta.toml sidecar) from the corpus folder, its
    passages from the index and its key targets.

    A bot running on the same data folder stops serving it within index_check_seconds.
    Asks first unless --yes (needed when the input is not a terminal).

    Example: briefbot remove 004 --yes
    """
    engine = open_engine()
    try:
        info = engine.document(ref)
    except DocumentNotFound as exc:
        raise no_document(exc) from None
    said = f"{info.filename} ({info.title}, id {info.doc_id})"
    if not yes:
        if not err.is_terminal:
            err.print(f"not removed: {said}; add --yes to remove it", markup=False, soft_wrap=True)
            raise typer.Exit(1)
        if not typer.confirm(f"Remove {said}?", err=True):
            raise typer.Exit(1)
    try:
        gone = engine.remove_document(info.doc_id)
    except DocumentNotFound as exc:  # removed by someone else in the meantime
        raise no_document(exc) from None
    left = counted(len(engine.documents()), "document")
    out.print(f"removed {gone.relpath} ({left} left)", markup=False)


@app.command()
def index(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Re-read and re-segment every document.")
    ] = False,
) -> None:
    """Bring the index up to date (or rebuild it) and show its size.

    The old compiled index is never opened first: a damaged one is rebuilt (``--rebuild``
    re-reads every document and needs nothing of the old index).

    Examples: briefbot index; briefbot index --rebuild
    """
    bar, update = progress_bar()
    with bar:
        report = make_indexer(state.settings).refresh(rebuild=rebuild, progress=update)
    engine = Engine.open(state.settings, refresh=False)
    # the English table beside the index now: no first query (nor an MCP server started
    # before the bot) reads the 9 MB dictionary for it
    if engine.searcher.english_cache is not None:
        keep_installed_table(engine.searcher.english_cache)
    print_refresh(report)
    meta = engine.index.meta
    out.print(
        f"{counted(len(engine.documents()), 'document')}, "
        f"{counted(meta['n_passages'], 'passage')}, "
        f"{counted(meta['n_terms'], 'term')}, {counted(meta['n_postings'], 'posting')} "
        f"in {state.settings.index_dir}"
    )


@app.command()
def doc(
    ref: Annotated[str, typer.Argument(help="Document id, file name or prefix.")],
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Machine-readable: the fields of docs --json and sections."),
    ] = False,
) -> None:
    """Show one document: title, region, level, type, year, issuer, date and its sections.

    Examples: briefbot doc 004; briefbot doc 004 --json
    """
    engine = open_engine()
    try:
        d = engine.document(ref)
        info = engine.find_document(d.doc_id)
    except DocumentNotFound as exc:
        exit_ = no_document(exc)
        places_note(engine, ref, to_err=True)  # doc Guangzou: 广州 (Guangzhou)?
        raise exit_ from None
    if as_json:
        payload = document_to_dict(info)
        payload["sections"] = sections_of(d)
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return
    head = Text(d.title, style="bold")
    head.append(f"  [{d.filename}] id {d.doc_id}")
    out.print(head)
    meta = d.meta
    region = " > ".join(meta.region_path) if len(meta.region_path) > 1 else meta.region
    level = LEVEL_LABELS.get(meta.level or "", meta.level or "-")
    out.print(
        f"region: {region or '-'}  level: {level}  type: {meta.doc_type or '-'}  "
        f"year: {meta.year or '-'}  passages: {len(d.passages)}",
        markup=False,
    )
    out.print(f"issuer: {meta.issuer or '-'}  date: {meta.date or '-'}", markup=False)
    for path in sections_of(d):
        out.print("  " * (len(path) - 1) + "• " + path[-1])
