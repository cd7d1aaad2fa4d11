"""The search-quality gate: relevance against Whoosh + jieba and SQLite FTS5, typo rate.

Runs ``bench/eval_search.py`` (the same script the README documents) on the bundled
corpus with the hand-judged queries and typos in ``tests/data``.
"""

from __future__ import annotations

import json
import subprocess
import sys

from bot.config import PROJECT_ROOT


def test_engine_beats_baselines_and_corrects_typos(tmp_path):
    out = tmp_path / "eval.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "bench" / "eval_search.py"),
            "--engines",
            "whoosh,fts5",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=PROJECT_ROOT,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    engines = result["engines"]
    best_mrr = max(engines["whoosh"]["mrr"], engines["fts5"]["mrr"])
    best_recall = max(engines["whoosh"]["recall"], engines["fts5"]["recall"])
    assert engines["ours"]["mrr"] >= best_mrr
    assert engines["ours"]["recall"] >= best_recall
    assert result["correction_rate"] >= 0.90
    assert result["failures"] == []


# MRR@10 of the real-document relevance set's dev split (tests/data/real/relevance.jsonl,
# the split tuned on), kept from falling back: 211 queries since the 46 fresh ones of the
# third batch (r205-r250, the weak kinds) joined, 0.906 and answer cards 29/31 (0.935) on
# 2026-12-04 (the 165 before them: 0.916, unchanged by this batch's fixes; the floor was
# 0.91 on those 165). 272 queries since the 60 of the fourth batch (r251-r310) joined:
# 0.918 and answer cards 39/42 (0.929) after their fixes, the 212 before them unchanged
# (0.907, 29/31). Two of the three cards then missing (r013, r269) were targets the
# extractor found but named with a confidence under the bar; since it names service time
# limits and shares of an area meeting a standard, cards are 41/42 (0.976). 328 queries
# since the 56 of the fifth batch (r311-r366, questions as people phrase them) joined:
# 0.931 and answer cards 54/56 (0.964) after their fixes, the 272 before them 0.923
# (two ranks up, none down). 363 queries since half A of the sixth batch (r367-r435, 35 of
# its 69 queries; the other 34 joined the test split) joined: 0.898 at first, 0.910 and
# cards 55/57 (0.965) after its fixes, the 328 before them 0.931 -> 0.933. 394 queries
# since half A of the seventh batch (r436-r499, 31 of its 64; everyday words, topics,
# phrases) joined: 0.890 at first, 0.917 and cards 55/57 after the everyday vocabulary of
# the synonym groups and the how-question rule, the 363 before them 0.910 -> 0.922. 470
# queries since the eighth batch (r500-r575, all dev) joined: 0.912 at first (the batch
# 0.887), 0.928 after paragraph titles, 工作总结 as a review, 怎么办 and 有什么 as asking,
# 重点 as a kind word and 2023年末 as a year. 552 queries since the ninth (r576-r619) and
# tenth (r620-r657, topical) batches joined: 0.925 at first (the tenth batch 0.917), 0.930
# after plans of a period, outlines for how-questions and 有哪些政策 as asking how. 704
# queries since the eleventh batch (r658-r809: typos, English, traditional, restoring the
# issue's mix) joined: 0.940 (the batch 0.975: easy, so the rise says nothing of ranking).
# The test split is measured by hand, once per change of the ranking (bench/RESULTS.md).
#
# From 2026-12-06 the floor holds on the dev queries it was last met on, ids up to r1330
# (1,197 queries, 0.933): the twentieth batch (r1331-r1410, everyday words and paraphrases,
# 0.708 unseen, 0.817 after its fixes) and the compare batch (r1450-r1461, 0.870) brought the
# whole dev figure to 0.926 without any regression (the 1,197 earlier queries went 0.9308 ->
# 0.9334). A fresh, harder batch lowers the whole figure by being hard, not by anything
# getting worse, and a floor on the mix would then be met only by tuning on the new batch or
# by lowering it. So each set keeps its own floor, as the probe sets of
# tests/test_targets_probes.py do: the queries up to REAL_DEV_FLOOR_LAST_ID hold
# REAL_DEV_MRR_FLOOR, and the queries added after them hold REAL_DEV_LATER_MRR_FLOOR.
REAL_DEV_MRR_FLOOR = 0.93
REAL_DEV_FLOOR_LAST_ID = 1330
# The dev queries from r1331 on (82: the twentieth batch's 72 and the compare batch's 10),
# 2026-12-06 at the end of branch search-quality20b: 0.824 (the twentieth batch 0.708
# unseen, 0.817 after its fixes), less 0.01.
REAL_DEV_LATER_MRR_FLOOR = 0.814
REAL_DEV_ANSWER_FLOOR = 0.95


def _query_number(query_id: str) -> int:
    """r1331 -> 1331."""
    return int(query_id.lstrip("r"))


def dev_mrr_by_set(rr: dict[str, float]) -> tuple[float, float]:
    """MRR@10 of the dev queries up to REAL_DEV_FLOOR_LAST_ID, and of those after it."""
    earlier = [v for q, v in rr.items() if _query_number(q) <= REAL_DEV_FLOOR_LAST_ID]
    later = [v for q, v in rr.items() if _query_number(q) > REAL_DEV_FLOOR_LAST_ID]
    assert earlier and later, (len(earlier), len(later))
    return sum(earlier) / len(earlier), sum(later) / len(later)


def test_dev_mrr_by_set_splits_at_the_floors_last_id():
    rr = {"r001": 1.0, "r1330": 0.5, "r1331": 0.0, "r1450": 1.0}
    assert dev_mrr_by_set(rr) == (0.75, 0.5)


def test_real_documents_dev_split_holds_its_level(tmp_path):
    out = tmp_path / "real.json"
    real = PROJECT_ROOT / "tests" / "data" / "real"
    proc = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "bench" / "eval_search.py"),
            "--relevance",
            str(real / "relevance.jsonl"),
            "--corpus",
            str(real / "docs"),
            "--no-typos",
            "--split",
            "dev",
            "--engines",
            "",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=PROJECT_ROOT,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    earlier, later = dev_mrr_by_set(result["engines"]["ours"]["rr"])
    assert earlier >= REAL_DEV_MRR_FLOOR, f"dev queries up to r{REAL_DEV_FLOOR_LAST_ID}"
    assert later >= REAL_DEV_LATER_MRR_FLOOR, f"dev queries after r{REAL_DEV_FLOOR_LAST_ID}"
    answers = result["answers"]
    assert sum(answers.values()) >= REAL_DEV_ANSWER_FLOOR * len(answers)
