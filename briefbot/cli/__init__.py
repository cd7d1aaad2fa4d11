"""``briefbot``: the command line of Policy Brief Bot.

Every command but ``run`` works offline on the corpus folder; the index is brought up to
date automatically before a command that reads it. ``briefbot`` alone (or ``briefbot
console``) chats with the real bot through a local fake Telegram server; ``briefbot run``
is the only command that talks to Telegram and needs the token.

Command groups: :mod:`~briefbot.cli.search`, :mod:`~briefbot.cli.documents`,
:mod:`~briefbot.cli.targets`, :mod:`~briefbot.cli.compare`,
:mod:`~briefbot.cli.subscriptions`,
:mod:`~briefbot.cli.database` (``db copy``), :mod:`~briefbot.cli.serve` (console and run),
:mod:`~briefbot.cli.doctor` and
:mod:`~briefbot.cli.mcp_command` (the MCP server); :mod:`~briefbot.cli.app` is the Typer
application they register on.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from bot import __version__
from bot.config import Settings, explain, mistyped_environment
from bot.i18n import counted
from bot.tokens import install_log_redaction
from briefbot.cli.app import app, err, out, state

# isort: off
# The command groups register their commands on ``app`` when imported, in this order
# (the order of ``briefbot --help``).
from briefbot.cli import search
from briefbot.cli import documents
from briefbot.cli import targets
from briefbot.cli import compare
from briefbot.cli import analytics
from briefbot.cli import subscriptions
from briefbot.cli import sources
from briefbot.cli import database
from briefbot.cli import serve
from briefbot.cli import doctor
from briefbot.cli import mcp_command

# isort: on
from briefbot.cli.app import reflow_help
from briefbot.cli.serve import console_session

reflow_help(app)  # every command registered: their docstrings as one line a paragraph

__all__ = [
    "analytics",
    "app",
    "compare",
    "database",
    "doctor",
    "documents",
    "main",
    "mcp_command",
    "search",
    "serve",
    "sources",
    "subscriptions",
    "targets",
]


# Log lines an operator can read weeks later: when (local time with its offset), how bad,
# where from; `briefbot run` writes them to stderr for systemd, docker or a file to keep.
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_DATEFMT = "%Y-%m-%d %H:%M:%S%z"


def _cannot_write(folder: Path) -> str | None:
    """Why no file can be made in ``folder`` (an existing folder), or None when one can.

    Tried, not guessed from the mode bits: root writes into a read-only folder, and a
    folder of /proc or /sys looks writable to ``os.access`` but is not. The try is an
    unnamed temporary file (gone when closed, or if the process dies): nothing is left."""
    if not os.access(folder, os.W_OK | os.X_OK):
        return "permission denied"
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".briefbot-write-check-"):
            pass
    except OSError as exc:
        return (exc.strerror or type(exc).__name__).lower()
    return None


def data_dir_problem(data_dir: Path) -> str | None:
    """What keeps ``data_dir`` from being the state folder (a file there, a folder no file
    can be written in, or one that cannot be made where it would be; its index folder a
    file), said with the path and the settings that name it; None when it is usable.
    Nothing is created here: the commands make the folder when they write."""
    where = "set data_dir / BRIEFBOT_DATA_DIR, or --data-dir"
    if data_dir.exists() and not data_dir.is_dir():
        return f"the data folder {data_dir} is a file, not a folder: {where}"
    if data_dir.is_dir():
        why = _cannot_write(data_dir)
        if why:
            return f"the data folder {data_dir} is not writable ({why}): {where}"
        index = data_dir / "index"
        if index.exists() and not index.is_dir():
            return f"the index folder {index} in the data folder is a file, not a folder: {where}"
        return None
    parent = data_dir
    while not parent.exists() and parent.parent != parent:
        parent = parent.parent
    why = _cannot_write(parent) if parent.is_dir() else "not a folder"
    if why:
        return (
            f"cannot create the data folder {data_dir}: {parent} is not a writable folder "
            f"({why}); {where}"
        )
    return None


def corpus_dir_problem(settings: Settings) -> str | None:
    """A corpus folder that does not exist while the index holds documents read from
    one: a mistyped or unmounted corpus_dir, which refreshing would take for every
    document removed (the index emptied, a bot on the same data folder serving nothing)."""
    corpus = settings.corpus_dir
    if corpus.is_dir():
        return None
    try:
        files = json.loads((settings.index_dir / "manifest.json").read_text("utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # never indexed: nothing to lose
    if not files:
        return None
    return (
        f"the corpus folder {corpus} does not exist, and the index in {settings.index_dir} "
        f"holds {counted(len(files), 'document')} read from a corpus folder; nothing was "
        "changed. Set "
        "corpus_dir / BRIEFBOT_CORPUS_DIR (or --corpus-dir) to the folder of those documents, "
        "or create the folder (an empty one removes them from the index)"
    )


def setup_logging(verbose: int) -> None:
    """Log to stderr with a timestamp and the level: WARNING, INFO with ``-v``, DEBUG with
    ``-vv`` (what an operator chasing a problem with the Bot API or the database asks
    for; secrets are redacted at every level)."""
    level = logging.DEBUG if verbose >= 2 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format=LOG_FORMAT, datefmt=LOG_DATEFMT)


@app.callback(invoke_without_command=True)
def _main(  # the options every command shares
    ctx: typer.Context,
    corpus_dir: Annotated[
        Path | None, typer.Option(help="Corpus folder (default: config / BRIEFBOT_CORPUS_DIR).")
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option(help="State folder (default: config / BRIEFBOT_DATA_DIR).")
    ] = None,
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose",
            "-v",
            count=True,
            show_default=False,
            help="Log details (INFO); -vv logs everything (DEBUG).",
        ),
    ] = 0,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(f"briefbot {__version__}")
        raise typer.Exit()
    setup_logging(verbose)
    if not verbose:
        # pypdf warns, on its own lines, of every flaw it reads past in a PDF
        # (``WARNING:pypdf._reader:EOF marker not found``); what the reader made of the
        # file (added, or skipped and why) is what the user is told. -v shows them.
        logging.getLogger("pypdf").setLevel(logging.ERROR)
    install_log_redaction()  # httpx and PTB log request URLs, which contain the token
    overrides = {}
    if corpus_dir is not None:
        overrides["corpus_dir"] = corpus_dir.resolve()
    if data_dir is not None:
        overrides["data_dir"] = data_dir.resolve()
    try:
        state.settings = Settings(**overrides)
    except Exception as exc:  # configuration errors: say what is wrong, no traceback
        err.print(f"[red]configuration error:[/] {escape(explain(exc))}", soft_wrap=True)
        raise typer.Exit(2) from None
    problem = data_dir_problem(state.settings.data_dir) or corpus_dir_problem(state.settings)
    if problem:
        err.print(f"[red]configuration error:[/] {escape(problem)}", soft_wrap=True)
        raise typer.Exit(2)
    for warning in mistyped_environment():
        err.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    if ctx.invoked_subcommand is None:
        console_session()


def main() -> None:
    app()
