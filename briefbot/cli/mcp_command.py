"""``briefbot mcp``: the library for AI assistants over the Model Context Protocol."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from collections.abc import Iterator
from typing import Annotated

import anyio
import typer

from bot.blocking import Blocking
from bot.library import Engine
from bot.tokens import MCP_TOKEN_ENV as TOKEN_ENV
from bot.tokens import install_log_redaction
from briefbot.cli.app import app, err, print_refresh, state

log = logging.getLogger(__name__)


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Send whatever is written to stdout (by Python code or by C code on descriptor 1)
    to stderr meanwhile: in stdio mode stdout carries protocol messages only."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def open_library() -> Engine:
    """The engine, read-only (:meth:`Engine.open_readonly`), with everything a first
    call would load loaded now: segmenter, indicator table, lexicon, the bilingual
    dictionary's table (read as the bot left it beside the index, else from the dictionary)."""
    engine = Engine.open_readonly(state.settings)
    engine.searcher.lexicon  # noqa: B018 - loaded now, not by the first search
    engine.searcher.english_table()
    engine.indicator_table  # noqa: B018
    engine.search("经济", page_size=1)  # the segmenter's dictionary
    if engine.last_refresh is not None:
        print_refresh(engine.last_refresh)
    return engine


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command("mcp")
def mcp_command(
    http: Annotated[
        str | None,
        typer.Option(
            "--http",
            metavar="HOST:PORT",
            help="Serve streamable HTTP at http://HOST:PORT/mcp instead of stdio "
            "(127.0.0.1:8765; port 0 picks a free one). Addresses other than loopback need "
            f"a bearer token in ${TOKEN_ENV}.",
        ),
    ] = None,
) -> None:
    """Serve the library to AI assistants (Claude Desktop, IDEs …) over MCP, read-only.

    Tools: search, get_passage, list_documents, get_document_outline, targets, compare.

    Resources doc://ID (a document as Markdown); prompt brief_targets (region, year).

    Same data folder as the bot, safe beside it: it never refreshes an index that exists.

    Default stdio: stdout carries protocol messages only, logs go to stderr.

    Examples: briefbot mcp; briefbot mcp --http 127.0.0.1:8765
    """
    # lazy: the MCP SDK is a third of a command's start-up, and only this command uses it
    from mcp_server import BindError, build_server, check_bind, parse_bind, serve_http
    from mcp_server.http import is_loopback

    token = (os.environ.get(TOKEN_ENV) or "").strip() or None
    if token:
        install_log_redaction([token])
    bind = None
    if http is not None:
        try:
            bind = parse_bind(http)
            check_bind(bind[0], token)
        except BindError as exc:
            err.print(f"[red]briefbot mcp:[/] {exc}", markup=True, highlight=False)
            raise typer.Exit(2) from None
    elif sys.stdin.isatty():
        err.print(
            "briefbot mcp speaks the Model Context Protocol on stdin and stdout: start it "
            "from an MCP client (see README), or use --http. Ctrl-D stops."
        )
    try:
        with stdout_to_stderr():
            engine = open_library()
    except Exception as exc:  # no index and none can be built: say why, no traceback
        log.debug("opening the library failed", exc_info=True)
        err.print(f"briefbot mcp: cannot open the library: {exc}", markup=False)
        raise typer.Exit(1) from None
    blocking = Blocking()
    server = build_server(engine, blocking, token=token if bind else None)
    try:
        if bind is None:
            anyio.run(server.run_stdio_async)
        else:
            host, port = bind

            def ready(url: str) -> None:
                auth = "bearer token required" if token else "no token: loopback only"
                if not is_loopback(host):  # the token crosses the network as sent
                    auth += "; plain HTTP: put a TLS proxy in front of it"
                print(f"briefbot mcp: serving {url} ({auth}); Ctrl-C stops", file=sys.stderr)

            # uvicorn stops gracefully on SIGTERM, then raises it again for the handler it
            # found: this one, so SIGTERM ends the command like Ctrl-C, with status 0.
            signal.signal(signal.SIGTERM, _interrupt)
            anyio.run(lambda: serve_http(server, host, port, token=token, ready=ready))
    except KeyboardInterrupt:
        pass
    except BindError as exc:
        err.print(f"briefbot mcp: {exc}", markup=False)
        raise typer.Exit(2) from None
    finally:
        blocking.shutdown()
