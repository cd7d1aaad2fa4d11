"""Validate the relevance set of the real documents (``relevance.jsonl`` in this folder).

Run from the project root::

    .venv/bin/python tests/data/real/check_relevance.py

Checks the JSON shape of every query, that every ``contains`` string (15-40 characters, or a
whole table row shorter than 15) occurs in exactly one line of the named document in ``docs/``,
that ids and queries are unique, that a target question's ``answer`` points at one of its
relevant lines and carries an indicator, a number and a unit, and the mix of the set (query
types, share naming a region or a year, typos, traditional characters, English abbreviations,
target questions, the test split). Prints counts and shares and exits with status 1 if anything
is wrong. A tool for whoever edits the set, and it does not use the search engine (the set is
judged independently of it); ``tests/test_relevance_set.py`` runs the same checks in the suite so
that a batch breaking them fails CI (batches had left 111 problems unseen).
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

from opencc import OpenCC

REAL_DIR = Path(__file__).resolve().parent
DOCS_DIR = REAL_DIR / "docs"
DOCS_TOML = REAL_DIR / "docs.toml"
RELEVANCE = REAL_DIR / "relevance.jsonl"

QUERY_TYPES = {
    "region_year",
    "typo",
    "traditional",
    "english",
    "target",
    "topical",
    "synonym",
    "phrase",
    "footnote",
}
SPLITS = {"dev", "test"}

MIN_QUERIES = 110
CONTAINS_LEN = (15, 40)
MAX_RELEVANT = 5
# Shares of all queries. region/year counts every query that names a region or a year,
# whatever its type; the others count queries of that type. The floors are the mix the issue
# asks for (typos 20 %, traditional characters 10 %, English abbreviations 10 %, a region or a
# year 30 %) and are not to be lowered: a batch of other kinds must bring its own typo,
# traditional and English queries. Batches of weak kinds only (r205-r250, r367-r435,
# r436-r499, r620-r644) had diluted typos to 11.6 % and English to 6.8 %, and the floors
# had been lowered with them; the eleventh batch (r658-r809: 90 typo, 39 English, 23
# traditional dev queries, judged by reading) restored the mix and these floors.
MIN_REGION_YEAR_SHARE = 0.30
MIN_TYPO_SHARE = 0.20
MIN_TRADITIONAL_SHARE = 0.10
MIN_ENGLISH_SHARE = 0.10
MIN_TARGET_ANSWERED = 15
# Target questions whose answer is not in the corpus (``answer`` null): the card must be absent
# (bench/eval_search.py's "no answer card" figure). Three until the cards33 batch (r2600-r2659)
# added ten, judged by reading the dev documents: 13. The merged set counted 24 because the
# thirty-third batch had left eleven answerable target questions (r2483-r2552) without their
# ``answer``, which scored them as "no card must show" while their relevant line states the
# target; they now carry it. The ceiling keeps the unanswerable ones a small minority (under
# one in ten target questions), so that an ``answer`` forgotten by a batch fails here rather
# than turning a wanted card into a counted error.
# The cards34 batch (r2840-r2899) added ten more, judged the same way (a 2035 or 2030 figure a
# plan does not set, an indicator a document never targets): 23 of 248 target questions, so the
# ceiling is 25, still one in ten.
# The cards35 batch (r2900-r2959) added eight (a 2030 or 2035 figure a document does not set,
# 明年 past the report's year, a total where only growth is written, a figure a bulletin or a
# 保持稳定 goal never states): 31 of 308 target questions, so the ceiling is 33, about one in ten.
# The cards36 batch (r3040-r3092) added six (a 2030 figure a report does not set, a year past
# a bulletin's or a story's, a target where only a result or another year is written): 37 of
# 361 target questions, so the ceiling is 39, about one in ten.
# The cards37 batch (r3180-r3235) added six (a year past a bulletin's or a story's, a 2030 figure a
# plan or report does not set, this year's goal where only a five-year result is written): 43 of
# 417 target questions, so the ceiling is 45, about one in ten.
# The cards38 batch (r3236-r3295) added six (a year past a bulletin's or a plan's, a later goal
# than the one a report sets, this year's goal where only last year's result is written): 49 of
# 477 target questions, so the ceiling is 51, about one in ten.
# The cards39 batch (r3395-r3449) added six (this year's goal where only last year's result is
# written, a year past a bulletin's, a later goal than a plan sets, a total where only growth is
# set): 55 of 532 target questions, so the ceiling is 57, about one in ten.
# The cards40 batch (r3700-r3755) added six (a price, an investment or an R&D intensity target a
# report does not set, next year's goal where a bulletin states only its year's result, a year
# past a report's or a story's): 61 of 592 target questions, so the ceiling is 63.
# The cards41 batch (r4030-r4092) added six (a bond quota or an income ratio a bulletin does not
# state, a per-capita figure where only the total is given, a year's goal a later report does not
# restate, a period goal not set, a year past a bulletin): 67 of 669 target questions, so 69.
TARGET_UNANSWERED = (2, 69)
# A target question may carry a typo (its note says "typo: intended …"); only target queries
# carry an answer, so such a question keeps the type target and counts toward the typo share.
TARGET_TYPO_NOTE = "typo: intended"
# Likewise a target question typed in traditional characters (its note says "traditional
# characters") counts toward the traditional share when the query holds a traditional character:
# the cards batches ask in traditional as users do, and keeping them typed target (they carry an
# answer) must not dilute the traditional share they add to.
TARGET_TRADITIONAL_NOTE = "traditional characters"
# The same two notes count for a synonym query too: a synonym batch (r3860-r3933) judges the
# user's word against the document's, so its typed-with-a-slip and traditional queries keep the
# type synonym (the class it measures) and, by the note, add to the shares they bring.
NOTED_TYPES = {"target", "synonym"}
# The 39 test queries were 30 % of the first 128; 76 fresh dev queries (r129-r204, judged by
# reading the dev documents before the engine was run on them) brought the share down to 19 %,
# the third batch of fresh dev queries (r251-r310, written and judged the same way) to 12 %,
# and the fourth (r311-r366, questions as analysts and officials phrase them) to 10 %; the
# sixth batch (r367-r435) put half of its queries, drawn at random, in test (17 %), and the
# seventh (r436-r499) half of its own (21 %).
TEST_SHARE = (0.10, 0.35)

YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)|[一二][〇零][〇零一二三四五六七八九]{2}")
ASCII_WORD = re.compile(r"[A-Za-z]")

T2S = OpenCC("t2s")


def load_docs() -> dict[str, list[str]]:
    """File name -> its lines (a paragraph, heading or table row per line)."""
    docs = {}
    for path in sorted(DOCS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs[path.name] = [line.rstrip("\r") for line in text.split("\n")]
    return docs


def region_names() -> set[str]:
    """Region names of docs.toml (a document's region and its ancestors), without 全国."""
    meta = tomllib.loads(DOCS_TOML.read_text(encoding="utf-8"))
    names: set[str] = set()
    for entry in meta.values():
        names.add(entry["region"])
        names.update(entry.get("region_path", []))
    names.discard("全国")
    return names


def names_region_or_year(query: str, regions: set[str]) -> tuple[bool, bool]:
    simplified = T2S.convert(query)
    return any(r in simplified for r in regions), bool(YEAR.search(simplified))


def read_jsonl(path: Path, problems: list[str]) -> list[tuple[int, dict]]:
    rows = []
    if not path.is_file():
        problems.append(f"{path.name}: missing")
        return rows
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name}:{lineno}: invalid JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"{path.name}:{lineno}: not a JSON object")
            continue
        rows.append((lineno, obj))
    return rows


