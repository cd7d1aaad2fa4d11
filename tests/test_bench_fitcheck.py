"""bench/fitcheck.py: the fixed fit and check halves of the dev queries, and their MRR."""

from __future__ import annotations

import json
import random

from bench.fitcheck import halves, summary


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")


def test_the_halves_are_the_seeded_shuffle_of_the_sorted_dev_ids(tmp_path):
    rows = [{"id": f"r{i:03d}", "split": "dev"} for i in (5, 1, 4, 2, 3, 9, 7)]
    rows.append({"id": "r008", "split": "test"})
    path = tmp_path / "relevance.jsonl"
    _write(path, rows)
    fit, check = halves(path, seed=7)
    ids = sorted(r["id"] for r in rows if r["split"] == "dev")
    random.Random(7).shuffle(ids)
    assert (fit, check) == (ids[:3], ids[3:])
    assert "r008" not in fit + check  # the test split is never drawn from
    # the file's order does not matter, only the ids
    _write(path, list(reversed(rows)))
    assert halves(path, seed=7) == (fit, check)


def test_summary_gives_the_mean_and_the_queries_moved():
    now = {"r1": 1.0, "r2": 0.5, "r3": 0.0}
    base = {"r1": 0.5, "r2": 0.5, "r3": 1.0}
    line = summary("fit", ["r1", "r2", "r3"], now, base)
    assert line == "fit: n=3 MRR@10=0.5000 (was 0.6667, -0.1667; 1 rose, 1 fell)"
    assert summary("check", ["r2"], now, None) == "check: n=1 MRR@10=0.5000"
