"""Live sources at scale: N sources polled at once against the fixture web site, while
searches keep running.

The fixture site (``tests/fixture_site.py``) serves N list pages on 127.0.0.1, each
linking ``--articles`` articles of its own (distinct texts, so nothing is a duplicate).
The library is a private copy of the bundled corpus and its index. The poller runs as in
the bot (``handlers.app``): the store on the storage thread, uploads on one indexing
thread, index swaps on the core thread (``bot.blocking.Blocking``), fetching in the event
loop, ``--concurrency`` sources at a time. Every source is on one host here, so the
per-host gap is set to 0 (real sources are on many hosts; with the default 2 s gap one
host's sources take 2 s per request, one after the other).

While the first poll runs, a simulated user searches every ``--search-every`` seconds on
the search threads; their latency is compared with the same searches before the poll.
A second poll of every source follows (everything answers 304).

Prints (and with ``--json`` writes) wall time, CPU time of the process, peak RSS, and the
searches' p50/p95 before and during the poll.

    python bench/sources_bench.py --sources 200 --articles 1
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.blocking import Blocking
from bot.config import PROJECT_ROOT, Settings
from bot.library import Engine
from bot.sources.poller import SourcePoller
from bot.sources.runtime import Runners
from bot.sources.store import SourceStore
from bot.storage import Database
from tests.fixture_site import FixtureSite

QUERIES = ["地区生产总值", "乡村振兴", "科技创新", "就业", "居民收入", "碳达峰", "营商环境"]
REGIONS = ["东湖", "西山", "南港", "北岭", "中原", "青川", "白水", "金沙", "玉溪", "临江"]


def publish(site: FixtureSite, sources: int, articles: int) -> list[str]:
    """N list pages with ``articles`` articles each; the list pages' URLs."""
    urls = []
    for i in range(sources):
        region = f"{REGIONS[i % len(REGIONS)]}{i}区"
        links = []
        for j in range(articles):
            path = f"/b/{i}/a{j}.html"
            title = f"{region}2026年第{j + 1}号政策文件"
            body = "".join(
                f"<p>{region}{k + 1}年内地区生产总值增长"
                f"{(i * 7 + j * 3 + k) % 9 + 1}.{k % 10}%左右，"
                f"新增就业{i + k + 2}万人，研发投入强度达到{(i + k) % 4 + 1}.{j % 10}%。</p>"
                for k in range(12)
            )
            site.set_page(
                path,
                f"<html><head><title>{title}</title></head><body><div class='article'>"
                f"<h1>{title}</h1><div class='content'><h2>一、主要目标</h2>{body}</div>"
                f"</div></body></html>",
            )
            links.append(
                f'<li><a href="a{j}.html">{title}</a><span>2026-03-0{j % 9 + 1}</span></li>'
            )
        urls.append(
            site.set_page(
                f"/b/{i}/index.html",
                "<html><head><title>政策文件</title></head><body><ul class='news_list'>"
                + "".join(links)
                + "</ul></body></html>",
            )
        )
    return urls


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def search_loop(engine: Engine, blocking: Blocking, every: float, stop: asyncio.Event):
    times: list[float] = []
    n = 0
    while not stop.is_set():
        query = QUERIES[n % len(QUERIES)]
        started = time.perf_counter()
        await blocking.search("bench-user", engine.search, query)
        times.append((time.perf_counter() - started) * 1000)
        n += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)
    return times


