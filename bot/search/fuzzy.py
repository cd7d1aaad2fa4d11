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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.text.tokenize import is_cjk_word

LEXICON_FILE = "lexicon.json"
MIN_LEN, MAX_LEN = 2, 12

# Pairs an IME user commonly confuses; mapping both sides to one form makes them equal.
_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))
_FINALS = (("iang", "ian"), ("uang", "uan"), ("ang", "an"), ("eng", "en"), ("ing", "in"))


def syllables(word: str) -> list[str]:
    """Toneless pinyin syllables of ``word`` (non-Chinese characters kept as they are)."""
    from pypinyin import lazy_pinyin

    return lazy_pinyin(word, errors=lambda chars: list(chars))


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


def similarity(query: str, candidate: str, q_syl: Sequence[str], c_syl: Sequence[str]) -> float:
    """0–100: how likely ``candidate`` is what was meant by ``query``."""
    # OSA distance counts a swap of neighbours (专特精新 for 专精特新) as one edit.
    chars = max(fuzz.ratio(query, candidate) / 100, OSA.normalized_similarity(query, candidate))
    exact = OSA.normalized_similarity(list(q_syl), list(c_syl))
    loose = OSA.normalized_similarity(
        [fuzzy_syllable(s) for s in q_syl], [fuzzy_syllable(s) for s in c_syl]
    )
    return 100 * max(0.55 * exact + 0.45 * chars, 0.5 * loose + 0.4 * chars)


@dataclass(frozen=True)
class Candidate:
    term: str
    score: float
    df: int


class Lexicon:
    """Vocabulary terms worth correcting to, bucketed by length, with their pinyin."""

    def __init__(self, terms: list[str], pinyin: list[str], df: list[int]) -> None:
        self.terms = terms
        self.pinyin = pinyin
        self.df = df
        self._by_len: dict[int, list[int]] = {}
        for i, t in enumerate(terms):
            self._by_len.setdefault(len(t), []).append(i)
        self._bucket_cache: dict[int, tuple[list[int], list[str], list[str]]] = {}

    @classmethod
    def load(cls, compiled_dir: Path) -> Lexicon:
        data = json.loads((compiled_dir / LEXICON_FILE).read_text(encoding="utf-8"))
        return cls(data["terms"], data["pinyin"], data["df"])

    def _bucket(self, lo: int, hi: int) -> tuple[list[int], list[str], list[str]]:
        key = lo * 100 + hi
        cached = self._bucket_cache.get(key)
        if cached is None:
            ids = [i for n in range(lo, hi + 1) for i in self._by_len.get(n, ())]
            cached = (ids, [self.terms[i] for i in ids], [self.pinyin[i] for i in ids])
            self._bucket_cache[key] = cached
        return cached

    def candidates(self, word: str, *, limit: int = 5, min_score: float = 0) -> list[Candidate]:
        """Best vocabulary terms for ``word``, most likely first."""
        if not word:
            return []
        n = len(word)
        ids, terms, pys = self._bucket(max(MIN_LEN, n - 1), min(MAX_LEN, n + 1))
        if not ids:
            return []
        q_syl = syllables(word)
        q_py = " ".join(q_syl)
        picked: set[int] = set()
        for _, _, j in process.extract(q_py, pys, scorer=fuzz.ratio, limit=40):
            picked.add(j)
        for _, _, j in process.extract(word, terms, scorer=fuzz.ratio, limit=40):
            picked.add(j)
        out: list[Candidate] = []
        for j in picked:
            term = terms[j]
            if term == word:
                continue
            score = similarity(word, term, q_syl, pys[j].split(" "))
            if score >= min_score:
                out.append(Candidate(term, score, self.df[ids[j]]))
        # Among equally good candidates the more frequent term is the likelier intent.
        out.sort(key=lambda c: (-round(c.score, 1), -math.log1p(c.df), c.term))
        return out[:limit]


def build_lexicon(compiled_dir: Path, *, cache_path: Path | None = None) -> None:
    """Write the lexicon (index terms and multi-word phrases) of a compiled index.

    Pinyin is cached across builds, so adding a document only converts new terms.
    """
    from bot.search.index import PHRASES_FILE, CompiledIndex

    index = CompiledIndex.open(compiled_dir)
    cache: dict[str, str] = {}
    if cache_path and cache_path.exists():
        try:
            cache = json.loads(cache_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            cache = {}
    phrases: dict[str, int] = json.loads((compiled_dir / PHRASES_FILE).read_text("utf-8"))
    entries = [(t, index.df(i)) for i, t in enumerate(index.vocab)]
    entries += list(phrases.items())
    terms, pinyin, dfs = [], [], []
    for term, df in entries:
        if not (MIN_LEN <= len(term) <= MAX_LEN and is_cjk_word(term)):
            continue
        py = cache.get(term)
        if py is None:
            py = cache[term] = " ".join(syllables(term))
        terms.append(term)
        pinyin.append(py)
        dfs.append(df)
    payload = {"terms": terms, "pinyin": pinyin, "df": dfs}
    (compiled_dir / LEXICON_FILE).write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    if cache_path:
        tmp = cache_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
        tmp.replace(cache_path)
