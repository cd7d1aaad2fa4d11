"""MRR@10 of the real set's dev queries on two fixed halves, *fit* and *check*.

A change fitted to the misses of one half is kept only if the other half does not fall:
the halves measure whether a fix generalises to queries it was not made from. The draw
is fixed: the sorted ids of the ``"split": "dev"`` records of ``relevance.jsonl``,
shuffled by ``random.Random(1323)``, the first half fit, the second check (ids added to
the set later change the draw: name the set's size with the numbers).

    .venv/bin/python bench/eval_search.py --relevance tests/data/real/relevance.jsonl \\
        --corpus tests/data/real/docs --no-typos --split dev --engines "" --json NEW.json
    .venv/bin/python -m bench.fitcheck NEW.json [BASE.json]

Prints each half's MRR@10 (with BASE, its delta and how many queries rose or fell),
never a query of the check half one by one. Only dev records are read: the test split
is never drawn from.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEVANCE = ROOT / "tests" / "data" / "real" / "relevance.jsonl"
SEED = 1323


def halves(relevance: Path = RELEVANCE, seed: int = SEED) -> tuple[list[str], list[str]]:
    """The dev ids as (fit, check): sorted, shuffled with ``seed``, cut in two."""
    ids: list[str] = []
    with relevance.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                if row.get("split") == "dev":
                    ids.append(str(row["id"]))
    ids.sort()
    random.Random(seed).shuffle(ids)
    half = len(ids) // 2
    return ids[:half], ids[half:]


def reciprocal_ranks(path: Path) -> dict[str, float]:
    """Per-query reciprocal ranks of our engine from an ``eval_search --json`` file."""
    rr = json.loads(path.read_text())["engines"]["ours"]["rr"]
    return {str(k): float(v) for k, v in rr.items()}


def summary(name: str, ids: list[str], now: dict[str, float], base: dict[str, float] | None) -> str:
    """One line: the half's MRR, and against ``base`` its delta and the queries moved."""
    missing = [i for i in ids if i not in now]
    if missing:
        raise SystemExit(f"{len(missing)} {name} queries are not in the run (run --split dev)")
    mrr = sum(now[i] for i in ids) / len(ids)
    line = f"{name}: n={len(ids)} MRR@10={mrr:.4f}"
    if base is not None:
        was = sum(base[i] for i in ids) / len(ids)
        up = sum(1 for i in ids if now[i] > base[i] + 1e-9)
        down = sum(1 for i in ids if now[i] < base[i] - 1e-9)
        line += f" (was {was:.4f}, {mrr - was:+.4f}; {up} rose, {down} fell)"
    return line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path, help="eval_search --json output (--split dev)")
    ap.add_argument("base", type=Path, nargs="?", help="an earlier run to compare with")
    ap.add_argument("--relevance", type=Path, default=RELEVANCE)
    # a later session draws halves of its own (its misses were read on the old fit half)
    ap.add_argument("--seed", type=int, default=SEED, help=f"the draw (default {SEED})")
    args = ap.parse_args(argv)
    fit, check = halves(args.relevance, args.seed)
    now = reciprocal_ranks(args.run)
    base = reciprocal_ranks(args.base) if args.base else None
    for name, ids in (("fit", fit), ("check", check)):
        print(summary(name, ids, now, base))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
