"""Every matched record whose year differs from the gold, pooled over the golds the
extractor may be tuned on, with the document's type and level and a class (issue 11,
year accuracy).

Sources as :mod:`bench.naming_gaps` pools them: the real documents' **dev** split
(figures paired on line and quantity), every probe set and the bundled gold (paired on
document and quantity, the gold name preferred). The test split is never read.

A probe or bundled document's type and level come from its file name
(``province_hunan_2024_speech`` is a provincial speech), a real document's from
``docs.toml``. Each year miss gets a class from the sentence, its section and the two
years (the first that applies, in the order of ``CLASSES``): it is a first sorting for a
reader, not a verdict.

Usage::

    .venv/bin/python -m bench.year_gaps                 # accuracy per type and level, classes
    .venv/bin/python -m bench.year_gaps --list          # every miss
    .venv/bin/python -m bench.year_gaps --list --class span_vs_end
    .venv/bin/python -m bench.year_gaps --dump OUT.tsv  # one line per miss, to diff
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # also runnable as `python bench/year_gaps.py`
    sys.path.insert(0, str(ROOT))

from bench.eval_targets import (  # noqa: E402
    DEFAULT_CORPUS,
    DEFAULT_GOLD,
    load_corpus,
    load_gold,
    match_one_to_one,
    predict,
    real_predictions,
)
from bench.naming_gaps import PROBES, halves, probe_sets, quantity_key  # noqa: E402
from bench.real_gold import (  # noqa: E402
    figure_key,
    load_meta,
    load_real_gold,
    name_matches,
    split_docs,
)
from bot.targets import IndicatorTable  # noqa: E402

# A file name's last part to the type docs.toml would give (first match wins).
_TYPES = (
    ("stat-bulletin", "统计公报"),
    ("bulletin", "统计公报"),
    ("gwr", "政府工作报告"),
    ("work-report", "政府工作报告"),
    ("work-summary", "政府工作报告"),
    ("party-congress", "党代会报告"),
    ("communique", "党代会报告"),
    ("speech", "讲话"),
    ("outline", "规划纲要"),
    ("plan-report", "规划纲要"),
    ("fyp", "规划纲要"),
    ("conference", "讲话"),
    ("budget-report", "政府工作报告"),
    ("news", "新闻"),
    ("press", "新闻"),
    ("release", "新闻"),
    ("interpretation", "新闻"),
    ("plan", "实施意见/行动方案"),
    ("measures", "实施意见/行动方案"),
    ("opinions", "实施意见/行动方案"),
)
_LEVELS = {
    "national": "national",
    "province": "provincial",
    "city": "city",
    "prefecture": "city",
    "county": "county",
    "district": "county",
    "banner": "county",
}

CLASSES = (
    "no_year",  # the extractor gives "" where the gold has a year
    "extra_year",  # the extractor gives a year where the gold has ""
    "after_2035",  # a multi-horizon outline: figures after 到2035年 / 远景
    "relative_word",  # 预计 / 今年 / 明年 / 去年 / 全年 in the sentence
    "span_vs_end",  # one is a span, the other its end (or start) year
    "base_year",  # the predicted year is a base year written in the sentence (比2020年)
    "clause_inherit",  # a 其中 / 分别 / 、 clause took a year of another clause
    "section_year",  # the predicted year is one the section heading writes
    "off_by_one",  # one year apart
    "other",
)

_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_RELATIVE_RE = re.compile(r"预计|今年|明年|去年|上年|全年|本年")
_BASE_RE = re.compile(r"(?:比|较|相比|是|为)((?:19|20)\d\d)年")


def doc_type(name: str, meta: dict[str, dict[str, Any]]) -> tuple[str, str]:
    """(type, level) of a document: docs.toml's for a real one, else from its file name."""
    m = meta.get(name)
    if m:
        return m.get("type", "?"), m.get("level", "?")
    stem = Path(name).stem
    parts = stem.split("_")
    level = _LEVELS.get(parts[0], "county" if parts[0] in ("town", "township") else "other")
    if parts[0] in ("town", "township", "street", "zone"):
        level = "county"
    last = parts[-1]
    kind = next((t for key, t in _TYPES if key in last), "other")
    if len(parts) == 2 and parts[1].isdigit():  # the bulletins set: place_year
        kind, level = "统计公报", "other"
    return kind, level


def classify(pred: dict[str, Any], gold: dict[str, Any]) -> str:
    py, gy = str(pred.get("year", "")), gold["year"]
    sentence = gold.get("sentence", "")
    section = gold.get("section", "") or pred.get("section", "")
    if not py:
        return "no_year"
    if not gy:
        return "extra_year"
    if "2035" in (py + gy) or "2035年" in sentence:
        return "after_2035"
    if "-" in py or "-" in gy:
        ends = {y for v in (py, gy) for y in v.split("-")}
        if len(ends) <= 3 and (set(py.split("-")) & set(gy.split("-"))):
            return "span_vs_end"
    if _RELATIVE_RE.search(sentence):
        return "relative_word"
    if py in _BASE_RE.findall(sentence):
        return "base_year"
    if re.search(r"其中|分别", sentence):
        return "clause_inherit"
    if py in _YEAR_RE.findall(section):
        return "section_year"
    if py.isdigit() and gy.isdigit() and abs(int(py) - int(gy)) == 1:
        return "off_by_one"
    return "other"


