"""Typo and homophone correction against the index vocabulary.

Most real typos in Chinese come from a pinyin input method: the right syllables,
the wrong character (乡村振兴 → 乡村振星). Edit distance on characters alone sees
one wrong character in four and cannot tell 乡村振兴 from 乡村建设, so candidates
are scored on pinyin syllables (exact and with common confusions such as zh/z,
in/ing, n/l merged) together with characters, which also catches one-character
slips that are not homophones (新旧动转换 → 新旧动能转换).
"""

from __future__ import annotations

import json
import math
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.search.budget import Budget
from bot.search.index import CompiledIndex
from bot.text.pinyin import first_syllables, readings
from bot.text.tokenize import is_cjk_word

LEXICON_FILE = "lexicon.json"
PREFILTER_LIMIT = 25
PINYIN_CUTOFF = 50
CHARS_CUTOFF = 40
MIN_LEN, MAX_LEN = 2, 12

# Pairs an IME user commonly confuses; mapping both sides to one form makes them equal.
_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))
_FINALS = (("iang", "ian"), ("uang", "uan"), ("ang", "an"), ("eng", "en"), ("ing", "in"))


@lru_cache(maxsize=4096)
def fuzzy_syllable(syl: str) -> str:
    for a, b in _INITIALS:
        if syl.startswith(a):
            syl = b + syl[len(a) :]
            break
    if syl.startswith("l"):
        syl = "n" + syl[1:]
    for a, b in _FINALS:
        if syl.endswith(a):
            syl = syl[: -len(a)] + b
            break
    return syl


ReadingSets = tuple[tuple[str, frozenset[str]], ...]


@lru_cache(maxsize=65536)
def _reading_sets(text: str, loose: bool) -> ReadingSets:
    """Per character: (most common reading, all readings), optionally loosened."""
    out = []
    for ch in text:
        rs = readings(ch)
        if loose:
            rs = tuple(fuzzy_syllable(r) for r in rs)
        out.append((rs[0], frozenset(rs)))
    return tuple(out)


@lru_cache(maxsize=65536)
def _primaries(text: str, loose: bool) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """``text``'s characters' most common readings, every reading of its characters, and
    the readings some character has only as a secondary one (for :func:`_unit_costs`)."""
    sets = _reading_sets(text, loose)
    every: frozenset[str] = frozenset().union(*(x[1] for x in sets))
    secondary: frozenset[str] = frozenset().union(*(x[1] - {x[0]} for x in sets))
    return tuple(x[0] for x in sets), every, secondary


def _unit_costs(a: str, b: str, loose: bool) -> bool:
    """Whether no character of ``a`` shares with one of ``b`` a reading that is secondary to
    either: then two characters cost 0 when their common readings agree and 1 otherwise,
    and the alignment below is plain OSA over the common readings, which rapidfuzz
    computes. (A reading shared and secondary to neither is both characters' common one.)"""
    _, a_every, a_secondary = _primaries(a, loose)
    _, b_every, b_secondary = _primaries(b, loose)
    return a_secondary.isdisjoint(b_every) and b_secondary.isdisjoint(a_every)


SECONDARY_READING_COST = 0.5


def _sound_cost(x: tuple[str, frozenset[str]], y: tuple[str, frozenset[str]]) -> float:
    # An IME lists a character under its common reading first: sharing only a rare
    # reading (省 xǐng for 星 xīng) is a weaker sign of a homophone typo.
    if x[0] == y[0]:
        return 0.0
    return SECONDARY_READING_COST if x[1] & y[1] else 1.0


def sounds_alike(a: str, b: str) -> bool:
    """Whether ``b`` could be ``a`` typed by its sound: as long, each character sharing a
    reading with the one it stands for, loosely (zh/z, in/ing, n/l merged)."""
    if len(a) != len(b):
        return False
    pairs = zip(_reading_sets(a, True), _reading_sets(b, True), strict=True)
    return all(x[1] & y[1] for x, y in pairs)


