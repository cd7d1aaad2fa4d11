"""Key-target look-ups per call, with and without the records held in memory.

Builds (or reuses) a corpus tier of ``bench/corpora.py`` (``10mb`` by default; not the
``real*`` tiers, which are made of every real document, the held-out ones included),
indexes it under ``--work`` (reused when fresh), then times the library's look-ups
that read every document's key targets, each ``--calls`` times:

- ``filter_targets("")``: a digest of everything (every record read);
- ``filter_matches_any("region:火星")``: ``/subscribe``'s check of a filter that
  matches nothing (every record read before the answer);
- ``lookup_indicator("GDP")``: ``/targets GDP``, ``/compare GDP``.

``cold`` is the store reading every file on every call (its memory bound set to 0
records: the code before ``targets-cache``, plus one ``stat`` per document); ``first``
and ``warm`` the store as it runs, the first call reading the files and holding the
records, the next ones reading nothing that has not changed. ``held_mb`` is what the
held records cost (``tracemalloc``, the memory allocated and kept by the first call).

    .venv/bin/python -m bench.targets_bench                       # 10mb tier
    .venv/bin/python -m bench.targets_bench --tier 100mb --calls 3
"""

from __future__ import annotations

import argparse
import gc
import logging
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from bench.corpora import TIERS, build_corpus
from bot.config import Settings
from bot.library import Engine
from bot.targets.record_cache import RecordCache

log = logging.getLogger("bench.targets")

LOOKUPS: dict[str, Callable[[Engine], object]] = {
    'filter_targets("")': lambda e: e.filter_targets(""),
    'filter_matches_any("region:火星")': lambda e: e.filter_matches_any("region:火星"),
    'lookup_indicator("GDP")': lambda e: e.lookup_indicator("GDP"),
}


def _timed(lookup: Callable[[Engine], object], engine: Engine) -> float:
    t0 = time.perf_counter()
    lookup(engine)
    return time.perf_counter() - t0


def measure(engine: Engine, calls: int) -> dict[str, dict[str, float]]:
    """Per look-up: the median cold call, the first call and the median warm call (s)."""
    store = engine.target_store
    out: dict[str, dict[str, float]] = {}
    for name, lookup in LOOKUPS.items():
        store._records = RecordCache(max_records=0)  # nothing held: every call reads
        cold = statistics.median(_timed(lookup, engine) for _ in range(calls))
        store._records = RecordCache()
        first = _timed(lookup, engine)
        warm = statistics.median(_timed(lookup, engine) for _ in range(calls))
        out[name] = {"cold": cold, "first": first, "warm": warm}
    return out


def held_memory(engine: Engine) -> tuple[int, float]:
    """The records held after one read of the whole library, and the MB they take."""
    store = engine.target_store
    store._records = RecordCache(max_records=0)
    engine.filter_matches_any("region:火星")  # what the look-up builds once (searcher, gazetteer)
    store._records = RecordCache()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    engine.filter_matches_any("region:火星")
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return store._records.held, (after - before) / 2**20


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tier", default="10mb", choices=[t for t in TIERS if t != "real10mb"])
    ap.add_argument("--calls", type=int, default=5)
    ap.add_argument("--work", type=Path, default=Path("/tmp/briefbot-bench-targets"))
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    corpus = build_corpus(args.tier, args.work / "corpora" / args.tier)
    t0 = time.perf_counter()
    engine = Engine.open(Settings(corpus_dir=corpus, data_dir=args.work / "data" / args.tier))
    log.info("index ready in %.1f s", time.perf_counter() - t0)
    docs = len(engine.index.docs)
    mb = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 2**20
    records, held_mb = held_memory(engine)
    print(f"machine: {platform.processor() or platform.machine()}, {platform.python_version()}")
    print(
        f"tier {args.tier}: {docs} documents, {mb:.1f} MB, {records} records, held {held_mb:.1f} MB"
    )
    print(f"{'look-up':36} {'cold s':>8} {'first s':>8} {'warm s':>8}")
    for name, t in measure(engine, args.calls).items():
        print(f"{name:36} {t['cold']:8.3f} {t['first']:8.3f} {t['warm']:8.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
