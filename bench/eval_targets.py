"""Key-target extraction quality gate: precision, recall, F1 and kind accuracy.

Loads every document of a corpus folder with :func:`bot.corpus.loader.load_document`,
runs :func:`bot.targets.extract_targets` and compares the records with a gold file
(``tests/data/gold_targets.jsonl`` over ``corpus/`` by default; rules in
``tests/data/GOLD_GUIDELINES.md``).

* A predicted record matches a gold record when ``doc``, ``indicator``, ``value``,
  ``unit`` and ``kind`` agree, names compared by :func:`name_key` (quotation and
  book-title marks, bracket characters and spaces aside: GOLD_GUIDELINES 6.8.28).
  Records are matched one to one (multiset semantics: two identical gold records need
  two predictions).
* Kind accuracy: among predictions that match a gold record on ``doc``,
  ``indicator``, ``value`` and ``unit`` (again one to one), the share whose ``kind``
  also agrees.
* Results are broken down per document and per kind (precision by predicted kind,
  recall by gold kind). ``--verbose`` lists false positives and false negatives.
* ``--speed`` also times the extractor alone (documents already loaded, caches
  cleared before each run) and prints MB/s of UTF-8 text. ``--speed-tier 10mb`` does
  the same on the synthetic benchmark corpus of ``bench/corpora.py`` (built once into
  ``bench/out/corpora/10mb``) and compares with plain ``jieba.lcut`` on the same text;
  ``--tier-json PATH`` also writes the tier's records (to check that a speed change
  leaves them byte-identical).

The held-out dev set (``--heldout``) is ``tests/data/heldout_targets.jsonl`` over the
ten texts in ``tests/data/heldout/``: statistical bulletins, a provincial and a county
work report, a five-year plan, an action plan, party congress reports (one masked) and
news features, written for this project in the style of real reports and annotated by
hand with the same guidelines. Many of their indicators are not in
``config/indicators.toml``, so those names must come from the document's own words.

Exit code: 0 when precision >= 0.95 and recall >= 0.90 (``--min-precision``,
``--min-recall``), 1 when below, 2 when the gold file or corpus is missing.

Usage::

    .venv/bin/python -m bench.eval_targets
    .venv/bin/python -m bench.eval_targets --verbose
    .venv/bin/python -m bench.eval_targets --gold tests/data/heldout_targets.jsonl \\
        --corpus tests/data/heldout
    .venv/bin/python -m bench.eval_targets --heldout
    .venv/bin/python -m bench.eval_targets --speed-tier 10mb    # about a minute
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # also runnable as `python bench/eval_targets.py`
    sys.path.insert(0, str(ROOT))

from bot.corpus.loader import load_document  # noqa: E402
from bot.models import Document  # noqa: E402
from bot.targets import IndicatorTable, extract_targets  # noqa: E402
from bot.targets.naming import clear_caches  # noqa: E402

DEFAULT_GOLD = ROOT / "tests" / "data" / "gold_targets.jsonl"
DEFAULT_CORPUS = ROOT / "corpus"
HELDOUT_GOLD = ROOT / "tests" / "data" / "heldout_targets.jsonl"
HELDOUT_CORPUS = ROOT / "tests" / "data" / "heldout"
MIN_PRECISION = 0.95
MIN_RECALL = 0.90
MAX_BYTES = 50 * 1024 * 1024
PASSAGE_MAX_CHARS = 400

Key = tuple[Any, ...]

# Marks that set a term off are no part of a name (GOLD_GUIDELINES 6.8.28): a reader sees
# “两重”建设项目 and 两重建设项目, 中欧班列（长沙） and 中欧班列长沙 as one name. Every
# scorer (figures here, naming in bench.real_gold and bench.naming_gaps) compares through
# this one key, so a gold written either way scores the same.
_NAME_MARKS_RE = re.compile(r"[\s“”‘’\"'「」『』《》（）()]")


def name_key(name: str) -> str:
    """``name`` as the scorers compare it: quotation and book-title marks, bracket
    characters (not the words inside) and spaces removed."""
    return _NAME_MARKS_RE.sub("", name)


def _num(v: Any) -> float | None:
    return None if v is None else round(float(v), 6)


def key_of(rec: dict[str, Any], *, with_kind: bool = True) -> Key:
    base = (rec["doc"], name_key(rec["indicator"]), _num(rec.get("value")), rec["unit"])
    return (*base, rec["kind"]) if with_kind else base


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_corpus(folder: Path) -> list[Document]:
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".docx", ".pdf"))
    return [
        load_document(p, folder, max_bytes=MAX_BYTES, passage_max_chars=PASSAGE_MAX_CHARS)
        for p in paths
    ]


def predict(docs: Iterable[Document], table: IndicatorTable | None = None) -> list[dict]:
    out: list[dict] = []
    for doc in docs:
        out.extend(r.to_dict() for r in extract_targets(doc, table))
    return out


@dataclass
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    total: Score
    per_doc: dict[str, Score]
    per_kind: dict[str, Score]
    kind_pairs: int
    kind_agree: int
    false_positives: list[dict] = field(default_factory=list)
    false_negatives: list[dict] = field(default_factory=list)

    @property
    def kind_accuracy(self) -> float:
        return self.kind_agree / self.kind_pairs if self.kind_pairs else 1.0


def match_one_to_one(
    pred: Sequence[dict],
    gold: Sequence[dict],
    key: Callable[[dict], Key],
    prefer: Callable[[dict, dict], bool] | None = None,
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one matching on ``key``: (matched pairs, unmatched pred, unmatched gold).

    With ``prefer``, a first pass pairs each prediction with a gold record it prefers
    (the same name, say) before the rest are paired in order.
    """
    pool: dict[Key, list[int]] = {}
    for i, g in enumerate(gold):
        pool.setdefault(key(g), []).append(i)
    pairs: list[tuple[int, int]] = []
    pending: list[int] = []
    for j, p in enumerate(pred):
        slots = pool.get(key(p), [])
        hit = next((i for i in slots if prefer(p, gold[i])), None) if prefer else None
        if hit is not None:
            slots.remove(hit)
            pairs.append((j, hit))
        else:
            pending.append(j)
    fp: list[int] = []
    for j in pending:
        slots = pool.get(key(pred[j]), [])
        if slots:
            pairs.append((j, slots.pop(0)))
        else:
            fp.append(j)
    matched_gold = {g for _, g in pairs}
    fn = [i for i in range(len(gold)) if i not in matched_gold]
    return pairs, fp, fn


