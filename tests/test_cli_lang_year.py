"""``briefbot targets``, ``compare`` and ``docs`` say their frame in ``--lang``, and
``targets --year`` reads a year as the bot's ``/targets GDP 2024`` does (one parser in
the core, ``bot.library.arguments``)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bot.library.arguments import ALL_WORDS, region_year
from bot.text.years import read_year
from briefbot.cli import app


@pytest.fixture
def run(corpus_copy, tmp_path):
    runner = CliRunner()
    base = ["--corpus-dir", str(corpus_copy), "--data-dir", str(tmp_path / "data")]
    return lambda *args: runner.invoke(app, [*base, *args], env={"COLUMNS": "200"})


@pytest.mark.parametrize(
    ("word", "year"),
    [
        ("2024", 2024),
        ("2024年", 2024),
        ("１９９８", 1998),
        (" 2031 ", 2031),
        ("二〇二四年", 2024),
        ("二零二四", 2024),
        ("一九九八年", 1998),
        ("2024年度", 2024),  # as the search reads 2024年度 in a query
    ],
)
def test_a_year_is_four_digits_of_19xx_or_20xx_with_or_without_nian(word, year):
    assert read_year(word) == year


@pytest.mark.parametrize(
    "word", ["24", "2024.5", "3024", "二〇二四五", "二一〇〇年", "二四", "今年", "GDP", ""]
)
def test_anything_else_is_no_year(word):
    assert read_year(word) is None


def test_a_request_reads_its_first_year_and_all_and_keeps_the_other_words():
    assert region_year(["GDP", "山东", "2025年", "all"]) == ("GDP 山东", 2025, True)
    assert region_year(["2024", "2025"]) == ("2025", 2024, False)  # a second year is a word
    assert region_year([]) == (None, None, False)
    assert region_year(["—all"]) == (None, None, True) and "—all" in ALL_WORDS


def test_targets_year_keeps_that_years_figures_as_the_bot_reads_the_year(run):
    every = run("targets", "--indicator", "GDP", "--json")
    assert every.exit_code == 0
    import json

    years = {r["year"] for r in json.loads(every.stdout)}
    assert "2024" in years and len(years) > 1  # else the year would filter nothing
    for typed in ("2024", "2024年"):
        only = json.loads(run("targets", "--indicator", "GDP", "--year", typed, "--json").stdout)
        assert only and {r["year"] for r in only} == {"2024"}
    bad = run("targets", "--year", "24")
    assert bad.exit_code == 2 and "not a year" in bad.output and "2024年" in bad.output
    assert run("compare", "GDP", "--year", "二一〇〇").exit_code == 2  # past 20xx
    for typed in ("二〇二四年", "二零二四"):
        said = run("targets", "--indicator", "GDP", "--year", typed, "--json")
        assert said.exit_code == 0 and {r["year"] for r in json.loads(said.stdout)} == {"2024"}


def test_targets_compare_and_docs_say_their_frame_in_the_language_asked(run):
    zh = run("targets", "--indicator", "GDP", "--year", "2024")
    en = run("targets", "--indicator", "GDP", "--year", "2024", "--lang", "en")
    assert "1 条记录" in zh.stdout and "目标" in zh.stdout
    assert "1 record\n" in en.stdout and "target" in en.stdout and "目标" not in en.stdout
    none = run("targets", "--indicator", "GDP", "--year", "2031", "--lang", "en")
    assert "No matching records." in none.stdout and "没有符合条件" not in none.stdout
    missing = run("compare", "量子计算", "--lang", "en")
    assert missing.exit_code == 1 and "No records of the indicator “量子计算”" in missing.stdout
    assert "没有找到指标“量子计算”" in run("compare", "量子计算").stdout
    elsewhere = run("compare", "GDP", "--region", "火星", "--lang", "en")
    assert "none of them for 火星" in elsewhere.stdout
    docs_en, docs_zh = run("docs", "--lang", "en").stdout, run("docs").stdout
    assert " city " in docs_en and "市级" not in docs_en and "市级" in docs_zh
    assert run("docs", "--lang", "fr").exit_code == 2


@pytest.mark.parametrize(("command", "options"), [
    ("targets", ("--year", "--lang")), ("compare", ("--year", "--lang")), ("docs", ("--lang",)),
])  # fmt: skip
def test_help_names_the_options(command, options):
    shown = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).output
    for option in options:
        assert option in shown
    if "--year" in options:
        assert "2024年" in shown
