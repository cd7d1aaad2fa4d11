"""The third user trial's defects of the command line (``briefbot``), each through the CLI
runner the other CLI tests use, on the bundled corpus."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from briefbot.cli import app
from tests.conftest import BUNDLED_CORPUS


@pytest.fixture
def briefbot(bundled_engine):
    base = [
        "--corpus-dir",
        str(BUNDLED_CORPUS),
        "--data-dir",
        str(bundled_engine.settings.data_dir),
    ]

    def invoke(*args: str, input: str = ""):
        result = CliRunner().invoke(app, [*base, *args], input=input)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        return result

    return invoke


def _help(*command: str) -> str:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _commands(typer_app, prefix=()):
    for info in typer_app.registered_commands:
        yield (*prefix, info.name or info.callback.__name__.replace("_", "-")), info.callback
    for group in typer_app.registered_groups:
        yield from _commands(group.typer_instance, (*prefix, group.name))


@pytest.mark.parametrize(
    ("command", "sentence"),
    [
        (("search",), "rank the documents that match first; a question for a target"),
        (
            ("compare",),
            "(or an export: --csv, --md, --xlsx; the year defaults to the latest with a target)",
        ),
        (("run",), "the file named by token_file (outside the repository)."),
        (("index",), "a damaged one is rebuilt (--rebuild re-reads every document"),
    ],
)
def test_a_commands_help_is_not_cut_where_its_source_was_wrapped(command, sentence):
    """``--help`` showed each docstring line break: ragged lines ("rank the documents
    that" / "match first") at any width but the source's."""
    assert sentence in _help(*command)


def test_every_commands_help_paragraphs_are_whole_lines():
    for command, callback in _commands(app):
        text = _help(*command)
        for paragraph in inspect.getdoc(callback).split("\n\n")[1:]:
            first_line, *rest = paragraph.splitlines()
            if rest:  # a wrapped paragraph: its second line follows its first on one line
                joined = f"{first_line.strip()} {rest[0].strip()}".replace("``", "")
                assert joined in text, (command, joined)


@pytest.mark.parametrize(
    "args",
    [
        ("doc", "[/]"),
        ("targets", "--doc", "[/x]"),
        ("search", "乡村振兴", "--doc", "[red]"),
        ("digest", "--preview", "kind:[/]"),
        ("chart", "GDP", "-o", "chart.png", "--years", "[/]"),
    ],
)
def test_square_brackets_typed_are_said_back_not_a_traceback(briefbot, args):
    """What the user typed was put into rich markup: ``[/]`` in a document reference, a
    filter or a span of years ended the command with a MarkupError traceback."""
    result = briefbot(*args)
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output and "MarkupError" not in result.output
    assert args[-1].split(":")[-1] in result.output  # said back as typed


def test_a_document_not_found_says_where_to_look(briefbot):
    """``doc nope`` said only "no document matches 'nope'", in English, with no way on."""
    for args in (
        ("doc", "nope"),
        ("targets", "--doc", "nope"),
        ("search", "乡村振兴", "--doc", "nope"),
    ):
        result = briefbot(*args)
        assert result.exit_code == 1
        assert "没有与“nope”匹配的文件 (no document matches 'nope')" in result.output
        assert "briefbot docs 列出全部文件" in result.output


def test_targets_and_scorecard_of_a_region_no_document_is_about_say_so(briefbot):
    """``targets --region 火星`` answered "no matching records" as if the region had no
    figures, where ``search --region 火星`` says no document is about it."""
    for args in (("targets", "--region", "火星"), ("scorecard", "--region", "火星")):
        result = briefbot(*args)
        assert result.exit_code == 0
        assert "没有符合“火星”的文件 (no document matches --region)" in result.stdout
    shandong = briefbot("targets", "--region", "山东", "--indicator", "量子计算机")
    assert "没有符合条件的记录" in shandong.stdout and "没有符合“山东”" not in shandong.stdout


@pytest.mark.heavy
def test_a_broken_pdf_is_skipped_without_the_pdf_librarys_log_lines(tmp_path):
    """``ingest`` of a broken PDF printed pypdf's own log line
    (``WARNING:pypdf._reader:EOF marker not found``) above the reason it was skipped."""
    corpus, data = tmp_path / "corpus", tmp_path / "data"
    corpus.mkdir()
    (corpus / "a.txt").write_text("某县2024年政府工作报告\n\n推进乡村振兴。\n", encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really a pdf")
    folders = ["--corpus-dir", str(corpus), "--data-dir", str(data)]
    command = [sys.executable, "-m", "briefbot", *folders, "ingest", str(broken)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    said = " ".join(done.stderr.split())
    assert "skipped" in said and "not a valid PDF" in said, said
    assert "pypdf" not in said


def test_index_and_ingest_without_a_terminal_print_no_empty_line(briefbot, tmp_path):
    """The progress bar, hidden without a terminal, still left an empty line on stderr
    above ``index``'s and ``ingest``'s report."""
    index = briefbot("index")
    assert index.exit_code == 0 and index.stderr.startswith("indexed:"), repr(index.stderr)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    ingest = briefbot("ingest", str(empty))
    assert ingest.stderr.startswith("skipped"), repr(ingest.stderr)
