"""One figure found in a sentence, and how a written number reads.

:class:`Figure` is what :func:`bot.targets.numbers.find_figures` returns: the span, the
number as written, its value, unit and hedge. With it the shapes of an Arabic number
(``1,234.5``) and of a masked one (``x.x``, ``*``), and how to read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.targets.frozen import quick_init

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MASK = r"(?<![A-Za-z])(?:[xX]+(?:\.[xX]+)?(?![A-Za-z])|\*+(?:\.\*+)?)"


@quick_init  # built in bulk: slot stores, not object.__setattr__ (see frozen)
@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in a sentence.

    ``start``/``end`` span the whole expression (hedges and unit included) and are used
    to cut the text around it; ``value_text`` is ``sentence[num_start:num_end]``.
    ``form`` is ``number``, ``rank``, ``multiple``, ``scale`` or ``comparison``.
    ``unit_class`` groups units by what they measure (``count``, ``money``,
    ``percent``, ``area`` ...). ``scope`` is the benchmark of a ranking (``全省``).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: float | None
    value_max: float | None
    value_text: str
    unit: str
    unit_class: str
    qualifier: str
    masked: bool
    form: str = "number"
    pre: str = ""
    scope: str = ""


def _parse_arabic(text: str) -> float:
    return float(text.replace(",", ""))


def _is_masked(text: str) -> bool:
    return any(c in "xX*" for c in text)
