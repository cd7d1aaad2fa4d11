"""Averages over one set of things, said clause after clause.

A report gives what a set of things gained on average, one measure a clause, the set
only in the first::

    110家智能制造示范工厂的生产效率平均提升32%，资源综合利用率平均提升22%，
    产品研发周期平均缩短28%，运营成本平均下降19%

Every ``平均`` clause after the first is about the same factories:
``智能制造示范工厂资源综合利用率``, ``智能制造示范工厂运营成本`` …
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import CLAUSE_MARKS, after_mark

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_VERBS = r"(?:提升|提高|缩短|下降|降低|减少|增长|增加|节约|节省|压缩)"
# 110家智能制造示范工厂的生产效率平均提升: the set counted, and its first measure
_OWNER_RE = re.compile(
    r"\d[\d.]*\s*(?:万|亿)?(?:多|余)?(?:家|个|所|座|户)(?P<owner>[\u4e00-\u9fffA-Za-z0-9]{2,16})的"
    r"(?P<measure>[\u4e00-\u9fffA-Za-z0-9]{2,12})平均" + _VERBS + "$"
)
# 资源综合利用率平均提升: a measure and its average change, nothing else in the clause
_AVERAGE_RE = re.compile(r"^(?P<measure>[\u4e00-\u9fffA-Za-z0-9]{2,12})平均" + _VERBS + "$")


def _clause_before(sentence: str, start: int) -> str:
    return sentence[after_mark(sentence, start, CLAUSE_MARKS) : start]


@needs("平均")
def carry_the_set(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the set of the first ``平均`` clause given to the measures of the
    ``平均`` clauses after it (see the module docstring)."""
    if "平均" not in sentence:
        return list(named)  # no clause of averages
    owner = ""
    out: list[Named] = []
    for n in named:
        clause = _clause_before(sentence, n.figure.start)
        m = _OWNER_RE.search(clause)
        if m:
            owner = m.group("owner")
            measure = m.group("measure")
            if n.indicator and measure.endswith(n.indicator):
                n = replace(n, indicator=owner + measure)  # the first: 的 joins them
        elif owner and (a := _AVERAGE_RE.match(clause)):
            measure = a.group("measure")  # 交付周期, though the namer took 交付 for a verb
            if n.indicator and measure.endswith(n.indicator) and not measure.startswith(owner):
                n = replace(n, indicator=owner + measure)
        elif clause.strip():
            owner = ""  # another kind of clause: the run of averages is over
        out.append(n)
    return out
