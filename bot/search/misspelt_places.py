"""A province or a region of the corpus typed with one character wrong (贵洲 for 贵州, 宁厦
for 宁夏, 安微 for 安徽): :func:`misspelt_region`, which :func:`bot.search.understand.understand`
asks when the places it reads leave room for one. Pure: the gazetteer and the regions
are given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache

from bot.corpus.gazetteer import NATIONAL, Gazetteer
from bot.text.pinyin import readings

_CJK_WORD_RE = re.compile(r"(?<![\u3400-\u9fff])[\u3400-\u9fff]{2,5}(?![\u3400-\u9fff])")
_PLACE_SUFFIX_RE = re.compile(r"(?:省|市|自治区)$")


@lru_cache(maxsize=4)
def _provinces(gazetteer: Gazetteer) -> frozenset[str]:
    return frozenset(p.short for p in gazetteer.by_code.values() if p.level == "provincial")


def _one_apart(gazetteer: Gazetteer, known_regions: Collection[str]) -> dict[str, tuple[str, ...]]:
    """The provinces and the corpus's regions (not the nation) by each way of leaving one
    of their characters out (``_one_out``), each key's names in sorted order: the names
    one character apart from a word of their length are those under one of the word's
    keys that differ from it there. Made once per gazetteer and set of regions when
    these are hashable (the searcher's frozenset): the union, the sort and a comparison
    of the word with every name of its length cost ~30 µs a query."""
    try:
        return _one_apart_cached(gazetteer, known_regions)  # type: ignore[arg-type]
    except TypeError:  # an unhashable collection of regions: made for this call
        return _one_apart_made(gazetteer, known_regions)


def _one_out(word: str, k: int) -> str:
    """``word`` with its ``k``-th character left out, marked by its place (NUL-separated:
    no name holds a NUL)."""
    return f"{k}\x00{word[:k]}\x00{word[k + 1 :]}"


def _one_apart_made(
    gazetteer: Gazetteer, known_regions: Collection[str]
) -> dict[str, tuple[str, ...]]:
    names = (_provinces(gazetteer) | set(known_regions)) - {NATIONAL}
    out: dict[str, list[str]] = {}
    for name in sorted(names):
        for k in range(len(name)):
            out.setdefault(_one_out(name, k), []).append(name)
    return {key: tuple(v) for key, v in out.items()}


_one_apart_cached = lru_cache(maxsize=8)(_one_apart_made)


def misspelt_region(
    text: str,
    gazetteer: Gazetteer,
    known_regions: Collection[str],
    unwritten: Callable[[str], bool] | None = None,
    *,
    later: bool = False,
) -> tuple[str, tuple[int, int]] | None:
    """A province or a region of the corpus typed with one character of the same sound
    wrong (贵洲 → 贵州, 宁厦 → 宁夏), and its span: the word the query opens with, or
    one written with a suffix (贵洲省), and no place itself. A homophone elsewhere in
    a query is too often a word of its own (复建 is not 福建), so a word typed apart
    after the first (城镇新增就业 2025年 贵洲, 新改建农村公路 安微 多少公里) is read only where
    nothing else can be meant: with ``later`` (the query names no place) and
    ``unwritten``, when no passage writes it."""
    apart: dict[str, tuple[str, ...]] | None = None
    for m in _CJK_WORD_RE.finditer(text):
        word = m.group()
        core = _PLACE_SUFFIX_RE.sub("", word)
        apart_later = m.start() != 0 and core == word
        if apart_later and not (
            later and unwritten is not None and _typed_apart(text, m.start(), m.end())
        ):
            continue
        if len(core) < 2 or gazetteer.lookup(core):
            continue
        if apart_later and not unwritten(core):  # type: ignore[misc]  # (checked above)
            continue
        if apart is None:
            apart = _one_apart(gazetteer, known_regions)
        # the names of its length differing from it in exactly one character, tried in
        # sorted order (the first whose characters all share a sound wins)
        near = {
            name
            for k in range(len(core))
            for name in apart.get(_one_out(core, k), ())
            if name[k] != core[k]
        }
        for name in sorted(near):
            if all(set(readings(a)) & set(readings(b)) for a, b in zip(core, name, strict=True)):
                return name, m.span()
        # 安微 for 安徽: a look-alike, not a homophone. Read only where nothing else can be
        # meant: one place that near, and a word no passage writes (海绵 is no 海南)
        if len(near) == 1 and unwritten is not None and unwritten(core):
            return next(iter(near)), m.span()
    return None


def _typed_apart(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is typed as a word of its own: a space before it, and a
    space, a figure or the end after (新改建农村公路 安微 多少公里, 城镇新增就业 2025年 贵洲)."""
    return text[start - 1].isspace() and (end == len(text) or not text[end].isalpha())