def check_keys(where: str, obj: dict, required: set[str]) -> list[str]:
    out = []
    missing = required - obj.keys()
    extra = obj.keys() - required
    if missing:
        out.append(f"{where}: missing keys {sorted(missing)}")
    if extra:
        out.append(f"{where}: unknown keys {sorted(extra)}")
    return out


def locate(
    where: str, item: object, docs: dict[str, list[str]], problems: list[str]
) -> tuple[str, int] | None:
    """(doc, line number) of a {"doc", "contains"} reference, or None after a problem."""
    if not isinstance(item, dict):
        problems.append(f"{where}: not an object")
        return None
    doc, contains = item.get("doc"), item.get("contains")
    if doc not in docs:
        problems.append(f"{where}: unknown document {doc!r}")
        return None
    if not isinstance(contains, str):
        problems.append(f"{where}: 'contains' must be a string")
        return None
    hits = [i for i, line in enumerate(docs[doc], 1) if contains in line]
    lo, hi = CONTAINS_LEN
    # A table row can be shorter than the convention (居民消费价格指数\t100.0): the whole row
    # is then the reference, and no longer string of that line exists.
    whole_short_line = len(hits) == 1 and len(contains) < lo and docs[doc][hits[0] - 1] == contains
    if not lo <= len(contains) <= hi and not whole_short_line:
        problems.append(f"{where}: 'contains' has {len(contains)} chars, want {lo}-{hi}")
    if len(hits) != 1:
        problems.append(f"{where}: {contains!r} occurs in {len(hits)} lines of {doc} {hits[:5]}")
        return None
    return doc, hits[0]


