"""What importing the core costs every process (each CLI command, the bot, the tests'
subprocesses): packages only some paths need are imported where they are needed."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run in a fresh interpreter (nothing imported yet) from the checkout; it
    must succeed."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=PROJECT_ROOT
    )
    assert done.returncode == 0, done.stderr
    return done


def test_the_core_imports_no_web_page_or_numeral_package_until_used():
    """Nor the web-page reader (lxml.html) or the metadata inference: opening an index
    whose documents are unchanged reads no web page and infers no metadata."""
    code = (
        "import sys, bot.library\n"
        "late = ('cn2an', 'proces', 'trafilatura', 'htmldate', 'bot.corpus.webpage', 'lxml',"
        " 'bot.corpus.meta')\n"
        "print(sorted(m for m in late if m in sys.modules))\n"
        "from bot.targets.numbers.cn_numerals import cn_to_number\n"
        "assert cn_to_number('三百零五') == 305 and 'cn2an' in sys.modules\n"
    )
    done = _python(code)
    assert done.stdout.strip() == "[]"


def test_a_command_starts_without_the_packages_only_other_commands_use():
    """Every ``briefbot`` process (each command, the tests' subprocesses) imports the
    command line: the MCP SDK (``briefbot mcp``), SQLAlchemy and Alembic (the commands
    reading the database) and Telegram (``run``, ``console``) are imported by the
    commands that use them, not at start-up; and the bot (``run``) imports the
    near-duplicate finder's datasketch and SciPy only when a live source is polled.
    The extractor's patterns (half a second) are imported by the commands that extract,
    not by opening an index, which reads only the extractor's version; and the records a
    command serves (``targets``, ``compare``) pass the one-per-figure rule without the
    table reader and its number parsers. The digest filter, which every command imports,
    reads a record's unit class at import from ``bot.targets.numbers.units``: the numbers
    package resolves its public names on first use, so this loads neither the figure
    finder's parsers nor the lexicon."""
    code = (
        "import runpy, sys\n"
        "sys.argv = ['briefbot', '--help']\n"
        "try:\n"
        "    runpy.run_module('briefbot', run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "heavy = ('mcp', 'mcp_server', 'uvicorn', 'sqlalchemy', 'alembic', 'telegram',"
        " 'handlers', 'datasketch', 'scipy', 'bot.targets.extract', 'bot.targets.dedupe',"
        " 'bot.targets.lexicon', 'bot.targets.numbers.finder')\n"
        "print('LOADED', sorted(m for m in heavy if m in sys.modules))\n"
        "import bot.digest.filter_matching as fm\n"
        "assert fm.unit_class.__module__ == 'bot.targets.numbers.units'\n"
        "assert 'bot.targets.numbers.finder' not in sys.modules\n"
        "import bot.targets.dedupe\n"
        "print('SERVED', sorted(m for m in ('bot.targets.tables', 'bot.targets.numbers.finder')"
        " if m in sys.modules))\n"
        "import handlers.app, handlers.console, briefbot.cli.serve\n"
        "print('BOT', sorted(m for m in ('datasketch', 'scipy', 'mcp') if m in sys.modules))\n"
    )
    done = _python(code)
    assert "mcp" in done.stdout and "search" in done.stdout  # the help was printed
    assert done.stdout.strip().splitlines()[-3:] == ["LOADED []", "SERVED []", "BOT []"]


def test_the_extractor_is_still_reached_from_the_targets_package():
    """``bot.targets.extract_targets`` is resolved on first use (not at import) and is the
    extractor's; the version an index is checked against is the extractor's."""
    import bot.targets
    from bot.targets import extract, version

    assert bot.targets.extract_targets is extract.extract_targets
    assert extract.EXTRACTOR_VERSION == version.EXTRACTOR_VERSION


def test_the_numbers_package_names_resolve_to_their_modules():
    """Each public name of ``bot.targets.numbers`` is its defining module's object."""
    import bot.targets.numbers as numbers
    from bot.targets.numbers import cn_numerals, figure, finder, not_figures, special_forms

    assert numbers.find_figures is finder.find_figures
    assert numbers.may_have_figures is finder.may_have_figures
    assert numbers.Figure is figure.Figure
    assert numbers.cn_to_number is cn_numerals.cn_to_number
    assert numbers.CN_NUMERAL_CHARS is cn_numerals.CN_NUMERAL_CHARS
    assert numbers.quoted_spans is not_figures.quoted_spans
    assert numbers.gap_follows is special_forms.gap_follows
    assert set(numbers.__all__) <= set(dir(numbers))
