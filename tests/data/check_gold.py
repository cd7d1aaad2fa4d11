"""Validate the hand-annotated key-target gold set.

Usage (from the project root)::

    .venv/bin/python tests/data/check_gold.py [path/to/gold_targets.jsonl]

Checks every record of ``tests/data/gold_targets.jsonl`` against the corpus and
``config/indicators.toml`` (rules: ``tests/data/GOLD_GUIDELINES.md``), prints counts
by document, kind, group and masking, and exits non-zero if anything is wrong.
Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

from bot.targets.indicators import GROUPS as INDICATOR_GROUPS
from bot.targets.records import KINDS as RECORD_KINDS

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold_targets.jsonl"
CORPUS = ROOT / "corpus"
INDICATORS = ROOT / "config" / "indicators.toml"

# The group list and the kinds are the product's own, so the data is checked against them.
GROUPS = INDICATOR_GROUPS
KINDS = RECORD_KINDS
TERMINATORS = "。！？；"
MASK_RE = re.compile(r"[xX*]")
# field -> allowed types (bool is excluded from numbers explicitly below)
REQUIRED: dict[str, tuple[type, ...]] = {
    "doc": (str,),
    "section": (str,),
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
OPTIONAL: dict[str, tuple[type, ...]] = {"value_max": (int, float, type(None))}


def is_number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def load_indicators(problems: list[str]) -> dict[str, str]:
    """Return {canonical name: group}; record problems with the TOML file."""
    try:
        data = tomllib.loads(INDICATORS.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{INDICATORS.name}: cannot load: {exc}")
        return {}
    table = data.get("indicators")
    if not isinstance(table, dict) or not table:
        problems.append(f"{INDICATORS.name}: no [indicators] table")
        return {}
    if "groups" in data and list(data["groups"]) != list(GROUPS):
        problems.append(f"{INDICATORS.name}: groups must be {list(GROUPS)}")
    groups: dict[str, str] = {}
    alias_owner: dict[str, str] = {}
    for name, entry in table.items():
        where = f"{INDICATORS.name} [{name}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not a table")
            continue
        group = entry.get("group")
        if group not in GROUPS:
            problems.append(f"{where}: bad group {group!r}")
        aliases = entry.get("aliases")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            problems.append(f"{where}: aliases must be a list of non-empty strings")
            aliases = []
        for alias in aliases:
            owner = alias_owner.setdefault(alias, name)
            if owner != name:
                problems.append(f"{where}: alias {alias!r} already belongs to {owner!r}")
        groups[name] = str(group)
    return groups


def check_record(
    n: int, rec: dict, docs: dict[str, str], groups: dict[str, str], problems: list[str]
) -> None:
    where = f"line {n}"
    for key, types in REQUIRED.items():
        if key not in rec:
            problems.append(f"{where}: missing field {key!r}")
        elif not isinstance(rec[key], types) or (
            types[0] in (int, float) and isinstance(rec[key], bool)
        ):
            problems.append(f"{where}: field {key!r} has type {type(rec[key]).__name__}")
    for key, types in OPTIONAL.items():
        if key in rec and (not isinstance(rec[key], types) or isinstance(rec[key], bool)):
            problems.append(f"{where}: field {key!r} has type {type(rec[key]).__name__}")
    unknown = set(rec) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        problems.append(f"{where}: unknown fields {sorted(unknown)}")
    if any(k not in rec for k in REQUIRED):
        return

    text = docs.get(rec["doc"])
    sentence = rec["sentence"]
    if text is None:
        problems.append(f"{where}: unknown doc {rec['doc']!r}")
    else:
        if not sentence or sentence not in text:
            problems.append(f"{where}: sentence is not a substring of {rec['doc']}")
        if rec["section"] and rec["section"] not in text:
            problems.append(f"{where}: section {rec['section']!r} not found in {rec['doc']}")
    if "\n" in sentence or any(c in sentence.rstrip("”’」』）)")[:-1] for c in TERMINATORS):
        problems.append(f"{where}: sentence spans more than one sentence")
    if rec["value_text"] not in sentence:
        problems.append(f"{where}: value_text {rec['value_text']!r} not in sentence")
    if rec["indicator"] not in groups:
        problems.append(f"{where}: indicator {rec['indicator']!r} not in {INDICATORS.name}")
    if rec["kind"] not in KINDS:
        problems.append(f"{where}: kind {rec['kind']!r} not one of {KINDS}")

    has_mask = bool(MASK_RE.search(rec["value_text"]))
    if rec["masked"]:
        if rec["value"] is not None or rec.get("value_max") is not None:
            problems.append(f"{where}: masked record must have value null")
        if not has_mask:
            problems.append(f"{where}: masked but value_text {rec['value_text']!r} has no mask")
    else:
        if has_mask:
            problems.append(f"{where}: value_text {rec['value_text']!r} looks masked")
        if rec["value_text"] and not is_number(rec["value"]):
            problems.append(f"{where}: unmasked number without a numeric value")
        if rec["value"] is None and not rec["qualifier"]:
            problems.append(f"{where}: value-less comparison needs a qualifier (高于, 同步, ...)")
    vmax = rec.get("value_max")
    if is_number(vmax) and is_number(rec["value"]) and vmax < rec["value"]:
        problems.append(f"{where}: value_max < value")


def main(argv: list[str]) -> int:
    gold = Path(argv[1]) if len(argv) > 1 else GOLD
    problems: list[str] = []
    groups = load_indicators(problems)
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}

    records: list[dict] = []
    seen: set[str] = set()
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            problems.append(f"line {n}: empty line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: invalid JSON: {exc}")
            continue
        if not isinstance(rec, dict):
            problems.append(f"line {n}: not a JSON object")
            continue
        key = json.dumps(rec, ensure_ascii=False, sort_keys=True)
        if key in seen:
            problems.append(f"line {n}: duplicate record")
        seen.add(key)
        check_record(n, rec, docs, groups, problems)
        records.append(rec)

    def show(title: str, counter: Counter) -> None:
        print(f"{title}:")
        for k, v in sorted(counter.items(), key=lambda kv: str(kv[0])):
            print(f"  {k!s:<30} {v:>4}")

    shown = gold.relative_to(ROOT) if gold.is_relative_to(ROOT) else gold
    print(f"{shown}: {len(records)} records")
    show("by doc", Counter(r.get("doc") for r in records))
    show("by kind", Counter(r.get("kind") for r in records))
    show("by doc and kind", Counter(f"{r.get('doc', '')[:3]} {r.get('kind')}" for r in records))
    show("by group", Counter(groups.get(r.get("indicator", ""), "?") for r in records))
    show("by masked", Counter(r.get("masked") for r in records))
    used = {r.get("indicator") for r in records}
    print(f"indicators: {len(used)} used of {len(groups)} canonical")

    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
