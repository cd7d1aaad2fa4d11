"""``规上`` written out ``规模以上`` in every name, whichever pass built it (GOLD_GUIDELINES
6.8.15): a share composed from the text's own words (``高新技术产业增加值增长9.2%，占规上工业
增加值比重为38.5%`` -> ``高新技术产业增加值占规模以上工业增加值比重``) is named as
:func:`~bot.targets.naming.clean.clean_name` names the rest."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clean import ABBREVIATED_RE
from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named


@needs("规上")
def guishang_written_out(named: list[Named]) -> list[Named]:
    """``named`` with ``规上`` written ``规模以上`` in their names."""
    out: list[Named] = []
    for n in named:
        if "规上" in n.indicator:
            n = replace(n, indicator=ABBREVIATED_RE.sub("规模以上", n.indicator))
        out.append(n)
    return out
