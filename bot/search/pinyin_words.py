"""Topic words typed in pinyin (``chengdu jingji``, ``jiuye``) read as the index's terms.

A reader without a Chinese keyboard types the sound of a word, toneless and joined:
``jingji`` is 经济, ``jiuye`` 就业. Only the index's frequent terms of two to four
characters are read so (their every reading, polyphones included: 银行 is ``yinhang``),
and a Latin word only when it is one of them whole: a single syllable never is (``man``,
``long``, ``fan``, ``hang`` are English words first; ``yuan`` one character's sound), nor a
pronoun (``women`` would be 我们). An English word that is also the pinyin of a frequent
term is read as that term; English topic words are read by the glossary first
(:mod:`bot.text.english`).
"""

from __future__ import annotations

import itertools
import re

import numpy as np

from bot.search.index import CompiledIndex
from bot.text.pinyin import readings, syllables

# How many of the index's terms are read: the most frequent, by passages holding them
FREQUENT_TERMS = 3000
MIN_DF = 3
# At most this many readings of one term (a term of four polyphones has dozens)
_MAX_READINGS = 8
_TERM_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")
# A Latin word, lower-case letters only as pinyin is typed (Jingji, JINGJI too)
_WORD_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{4,}(?![A-Za-z0-9])")


def pinyin_terms(index: CompiledIndex) -> dict[str, str]:
    """Joined toneless pinyin -> the index's most frequent term read so."""
    if not index.vocab:
        return {}
    df = np.diff(np.asarray(index.offsets))
    order = np.argsort(-df, kind="stable")
    out: dict[str, tuple[int, str]] = {}
    taken = 0
    for term_id in order.tolist():
        count = int(df[term_id])
        if count < MIN_DF or taken >= FREQUENT_TERMS:
            break
        term = index.vocab[term_id]
        # pronouns (我们 reads women) are never a topic
        if not _TERM_RE.fullmatch(term) or term.endswith("们"):
            continue
        taken += 1
        choices = [readings(ch) for ch in term]
        for combo in itertools.islice(itertools.product(*choices), _MAX_READINGS):
            key = "".join(combo)
            if key.isascii() and (key not in out or out[key][0] < count):
                out[key] = (count, term)
    # a key that is also one syllable (yuan: 预案 is yu·an) is the sound of one
    # character, which a reader more likely means (元)
    single = syllables()
    return {key: term for key, (_, term) in out.items() if key not in single}


def may_hold_pinyin(text: str) -> bool:
    """Whether ``text`` has a Latin word long enough to be two syllables (a query of
    Chinese only never builds the table)."""
    return _WORD_RE.search(text) is not None


def with_pinyin_terms(text: str, terms: dict[str, str]) -> str:
    """``text`` with each Latin word that is the joined pinyin of a frequent term written
    as that term (``chengdu jingji`` -> 成都 经济 when both are frequent terms)."""
    if not terms:
        return text
    return _WORD_RE.sub(lambda m: terms.get(m.group().lower(), m.group()), text)
