"""The extractor against the hand-annotated gold sets (bundled corpus and held-out dev set).

Same scoring as ``bench/eval_targets.py``: a record matches when doc, indicator, value,
unit and kind agree, one to one. The bar is precision >= 0.95 and recall >= 0.90.
"""

from __future__ import annotations

import json
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


# --- real documents, dev split (issue 11) --------------------------------------------------
# The gate holds the dev figures where they stand (bench/RESULTS.md has the history);
# the test split is scored by hand with `python -m bench.eval_targets --real --split test`
# and never gates anything, so that nobody tunes on it.
REAL_DEV_FLOORS = {  # measured 2026-12-05 (27 documents, the news story moved from
    # test): P 0.994 R 0.986 naming 0.813 kind 0.994 year 0.957; naming 0.819 at the
    # second session's end (9d69046); 0.834 after the work-report naming rules, 0.843
    # with the sector-document rules (kind 0.997, year 0.962), 0.850 with names too short,
    # 0.866 with the bulletin rules; 0.880 with topic carrying and the plan rules (fourth
    # 2026-12-05 session)
    "precision": 0.988,
    "recall": 0.98,
    "naming": 0.87,
    "kind": 0.99,
    "year": 0.95,
    "change": 0.985,  # a level told from an increment: 0.991
}


@pytest.fixture(scope="module")
def real_dev_report(table):
    from bench.eval_targets import real_predictions
    from bench.real_gold import load_meta, load_real_gold, score_real, split_docs

    meta = load_meta()
    names = split_docs(meta, "dev")
    assert len(names) >= 14, "the dev split lost its gold files"
    return score_real(real_predictions(names, table), load_real_gold(names), meta, table.canonical)


def test_real_dev_figures(real_dev_report):
    t = real_dev_report.total
    got = {
        "precision": t.precision,
        "recall": t.recall,
        "naming": t.share("named"),
        "kind": t.share("kind_ok"),
        "year": t.share("year_ok"),
        "change": t.share("change_ok"),
    }
    low = {k: round(v, 3) for k, v in got.items() if v < REAL_DEV_FLOORS[k]}
    assert not low, f"below the dev floors {REAL_DEV_FLOORS}: {low}"


def test_statistical_bulletins_set_no_targets(real_dev_report):
    assert real_dev_report.bulletin_pred > 500
    assert real_dev_report.bulletin_target_share < 0.01


def test_real_scoring_matches_quantities_not_spellings():
    from bench.real_gold import figure_key, score_real

    gold = {"doc": "d", "line": 3, "value": 3.6, "unit": "万亿元", "indicator": "国内生产总值",
            "kind": "target", "year": "2025", "change": ""}  # fmt: skip
    pred = {**gold, "value": 36000, "unit": "亿元", "indicator": "GDP"}
    assert figure_key(pred) == figure_key(gold)
    report = score_real([pred], [gold], {}, lambda n: {"GDP": "地区生产总值"}.get(n, n))
    assert report.total.tp == 1 and report.total.share("named") == 0.0  # GDP is regional
    other_line = {**pred, "line": 4}
    assert score_real([other_line], [gold], {}, lambda n: n).total.tp == 0


@pytest.mark.parametrize(
    "sample", ["second_annotator.jsonl", "third_annotator.jsonl", "fourth_annotator.jsonl"]
)
def test_the_annotators_samples_point_at_dev_gold_records(sample: str) -> None:
    """``bench/naming_agreement.py`` joins another annotator's names to the gold by
    line, value, unit and qualifier: an edit of the gold must keep every sample findable,
    and every figure of a sample carries a name."""
    from bench.real_gold import load_meta, load_real_gold, split_docs

    meta = load_meta()
    dev = split_docs(meta, "dev")
    keys = {
        (g["doc"], g["line"], g.get("value"), g["unit"], g.get("qualifier", ""))
        for g in load_real_gold(dev)
    }
    path = Path(__file__).parent / "data" / "real" / "agreement" / sample
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 300 and all(r["doc"] in dev for r in rows)
    assert all(r["indicator"].strip() for r in rows)
    missing = [
        r["id"]
        for r in rows
        if (r["doc"], r["line"], r.get("value"), r["unit"], r.get("qualifier", "")) not in keys
    ]
    assert missing == []


def _sample_figures(name: str) -> set[tuple[object, ...]]:
    """The figures of an annotator's sample, as the sampling matched them: document, line,
    value, unit and qualifier."""
    rows = (
        (Path(__file__).parent / "data" / "real" / "agreement" / name)
        .read_text(encoding="utf-8")
        .splitlines()
    )
    return {
        (r["doc"], r["line"], r["value"], r["unit"], r.get("qualifier", ""))
        for r in map(json.loads, rows)
    }


def test_the_third_annotators_sample_holds_no_figure_of_the_second() -> None:
    """The third sample was drawn to judge rules fitted while the second sample was in
    use: a figure in both would let that fitting count as agreement with an unseen reader."""
    assert _sample_figures("second_annotator.jsonl").isdisjoint(
        _sample_figures("third_annotator.jsonl")
    )


def test_the_fourth_annotators_sample_holds_no_figure_of_the_earlier_two() -> None:
    """The fourth sample (seed 20261207) was drawn to judge the conventions of 6.8, settled
    while the second and third samples were in use: it shares no figure with either."""
    fourth = _sample_figures("fourth_annotator.jsonl")
    assert len(fourth) == 300
    assert fourth.isdisjoint(_sample_figures("second_annotator.jsonl"))
    assert fourth.isdisjoint(_sample_figures("third_annotator.jsonl"))
