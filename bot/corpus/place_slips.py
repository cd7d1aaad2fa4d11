"""A place's English or pinyin name typed with a slip (Guangzou, Sichaun): the places meant.

What a command that found nothing says, so that a reader learns the place was misspelt,
not absent (:func:`places_sounding_like`). Split out of :mod:`bot.corpus.gazetteer`, which
re-exports it; it reads the tables of :mod:`bot.corpus.latin_readings`.
"""

from __future__ import annotations

from functools import lru_cache

from bot.corpus.latin_readings import LATIN_WORD_RE as _LATIN_WORD_RE
from bot.corpus.latin_readings import POSSESSIVE_RE as _POSSESSIVE_RE
from bot.corpus.latin_readings import (
    ambiguous_latin_names,
    county_latin_names,
    latin_names,
    latin_places,
)

# Pinyin slips a reader makes typing a place's name: zh/ch/sh typed as z/c/s (and the
# reverse), ng as n (Guangzou, Chonqing, Shenzen are 广州, 重庆, 深圳)
_SLIP_FOLDS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("ng", "n"))
# A slip of one letter more (a letter left out, doubled or two swapped: Sichaun) is
# read only in names this long, where one letter leaves the name recognisable
_SLIP_MIN_LETTERS = 6
PLACES_LIKE_SHOWN = 3


def _folded(word: str) -> str:
    for long, short in _SLIP_FOLDS:
        word = word.replace(long, short)
    return word


@lru_cache(maxsize=1)
def _folded_names() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    counties = county_latin_names()
    for key in latin_names():
        if key not in counties:
            out.setdefault(_folded(key), []).append(key)
    return out


def places_sounding_like(text: str) -> list[tuple[str, str]]:
    """The places a Latin word of ``text`` that names none may be a slip for, as
    ``(Chinese short name, pinyin name)``: ``Guangzou`` -> 广州 (Guangzhou), ``Sichaun``
    -> 四川: the same letters but for zh/ch/sh/ng written short or long, or, in a word of
    six letters or more so read, one letter apart. What a command that found nothing says, so
    that a reader learns the place was misspelt, not absent. At most
    :data:`PLACES_LIKE_SHOWN`; ``[]`` when every word is a place or nothing is close."""
    from rapidfuzz.distance import OSA  # the project's fuzzy matcher; loaded when asked

    from bot.text.english import glossary_words, singular

    names, shared = latin_names(), ambiguous_latin_names()
    english = glossary_words()  # shipping is a word typed right, not a slip for Siping
    found: dict[str, str] = {}
    for m in _LATIN_WORD_RE.finditer(text):
        word = _POSSESSIVE_RE.sub("", m.group()).lower()
        if len(word) < 4 or word in names or word in shared or latin_places(m.group()):
            continue  # a place, or a name two places share (said by AmbiguousPlace)
        if word in english or singular(word) in english:
            continue
        folded = _folded(word)
        keys = list(_folded_names().get(folded, ()))
        if not keys and len(folded) >= _SLIP_MIN_LETTERS:
            keys = [
                key
                for near, held in _folded_names().items()
                if abs(len(near) - len(folded)) <= 1
                and len(near) >= _SLIP_MIN_LETTERS - 1
                and OSA.distance(near, folded, score_cutoff=1) <= 1
                for key in held
            ]
        for key in sorted(keys):
            found.setdefault(names[key][0], key.capitalize())
    return list(found.items())[:PLACES_LIKE_SHOWN]
