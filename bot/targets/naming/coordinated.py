"""A name cut inside a coordination of two verbs or attributes is given its first half.

Plans qualify a thing with two words joined by 和 or 及, the first of which the namer reads
as the clause's verb and cuts off::

    公共领域新增和更新车辆中新能源汽车比例不低于80%
        -> 公共领域新增和更新车辆中新能源汽车比例 (not 和更新车辆中…)
    城市公交领域新增和更新车辆中新能源汽车比例达到90%
        -> the same (not 城市公交领域和更新车辆…, the verb dropped from the middle)

A name never opens with 和, 及 or 与 said alone (和美乡村 is a word): the words before it,
back to the clause's start or to the 等 that closes a list of examples, are its first half;
and a word dropped right before its 和 is put back where the sentence has it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_start
from bot.targets.naming.words import word_bounds

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_OPENS_WITH_AND_RE = re.compile(r"^(?:和|及|与|或)[\u4e00-\u9fff]")
_HALF_RE = re.compile(r"^[\u4e00-\u9fff]{2,10}$")


def coordination_whole(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a name that opens with 和 given the words before it (see the module
    docstring)."""
    out: list[Named] = []
    for n in named:
        name = n.indicator
        if _OPENS_WITH_AND_RE.match(name):
            at = sentence.rfind(name, 0, n.figure.start)
            if at > 0 and _a_word_alone(sentence, at):
                start = clause_start(sentence, at)
                start = max(start, sentence.rfind("等", start, at) + 1)
                half = sentence[start:at]
                if _HALF_RE.match(half):
                    n = replace(n, indicator=half + name)
        else:
            whole = _with_the_first_verb(sentence, n)
            if whole != name:  # (the figure itself when its name stays: no copy)
                n = replace(n, indicator=whole)
        out.append(n)
    return out


def _with_the_first_verb(sentence: str, n: Named) -> str:
    """The name with the word before its 和 that the sentence writes there put back."""
    name = n.indicator
    k = name.find("和")
    if k < 2 or name.count("和") != 1:
        return name
    start = clause_start(sentence, n.figure.start)
    m = re.search(
        re.escape(name[:k]) + r"(?P<verb>[\u4e00-\u9fff]{1,3})" + re.escape(name[k:]),
        sentence[start : n.figure.start],
    )
    if m is None or not _a_word_alone(sentence, start + m.start() + k + len(m["verb"])):
        return name
    return name[:k] + m["verb"] + name[k:]


def _a_word_alone(sentence: str, at: int) -> bool:
    """Whether the character at ``at`` is a word of its own, a conjunction (和 of
    新增和更新), not the start of a word (和美乡村, 和谐)."""
    start = clause_start(sentence, at)
    bounds = word_bounds(sentence[start : at + 8])
    return at - start in bounds and at - start + 1 in bounds
