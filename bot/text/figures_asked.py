"""The figures a query names (``研发投入强度2.5%``, ``城镇新增就业85万人``) and whether the
passages found write them: a user who half-remembers a figure asks whether a document
says it, and a page of passages about the indicator, none with her figure, reads as a
yes. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.text.normalize import fold_figures

# a figure with a decimal point, a percent sign or a unit of ten thousands: 2.5%, 5.5,
# 85万, 1.4万亿 (a bare whole number is too often a year, an ordinal or a count of things
# said in words: 十四五, 2025)
_FIGURE_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(%|万亿|亿|万)|(?<![\d.])(\d+\.\d+)(?![\d.])")


def figures_named(query: str) -> list[str]:
    """The figures ``query`` names, as written (2.5%, 85万), in order, each once."""
    found: list[str] = []
    for m in _FIGURE_RE.finditer(fold_figures(query)):
        figure = f"{m.group(1)}{m.group(2)}" if m.group(1) else m.group(3)
        if figure not in found:
            found.append(figure)
    return found


def _figure_in(figure: str, text: str) -> bool:
    """Whether ``text`` writes ``figure`` as a whole figure (2.5% not inside 12.5%)."""
    pattern = re.escape(figure).replace("%", r"\s*%")
    return re.search(rf"(?<![\d.]){pattern}(?![\d])", text) is not None


def figures_unwritten(query: str, texts: Iterable[str]) -> list[str]:
    """The figures ``query`` names that none of ``texts`` writes."""
    figures = figures_named(query)
    if not figures:
        return []
    folded = [fold_figures(t) for t in texts]
    return [f for f in figures if not any(_figure_in(f, t) for t in folded)]
