"""The extractor against the bulletin probe set: invented statistical bulletin excerpts of
a province, a prefecture city, a county, a district and an autonomous prefecture, written
in other places' styles before the extractor was run on them
(``tests/data/probes/bulletins``, built by its ``build_probes.py``).

Same scoring as ``bench/eval_targets.py`` on the bundled gold: a record matches when doc,
indicator, value, unit and kind agree, one to one, so a wrong name is a false positive
and a false negative. The floors are the figures at the end of the ``naming-bulletins``
branch (P 0.937, R 0.937, see bench/RESULTS.md), rounded down by 0.01.
"""

from __future__ import annotations

from pathlib import Path

from bench.eval_targets import load_corpus, load_gold, predict, score

PROBES = Path(__file__).parent / "data" / "probes" / "bulletins"
MIN_PRECISION = 0.92
MIN_RECALL = 0.92


def test_bulletin_probes_precision_and_recall(table):
    report = score(predict(load_corpus(PROBES / "docs"), table), load_gold(PROBES / "gold.jsonl"))
    missed = [f"{r['indicator']} {r['value_text']}{r['unit']}" for r in report.false_negatives]
    extra = [f"{r['indicator']} {r['value_text']}{r['unit']}" for r in report.false_positives]
    assert report.total.precision >= MIN_PRECISION, extra
    assert report.total.recall >= MIN_RECALL, missed
    assert report.kind_accuracy == 1.0  # a bulletin reports: every figure an achievement


def test_the_probe_documents_are_built_from_their_sources():
    from tests.data.probes.bulletins.build_probes import build

    for source in sorted((PROBES / "source").glob("*.txt")):
        text, _ = build(source)
        assert (PROBES / "docs" / source.name).read_text(encoding="utf-8") == text