def _osa_similarity(a: ReadingSets, b: ReadingSets) -> float:
    """Optimal-string-alignment similarity (0–1) over syllables, with sound-based
    substitution costs; a swap of neighbours counts as one edit."""
    n, m = len(a), len(b)
    if not n or not m:
        return 0.0
    # each pair's cost once (the recurrence reads most of them three times)
    cost = [[_sound_cost(x, y) for y in b] for x in a]
    prev2: list[float] = []
    prev: list[float] = [float(j) for j in range(m + 1)]
    for i in range(1, n + 1):
        cur = [float(i)] + [0.0] * m
        row = cost[i - 1]
        for j in range(1, m + 1):
            best = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + row[j - 1])
            if i > 1 and j > 1 and row[j - 2] == 0 and cost[i - 2][j - 1] == 0:
                best = min(best, prev2[j - 2] + 1)
            cur[j] = best
        prev2, prev = prev, cur
    return 1.0 - prev[m] / max(n, m)


def _sound_similarity(query: str, candidate: str, loose: bool) -> float:
    """:func:`_osa_similarity` of the two texts' readings; in C when no pair of their
    characters shares only a secondary reading (:func:`_unit_costs`: the same figure)."""
    if not query or not candidate:
        return 0.0
    if _unit_costs(query, candidate, loose):
        qa, ca = _primaries(query, loose)[0], _primaries(candidate, loose)[0]
        return 1.0 - OSA.distance(qa, ca) / max(len(qa), len(ca))
    return _osa_similarity(_reading_sets(query, loose), _reading_sets(candidate, loose))


@lru_cache(maxsize=16384)  # a query's words meet the same candidates plan after plan
def similarity(query: str, candidate: str) -> float:
    """0–100: how likely ``candidate`` is what was meant by ``query``.

    Pinyin counts more than characters because most typos come from an IME; the
    loose variant merges sounds people confuse (zh/z, in/ing, n/l).
    """
    chars = max(fuzz.ratio(query, candidate) / 100, OSA.normalized_similarity(query, candidate))
    exact = _sound_similarity(query, candidate, False)
    loose = _sound_similarity(query, candidate, True)
    return 100 * max(0.55 * exact + 0.45 * chars, 0.5 * loose + 0.4 * chars)


@dataclass(frozen=True)
class Candidate:
    term: str
    score: float
    df: int

    @property
    def likelihood(self) -> float:
        """Similarity plus a prior for frequent terms (a noisy-channel ranking)."""
        return self.score + FREQUENCY_PRIOR * math.log1p(self.df)


FREQUENCY_PRIOR = 1.0


def _rank_key(c: Candidate) -> tuple[float, str]:
    return (-c.likelihood, c.term)


class Lexicon:
    """Vocabulary terms worth correcting to, bucketed by length, with their pinyin."""

    def __init__(
        self,
        terms: list[str],
        pinyin: list[str],
        df: list[int],
        commoner: dict[str, str] | None = None,
    ) -> None:
        self.terms = terms
        self.pinyin = pinyin
        self.df = df
        # a two-character term -> a sound-alike one the corpus writes far more often
        # (经纪 -> 经济; :func:`commoner_homophones`), worked out when the index was built
        self.commoner = commoner or {}
        self._by_len: dict[int, list[int]] = {}
        for i, t in enumerate(terms):
            self._by_len.setdefault(len(t), []).append(i)
        self._bucket_cache: dict[int, tuple[list[int], list[str], list[str]]] = {}

    @classmethod
    def load(cls, compiled_dir: Path) -> Lexicon:
        data = json.loads((compiled_dir / LEXICON_FILE).read_text(encoding="utf-8"))
        # (a lexicon built before the commoner homophones were stored has none)
        return cls(data["terms"], data["pinyin"], data["df"], data.get("commoner"))

    def prepare(self) -> None:
        """Load what the first correction would: pypinyin's reading table (~15 ms, once
        a process) and the length buckets a typed word of 2–5 characters searches. Done
        when a searcher is made, so that no query pays for it."""
        first_syllables("中")
        for n in range(MIN_LEN, 6):
            self._bucket(max(MIN_LEN, n - 1), min(MAX_LEN, n + 1))

    def _bucket(self, lo: int, hi: int) -> tuple[list[int], list[str], list[str]]:
        key = lo * 100 + hi
        cached = self._bucket_cache.get(key)
        if cached is None:
            ids = [i for n in range(lo, hi + 1) for i in self._by_len.get(n, ())]
            cached = (ids, [self.terms[i] for i in ids], [self.pinyin[i] for i in ids])
            self._bucket_cache[key] = cached
        return cached

    def candidates(
        self, word: str, *, limit: int = 5, min_score: float = 0, budget: Budget | None = None
    ) -> list[Candidate]:
        """Best vocabulary terms for ``word``, most likely first.

        Each candidate scored costs one of ``budget``'s ``scored``; none are scored (and
        nothing is returned) when the budget cannot pay for all of them."""
        if not word:
            return []
        n = len(word)
        ids, terms, pys = self._bucket(max(MIN_LEN, n - 1), min(MAX_LEN, n + 1))
        if not ids:
            return []
        q_py = " ".join(first_syllables(word))
        picked: set[int] = set()
        # Prefilters run in C with cutoffs well below what a final score of
        # min_score needs, so only hopeless candidates are skipped.
        for _, _, j in process.extract(
            q_py, pys, scorer=fuzz.ratio, limit=PREFILTER_LIMIT, score_cutoff=PINYIN_CUTOFF
        ):
            picked.add(j)
        for _, _, j in process.extract(
            word, terms, scorer=fuzz.ratio, limit=PREFILTER_LIMIT, score_cutoff=CHARS_CUTOFF
        ):
            picked.add(j)
        if budget is not None and not budget.take("scored", len(picked)):
            return []
        out: list[Candidate] = []
        for j in picked:
            term = terms[j]
            if term == word:
                continue
            score = similarity(word, term)
            if score >= min_score:
                out.append(Candidate(term, score, self.df[ids[j]]))
        out.sort(key=_rank_key)
        return out[:limit]


