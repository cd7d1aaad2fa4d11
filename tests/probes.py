"""What the tests of the probe sets share (issue 11, ``tests/data/probes/``): a set scored
as ``bench/eval_targets.py`` scores it, its misses said, and records read by value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from bench.eval_targets import load_corpus, load_gold, predict, score

PROBES = Path(__file__).resolve().parent / "data" / "probes"


def probe_report(name: str, table):
    """The extractor's predictions on probe set ``name`` scored against its gold."""
    folder = PROBES / name
    return score(predict(load_corpus(folder / "docs"), table), load_gold(folder / "gold.jsonl"))


def said(records: Iterable[Mapping[str, Any]]) -> list[str]:
    """Scored records as a failing gate lists them: ``indicator value unit``."""
    return [f"{r['indicator']} {r['value_text']}{r['unit']}" for r in records]


def names_by_value(records) -> dict[float | None, str]:
    """Each extracted record's indicator, by its value."""
    return {r.value: r.indicator for r in records}


def changes_by_value(records) -> dict[float | None, str]:
    """Each extracted record's change word, by its value."""
    return {r.value: r.change for r in records}
