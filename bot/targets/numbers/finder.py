"""Finding the figures of one sentence (:func:`find_figures`) and the cheap test that a
sentence has none (:func:`may_have_figures`); what counts as a figure is said in
:mod:`bot.targets.numbers`. Importing this loads every number parser of the package."""

from __future__ import annotations

import re

from bot.targets.numbers.arabic import _number_figures
from bot.targets.numbers.cn_figures import _CN_CHARS, _cn_figures
from bot.targets.numbers.figure import Figure
from bot.targets.numbers.not_figures import quoted_spans
from bot.targets.numbers.special_forms import _special_figures
from bot.targets.numbers.units import _UNIT_ALT
from bot.targets.regex_gate import gated


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
