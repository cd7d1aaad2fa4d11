"""Kinds listed before the thing they qualify: ``5款以上侵入式、半侵入式脑机接口产品``.

The noun read after a count stops at a list mark; when what it read is only a kind
(``侵入式``, ``大型``, ``新型``), the list goes on to the thing both kinds are of: the
count is of ``侵入式、半侵入式脑机接口产品``, not of ``侵入式``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import _after_noun
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# a kind or a level alone: 侵入式, 大中型, 一次性, 新型, 省级
_KIND_ONLY_RE = re.compile(r"[\u4e00-\u9fff]{1,4}[式型类性级]")


def through_listed_kinds(sentence: str, named: list[Named]) -> list[Named]:
    """Counts named by a kind alone, listed before the thing, take the whole list."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        if fig.unit_class == "count" and _KIND_ONLY_RE.fullmatch(n.indicator):
            at = sentence.find(n.indicator + "、", fig.end, fig.end + 8)
            if at >= 0:
                rest = at + len(n.indicator) + 1
                noun, _ = _after_noun(sentence[rest:])
                if _is_name(noun) and not _KIND_ONLY_RE.fullmatch(noun):
                    n = replace(n, indicator=n.indicator + "、" + noun)
        out.append(n)
    return out
