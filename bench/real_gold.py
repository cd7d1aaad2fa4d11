"""Scoring the extractor on the real-document gold set (``tests/data/real/``).

The bundled gold compares whole records; on real documents the questions are separate,
so they are scored separately (rules: ``tests/data/GOLD_GUIDELINES.md`` §6):

* **Figures** (precision, recall, F1): a predicted figure matches a gold figure of the
  same document and line with the same quantity: value and ``value_max`` compared after
  the magnitude word of the unit is applied (``3.6万亿元`` = ``36000亿元``), and the same
  measure (``元``, ``%``, ``个百分点`` …). Matching is one to one; among candidates the
  one with the same indicator is preferred.
* **Naming accuracy**: among matched figures, the share whose indicator is the gold one,
  one of its ``alt`` names, or an alias of the same canonical indicator in
  ``config/indicators.toml``.
* **Kind accuracy**, **year accuracy** and **change accuracy** (level vs increment: an
  amount ``安排`` for the year is not an ``增加``) among matched figures.
* **Targets in bulletins**: the share of predictions in statistical bulletins called
  ``target`` (should be under 1 %).

Everything is broken down per split, per document type and per level (``docs.toml``).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.eval_targets import Score, match_one_to_one, name_key, print_misses

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
REAL_DOCS = REAL / "docs"
REAL_GOLD = REAL / "gold"
REAL_META = REAL / "docs.toml"

_SENTENCE_RE = re.compile(r"[^。！？；]*(?:[。！？；]+[”’」』）]*|$)")
_MAGNITUDE_PREFIXES = (("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4))
# Units that merely start with a magnitude-looking character.
_NOT_MAGNITUDE = ("万元户",)
# Verbs of an increment; everything else (达到, 安排, 为, 突破, 提高到, "") states a level.
_DELTA_RE = re.compile(
    r"^(同比)?(年均|平均)?(增长|增加|提高|提升|上升|上涨|扩大|下降|降低|减少|压减|缩小|回落|下跌|增|降|减)$"
)


def load_meta(path: Path = REAL_META) -> dict[str, dict[str, Any]]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def split_docs(meta: dict[str, dict[str, Any]], split: str) -> list[str]:
    """File names of the documents of ``split`` (``dev``, ``test`` or ``all``) with gold."""
    names = sorted(n for n, m in meta.items() if split == "all" or m.get("split") == split)
    return [n for n in names if (REAL_GOLD / (Path(n).stem + ".jsonl")).is_file()]


def load_real_gold(names: Iterable[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in names:
        path = REAL_GOLD / (Path(name).stem + ".jsonl")
        lines = path.read_text(encoding="utf-8").splitlines()
        out.extend(json.loads(line) for line in lines if line)
    return out


def base_quantity(value: float | None, unit: str) -> tuple[float | None, str, float]:
    """``(value in base units, base unit, multiplier)``: 3.6 万亿元 -> (3.6e12, 元, 1e12)."""
    mult = 1.0
    unit = re.sub(r"[（(][^）)]*[）)]", "", unit).replace("每", "/")  # 万套（间）, 微克每立方米
    base = unit
    if unit not in _NOT_MAGNITUDE:
        for prefix, m in _MAGNITUDE_PREFIXES:
            if unit.startswith(prefix) and len(unit) > len(prefix):
                base, mult = unit[len(prefix) :], m
                break
    if base == "百分点":
        base = "个百分点"
    base = base.casefold()  # Eflops is EFLOPS: the letters' case of a unit carries nothing
    if value is None:
        return None, base, mult
    return float(f"{value * mult:.6g}"), base, mult


def figure_key(rec: dict[str, Any]) -> tuple[Any, ...]:
    value, base, mult = base_quantity(rec.get("value"), rec.get("unit", ""))
    vmax = rec.get("value_max")
    vmax_n = None if vmax is None else float(f"{vmax * mult:.6g}")
    return (rec["doc"], rec["line"], value, vmax_n, base)


def change_class(change: str) -> str:
    return "delta" if _DELTA_RE.match(change or "") else "level"


def attach_lines(records: Sequence[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """Give each predicted record the 1-based line of its sentence (records in reading order).

    ``texts`` are the documents as annotated, line for line. The loader joins the lines of
    a hard-wrapped text (:func:`bot.corpus.layout.reflow_wrapped`), so a sentence may span
    lines of the annotated text: then the line is the one where the record's figure is,
    as the gold of such documents has it.
    """
    lines_of = {doc: text.split("\n") for doc, text in texts.items()}
    flat_of: dict[str, tuple[str, list[int]]] = {}
    cursor: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    for rec in records:
        doc = rec["doc"]
        lines = lines_of[doc]
        k = cursor.get(doc, 0)
        found = None
        for j in list(range(k, len(lines))) + list(range(0, k)):
            if rec["sentence"] in lines[j]:
                found = j
                break
        if found is None:
            if doc not in flat_of:
                flat_of[doc] = _flatten(lines)
            found = _line_across_breaks(rec, *flat_of[doc], first=k)
        if found is None:
            found = -1
        else:
            cursor[doc] = found
        out.append({**rec, "line": found + 1})
    return out


def _flatten(lines: Sequence[str]) -> tuple[str, list[int]]:
    """The text without whitespace, and the line of each of its characters."""
    chars: list[str] = []
    line_of: list[int] = []
    for n, line in enumerate(lines):
        for ch in line:
            if not ch.isspace():
                chars.append(ch)
                line_of.append(n)
    return "".join(chars), line_of


def _line_across_breaks(
    rec: dict[str, Any], flat: str, line_of: list[int], first: int
) -> int | None:
    sentence = "".join(rec["sentence"].split())
    if not sentence:
        return None
    after = next((i for i, n in enumerate(line_of) if n >= first), 0)
    start = flat.find(sentence, after)
    if start < 0:
        start = flat.find(sentence)
    if start < 0:
        return None
    figure = "".join(str(rec.get("value_text") or "").split())
    at = flat.find(figure, start, start + len(sentence)) if figure else -1
    return line_of[at if at >= 0 else start]


@dataclass
class Counts(Score):
    """Figure counts (``Score``'s precision, recall, F1) and agreement among matches."""

    named: int = 0
    close: int = 0
    kind_ok: int = 0
    year_ok: int = 0
    change_ok: int = 0

    def add(self, other: Counts) -> None:
        for f in ("tp", "n_pred", "n_gold", "named", "close", "kind_ok", "year_ok", "change_ok"):
            setattr(self, f, getattr(self, f) + getattr(other, f))

    def share(self, name: str) -> float:
        """Share of matched figures that agree on ``name`` (``named``, ``kind_ok`` …)."""
        return getattr(self, name) / self.tp if self.tp else 1.0


@dataclass
class RealReport:
    total: Counts
    per_doc: dict[str, Counts]
    per_type: dict[str, Counts]
    per_level: dict[str, Counts]
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    false_negatives: list[dict[str, Any]] = field(default_factory=list)
    bulletin_pred: int = 0
    bulletin_targets: int = 0

    @property
    def bulletin_target_share(self) -> float:
        return self.bulletin_targets / self.bulletin_pred if self.bulletin_pred else 0.0


def name_matches(pred: str, gold: dict[str, Any], canonical: Callable[[str], str | None]) -> bool:
    """Whether ``pred`` names what ``gold`` measures (gold name, an ``alt``, same canonical)."""
    names = [gold["indicator"], *gold.get("alt", [])]
    p = name_key(pred)
    if any(p == name_key(n) for n in names):
        return True
    cp = canonical(pred)
    return cp is not None and any(cp == canonical(n) for n in names)


def name_close(pred: str, gold: dict[str, Any], canonical: Callable[[str], str | None]) -> bool:
    """A lenient reading of naming: the names match, or one holds the other and shares at
    least half its characters (规模以上高技术制造业增加值 ~ 高技术制造业增加值; 5G基站数量 ~
    5G基站), but never a name and the base of its share (占国内生产总值比重 vs 国内生产总值)."""
    if name_matches(pred, gold, canonical):
        return True
    p = name_key(pred)
    for n in [gold["indicator"], *gold.get("alt", [])]:
        g = name_key(n)
        short, long = sorted((p, g), key=len)
        if len(short) >= 2 and short in long and len(short) * 2 >= len(long):
            if "占" in long and "占" not in short:
                continue
            return True
    return False


def score_real(
    pred: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    meta: dict[str, dict[str, Any]],
    canonical: Callable[[str], str | None],
) -> RealReport:
    """Score line-attached predictions against gold (see the module docstring)."""
    # Predictions whose name agrees are paired first, so that two figures of the same
    # value on one line are paired with the right names.
    pairs, fp, fn = match_one_to_one(
        pred, gold, figure_key, lambda p, g: name_matches(p["indicator"], g, canonical)
    )

    per_doc: dict[str, Counts] = {}

    def bucket(doc: str) -> Counts:
        return per_doc.setdefault(doc, Counts())

    for p in pred:
        bucket(p["doc"]).n_pred += 1
    for g in gold:
        bucket(g["doc"]).n_gold += 1
    for j, i in pairs:
        p, g = pred[j], gold[i]
        c = bucket(g["doc"])
        c.tp += 1
        c.named += name_matches(p["indicator"], g, canonical)
        c.close += name_close(p["indicator"], g, canonical)
        c.kind_ok += p["kind"] == g["kind"]
        c.year_ok += str(p.get("year", "")) == g["year"]
        c.change_ok += change_class(p.get("change", "")) == change_class(g["change"])
    total = Counts()
    per_type: dict[str, Counts] = {}
    per_level: dict[str, Counts] = {}
    for doc, c in per_doc.items():
        total.add(c)
        m = meta.get(doc, {})
        per_type.setdefault(m.get("type", "?"), Counts()).add(c)
        per_level.setdefault(m.get("level", "?"), Counts()).add(c)
    bulletin = [p for p in pred if meta.get(p["doc"], {}).get("type") == "统计公报"]
    return RealReport(
        total=total,
        per_doc=per_doc,
        per_type=per_type,
        per_level=per_level,
        pairs=[(pred[j], gold[i]) for j, i in pairs],
        false_positives=[pred[j] for j in fp],
        false_negatives=[gold[i] for i in fn],
        bulletin_pred=len(bulletin),
        bulletin_targets=sum(1 for p in bulletin if p["kind"] == "target"),
    )


def _row(name: str, c: Counts) -> str:
    return (
        f"  {name:<46} P {c.precision:5.3f}  R {c.recall:5.3f}  F1 {c.f1:5.3f}"
        f"  name {c.share('named'):5.3f}  kind {c.share('kind_ok'):5.3f}"
        f"  year {c.share('year_ok'):5.3f}  change {c.share('change_ok'):5.3f}"
        f"  (tp {c.tp}, pred {c.n_pred}, gold {c.n_gold})"
    )


def _show(rec: dict[str, Any]) -> str:
    vmax = f"-{rec['value_max']}" if rec.get("value_max") is not None else ""
    return (
        f"    {rec['doc'][:24]} L{rec['line']} {rec['kind'][:3]} {rec.get('year', '')}"
        f" {rec['indicator']} = {rec.get('value')}{vmax} {rec['unit']} ({rec.get('change', '')})"
        f" | {rec['sentence'][:60]}"
    )


def print_real_report(
    report: RealReport,
    *,
    verbose: bool,
    out: Any,
    canonical: Callable[[str], str | None] | None = None,
) -> None:
    t = report.total
    print(
        f"figures: precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}"
        f"  (tp {t.tp}, predicted {t.n_pred}, gold {t.n_gold})",
        file=out,
    )
    print(
        f"of the figures found: naming {t.share('named'):.3f} (lenient {t.share('close'):.3f})"
        f"  kind {t.share('kind_ok'):.3f}"
        f"  year {t.share('year_ok'):.3f}  change (level/increment) {t.share('change_ok'):.3f}",
        file=out,
    )
    print(
        f"statistical bulletins: {report.bulletin_targets}/{report.bulletin_pred} predictions"
        f" called target ({report.bulletin_target_share:.1%})",
        file=out,
    )
    for title, table in (
        ("per document type", report.per_type),
        ("per level", report.per_level),
        ("per document", report.per_doc),
    ):
        print(f"{title}:", file=out)
        for name, c in sorted(table.items()):
            print(_row(name, c), file=out)
    if verbose:
        canon = canonical or (lambda _name: None)
        wrong = [(p, g) for p, g in report.pairs if not name_matches(p["indicator"], g, canon)]
        print(f"figures found with a wrong name ({len(wrong)}; gold -> predicted):", file=out)
        for p, g in wrong:
            print(f"    L{g['line']} {g['indicator']} -> {p['indicator']}", file=out)
        kinds = [(p, g) for p, g in report.pairs if p["kind"] != g["kind"]]
        print(f"wrong kind ({len(kinds)}; gold -> predicted):", file=out)
        for p, g in kinds:
            print(f"    L{g['line']} {g['kind']} -> {p['kind']}  {g['indicator']}", file=out)
        print_misses(report.false_positives, report.false_negatives, _show, out)


def name_audit(pred: Sequence[dict[str, Any]], known: Callable[[str], bool]) -> Counter[str]:
    """Indicator names produced that the indicator table does not know, with counts."""
    return Counter(p["indicator"] for p in pred if not known(p["indicator"]))


def sentences(line: str) -> list[str]:
    return [m.group() for m in _SENTENCE_RE.finditer(line) if m.group()]


@dataclass
class ConfidenceSplit:
    """What the confidence line (:data:`bot.targets.records.CONFIDENT`) shows and hides:
    figures matched to gold, correctly or wrongly named, and unmatched predictions."""

    threshold: float
    # (named right?, shown?) -> count, over matched figures
    matched: Counter[tuple[bool, bool]] = field(default_factory=Counter)
    # confidence -> [right shown/hidden..]: per value, (right, wrong)
    per_value: dict[float, Counter[bool]] = field(default_factory=dict)
    unmatched: Counter[bool] = field(default_factory=Counter)  # shown? -> count
    hidden_right: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    shown_wrong: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def confidence_split(
    report: RealReport, canonical: Callable[[str], str | None], threshold: float
) -> ConfidenceSplit:
    """Split ``report``'s records by naming (against the gold) and by confidence."""
    out = ConfidenceSplit(threshold)
    for p, g in report.pairs:
        right = name_matches(p["indicator"], g, canonical)
        conf = float(p.get("confidence", 0.0))
        shown = conf >= threshold
        out.matched[right, shown] += 1
        out.per_value.setdefault(round(conf, 2), Counter())[right] += 1
        if right and not shown:
            out.hidden_right.append((p, g))
        if shown and not right:
            out.shown_wrong.append((p, g))
    for p in report.false_positives:
        out.unmatched[float(p.get("confidence", 0.0)) >= threshold] += 1
    return out


def print_confidence_split(split: ConfidenceSplit, *, verbose: bool, out: Any) -> None:
    m = split.matched
    right, wrong = m[True, True] + m[True, False], m[False, True] + m[False, False]
    print(f"confidence line {split.threshold} (shown >= line, hidden below):", file=out)
    print(
        f"  matched, named right: shown {m[True, True]}, hidden {m[True, False]}"
        f" ({m[True, False] / right if right else 0:.1%} of {right} hidden)",
        file=out,
    )
    print(
        f"  matched, named wrong: shown {m[False, True]}, hidden {m[False, False]}"
        f" ({m[False, True] / wrong if wrong else 0:.1%} of {wrong} shown)",
        file=out,
    )
    shown = m[True, True] + m[False, True]
    print(
        f"  of the matched records shown, named right: {m[True, True] / shown if shown else 0:.3f}",
        file=out,
    )
    u = split.unmatched
    print(f"  unmatched predictions: shown {u[True]}, hidden {u[False]}", file=out)
    print("  per confidence value: right / wrong", file=out)
    for conf, c in sorted(split.per_value.items()):
        print(f"    {conf:4.2f}  {c[True]:5d} / {c[False]:5d}", file=out)
    if verbose:
        for title, rows in (
            ("hidden but named right", split.hidden_right),
            ("shown but named wrong (gold -> predicted)", split.shown_wrong),
        ):
            print(f"  {title} ({len(rows)}):", file=out)
            for p, g in rows:
                print(
                    f"    {p['doc'][:24]} L{g['line']} {p.get('confidence')}"
                    f" {g['indicator']} -> {p['indicator']} = {p.get('value')} {p['unit']}"
                    f" | {p['sentence'][:60]}",
                    file=out,
                )
