"""The typo scorer's sound alignment: the fast paths (rapidfuzz's OSA when every character
has one reading, the memo) give exactly the figure of the plain recurrence."""

from __future__ import annotations

import random

from bot.search import fuzzy
from bot.text.pinyin import readings


def reference_similarity(query: str, candidate: str) -> float:
    """The scorer as first written: the recurrence over every pair, nothing cached."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    def sets(text: str, loose: bool) -> list[tuple[str, frozenset[str]]]:
        out = []
        for ch in text:
            rs = readings(ch)
            if loose:
                rs = tuple(fuzzy.fuzzy_syllable(r) for r in rs)
            out.append((rs[0], frozenset(rs)))
        return out

    def cost(x, y) -> float:
        if x[0] == y[0]:
            return 0.0
        return fuzzy.SECONDARY_READING_COST if x[1] & y[1] else 1.0

    def osa(a, b) -> float:
        n, m = len(a), len(b)
        if not n or not m:
            return 0.0
        d = [
            [float(i + j) if i == 0 or j == 0 else 0.0 for j in range(m + 1)] for i in range(n + 1)
        ]
        for i in range(1, n + 1):
            for j in range(1, m + 1):
                best = min(
                    d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost(a[i - 1], b[j - 1])
                )
                if (
                    i > 1
                    and j > 1
                    and cost(a[i - 1], b[j - 2]) == 0
                    and cost(a[i - 2], b[j - 1]) == 0
                ):
                    best = min(best, d[i - 2][j - 2] + 1)
                d[i][j] = best
        return 1.0 - d[n][m] / max(n, m)

    chars = max(fuzz.ratio(query, candidate) / 100, OSA.normalized_similarity(query, candidate))
    exact = osa(sets(query, False), sets(candidate, False))
    loose = osa(sets(query, True), sets(candidate, True))
    return 100 * max(0.55 * exact + 0.45 * chars, 0.5 * loose + 0.4 * chars)


# invented words: single-reading characters, polyphones (行 长 重 发 还), IME slips
WORDS = [
    "乡村振兴",
    "乡村振星",
    "银行",
    "银杭",
    "就业",
    "就叶",
    "经济",
    "经纪",
    "长江",
    "常江",
    "重点",
    "众点",
    "发展",
    "法展",
    "还款",
    "环款",
    "行业",
    "航业",
    "新旧动能转换",
    "新旧动转换",
    "财政赤字",
    "财正赤字",
    "旅游",
    "旅有",
    "水利",
    "水里",
    "数字政府",
    "数字正府",
    "ab",
    "ba",
]


def test_the_fast_paths_give_the_recurrences_figure():
    rng = random.Random(11)
    pairs = [(a, b) for a in WORDS for b in WORDS]
    chars = "".join(WORDS)
    for _ in range(400):  # slips made at random: a character changed, two swapped
        word = list(rng.choice(WORDS))
        word[rng.randrange(len(word))] = rng.choice(chars)
        if len(word) > 1:
            k = rng.randrange(len(word) - 1)
            word[k], word[k + 1] = word[k + 1], word[k]
        pairs.append((rng.choice(WORDS), "".join(word)))
    fuzzy.similarity.cache_clear()
    for a, b in pairs:
        assert fuzzy.similarity(a, b) == reference_similarity(a, b), (a, b)
    # asked again, from the memo: the same
    for a, b in pairs[:50]:
        assert fuzzy.similarity(a, b) == reference_similarity(a, b), (a, b)


def test_both_paths_are_taken():
    # no reading shared as a secondary one: rapidfuzz's OSA, a polyphone (行) included;
    # 杭 háng is 行's secondary reading: the recurrence
    assert fuzzy._unit_costs("水利", "旅游", False)
    assert fuzzy._unit_costs("银行", "就业", False)
    assert not fuzzy._unit_costs("银行", "银杭", False)
    assert not fuzzy._unit_costs("银杭", "银行", True)
    assert fuzzy.similarity("旅有", "旅游") > fuzzy.similarity("旅有", "水利")
    assert fuzzy.similarity("银杭", "银行") > fuzzy.similarity("银杭", "就业")


def test_an_empty_word_is_not_similar():
    assert fuzzy._sound_similarity("", "银行", False) == 0.0
    assert fuzzy._sound_similarity("旅游", "", True) == 0.0
