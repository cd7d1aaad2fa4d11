"""Reading a sentence around a figure.

Where the clause of a figure starts and ends (:func:`clause_start`, :func:`clause_end`),
and the verb and the attribute word of a clause (:func:`_find_change`,
:func:`_attribute`). The noun right after a count is
:mod:`~bot.targets.naming.after_count`'s, the predicate that narrows counted things
(:func:`predicated`) :mod:`~bot.targets.naming.counted_predicates`'s, splitting a list
of subjects into items :mod:`~bot.targets.naming.list_items`'s; the names other
modules import of them are imported from here too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.targets.lexicon import ATTRIBUTES, TIME_RE, TRAIL_RE, VERB_NORMAL, VERB_RE
from bot.targets.naming.after_count import (  # noqa: F401 (imported from here)
    _NOUN_ALTERNATE_RE,
    _UNIT_ALTERNATE_RE,
    _after_noun,
    _after_noun_start,
)
from bot.targets.naming.counted_predicates import (  # noqa: F401 (imported from here)
    _LOOSE_END_WORDS,
    _MEMBERSHIP_VERBS,
    _ONE_CHARACTER_PLACES,
    predicated,
)
from bot.targets.naming.list_items import (  # noqa: F401 (imported from here)
    _BARE_MEASURE_RE,
    _EACH_RE,
    _ITEM_SPLIT_RE,
    _SAYS_A_MEASURE_RE,
    _STAT_NOUN_RE,
    _URBAN_RURAL,
    _owner_shared,
    _shared_tail_items,
    _split_items,
)
from bot.targets.naming.words import word_bounds

_CLAUSE_BOUNDARY = "，,；;：:。！？!?（）()"
_BOUNDARY_RE = re.compile("[" + "".join(re.escape(ch) for ch in _CLAUSE_BOUNDARY) + "]")
# the last clause boundary (or dash) before a position: a greedy match backs off from it
_LAST_BOUNDARY_RE = re.compile(
    "(?s:.*)[" + "".join(re.escape(ch) for ch in _CLAUSE_BOUNDARY + "—") + "]"
)
_TRAIL_REACH_RE = re.compile(r"(达到|达|突破|超过|为)$")


# Memoised (a small cache of a sentence's worth): asked again for the same text by the
# forms and the passes reading one sentence.
@lru_cache(maxsize=256)
def _find_change(text: str) -> str:
    """The verb nearest the end of ``text`` in normal form (``达`` -> ``达到``).

    A one-character verb counts only as a word of its own: the 居 of 居民 is no verb.
    """
    last = None
    for m in VERB_RE.finditer(text):
        if len(m.group()) == 1 and (
            m.start() not in word_bounds(text) or m.end() not in word_bounds(text)
        ):
            continue
        if text.startswith(("值", "的", "率"), m.end()):
            continue  # 增加值, 自然增长率 are nouns; 对经济增长的贡献率: a verb inside a name
        last = m
    return VERB_NORMAL.get(last.group(), last.group()) if last else ""


# Memoised (a small cache of a sentence's worth): asked again for the same text by the
# forms and the passes reading one sentence.
@lru_cache(maxsize=256)
def _attribute(raw: str) -> str:
    """The attribute word ``raw`` ends with (``完成投资``, ``总投资``, ``产值``), or ``""``."""
    s = TIME_RE.sub("", raw).strip()
    for _ in range(3):
        s = TRAIL_RE.sub("", s)
        s = _TRAIL_REACH_RE.sub("", s)
    if not s.endswith(ATTRIBUTES):
        return ""
    return next(a for a in ATTRIBUTES if s.endswith(a))


# A name is never further than this from its figure; bounding the look-back keeps a
# pathological line without punctuation linear instead of quadratic.
MAX_CLAUSE_LOOKBACK = 160


# Memoised: the naming forms, the passes and the extractor ask for the same figure's
# clause again and again (about 15 calls per figure, three in four repeats of a call made
# while reading the same sentence); a small cache holds a sentence's worth.
@lru_cache(maxsize=256)
def clause_start(sentence: str, pos: int) -> int:
    """Start of the clause that ends at ``pos``: after the last ``，；：`` etc. or ``——``.

    A bracketed note (细颗粒物（PM2.5）年平均浓度) is not a boundary. One greedy
    regular-expression match finds the last boundary, so a long clause costs a C-level scan.
    """
    floor = max(0, pos - MAX_CLAUSE_LOOKBACK)
    hi = pos
    while hi > floor:
        last = _LAST_BOUNDARY_RE.match(sentence, floor, hi)
        if last is None:
            return floor
        k = last.end() - 1
        ch = sentence[k]
        if ch in "）)":
            opening = max(sentence.rfind("（", floor, k), sentence.rfind("(", floor, k))
            if opening >= 0 and k - opening <= 31:
                hi = opening
                continue
        elif ch == "—" and not (k > 0 and sentence[k - 1] == "—"):
            hi = k
            continue
        return k + 1
    return floor


# Memoised like clause_start: asked about 4 times a figure (the namer's after, the forms,
# the passes, the record), most for a position already asked of the same sentence.
@lru_cache(maxsize=256)
def clause_end(sentence: str, pos: int) -> int:
    """End of the clause going on at ``pos`` (the first boundary after it, bounded)."""
    end = min(len(sentence), pos + MAX_CLAUSE_LOOKBACK)
    boundary = _BOUNDARY_RE.search(sentence, pos, end)
    return boundary.start() if boundary else end
