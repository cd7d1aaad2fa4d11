"""Things counted, described by a list of qualities before 的: the name is the thing.

Plans count what they will build and say what it will be like before naming it::

    打造40个吸引力强、带动面广的消费场景       -> 消费场景
    建设20个特色鲜明、功能完善的产业园区       -> 产业园区

Each quality is a short clause ending in an adjective (吸引力强, 特色鲜明): said of the
things, not a kind of them, so the name is the noun after 的 (GOLD_GUIDELINES §6.3:
counts name the counted thing), never the first quality the clause reader stopped at.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import _after_noun
from bot.targets.naming.clean import clean_name
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _segmenter, _state_words

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# (多|以上|左右) qualities joined by 、 (two at least), 的, the thing
_QUALITIES_RE = re.compile(
    r"(?:多|余|以上|左右)?(?P<qualities>[^，。；、的\d]{2,8}(?:、[^，。；、的\d]{2,8})+)的"
)
_ADJECTIVE_TAGS = frozenset({"a", "ad", "an", "z"})
# the last character of a quality said of a thing (吸引力强, 带动面广, 功能完善, 特色鲜明)
_QUALITY_ENDS = frozenset("强广好高优佳全善明著出足齐精美新稳大实")


def _a_quality(text: str) -> bool:
    """Whether ``text`` ends with an adjective (吸引力|强, 特色|鲜明, 带动面|广)."""
    if text[-1] in _QUALITY_ENDS:
        return True  # the segmenter reads 面广, 功能完善 as verbs or idioms
    words = _segmenter().tag(text, True)
    if not words:
        return False
    word, tag = words[-1]
    return tag in _ADJECTIVE_TAGS or word in _state_words()


@needs("、")
def named_past_qualities(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with counts described by qualities named by the thing after them (see
    the module docstring)."""
    if "、" not in sentence or "的" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        m = _QUALITIES_RE.match(sentence, fig.end) if fig.unit_class == "count" else None
        if m and all(_a_quality(q) for q in m["qualities"].split("、")):
            noun = clean_name(_after_noun(sentence[m.end() :])[0])
            if _is_name(noun) and noun != n.indicator:
                n = replace(n, indicator=noun, confidence=max(n.confidence, 0.75))
        out.append(n)
    return out
