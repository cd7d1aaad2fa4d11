"""The extractor against the hand-annotated gold sets (bundled corpus and held-out dev set).

Same scoring as ``bench/eval_targets.py``: a record matches when doc, indicator, value,
unit and kind agree, one to one. The bar is precision >= 0.95 and recall >= 0.90.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.eval_targets import (
    DEFAULT_CORPUS,
    DEFAULT_GOLD,
    HELDOUT_CORPUS,
    HELDOUT_GOLD,
    MIN_PRECISION,
    MIN_RECALL,
    load_corpus,
    load_gold,
    predict,
    score,
)
from bot.targets import IndicatorTable


@pytest.fixture(scope="module")
def table() -> IndicatorTable:
    return IndicatorTable.load()


@pytest.mark.parametrize(
    ("gold", "corpus"),
    [(DEFAULT_GOLD, DEFAULT_CORPUS), (HELDOUT_GOLD, HELDOUT_CORPUS)],
    ids=["bundled", "heldout"],
)
def test_gold_precision_and_recall(gold: Path, corpus: Path, table):
    report = score(predict(load_corpus(corpus), table), load_gold(gold))
    missed = [f"{r['indicator']} {r['value_text']}{r['unit']}" for r in report.false_negatives]
    extra = [f"{r['indicator']} {r['value_text']}{r['unit']}" for r in report.false_positives]
    assert report.total.precision >= MIN_PRECISION, extra
    assert report.total.recall >= MIN_RECALL, missed
    assert report.kind_accuracy >= 0.95


def test_scoring_is_one_to_one():
    rec = {"doc": "a", "indicator": "x", "value": 1, "unit": "个", "kind": "target"}
    report = score([rec, rec], [rec])  # a duplicate prediction is a false positive
    assert (report.total.tp, report.total.n_pred, report.total.n_gold) == (1, 2, 1)
    assert report.total.precision == 0.5 and report.total.recall == 1.0
    wrong_kind = {**rec, "kind": "achievement"}
    report = score([wrong_kind], [rec])
    assert report.total.tp == 0 and report.kind_pairs == 1 and report.kind_accuracy == 0.0
    report = score([{**rec, "value": 1.0}], [rec])  # 1 and 1.0 are the same value
    assert report.total.tp == 1
