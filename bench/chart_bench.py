"""Target analytics speed: chart rendering and the scorecard.

Renders the two charts ``--runs`` times each (after one warm-up render, which loads
matplotlib and the CJK font) and reports p50 / p95 in milliseconds, then times
``Engine.scorecard()`` over every document of the corpus given (default: the real
documents of ``tests/data/real/docs``, indexed into a temporary folder).

    python -m bench.chart_bench [--runs 50] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bot.analytics.charts import RegionBar, history_chart, regions_chart
from bot.config import PROJECT_ROOT, Settings
from bot.library import Engine

REAL = PROJECT_ROOT / "tests" / "data" / "real" / "docs"
BARS = [
    RegionBar("全国", 5.0, None, 5.0, "2024"),
    RegionBar("四川", 5.5, None, 5.5, "2025"),
    RegionBar("安徽", 5.0, 5.5, 5.5, "2025"),
    RegionBar("湖北", 5.5, None, 5.5, "2025"),
    RegionBar("贵州", 5.0, None, 4.8, "2025"),
    RegionBar("海南", 4.5, None, 4.1, "2025"),
    RegionBar("宁夏", 5.5, None, 5.4, "2025"),
    RegionBar("云南", 5.0, None, 4.5, "2025"),
]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _time(fn, runs: int) -> tuple[float, float]:
    fn()  # warm-up: matplotlib, the font
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return _percentiles(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    charts = {
        "regions png": lambda: regions_chart("地区生产总值", 2026, "%", BARS, national=5.0),
        "history png": lambda: history_chart(
            "国内生产总值",
            "全国",
            "%",
            ["2014", "2015", "2016", "2021", "2024", "2025"],
            [None, 7.0, 6.75, 6.0, None, 5.0],
            [7.4, 6.9, None, None, 5.0, None],
        ),
        "regions svg": lambda: regions_chart(
            "地区生产总值", 2026, "%", BARS, national=5.0, fmt="svg"
        ),
    }
    for name, fn in charts.items():
        p50, p95 = _time(fn, args.runs)
        print(f"{name:12s} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  ({args.runs} runs)")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "corpus"
            shutil.copytree(REAL, corpus)
        engine = Engine.open(Settings(corpus_dir=corpus, data_dir=Path(tmp) / "data"))
        start = time.perf_counter()
        card = engine.scorecard()
        took = time.perf_counter() - start
        print(
            f"scorecard    {took * 1000:6.1f} ms over {len(engine.documents())} documents "
            f"({len(card.links)} targets, {card.counts()}): the first, which links the library"
        )
        # later scorecards of the same index filter the links: by region, by year, both
        regions = sorted({x.region for x in card.links if x.region})[:20]
        asks = [(r, None) for r in regions] + [(None, y) for y in (2023, 2024, 2025)]
        asks += [(r, 2025) for r in regions]
        samples = []
        for region, year in asks:
            start = time.perf_counter()
            engine.scorecard(region=region, year=year)
            samples.append((time.perf_counter() - start) * 1000)
        p50, p95 = _percentiles(samples)
        print(f"scorecard    p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  (later: {len(asks)} asked)")


if __name__ == "__main__":
    main()
