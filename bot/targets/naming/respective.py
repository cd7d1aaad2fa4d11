"""Rates said ``分别`` after the clauses that named their things: ``蔬菜产量92.3万吨，水果产量
31.8万吨，分别增长2.6%和4.3%``.

Bulletins give two or three measures clause after clause, each with its level, then one
clause of their rates, ``分别`` and the figures in the same order. The clause of the rates
names nothing, so each rate is the measure of the clause in its place: 2.6% is the
蔬菜产量's growth, 4.3% the 水果产量's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_RESPECTIVELY = "分别"
_CLAUSE_END_RE = re.compile(r"[，,；;。]")
# between the last level and 分别: the clause break and the comparison base
_LEAD_GAP_RE = re.compile(r"[，,](?:比上年末|比上年|较上年|同比|比年初)?")


def respective_pairs(sentence: str, named: list[Named]) -> list[tuple[int, int]]:
    """Each figure of a bare ``分别`` clause with the figure, before it, whose measure it
    is: (index of the rate, index of the level) in ``named``; ``[]`` when not so."""
    at = sentence.find(_RESPECTIVELY)
    if at < 0 or len(named) < 4:
        return []
    stop = _CLAUSE_END_RE.search(sentence, at)
    end = stop.start() if stop else len(sentence)
    after = [k for k, n in enumerate(named) if at < n.figure.start < end]
    before = [k for k, n in enumerate(named) if n.figure.end <= at]
    if len(after) < 2 or len(before) < len(after):
        return []
    lead = before[-len(after) :]
    names = {named[k].indicator for k in lead}
    if len(names) < len(lead) or not _LEAD_GAP_RE.fullmatch(
        sentence[named[lead[-1]].figure.end : at]
    ):
        return []
    return list(zip(after, lead, strict=True))


def respective_rates(sentence: str, named: list[Named]) -> list[Named]:
    """The figures of a bare ``分别`` clause named, in order, by the clauses before it."""
    out = list(named)
    for rate, level in respective_pairs(sentence, named):
        out[rate] = replace(named[rate], indicator=named[level].indicator)
    return out
