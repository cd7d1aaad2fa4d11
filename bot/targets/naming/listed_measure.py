"""Owners listed before ``分别``, the measure said after it: each owner's figure is its
measure.

Reports list the owners once and say what is measured after ``分别`` and its verb::

    钢铁、机械两大产业分别实现产值1150亿元、620亿元   -> 钢铁产业产值, 机械产业产值
    东区、西区分别完成工业总产值860亿元、420亿元       -> 东区工业总产值, 西区工业总产值

The sentence namer names each figure by its listed owner (``钢铁两大产业``, ``东区``) and
leaves the measure, which stands between ``分别`` and the first figure; this pass adds it,
without the list's ``N大`` count and a bracketed other name of the owner. A measure is a
noun ending in a known head (产值, 收入, 投资, 里程…); a verb after ``分别`` (分别增长,
分别建成通车) names nothing and the names stay.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import VERB_RE
from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# 分别, its verb, the measure, right before a figure
_MEASURE_RE = re.compile(
    r"分别(?:实现|完成|达到|达|为|有)?(?P<measure>[\u4e00-\u9fff]{2,10}?)"
    r"(?:为|达到|达)?$"
)
_HEADS = ("产值", "增加值", "收入", "投资", "营业额", "销售额", "交易额", "里程", "税收", "利润")
# the list's count of its members (两大产业, 三大板块): the member is 钢铁产业, not 钢铁两大产业
_SET_COUNT_RE = re.compile(r"[两二三四五六七八九十]大(?=[\u4e00-\u9fff]{1,3}$)")
_BRACKET_RE = re.compile(r"[（(][^）)]*[）)]")


@needs("分别", figures=2)
def measure_after_respectively(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the figures of a ``分别`` clause whose measure comes after
    ``分别`` named by their owner and that measure (see the module docstring)."""
    if "分别" not in sentence or len(named) < 2:
        return named
    out = list(named)
    for i, n in enumerate(named):
        m = _MEASURE_RE.search(sentence, max(0, n.figure.start - 16), n.figure.start)
        if not m:
            continue
        measure = m["measure"]
        if not measure.endswith(_HEADS) or VERB_RE.match(measure):
            continue
        stop = re.compile(r"[，,；;。]").search(sentence, m.end())
        end = stop.start() if stop else len(sentence)
        group = [k for k in range(i, len(named)) if named[k].figure.start < end]
        if len(group) < 2:
            continue
        for k in group:
            owner = _BRACKET_RE.sub("", named[k].indicator)
            if measure in owner or len(owner) < 2:
                continue
            owner = _SET_COUNT_RE.sub("", owner)
            out[k] = replace(named[k], indicator=owner + measure)
        _rates_after(sentence, end, group, out)
        break
    return out


# the clause after the levels: 分别 and a change verb (，分别增长6%、8%)
_RATES_RE = re.compile(r"[，,](?:比上年|同比|较上年)?分别(?:增长|下降|提高|增加|减少)")


def _rates_after(sentence: str, end: int, group: list[int], out: list[Named]) -> None:
    """The rates said ``分别`` right after the levels of ``group``, one each, take the
    levels' names in order (in place in ``out``)."""
    m = _RATES_RE.match(sentence, end)
    if not m:
        return
    stop = re.compile(r"[，,；;。]").search(sentence, m.end())
    clause_end = stop.start() if stop else len(sentence)
    rates = [k for k, n in enumerate(out) if m.end() <= n.figure.start < clause_end]
    if len(rates) != len(group):
        return
    for rate, level in zip(rates, group, strict=True):
        out[rate] = replace(out[rate], indicator=out[level].indicator)