def _match(pred: Sequence[dict], gold: Sequence[dict], *, with_kind: bool):
    """One-to-one matching on the record key (see the module docstring)."""
    return match_one_to_one(pred, gold, lambda r: key_of(r, with_kind=with_kind))


def score(pred: Sequence[dict], gold: Sequence[dict]) -> Report:
    """Compare predictions with gold records (see the module docstring)."""
    pairs, fp, fn = _match(pred, gold, with_kind=True)
    total = Score(len(pairs), len(pred), len(gold))
    per_doc: dict[str, Score] = {}
    per_kind: dict[str, Score] = {}
    for rec in pred:
        per_doc.setdefault(rec["doc"], Score()).n_pred += 1
        per_kind.setdefault(rec["kind"], Score()).n_pred += 1
    for rec in gold:
        per_doc.setdefault(rec["doc"], Score()).n_gold += 1
        per_kind.setdefault(rec["kind"], Score()).n_gold += 1
    for j, _ in pairs:
        per_doc[pred[j]["doc"]].tp += 1
        per_kind[pred[j]["kind"]].tp += 1
    loose, _, _ = _match(pred, gold, with_kind=False)
    agree = sum(1 for j, i in loose if pred[j]["kind"] == gold[i]["kind"])
    return Report(
        total=total,
        per_doc=per_doc,
        per_kind=per_kind,
        kind_pairs=len(loose),
        kind_agree=agree,
        false_positives=[pred[j] for j in fp],
        false_negatives=[gold[i] for i in fn],
    )


def _line(name: str, s: Score) -> str:
    return (
        f"  {name:<28} P {s.precision:6.3f}  R {s.recall:6.3f}  F1 {s.f1:6.3f}"
        f"   (tp {s.tp}, pred {s.n_pred}, gold {s.n_gold})"
    )


