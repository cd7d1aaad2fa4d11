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


@lru_cache(maxsize=16)
def dict_words(tag: str) -> frozenset[str]:
    """The words of two to four characters jieba's dictionary tags ``tag``."""
    # one regex scan of the text in C instead of splitting its 350,000 lines in Python
    # once a tag: the five tags of a cold first pass took about a second that way
    line = re.compile(rf"^(\S{{2,4}})[ \t]+\S+[ \t]+{re.escape(tag)}[ \t]*$", re.MULTILINE)
    return frozenset(line.findall(_dict_text()))


@lru_cache(maxsize=1)
def _dict_text() -> str:
    import jieba

    return Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8")
