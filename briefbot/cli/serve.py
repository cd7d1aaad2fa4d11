"""``briefbot console`` and ``briefbot run``: the bot offline (fake Telegram server) and for real.

The only commands that use the Telegram layer (:mod:`handlers`), imported when they run.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Annotated, Any
from urllib.parse import urlparse

import typer
from rich.markup import escape

from bot import __version__
from bot.config import Settings, shown_url
from bot.i18n import Message, counted, tr
from bot.library import Engine
from bot.text.console_input import NOT_UTF8_NOTE, decode_line, read_stdin_line
from bot.tokens import TokenError, install_log_redaction, load_token, redact
from briefbot.cli.app import app, err, open_engine, out, state
from briefbot.cli.search import print_response

# -- the bot ---------------------------------------------------------------------------------
TELEGRAM_API = "https://api.telegram.org"
# PTB's network loop logs its last failed try with a traceback before it re-raises
# ("… Failed run number 0 of 0. Aborting.", "… Invalid token. Aborting retry loop.")
_ABORT_ENDINGS = ("Aborting.", "Aborting retry loop.")


class AbortTracebackFilter(logging.Filter):
    """Keeps PTB's one line saying it gave up but not its traceback (80 lines of httpx
    and httpcore frames) unless ``-v``: ``briefbot run`` says why in one line after it,
    and the operator's first start, with the network or the token wrong, read as a crash."""

    def __init__(self, verbose: bool) -> None:
        super().__init__()
        self.verbose = verbose

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.verbose and str(record.msg).endswith(_ABORT_ENDINGS):
            record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


def unreachable_line(exc: Exception, api: str | None) -> str | None:
    """The line saying the Bot API could not be reached (a connection refused, a DNS
    name not found, a timeout), naming where it was looked for; None for another error
    (``BadRequest`` is a ``NetworkError`` to PTB, but the API answered it)."""
    from telegram.error import BadRequest, NetworkError

    if not isinstance(exc, NetworkError) or isinstance(exc, BadRequest):
        return None
    return tr("en", "cli.run_unreachable", api=api or TELEGRAM_API, reason=str(exc))


def _query_store(settings: Settings):
    """The saved searches behind the bot's result buttons, in the database (migrated)."""
    from bot.storage import Database, QueryStore  # lazy: SQLAlchemy and Alembic

    return QueryStore(Database.open(settings))


def _token_configured() -> bool:
    return bool(os.environ.get("TELEGRAM_BOT_TOKEN", "").strip() or state.settings.token_file)


def what_it_runs_on(settings: Settings, database: Any, engine: Engine, *, fresh: bool) -> list[str]:
    """The start-up lines that say which state the bot runs on: its documents, its
    database and what that holds; a warning when the database was created just now (a
    data folder moved without telling the configuration starts from nothing, silently)."""
    from bot.subscriptions.store import SubscriptionStore

    subs = SubscriptionStore(database).list_all()
    active = sum(1 for s in subs if s.active and not s.paused)
    lines = [
        f"Documents: {len(engine.documents())} in {settings.corpus_dir}; index in "
        f"{settings.index_dir}. Database: {database.name}, {counted(len(subs), 'subscription')}, "
        f"{active} active."
    ]
    if not settings.owners:
        # nobody could add documents or admins from a chat, and nothing said so
        lines.append(
            "warning: no owners configured (owners / BRIEFBOT_OWNERS): nobody can add "
            "admins or documents from a chat. Send the bot /admin from your Telegram "
            "account: it answers with your user id to put there."
        )
    if fresh:
        lines.append(
            f"warning: {database.name} was created just now, empty. If this bot had "
            "subscriptions and admins before, its data folder or database_url is not where "
            "the configuration says: set data_dir / BRIEFBOT_DATA_DIR (or database_url) "
            "and start again. Moving to this database from another one: stop the bot and "
            f"copy the rows across, briefbot db copy --from OLD_URL --to {shown_url(database.url)}"
        )
    return lines


@app.command("console")
def console_command() -> None:
    """Chat with the bot in the terminal through a local fake Telegram server (no token).

    Type messages (keywords search; /search /docs /doc /targets /compare /help); a number
    presses the button shown with it; :docs lists documents, :quit leaves. Piped input is
    read line by line; no input at all plays a short demo.

    Examples: briefbot console; printf '乡村振兴\n/targets GDP\n' | briefbot console
    """
    console_session()


def console_session() -> None:
    from handlers.console import TelegramLayerUnavailable, run_console

    engine = open_engine()
    greeting: Message | None = None
    if _token_configured():
        greeting = Message("console.token_configured")  # said in the console's language
    try:
        store = _query_store(state.settings)
    except Exception as exc:  # the console works without saved queries
        err.print(f"[yellow]saved queries unavailable:[/] {escape(str(exc))}")
        store = None
    try:
        run_console(state.settings, engine, out=out, query_store=store, greeting=greeting)
    except TelegramLayerUnavailable as exc:
        err.print(
            f"{exc}; using the plain search console instead.",
            style="yellow",
            markup=False,
            soft_wrap=True,
        )
        _search_repl(engine)


