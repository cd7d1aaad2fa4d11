"""Counts said with an act alone count the things of the count before them.

Reports give the stages of one set of things clause after clause, the things named once,
in the first clause, and each later clause only the act and a count in the same measure
word::

    新开工重点项目210个，竣工投产98个        -> 重点项目 (竣工投产)
    年投资亿元以上项目新开工52个、竣工41个    -> 年投资亿元以上项目 (竣工)

What was done to them is the figure's change (竣工, 竣工投产), not its name (GOLD_GUIDELINES §6: the
thing counted is the name), so the later count takes the name of the count before it.
A clause with a noun of its own (竣工项目98个), another measure word, or a name the
indicator table knows, is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import TIME_RE
from bot.targets.naming.clauses import _find_change, clause_start
from bot.targets.naming.confidence import name_confidence
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _segmenter

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# adverbs and hedges around the act (累计竣工, 全部建成, 超, 近, 达到)
_LEAD_RE = re.compile(r"^(?:其中|累计|共计|共|全年|年内|当年|已|再|又|先后|相继|陆续|全部)+")
_HEDGE_RE = re.compile(r"(?:超过|超|近|约|达到|达|突破|逾|共|计|为|了|以上|多)+$")
# what may stand between the count before and the act's clause: its hedge, a list mark
_BETWEEN_RE = re.compile(r"(?:以上|左右|多|余)?[，、,]")
_VERB_TAGS = frozenset({"v", "vn"})
# the count ends its clause (竣工41个。), no noun after it (推进4个试点城市)
_CLAUSE_END_RE = re.compile(r"(?:以上|左右|多|余)?(?:[，。；、,;]|$)")
# people counted are a measure of their own (在校生…，招生…: the act says which)
_PEOPLE_UNITS = ("人", "人次", "名")


def _act_only(clause: str) -> str:
    """The act of a clause that says only what was done (竣工投产, 开工建设), ``""`` when
    the clause holds anything else (a noun, a figure, a list)."""
    core = TIME_RE.sub("", clause.strip("，、,： "))
    core = _HEDGE_RE.sub("", _LEAD_RE.sub("", core))
    if not 2 <= len(core) <= 8 or re.search(r"[\d%、和与及的]", core):
        return ""
    words = list(_segmenter().tag(core, True))
    if not words or any(t not in _VERB_TAGS or len(w) < 2 for w, t in words):
        return ""
    return core


@needs(figures=2)
def counted_by_the_count_before(
    sentence: str, named: list[Named], table: IndicatorTable
) -> list[Named]:
    """``named`` with counts said with an act alone named by the count before (see the
    module docstring)."""
    if len(named) < 2:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        last = out[-1] if out else None
        if (
            last is None
            or fig.unit_class != "count"
            or last.figure.unit != fig.unit
            or fig.unit.endswith(_PEOPLE_UNITS)
            or not _CLAUSE_END_RE.match(sentence, fig.end)
            or table.canonical(n.indicator)
        ):
            out.append(n)
            continue
        lo = clause_start(sentence, fig.start)
        lo = max(lo, sentence.rfind("、", lo, fig.start) + 1)  # 新开工52个、竣工41个
        act = _act_only(sentence[lo : fig.start])
        if (
            not act
            or not _BETWEEN_RE.fullmatch(sentence[last.figure.end : lo])
            or not _is_name(last.indicator)
            or last.indicator in (n.indicator, act)
            or name_confidence(last.indicator, table) < 0.6
        ):
            out.append(n)
            continue
        # the act is the figure's change (竣工, not the 新开工 of the clause before)
        change = _find_change(act) or act
        out.append(replace(n, indicator=last.indicator, confidence=last.confidence, change=change))
    return out
