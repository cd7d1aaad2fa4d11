"""How many times something was done: a count of times named by the act.

Reports count acts by their times, the act right after the figure::

    商业航天全年9次发射全部成功          -> 商业航天发射
    省委、省政府16次调度推进重大产业项目  -> 调度推进重大产业项目

The thing before the figure (商业航天) is what acted, and stays; the bodies that govern
(省委、省政府, 我们) are who acted, not what is counted, and leave the name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import TIME_RE
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.clean import _QUOTE_TABLE
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _segmenter, plain_verbs

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

_TIMES_UNITS = frozenset({"次", "轮", "场次"})
# the act after the figure ends at an adverb of how it went or a clause mark
_ACT_RE = re.compile(r"[^，。；、,;：:\d]{2,16}?(?=全部|均|都|顺利|成功|圆满|[，。；、,;：:]|$)")
# bodies that act (省委、省政府, 市政府, 我们): who did it, not what was done
_AGENTS_RE = re.compile(
    r"^(?:(?:党中央|国务院|[省市区县州]委|[省市区县州]政府|我们|我[省市区县州])[、和]?)+$"
)
_ADVERBS_RE = re.compile(r"(?:全年|年内|先后|累计|共|连续|已|再)+$")


def _act_after(sentence: str, end: int) -> str:
    """The act written right after a count of times, or ``""`` (a verb in it, no figure)."""
    m = _ACT_RE.match(sentence, end)
    if not m:
        return ""
    act = m.group().translate(_QUOTE_TABLE)
    words = _segmenter().cut(act, True)
    if not any(w in plain_verbs() for w in words):
        return ""
    return act if _is_name(act) else ""


@needs(*_TIMES_UNITS)
def named_by_act(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with counts of times named by the act counted (see the module docstring)."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        act = _act_after(sentence, fig.end) if fig.unit in _TIMES_UNITS else ""
        if not act or table.canonical(n.indicator) or act in n.indicator:
            out.append(n)
            continue
        before = sentence[clause_start(sentence, fig.start) : fig.start]
        who = _ADVERBS_RE.sub("", TIME_RE.sub("", before).strip("，、 "))
        if not who or _AGENTS_RE.match(who):
            name = act  # 省委、省政府16次调度推进…: what was done
        elif _is_name(who) and n.indicator == who:
            name = who + act  # 商业航天全年9次发射: what the thing did
        else:
            out.append(n)
            continue
        out.append(replace(n, indicator=name))
    return out
