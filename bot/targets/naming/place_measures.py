"""Places listed after one place's measure, then ``分别``, share it.

Reports and stories give a statistic once for a place, then a list of other places and
their figures, ``分别``::

    成都市地区生产总值增长6.1%，绵阳、宜宾分别增长7.2%和6.8%  -> 绵阳地区生产总值, …
    完成防沙治沙任务1500万亩，其中阿拉善盟完成300万亩         -> 阿拉善盟防沙治沙面积

A figure named by a place alone (:mod:`~bot.targets.naming.place_only`) whose place the
sentence lists with another before ``分别`` takes the measure of the nearest figure
before it whose name is a place and a measure, in the same kind of unit; the extractor
then reads the place as the record's region when it is a part of the document's
(``extract.place_named``). A place said alone after another's figure (``…，合肥增长5.4%``)
may be compared on anything: its name stays unknown (not confident). A listed place's
name cut short of the thing the list shares (``锡林郭勒盟、呼伦贝尔市草原畜牧业产值分别…``
named ``锡林郭勒盟产值``) takes the whole thing the last place's name ends with.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.corpus.gazetteer import default_gazetteer
from bot.targets.naming.needs import needs
from bot.targets.naming.place_only import _only_a_place

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_SUFFIXES = "省市区县州盟旗"


def _place_and_measure(name: str) -> tuple[str, str]:
    """The place ``name`` opens with, as written, and what it measures after it
    (``成都市地区生产总值`` -> ``成都市``, ``地区生产总值``), ``("", "")`` when it opens with
    no place or is only one."""
    m = next(iter(default_gazetteer().mentions(name[:12])), None)
    if m is None or m.start:
        return "", ""
    end = m.end + 1 if name[m.end : m.end + 1] and name[m.end] in _SUFFIXES else m.end
    rest = name[end:]
    return (name[:end], rest) if len(rest) >= 2 and not _only_a_place(rest) else ("", "")


def _measure_of_a_place(name: str) -> str:
    return _place_and_measure(name)[1]


def _listed(place: str, sentence: str) -> bool:
    """Whether ``sentence`` lists ``place`` with another place before ``分别``, or names
    it as a part of the whole just said (``其中阿拉善盟完成300万亩``)."""
    p = re.escape(place)
    return bool(
        re.search(rf"(?:[、和与及]{p}|{p}[、和与及])[^，。；]*?分别|其中[，,]?{p}", sentence)
    )


@needs("分别", "其中")
def places_share_the_measure(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with each listed name that is only a place given the measure of a
    place's figure before it (see the module docstring)."""
    if "分别" not in sentence and "其中" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        if _only_a_place(n.indicator) and _listed(n.indicator, sentence):
            part = re.search(rf"其中[，,]?{re.escape(n.indicator)}", sentence)
            measure = next(
                (
                    m
                    for before in reversed(out)
                    if before.figure.unit_class == n.figure.unit_class
                    and (m := _measure_of_a_place(before.indicator) or _whole(before, part))
                ),
                "",
            )
            if measure:
                n = replace(n, indicator=n.indicator + measure)
        out.append(n)
    return _whole_shared_thing(sentence, out)


def _whole(before: Named, part: re.Match[str] | None) -> str:
    """The whole's name a part place after 其中 takes: the figure's before it, said
    before the 其中 (``完成防沙治沙任务1500万亩，其中阿拉善盟…``)."""
    name = before.indicator
    if part is None or before.figure.end > part.start() or _place_and_measure(name)[0]:
        return ""
    return name if len(name) >= 2 and not _only_a_place(name) else ""


def _whole_shared_thing(sentence: str, named: list[Named]) -> list[Named]:
    """Listed places' names cut short of the thing the last one's name ends with take it
    whole (see the module docstring)."""
    parts = [_place_and_measure(n.indicator) for n in named]
    listed = [(p, m) for p, m in parts if p and _listed(p, sentence)]
    out: list[Named] = []
    for n, (place, measure) in zip(named, parts, strict=True):
        if place and _listed(place, sentence):
            whole = max(
                (m for _, m in listed if m.endswith(measure) and m != measure),
                key=len,
                default="",
            )
            if whole:
                n = replace(n, indicator=place + whole)
        out.append(n)
    return out
