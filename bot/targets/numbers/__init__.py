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

import re

from bot.targets.numbers.arabic import _number_figures
from bot.targets.numbers.cn_figures import _CN_CHARS, _cn_figures
from bot.targets.numbers.cn_numerals import CN_NUMERAL_CHARS, cn_to_number
from bot.targets.numbers.figure import Figure
from bot.targets.numbers.not_figures import quoted_spans
from bot.targets.numbers.special_forms import _special_figures, gap_follows
from bot.targets.numbers.units import _UNIT_ALT
from bot.targets.regex_gate import gated

__all__ = [
    "CN_NUMERAL_CHARS",
    "Figure",
    "cn_to_number",
    "find_figures",
    "gap_follows",
    "may_have_figures",
    "quoted_spans",
]


def find_figures(sentence: str) -> list[Figure]:
    """All figures of ``sentence`` in reading order, overlaps resolved (first wins)."""
    quotes = quoted_spans(sentence)
    found = _number_figures(sentence, quotes) + _special_figures(sentence, quotes)
    if _CN_QUICK_RE.search(sentence):
        found += _cn_figures(sentence, quotes)
    found.sort(key=lambda f: (f.num_start, -(f.end - f.start)))
    out: list[Figure] = []
    for fig in found:
        if out and fig.num_start < out[-1].end and fig.form != "comparison":
            continue
        out.append(fig)
    return out


_CN_QUICK_RE = re.compile(rf"[{_CN_CHARS}][{_CN_CHARS}万亿点多余]*(?:{_UNIT_ALT}|[万亿])")
# 成 and 前 only with the numeral shares' own numeral (八成, 全国前三: shares' tenths and
# top ranks): bare, they are in a sentence in four (完成, 成果, 前进), none a figure
_QUICK_RE = re.compile(
    r"[\d０-９xX*%％‰]|百分之|翻|倍增|第|千亿|百亿|万亿|百万|千万|万亩|百项|高于|快于|好于|优于|超过|低于|跑赢|同步|匹配|分之"
    r"|[一二两三四五六七八九]成|前[二三四五六七八九十]|一半"
    rf"|[{_CN_CHARS}][{_CN_CHARS}万亿点多余]*(?:{_UNIT_ALT}|[万亿])"
)


def may_have_figures(sentence: str) -> bool:
    """Cheap pre-filter: ``False`` when ``sentence`` cannot contain a figure."""
    return _QUICK_RE.search(sentence) is not None


# Scanned over every sentence: each gated by the characters its matches open with
# (same matches, most positions rejected by one class test; see regex_gate). Those
# opening with a literal (第, 全) need no gate: re scans for the literal itself.
_QUICK_RE = gated(_QUICK_RE)
