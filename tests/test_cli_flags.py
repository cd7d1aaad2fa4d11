"""The command line's switches as ``--help`` shows them: a switch that only turns
something on is one flag (``--rebuild``), a pair (``--x/--no-x``) only where both ways
mean something against a configured default."""

from __future__ import annotations

import logging

import pytest
import typer
from typer.testing import CliRunner

from briefbot.cli import app

# both ways mean something: the configured default (drop_pending_updates) is either
PAIRS = {("run", "drop_pending_updates")}


def _commands(command, path: tuple[str, ...] = ()):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():  # a group's
        yield from _commands(sub, (*path, name))


def test_a_switch_is_one_flag_unless_both_ways_mean_something():
    pairs, flags = set(), 0
    for path, command in _commands(typer.main.get_command(app)):
        for param in command.params:
            if getattr(param, "is_bool_flag", False):  # an option (Typer's own click)
                flags += 1
                if param.secondary_opts:
                    pairs.add((" ".join(path), param.name))
                else:  # a plain switch is off unless given
                    assert param.default in (False, None), (path, param.name)
    assert flags > 20 and pairs == PAIRS


def test_the_single_flags_work_as_written_and_their_negations_are_gone():
    runner = CliRunner()
    for args in (["ingest", "x.txt", "--no-replace"], ["index", "--no-rebuild"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "No such option" in result.output, args
    for command, flag in (("ingest", "--replace"), ("index", "--rebuild")):
        shown = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).output
        assert flag in shown and f"--no-{flag[2:]}" not in shown and "[default: no-" not in shown
    shown = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "200"}).output
    assert "--drop-pending-updates" in shown and "--keep-pending-updates" in shown
    assert "(default: drop_pending_updates)" not in shown


def test_help_shows_a_flag_as_it_is_typed_without_a_type():
    """Typer's rich help gave every flag a type column (``--json <bool>``, ``--help
    <bool>``), as if it took a value; a flag is shown bare, options that take a value
    keep their type."""
    runner = CliRunner()
    for path, command in _commands(typer.main.get_command(app)):
        shown = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"}).output
        assert "<bool>" not in shown and "BOOLEAN" not in shown, path
        for param in command.params:
            if getattr(param, "is_flag", False) and not param.hidden:
                line = next(ln for ln in shown.splitlines() if f" {param.opts[0]} " in ln)
                after = line.split(param.opts[0], 1)[1].split()
                # the flag's help follows it (a second name or pair at most), no type
                assert not after or not after[0].startswith("<"), (path, line)
    shown = runner.invoke(app, ["sources", "add", "--help"], env={"COLUMNS": "200"}).output
    assert any("--name" in ln and "<str>" in ln for ln in shown.splitlines())


def test_a_flag_typed_as_help_shows_it_works(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["--data-dir", str(tmp_path), "subscriptions", "--json"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "[]"
    assert runner.invoke(app, ["--verbose", "--version"]).output.startswith("briefbot ")


def test_the_typer_method_help_flags_overrides_is_still_there_and_used():
    """briefbot/cli/help_flags.py overrides a method of Typer that is no documented hook
    (Typer has no public way to leave a flag's type out of rich help): an upgrade that
    renames it or stops calling it must fail here, loudly, not leave ``<bool>`` back in
    every --help unnoticed."""
    import inspect

    import typer.rich_utils
    from typer.core import TyperOption

    from briefbot.cli import help_flags

    where = "briefbot/cli/help_flags.py overrides typer.core.TyperOption." + help_flags.HOOK
    assert hasattr(TyperOption, help_flags.HOOK), (
        f"{where}, which this Typer ({typer.__version__}) no longer has: find what "
        "typer.rich_utils calls for an option's type column and override that instead"
    )
    assert help_flags.HOOK in inspect.getsource(typer.rich_utils), (
        f"{where}, which typer.rich_utils ({typer.__version__}) no longer calls: the "
        "override has no effect; find what fills the type column now"
    )
    assert help_flags.installed(), f"{where}, but the override is not installed"
    params = inspect.signature(TyperOption.__init__).parameters
    assert "is_flag" in params and "metavar" in params, f"{where}: is_flag / metavar gone"


@pytest.mark.parametrize(
    ("args", "level"),
    [([], logging.WARNING), (["-v"], logging.INFO), (["-vv"], logging.DEBUG), (["-v", "-v"], 10)],
)
def test_v_logs_info_and_vv_debug(monkeypatch, args, level):
    """An operator chasing a problem asks for DEBUG: ``-vv`` (there was only ``-v``)."""
    import briefbot.cli as cli

    chosen = []
    monkeypatch.setattr(cli.logging, "basicConfig", lambda **kw: chosen.append(kw["level"]))
    ctx = typer.main.get_command(app).make_context("briefbot", [*args, "docs"])
    cli.setup_logging(ctx.params["verbose"])
    assert chosen == [level]


def test_help_shows_the_verbose_count_as_typed():
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "120"})
    line = next(x for x in result.output.splitlines() if "--verbose" in x)
    assert "<int>" not in line and "default" not in line and "DEBUG" in line
