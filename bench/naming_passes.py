"""Which naming pass gave each found figure its name, and how often that name is right.

:func:`~bot.targets.naming.sentence.name_figures` names a sentence's figures, then the
passes of :mod:`bot.targets.naming.passes` rename some; each renamed figure carries the
name of the last pass that renamed it (:attr:`Named.named_by`, ``sentence`` when none
did). This script runs the extractor with :func:`run_passes_tagged` in the place of its
:func:`run_passes` (the tags cost time the extractor does not spend), gives each record
the tag of its figure, and prints per tag: how many found figures (figures paired with a
gold figure) it named, how many of those carry the gold name, strict and lenient
(:func:`bench.real_gold.name_matches` and :func:`~bench.real_gold.name_close`, what
``bench.eval_targets --real`` reports), and how many the sentence namer's own name
(before any pass) already carried strictly: what the pass gained or lost.

A record whose name changed after the passes (the paragraph's frame, a list label, the
document's industry, the ``分别`` pairs, a bulletin's group heads) is tagged ``after``;
one whose figure never went through the passes (a table's rows) ``elsewhere``.

* ``--real --split dev`` (default with ``--real``): the real documents' dev split, figures
  paired as :func:`bench.real_gold.score_real` pairs them (same line, same quantity).
  ``--split test`` is refused: the test split is never looked at.
* ``--gold``/``--corpus`` (default: the bundled gold over ``corpus/``), and ``--probes``
  for every probe set of ``tests/data/probes/``: figures paired on document and quantity
  (these golds have no line), the gold name preferred.

Usage::

    .venv/bin/python -m bench.naming_passes                      # bundled gold
    .venv/bin/python -m bench.naming_passes --real --split dev
    .venv/bin/python -m bench.naming_passes --probes
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # also runnable as `python bench/naming_passes.py`
    sys.path.insert(0, str(ROOT))

import bot.targets.extract as extract_module  # noqa: E402
from bench.eval_targets import (  # noqa: E402
    DEFAULT_CORPUS,
    DEFAULT_GOLD,
    MAX_BYTES,
    PASSAGE_MAX_CHARS,
    load_corpus,
    load_gold,
    match_one_to_one,
)
from bench.real_gold import (  # noqa: E402
    REAL_DOCS,
    attach_lines,
    figure_key,
    load_meta,
    load_real_gold,
    name_close,
    name_matches,
    split_docs,
)
from bot.corpus.loader import load_document  # noqa: E402
from bot.models import Document  # noqa: E402
from bot.targets import IndicatorTable, extract_targets  # noqa: E402
from bot.targets.naming.passes import AFTER_PAIRS, PASSES, run_passes_tagged  # noqa: E402
from bot.targets.naming.sentence import BY_SENTENCE, Named  # noqa: E402

PROBES = ROOT / "tests" / "data" / "probes"
AFTER = "after"  # renamed after the passes (frame, label, industry, 分别 pairs, group heads)
ELSEWHERE = "elsewhere"  # not named through the sentence namer (a table's rows)


@dataclass
class Tally:
    named: int = 0  # found figures the pass named
    strict: int = 0
    lenient: int = 0
    before: int = 0  # of those, the ones the sentence namer had already named right (strict)

    def share(self, n: int) -> float:
        return n / self.named if self.named else 0.0


@dataclass
class Table:
    title: str
    rows: dict[str, Tally] = field(default_factory=dict)

    def add(self, tag: str, strict: bool, lenient: bool, before: bool) -> None:
        t = self.rows.setdefault(tag, Tally())
        t.named += 1
        t.strict += strict
        t.lenient += lenient
        t.before += before


@contextmanager
def watched() -> Iterator[dict[tuple[str, str], deque[tuple[str, str, str]]]]:
    """While open, the extractor tags its passes' names; each sentence's final names, tags
    and the sentence namer's own names, by (sentence, value_text)."""
    seen: dict[tuple[str, str], deque[tuple[str, str, str]]] = defaultdict(deque)
    first: dict[tuple[str, str], deque[str]] = defaultdict(deque)
    real = extract_module.run_passes

    def run(passes: Any, sentence: Any, named: list[Named]) -> list[Named]:
        if passes is PASSES:
            for n in named:
                first[sentence.text, n.figure.value_text].append(n.indicator)
        out = run_passes_tagged(passes, sentence, named)
        if passes is AFTER_PAIRS:
            for n in out:
                key = sentence.text, n.figure.value_text
                own = first[key].popleft() if first[key] else ""
                seen[key].append((n.indicator, n.named_by, own))
        return out

    extract_module.run_passes = run
    try:
        yield seen
    finally:
        extract_module.run_passes = real


