"""Words of jieba's dictionary by their part-of-speech tag: plain verbs and the like.

Below both the naming package and the paragraph frames (``frames``), which ask the same
question of a name (does it end in a verb?), so neither has to import the other for it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


def is_verb(word: str) -> bool:
    """A plain verb, or two of them run together (统筹安排, 集中推广)."""
    verbs = plain_verbs()
    return word in verbs or (len(word) == 4 and word[:2] in verbs and word[2:] in verbs)


@lru_cache(maxsize=1)
def plain_verbs() -> frozenset[str]:
    """Words jieba's dictionary tags as plain verbs (``v``): 推广, 访问, 统筹, 入驻 ….

    A name that starts or ends with one is a verb phrase. Verbal nouns (``vn``: 运营,
    治理) are not in it: they head names (污水治理率).
    """
    return dict_words("v")


def is_two_char_word(word: str) -> bool:
    """Whether ``word`` is a two-character word of jieba's dictionary (存款, 出口): the
    segmenter's own bounds join any two unknown characters (量术) into one word."""
    return word in _two_char_words()


@lru_cache(maxsize=1)
def _two_char_words() -> frozenset[str]:
    return frozenset(re.findall(r"^(\S{2})[ \t]", _dict_text(), re.MULTILINE))


@lru_cache(maxsize=1)
def one_character_verbs() -> frozenset[str]:
    """Characters jieba's dictionary tags as plain verbs alone (打, 修, 栽): a report's
    ``新打机井``, ``新修道路`` put 新 before one."""
    line = re.compile(r"^(\S)[ \t]+\S+[ \t]+v[ \t]*$", re.MULTILINE)
    return frozenset(line.findall(_dict_text()))


# the tags the naming passes and frames ask for, read in one scan of the dictionary
_COMMON_TAGS = ("v", "a", "d", "ad", "vd", "ns")


@lru_cache(maxsize=16)
def dict_words(tag: str) -> frozenset[str]:
    """The words of two to four characters jieba's dictionary tags ``tag``."""
    if tag in _COMMON_TAGS:
        return _common_words()[tag]
    return _scan(_dict_text(), (tag,))[tag]


@lru_cache(maxsize=1)
def _common_words() -> dict[str, frozenset[str]]:
    # one regex scan in C for all six instead of splitting the dictionary's 350,000 lines
    # in Python once a tag: that took about a second of a cold first pass
    return _scan(_dict_text(), _COMMON_TAGS)


def _scan(text: str, tags: tuple[str, ...]) -> dict[str, frozenset[str]]:
    alternatives = "|".join(map(re.escape, tags))
    line = re.compile(rf"^(\S{{2,4}})[ \t]+\S+[ \t]+({alternatives})[ \t]*$", re.MULTILINE)
    out: dict[str, set[str]] = {tag: set() for tag in tags}
    for word, tag in line.findall(text):
        out[tag].add(word)
    return {tag: frozenset(words) for tag, words in out.items()}


def release() -> None:
    """Forget the word sets until they are asked again.

    Once every tag the extractor asks for is read they hold ~30 MB (about 290,000 short
    strings and their tables), for the process's lifetime. An index build calls this when
    its documents' key targets are extracted: the compile after it peaks above what the
    extraction left, and reading the sets again costs under a second of the next
    extraction."""
    for cached in (plain_verbs, _two_char_words, one_character_verbs, dict_words, _common_words):
        cached.cache_clear()


def _dict_text() -> str:
    # not cached: the text would stay in memory (about 10 MB) for the bot's lifetime
    import jieba

    return Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8")
