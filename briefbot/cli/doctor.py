"""``briefbot doctor``: check the index folder, the corpus folder and the database;
``--repair`` fixes what it can (a damaged index, document caches or key targets, a
schema behind its migrations, a byte-identical copy of an indexed document left in the
corpus folder).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer

from bot.library.health import (
    Finding,
    check_corpus_pending,
    check_corpus_twins,
    check_index_folder,
)
from bot.tokens import redact
from briefbot.cli.app import app, out, state


def _database(repair: bool) -> Finding:
    from bot.storage.db import Database, database_url, head_revision  # lazy: SQLAlchemy

    settings = state.settings
    try:
        db = Database(database_url(settings))
    except Exception as exc:
        return Finding("database", False, redact(f"cannot open it: {exc}", mask="***"))
    try:
        problems = db.integrity_problems()
        if problems:
            shown = "; ".join(problems[:5]) + (" …" if len(problems) > 5 else "")
            return Finding("database", False, f"{db.name}: {shown}")
        head, current = head_revision(), db.current_revision()
        if current is None and not repair:
            return Finding("database", True, f"{db.name}: empty, migrated when first used")
        if current != head:
            if not repair:
                return Finding(
                    "database", False, f"{db.name}: schema at {current}, migrations at {head}"
                )
            db.upgrade()
            return Finding("database", False, f"{db.name}: migrated to {head}", repaired=True)
        return Finding("database", True, f"{db.name}: integrity ok, schema at {head}")
    except Exception as exc:
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Finding("database", False, redact(f"{db.name}: {text}", mask="***"))
    finally:
        db.close()


@app.command()
def doctor(
    repair: Annotated[
        bool,
        typer.Option(
            "--repair",
            help="Fix what can be fixed (rebuild, re-extract, migrate, delete a corpus "
            "file that is a byte-identical copy of an indexed document).",
        ),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="Machine-readable: ok and findings (area, ok, detail, repaired)."
        ),
    ] = False,
) -> None:
    """Check the compiled index, document caches, key targets, the corpus folder (a copy
    of an indexed document never indexed) and the database.

    Exit 0 when everything is fine (or was repaired), 1 when a problem remains.

    Examples: briefbot doctor; briefbot doctor --repair; briefbot doctor --json
    """
    settings = state.settings
    if not repair and not (settings.index_dir / "manifest.json").exists():
        # a new data folder, or one moved without telling the configuration where
        findings = [
            Finding(
                "index",
                False,
                f"not built yet in {settings.index_dir} (a new data folder, or one moved "
                "without setting data_dir / BRIEFBOT_DATA_DIR?); any command builds it, "
                "or briefbot doctor --repair",
            ),
            _database(repair),
        ]
    else:
        findings = [
            *check_index_folder(settings, repair=repair),
            check_corpus_twins(settings, repair=repair),
            check_corpus_pending(settings),
            _database(repair),
        ]
    problem = any(not f.ok and not f.repaired for f in findings)
    if as_json:
        payload = {"ok": not problem, "findings": [asdict(f) for f in findings]}
        out.print_json(json.dumps(payload, ensure_ascii=False))
        if problem:
            raise typer.Exit(1)
        return
    for f in findings:
        mark = "ok" if f.ok else ("repaired" if f.repaired else "PROBLEM")
        out.print(f"{mark:>8}  {f.area}: {f.detail}", markup=False, soft_wrap=True)
    if problem:
        raise typer.Exit(1)