def check(docs: dict[str, list[str]], problems: list[str], notices: list[str]) -> None:
    regions = region_names()
    rows = read_jsonl(RELEVANCE, problems)
    ids: set[str] = set()
    queries: set[str] = set()
    types: Counter[str] = Counter()
    test_types: Counter[str] = Counter()
    splits: Counter[str] = Counter()
    docs_covered: Counter[str] = Counter()
    n_region = n_year = n_region_or_year = n_answered = n_unanswered = n_judgements = 0
    n_target_typos = 0
    n_target_traditional = 0

    for lineno, obj in rows:
        where = f"{RELEVANCE.name}:{lineno}"
        required = {"id", "query", "type", "split", "relevant", "answer", "note"}
        errs = check_keys(where, obj, required)
        problems.extend(errs)
        if errs:
            continue
        qid, query, qtype, split = obj["id"], obj["query"], obj["type"], obj["split"]
        if not isinstance(qid, str) or not re.fullmatch(r"r\d{3,}", qid):
            problems.append(f"{where}: bad id {qid!r}")
        elif qid in ids:
            problems.append(f"{where}: duplicate id {qid}")
        ids.add(str(qid))
        where = f"{RELEVANCE.name}:{lineno} ({qid})"
        if not isinstance(query, str) or not query.strip():
            problems.append(f"{where}: empty query")
            continue
        if query in queries:
            problems.append(f"{where}: duplicate query {query!r}")
        queries.add(query)
        if not isinstance(obj["note"], str) or not obj["note"].strip():
            problems.append(f"{where}: note must be a non-empty string")
        if qtype not in QUERY_TYPES:
            problems.append(f"{where}: unknown type {qtype!r}")
        if split not in SPLITS:
            problems.append(f"{where}: unknown split {split!r}")
        types[qtype] += 1
        splits[split] += 1
        if split == "test":
            test_types[qtype] += 1

        has_region, has_year = names_region_or_year(query, regions)
        n_region += has_region
        n_year += has_year
        n_region_or_year += has_region or has_year
        if qtype == "region_year" and not (has_region or has_year):
            problems.append(f"{where}: region_year query names no known region or year")
        if qtype == "english" and not ASCII_WORD.search(query):
            problems.append(f"{where}: english query has no Latin letters")
        if qtype == "traditional" and T2S.convert(query) == query:
            problems.append(f"{where}: traditional query has no traditional character")
        if qtype in NOTED_TYPES and str(obj["note"]).startswith(TARGET_TYPO_NOTE):
            n_target_typos += 1
        if (
            qtype in NOTED_TYPES
            and str(obj["note"]).startswith(TARGET_TRADITIONAL_NOTE)
            and T2S.convert(str(obj["query"])) != obj["query"]
        ):
            n_target_traditional += 1
        if qtype == "typo" and "intended" not in obj["note"]:
            problems.append(f"{where}: typo note must give the intended form ('intended …')")

        rel = obj["relevant"]
        if not isinstance(rel, list) or not 1 <= len(rel) <= MAX_RELEVANT:
            problems.append(f"{where}: 'relevant' must list 1 to {MAX_RELEVANT} lines")
            continue
        seen: set[tuple[str, int]] = set()
        for k, item in enumerate(rel):
            iwhere = f"{where} relevant[{k}]"
            if isinstance(item, dict):
                problems.extend(check_keys(iwhere, item, {"doc", "contains"}))
            key = locate(iwhere, item, docs, problems)
            if key is None:
                continue
            if key in seen:
                problems.append(f"{iwhere}: line {key[0]}:{key[1]} listed twice")
            seen.add(key)
            docs_covered[key[0]] += 1
            n_judgements += 1

        answer = obj["answer"]
        if answer is None:
            if qtype == "target":
                n_unanswered += 1
            continue
        if qtype != "target":
            problems.append(f"{where}: only target questions carry an answer")
            continue
        awhere = f"{where} answer"
        if not isinstance(answer, dict):
            problems.append(f"{awhere}: must be an object or null")
            continue
        errs = check_keys(awhere, answer, {"doc", "contains", "indicator", "value", "unit"})
        problems.extend(errs)
        if errs:
            continue
        if not isinstance(answer["indicator"], str) or not answer["indicator"]:
            problems.append(f"{awhere}: indicator must be a non-empty string")
        if isinstance(answer["value"], bool) or not isinstance(answer["value"], int | float):
            problems.append(f"{awhere}: value must be a number")
        if not isinstance(answer["unit"], str) or not answer["unit"]:
            problems.append(f"{awhere}: unit must be a non-empty string")
        key = locate(awhere, answer, docs, problems)
        if key is not None:
            if key not in seen:
                problems.append(f"{awhere}: the answer line is not among the relevant lines")
            line = docs[key[0]][key[1] - 1]
            value = answer["value"]
            if isinstance(value, int | float) and not isinstance(value, bool):
                text = f"{value:g}"
                if text not in line:  # may be written in words (百项), so only a notice
                    notices.append(f"{awhere}: value {text} not written in digits in the line")
        n_answered += 1

    n = len(rows)
    if n < MIN_QUERIES:
        problems.append(f"{RELEVANCE.name}: {n} queries, want at least {MIN_QUERIES}")
    share = (lambda k: k / n) if n else (lambda k: 0.0)
    for label, count, floor in (
        ("naming a region or year", n_region_or_year, MIN_REGION_YEAR_SHARE),
        ("typo", types["typo"] + n_target_typos, MIN_TYPO_SHARE),
        ("traditional", types["traditional"] + n_target_traditional, MIN_TRADITIONAL_SHARE),
        ("english", types["english"], MIN_ENGLISH_SHARE),
    ):
        if share(count) < floor:
            problems.append(f"{RELEVANCE.name}: {label} {share(count):.0%}, want >= {floor:.0%}")
    if n_answered < MIN_TARGET_ANSWERED:
        problems.append(
            f"{RELEVANCE.name}: {n_answered} answered target questions, "
            f"want at least {MIN_TARGET_ANSWERED}"
        )
    lo, hi = TARGET_UNANSWERED
    if not lo <= n_unanswered <= hi:
        problems.append(
            f"{RELEVANCE.name}: {n_unanswered} target questions without answer, want {lo}-{hi}"
        )
    lo, hi = TEST_SHARE
    if not lo <= share(splits["test"]) <= hi:
        problems.append(
            f"{RELEVANCE.name}: test split {share(splits['test']):.0%}, want {lo:.0%}-{hi:.0%}"
        )
    for qtype in sorted(types):
        if not test_types[qtype]:
            problems.append(f"{RELEVANCE.name}: no test query of type {qtype}")
    for doc in docs:
        if not docs_covered[doc]:
            problems.append(f"{RELEVANCE.name}: no relevant line in {doc}")

    print(f"{RELEVANCE.name}: {n} queries, {n_judgements} relevant lines")
    print(
        "  by type:   "
        + ", ".join(
            f"{t} {c} ({share(c):.0%}; test {test_types[t]})" for t, c in types.most_common()
        )
    )
    print(
        "  by split:  " + ", ".join(f"{s} {c} ({share(c):.0%})" for s, c in sorted(splits.items()))
    )
    print(
        f"  naming a region or year: {n_region_or_year} ({share(n_region_or_year):.0%}); "
        f"region {n_region}, year {n_year}"
    )
    print(f"  target questions: {n_answered} with answer, {n_unanswered} without")
    print(
        "  relevant lines per document: "
        + ", ".join(f"{d.removesuffix('.txt')} {docs_covered[d]}" for d in sorted(docs))
    )


def main() -> int:
    problems: list[str] = []
    notices: list[str] = []
    docs = load_docs()
    if not docs:
        print(f"no documents in {DOCS_DIR}", file=sys.stderr)
        return 1
    check(docs, problems, notices)
    for notice in notices:
        print(f"  notice: {notice}")
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
