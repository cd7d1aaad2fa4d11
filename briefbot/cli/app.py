"""The ``briefbot`` Typer application and what its commands share: consoles, settings,
opening the engine with a progress bar.
"""

from __future__ import annotations

import difflib
import inspect
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.config import Settings
from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.home import HomePlaceError, resolve_home
from bot.corpus.regions import AmbiguousPlace, filter_regions
from bot.i18n import LANGUAGES, counted, tr
from bot.library import DocumentNotFound, Engine
from bot.models import HomeRegion, RefreshReport
from bot.text.years import read_year
from briefbot.cli import help_flags

help_flags.install()  # flags shown as typed, without a type (see the module)
app = typer.Typer(
    name="briefbot",
    help=(
        "Policy Brief Bot: search Chinese policy documents and brief on their key targets.\n\n"
        "With no command, briefbot starts the offline console: a terminal chat with the real "
        "bot through a local fake Telegram server, with no token and no network, also when a "
        "token is configured. Piped input is read line by line; no input plays a short demo. "
        "[bold]briefbot run[/] starts the real bot (token from TELEGRAM_BOT_TOKEN or "
        "token_file).\n\n"
        # trial22: a script's author found the codes only command by command
        "With --json, stdout is one JSON document and every note, warning and progress "
        "line goes to stderr. Exit codes: 0 done (a search or a list of targets finding "
        "nothing is an answer: total 0 or []); 1 not done: a document, an indicator "
        "(compare, also with --json, which prints []), a page or a file not found, nothing "
        "added (ingest), a problem left (doctor), or an unexpected error; 2 a bad option or "
        "value; 130 interrupted (Ctrl-C)."
    ),
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,  # locals could hold the bot token
)
# Piped output is not cut to 80 columns (rich's guess without a terminal): tables keep
# their cells whole for the program or file that reads them; COLUMNS still wins.
_PIPED_WIDTH = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 250
out = Console(highlight=False, soft_wrap=True, width=_PIPED_WIDTH)
# Piped stderr (a script's log, `2> errors.txt`): one line a message, not cut at 80
# columns (trial22: a skipped file's reason came in three lines, "report \n(…)"), so a
# script reads each warning with its file; at a terminal rich wraps it to the width.
err = Console(stderr=True, highlight=False, soft_wrap=not sys.stderr.isatty())


LANG_HELP = "Language of the frame: zh or en (what the documents say stays Chinese)."
YEAR_HELP = (
    "Only the figures of this year, 2024, 2024年 or 二〇二四年 (a plan period ending then "
    "counts), as the bot's /targets GDP 2024 reads it."
)


def checked_year(text: str | None) -> int | None:
    """``--year`` read as the bot reads a year in /targets and /compare
    (:func:`bot.text.years.read_year`, as the bot reads it), or exit 2 saying what a year is."""
    if text is None:
        return None
    year = read_year(text)
    if year is None:
        said = escape(repr(text))
        err.print(f"[red]--year {said} is not a year: write 2024, 2024年 or 二〇二四年[/]")
        raise typer.Exit(2)
    return year


def checked_region(text: str | None) -> str | None:
    """``--region`` as given, or exit 2 naming the places an English or pinyin name two
    of them share could be (``Suzhou``), as the bot's region filters say it."""
    if text is not None:
        try:
            filter_regions(text)
        except AmbiguousPlace as exc:
            refused(exc)
    return text


HOME_REGION_HELP = (
    "The asker's own place (苍溪县, 四川 苍溪): 我县, 本市, 本省, 本地 in the words mean it, "
    "as a chat's /region does."
)


def checked_home(text: str | None) -> HomeRegion | None:
    """``--home-region`` as the place it names, or exit 2 saying why it names none (no
    such place, or several: with the candidates, as the bot's ``/region`` says it)."""
    if text is None:
        return None
    try:
        return resolve_home(text, default_gazetteer())
    except HomePlaceError as exc:
        err.print(f"[red]--home-region: {escape(str(exc))}[/]")
        raise typer.Exit(2) from None


def home_hint(lang: str) -> None:
    """Say on stderr that 我县 and the like were left out: no --home-region was given."""
    err.print(f"[yellow]{escape(tr(lang, 'cli.home_unset'))}[/]")


