"""The index build's fast paths give what the plain ones gave (issue: build / floor)."""

from __future__ import annotations

import random
import re

from bot.text import normalize as nz
from bot.text import tokenize as tk


def _random_text(rng: random.Random, n: int) -> str:
    keys = list(nz.translation_table())
    pools = [
        keys,
        [chr(c) for c in range(0x20, 0x7F)],
        [chr(c) for c in range(0x4E00, 0x4E00 + 2000)],
        ["𠀀", "𪚥", "\U0001f600", "\ud800", "\udfff", "\n", "\t", "\u3000"],
    ]
    out = []
    for _ in range(n):
        pool = rng.choice(pools)
        c = rng.choice(pool)
        out.append(chr(c) if isinstance(c, int) else c)
    return "".join(out)


def test_normalize_array_path_equals_translate():
    rng = random.Random(7)
    table = nz.translation_table()
    for n in (0, 1, 5, 127, 128, 129, 500, 5000):
        for _ in range(5):
            text = _random_text(rng, n)
            assert nz.normalize(text) == text.translate(table)
            assert nz._normalize_array(text) == text.translate(table)
    every_key = "".join(map(chr, table)) * 2
    assert nz.normalize(every_key) == every_key.translate(table)


def _old_cjk_terms(tokens):
    cjk = re.compile(f"^[{tk._CJK}]+$")
    return [t for t in tokens if t not in tk.STOPWORDS and cjk.match(t)]


def test_cjk_terms_filter_equals_the_loop():
    rng = random.Random(3)
    tokens = [_random_text(rng, rng.randint(1, 4)) for _ in range(3000)]
    tokens += ["的", "发展", "GDP", "5.5", "经济发展", "", " ", "了", "中国a"]
    rng.shuffle(tokens)
    assert list(tk.cjk_terms(tokens)) == _old_cjk_terms(tokens)
    assert list(tk.cjk_terms(tokens)) == _old_cjk_terms(tokens)  # memo warm


def test_expand_user_words_without_user_words_is_unchanged():
    tok = tk.Tokenizer()
    tokens = ["推进", "高质量", "发展"]
    assert tok.expand_user_words(iter(tokens)) == tokens
