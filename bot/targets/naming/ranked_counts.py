"""Things counted by where they rank are named by the rank.

Reports count the things of a region that rank high, the rank right after the things::

    全市8项指标居全省第一            -> 居全省第一的指标
    14种农产品产量居全国第1位         -> 产量居全国第1位的农产品
    9种矿产查明资源量居全国前列       -> 查明资源量居全国前列的矿产

The figure counts the things that hold the rank, not all of them (8 of the region's
indicators), so the rank is what says which: it goes before the things with 的, as a
relative clause does (GOLD_GUIDELINES §6.7: 开设体重管理门诊的二级以上医院); being a
clause, such a name stays below the confidence line. A count with a name the indicator
table knows, or whose rank clause says more, is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.confidence import _RANK_SCOPES
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# nouns that say nothing alone, that the rank makes a name (居全省第一的指标)
_BARE_NOUNS = frozenset({"指标", "项目", "产品", "企业", "行业"})
_CLAUSE_NAME = 0.5  # below the confidence line (records.CONFIDENT)
_NUM = r"[一二三四五六七八九十\d]+"
# after the count: the things, what of them ranks, the rank verb, the scope and the rank
_RANKED_RE = re.compile(
    r"(?P<noun>[\u4e00-\u9fffA-Za-z0-9]{1,10}?)"
    r"(?P<measure>产量|产值|查明资源量|资源量|储量|规模|总量|增速|数量)?"
    r"(?P<verb>位居|稳居|居)(?P<scope>" + _RANK_SCOPES + r")"
    rf"(?P<rank>第{_NUM}位?|首位|前列|前{_NUM}(?:位|名)?)"
    r"(?=[，。；、,;]|$)"
)


@needs("居")
def ranked_things(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with counts of things that hold a rank named by it (see the module
    docstring)."""
    if "居" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        m = _RANKED_RE.match(sentence, fig.end) if fig.unit_class == "count" else None
        if (
            m
            and (_is_name(m["noun"]) or m["noun"] in _BARE_NOUNS)
            and not table.canonical(n.indicator)
            and (m["verb"] in n.indicator or n.indicator in (m["noun"], m["noun"] + "数量"))
        ):
            rank = (m["measure"] or "") + "居" + m["scope"] + m["rank"]
            # a name made of a clause about the rank: kept, not shown by default
            n = replace(
                n, indicator=f"{rank}的{m['noun']}", confidence=min(n.confidence, _CLAUSE_NAME)
            )
        out.append(n)
    return out