def refused(exc: AmbiguousPlace) -> NoReturn:
    """Exit 2 with the candidates of a place name two places share."""
    err.print(f"[red]{escape(str(exc))}[/]")
    raise typer.Exit(2)


def checked_lang(lang: str) -> str:
    """``--lang`` as given, or exit 2 naming the languages there are."""
    if lang not in LANGUAGES:
        err.print(f"[red]--lang must be one of {', '.join(LANGUAGES)}[/]")
        raise typer.Exit(2)
    return lang


# A word of two dashes and a Latin letter where query or filter words go: an option
# mistyped or one the command lacks (trial22: `digest --json` was read as the filter
# "leave out json" and printed text, exit 0; `search --page-size 100` searched for
# "--page-size 100"). One dash (-齐鲁, -预计) stays a word to leave out.
_OPTION_LIKE = re.compile(r"--[A-Za-z][A-Za-z-]*")


def refuse_unknown_options(ctx: typer.Context, words: Sequence[str], lang: str) -> None:
    """Exit 2 on the first of ``words`` written as an option the running command does
    not have (``ignore_unknown_options`` passed it on as a word), naming the command's
    options and the closest one."""
    option = next(
        (w.split("=", 1)[0] for w in words if _OPTION_LIKE.fullmatch(w.split("=", 1)[0])), None
    )
    if option is None:
        return
    names = sorted(
        {
            o
            for p in ctx.command.params
            if p.param_type_name == "option"
            for o in p.opts
            if o.startswith("--")
        }
        | {"--help"}
    )
    close = difflib.get_close_matches(option, names, n=1, cutoff=0.6)
    said = tr(
        lang,
        "cli.unknown_option",
        option=option,
        command=ctx.info_name or "",
        close=tr(lang, "cli.unknown_option_close", option=close[0]) if close else "",
        options=" ".join(names),
        word=option.lstrip("-"),
    )
    err.print(said, style="red", markup=False, soft_wrap=True)
    raise typer.Exit(2)


class State:
    settings: Settings


state = State()


# -- helpers ---------------------------------------------------------------------------------
def progress_bar(label: str = "indexing") -> tuple[Progress, Callable[[int, int, str], None]]:
    """A transient bar on stderr (none when piped) and its ``update(done, total, name)``."""
    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=not err.is_terminal,  # piped: no bar, and no empty line where it was
    )
    task = bar.add_task("", total=None)

    def update(done: int, total: int, name: str) -> None:
        bar.update(task, completed=done, total=total, description=name)

    return bar, update


def quiet_progress(
    say: Callable[[str], None], clock: Callable[[], float] = time.monotonic
) -> Callable[[int, int, str], None]:
    """Progress for logs where no bar is drawn (a service, a pipe): nothing when the
    documents are checked within ``QUIET_SECONDS`` (every command checks them), else one
    line then and every ``PROGRESS_EVERY`` seconds, so a first start that indexes for
    minutes is not silent."""
    start = clock()
    last: list[float] = []

    def update(done: int, total: int, name: str) -> None:
        now = clock()
        if now - start < QUIET_SECONDS or (last and now - last[-1] < PROGRESS_EVERY):
            return
        last.append(now)
        say(f"indexing: {done}/{counted(total, 'document')} checked, now {name}")

    return update


QUIET_SECONDS, PROGRESS_EVERY = 3.0, 30.0


def open_engine() -> Engine:
    if not err.is_terminal:
        # no bar where nobody watches: rich would still leave an empty line on stderr
        say = partial(err.print, markup=False, soft_wrap=True)
        engine = Engine.open(state.settings, progress=quiet_progress(say))
        if engine.last_refresh is not None:
            print_refresh(engine.last_refresh, quiet_if_unchanged=True)
        return engine
    bar, update = progress_bar()
    with bar:
        engine = Engine.open(state.settings, progress=update)
    if engine.last_refresh is not None:
        print_refresh(engine.last_refresh, quiet_if_unchanged=True)
    return engine


# A corpus file skipped as the same content as an indexed one stays skipped at every
# command until it is deleted: say how (bot.library.health.check_corpus_twins).
TWIN_FIX = "; a copy never indexed: delete it, or briefbot doctor --repair"