async def run(args: argparse.Namespace) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="sources-bench-"))
    shutil.copytree(PROJECT_ROOT / "corpus", tmp / "corpus")
    settings = Settings(
        corpus_dir=tmp / "corpus",
        data_dir=tmp / "data",
        sources_allow_private=True,
        source_host_gap_seconds=0,
        source_retries=0,
    )
    engine = Engine.open(settings)
    database = Database.open(url=f"sqlite:///{tmp / 'bench.db'}")
    blocking = Blocking.for_database("sqlite")
    indexing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bench-index")

    spent = {"index": 0.0, "work": 0.0, "core": 0.0}

    def timed(kind, fn):
        def run(*a, **kw):
            started = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[kind] += time.perf_counter() - started

        return run

    async def on_indexing(fn, /, *a, **kw):
        return await asyncio.get_running_loop().run_in_executor(
            indexing, functools.partial(timed("index", fn), *a, **kw)
        )

    async def on_core(fn, /, *a, **kw):
        return await blocking.run(timed("core", fn), *a, **kw)

    async def on_work(fn, /, *a, **kw):
        return await asyncio.to_thread(functools.partial(timed("work", fn), *a, **kw))

    runners = Runners(db=blocking.run_db, index=on_indexing, core=on_core, work=on_work)
    store = SourceStore(database)
    with FixtureSite() as site:
        urls = publish(site, args.sources, args.articles)
        async with SourcePoller(engine, store, lambda: settings, runners=runners) as poller:
            # the sources are recorded first (not polled): the poll below is the measured one
            for n, url in enumerate(urls):
                await blocking.run_db(store.add, f"s{n}", url, every_seconds=21600)
            sources = await blocking.run_db(store.list)
            baseline_stop = asyncio.Event()
            baseline = asyncio.create_task(
                search_loop(engine, blocking, args.search_every, baseline_stop)
            )
            await asyncio.sleep(args.baseline_seconds)
            baseline_stop.set()
            before = await baseline

            stop = asyncio.Event()
            during_task = asyncio.create_task(
                search_loop(engine, blocking, args.search_every, stop)
            )
            rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            cpu0 = time.process_time()
            wall0 = time.perf_counter()
            reports = await poller.poll_many(sources, concurrency=args.concurrency)
            wall = time.perf_counter() - wall0
            busy = {k: round(v, 2) for k, v in spent.items()}
            cpu = time.process_time() - cpu0
            stop.set()
            during = await during_task
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

            hits_before = sum(site.hits.values())
            wall1 = time.perf_counter()
            again = await poller.poll_many(sources, concurrency=args.concurrency)
            wall_304 = time.perf_counter() - wall1
            requests_304 = sum(site.hits.values()) - hits_before
    blocking.shutdown()
    indexing.shutdown()
    database.close()
    ingested = sum(r.count("ingested") for r in reports)
    failed = sum(r.count("failed") for r in reports) + sum(1 for r in reports if r.error)
    result = {
        "sources": args.sources,
        "articles_per_source": args.articles,
        "concurrency": args.concurrency,
        "ingested": ingested,
        "failed": failed,
        "wall_s": round(wall, 2),
        "indexing_thread_s": busy["index"],
        "core_thread_s": busy["core"],
        "extraction_s": busy["work"],
        "cpu_s": round(cpu, 2),
        "peak_rss_mb_before": round(rss0 / 1024, 1),
        "peak_rss_mb": round(peak / 1024, 1),
        "documents_after": len(engine.documents()),
        "searches_before": len(before),
        "search_p50_ms_before": round(percentile(before, 0.5), 2),
        "search_p95_ms_before": round(percentile(before, 0.95), 2),
        "searches_during": len(during),
        "search_p50_ms_during": round(percentile(during, 0.5), 2),
        "search_p95_ms_during": round(percentile(during, 0.95), 2),
        "search_max_ms_during": round(max(during, default=float("nan")), 2),
        "repoll_wall_s": round(wall_304, 2),
        "repoll_requests": requests_304,
        "repoll_not_modified": sum(1 for r in again if r.not_modified),
        "mean_search_ms_during": round(statistics.fmean(during), 2) if during else None,
    }
    shutil.rmtree(tmp, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--articles", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--search-every", type=float, default=0.05)
    parser.add_argument("--baseline-seconds", type=float, default=3.0)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    os._exit(0)  # the fixture site's thread and the executors are done with


if __name__ == "__main__":
    main()