def tagged_records(docs: Sequence[Document], table: IndicatorTable) -> list[dict[str, Any]]:
    """The records of ``docs`` as dicts, each with ``named_by``."""
    out: list[dict[str, Any]] = []
    for doc in docs:
        with watched() as seen:
            records = extract_targets(doc, table)
        for r in records:
            rec = r.to_dict()
            queue = seen.get((r.sentence, r.value_text))
            if not queue:
                rec["named_by"] = ELSEWHERE
            else:
                indicator, tag, own = queue.popleft()
                rec["named_by"] = tag if indicator == r.indicator else AFTER
                rec["sentence_name"] = own
            out.append(rec)
    return out


def tally(
    title: str,
    pred: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    key: Callable[[dict[str, Any]], tuple[Any, ...]],
    canonical: Callable[[str], str | None],
) -> Table:
    """Per tag, the found figures and their right names (pairing preferring the gold name)."""
    pairs, _fp, _fn = match_one_to_one(
        pred, gold, key, lambda p, g: name_matches(p["indicator"], g, canonical)
    )
    table = Table(title)
    for j, i in pairs:
        p, g = pred[j], gold[i]
        table.add(
            p["named_by"],
            name_matches(p["indicator"], g, canonical),
            name_close(p["indicator"], g, canonical),
            name_matches(p.get("sentence_name", p["indicator"]), g, canonical),
        )
    return table


def quantity_key(rec: dict[str, Any]) -> tuple[Any, ...]:
    """A figure of a gold without lines: its document and quantity (as figure_key, no line)."""
    return figure_key({**rec, "line": 0})


def real_table(split: str, table: IndicatorTable) -> Table:
    if split == "test":
        raise SystemExit("the test split is never looked at: use --split dev")
    meta = load_meta()
    names = split_docs(meta, split)
    docs = [
        load_document(
            REAL_DOCS / n, REAL_DOCS, max_bytes=MAX_BYTES, passage_max_chars=PASSAGE_MAX_CHARS
        )
        for n in names
    ]
    from bot.text.normalize import fold_figures

    annotated = {n: fold_figures((REAL_DOCS / n).read_text(encoding="utf-8")) for n in names}
    pred = attach_lines(tagged_records(docs, table), annotated)
    return tally(f"real {split}", pred, load_real_gold(names), figure_key, table.canonical)


def gold_table(title: str, gold: Path, corpus: Path, table: IndicatorTable) -> Table:
    pred = tagged_records(load_corpus(corpus), table)
    return tally(title, pred, load_gold(gold), quantity_key, table.canonical)


def probe_sets() -> list[tuple[str, Path, Path]]:
    return [
        (d.name, d / "gold.jsonl", d / "docs")
        for d in sorted(PROBES.iterdir())
        if (d / "gold.jsonl").is_file() and (d / "docs").is_dir()
    ]


def merged(title: str, tables: Sequence[Table]) -> Table:
    out = Table(title)
    for t in tables:
        for tag, row in t.rows.items():
            m = out.rows.setdefault(tag, Tally())
            m.named += row.named
            m.strict += row.strict
            m.lenient += row.lenient
            m.before += row.before
    return out


def print_table(t: Table, out: Any = None) -> None:
    out = out or sys.stdout
    n = sum(r.named for r in t.rows.values())
    strict = sum(r.strict for r in t.rows.values())
    lenient = sum(r.lenient for r in t.rows.values())
    print(
        f"{t.title}: {n} found figures, named strict {strict / n if n else 0:.3f}"
        f" lenient {lenient / n if n else 0:.3f}",
        file=out,
    )
    order = sorted(
        t.rows.items(), key=lambda kv: (kv[0] not in (BY_SENTENCE, AFTER, ELSEWHERE), -kv[1].named)
    )
    for tag, r in order:
        print(
            f"  {tag:<38} {r.named:5d}  strict {r.share(r.strict):5.3f} ({r.strict})"
            f"  lenient {r.share(r.lenient):5.3f} ({r.lenient})"
            f"  sentence namer's {r.share(r.before):5.3f} ({r.before})",
            file=out,
        )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--real", action="store_true", help="the real-document gold")
    ap.add_argument("--split", choices=("dev",), default="dev", help="with --real (never test)")
    ap.add_argument("--probes", action="store_true", help="every probe set, then all merged")
    args = ap.parse_args(argv)
    table = IndicatorTable.load()
    if args.real:
        print_table(real_table(args.split, table))
        return 0
    if args.probes:
        tables = [gold_table(f"probes/{n}", g, c, table) for n, g, c in probe_sets()]
        for t in tables:
            print_table(t)
        print_table(merged("probes (all sets)", tables))
        return 0
    if not args.gold.is_file() or not args.corpus.is_dir():
        print(f"missing gold file {args.gold} or corpus {args.corpus}", file=sys.stderr)
        return 2
    print_table(
        gold_table(f"{args.gold.name} over {args.corpus.name}/", args.gold, args.corpus, table)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