def print_refresh(report: RefreshReport, *, quiet_if_unchanged: bool = False) -> None:
    for s in report.skipped:
        fix = TWIN_FIX if s.code == "reader.same_content" else ""
        err.print(f"[yellow]skipped[/] {escape(str(s.path))}: {escape(s.reason + fix)}")
    if quiet_if_unchanged and not report.changed:
        return
    parts = []
    if report.added:
        parts.append(f"{len(report.added)} added")
    if report.updated:
        parts.append(f"{len(report.updated)} updated")
    if report.removed:
        parts.append(f"{len(report.removed)} removed")
    parts.append(f"{report.unchanged} unchanged")
    what = "rebuilt" if report.rebuilt else "indexed"
    err.print(f"[dim]{what}: {', '.join(parts)} in {report.seconds:.2f}s[/]")


# -- help text --------------------------------------------------------------------------------
def reflowed(doc: str) -> str:
    """A docstring as ``--help`` shows it: each paragraph (blank-line separated) one line.

    Typer's rich help keeps the single line breaks of every paragraph after the first, so
    a docstring wrapped at the source's width printed ragged lines ("rank the documents
    that" / "match first") wherever the terminal is not that width. Sphinx's double
    backquotes are left out."""
    paragraphs = inspect.cleandoc(doc).replace("``", "").split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def reflow_help(typer_app: typer.Typer) -> None:
    """Give every command of ``typer_app`` (and of its groups) its docstring reflowed as
    its help, unless it has a help of its own."""
    for info in typer_app.registered_commands:
        if info.help is None and info.callback is not None and info.callback.__doc__:
            info.help = reflowed(info.callback.__doc__)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            reflow_help(group.typer_instance)


# -- errors -----------------------------------------------------------------------------------
def no_document(exc: DocumentNotFound) -> typer.Exit:
    """Say that a document reference (``doc``, ``--doc``) found nothing, as the CLI says
    things (Chinese, the English in brackets), with where to look; the exit to raise."""
    said = tr("zh", f"errors.{exc.code}", **exc.params) if exc.code else ""
    hint = "" if exc.code == "document.ambiguous" else DOCS_HINT
    text = f"{said} ({exc}){hint}" if said else f"{exc}{hint}"
    err.print(text, style="red", markup=False, soft_wrap=True)
    return typer.Exit(1)


DOCS_HINT = "；briefbot docs 列出全部文件 (lists every document)."


def places_note(engine: Engine, text: str, lang: str = "zh", *, to_err: bool = False) -> None:
    """Say the places a misspelt pinyin name in ``text`` may be (``Guangzou``: 广州
    (Guangzhou)), when a command found nothing, as the bot says it."""
    places = engine.places_like(text)
    if not places:
        return
    items = (tr(lang, "common.place_like_item", short=s, latin=latin) for s, latin in places)
    line = tr(lang, "common.place_like", places=tr(lang, "common.list_sep").join(items))
    (err if to_err else out).print(line, markup=False, soft_wrap=True)


def why_nothing(engine: Engine, region: str | None, year: int | None) -> None:
    """Say so when ``--region`` / ``--year`` leave no document at all (a search, a list of
    targets, a scorecard that found nothing)."""
    if engine.documents_in(region, year):
        return
    scope = " ".join(filter(None, (region, f"{year}年" if year else None)))
    options = "/".join(name for name, given in (("--region", region), ("--year", year)) if given)
    out.print(
        f"没有符合“{scope}”的文件 (no document matches {options})；"
        "briefbot docs 列出全部文件 (lists every document)."
    )


def chosen_year_line(year: int, years: Sequence[tuple[int, int]], lang: str) -> str:
    """The year a regions table or chart was picked for when no --year was given
    (``Engine.region_table``), and the other years, most regions first."""
    others = [str(y) for y, _ in years if y != year][:4]
    count = dict(years).get(year, 0)
    line = tr(lang, "cli.year_chosen", year=year, count=count)
    if others:
        line += tr(lang, "cli.year_others", years=tr(lang, "common.list_sep").join(others))
    return line