def _show(rec: dict) -> str:
    value = rec.get("value_text") or "∅"
    return (
        f"    {rec['doc'][:3]} {rec['kind'][:3]} {rec['indicator']} = {value} {rec['unit']}"
        f" | {rec['sentence'][:70]}"
    )


def print_report(report: Report, *, verbose: bool, out=sys.stdout) -> None:
    t = report.total
    print(
        f"precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}"
        f"  (tp {t.tp}, predicted {t.n_pred}, gold {t.n_gold})",
        file=out,
    )
    print(
        f"kind accuracy {report.kind_accuracy:.3f}"
        f"  ({report.kind_agree}/{report.kind_pairs} records matching on doc+indicator+value+unit)",
        file=out,
    )
    print("per document:", file=out)
    for name, s in sorted(report.per_doc.items()):
        print(_line(name, s), file=out)
    print("per kind (precision by predicted kind, recall by gold kind):", file=out)
    for name, s in sorted(report.per_kind.items()):
        print(_line(name, s), file=out)
    if verbose:
        print_misses(report.false_positives, report.false_negatives, _show, out)


def print_misses(
    false_positives: Sequence[dict],
    false_negatives: Sequence[dict],
    show: Callable[[dict], str],
    out: Any,
) -> None:
    """The records predicted that no gold record matches, then the gold records no
    prediction matches, one ``show`` line each (this report's and the real-gold one's)."""
    for title, records in (
        ("false positives", false_positives),
        ("false negatives", false_negatives),
    ):
        print(f"{title} ({len(records)}):", file=out)
        for rec in records:
            print(show(rec), file=out)


def measure_speed(docs: Sequence[Document], table: IndicatorTable, repeat: int) -> float:
    """MB/s of UTF-8 text through the extractor (documents already loaded).

    The name caches are cleared before each run, so repeated runs over the same text
    do not look faster than a first pass over new documents.
    """
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        t0 = time.perf_counter()
        for d in docs:
            extract_targets(d, table)
        best = min(best, time.perf_counter() - t0)
    return size / 1e6 / best if best > 0 else float("inf")


