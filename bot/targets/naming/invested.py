"""What a set of projects 完成投资 is named with the verb: the statistic's name.

Reports give the money put into a set of projects as 完成投资, and the statistic is
called so (省级重点项目完成投资, 重大项目完成投资)::

    省重点项目完成投资超1万亿元                -> 省级重点项目完成投资
    …综合体项目当年完成投资6.1亿元            -> …综合体项目完成投资

The verb is read as the figure's change and left out of the name (…项目投资); when the
text says 完成投资 right before the figure, after the projects, the name keeps it. A clause
that only says 完成投资, right after a count of projects (开工建设重大项目260个，完成投资
680亿元), is about those projects, not the topic of the sentence before. A plan's
计划完成投资 is what the projects are to put in, not what they did: 计划投资.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs
from bot.targets.naming.resolve import compatible

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

_DONE_RE = re.compile(r"(?:当年|年度|全年|累计|共)?完成投资(?:超过|超|达到|达|近|约|逾)?$")
_PROJECTS_RE = re.compile(r"(?:项目|工程)$")
# the money a plan says the projects will put in (计划完成投资, 年度计划完成投资): named as
# the table and the planned-investment statistic say it (…计划投资, …年度计划投资)
_PLANNED_RE = re.compile(r"(?P<year>年度)?计划(?:当年|全年)?完成投资(?:超过|超|达到|达|近|约|逾)?$")
# a clause that only says the money was put in: no name of its own
_HEADLESS_RE = re.compile(
    r"(?:当年|年度|全年|累计|共)?(?:计划)?完成投资(?:超过|超|达到|达|近|约|逾)?$"
)


@needs("完成投资")
def invested_with_the_verb(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with a set of projects' 完成投资 named with the verb (see the module
    docstring)."""
    if "完成投资" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        name = n.indicator
        last = out[-1] if out else None
        lo = clause_start(sentence, fig.start)
        if (
            last is not None
            and fig.unit_class == "money"
            and last.figure.unit_class == "count"
            and _PROJECTS_RE.search(last.indicator)
            and _HEADLESS_RE.match(sentence, lo, fig.start)
            and re.fullmatch(r"[，,]", sentence[last.figure.end : lo])
        ):
            # 开工建设重大项目260个，完成投资680亿元: the projects just counted
            name = f"{last.indicator}投资"
        subject = name[:-2] if name.endswith("投资") else ""
        if (
            fig.unit_class == "money"
            and _PROJECTS_RE.search(subject)
            and _DONE_RE.search(sentence, max(0, fig.start - 12), fig.start)
            and subject in sentence[max(0, fig.start - 60) : fig.start]
        ):
            full = f"{subject}完成投资"
            planned = _PLANNED_RE.search(sentence, max(0, fig.start - 16), fig.start)
            if planned:  # 计划完成投资380亿元: a plan's figure, not a result
                full = f"{subject}{planned['year'] or ''}计划投资"
            known = table.canonical(full)
            n = replace(n, indicator=known if known and compatible(fig, known) else full)
        out.append(n)
    return out
