"""Dump the rankings of a set of queries, to check that a speed change leaves them alone.

A change to the query path that is meant to be exact (same ids, same float scores, same
totals) is checked by dumping before and after and comparing the two files::

    .venv/bin/python -m bench.rank_dump --corpus /tmp/sb/corpora/10mb \\
        --data-dir /tmp/dump-before --out /tmp/before.jsonl \\
        --bench-spec /tmp/sb/work/10mb/specs/ours_query_10mb.spec.json
    (… the same with the new code, another --data-dir and --out …)
    .venv/bin/python -m bench.rank_dump --compare /tmp/before.jsonl /tmp/after.jsonl

The queries: those of a search-bench spec (warm-up and measured), the bundled relevance
and typo queries, a few with exclusions, quotes, synonyms and facets, and the **dev**
queries of a relevance file (``--relevance``; the test split is never read). Each is
ranked with ``Searcher.rank`` and answered with ``Engine.search`` (pages 1–3): ids,
scores (as ``repr`` of the float), totals.

The data dir is built from the corpus when it holds no index, by the code being tested,
so an index format change is compared on indexes each version built.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import baselines as bl  # noqa: E402

# Queries that take the paths plain words do not: exclusion, quoted phrase, synonym
# family, facets of region, year and kind.
EXTRA_QUERIES = (
    "乡村振兴 -旅游",
    '"营商环境"',
    "GDP 增长",
    "山东 2024 地区生产总值 增长目标",
    "政府工作报告 就业",
    "PM2.5 浓度",
    "生态保护红线",
    "2035年 目标",
)
PAGES = (1, 2, 3)


def _jsonl(path: Path) -> Iterator[dict]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def collect_queries(args: argparse.Namespace) -> list[str]:
    """The queries to dump, each once, in a stable order."""
    queries: list[str] = list(EXTRA_QUERIES)
    if args.bench_spec:
        spec = json.loads(Path(args.bench_spec).read_text(encoding="utf-8"))
        queries += spec["warmup"] + spec["queries"]
    if args.bundled:
        queries += [row["query"] for row in _jsonl(ROOT / "tests/data/relevance.jsonl")]
        queries += [row["typo"] for row in _jsonl(ROOT / "tests/data/typos.jsonl")]
    if args.relevance:
        # dev only: the test split is reserved for one final measurement
        queries += [row["query"] for row in _jsonl(args.relevance) if row.get("split") == "dev"]
    return list(dict.fromkeys(queries))


def dump(args: argparse.Namespace) -> int:
    """Rank every query on pages 1–3 with ``rank`` and ``search``; one JSON line each."""
    engine = bl.open_engine(bl.load_engine(False), args.corpus, args.data_dir)
    searcher = engine.searcher
    with args.out.open("w", encoding="utf-8") as out:
        for q in collect_queries(args):
            for page in PAGES:
                r = searcher.rank(q, page=page, page_size=10)
                s = engine.search(q, page=page, page_size=10)
                row = {
                    "q": q,
                    "page": page,
                    "rank": [r.pids.tolist(), [repr(float(x)) for x in r.scores], r.total],
                    "search": [
                        [(h.doc_id, h.passage_ordinal, repr(h.score)) for h in s.hits],
                        s.total,
                    ],
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def compare(before: Path, after: Path) -> int:
    """Print the rows that differ; 0 when none does."""
    a, b = list(_jsonl(before)), list(_jsonl(after))
    if len(a) != len(b):
        print(f"row counts differ: {len(a)} vs {len(b)}")
        return 1
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    for x, y in diff[:20]:
        print(json.dumps(x, ensure_ascii=False)[:400])
        print(json.dumps(y, ensure_ascii=False)[:400])
    queries = len(a) // len(PAGES)
    print(f"{len(a)} rankings ({queries} queries × {len(PAGES)} pages), {len(diff)} differ")
    return 1 if diff else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--data-dir", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--bench-spec", type=Path, help="a search_bench query spec (JSON)")
    ap.add_argument("--relevance", type=Path, help="a relevance file; its dev split only")
    ap.add_argument("--bundled", action="store_true", help="the bundled relevance and typos")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if not (args.corpus and args.data_dir and args.out):
        ap.error("--corpus, --data-dir and --out are needed to dump")
    return dump(args)


if __name__ == "__main__":
    raise SystemExit(main())