def measure_jieba(docs: Sequence[Document]) -> float:
    """MB/s of plain ``jieba.lcut`` over the same texts (dictionary loaded first)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    t0 = time.perf_counter()
    for d in docs:
        jieba.lcut(d.text)
    return size / 1e6 / (time.perf_counter() - t0)


def speed_tier(tier: str, table: IndicatorTable, records_path: Path | None = None) -> None:
    """MB/s of the extractor over a benchmark tier, beside jieba's; ``records_path``: the
    tier's records written there too (JSONL, after the timing), so that a speed change
    can be checked to leave every record as it was."""
    from bench.corpora import build_corpus

    folder = build_corpus(tier, ROOT / "bench" / "out" / "corpora" / tier)
    docs = load_corpus(folder)
    size = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    t0 = time.perf_counter()
    records = [r for d in docs for r in extract_targets(d, table)]
    ours = size / (time.perf_counter() - t0)
    n = len(records)
    if records_path is not None:
        records_path.write_text(
            "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records),
            encoding="utf-8",
        )
    print(f"{tier}: {len(docs)} documents, {size:.1f} MB, {n} records")
    print(f"  extractor (first pass, cold caches): {ours:.2f} MB/s")
    print(f"  jieba.lcut on the same text:         {measure_jieba(docs):.2f} MB/s")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--heldout", action="store_true", help="use the held-out dev set")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--speed", action="store_true", help="also report extractor MB/s")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--speed-tier", choices=("10mb", "100mb"), help="benchmark corpus tier")
    ap.add_argument(
        "--tier-json", type=Path, help="with --speed-tier: write the tier's records to this JSONL"
    )
    ap.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    ap.add_argument("--min-recall", type=float, default=MIN_RECALL)
    ap.add_argument("--json", type=Path, help="write the predictions to this JSONL file")
    ap.add_argument(
        "--real", action="store_true", help="score on the real-document gold (tests/data/real)"
    )
    ap.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default="dev",
        help="with --real: which split (test is scored, never tuned on)",
    )
    ap.add_argument(
        "--names",
        action="store_true",
        help="audit indicator names not in the table, with counts (dev documents only)",
    )
    ap.add_argument(
        "--confidence",
        action="store_true",
        help="with --real: how the confidence line splits right and wrong names (-v lists them)",
    )
    args = ap.parse_args(argv)
    if args.real or args.names or args.confidence:
        return real_main(args)
    if args.heldout:
        args.gold, args.corpus = HELDOUT_GOLD, HELDOUT_CORPUS
    if not args.gold.is_file() or not args.corpus.is_dir():
        print(f"missing gold file {args.gold} or corpus {args.corpus}", file=sys.stderr)
        return 2

    table = IndicatorTable.load()
    docs = load_corpus(args.corpus)
    gold = load_gold(args.gold)
    pred = predict(docs, table)
    if args.json:
        args.json.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pred), encoding="utf-8"
        )
    report = score(pred, gold)
    print(f"{args.gold.name} over {args.corpus.name}/ ({len(docs)} documents)")
    print_report(report, verbose=args.verbose)
    counts = Counter(r["kind"] for r in pred)
    print("predicted by kind:", dict(sorted(counts.items())))
    if args.speed:
        mbps = measure_speed(docs, table, args.repeat)
        size = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
        print(f"speed: {mbps:.2f} MB/s over {size:.3f} MB (best of {args.repeat})")
    if args.speed_tier:
        clear_caches()
        speed_tier(args.speed_tier, table, args.tier_json)
    ok = report.total.precision >= args.min_precision and report.total.recall >= args.min_recall
    if not ok:
        print(
            f"GATE FAILED: need precision >= {args.min_precision} and recall >= {args.min_recall}",
            file=sys.stderr,
        )
    return 0 if ok else 1


def real_predictions(names: Sequence[str], table: IndicatorTable) -> list[dict]:
    """Predictions over real documents, each with the line of its sentence."""
    from bench.real_gold import REAL_DOCS, attach_lines
    from bot.text.normalize import fold_figures

    docs = [
        load_document(
            REAL_DOCS / n, REAL_DOCS, max_bytes=MAX_BYTES, passage_max_chars=PASSAGE_MAX_CHARS
        )
        for n in names
    ]
    # lines as annotated: the file's own (figures folded as the loader folds them)
    annotated = {n: fold_figures((REAL_DOCS / n).read_text(encoding="utf-8")) for n in names}
    return attach_lines(predict(docs, table), annotated)


def real_main(args: argparse.Namespace) -> int:
    """``--real`` / ``--names``: the real-document gold (see :mod:`bench.real_gold`)."""
    from bench.real_gold import (
        confidence_split,
        load_meta,
        load_real_gold,
        name_audit,
        print_confidence_split,
        print_real_report,
        score_real,
        split_docs,
    )

    if args.names and args.split != "dev":
        # the audit is read to find rules to write: over test documents it would tune on them
        print("--names audits the dev documents only (--split dev)", file=sys.stderr)
        return 2
    table = IndicatorTable.load()
    meta = load_meta()
    if args.names:
        names = sorted(n for n, m in meta.items() if m["split"] == "dev")
        pred = real_predictions(names, table)
        audit = name_audit(pred, lambda n: n in table)
        print(
            f"{len(pred)} records over {len(names)} documents ({args.split});"
            f" {sum(audit.values())} records carry {len(audit)} names not in the table:"
        )
        for name, n in audit.most_common():
            print(f"  {n:4d}  {name}")
        return 0
    names = split_docs(meta, args.split)
    if not names:
        print(f"no gold files for split {args.split!r}", file=sys.stderr)
        return 2
    gold = load_real_gold(names)
    pred = real_predictions(names, table)
    if args.json:
        args.json.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pred), encoding="utf-8"
        )
    report = score_real(pred, gold, meta, table.canonical)
    print(f"real documents, split {args.split}: {len(names)} documents with gold")
    if args.confidence:
        from bot.targets.records import CONFIDENT

        split = confidence_split(report, table.canonical, CONFIDENT)
        print_confidence_split(split, verbose=args.verbose, out=sys.stdout)
        return 0
    print_real_report(report, verbose=args.verbose, out=sys.stdout, canonical=table.canonical)
    return 0


if __name__ == "__main__":
    sys.exit(main())
