"""Document metadata inferred from the text alone, against ``tests/data/meta_gold.jsonl``.

Each text is loaded as an upload would be: copied under a neutral name (``doc.txt``, no
sidecar) and read by the loader, so only the text can tell its place, year and type.
``--real-names`` loads it under its own file name instead, to show what the name carries.

    python -m bench.eval_meta                 # neutral names, all gold documents
    python -m bench.eval_meta --real-names    # the files' own names
    python -m bench.eval_meta --half fit -v   # one half, every miss listed

Region and level are scored on every document (a gold ``null`` asks for no region: the
text names no place of its own); year likewise; type only where the gold names one of the
nine types (a work summary or a communique is none of them). Confusions: a wrong region vs
none (missed) vs one where the gold has none (spurious); a year off by one vs further off.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.corpus.loader import load_document
from bot.models import DocumentMeta

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "meta_gold.jsonl"
FIELDS = ("region", "level", "year", "type")
# Scored only on gold rows that carry them (tests/data/meta_probes36 has all three; the
# older gold has an issuer on the dev real documents only).
EXTRA_FIELDS = ("region_path", "issuer", "date")
_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Outcome:
    """One document's gold and inferred fields."""

    gold: dict[str, object]
    got: dict[str, object]

    def right(self, field: str) -> bool | None:
        """Whether ``field`` is right; ``None`` when it is not scored (no gold type)."""
        if field == "type" and self.gold.get("type") is None:
            return None
        if field in EXTRA_FIELDS:
            if field not in self.gold:
                return None
            if field == "region_path":
                return list(self.gold[field]) == list(self.got.get(field) or ())  # type: ignore[call-overload]
        return self.gold.get(field) == self.got.get(field)


def load_gold(path: Path = GOLD) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def fields_of(meta: DocumentMeta) -> dict[str, object]:
    return {
        "region": meta.region,
        "level": meta.level,
        "year": meta.year,
        "type": meta.doc_type,
        "region_path": list(meta.region_path),
        "issuer": meta.issuer,
        "date": meta.date,
    }


def infer_as(path: Path, name: str, workdir: Path) -> DocumentMeta:
    """The metadata the loader infers for ``path``'s text saved as ``name`` (no sidecar)."""
    target = workdir / name
    shutil.copyfile(path, target)
    try:
        doc = load_document(target, workdir, max_bytes=_MAX_BYTES, passage_max_chars=1200)
    finally:
        target.unlink()
    return doc.meta


def evaluate(gold: Iterable[dict[str, object]], *, real_names: bool = False) -> list[Outcome]:
    out: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="eval_meta_") as tmp:
        workdir = Path(tmp)
        for row in gold:
            path = ROOT / str(row["doc"])
            name = path.name if real_names else "doc.txt"
            out.append(Outcome(row, fields_of(infer_as(path, name, workdir))))
    return out


def accuracy(outcomes: Iterable[Outcome], field: str) -> tuple[int, int]:
    marks = [o.right(field) for o in outcomes]
    scored = [m for m in marks if m is not None]
    return sum(scored), len(scored)


def confusions(outcomes: Iterable[Outcome]) -> Counter[str]:
    c: Counter[str] = Counter()
    for o in outcomes:
        g, r = o.gold.get("region"), o.got.get("region")
        if g != r:
            c["region " + ("missed" if r is None else "spurious" if g is None else "wrong")] += 1
        gy, ry = o.gold.get("year"), o.got.get("year")
        if gy != ry:
            if ry is None:
                c["year missed"] += 1
            elif gy is None:
                c["year spurious"] += 1
            else:
                c["year ±1" if abs(int(gy) - int(ry)) == 1 else "year off >1"] += 1  # type: ignore[call-overload]
        if o.right("type") is False:
            c["type wrong" if o.got.get("type") else "type missed"] += 1
    return c


def report(outcomes: list[Outcome], *, verbose: bool = False) -> dict[str, object]:
    summary: dict[str, object] = {"documents": len(outcomes)}
    for field in (*FIELDS, *EXTRA_FIELDS):
        right, n = accuracy(outcomes, field)
        if field in EXTRA_FIELDS and not n:
            continue
        summary[field] = round(right / n, 3) if n else None
        print(f"{field:11s} {right:4d}/{n:<4d} {right / n if n else 0:.3f}")
    for group in ("kind", "level"):
        by_group: dict[str, list[Outcome]] = defaultdict(list)
        for o in outcomes:
            by_group[str(o.gold.get(group))].append(o)
        print(f"\n{group:15s}  n  " + "  ".join(f"{f:>6s}" for f in FIELDS))
        for key, rows in sorted(by_group.items()):
            cells = []
            for field in FIELDS:
                right, n = accuracy(rows, field)
                cells.append(f"{right / n:6.3f}" if n else "     -")
            print(f"{key:15s} {len(rows):3d}  " + "  ".join(cells))
    conf = confusions(outcomes)
    print("\nconfusions: " + ", ".join(f"{k} {v}" for k, v in sorted(conf.items())))
    summary["confusions"] = dict(conf)
    if verbose:
        for o in outcomes:
            wrong = [f for f in (*FIELDS, *EXTRA_FIELDS) if o.right(f) is False]
            if wrong:
                print(
                    f"  {o.gold['doc']}: "
                    + "; ".join(f"{f} {o.gold.get(f)!r} got {o.got.get(f)!r}" for f in wrong)
                )
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--real-names", action="store_true", help="load under the files' own names")
    ap.add_argument("--half", choices=("fit", "check"), help="only one half of the gold")
    ap.add_argument("--source", choices=("probe", "real-dev"), help="only probes or real docs")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    ap.add_argument("--json", type=Path, help="write the summary here")
    args = ap.parse_args(argv)
    gold = [
        row
        for row in load_gold(args.gold)
        if (args.half is None or row.get("half") == args.half)
        and (args.source is None or row.get("source") == args.source)
    ]
    summary = report(evaluate(gold, real_names=args.real_names), verbose=args.verbose)
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
