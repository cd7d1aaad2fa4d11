"""/scorecard and /changes end to end: the real Application against the fake Bot API, on
real documents of one region in successive years (tests/data/real/docs)."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator

import pytest
from telegram.ext import Application

from bot.config import PROJECT_ROOT, Settings
from bot.library import Engine
from fake_telegram import BotCall, FakeBotApi
from handlers.app import build_application
from tests.conftest import serving

REAL = PROJECT_ROOT / "tests" / "data" / "real" / "docs"
DOCS = (
    "national_china_2015_gwr.txt",
    "national_china_2016_gwr.txt",
    "national_china_2021_gwr.txt",
    "national_china_2025_gwr.txt",
    "district_hailaer_2016_gwr.txt",
    "district_hailaer_2019_gwr.txt",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    corpus = tmp_path_factory.mktemp("corpus")
    for name in DOCS:
        shutil.copy(REAL / name, corpus / name)
    return Engine.open(Settings(corpus_dir=corpus, data_dir=tmp_path_factory.mktemp("data")))


@pytest.fixture
async def server() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(bot_username="fake_test_bot", language_code="zh-hans") as fake:
        yield fake


@pytest.fixture
async def bot(server: FakeBotApi, engine: Engine) -> AsyncIterator[Application]:
    app = build_application(
        engine.settings,
        engine,
        token=server.token,
        base_url=server.base_url,
        base_file_url=server.base_file_url,
    )
    async with serving(app):
        yield app


async def ask(server: FakeBotApi, user, text: str) -> BotCall:
    await server.send_message(user, user, text)
    return await server.next_call("sendMessage", chat=user)


async def test_scorecard_lists_targets_with_results_status_and_sources(
    server: FakeBotApi, bot: Application, engine: Engine
) -> None:
    ann = server.add_user("Ann")
    call = await ask(server, ann, "/scorecard 全国 2015")
    text = call.message["text"]
    assert call.params["parse_mode"] == "HTML"
    card = engine.scorecard(region="全国", year=2015)
    counts = card.counts()
    assert text.startswith(
        f"📋 目标完成情况：全国 · 2015年（共 {len(card.links)} 项：达成 {counts['met']} · "
        f"未达成 {counts['missed']} · 未知 {counts['unknown']}）"
    )
    assert counts["met"] >= 4
    gdp = text.index("✅ 达成 国内生产总值 · 2015年 · 全国")
    assert text.index("目标 增长7%左右 → 实际 增长6.9%", gdp) < text.index("\n\n", gdp)
    assert "《2015年中华人民共和国国务院…》→《2016年国务院政府工作报告》" in text
    assert "❔ 未知 居民消费价格 · 2015年 · 全国" in text
    assert "目标 3%左右（尚无实绩）" in text
    assert "<b>国内生产总值</b>" in call.params["text"]


async def test_scorecard_in_english_and_when_nothing_matches(
    server: FakeBotApi, bot: Application
) -> None:
    ann = server.add_user("Ann", language_code="en")
    text = (await ask(server, ann, "/scorecard 全国 2015")).message["text"]
    assert text.startswith("📋 Targets and results: 全国 · 2015 (")
    assert "✅ met 国内生产总值 · 2015 · 全国" in text
    assert "target 增长7%左右 → result 增长6.9%" in text
    li = server.add_user("Li")
    none = (await ask(server, li, "/scorecard 西藏 2030")).message["text"]
    assert none.startswith("没有找到西藏 · 2030年的目标。")
    assert "用法：/scorecard" in none
