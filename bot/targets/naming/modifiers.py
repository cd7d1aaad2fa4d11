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

# a kind or a level alone: 侵入式, 大中型, 一次性, 新型, 省级; who controls or runs it:
# 国控, 省控, 市属, 民办
_KIND_ONLY_RE = re.compile(r"[\u4e00-\u9fff]{1,4}[式型类性级控属办营]")


def through_listed_kinds(sentence: str, named: list[Named]) -> list[Named]:
    """Counts named by a kind alone, listed before the thing, take the whole list."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        if fig.unit_class == "count" and _KIND_ONLY_RE.fullmatch(n.indicator):
            at = sentence.find(n.indicator + "、", fig.end, fig.end + 8)
            if at >= 0:
                rest = at + len(n.indicator) + 1
                noun, end = _after_noun(sentence[rest:])
                if noun.endswith("中") and sentence[rest + end : rest + end + 1] in ("，", ","):
                    noun = noun[:-1]  # 42个国控、省控断面中，…: the whole the next part is of
                if _is_name(noun) and not _KIND_ONLY_RE.fullmatch(noun):
                    n = replace(n, indicator=n.indicator + "、" + noun)
        out.append(n)
    return out


# 10家以上年营业收入超10亿元的医疗器械企业: the class the count's things are in, then them
_CLASS_THEN_THING_RE = re.compile(
    r"(?:以上|以下)?(?P<cls>[\u4e00-\u9fff]{2,10}?(?:达到|达|超过|超)"
    r"(?:[\d.]+|[一二三四五六七八九十两百千]+)(?:万亿|亿|万)?"
    r"[\u4e00-\u9fff%]{0,2}?(?:以上|以下)?)的"
)


def counted_in_a_class(sentence: str, named: list[Named]) -> list[Named]:
    """A count followed by the size class of its things and then the things (``10家以上
    年营业收入超10亿元的医疗器械企业``) is of the things in that class (§3: a threshold
    that defines the population goes into the name)."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        m = _CLASS_THEN_THING_RE.match(sentence, fig.end)
        if fig.unit_class == "count" and m:
            thing, _ = _after_noun(sentence[m.end() :])
            if _is_name(thing) and not n.indicator.endswith(thing):
                n = replace(n, indicator=m.group("cls") + "的" + thing)
        out.append(n)
    return out
