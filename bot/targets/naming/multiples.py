"""A multiple of a base, in the clause after a figure, is that figure's multiple.

Reports set a level against a time or a benchmark in the next clause, naming only the
base::

    总数达到612家，是五年前的2.6倍                 -> 高新技术企业 2.6倍
    人均地区生产总值突破9万元，达到全国平均水平的1.1倍 -> 人均地区生产总值 1.1倍

The base (五年前, 全国平均水平) is what the figure is compared with, not what it
measures (GOLD_GUIDELINES §1: 是xxxx年的x.xx倍 gives unit 倍 on the same thing).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import TIME_RE
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the clause of the multiple: a verb of being, the base and 的, nothing else
_MULTIPLE_RE = re.compile(r"(?:是|为|达到|达|相当于)(?P<base>[^，。；、\d]{1,12}?)的$")
# bases that are benchmarks or times: 全国平均水平, 五年前, 上年同期
_BENCHMARK_RE = re.compile(
    r"(?:全国|全省|全市|全州|全区|全县|同期|东部地区|西部地区)(?:平均水平|平均|水平)?"
    r"|[一二三四五六七八九十两\d]+年前|(?:19|20)\d\d年(?:末|底)?|(?:上|去|前)年(?:同期)?"
)


def _is_base(base: str) -> bool:
    return bool(_BENCHMARK_RE.fullmatch(base) or TIME_RE.fullmatch(base))


@needs("倍", figures=2)
def multiple_of_the_figure_before(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a multiple of a base named by the figure before it (see the module
    docstring)."""
    if len(named) < 2 or "倍" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        last = out[-1] if out else None
        if fig.unit == "倍" and last is not None and last.figure.unit != "倍":
            lo = clause_start(sentence, fig.start)
            m = _MULTIPLE_RE.search(sentence, lo, fig.start)
            if (
                m
                and m.start() == lo
                and _is_base(m.group("base"))
                and re.fullmatch(r"[，,]", sentence[last.figure.end : lo])
            ):
                n = replace(n, indicator=last.indicator)
        out.append(n)
    return out
