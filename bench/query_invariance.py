"""Metamorphic search check: the same question written another way should get the same
answer. Needs no judging beyond the original query's.

For each dev query of the real relevance set (``split == "dev"`` only: the test queries
are never read) this makes the variants that apply, deterministically, one kind at a time:

* ``trad``: traditional characters (OpenCC s2t);
* ``fullwidth``: ASCII letters, digits and spaces in their full-width forms;
* ``nospace`` / ``spaced``: the spaces between words taken out, or put between jieba's words;
* ``suffix``: a place with its suffix dropped (山东省 -> 山东) or added (海拉尔 -> 海拉尔区),
  for places whose short name is one place only;
* ``cn_year``: a year in Chinese numerals (2024年 -> 二〇二四年);
* ``abbrev``: an abbreviation for its full name or back (地区生产总值 <-> GDP, 居民消费价格 <->
  CPI, 研发 <-> R&D);
* ``english``: a place written in pinyin (山东 -> Shandong);
* ``order``: the space-separated words in reverse order (not English words: their order
  is part of their meaning);
* ``question``: 请问 before and ？ after (an English query: ? after);
* ``how_much``: 是多少 after (target questions only).

Relative years (今年/去年) are left out: what they mean depends on which document is read,
so a variant would not be the same question for sure.

Per kind it reports: how many queries had that variant; the share whose top-1 passage is
the original's; the share whose top 10 share at least 8 passages with the original's; the
MRR@10 of the variants against the original's judgement and the originals' MRR@10 on the
same queries; and, for target questions, the share whose answer card is the original's.

Usage::

    .venv/bin/python -m bench.query_invariance [--every N] [--kinds trad,suffix] [--json F]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import baselines as bl  # noqa: E402
from bench.eval_search import Judgement, document_names, load_judgements, score  # noqa: E402

DEFAULT_RELEVANCE = ROOT / "tests" / "data" / "real" / "relevance.jsonl"
DEFAULT_CORPUS = ROOT / "tests" / "data" / "real" / "docs"
LATIN_FILE = ROOT / "bot" / "corpus" / "data" / "latin_places.csv"
K = 10
OVERLAP_MIN = 8

_CN_DIGITS = "〇一二三四五六七八九"
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=年)")
_ASCII_RE = re.compile(r"[0-9A-Za-z ]")
# (full name, abbreviation): a query with either gets the other.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("地区生产总值", "GDP"),
    ("国内生产总值", "GDP"),
    ("居民消费价格", "CPI"),
    ("研发", "R&D"),
)


@dataclass(frozen=True)
class Places:
    """Places whose short name is one place only: short -> full name and -> pinyin."""

    full: dict[str, str]
    latin: dict[str, str]

    @classmethod
    def load(cls, path: Path = LATIN_FILE) -> Places:
        by_short: dict[str, set[str]] = collections.defaultdict(set)
        latin: dict[str, str] = {}
        with open(path, encoding="utf-8") as fh:
            rows = csv.DictReader(line for line in fh if not line.startswith("#"))
            for row in rows:
                by_short[row["short"]].add(row["name"])
                latin.setdefault(row["short"], row["latin"])
        full = {
            s: next(iter(names))
            for s, names in by_short.items()
            if len(names) == 1 and len(s) >= 2 and next(iter(names)) != s
        }
        return cls(full, {s: latin[s] for s in full})

    def find(self, query: str) -> list[tuple[int, int, str]]:
        """(start, end, short) of the places named in ``query``, longest first, no overlaps."""
        out: list[tuple[int, int, str]] = []
        taken = [False] * len(query)
        for short in sorted(self.full, key=len, reverse=True):
            start = query.find(short)
            while start >= 0:
                end = start + len(short)
                if not any(taken[start:end]):
                    out.append((start, end, short))
                    taken[start:end] = [True] * len(short)
                start = query.find(short, end)
        return sorted(out)


def _cn_year(m: re.Match[str]) -> str:
    return "".join(_CN_DIGITS[int(d)] for d in m.group(1))


def _fullwidth(query: str) -> str:
    return _ASCII_RE.sub(
        lambda m: "\u3000" if m.group() == " " else chr(ord(m.group()) + 0xFEE0), query
    )


def make_variants(
    query: str, *, target: bool, places: Places, t2t: Any, cut: Any
) -> dict[str, str]:
    """kind -> the variant of ``query`` (only the kinds that change it)."""
    out: dict[str, str] = {}
    out["trad"] = t2t.convert(query)
    if _ASCII_RE.search(query.replace(" ", "")):
        out["fullwidth"] = _fullwidth(query)
    if " " in query.strip():
        out["nospace"] = re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", "", query)
        words = query.split()
        # English word order is part of the meaning (rural commercial bank): Chinese only
        if len(words) >= 2 and not re.search(r"[A-Za-z]{2,} +[A-Za-z]", query):
            out["order"] = " ".join(reversed(words))
    else:
        out["spaced"] = " ".join(w for w in cut(query) if w.strip())
    found = places.find(query)
    if found:
        start, end, short = found[0]
        full = places.full[short]
        if query.startswith(full, start):  # the suffix is there: drop it
            out["suffix"] = query[:start] + short + query[start + len(full) :]
        else:
            out["suffix"] = query[:start] + full + query[end:]
        # Pinyin for the place, with spaces around it so it stays a word of its own.
        english = query[:start] + " " + places.latin[short].capitalize() + " " + query[end:]
        if query.startswith(full, start):
            english = (
                query[:start]
                + " "
                + places.latin[short].capitalize()
                + " "
                + query[start + len(full) :]
            )
        out["english"] = re.sub(r"\s+", " ", english).strip()
    out["cn_year"] = _YEAR_RE.sub(_cn_year, query)
    for full_name, abbr in ABBREVIATIONS:
        if full_name in query:
            out["abbrev"] = query.replace(full_name, abbr, 1)
            break
        if abbr.lower() in query.lower() and abbr != "GDP":
            i = query.lower().index(abbr.lower())
            out["abbrev"] = query[:i] + full_name + query[i + len(abbr) :]
            break
    latin = not re.search(r"[\u4e00-\u9fff]", query)
    out["question"] = query.rstrip("?") + "?" if latin else "请问" + query + "？"
    if target:
        out["how_much"] = query.rstrip("？?") + "是多少"
    return {k: v for k, v in out.items() if v != query}


def _card(resp: Any) -> tuple[str, str, str] | None:
    a = getattr(resp, "answer", None)
    return None if a is None else (a.doc_id, a.value_text, a.sentence)


def run(
    engine: Any,
    judgements: list[Judgement],
    names: dict[str, set[str]],
    kinds: set[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, dict[str, Any]]:
    """The figures per variant kind (see the module's doc)."""
    import jieba
    import opencc

    places = Places.load()
    s2t = opencc.OpenCC("s2t")
    cut = jieba.lcut
    originals: dict[str, list[tuple[str, str]]] = {}
    cards: dict[str, Any] = {}
    by_kind: dict[str, dict[str, list[tuple[str, str]]]] = collections.defaultdict(dict)
    kind_cards: dict[str, dict[str, Any]] = collections.defaultdict(dict)
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for n, j in enumerate(judgements):
        resp = engine.search(j.query, page_size=K)
        originals[j.id] = [(h.doc_id, h.text) for h in resp.hits]
        cards[j.id] = _card(resp)
        variants = make_variants(
            j.query, target=j.type == "target", places=places, t2t=s2t, cut=cut
        )
        for kind, text in variants.items():
            if kinds and kind not in kinds:
                continue
            vresp = engine.search(text, page_size=K)
            by_kind[kind][j.id] = [(h.doc_id, h.text) for h in vresp.hits]
            kind_cards[kind][j.id] = _card(vresp)
            if by_kind[kind][j.id][:1] != originals[j.id][:1]:
                examples[kind].append(f"{j.id}: {j.query} -> {text}")
        if progress:
            progress(n)
    base = score("orig", originals, judgements, names, k=K, recall_k=5)
    report: dict[str, dict[str, Any]] = {}
    for kind in sorted(by_kind):
        ranked = by_kind[kind]
        js = [j for j in judgements if j.id in ranked]
        sc = score(kind, ranked, js, names, k=K, recall_k=5)
        same_top1 = sum(ranked[i][:1] == originals[i][:1] for i in ranked)
        overlap = sum(
            len(set(ranked[i][:K]) & set(originals[i][:K]))
            >= min(OVERLAP_MIN, len(originals[i][:K]))
            for i in ranked
        )
        carded = [j.id for j in js if j.type == "target"]
        same_card = sum(kind_cards[kind][i] == cards[i] for i in carded)
        report[kind] = {
            "n": len(ranked),
            "top1_same": same_top1 / len(ranked),
            "overlap8": overlap / len(ranked),
            "mrr": sc.mrr,
            "mrr_orig": sum(base.rr[j.id] for j in js) / len(js),
            "cards_n": len(carded),
            "card_same": same_card / len(carded) if carded else None,
            "top1_changed": examples[kind],
            "rr_lost": [
                f"{j.id}: {j.query} ({base.rr[j.id]:.2f} -> {sc.rr[j.id]:.2f})"
                for j in js
                if sc.rr[j.id] < base.rr[j.id]
            ],
        }
    return report


def open_dev(corpus: Path, data_dir: Path) -> tuple[Any, dict[str, set[str]]]:
    engine = bl.open_engine(bl.load_engine(False), corpus, data_dir)
    return engine, document_names(engine)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relevance", type=Path, default=DEFAULT_RELEVANCE)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--every", type=int, default=1, help="every Nth dev query (1: all)")
    ap.add_argument("--kinds", default="", help="comma-separated kinds (default: all)")
    ap.add_argument("--json", type=Path, default=None, help="write the report here")
    ap.add_argument("--show", type=int, default=0, help="print N changed top-1 per kind")
    args = ap.parse_args(argv)
    # Dev only: the held-out test queries are never looked at.
    judgements = [j for j in load_judgements(args.relevance) if j.split == "dev"][:: args.every]
    kinds = {k for k in args.kinds.split(",") if k} or None
    with tempfile.TemporaryDirectory(prefix="qinv-") as tmp:
        engine, names = open_dev(args.corpus, Path(tmp) / "data")
        report = run(engine, judgements, names, kinds)
    print(f"{len(judgements)} dev queries; variant kinds:")
    print(
        f"{'kind':<10} {'n':>5} {'top1=':>6} {'ovl≥8':>6} {'MRR':>6} {'orig':>6} "
        f"{'cards':>5} {'card=':>6}"
    )
    for kind, r in report.items():
        card = "" if r["card_same"] is None else f"{r['card_same']:.3f}"
        print(
            f"{kind:<10} {r['n']:>5} {r['top1_same']:>6.3f} {r['overlap8']:>6.3f} "
            f"{r['mrr']:>6.3f} {r['mrr_orig']:>6.3f} {r['cards_n']:>5} {card:>6}"
        )
        for line in r["rr_lost"][: args.show]:
            print("    lost " + line)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
