"""Charts (bot.analytics.charts): size, format, a glyph for every character of every
label in the font the project installs, and the CLI's `briefbot chart`."""

from __future__ import annotations

import io

from PIL import Image

from bot.analytics.charts import (
    RegionBar,
    cjk_font_path,
    font_charmap,
    history_chart,
    regions_chart,
    scorecard_chart,
)
from tests.test_analytics_cli import run  # noqa: F401 - the module's CLI fixture

BARS = [
    RegionBar("全国", 5.0, None, 5.0, "2024"),
    RegionBar("四川", 5.5, None, 5.5, "2025"),
    RegionBar("安徽", 5.0, 5.5, 5.5, "2025"),
    RegionBar("黔东南", None, None, 4.2, "2023"),
]


def _covered(labels) -> None:
    charmap = font_charmap()
    for label in labels:
        missing = [ch for ch in label if not ch.isspace() and ord(ch) not in charmap]
        assert not missing, (label, missing)


def test_the_font_comes_from_the_installed_package_not_the_system():
    path = cjk_font_path()
    assert path.name == "NotoSansCJKsc-Regular.otf" and "mplfonts" in path.parts
    assert {ord(c) for c in "地区生产总值黔东南徽"} <= font_charmap()


def test_regions_chart_is_a_phone_sized_png_with_every_label_drawable():
    chart = regions_chart("地区生产总值", 2026, "%", BARS, national=5.0)
    image = Image.open(io.BytesIO(chart.data))
    image.load()
    assert image.format == "PNG" and image.size == (chart.width, chart.height) == (1100, 660)
    labels = set(chart.labels)
    assert {"全国", "四川", "安徽", "黔东南", "全国目标", "最近实绩", "2026年目标"} <= labels
    assert "5–5.5" in labels  # the range written on its bar
    assert "地区生产总值：2026年各地区目标与最近实绩（%）" in labels
    _covered(chart.labels)


def test_history_chart_as_svg_draws_text_as_paths():
    chart = history_chart(
        "国内生产总值",
        "全国",
        "%",
        ["2015", "2016", "2024"],
        [7.0, 6.75, None],
        [6.9, None, 5.0],
        fmt="svg",
    )
    assert chart.format == "svg" and chart.data.lstrip().startswith(b"<?xml")
    assert b"<text" not in chart.data  # glyphs as paths: no font needed to view it
    assert {"2015年", "目标", "实绩", "全国 国内生产总值：目标与实绩（%）"} <= set(chart.labels)
    _covered(chart.labels)


def test_cli_chart_regions_and_history(run, tmp_path):  # noqa: F811
    png = tmp_path / "gdp.png"
    result = run("chart", "GDP", "--year", "2026", "-o", str(png))
    assert result.exit_code == 0, result.output
    assert Image.open(png).size == (1100, 660)
    assert "四川: 目标 5.5 · 实绩 5.5 (2025)" in result.stdout
    assert "来源 (sources): " in result.stdout
    svg = tmp_path / "cn.svg"
    history = run("chart", "GDP", "--region", "全国", "--years", "2014-2025", "-o", str(svg))
    assert history.exit_code == 0, history.output
    assert "2015: 目标 7 · 实绩 6.9" in history.stdout
    assert "2016: 目标 6.5–7 · 实绩 -" in history.stdout
    assert svg.read_bytes().lstrip().startswith(b"<?xml")
    bad = run("chart", "GDP", "-o", str(tmp_path / "x.gif"))
    assert bad.exit_code == 2
    nothing = run("chart", "火星基地", "-o", str(tmp_path / "y.png"))
    assert nothing.exit_code == 1 and not (tmp_path / "y.png").exists()


def test_scorecard_chart_counts_per_period_with_every_label_drawable():
    chart = scorecard_chart(
        "全国：目标完成情况",
        ["2015", "2016-2020", "2025"],
        [{"met": 6, "missed": 1, "unknown": 3}, {"met": 0, "missed": 0, "unknown": 3}, {}],
    )
    assert Image.open(io.BytesIO(chart.data)).size == (1100, 660)
    assert {"2015年", "2016-2020", "达成", "未达成", "未知", "目标数", "6", "1"} <= set(
        chart.labels
    )
    _covered(chart.labels)


def test_chart_words_are_in_the_language_asked_years_without_nian_in_english():
    """The charts' own words come from the catalogue (``charts.*``): English charts say
    2024, not 2024年; the documents' names (indicator, region, unit) stay as written."""
    en = regions_chart("地区生产总值", 2026, "%", BARS, national=5.0, lang="en")
    assert {"2026 target", "Latest result", "National target"} <= set(en.labels)
    assert "地区生产总值: 2026 targets and latest results by region (%)" in en.labels
    zh = regions_chart("地区生产总值", 2026, "%", BARS, national=5.0)
    assert {"2026年目标", "最近实绩", "全国目标"} <= set(zh.labels)
    years = ["2015", "2016-2020", "2024"]
    history = history_chart(
        "国内生产总值", "全国", "%", years, [7.0, 6.75, None], [6.9, None, 5.0], lang="en"
    )
    assert {"2015", "2016-2020", "Target", "Result"} <= set(history.labels)
    assert "全国 国内生产总值: targets and results (%)" in history.labels
    counts = [{"met": 2, "missed": 1}, {"unknown": 1}, {"met": 1}]
    card = scorecard_chart("x", years, counts, lang="en")
    assert {"2015", "Met", "Missed", "Unknown", "Targets"} <= set(card.labels)
    for chart in (en, history, card):
        assert not any("年" in label for label in chart.labels), chart.labels
        _covered(chart.labels)


def test_cli_chart_in_english(run, tmp_path):  # noqa: F811
    svg = tmp_path / "cn.svg"
    args = ("chart", "GDP", "--region", "全国", "--years", "2014-2025", "-o", str(svg))
    history = run(*args, "--lang", "en")
    assert history.exit_code == 0, history.output
    assert "2015: Target 7 · Result 6.9" in history.stdout
    assert run(*args, "--lang", "fr").exit_code == 2


def test_cli_chart_without_a_year_says_the_year_it_picked(run, tmp_path):  # noqa: F811
    """trial-left7 #1: the year most regions have a target for, said with the others."""
    result = run("chart", "GDP", "-o", str(tmp_path / "gdp.png"))
    assert result.exit_code == 0, result.output
    # 2026: 四川 and 湖北; every other year one region (most first, then oldest)
    assert "2026年：有目标的地区最多（2 个）。其他年份（--year）：2016、2015、2019、2021" in (
        result.stdout
    )
    asked = run("chart", "GDP", "--year", "2026", "-o", str(tmp_path / "g2.png"))
    assert "有目标的地区最多" not in asked.stdout
