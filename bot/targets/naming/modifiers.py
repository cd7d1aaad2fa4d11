"""Kinds listed before the thing they qualify: ``5款以上侵入式、半侵入式脑机接口产品``.

The noun read after a count stops at a list mark; when what it read is only a kind
(``侵入式``, ``大型``, ``新型``), the list goes on to the thing both kinds are of: the
count is of ``侵入式、半侵入式脑机接口产品``, not of ``侵入式``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.dict_words import is_verb
from bot.targets.naming.clauses import _after_noun
from bot.targets.naming.clean import clean_name
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, word_end

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# a kind or a level alone: 侵入式, 大中型, 一次性, 新型, 省级; who controls or runs it:
# 国控, 省控, 市属, 民办
_KIND_ONLY_RE = re.compile(r"[\u4e00-\u9fff]{1,4}[式型类性级控属办营]")


@needs("、")
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


@needs("达", "超")
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


# …合同外资1000万美元以上的|外资企业: a threshold and its bound right before the thing
_BOUND_BEFORE_RE = re.compile(
    r"(?P<num>[\d.]+\s*(?:万亿|亿|千万|万|千)?[\u4e00-\u9fff]{0,3}?(?:及)?(?:以上|以下))的$"
)


@needs("以上", "以下")
def classed_before(sentence: str, named: list[Named]) -> list[Named]:
    """A count named by the thing after its size class (``合同外资1000万美元以上的外资企业
    93家``) is of the things in that class: ``合同外资1000万美元以上的外资企业``, as
    :func:`counted_in_a_class` names a class said after the count. The class is the
    measure written just before the threshold, cleaned, without a verb it opens with
    (``新设或增资``)."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        at = sentence.rfind(n.indicator, 0, fig.start) if n.indicator else -1
        bound = _BOUND_BEFORE_RE.search(sentence, max(0, at - 20), at) if at > 0 else None
        gap = sentence[at + len(n.indicator) : fig.start].strip("　 ") if bound else "x"
        if fig.unit_class == "count" and bound and not gap:
            lead = re.split(
                r"[，。；、：,;:]", sentence[max(0, bound.start() - 16) : bound.start()]
            )
            measure = clean_name(lead[-1])
            first = word_end(measure)
            if first < len(measure) and is_verb(measure[:first]):
                measure = measure[first:]  # 增资合同外资: the verb is the firms' act
            if _is_name(measure):
                cls = measure + re.sub(r"\s+", "", bound["num"])
                n = replace(n, indicator=cls + "的" + n.indicator)
        out.append(n)
    return out
