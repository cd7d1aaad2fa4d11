"""Words of jieba's dictionary by their part-of-speech tag: plain verbs and the like.

Below both the naming package and the paragraph frames (``frames``), which ask the same
question of a name (does it end in a verb?), so neither has to import the other for it.
"""

from __future__ import annotations

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
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    out: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and parts[2] == tag and 1 < len(parts[0]) <= 4:
                out.add(parts[0])
    return frozenset(out)
