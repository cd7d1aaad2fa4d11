"""Every strict naming miss of the extractor, pooled over the golds it may be tuned on,
with the lenient scorer's verdict and a class (issue 11, naming accuracy).

Sources: the real documents' **dev** split (figures paired as
:func:`bench.real_gold.score_real` pairs them: same line, same quantity), every probe set
of ``tests/data/probes/`` and the bundled gold (no lines: paired on document and
quantity, the gold name preferred, as :mod:`bench.naming_passes` pairs them). The test
split is never read.

For each found figure whose predicted name fails :func:`bench.real_gold.name_matches`
(the strict rule), the script prints the gold name, the extractor's, whether
:func:`bench.real_gold.name_close` (the lenient rule) accepts it, and a class:

* ``qualifier_missing`` / ``qualifier_extra``: the names differ by a qualifier word the
  guidelines keep in a name (城镇, 农村, 规模以上, 人均, 居民, 年末, 常住 …) or by a scope
  word (全市, 全省, 我市 …): the extractor dropped it, or added it;
* ``too_short`` / ``too_long``: the predicted name is a part of the gold one, or holds it
  (another word missing or added);
* ``word_order``: the same characters in another order (新增城镇就业 / 城镇新增就业);
* ``surface``: the same words but for particles and marks: a ``的`` (产值超十亿元的企业),
  the ``、``/``和``/``及`` between listed items, ``总`` before a measure (总面积, 总里程),
  ``规上`` for ``规模以上`` (the detail says which);
* ``variant``: the same thing worded two ways, neither holding the other, most characters
  shared; ``variant_in_table`` when both names are in ``config/indicators.toml`` (two
  canonical names, or a family the table splits), ``variant_not_in_table`` otherwise;
* ``gold_two_ways``: the predicted name is itself a gold name for a figure of the same
  sentence shape elsewhere (the golds write the measured thing both ways);
* ``different``: another indicator entirely.

Counts per class are printed separately for misses the lenient rule accepts and for those
it rejects, per source and pooled. ``--list`` prints every miss; ``--class C`` only one
class; ``--half fit|check`` restricts the probe sets to one half of the split by set name
(``random.Random(26)``), used to check that a rule fitted on one half moves the other;
``--naming`` prints each source's naming accuracy (strict, lenient) and figure P/R.

Usage::

    .venv/bin/python -m bench.naming_gaps
    .venv/bin/python -m bench.naming_gaps --list --class qualifier_missing
    .venv/bin/python -m bench.naming_gaps --half check --naming --no-dev --no-bundled
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # also runnable as `python bench/naming_gaps.py`
    sys.path.insert(0, str(ROOT))

from bench.eval_targets import (  # noqa: E402
    DEFAULT_CORPUS,
    DEFAULT_GOLD,
    load_corpus,
    load_gold,
    match_one_to_one,
    name_key,
    predict,
    real_predictions,
)
from bench.real_gold import (  # noqa: E402
    figure_key,
    load_meta,
    load_real_gold,
    name_close,
    name_matches,
    split_docs,
)
from bot.targets import IndicatorTable  # noqa: E402

PROBES = ROOT / "tests" / "data" / "probes"
SEED = 26

# Words the guidelines keep in a name because they select part of the measured things
# (§6.3: per-capita, urban/rural, sub-categories) or a scope the extractor may carry.
QUALIFIERS = (
    "规模以上",
    "限额以上",
    "城镇居民",
    "农村居民",
    "城乡居民",
    "全体居民",
    "城镇",
    "农村",
    "城乡",
    "城市",
    "乡村",
    "人均",
    "居民",
    "常住",
    "户籍",
    "年末",
    "全年",
    "累计",
    "新增",
    "新建",
    "重点",
    "省级以上",
    "国家级",
    "省级",
    "市级",
    "全社会",
    "一般公共预算",
    "外贸",
    "货物",
)
SCOPES = ("全国", "全省", "全市", "全区", "全县", "全州", "全盟", "我省", "我市", "我区", "我县")

CLASSES = (
    "qualifier_missing",
    "qualifier_extra",
    "scope_missing",
    "scope_extra",
    "too_short",
    "too_long",
    "word_order",
    "surface",
    "variant_in_table",
    "variant_not_in_table",
    "gold_two_ways",
    "different",
)


@dataclass
class Miss:
    source: str  # dev, bundled, probes/NAME
    doc: str
    gold: str
    pred: str
    lenient: bool
    cls: str
    detail: str
    sentence: str


def _extra(short: str, long: str) -> str:
    """What ``long`` has beyond ``short`` (``short`` a substring of it)."""
    i = long.find(short)
    return long[:i] + "|" + long[i + len(short) :]


def _words_of(extra: str, words: Sequence[str]) -> list[str]:
    bare = extra.replace("|", "")
    return [w for w in words if w in bare] if bare else []


# Particles and marks two annotators drop or keep without changing what is measured.
_SURFACE: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("的", lambda s: s.replace("的", "")),
    ("、和及", lambda s: re.sub("[、和及]", "", s)),
    ("总", lambda s: re.sub("总(?=面积|里程|长度|人数|产量|收入)", "", s)),
    ("规上", lambda s: s.replace("规模以上", "规上")),
)


def surface_difference(gold: str, pred: str) -> str | None:
    """Which particle or mark alone tells the two names apart (``None``: more than that)."""
    g, p = name_key(gold), name_key(pred)
    for label, fold in _SURFACE:
        if fold(g) == fold(p):
            return label
    g_all, p_all = g, p
    for _, fold in _SURFACE:
        g_all, p_all = fold(g_all), fold(p_all)
    return "several" if g_all == p_all else None


def _class_of_extra(extra: str, side: str, otherwise: str) -> tuple[str, str]:
    """The class of the words one name holds beyond the other (``side``: ``missing``
    from the prediction or ``extra`` in it): a scope, a qualifier, or ``otherwise``."""
    if _words_of(extra, SCOPES) and len(extra.replace("|", "")) <= 3:
        return f"scope_{side}", extra
    q = _words_of(extra, QUALIFIERS)
    if q and len(extra.replace("|", "")) <= len(q[0]) + 1:
        return f"qualifier_{side}", q[0]
    return otherwise, extra


def classify(
    gold: str, pred: str, known: Callable[[str], bool], gold_names: set[str]
) -> tuple[str, str]:
    """The class of a strict miss (see the module docstring) and a detail."""
    g, p = name_key(gold), name_key(pred)
    if p and p in g:
        return _class_of_extra(_extra(p, g), "missing", "too_short")
    if g and g in p:
        return _class_of_extra(_extra(g, p), "extra", "too_long")
    surface = surface_difference(gold, pred)
    if surface is not None:
        return "surface", surface + (" (gold elsewhere)" if pred in gold_names else "")
    if sorted(g) == sorted(p):
        return "word_order", ""
    if pred in gold_names:
        return "gold_two_ways", ""
    shared = len(set(g) & set(p))
    if shared * 3 >= 2 * min(len(set(g)), len(set(p))) and shared >= 2:
        if known(gold) and known(pred):
            return "variant_in_table", ""
        return "variant_not_in_table", ""
    return "different", ""


def quantity_key(rec: dict[str, Any]) -> tuple[Any, ...]:
    return figure_key({**rec, "line": 0})


@dataclass
class SourceScore:
    source: str
    found: int = 0
    strict: int = 0
    lenient: int = 0
    n_pred: int = 0
    n_gold: int = 0


def pool(
    source: str,
    pred: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    key: Callable[[dict[str, Any]], tuple[Any, ...]],
    table: IndicatorTable,
    gold_names: set[str],
) -> tuple[list[Miss], SourceScore]:
    canonical = table.canonical
    pairs, _fp, _fn = match_one_to_one(
        pred, gold, key, lambda p, g: name_matches(p["indicator"], g, canonical)
    )
    misses: list[Miss] = []
    sc = SourceScore(source, found=len(pairs), n_pred=len(pred), n_gold=len(gold))
    for j, i in pairs:
        p, g = pred[j], gold[i]
        if name_matches(p["indicator"], g, canonical):
            sc.strict += 1
            sc.lenient += 1
            continue
        close = name_close(p["indicator"], g, canonical)
        sc.lenient += close
        others = gold_names - {g["indicator"]}
        cls, detail = classify(g["indicator"], p["indicator"], lambda n: n in table, others)
        gold_name, sentence = g["indicator"], g["sentence"]
        miss = Miss(source, g["doc"], gold_name, p["indicator"], close, cls, detail, sentence)
        misses.append(miss)
    return misses, sc


def probe_sets() -> list[str]:
    return sorted(
        d.name for d in PROBES.iterdir() if (d / "gold.jsonl").is_file() and (d / "docs").is_dir()
    )


def halves() -> tuple[list[str], list[str]]:
    """The probe sets split in two by name (``random.Random(26)``): (fit, check)."""
    names = probe_sets()
    random.Random(SEED).shuffle(names)
    half = len(names) // 2
    return sorted(names[:half]), sorted(names[half:])


def collect(
    table: IndicatorTable, *, dev: bool, bundled: bool, probes: Sequence[str]
) -> tuple[list[Miss], list[SourceScore]]:
    sources: list[tuple[str, list[dict], list[dict], Callable]] = []
    if dev:
        names = split_docs(load_meta(), "dev")
        sources.append(("dev", real_predictions(names, table), load_real_gold(names), figure_key))
    if bundled:
        sources.append(
            (
                "bundled",
                predict(load_corpus(DEFAULT_CORPUS), table),
                load_gold(DEFAULT_GOLD),
                quantity_key,
            )
        )
    for name in probes:
        folder = PROBES / name
        sources.append(
            (
                f"probes/{name}",
                predict(load_corpus(folder / "docs"), table),
                load_gold(folder / "gold.jsonl"),
                quantity_key,
            )
        )
    gold_names = {g["indicator"] for _, _, gold, _ in sources for g in gold}
    misses: list[Miss] = []
    scores: list[SourceScore] = []
    for source, pred, gold, key in sources:
        m, s = pool(source, pred, gold, key, table, gold_names)
        misses.extend(m)
        scores.append(s)
    return misses, scores


def print_counts(title: str, misses: Sequence[Miss], out: Any) -> None:
    acc = Counter(m.cls for m in misses if m.lenient)
    rej = Counter(m.cls for m in misses if not m.lenient)
    print(f"{title}: {len(misses)} strict misses ({sum(acc.values())} lenient-accepted)", file=out)
    print(f"  {'class':<22} {'lenient accepts':>16} {'lenient rejects':>16}", file=out)
    for cls in CLASSES:
        if acc[cls] or rej[cls]:
            print(f"  {cls:<22} {acc[cls]:16d} {rej[cls]:16d}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="print every miss")
    ap.add_argument("--class", dest="cls", choices=CLASSES, help="with --list: one class")
    ap.add_argument("--half", choices=("fit", "check", "all"), default="all")
    ap.add_argument("--no-dev", action="store_true")
    ap.add_argument("--no-bundled", action="store_true")
    ap.add_argument("--no-probes", action="store_true")
    ap.add_argument("--naming", action="store_true", help="per source: naming strict/lenient")
    args = ap.parse_args(argv)
    fit, check = halves()
    probes = [] if args.no_probes else {"fit": fit, "check": check, "all": fit + check}[args.half]
    table = IndicatorTable.load()
    misses, scores = collect(
        table, dev=not args.no_dev, bundled=not args.no_bundled, probes=sorted(probes)
    )
    out = sys.stdout
    print(f"probe halves (Random({SEED})): fit {' '.join(fit)}", file=out)
    print(f"                          check {' '.join(check)}", file=out)
    if args.naming:
        for s in scores:
            f = s.found or 1
            print(
                f"  {s.source:<22} found {s.found:4d}/{s.n_gold:4d} (pred {s.n_pred:4d})"
                f"  naming {s.strict / f:.3f} (lenient {s.lenient / f:.3f})",
                file=out,
            )
        for title, group in (
            ("probes fit half", [s for s in scores if s.source[7:] in fit]),
            ("probes check half", [s for s in scores if s.source[7:] in check]),
        ):
            found = sum(s.found for s in group)
            if found:
                strict = sum(s.strict for s in group)
                lenient = sum(s.lenient for s in group)
                print(
                    f"  {title:<22} found {found:4d}  naming {strict / found:.3f}"
                    f" ({strict}; lenient {lenient / found:.3f})",
                    file=out,
                )
    by_source: dict[str, list[Miss]] = {}
    for m in misses:
        group = "probes" if m.source.startswith("probes/") else m.source
        by_source.setdefault(group, []).append(m)
    for group, rows in by_source.items():
        print_counts(group, rows, out)
    print_counts("pooled", misses, out)
    if args.list:
        for m in misses:
            if args.cls and m.cls != args.cls:
                continue
            print(
                f"  {m.cls:<20} {'L' if m.lenient else '-'} {m.source:<16} {m.gold} -> {m.pred}"
                f"  [{m.detail}] | {m.sentence[:60]}",
                file=out,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
