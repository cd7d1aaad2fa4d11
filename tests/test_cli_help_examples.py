"""Every command's ``--help`` ends with an example an operator can copy, and each
example is a command line the program accepts: its command path exists and its options
and arguments parse (checked with click's own parser, nothing is run)."""

from __future__ import annotations

import re
import shlex

import pytest
import typer
from typer.testing import CliRunner

from briefbot.cli import app

EXAMPLE_RE = re.compile(r"Examples?: (.+)", re.S)


def _leaves(command, path: tuple[str, ...] = ()):
    subs = getattr(command, "commands", None)
    if not subs:
        yield path, command
        return
    for name, sub in subs.items():
        yield from _leaves(sub, (*path, name))


def _examples(help_text: str) -> list[str]:
    """The command lines of a help's last paragraph, ``Example: …`` or ``Examples: a;
    b``, a paragraph wrapped over lines read as one."""
    last = help_text.strip().split("\n\n")[-1]
    found = EXAMPLE_RE.match(" ".join(last.split()))
    return [part.strip() for part in found.group(1).split(";")] if found else []


def _parse(root, line: str) -> tuple[str, ...]:
    """The command path an example names, after parsing it as the program would: an
    environment assignment before it and a pipe into it are the shell's."""
    words = shlex.split(line[line.index("briefbot ") :].split(" | ")[-1])
    assert words[0] == "briefbot", line
    ctx = root.make_context("briefbot", words[1:], resilient_parsing=False)
    path: list[str] = []
    command = root
    args = _rest(ctx)
    while getattr(command, "commands", None):  # a group: the next word names its command
        name, command, args = command.resolve_command(ctx, args)
        path.append(name)
        ctx = command.make_context(name, list(args), parent=ctx, resilient_parsing=False)
        args = _rest(ctx)
    return tuple(path)


def _rest(ctx) -> list[str]:
    """The words a group's context left for its command (Typer's own click keeps the
    command's name apart, as ``_protected_args``)."""
    return [*getattr(ctx, "_protected_args", []), *ctx.args]


def test_every_command_help_ends_with_an_example_that_parses():
    root = typer.main.get_command(app)
    leaves = list(_leaves(root))
    assert len(leaves) > 20
    for path, command in leaves:
        examples = _examples(command.help or "")
        assert examples, f"briefbot {' '.join(path)} --help has no example"
        for line in examples:
            assert _parse(root, line) == path, (path, line)


def test_an_example_shows_in_the_rendered_help():
    result = CliRunner().invoke(app, ["doctor", "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "Examples: briefbot doctor; briefbot doctor --repair" in result.output


def test_a_wrong_example_is_caught():
    root = typer.main.get_command(app)
    wrong = ("briefbot doctor --mend", "briefbot sources ad x", "briefbot subscriptions -n --json")
    for line in wrong:  # an unknown option, an unknown command, an option's value missing
        with pytest.raises(Exception) as caught:
            _parse(root, line)
        assert type(caught.value).__name__ in {"NoSuchOption", "UsageError", "BadParameter"}
