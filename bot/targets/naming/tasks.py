"""A task measured in what its work acts on is named by the work, not by 任务.

Plans and reviews set a work's size as a task, in the units of what the work acts on::

    年内完成12.5万平方米的绿化任务              -> 绿化面积 (12.5万平方米)
    完成石漠化治理任务30万亩                    -> 石漠化治理面积 (30万亩)
    推进地质灾害避险搬迁，完成1.5万人搬迁任务     -> 地质灾害避险搬迁 (1.5万人)

An area or a number of people is no number of tasks: the figure measures the work
(GOLD_GUIDELINES §6.3: the name says what is measured), as 完成12.5万平方米绿化 does
(绿化面积). Tasks counted as tasks (163项改革任务, 30个试点任务) keep their name. A work
said by its verb alone (搬迁) takes the full name the clause before gave it, when one
there ends with it (推进地质灾害避险搬迁).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import VERB_RE
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _is_verb

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the units of what a work acts on: land, people, households (not 项, 个, 件: tasks)
_PEOPLE_UNITS = re.compile(r"(?:万|亿)?(?:人|户|人次)$")
_AREA_WORD_RE = re.compile(r"(?:面积|规模)$")
_MARKER_RE = re.compile(r"^\s*(?:[（(][\d一二三四五六七八九十]+[)）]|\d+[.．、])")  # （3）, 2．


def _full_work(sentence: str, work: str, before: int) -> str:
    """The work ``work`` (a verb alone) as the sentence named it before ``before``:
    the last clause before that ends with it, its leading verb left out; else ""."""
    at = sentence.rfind(work, 0, before)
    while at > 0:
        start = clause_start(sentence, at)
        phrase = _MARKER_RE.sub("", sentence[start : at + len(work)])
        if len(phrase) > len(work) and sentence[at + len(work) : at + len(work) + 1] in "，；。":
            lead = VERB_RE.match(phrase)
            phrase = phrase[lead.end() :] if lead and lead.end() < len(phrase) else phrase
            return phrase if _is_name(phrase) and len(phrase) > len(work) else ""
        at = sentence.rfind(work, 0, at)
    return ""


@needs("任务")
def work_of_the_task(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with tasks sized in land or people named by their work (see the
    module docstring)."""
    if "任务" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        name = n.indicator
        work = name[:-2] if name.endswith("任务") else ""
        if not work and sentence[: fig.start].endswith(name + "任务"):
            work = name  # 完成防沙治沙任务1500万亩: the namer cut 任务 off already
        if len(work) >= 2 and fig.unit_class == "area":
            n = replace(n, indicator=work if _AREA_WORD_RE.search(work) else work + "面积")
        elif len(work) >= 2 and _PEOPLE_UNITS.search(fig.unit):
            if _is_verb(work) or VERB_RE.fullmatch(work):
                work = _full_work(sentence, work, fig.start)
            if work and _is_name(work):
                n = replace(n, indicator=work)
        out.append(n)
    return out
