"""Smoke test of ``bench/digest_bench.py``: a small run of the same code path, so it cannot rot.

200 subscriptions (private chats, groups, supergroups, a channel; some digests of two
messages) are fired at once (``--trigger fire``) into the fake Bot API in its own
process, with Telegram's limits scaled up tenfold. Every digest must arrive exactly
once and in order, the database must agree with the server, and the server must never
have accepted more than its limits in any window. Timing is not judged here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.digest_bench import (
    BenchConfig,
    machine,
    make_plan,
    max_in_window,
    passed,
    report,
    run_bench,
    theoretical_minimum,
)
from bot.config import PROJECT_ROOT, Settings
from bot.library import Engine


@pytest.fixture(scope="module")
def engine(built_data) -> Engine:
    corpus, data = built_data(PROJECT_ROOT / "corpus")  # the run's index, copied
    settings = Settings(corpus_dir=corpus, data_dir=data, digest_cap=120)
    return Engine.open(settings)


@pytest.mark.heavy
async def test_every_digest_arrives_exactly_once_within_the_limits(
    engine: Engine, tmp_path: Path
) -> None:
    cfg = BenchConfig(subs=200, scale=10, trigger="fire", timeout_s=180)
    result = await run_bench(cfg, engine, workdir=tmp_path)

    assert result["subscriptions"] == 200
    assert result["chats"]["group"] and result["chats"]["supergroup"] and result["chats"]["channel"]
    assert result["multi_message_subscriptions"] > 0  # some digests take two messages
    assert result["duplicates"] == 0
    assert result["lost_messages"] == 0
    assert result["lost_subscriptions"] == 0
    db = result["db"]
    assert db["statuses"] == {"sent": 200}  # one delivery per subscription, sent
    assert db["rows_per_subscription"] == {"1": 200}
    assert db["ids_not_matching_server"] == 0
    assert db["out_of_order"] == 0
    assert db["server_messages_without_delivery"] == 0
    assert db["ids_claimed_twice"] == 0
    server, limits = result["server"], result["limits"]
    assert server["accepted"] == result["messages_expected"]
    assert server["max_window"]["global_per_1s"] <= limits["global_per_sec"]
    assert server["max_window"]["group_per_60s"] <= limits["group_per_min"]
    assert server["max_window"]["chat_per_1s"] <= limits["chat_per_sec"]
    assert result["outcomes"] == {"sent": 200}
    _ok, why = passed(result)
    # only timing may fail the gate here (the rate, the loop's lag on a shared machine)
    assert all("efficiency" in reason or "loop lag" in reason for reason in why)
    text = report(result, machine())
    assert "200 subscriptions" in text and "fire()" in text


def test_plan_is_deterministic_and_realistic() -> None:
    cfg = BenchConfig(subs=2000)
    plan = make_plan(cfg)
    assert plan == make_plan(BenchConfig(subs=2000))
    assert len(plan.subs) == 2000
    assert len(plan.busy) == 1  # at scale 1: one group with many subscriptions
    per_chat: dict[int, int] = {}
    for sub in plan.subs:
        per_chat[sub.chat] = per_chat.get(sub.chat, 0) + 1
    assert per_chat[plan.busy[0]] == cfg.busy_group_subs
    assert all(n <= 2 for chat, n in per_chat.items() if chat not in plan.busy)
    kinds = {plan.kinds[chat] for chat in per_chat}
    assert kinds == {"private", "group", "supergroup", "channel"}
    assert sum(1 for k in plan.kinds if k == "private") > 0.85 * len(plan.kinds)
    assert make_plan(BenchConfig(subs=2000, scale=10)).busy == []


def test_theoretical_minimum_takes_the_tightest_window() -> None:
    cfg = BenchConfig(subs=1)
    # 48 messages: 1 s overall at 30/s. 45 into one group: the 41st goes 2 minutes
    # after the first (20/min), the next four 1 s apart (1/s per chat).
    bound = theoretical_minimum({1: 2, -5: 45, 2: 1}, [-5], cfg)
    assert bound["global_s"] == 1
    assert bound["group_s"] == 124
    assert bound["chat_s"] == 44
    assert (bound["t_min_s"], bound["binding"]) == (124.0, "group")
    assert theoretical_minimum({-5: 20}, [-5], cfg)["group_s"] == 19  # 1/s, within a minute
    assert theoretical_minimum({1: 1}, [], cfg)["t_min_s"] == 0
    scaled = theoretical_minimum({n: 1 for n in range(601)}, [], BenchConfig(subs=1, scale=10))
    assert (scaled["global_s"], scaled["binding"]) == (2, "global")


def test_max_in_window_counts_like_the_fake_server() -> None:
    # The fake counts sends in (t - period, t]: a send exactly one period later is free.
    assert max_in_window([0.0, 0.5, 1.0, 1.2], 1.0) == 3
    assert max_in_window([0.0, 1.0, 2.0], 1.0) == 1
    assert max_in_window([], 1.0) == 0
