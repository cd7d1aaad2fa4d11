"""Pure: a word of the query the corpus never writes, read by the parts of it it writes.

A dictionary compound typed right may be written nowhere (瘫痪病人, 外环路) while a part of it
is (瘫痪, 外环): dropped whole, the query lost what the part said. Its parts — the
segmenter's search-mode pieces of two characters or more that the index holds — are
searched instead as soft words (``Concept.soft``): they add to a passage's score and are
required of none, so a passage holding the rest of the query still ranks by it. Only a
word nothing was found for is read so, after correction had its chance (a typo's right
form is a word found, and is searched instead), so a word written whole still ranks by
itself. A frequent part scores little by itself (its BM25 weight)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace

import numpy as np

from bot.search.concepts import Concept

# A word shorter than this has no part of two characters but itself.
MIN_WORD_CHARS = 3
# A part that opens with a figure, an ordinal or 几 counts rather than names (一年 of 上一年,
# 第三 and 三条 of 第三条): it says nothing of what is asked about, and a frequent one
# lifted a review's other lines over the year asked (dev r3320).
_COUNTING = frozenset("一二三四五六七八九十两百千万亿零第几")


def parts_written(
    concepts: list[Concept],
    *,
    hits_of: Callable[[Concept], tuple[np.ndarray, np.ndarray]],
    cut: Callable[[str], list[str]],
    held: Callable[[str], bool],
    concept_of: Callable[[str], Concept],
    left_out: Collection[str],
    is_word: Callable[[str], bool],
) -> list[Concept]:
    """``concepts`` and, for each word of them no passage holds, its parts that some
    passage holds (``cut`` gives the pieces, ``held`` whether the index holds one), as
    soft concepts naming the word they stand for (``Concept.part_of``). A part that is
    already a word of the query, or one of ``left_out`` (asking and stop words), is not
    added."""
    labels = {c.label for c in concepts}
    added: list[Concept] = []
    for c in concepts:
        if (
            c.exclude
            or c.optional
            or c.soft
            or c.fixed is not None
            or len(c.label) < MIN_WORD_CHARS
            or not is_word(c.label)
        ):
            continue
        if held(c.label) or any(len(a.term_ids) == 1 and not a.verify for a in c.alternatives):
            # an index term (or a synonym that is one) has passages: found, and not worth
            # its hits here (a lone word is ranked from its postings, never as hits)
            continue
        if hits_of(c)[0].size:
            continue
        for piece in dict.fromkeys(cut(c.label)):
            if len(piece) < 2 or piece == c.label or piece in labels or piece in left_out:
                continue
            if piece[0] in _COUNTING:
                continue
            if not held(piece):
                continue
            part = replace(concept_of(piece), soft=True, part_of=c.label)
            if not hits_of(part)[0].size:
                continue
            labels.add(piece)
            added.append(part)
    return concepts + added if added else concepts
