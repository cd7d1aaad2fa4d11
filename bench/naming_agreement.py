"""How often two people name the same figure the same way, against the extractor.

Issue 11 asks for naming accuracy >= 0.95 against the gold names. This measures the
ceiling that bar meets: a second annotator, who saw only the guidelines
(``tests/data/GOLD_GUIDELINES.md``), the indicator table and the documents, and never
the gold file or the extractor's output, named 300 figures sampled from the dev split
(100 from statistical bulletins, 200 from other documents; seed 20261204). Their
names are in ``tests/data/real/agreement/second_annotator.jsonl``.

The script scores, with the scorer of ``bench/eval_targets.py --real``
(:func:`bench.real_gold.name_matches`: the gold name, an ``alt``, or the same
canonical indicator):

* the second annotator against the gold names;
* the extractor against the gold names, on the same figures (those it found);
* "siblings": a name also counts when it matches another gold record of the same
  line, value, unit and qualifier (``各1个`` three times, ``均超…``), since the sample
  gave the annotator the figure as written and some lines hold it more than once;
* the extractor against the second annotator's names (an annotator it was never tuned
  on: the closest the dev split comes to the unseen test split), and how many of its
  names neither annotator gave (its own errors, as opposed to a choice between two
  readers' names). ``--list`` prints those.

A third annotator named 300 other dev figures the same way, blind, after the rules
of the sixth 2026-12-05 session were written (60 from bulletins, 240 from other
documents; seed 20261205): ``--annotator`` scores against that sample, which no rule
has been fitted to. A fourth annotator named 300 more (75 from bulletins, 225 from other
documents; seed 20261207) after the conventions of the guidelines' 6.8 were settled,
sharing no figure with the second or third samples: ``--annotator
tests/data/real/agreement/fourth_annotator.jsonl``.

Usage::

    .venv/bin/python -m bench.naming_agreement
    .venv/bin/python -m bench.naming_agreement \
        --annotator tests/data/real/agreement/third_annotator.jsonl
    .venv/bin/python -m bench.naming_agreement \
        --annotator tests/data/real/agreement/fourth_annotator.jsonl --list
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.eval_targets import real_predictions
from bench.real_gold import (
    load_meta,
    load_real_gold,
    name_close,
    name_matches,
    score_real,
    split_docs,
)
from bot.targets import IndicatorTable

ROOT = Path(__file__).resolve().parent.parent
SECOND = ROOT / "tests" / "data" / "real" / "agreement" / "second_annotator.jsonl"

Key = tuple[str, int, Any, str, str]


def _key(rec: dict[str, Any]) -> Key:
    return (rec["doc"], rec["line"], rec.get("value"), rec["unit"], rec.get("qualifier", ""))


def _rates(
    pairs: list[tuple[str, dict[str, Any]]],
    siblings: dict[Key, list[dict[str, Any]]],
    canonical: Callable[[str], str | None],
) -> dict[str, float]:
    n = len(pairs) or 1
    strict = sum(name_matches(name, g, canonical) for name, g in pairs)
    sib = sum(any(name_matches(name, s, canonical) for s in siblings[_key(g)]) for name, g in pairs)
    close = sum(name_close(name, g, canonical) for name, g in pairs)
    return {"n": len(pairs), "strict": strict / n, "siblings": sib / n, "lenient": close / n}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--second",
        "--annotator",
        dest="second",
        type=Path,
        default=SECOND,
        help="the other annotator's names (default: the second annotator's sample; "
        "tests/data/real/agreement/third_annotator.jsonl is a later, separate sample)",
    )
    parser.add_argument(
        "--list", action="store_true", help="print the figures neither annotator names so"
    )
    args = parser.parse_args(argv)

    table = IndicatorTable.load()
    meta = load_meta()
    docs = split_docs(meta, "dev")
    gold = load_real_gold(docs)
    siblings: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        siblings[_key(g)].append(g)

    rows = [json.loads(line) for line in args.second.read_text(encoding="utf-8").splitlines()]
    # a sample still being annotated leaves some names empty: score the named ones
    second = [row for row in rows if row["indicator"]]
    print(f"{args.second.name}: {len(second)} of {len(rows)} figures named")
    who_else = args.second.stem.replace("_", " ")  # "second annotator", "third annotator"
    ordinal = who_else.split()[0]
    sampled: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for row in second:
        candidates = siblings.get(_key(row), [])
        if not candidates:
            raise SystemExit(f"no gold record for sample {row['id']} ({_key(row)})")
        sampled.append((row, candidates[0]))

    # The extractor's name for each sampled gold record, paired as the scorer pairs them.
    report = score_real(real_predictions(docs, table), gold, meta, table.canonical)
    predicted = {id(g): p["indicator"] for p, g in report.pairs}
    found: list[tuple[str, dict[str, Any]]] = []
    # the extractor's name against the second annotator's, for the same figures
    versus_second: list[tuple[str, dict[str, Any]]] = []
    neither: list[tuple[str, str, str, str]] = []
    for row, g in sampled:
        # the sibling the scorer paired, if the first one was not
        for s in siblings[_key(g)]:
            if id(s) in predicted:
                name = predicted[id(s)]
                found.append((name, s))
                versus_second.append((name, row))
                if not any(
                    name_matches(name, x, table.canonical) for x in siblings[_key(g)]
                ) and not name_matches(name, row, table.canonical):
                    neither.append((s["doc"], name, s["indicator"], row["indicator"]))
                break

    rows = {
        who_else: _rates([(r["indicator"], g) for r, g in sampled], siblings, table.canonical),
        "extractor": _rates(found, siblings, table.canonical),
    }
    # against the second annotator there is one name a figure, so no sibling column
    second_rates = _rates(versus_second, defaultdict(list), table.canonical)
    print(f"{'names vs gold':<18} {'figures':>7} {'strict':>7} {'siblings':>9} {'lenient':>8}")
    for who, r in rows.items():
        print(
            f"{who:<18} {r['n']:>7} {r['strict']:>7.3f} {r['siblings']:>9.3f} {r['lenient']:>8.3f}"
        )
    print()
    print(
        f"{'extractor vs ' + ordinal:<18} {second_rates['n']:>7} {second_rates['strict']:>7.3f}"
        f" {'':>9} {second_rates['lenient']:>8.3f}"
    )
    print(f"named as neither annotator did: {len(neither)} of {len(found)}")
    if args.list:
        for doc, name, gold_name, second_name in neither:
            print(f"  {doc}: {name} (gold {gold_name}; {ordinal} {second_name})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
