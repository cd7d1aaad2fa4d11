"""Validate the hand-made evaluation sets in this folder against the bundled corpus.

Run from the project root::

    .venv/bin/python tests/data/check_eval_sets.py

Checks ``relevance.jsonl`` (JSON shape, every ``contains`` string occurs in exactly one
line of the named corpus file, counts, coverage of the corpus) and ``typos.jsonl``
(JSON shape, ``expected`` occurs in the corpus and ``typo`` does not, pinyin of
homophones and near-homophones, slips are one-character edits, counts). Prints a
summary and exits with status 1 if anything is wrong. Not a pytest test on purpose: it
is a tool for whoever edits the data sets.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from pypinyin import Style, lazy_pinyin, pinyin

DATA_DIR = Path(__file__).resolve().parent
ROOT = DATA_DIR.parents[1]
CORPUS_DIR = ROOT / "corpus"
RELEVANCE = DATA_DIR / "relevance.jsonl"
TYPOS = DATA_DIR / "typos.jsonl"

QUERY_TYPES = {
    "single_term",
    "multi_word",
    "topical",
    "synonym",
    "traditional",
    "quoted",
    "rare_term",
}
TYPO_KINDS = {"homophone", "near_homophone", "slip"}

MIN_QUERIES = 40
MIN_SYNONYM_QUERIES = 6
MIN_TYPOS = 60
CONTAINS_LEN = (15, 40)
EXPECTED_LEN = (2, 8)
MAX_USES_PER_EXPECTED = 2
HOMOPHONE_SHARE = (0.55, 0.75)  # "about 2/3"

CJK = re.compile(r"^[\u4e00-\u9fff]+$")

# Confusions a pinyin input method tolerates as "fuzzy pinyin" (模糊音).
FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l"))
FUZZY_FINALS = (("iang", "ian"), ("uang", "uan"), ("ang", "an"), ("eng", "en"), ("ing", "in"))


def load_corpus() -> dict[str, list[str]]:
    """File name -> its lines (a paragraph per line)."""
    corpus = {}
    for path in sorted(CORPUS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        corpus[path.name] = [line.rstrip("\r") for line in text.split("\n")]
    return corpus


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


def check_keys(where: str, obj: dict, required: set[str], optional: set[str]) -> list[str]:
    out = []
    missing = required - obj.keys()
    extra = obj.keys() - required - optional
    if missing:
        out.append(f"{where}: missing keys {sorted(missing)}")
    if extra:
        out.append(f"{where}: unknown keys {sorted(extra)}")
    return out


# --------------------------------------------------------------------------- relevance


def check_relevance(corpus: dict[str, list[str]], problems: list[str]) -> None:
    rows = read_jsonl(RELEVANCE, problems)
    ids: set[str] = set()
    queries: set[str] = set()
    types: Counter[str] = Counter()
    docs_covered: Counter[str] = Counter()
    n_judgements = 0
    for lineno, obj in rows:
        where = f"{RELEVANCE.name}:{lineno}"
        errs = check_keys(where, obj, {"id", "query", "relevant", "note"}, {"type"})
        problems.extend(errs)
        if errs:
            continue
        qid, query, rel, note = obj["id"], obj["query"], obj["relevant"], obj["note"]
        if not isinstance(qid, str) or not re.fullmatch(r"q\d{2,}", qid):
            problems.append(f"{where}: bad id {qid!r}")
        elif qid in ids:
            problems.append(f"{where}: duplicate id {qid}")
        ids.add(str(qid))
        where = f"{RELEVANCE.name}:{lineno} ({qid})"
        if not isinstance(query, str) or not query.strip():
            problems.append(f"{where}: empty query")
        elif query in queries:
            problems.append(f"{where}: duplicate query {query!r}")
        queries.add(str(query))
        if not isinstance(note, str):
            problems.append(f"{where}: note must be a string")
        qtype = obj.get("type")
        if qtype is not None and qtype not in QUERY_TYPES:
            problems.append(f"{where}: unknown type {qtype!r}")
        types[qtype or "(none)"] += 1
        if not isinstance(rel, list) or not 1 <= len(rel) <= 5:
            problems.append(f"{where}: 'relevant' must list 1 to 5 passages")
            continue
        seen: set[tuple[str, int]] = set()
        for k, item in enumerate(rel):
            iwhere = f"{where} relevant[{k}]"
            if not isinstance(item, dict):
                problems.append(f"{iwhere}: not an object")
                continue
            errs = check_keys(iwhere, item, {"doc", "contains"}, set())
            problems.extend(errs)
            if errs:
                continue
            doc, contains = item["doc"], item["contains"]
            if doc not in corpus:
                problems.append(f"{iwhere}: unknown corpus file {doc!r}")
                continue
            if not isinstance(contains, str):
                problems.append(f"{iwhere}: 'contains' must be a string")
                continue
            lo, hi = CONTAINS_LEN
            if not lo <= len(contains) <= hi:
                problems.append(f"{iwhere}: 'contains' has {len(contains)} chars, want {lo}-{hi}")
            hits = [i for i, line in enumerate(corpus[doc], 1) if contains in line]
            if len(hits) != 1:
                problems.append(
                    f"{iwhere}: {contains!r} occurs in {len(hits)} lines of {doc} {hits[:5]}"
                )
                continue
            key = (doc, hits[0])
            if key in seen:
                problems.append(f"{iwhere}: paragraph {doc}:{hits[0]} listed twice")
            seen.add(key)
            docs_covered[doc] += 1
            n_judgements += 1

    if len(rows) < MIN_QUERIES:
        problems.append(f"{RELEVANCE.name}: {len(rows)} queries, want at least {MIN_QUERIES}")
    if types["synonym"] < MIN_SYNONYM_QUERIES:
        problems.append(
            f"{RELEVANCE.name}: {types['synonym']} synonym queries, want {MIN_SYNONYM_QUERIES}+"
        )
    for doc in corpus:
        if not docs_covered[doc]:
            problems.append(f"{RELEVANCE.name}: no relevant passage in {doc}")

    print(f"{RELEVANCE.name}: {len(rows)} queries, {n_judgements} relevant passages")
    print("  by type:    " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
    print("  by document: " + ", ".join(f"{d[:3]} {docs_covered[d]}" for d in sorted(corpus)))


# --------------------------------------------------------------------------- typos


def readings(ch: str) -> set[str]:
    """All readings of one character, tone as a trailing digit (5 = neutral)."""
    return set(pinyin(ch, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0])


def context_readings(term: str) -> list[str]:
    """Reading of each character of ``term`` as pypinyin reads the whole word."""
    return [r[0] for r in pinyin(term, style=Style.TONE3, neutral_tone_with_five=True)]


def toneless(syllable: str) -> str:
    return syllable.rstrip("012345")


def fuzzy(syllable: str) -> str:
    s = toneless(syllable)
    for long, short in FUZZY_INITIALS:
        if s.startswith(long):
            s = short + s[len(long) :]
            break
    for long, short in FUZZY_FINALS:
        if s.endswith(long):
            s = s[: -len(long)] + short
            break
    return s


def sound_match(intended: str, typed_char: str) -> str | None:
    """How ``typed_char`` can sound like the intended syllable: exact/toneless/fuzzy/None."""
    options = readings(typed_char)
    if intended in options:
        return "exact"
    if toneless(intended) in {toneless(o) for o in options}:
        return "toneless"
    if fuzzy(intended) in {fuzzy(o) for o in options}:
        return "fuzzy"
    return None


def is_single_edit(a: str, b: str) -> bool:
    """One character replaced, missing or added, or two characters swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) != 1:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def check_typos(corpus: dict[str, list[str]], problems: list[str]) -> None:
    rows = read_jsonl(TYPOS, problems)
    full_text = "\n".join("\n".join(lines) for lines in corpus.values())
    kinds: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    typos_seen: set[str] = set()
    for lineno, obj in rows:
        where = f"{TYPOS.name}:{lineno}"
        errs = check_keys(where, obj, {"typo", "expected", "kind"}, set())
        problems.extend(errs)
        if errs:
            continue
        typo, expected, kind = obj["typo"], obj["expected"], obj["kind"]
        if not all(isinstance(v, str) for v in (typo, expected, kind)):
            problems.append(f"{where}: typo, expected and kind must be strings")
            continue
        where = f"{TYPOS.name}:{lineno} ({typo}->{expected})"
        if kind not in TYPO_KINDS:
            problems.append(f"{where}: unknown kind {kind!r}")
            continue
        kinds[kind] += 1
        uses[expected] += 1
        if typo in typos_seen:
            problems.append(f"{where}: duplicate typo")
        typos_seen.add(typo)
        lo, hi = EXPECTED_LEN
        if not lo <= len(expected) <= hi:
            problems.append(f"{where}: expected has {len(expected)} chars, want {lo}-{hi}")
        if not CJK.match(expected) or not CJK.match(typo):
            problems.append(f"{where}: typo and expected must be Chinese characters only")
            continue
        if expected not in full_text:
            problems.append(f"{where}: expected term does not occur in the corpus")
        if typo in full_text:
            problems.append(f"{where}: typo occurs in the corpus")
        if typo == expected:
            problems.append(f"{where}: typo equals expected")
            continue

        same_toneless = len(typo) == len(expected) and lazy_pinyin(typo) == lazy_pinyin(expected)
        if kind == "slip":
            if not is_single_edit(expected, typo):
                problems.append(f"{where}: slip must be a one-character edit or a swap")
            if same_toneless:
                problems.append(f"{where}: slip is really a homophone")
            elif len(typo) == len(expected):
                intended = context_readings(expected)
                diff = [i for i in range(len(typo)) if typo[i] != expected[i]]
                if all(sound_match(intended[i], typo[i]) for i in diff):
                    problems.append(f"{where}: slip sounds like expected; use near_homophone")
            continue

        if len(typo) != len(expected):
            problems.append(f"{where}: {kind} must have the same length as expected")
            continue
        intended = context_readings(expected)
        matches = [
            sound_match(intended[i], typo[i])
            for i in range(len(expected))
            if typo[i] != expected[i]
        ]
        if kind == "homophone":
            if any(m != "exact" for m in matches):
                problems.append(
                    f"{where}: not a homophone: {' '.join(intended)} vs "
                    f"{' '.join(lazy_pinyin(typo, style=Style.TONE3))}"
                )
        elif None in matches or all(m == "exact" for m in matches):
            problems.append(
                f"{where}: not a near-homophone ({matches}): {' '.join(intended)} vs "
                f"{' '.join(lazy_pinyin(typo, style=Style.TONE3))}"
            )

    total = sum(kinds.values())
    if total < MIN_TYPOS:
        problems.append(f"{TYPOS.name}: {total} typos, want at least {MIN_TYPOS}")
    if total:
        share = kinds["homophone"] / total
        lo, hi = HOMOPHONE_SHARE
        if not lo <= share <= hi:
            problems.append(f"{TYPOS.name}: homophones are {share:.0%} of all, want about 2/3")
    for term, n in uses.items():
        if n > MAX_USES_PER_EXPECTED:
            problems.append(f"{TYPOS.name}: expected {term!r} used {n} times")

    print(f"{TYPOS.name}: {total} typos for {len(uses)} distinct terms")
    print("  by kind:    " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))


def main() -> int:
    problems: list[str] = []
    corpus = load_corpus()
    if not corpus:
        print(f"no corpus files in {CORPUS_DIR}", file=sys.stderr)
        return 1
    check_relevance(corpus, problems)
    check_typos(corpus, problems)
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
