"""Money a relief saves is named by the burden relieved: ``为市场主体减负2.6万亿元``.

GOLD_GUIDELINES 6.8.11: the relief's verb is the record's ``change`` and the name is the
burden or cost (``减轻群众殡葬费用负担3亿元`` -> 群众殡葬费用负担, ``减轻``). ``减负`` says
both at once (减轻负担), so once it is read as the change the name left before it is whom
the relief was for (``为经营主体减负1000亿元`` -> 经营主体): the burden is theirs::

    全年为市场主体减负超过2.6万亿元    -> 市场主体负担 (减负)
    为企业减负18.5亿元                 -> 企业负担 (减负)

Only money; the name may be a table name of its own (市场主体 counts the firms), the money
is still their burden.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_RELIEF = "减负"
_BURDENS = ("负担", "成本", "税负")


# whom the relief was for, as written just before 减负 (为经营主体减负: 经营主体, which the
# table would file under 市场主体)
_FOR_WHOM_RE = re.compile(r"为(?P<who>(?:(?!为)[\u4e00-\u9fff]){2,8})$")


@needs(_RELIEF)
def burden_of_the_relief(sentence: str, named: list[Named]) -> list[Named]:
    """A figure said with 减负 names the burden of whom it was for (module docstring)."""
    if _RELIEF not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        name = n.indicator
        if (
            n.change == _RELIEF
            and n.figure.unit_class == "money"
            and len(name) >= 2
            and not name.endswith(_BURDENS)
        ):
            at = sentence.rfind(_RELIEF, 0, n.figure.start)
            who = _FOR_WHOM_RE.search(sentence, 0, at) if at >= 0 else None
            # the burden is a measure of its own: a bare 企业 left before the verb is
            # not the doubt its name had (企业 alone names no measure)
            n = replace(
                n,
                indicator=(who["who"] if who else name) + "负担",
                confidence=max(n.confidence, 0.75),
            )
        out.append(n)
    return out
