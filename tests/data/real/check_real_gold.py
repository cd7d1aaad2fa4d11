"""Validate the real-document gold set (GOLD_GUIDELINES.md §6). Exit 1 on any problem.

Checks every ``gold/*.jsonl`` against ``docs.toml`` and ``docs/``: JSON syntax, fields and
types, that the sentence is one sentence of the given line (cut as the guidelines cut it),
that ``value_text`` is in the sentence, range and year formats, duplicates. Prints counts
per document, split, kind and unit.

Usage: .venv/bin/python tests/data/real/check_real_gold.py [GOLD.jsonl ...]
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLD = HERE / "gold"
KINDS = ("target", "achievement", "estimate")
_SENTENCE_RE = re.compile(r"[^。！？；]*(?:[。！？；]+[”’」』）]*|$)")
_YEAR_RE = re.compile(r"^(|(?:19|20)\d\d|(?:19|20)\d\d-(?:19|20)\d\d)$")
_VAGUE_RE = re.compile(r"^(数|几|上|成|若干)")
REQUIRED: dict[str, tuple[type, ...]] = {
    "doc": (str,),
    "line": (int,),
    "sentence": (str,),
    "indicator": (str,),
    "value": (int, float, type(None)),
    "value_text": (str,),
    "unit": (str,),
    "qualifier": (str,),
    "change": (str,),
    "year": (str,),
    "region": (str,),
    "kind": (str,),
    "masked": (bool,),
}
OPTIONAL: dict[str, tuple[type, ...]] = {
    "value_max": (int, float, type(None)),
    "alt": (list,),
    "note": (str,),
}


def sentences(line: str) -> list[str]:
    return [m.group() for m in _SENTENCE_RE.finditer(line) if m.group()]


def check_file(path: Path, meta: dict, problems: list[str]) -> list[dict]:
    doc_name = path.stem + ".txt"
    if doc_name not in meta:
        problems.append(f"{path.name}: no document {doc_name} in docs.toml")
        return []
    lines = (DOCS / doc_name).read_text(encoding="utf-8").split("\n")
    records: list[dict] = []
    seen: Counter = Counter()
    last_line = 0
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{n}"
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: bad JSON ({exc})")
            continue
        if not isinstance(rec, dict):
            problems.append(f"{where}: not an object")
            continue
        bad = False
        for key, types in REQUIRED.items():
            if key not in rec:
                problems.append(f"{where}: missing {key}")
                bad = True
            elif not isinstance(rec[key], types) or (
                isinstance(rec[key], bool) and bool not in types
            ):
                problems.append(f"{where}: {key} has the wrong type")
                bad = True
        for key, types in OPTIONAL.items():
            if key in rec and not isinstance(rec[key], types):
                problems.append(f"{where}: {key} has the wrong type")
                bad = True
        unknown = set(rec) - set(REQUIRED) - set(OPTIONAL)
        if unknown:
            problems.append(f"{where}: unknown fields {sorted(unknown)}")
        if bad:
            continue
        if rec["doc"] != doc_name:
            problems.append(f"{where}: doc {rec['doc']!r} is not {doc_name!r}")
        k = rec["line"]
        if not 1 <= k <= len(lines):
            problems.append(f"{where}: line {k} out of range")
            continue
        if k < last_line:
            problems.append(f"{where}: not in reading order (line {k} after {last_line})")
        last_line = k
        if rec["sentence"] not in sentences(lines[k - 1]):
            problems.append(f"{where}: sentence is not one sentence of line {k}")
        if rec["value_text"] and rec["value_text"] not in rec["sentence"]:
            problems.append(f"{where}: value_text {rec['value_text']!r} not in the sentence")
        if not rec["indicator"].strip():
            problems.append(f"{where}: empty indicator")
        if rec["kind"] not in KINDS:
            problems.append(f"{where}: kind {rec['kind']!r}")
        if not _YEAR_RE.match(rec["year"]):
            problems.append(f"{where}: year {rec['year']!r} is not YYYY, YYYY-YYYY or empty")
        if "％" in rec["unit"]:
            problems.append(f"{where}: write % not ％")
        vmax = rec.get("value_max")
        if vmax is not None and (rec["value"] is None or vmax < rec["value"]):
            problems.append(f"{where}: value_max without a smaller value")
        if rec["value"] is None and not (
            rec["masked"] or rec["value_text"] == "" or _VAGUE_RE.match(rec["value_text"])
        ):
            problems.append(f"{where}: value null but not masked, vague or a comparison")
        if rec["masked"] and rec["value"] is not None:
            problems.append(f"{where}: masked with a value")
        for alt in rec.get("alt", []):
            if not isinstance(alt, str) or not alt:
                problems.append(f"{where}: alt must hold names")
        key = (
            k,
            rec["sentence"],
            rec["indicator"],
            rec["value"],
            rec.get("value_max"),
            rec["unit"],
        )
        seen[key] += 1
        if seen[key] == 2:
            problems.append(f"{where}: duplicate of an earlier record (add a note if intended)")
        records.append(rec)
    return records


def main(argv: list[str]) -> int:
    meta = tomllib.loads((HERE / "docs.toml").read_text(encoding="utf-8"))
    problems: list[str] = []
    for name, entry in meta.items():
        if not (DOCS / name).is_file():
            problems.append(f"docs.toml: {name} is not in docs/")
        if entry.get("split") not in ("dev", "test"):
            problems.append(f"docs.toml: {name} has no split")
    paths = [Path(a) for a in argv] or sorted(GOLD.glob("*.jsonl"))
    all_records: list[dict] = []
    per_doc: Counter = Counter()
    for path in paths:
        recs = check_file(path, meta, problems)
        per_doc[path.stem + ".txt"] = len(recs)
        all_records.extend(recs)
    for p in problems:
        print(p)
    print(f"{len(all_records)} records in {len(per_doc)} documents")
    for split in ("dev", "test"):
        docs = [d for d in per_doc if meta.get(d, {}).get("split") == split]
        n = sum(per_doc[d] for d in docs)
        print(f"  {split}: {len(docs)} documents, {n} records")
        for d in sorted(docs):
            print(f"    {per_doc[d]:5d}  {d}  ({meta[d]['type']}, {meta[d]['level']})")
    print("kinds:", dict(Counter(r["kind"] for r in all_records)))
    print("units:", dict(Counter(r["unit"] for r in all_records).most_common(15)))
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