@dataclass
class Miss:
    source: str
    doc: str
    type: str
    level: str
    kind: str
    gold_year: str
    pred_year: str
    cls: str
    indicator: str
    section: str
    sentence: str

    def line(self) -> str:
        return "\t".join(
            (
                self.source,
                self.doc,
                self.type,
                self.level,
                self.kind,
                f"gold={self.gold_year or '∅'}",
                f"pred={self.pred_year or '∅'}",
                self.cls,
                self.indicator,
                self.section[:40],
                self.sentence[:160],
            )
        )


@dataclass
class Tally:
    matched: int = 0
    year_ok: int = 0

    def share(self) -> float:
        return self.year_ok / self.matched if self.matched else 1.0


def collect(
    table: IndicatorTable, *, dev: bool, bundled: bool, probes: Sequence[str]
) -> tuple[list[Miss], dict[tuple[str, str, str], Tally]]:
    """The year misses and, per (source group, type, level), matched and year-right."""
    meta = load_meta()
    sources: list[tuple[str, list[dict], list[dict], Any]] = []
    if dev:
        names = split_docs(meta, "dev")
        sources.append(("dev", real_predictions(names, table), load_real_gold(names), figure_key))
    if bundled:
        pred = predict(load_corpus(DEFAULT_CORPUS), table)
        sources.append(("bundled", pred, load_gold(DEFAULT_GOLD), quantity_key))
    for name in probes:
        folder = PROBES / name
        pred = predict(load_corpus(folder / "docs"), table)
        sources.append((f"probes/{name}", pred, load_gold(folder / "gold.jsonl"), quantity_key))
    canonical = table.canonical
    misses: list[Miss] = []
    tally: dict[tuple[str, str, str], Tally] = {}
    for source, pred, gold, key in sources:
        pairs, _fp, _fn = match_one_to_one(
            pred, gold, key, lambda p, g: name_matches(p["indicator"], g, canonical)
        )
        group = source.split("/")[0]
        for j, i in pairs:
            p, g = pred[j], gold[i]
            typ, level = doc_type(g["doc"], meta)
            t = tally.setdefault((group, typ, level), Tally())
            t.matched += 1
            py = str(p.get("year", ""))
            if py == g["year"]:
                t.year_ok += 1
                continue
            misses.append(
                Miss(
                    source,
                    g["doc"],
                    typ,
                    level,
                    g["kind"],
                    g["year"],
                    py,
                    classify(p, g),
                    g["indicator"],
                    g.get("section", "") or p.get("section", ""),
                    g.get("sentence", "") or p.get("sentence", ""),
                )
            )
    return misses, tally


def _print_shares(title: str, rows: dict[str, Tally], out: Any) -> None:
    print(title, file=out)
    for name, t in sorted(rows.items(), key=lambda kv: -kv[1].matched):
        print(f"  {name:<24} year {t.share():.3f}  ({t.year_ok}/{t.matched})", file=out)


def print_summary(
    misses: Sequence[Miss], tally: dict[tuple[str, str, str], Tally], out: Any
) -> None:
    for group in sorted({g for g, _, _ in tally}):
        total = Tally()
        by_type: dict[str, Tally] = {}
        by_level: dict[str, Tally] = {}
        for (g, typ, level), t in tally.items():
            if g != group:
                continue
            for agg in (
                total,
                by_type.setdefault(typ, Tally()),
                by_level.setdefault(level, Tally()),
            ):
                agg.matched += t.matched
                agg.year_ok += t.year_ok
        print(f"{group}: year {total.share():.3f} ({total.year_ok}/{total.matched})", file=out)
        _print_shares("  by type:", by_type, out)
        _print_shares("  by level:", by_level, out)
    print(f"year misses: {len(misses)}", file=out)
    for group in sorted({m.source.split("/")[0] for m in misses}):
        counts = Counter(m.cls for m in misses if m.source.split("/")[0] == group)
        line = ", ".join(f"{c} {counts[c]}" for c in CLASSES if counts[c])
        print(f"  {group}: {line}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="print every miss")
    ap.add_argument("--class", dest="cls", choices=CLASSES, help="with --list: only this class")
    ap.add_argument("--dump", type=Path, help="write every miss, one tab-separated line each")
    ap.add_argument("--half", choices=("fit", "check"), help="only one half of the probe sets")
    ap.add_argument("--no-dev", action="store_true")
    ap.add_argument("--no-bundled", action="store_true")
    args = ap.parse_args(argv)
    probes = probe_sets()
    if args.half:
        fit, check = halves()
        probes = fit if args.half == "fit" else check
    table = IndicatorTable.load()
    misses, tally = collect(table, dev=not args.no_dev, bundled=not args.no_bundled, probes=probes)
    print_summary(misses, tally, sys.stdout)
    if args.dump:
        args.dump.write_text("".join(m.line() + "\n" for m in misses), encoding="utf-8")
    if args.list:
        for m in misses:
            if args.cls in (None, m.cls):
                print(m.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
