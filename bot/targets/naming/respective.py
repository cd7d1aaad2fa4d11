"""Rates said ``分别`` after the figures whose rates they are.

Two ways of writing it, one rule: the ``分别`` clause names nothing, so its n figures go,
one by one, to the n levels said just before it, not all to the last one.

- Clause after clause (bulletins): ``蔬菜产量92.3万吨，水果产量31.8万吨，分别增长2.6%和
  4.3%``: 2.6% is the 蔬菜产量's growth, 4.3% the 水果产量's (`respective_rates`).
- A 、-list in one clause (reports): ``接待游客1.2亿人次、实现旅游收入1350亿元，分别增长18%
  和21%`` -> 旅游接待人数 18%, 旅游收入 21% (`rates_of_the_listed`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

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
    if any(named[k].figure.form == "rank" and named[k].indicator.endswith("排名") for k in after):
        return []  # 分别居全国第8位、第9位: ranks named already, each of a figure before
    lead = before[-len(after) :]
    names = {named[k].indicator for k in lead}
    if len(names) < len(lead) or not _LEAD_GAP_RE.fullmatch(
        sentence[named[lead[-1]].figure.end : at]
    ):
        return []
    return list(zip(after, lead, strict=True))


@needs(_RESPECTIVELY, figures=4)
def respective_rates(sentence: str, named: list[Named]) -> list[Named]:
    """The figures of a bare ``分别`` clause named, in order, by the clauses before it."""
    out = list(named)
    for rate, level in respective_pairs(sentence, named):
        out[rate] = replace(named[rate], indicator=named[level].indicator)
    return out


# the clause of the rates: 分别 and a change verb, nothing named before it
_RATES_RE = re.compile(
    r"[，,](?:比上年|同比|较上年)?分别(?:增长|下降|提高|增加|减少|上涨|回落)了?$"
)


@needs(_RESPECTIVELY, figures=4)
def rates_of_the_listed(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the rates said 分别 after a list of levels given to the levels in
    order (see the module docstring)."""
    if len(named) < 4 or _RESPECTIVELY not in sentence:
        return named
    out = list(named)
    i = 0
    while i < len(out):
        m = _RATES_RE.search(sentence, 0, out[i].figure.start)
        if not m or out[i].figure.unit_class == "count":
            i += 1
            continue
        # the rates: figures of the clause from out[i] on; the levels: the ones before
        j = i
        while j < len(out) and not _CLAUSE_END_RE.search(
            sentence, out[i].figure.start, out[j].figure.start
        ):
            j += 1
        k = j - i
        levels = out[i - k : i] if i >= k >= 2 else []
        if (
            levels
            and all(r.figure.unit == out[i].figure.unit for r in out[i:j])
            and all(lv.figure.unit != out[i].figure.unit for lv in levels)
            and len({lv.indicator for lv in levels}) == k
            and not _CLAUSE_END_RE.search(sentence, levels[0].figure.start, m.start())
        ):
            for t in range(k):
                out[i + t] = replace(out[i + t], indicator=levels[t].indicator)
        i = max(j, i + 1)
    return out
