"""The search benchmark times each query's thread CPU beside its wall clock, and the
ours / tantivy ratio of both p95s (a busy machine inflates the wall clock only)."""

from __future__ import annotations

import threading
import time

from bench.search_bench import tier_ratios, timed_queries


def _burn(ms: float) -> None:
    end = time.thread_time() + ms / 1000
    while time.thread_time() < end:
        pass


def test_cpu_time_leaves_out_time_off_the_processor() -> None:
    # one query waits off the processor (as a preempted or blocked one does), one works
    done = threading.Event()

    def search(q: str) -> int:
        if q == "wait":
            done.wait(0.03)  # nothing sets it: 30 ms off the processor
            return 0
        _burn(20)
        return 3

    lat, cpu, hits = timed_queries(search, ["wait", "work"])
    assert hits == [0, 3]
    assert lat[0] >= 25 and cpu[0] < 10
    assert cpu[1] >= 19 and lat[1] >= cpu[1] * 0.99


def test_tier_ratios_give_the_cpu_ratio_beside_the_wall_clock_one() -> None:
    res = {
        "engines": {
            "ours": {"p95_ms": 9.0, "cpu_p95_ms": 1.2},
            "tantivy": {"p95_ms": 0.5, "cpu_p95_ms": 0.3},
        }
    }
    ratios = tier_ratios("10mb", res)
    assert ratios["ours_over_tantivy_p95"] == 18.0
    assert abs(ratios["ours_over_tantivy_cpu_p95"] - 4.0) < 1e-9


def test_cpu_ratio_is_none_without_both_engines() -> None:
    assert (
        tier_ratios("10mb", {"engines": {"ours": {"cpu_p95_ms": 1.0}}})["ours_over_tantivy_cpu_p95"]
        is None
    )
