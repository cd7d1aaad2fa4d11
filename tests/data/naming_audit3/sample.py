"""naming-audit3's sample: confident first-sight records of four probe sets, stratified by
document, and every name not in the table on them and on the dev documents.

Run from the repository root (``PYTHONPATH=.``) with an output folder ``OUT``: writes
``probe_recs.json``, ``sample.json``, ``dev_recs.json`` and ``notintable.json`` there.
Never reads a test-split document (the split is taken from ``docs.toml``).
"""

import json
import random
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

from bench.eval_targets import MAX_BYTES, PASSAGE_MAX_CHARS, load_corpus, predict
from bot.corpus.loader import load_document
from bot.targets import IndicatorTable
from bot.targets.records import CONFIDENT

SETS = ["round35", "round36", "round37", "round37b"]
SEED = 20261208
N = 320
REAL = Path("tests/data/real/docs")


def dump(obj: object, path: Path) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")


def main(out: Path) -> None:
    table = IndicatorTable.load()
    recs = []
    for s in SETS:
        for r in predict(load_corpus(Path(f"tests/data/probes/{s}/docs")), table):
            r["set"] = s
            recs.append(r)
    dump(recs, out / "probe_recs.json")
    conf = [r for r in recs if r["confidence"] >= CONFIDENT]
    by_doc = defaultdict(list)
    for r in conf:
        by_doc[(r["set"], r["doc"])].append(r)
    rng = random.Random(SEED)
    sample = []
    for key in sorted(by_doc):
        rs = by_doc[key]
        k = max(1, round(N * len(rs) / len(conf)))
        sample.extend(rng.sample(rs, min(k, len(rs))))
    for i, r in enumerate(sample):
        r["sid"] = f"a3-{i:03d}"
    dump(sample, out / "sample.json")
    print(len(recs), "records", len(conf), "confident", len(sample), "sampled")
    meta = tomllib.loads(Path("tests/data/real/docs.toml").read_text(encoding="utf-8"))
    dev = sorted(n for n, m in meta.items() if m.get("split") == "dev")
    docs = [
        load_document(REAL / n, REAL, max_bytes=MAX_BYTES, passage_max_chars=PASSAGE_MAX_CHARS)
        for n in dev
    ]
    devrecs = predict(docs, table)
    dump(devrecs, out / "dev_recs.json")
    every, confident = Counter(), Counter()
    for r in recs + devrecs:
        if r["indicator"] not in table:
            every[r["indicator"]] += 1
            confident[r["indicator"]] += r["confidence"] >= CONFIDENT
    dump({"all": every, "conf": confident}, out / "notintable.json")
    print(len(every), "names not in the table on", sum(every.values()), "records")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
