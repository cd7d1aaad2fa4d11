"""One reading of a typed filter for ``/digest``, ``/subscribe`` and the command line's
``digest``: a bare year is ``year:``, a bare province or city ``region:`` (``/digest 2025``
read 2025 as a keyword while ``/subscribe 2025`` delivered the year). Invented documents,
through the fake Bot API server and the CLI."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bot.library import Engine
from bot.subscriptions.commands import parse_subscribe, typed_filter
from briefbot.cli import app
from fake_telegram import FakeBotApi
from tests.conftest import engine_over
from tests.e2e import ask_text, running

DOCS = {
    "sichuan_2025_gwr.txt": (
        "四川省2025年政府工作报告\n\n"
        "二、2025年主要目标\n全省地区生产总值增长5.5%左右，粮食产量保持在700亿斤以上。\n"
    ),
    "sichuan_2021_14fyp.txt": (
        "四川省国民经济和社会发展第十四个五年规划纲要\n\n"
        "二、主要目标\n到2025年，全省常住人口城镇化率达到60%。\n"
    ),
    "sichuan_2026_gwr.txt": (
        "四川省2026年政府工作报告\n\n二、2026年主要目标\n全省地区生产总值增长7%左右。\n"
    ),
    "yunnan_2025_gwr.txt": (
        "云南省2025年政府工作报告\n\n二、2025年主要目标\n全省地区生产总值增长4.5%左右。\n"
    ),
}


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("2025", "year:2025"),
        ("2025年 GDP", "year:2025 GDP"),
        ("四川 GDP", "region:四川 GDP"),
        ("Sichuan GDP", "region:四川 GDP"),
        ("unemployment rate", "“unemployment rate”"),
        ('"2025" +四川', '"2025" +四川'),  # quoted and signed words stay as typed
        ("", ""),
    ],
)
def test_a_typed_filter_is_read_as_subscribe_stores_it(typed: str, read: str) -> None:
    assert typed_filter(typed) == read
    stored = parse_subscribe(typed, default_time="08:00").filter_text
    assert stored == parse_subscribe(read, default_time="08:00").filter_text


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, tokenizer) -> Engine:
    root = tmp_path_factory.mktemp("typed-filter")
    return engine_over(root, DOCS, tokenizer=tokenizer, flood_burst=0)


async def test_digest_reads_a_year_and_a_place_as_subscribe_does(
    server: FakeBotApi, engine: Engine
) -> None:
    """``/digest 2025`` held the targets of sections titled 2025 only; the plan's 到2025年
    goal (60%) was left out and 2025 said back as a keyword. ``/digest 四川 GDP`` held
    云南's GDP too (四川 was a second keyword)."""
    user = server.add_user("王读")
    async with running(server, engine):
        said = await ask_text(server, user, user, "/digest 2025")
        assert "年份：2025" in said and "关键词" not in said
        assert "60%" in said and "5.5%左右" in said and "4.5%左右" in said
        assert "7%左右" not in said  # a 2026 target
        said = await ask_text(server, user, user, "/digest 四川 GDP")
        assert "地区：四川" in said and "关键词：GDP" in said
        assert "5.5%左右" in said and "7%左右" in said
        assert "4.5%左右" not in said  # 云南's


def test_the_command_line_digest_reads_a_year_and_a_place_alike(engine: Engine) -> None:
    corpus, data = engine.settings.corpus_dir, engine.settings.data_dir
    base = ["--corpus-dir", str(corpus), "--data-dir", str(data.parent / "cli-data")]
    runner = CliRunner()
    year = runner.invoke(app, [*base, "digest", "2025"], env={"COLUMNS": "200"})
    assert year.exit_code == 0, year.output
    assert "60%" in year.stdout and "4.5%左右" in year.stdout and "7%左右" not in year.stdout
    place = runner.invoke(
        app, [*base, "digest", "--preview", "四川", "GDP"], env={"COLUMNS": "200"}
    )
    assert place.exit_code == 0, place.output
    assert "7%左右" in place.stdout and "4.5%左右" not in place.stdout