@app.command()
def run(
    drop_pending_updates: Annotated[
        bool | None,
        typer.Option(
            "--drop-pending-updates/--keep-pending-updates",
            help=(
                "Skip the updates sent while the bot was down, or answer them (default: the "
                "drop_pending_updates setting, which answers them unless set to true)."
            ),
        ),
    ] = None,
) -> None:
    """Run the Telegram bot. Long polling; a webhook when webhook_url is set.

    The token comes from TELEGRAM_BOT_TOKEN or the file named by token_file (outside the
    repository). TELEGRAM_API_BASE_URL points the bot at a self-hosted Bot API server.
    Ctrl-C or SIGTERM stops it cleanly.

    Examples: TELEGRAM_BOT_TOKEN=… briefbot run; briefbot -v run --drop-pending-updates
    """
    settings = state.settings
    try:
        token = load_token(settings)
    except TokenError as exc:
        err.print(f"briefbot run: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(2) from None
    secret = settings.webhook_secret_token
    secret_value = secret.get_secret_value() if secret else None
    install_log_redaction([token, secret_value or ""])
    try:
        from handlers.app import build_application
    except ImportError as exc:
        err.print(
            redact(f"briefbot run: the Telegram layer cannot be loaded ({exc})", [token]),
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from None
    from telegram import Update
    from telegram.error import InvalidToken, TelegramError

    engine = open_engine()
    try:
        from bot.storage import Database, QueryStore  # lazy: SQLAlchemy and Alembic
        from bot.storage.db import database_url

        database = Database(database_url(settings))
        try:
            fresh = database.current_revision() is None
            database.upgrade()
        except BaseException:
            database.close()
            raise
        store = QueryStore(database)
        state_lines = what_it_runs_on(settings, database, engine, fresh=fresh)
    except Exception as exc:
        err.print(redact(f"briefbot run: {exc}", [token]), markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    api = settings.telegram_api_base_url
    application = build_application(
        settings,
        engine,
        token=token,
        base_url=f"{api}/bot" if api else None,
        base_file_url=f"{api}/file/bot" if api else None,
        query_store=store,
        database=database,
    )
    drop = settings.drop_pending_updates if drop_pending_updates is None else drop_pending_updates
    webhook = settings.webhook_url
    if webhook:
        mode = f"webhook {webhook}, listening on {settings.webhook_listen}:{settings.webhook_port}"
    else:
        mode = "long polling"
    where = f", Bot API at {api}" if api else ""
    hidden = [token, secret_value]
    previous_post_init = application.post_init

    async def announce(_app: object) -> None:
        if previous_post_init is not None:
            await previous_post_init(application)
        err.print(
            redact(
                f"Policy Brief Bot {__version__} running as @{application.bot.username}: "
                f"{mode}{where}. Ctrl-C stops.",
                hidden,
            ),
            markup=False,
            soft_wrap=True,
        )
        for line in state_lines:
            err.print(redact(line, hidden), markup=False, soft_wrap=True)

    application.post_init = announce
    quiet = AbortTracebackFilter(verbose=logging.getLogger().isEnabledFor(logging.INFO))
    logging.getLogger("telegram.ext").addFilter(quiet)
    try:
        if webhook:
            if secret_value is None:
                err.print(
                    "[yellow]warning:[/] no BRIEFBOT_WEBHOOK_SECRET_TOKEN: anyone who finds "
                    "the webhook URL can send the bot updates.",
                    soft_wrap=True,
                )
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlparse(webhook).path.lstrip("/"),
                webhook_url=webhook,
                secret_token=secret_value,
                drop_pending_updates=drop,
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            application.run_polling(drop_pending_updates=drop, allowed_updates=Update.ALL_TYPES)
    except InvalidToken:
        err.print(
            "briefbot run: the Bot API rejected the token (revoked or mistyped? "
            "@BotFather shows the current one).",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(2) from None
    except (TelegramError, OSError) as exc:
        line = unreachable_line(exc, api) or f"{type(exc).__name__}: {exc}"
        err.print(f"briefbot run: {redact(line, hidden)}", markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    finally:
        logging.getLogger("telegram.ext").removeFilter(quiet)
    err.print("briefbot run: stopped.", markup=False)


# -- the plain search console (fallback when the bot cannot start) ----------------------------
def _search_repl(engine: Engine) -> None:
    """Offline search console: type a query, see results."""
    interactive = sys.stdin.isatty()
    if interactive:
        out.print(
            f"[bold]Policy Brief Bot[/] {__version__} — offline console. "
            f"{counted(len(engine.documents()), 'document')} indexed.\n"
            "Type keywords (e.g. 乡村振兴, GDP 增长, 营商环竟), :docs, :help or :quit."
        )
    lines = 0
    said_not_utf8 = False
    while True:
        try:
            if interactive:
                line, replaced = decode_line(input("搜索> "))
            else:
                line, replaced = read_stdin_line()
                if line is None:
                    break
        except EOFError:
            break
        if replaced and not said_not_utf8:
            err.print(NOT_UTF8_NOTE, markup=False)
            said_not_utf8 = True
        line = line.strip()
        if not line:
            continue
        lines += 1
        if line in (":q", ":quit", ":exit"):
            break
        if line == ":docs":
            for d in engine.documents():
                out.print(f"{d.doc_id}  {d.filename}  {d.title}")
            continue
        if line == ":help":
            out.print('Keywords, "quoted phrases", -excluded words. :docs lists documents.')
            continue
        out.print(f"[bold]» {escape(line)}[/]")
        print_response(engine.search(line))
    if not interactive and lines == 0:
        _demo(engine)


def _demo(engine: Engine) -> None:
    out.print(
        f"[bold]Policy Brief Bot[/] {__version__}: {counted(len(engine.documents()), 'document')} "
        "indexed "
        f"from {engine.settings.corpus_dir}. Sample searches:"
    )
    for q in ("乡村振兴", "GDP 增长", "营商环竟"):
        out.print(f"\n[bold]» briefbot search {q}[/]")
        print_response(engine.search(q, page_size=3))
    out.print("\nRun `briefbot --help` for all commands.")
