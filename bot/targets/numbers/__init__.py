"""Finding quantified figures in one sentence: numbers, units, qualifiers, masks.

:func:`find_figures` returns every figure a briefing reader would care about, with the
number as written (``value_text``), its value, unit and hedge, and nothing else: it
does not know what the figure measures (that is :mod:`bot.targets.naming`).

What counts follows ``tests/data/GOLD_GUIDELINES.md``:

* Arabic numbers with a measure word (``10.9万人``, ``673.9亿元``, ``33所``, ``5.5%``),
  ranges (``5%—6%``, ``1-2个``), masked numbers (``x.x%``, ``xx家``, ``*个``);
* ``百分之五``, rankings with a numeral (``第3位``, ``全省第一``), multiplicative
  targets (``翻一番`` = 2 倍, ``倍增``), scale labels (``千亿级产业集群``) and bare
  magnitudes (``过百亿元``, ``百万辆``, ``百项``);
* comparisons without a number (``增速高于全省平均水平``, ``与经济增长同步``).

Left out on purpose: dates and years (``2023年``, ``12月29日``), ordinals (``第十二届``,
``第二批``), list enumerations (``4大主导产业``, ``“1+4”``), technical classes
(``30万吨级``), identifiers (``4号机组``, ``5G``), baselines of ``由A提高到B``, money
thresholds that only describe a class of projects (``50亿元大项目``), and numbers
inside short quoted names (``“耕海1号”``). Chinese numerals outside the forms above
are enumerations in policy prose (``两个确立``, ``三大攻坚战``) and are ignored.

Everything here is pure string work on a single sentence.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.targets.numbers.cn_numerals import CN_NUMERAL_CHARS, cn_to_number
    from bot.targets.numbers.figure import Figure
    from bot.targets.numbers.finder import find_figures, may_have_figures
    from bot.targets.numbers.not_figures import quoted_spans
    from bot.targets.numbers.special_forms import gap_follows

__all__ = [
    "CN_NUMERAL_CHARS",
    "Figure",
    "cn_to_number",
    "find_figures",
    "gap_follows",
    "may_have_figures",
    "quoted_spans",
]

# Each public name and the module defining it, imported on first use (PEP 562): importing
# a light module of the package (units, for the digest filter every command loads) must not
# load the figure finder, whose parsers bring the extractor's lexicon.
_HOMES = {
    "CN_NUMERAL_CHARS": "cn_numerals",
    "Figure": "figure",
    "cn_to_number": "cn_numerals",
    "find_figures": "finder",
    "gap_follows": "special_forms",
    "may_have_figures": "finder",
    "quoted_spans": "not_figures",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # resolved once: later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
