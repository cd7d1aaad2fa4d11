"""Smoke test of ``bench/bot_bench.py``: a tiny run, so the benchmark cannot rot.

Three users send two searches each through the fake Bot API (in its own process) to the
real Application; every message must get a search reply. Latency is not judged here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bot_bench import (
    BenchConfig,
    machine,
    make_plan,
    passed,
    query_of,
    report,
    run_bench,
)
from bot.config import PROJECT_ROOT, Settings
from bot.library import Engine

QUERIES = ["乡村振兴", "营商环境", "地区生产总值", "科技创新 数字经济", "养老服务", "新能源"]
TYPOS = ["乡村振星", "营商环竟"]


@pytest.fixture(scope="module")
def engine(built_data) -> Engine:
    corpus, data = built_data(PROJECT_ROOT / "corpus")  # the run's index, copied
    return Engine.open(Settings(corpus_dir=corpus, data_dir=data))


@pytest.mark.parametrize("mode", ["closed", "burst"])
async def test_every_message_gets_a_search_reply(engine: Engine, tmp_path: Path, mode: str) -> None:
    cfg = BenchConfig(users=3, messages=2, mode=mode, warmup=2, timeout_s=30, reply_timeout_s=10)
    result = await run_bench(cfg, engine, QUERIES, typos=TYPOS, workdir=tmp_path)
    assert result["sent"] == 6
    assert result["replies"] == 6, result["error_samples"]
    assert result["missing"] == result["errors"] == result["extra"] == 0
    assert result["search_workers"]["jobs"] == 6
    lat = result["latency_ms"]["delivered_to_replied"]
    assert lat["n"] == 6 and 0 < lat["p50"] <= lat["max"]
    _ok, why = passed(result)
    assert all("delivered -> replied" in reason for reason in why)  # only latency may fail
    assert "3 users x 2 messages" in report(result, machine())


@pytest.mark.heavy
async def test_an_adversary_is_answered_and_counted_apart(engine: Engine, tmp_path: Path) -> None:
    cfg = BenchConfig(
        users=2, messages=2, warmup=1, timeout_s=60, reply_timeout_s=20, adversary=True
    )
    result = await run_bench(cfg, engine, QUERIES, typos=TYPOS, workdir=tmp_path)
    assert result["replies"] == 4 and result["missing"] == result["errors"] == 0
    adv = result["adversary"]
    # the flood burst at once: every one answered with a search, cut short by the budget
    assert adv["sent"] >= engine.settings.flood_burst
    assert adv["search_replies"] == adv["sent"] and adv["other_replies"] == 0
    assert adv["correction_skipped"] >= 1
    assert "adversary:" in report(result, machine())


def test_plan_is_deterministic_and_distinct_per_user() -> None:
    plan = make_plan(4, 3, QUERIES, TYPOS, seed="s", typo_share=0.3)
    assert plan == make_plan(4, 3, QUERIES, TYPOS, seed="s", typo_share=0.3)
    for texts in plan:
        assert len({query_of(t) for t in texts}) == 3
    assert query_of("/search  科技创新   数字经济 ") == "科技创新 数字经济"
