"""An indicator as a user names it (``Engine.lookup_indicator``): a region typed after it
narrows it, and "none about this region" is told from "no such indicator". The bot's
/targets and /compare and the command line's ``targets`` and ``compare`` share it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from briefbot.cli import app


def test_a_region_after_the_indicator_narrows_it(bundled_engine) -> None:
    looked = bundled_engine.lookup_indicator("GDP 山东")
    assert (looked.indicator, looked.region) == ("GDP", "山东")
    assert looked.found.rows and {r.record.region for r in looked.found.rows} == {"烟台"}
    assert not looked.only_elsewhere
    everywhere = bundled_engine.lookup_indicator("GDP")
    assert len(everywhere.found.rows) > len(looked.found.rows)
    assert everywhere.region is None and everywhere.elsewhere is None


def test_a_year_narrows_the_records_and_counts_the_unsure_of_that_year(bundled_engine) -> None:
    every = bundled_engine.lookup_indicator("GDP 山东", show_all=True).found.rows
    years = {r.record.year for r in every}
    assert len(years) > 1, years  # the bundled reports state several years' GDP
    of_2024 = bundled_engine.lookup_indicator("GDP 山东", year=2024, show_all=True).found
    assert of_2024.rows and {r.record.year for r in of_2024.rows} == {"2024"}
    assert len(of_2024.rows) < len(every)
    sure = bundled_engine.lookup_indicator("GDP 山东", year=2024).found
    assert all(r.record.confident for r in sure.rows)
    assert len(sure.rows) + sure.hidden == len(of_2024.rows)
    assert not bundled_engine.lookup_targets(indicator="GDP", year=1990, show_all=True).rows


def test_several_regions_after_the_indicator_are_each_asked_for(bundled_engine) -> None:
    """``GDP 山东 广东`` found nothing: the two places were one region name."""
    shandong = bundled_engine.lookup_indicator("GDP 山东").found.rows
    for typed in ("GDP 山东 广东", "GDP 广东 山东", "GDP 山东、广东"):
        both = bundled_engine.lookup_indicator(typed)
        assert both.indicator == "GDP" and not both.only_elsewhere, typed
        assert both.found.rows == shandong, typed
    assert bundled_engine.targets(region="火星 广东") == []


def test_a_region_without_figures_is_told_from_an_unknown_indicator(bundled_engine) -> None:
    nowhere = bundled_engine.lookup_indicator("GDP 火星")
    assert (nowhere.indicator, nowhere.region) == ("GDP", "火星")
    assert not nowhere.found.rows and nowhere.only_elsewhere
    unknown = bundled_engine.lookup_indicator("火星指数 山东")
    assert (unknown.indicator, unknown.region) == ("火星指数 山东", None)
    assert not unknown.found.rows and not unknown.only_elsewhere


def test_a_region_or_kind_given_keeps_the_indicator_elsewhere(bundled_engine) -> None:
    given = bundled_engine.lookup_indicator("GDP", region="火星")
    assert given.region == "火星" and given.only_elsewhere and given.elsewhere.rows
    unknown = bundled_engine.lookup_indicator("火星指数", region="山东")
    assert unknown.elsewhere is not None and not unknown.only_elsewhere


def test_the_command_line_takes_a_region_after_the_indicator(bundled_engine) -> None:
    settings = bundled_engine.settings
    base = ["--corpus-dir", str(settings.corpus_dir), "--data-dir", str(settings.data_dir)]
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, [*base, *args], env={"COLUMNS": "200"})

    shandong = run("compare", "GDP 山东")
    assert shandong.exit_code == 0 and "烟台" in shandong.stdout
    assert "没有找到指标" not in shandong.stdout
    nowhere = run("compare", "GDP 火星")
    assert nowhere.exit_code == 1 and "没有符合“火星”" in nowhere.stdout
    records = json.loads(run("targets", "--indicator", "GDP 山东", "--json").stdout)
    assert records and {r["region"] for r in records} == {"烟台"}
