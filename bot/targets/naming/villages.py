"""Villages counted by the work done in them or by the level they reached.

Township and county reports count villages (社区) rather than things, and say after the
count what was done in each or what each reached::

    完成8个村的饮水安全巩固提升         -> 饮水安全巩固提升村
    完成6个行政村（社区）的生活垃圾分类   -> 生活垃圾分类行政村（社区）
    启动3个村的危旧房改造工作           -> 危旧房改造村 (工作, 任务: no part of the work)
    全镇12个村集体经济收入均达到10万元，其中达到30万元的村5个
        -> 村集体经济收入达到10万元的村, 村集体经济收入达到30万元的村

The villages alone (村, 行政村（社区）) say nothing of what is counted, nor does a noun of
the next clause (受益群众). A threshold said again after 其中 (达到30万元的村) is of the
same measure as the one before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_PLACE = r"(?:行政村|自然村|村|社区)(?:（社区）|\(社区\))?"
# 8个|村的饮水安全巩固提升, at the clause's end
_WORK_RE = re.compile(
    rf"^(?P<place>{_PLACE})的(?P<work>[\u4e00-\u9fff（）]{{2,16}}?)(?:工作|任务)?"
    r"(?=[，,；;。]|$)"
)
# 12个|村集体经济收入均达到10万元
_REACHED_RE = re.compile(
    rf"^(?P<place>{_PLACE})(?P<measure>[\u4e00-\u9fff]{{2,12}}?)(?:均|都|全部|全面)?"
    r"(?P<verb>超过|达到|突破|超)(?P<floor>\d+(?:\.\d+)?[万亿]?元)"
)
# 其中达到30万元的村: a floor of the same measure
_FLOOR_RE = re.compile(rf"^(?P<floor>\d+(?:\.\d+)?[万亿]?元)的(?P<place>{_PLACE})$")
_VERB_BEFORE_RE = re.compile(r"(超过|达到|突破|超)$")
SURE = 0.75


@needs("村", "社区")
def counted_villages(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with villages counted by their work or level (see the module docstring)."""
    if "村" not in sentence and "社区" not in sentence:
        return named
    out: list[Named] = []
    measure = ""  # 村集体经济收入: the measure of the last floor read
    for n in named:
        fig = n.figure
        after = sentence[fig.end :]
        if fig.unit == "个":
            if m := _WORK_RE.match(after):
                n = replace(
                    n,
                    indicator=m.group("work") + m.group("place"),
                    confidence=max(n.confidence, SURE),
                )
            elif m := _REACHED_RE.match(after):
                place = m.group("place")
                measure = place[:1] + m.group("measure") if place.endswith("村") else ""
                measure = measure or m.group("measure")
                name = f"{measure}{m.group('verb')}{m.group('floor')}的{place}"
                n = replace(n, indicator=name, confidence=max(n.confidence, SURE))
            elif measure and (f := _FLOOR_RE.match(n.indicator)):
                verb = _VERB_BEFORE_RE.search(sentence[: fig.start].split(f.group("floor"))[0])
                name = f"{measure}{verb.group(1) if verb else '达到'}{n.indicator}"
                n = replace(n, indicator=name)
        out.append(n)
    return out
