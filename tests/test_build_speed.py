"""The index build's fast paths give what the plain ones gave (issue: build / floor)."""

from __future__ import annotations

import random
import re

from bot.text import normalize as nz
from bot.text import tokenize as tk
from bot.text.han import HAN_CLASS


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
    cjk = re.compile(f"^[{HAN_CLASS}]+$")
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


def _old_mentions(g, text):
    """Gazetteer.mentions as it was: a Python step per character."""
    from bot.corpus.gazetteer import _SUFFIX_RE, Mention

    end = 0
    for i in range(len(text) - 1):
        if i < end or text[i : i + 2] not in g._name_starts:
            continue
        for size in range(min(g._longest, len(text) - i), 1, -1):
            name = text[i : i + size]
            if name in g._names:
                end = i + size
                places = g._by_short[name]
                suffixed = name != places[0].short or bool(_SUFFIX_RE.match(text, end))
                yield Mention(places[0], i, end, suffixed)
                break


def test_gazetteer_mentions_equal_the_per_character_loop():
    from bot.corpus.gazetteer import default_gazetteer

    g = default_gazetteer()
    rng = random.Random(11)
    names = sorted(g._names)
    for n in (0, 1, 2, 50, 255, 256, 257, 3000):
        for _ in range(4):
            parts = []
            while sum(map(len, parts)) < n:
                r = rng.random()
                if r < 0.3:
                    parts.append(rng.choice(names))
                elif r < 0.4:
                    parts.append(rng.choice(["市", "省", "县", "区", "𠀀", "\ud800", "\n"]))
                else:
                    parts.append(_random_text(rng, rng.randint(1, 6)))
            text = "".join(parts)[:n]
            assert list(g.mentions(text)) == list(_old_mentions(g, text))


def test_fold_figures_and_digits_long_texts_equal_translate():
    from bot.corpus.opening import FULLWIDTH_DIGITS, fold_digits

    rng = random.Random(5)
    extra = "０１２３４５６７８９％．ＧＤＰａｂｃ５．５"
    for n in (10, 127, 128, 300, 4000):
        for k in range(6):
            text = _random_text(rng, n)
            if k % 2:
                text = "".join(c if rng.random() > 0.2 else rng.choice(extra) for c in text)
            table_result = nz._DECIMAL_POINT_RE.sub(".", text.translate(nz._FIGURE_WIDTH))
            folded = nz.fold_figures(text)
            assert folded == (table_result if nz._FULL_WIDTH_FIGURE_RE.search(text) else text)
            assert fold_digits(text) == text.translate(FULLWIDTH_DIGITS)


def test_empty_gazetteer_mentions_nothing():
    from bot.corpus.gazetteer import Gazetteer

    assert list(Gazetteer([]).mentions("北京市" * 200)) == []


def test_segment_document_equals_the_per_token_lists():
    """The postings of a document as the build made them before (ordinals listed per
    token, every text normalised with ``str.translate``)."""
    from array import array
    from pathlib import Path

    import numpy as np

    from bot.config import Settings
    from bot.corpus.loader import load_document
    from bot.search import segments as sg

    corpus = Path(__file__).parent / "data" / "real" / "docs"
    files = sorted(corpus.glob("*.txt"))[:3]
    assert files
    tok = tk.Tokenizer(Settings().user_dict_paths)
    table = nz.translation_table()
    for path in files:
        doc = load_document(path, corpus, max_bytes=50 << 20, passage_max_chars=600)
        vocab = sg._LocalVocab()
        tids, pords = array("I"), array("I")
        for p in doc.passages:
            terms = tok.terms(p.text.translate(table))
            tids.extend(map(vocab.__getitem__, terms))
            pords.extend([p.ordinal] * len(terms))
        keys = (np.frombuffer(pords, dtype=np.uint32).astype(np.uint64) << np.uint64(32)) | (
            np.frombuffer(tids, dtype=np.uint32).astype(np.uint64)
        )
        uniq, counts = np.unique(keys, return_counts=True)
        new = sg.segment_document(doc, tok)
        assert new.terms == list(vocab)
        assert np.array_equal(new.tid, (uniq & np.uint64(0xFFFFFFFF)).astype(np.uint32))
        assert np.array_equal(new.pord, (uniq >> np.uint64(32)).astype(np.uint32))
        assert np.array_equal(new.tf, np.minimum(counts, sg.MAX_TF).astype(np.uint16))
