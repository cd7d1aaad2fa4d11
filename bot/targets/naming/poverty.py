"""People and households out of poverty counted after the bare act are named as the poor.

Reports of the poverty-alleviation years count the poor who left poverty with the act
alone before the figures, no noun after them::

    全年减贫1.2万人                  -> 农村贫困人口 (change 减贫)
    四年来，累计脱贫2.86万户9.71万人   -> 贫困户 2.86万户, 农村贫困人口 9.71万人

The act (脱贫, 减贫) is no name (GOLD_GUIDELINES 6.3: never a verb); what is counted is
the poor, people or households as the unit says, as the golds name them (the table's
农村贫困人口, whose alias 贫困人口 the text says when it names them; 贫困户).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_ACT_ALONE_RE = re.compile(r"(?:累计|共|全年|年内)?(?P<act>脱贫|减贫)")


@needs("脱贫", "减贫")
def poor_counted_by_the_act(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the people and households counted after a bare 脱贫/减贫 named as
    the poor (see the module docstring)."""
    out: list[Named] = []
    for n in named:
        act = _ACT_ALONE_RE.fullmatch(n.indicator)
        unit = n.figure.unit
        if act and unit.endswith(("人", "名")):
            n = replace(n, indicator="农村贫困人口", change=n.change or act["act"])
        elif act and unit.endswith("户"):
            n = replace(n, indicator="贫困户", change=n.change or act["act"])
        out.append(n)
    return out
