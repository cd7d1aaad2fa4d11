"""Things counted after the list they were entered in: named by the list, or their noun.

Reports count the projects (firms, villages …) of a list with a relative clause before
the count, the list's name inside it::

    列入市重点的86个项目完成投资310亿元     -> 市重点项目 86个, 市重点项目完成投资 310亿元
    纳入省级统筹的40个项目全部开工          -> 省级统筹项目
    纳入国家12项重大工程的85个计划新开工项目 -> 纳入国家重大工程的计划新开工项目

The clause before 的 alone is not the thing counted (列入市重点 is an act). When the noun
after the count is a bare head (项目, 企业), the list is what tells those things apart and
goes in front of it, the verb and the list's own word (计划, 名单, 库) left out; when the
noun says what they are (计划新开工项目), the relative clause stays with it, as the gold
keeps such clauses (§6.7), without the count inside it. What the clause then says of the
things (项目完成投资) is said of the named set.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_CUE_RE = re.compile(r"列入|纳入|入选|列为")
# the list a count's things were entered in, right before the count
_ENROLLED_RE = re.compile(r"(?P<verb>列入|纳入|入选|列为)(?P<list>[^，。；、,;：:的“”]{2,16})的$")
# the counted noun after the measure word: up to its first head word
_HEADS = r"项目|企业|工程|单位|行政村|村|园区|平台|基地|集群|学校|医院|机构|城市|县"
_NOUN_RE = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{_HEADS})")
_BARE = frozenset(_HEADS.split("|"))
# a list's own word at its end, and the scope word at its start
_LIST_WORD_RE = re.compile(r"(?:计划|名单|清单|范围|目录|项目库|库|盘子|序列)$")
_SCOPE_RE = re.compile(r"^全(?=[省市县区])")
# a count inside the list's name (国家12项重大工程): the list's size, not its name
_COUNT_RE = re.compile(r"\d+(?:\.\d+)?(?:项|个|批|类|大)")


def _set_name(verb: str, listed: str, noun: str) -> str:
    """The name of the things of ``listed`` counted by ``noun`` (see the module docstring)."""
    if noun not in _BARE:
        return f"{verb}{_COUNT_RE.sub('', listed)}的{noun}"
    name = _SCOPE_RE.sub("", _LIST_WORD_RE.sub("", listed))
    if re.search(r"\d", name) or len(name) < 2:
        return ""
    return name if name.endswith(noun) else name + noun


@needs("列入", "纳入", "入选", "列为")
def named_by_list(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the counts of a list's things named by it (see the module docstring)."""
    if len(named) == 0 or "的" not in sentence or not _CUE_RE.search(sentence):
        return named
    out: list[Named] = []
    bare: tuple[str, str, int] | None = None  # (noun, set name, end of its clause)
    for n in named:
        fig = n.figure
        if bare is not None and fig.start < bare[2] and n.indicator.startswith(bare[0]):
            # 86个项目完成投资310亿元: what the clause says of the things
            n = replace(n, indicator=bare[1] + n.indicator[len(bare[0]) :])
        m = (
            _ENROLLED_RE.search(sentence, max(0, fig.start - 20), fig.start)
            if fig.unit_class == "count"
            else None
        )
        noun = _NOUN_RE.match(sentence, fig.end) if m else None
        if m and noun:
            name = _set_name(m.group("verb"), m.group("list"), noun.group())
            if name and _is_name(name):
                n = replace(n, indicator=name)
                if noun.group() in _BARE:
                    stop = re.compile(r"[，。；,;]").search(sentence, noun.end())
                    bare = (noun.group(), name, stop.start() if stop else len(sentence))
        out.append(n)
    return out
