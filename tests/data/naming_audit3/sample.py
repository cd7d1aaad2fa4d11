"""Sample confident first-sight records of four probe sets, stratified by document; list names not in the table."""
import json, random, sys, tomllib
from collections import Counter, defaultdict
from pathlib import Path
from bench.eval_targets import load_corpus, predict, MAX_BYTES, PASSAGE_MAX_CHARS
from bot.corpus.loader import load_document
from bot.targets.records import CONFIDENT
from bot.targets import IndicatorTable

SETS = ["round35", "round36", "round37", "round37b"]
SEED = 20261208
N = 320
table = IndicatorTable.load()
recs = []
for s in SETS:
    for r in predict(load_corpus(Path(f"tests/data/probes/{s}/docs")), table):
        r["set"] = s
        recs.append(r)
json.dump(recs, open("/tmp/audit3_lane/probe_recs.json", "w"), ensure_ascii=False)
conf = [r for r in recs if r["confidence"] >= CONFIDENT]
by_doc = defaultdict(list)
for r in conf:
    by_doc[(r["set"], r["doc"])].append(r)
rng = random.Random(SEED)
total = len(conf)
sample = []
for key in sorted(by_doc):
    rs = by_doc[key]
    k = max(1, round(N * len(rs) / total))
    sample.extend(rng.sample(rs, min(k, len(rs))))
for i, r in enumerate(sample):
    r["sid"] = f"a3-{i:03d}"
json.dump(sample, open("/tmp/audit3_lane/sample.json", "w"), ensure_ascii=False, indent=0)
print(len(recs), "records", total, "confident", len(sample), "sampled", len(by_doc), "docs")
# not-in-table names: probe sets (all records) + dev
meta = tomllib.loads(Path("tests/data/real/docs.toml").read_text(encoding="utf-8"))
dev = sorted(n for n, m in meta.items() if m.get("split") == "dev")
REAL = Path("tests/data/real/docs")
devrecs = predict([load_document(REAL / n, REAL, max_bytes=MAX_BYTES, passage_max_chars=PASSAGE_MAX_CHARS) for n in dev], table)
json.dump(devrecs, open("/tmp/audit3_lane/dev_recs.json", "w"), ensure_ascii=False)
c = Counter()
conf_c = Counter()
for r in recs + devrecs:
    if r["indicator"] not in table:
        c[r["indicator"]] += 1
        if r["confidence"] >= CONFIDENT:
            conf_c[r["indicator"]] += 1
json.dump({"all": c, "conf": conf_c}, open("/tmp/audit3_lane/notintable.json", "w"), ensure_ascii=False)
print(len(dev), "dev docs", len(devrecs), "dev records;", sum(c.values()), "records carry", len(c), "names not in table;", len(conf_c), "of them confident")