def build_lexicon(compiled_dir: Path) -> None:
    """Write the lexicon (CJK index terms with pinyin and df) of a compiled index."""
    index = CompiledIndex.open(compiled_dir)
    terms, dfs = [], []
    for tid, term in enumerate(index.vocab):
        if MIN_LEN <= len(term) <= MAX_LEN and is_cjk_word(term):
            terms.append(term)
            dfs.append(index.df(tid))
    pinyin = [" ".join(first_syllables(t)) for t in terms]
    commoner = commoner_homophones(terms, pinyin, dfs, index.inside_terms)
    payload = {"terms": terms, "pinyin": pinyin, "df": dfs, "commoner": commoner}
    (compiled_dir / LEXICON_FILE).write_text(json.dumps(payload, ensure_ascii=False), "utf-8")


# How many times as many passages a sound-alike word must be written in to be taken as
# what a two-character term was typed for (经济 in 497 passages, 经纪 in 7).
COMMONER_RATIO = 10
COMMONER_MIN_DF = 20


def commoner_homophones(
    terms: list[str], pinyin: list[str], df: list[int], inside: AbstractSet[str]
) -> dict[str, str]:
    """Two-character terms -> the term of the same sound (common readings, toneless; else
    loosely, zh/z, in/ing, n/l merged) the corpus writes in at least
    :data:`COMMONER_RATIO` times as many passages (and :data:`COMMONER_MIN_DF`), and never
    only inside longer words: what an IME user most likely meant by a rare word (经纪 ->
    经济). Worked out when the lexicon is built, so that a query looks it up."""
    out: dict[str, str] = {}
    for loose in (False, True):
        best: dict[str, int] = {}  # a sound -> the commonest term of it
        keys: dict[int, str] = {}
        for i, (term, py) in enumerate(zip(terms, pinyin, strict=True)):
            if len(term) != 2 or term in out:
                continue
            key = " ".join(fuzzy_syllable(s) for s in py.split()) if loose else py
            keys[i] = key
            if term not in inside and (key not in best or df[i] > df[best[key]]):
                best[key] = i
        for i, key in keys.items():
            j = best.get(key, i)
            if j != i and df[j] >= max(COMMONER_MIN_DF, COMMONER_RATIO * df[i]):
                out[terms[i]] = terms[j]
    return out


def rank_candidates(
    word: str,
    candidates: dict[str, int],
    *,
    limit: int,
    min_score: float,
    budget: Budget | None = None,
) -> list[Candidate]:
    """Score explicit candidates (term -> frequency) for ``word``, best first; each
    costs one of ``budget``'s ``scored`` (none are scored if it cannot pay for all)."""
    fit = [
        (term, df)
        for term, df in candidates.items()
        if term != word and abs(len(term) - len(word)) <= 1
    ]
    if budget is not None and not budget.take("scored", len(fit)):
        return []
    out = []
    for term, df in fit:
        score = similarity(word, term)
        if score >= min_score:
            out.append(Candidate(term, score, df))
    out.sort(key=_rank_key)
    return out[:limit]
