"""Bigram signatures (bot.search.bigrams): a passage that holds a text is never ruled out."""

from __future__ import annotations

import random

import numpy as np

from bot.search import bigrams


def _signed(texts: list[str]):
    """A may_hold over the signatures of ``texts``: (pids, needle) → bool array."""
    words, sigs = bigrams.signatures(texts)
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(words, out=offsets[1:])
    masks = (words * 64 - 1).astype(np.uint64)
    return lambda pids, needle, known=(): bigrams.may_hold(
        sigs, masks, offsets, pids, bigrams.needle_hashes(needle.encode(), known)
    )


def test_needle_hashes_are_the_build_hashes() -> None:
    codes = np.array([ord(c) for c in "文化旅游"], dtype=np.uint64)
    built = np.unique(np.concatenate(bigrams._hashes(codes[:-1], codes[1:])))
    assert np.array_equal(np.unique(bigrams.needle_hashes("文化旅游".encode())), built)
    # the bigrams inside known words are left out: 化旅 decides
    assert bigrams.needle_hashes("文化旅游".encode(), ("文化", "旅游")).shape == (1, 2)


def test_never_rules_out_a_passage_holding_the_text() -> None:
    rng = random.Random(7)
    alphabet = "发展经济文化旅游产业链环境品质建设推进ab1%，。"
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 300))) for _ in range(200)]
    may_hold = _signed(texts)
    pids = np.arange(len(texts))
    for _ in range(300):
        source = texts[rng.randrange(len(texts))]
        if len(source) < 2:
            continue
        start = rng.randrange(len(source) - 1)
        needle = source[start : start + rng.randint(2, 6)]
        maybe = may_hold(pids, needle)
        assert (may_hold(pids, needle, (needle[:2],)) >= maybe).all()
        held = np.array([needle in t for t in texts])
        assert not (held & ~maybe).any()


def test_rules_out_most_passages_lacking_a_bigram() -> None:
    texts = ["文化旅游产业发展", "文化建设和旅游发展", "环境品质提升"] * 50
    maybe = _signed(texts)(np.arange(len(texts)), "文化旅游")
    assert maybe[0::3].all()
    assert not maybe[1::3].any() and not maybe[2::3].any()


def test_bigrams_do_not_straddle_passages() -> None:
    maybe = _signed(["甲乙", "丙丁"])(np.arange(2), "乙丙")
    assert not maybe.any()


def test_single_characters_and_empty_passages_pass() -> None:
    maybe = _signed(["", "甲"])(np.arange(2), "甲")
    assert maybe.all()


def test_chunks_sign_as_one_go(monkeypatch) -> None:
    rng = random.Random(3)
    texts = ["".join(rng.choices("发展经济文化旅游ab", k=rng.randint(0, 90))) for _ in range(60)]
    whole = bigrams.signatures(texts)
    monkeypatch.setattr(bigrams, "CHUNK_CHARS", 100)
    chunked = bigrams.signatures(texts)
    assert np.array_equal(whole[0], chunked[0]) and np.array_equal(whole[1], chunked[1])
    assert bigrams.signatures([])[0].size == 0
