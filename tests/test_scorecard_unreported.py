"""/scorecard 全国 2025 listed 67 targets, each "unknown (no result yet)", and nothing said
why: no report of the national 2025 results (the 2026 work report, the 2025 bulletin) was
in the library, so none could have one. The scorecard now says once, per region and year,
that no work report or bulletin gives that year's results, and how many targets wait for
one; a region and year some report covers keeps its unknown rows unexplained beyond
their own reason (the report left them out). Invented records and invented documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analytics.linking import Sourced, reported_years
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi
from handlers.format.analytics import UNREPORTED_SHOWN, scorecard_messages
from tests.e2e import ask_text, build_template, engine_copy, running
from tests.test_analytics_linking import info, rec, result


def _said(doc_type: str, region: str, kind: str, period: str) -> Sourced:
    """A record of ``kind`` for ``period`` in a ``doc_type`` of ``region``."""
    made = rec if kind == "target" else result
    return Sourced(
        info(f"{region}{doc_type}", 2027, doc_type, region),
        made("指标", 5.0, year=period, region=region),
    )


def test_a_year_is_reported_by_a_bulletin_or_a_report_of_the_whole_region() -> None:
    records = [
        _said("政府工作报告", "湖南", "target", "2027"),  # a target reports nothing
        _said("统计公报", "攸县", "achievement", "2027"),
        _said("政府工作报告", "山东", "achievement", "2021-2025"),  # a plan period by its end
        # a topical plan's figures of the year are not the year's results
        _said("实施意见/行动方案", "湖北", "achievement", "2026"),
        _said("统计公报", "", "achievement", "2026"),  # no region: nobody's
    ]
    assert reported_years(records) == {("攸县", 2027), ("山东", 2025)}


# -- through the bot and the command line, on invented documents --------------------------
DOCS = {
    "湖南省2027年政府工作报告.txt": (
        "2027年湖南省人民政府工作报告\n\n二、2027年主要目标\n"
        "今年全省经济社会发展主要预期目标是：地区生产总值增长5.5%左右，"
        "一般公共预算收入增长4%，粮食产量610亿斤以上。\n"
    ),
    "攸县2027年政府工作报告.txt": (
        "2027年攸县人民政府工作报告\n\n二、2027年主要目标\n地区生产总值增长7%左右；固定资产投资增长9%。\n"
    ),
    "攸县2027年国民经济和社会发展统计公报.txt": (
        "攸县2027年国民经济和社会发展统计公报\n\n一、综合\n"
        "全年全县地区生产总值增长7.2%。年末户籍人口80万人。\n"
    ),
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory, tokenizer: Tokenizer) -> Path:
    source = tmp_path_factory.mktemp("unreported-docs")
    for name, text in DOCS.items():
        (source / name).write_text(text, encoding="utf-8")
    return build_template(tmp_path_factory.mktemp("unreported-template"), source, tokenizer)


def test_the_scorecard_counts_the_targets_no_report_covers(
    library: Path, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    engine = engine_copy(library, tmp_path, tokenizer)
    card = engine.scorecard(region="湖南", year=2027)
    by_region = {(x.region, x.indicator): x for x in card.links}
    assert by_region[("攸县", "地区生产总值")].status == "met"
    hunan = sum(1 for x in card.links if x.region == "湖南" and x.verdict.reason == "no_result")
    assert hunan >= 2
    # 攸县 2027 has its bulletin: its unmatched target is one the bulletin leaves out
    assert by_region[("攸县", "固定资产投资")].verdict.reason == "no_result"
    assert card.unreported == (("湖南", 2027, hunan),)
    assert engine.scorecard(region="攸县", year=2027).unreported == ()


def test_the_reasons_said_are_capped_and_in_both_languages() -> None:
    many = tuple((region, 2027, 5) for region in ("湖南", "湖北", "江西", "广西"))
    (zh,) = scorecard_messages([], region=None, year=2027, unreported=many)
    assert zh.count("ℹ️") == UNREPORTED_SHOWN and "广西" not in zh
    assert (
        "ℹ️ 文库中还没有给出湖南 2027年实绩的工作报告或统计公报（通常是2028年的政府工作报告、"
        "2027年的统计公报），5 项目标因此未知；加入这样的文件后即可对照。"
    ) in zh
    (en,) = scorecard_messages([], region="湖南", year=2027, unreported=many[:1], lang="en")
    assert (
        "No work report or statistical bulletin in the library gives Hunan's results for 2027 "
        "yet (usually the 2028 government work report or the 2027 statistical bulletin), so "
        "5 targets are unknown"
    ) in en
    (none,) = scorecard_messages([], region="湖南", year=2027)
    assert "ℹ️" not in none


async def test_scorecard_says_why_its_targets_are_unknown(
    server: FakeBotApi, library: Path, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    engine = engine_copy(library, tmp_path, tokenizer)
    ((_, _, hunan),) = engine.scorecard(region="湖南", year=2027).unreported
    reader = server.add_user("周记者")
    async with running(server, engine):
        said = await ask_text(server, reader, reader, "/scorecard 湖南 2027")
        assert "文库中还没有给出湖南 2027年实绩的工作报告或统计公报" in said, said
        assert f"{hunan} 项目标因此未知" in said, said
        assert "攸县 2027年实绩" not in said, said
        said = await ask_text(server, reader, reader, "/scorecard 攸县 2027")
        assert "ℹ️" not in said and "✅" in said, said


def test_the_command_line_says_it_too(library: Path, tmp_path: Path, tokenizer: Tokenizer) -> None:
    from typer.testing import CliRunner

    from briefbot.cli import app

    engine = engine_copy(library, tmp_path, tokenizer)
    where = [
        "--corpus-dir",
        str(engine.settings.corpus_dir),
        "--data-dir",
        str(engine.settings.data_dir),
    ]
    asked = [*where, "scorecard", "--region", "湖南", "--year", "2027"]
    printed = CliRunner().invoke(app, asked, env={"COLUMNS": "300"})
    assert printed.exit_code == 0, printed.output
    assert "文库中还没有给出湖南 2027年实绩的工作报告或统计公报" in printed.stdout


# -- /scorecard with two years ------------------------------------------------------------------
def test_the_years_among_a_commands_other_words() -> None:
    from bot.library.arguments import other_years, region_year

    region, year, _ = region_year(["全国", "2025", "2026"])
    assert (region, year) == ("全国 2026", 2025)
    assert other_years(region) == ("全国", [2026])
    assert other_years("2024年 山东") == ("山东", [2024])
    assert other_years("山东") == ("山东", [])
    assert other_years(None) == (None, [])


async def test_a_command_of_two_years_says_one_at_a_time(
    server: FakeBotApi, library: Path, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    """``/scorecard 全国 2025 2026`` said "no targets for 全国 2026 · 2025": the second
    year read as part of the place's name."""
    engine = engine_copy(library, tmp_path, tokenizer)
    reader = server.add_user("周记者")
    async with running(server, engine):
        said = await ask_text(server, reader, reader, "/scorecard 湖南 2027 2028")
        assert said == "一次只能查一个年份，请分别发送：/scorecard 湖南 2027、/scorecard 湖南 2028"
        said = await ask_text(server, reader, reader, "/scorecard 2027 2026")
        assert said == "一次只能查一个年份，请分别发送：/scorecard 2027、/scorecard 2026"
        # one year, as before
        assert "📋" in await ask_text(server, reader, reader, "/scorecard 湖南 2027")
        # /targets and /compare read a second year as part of the indicator's name
        said = await ask_text(server, reader, reader, "/targets 地区生产总值 2027 2028")
        assert said == (
            "一次只能查一个年份，请分别发送：/targets 地区生产总值 2027、/targets 地区生产总值 2028"
        )
        said = await ask_text(server, reader, reader, "/compare GDP 2028 2027")
        assert said == "一次只能查一个年份，请分别发送：/compare GDP 2028、/compare GDP 2027"
        assert "7%左右" in await ask_text(server, reader, reader, "/compare GDP 2027")
        await ask_text(server, reader, reader, "/lang en")
        said = await ask_text(server, reader, reader, "/scorecard 2027 2028")
        assert said == "One year at a time: send /scorecard 2027, /scorecard 2028"
