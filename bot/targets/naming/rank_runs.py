"""A rank said with no subject of its own is the rank of what the clause before said.

Reports put a rank in a clause of its own after a growth and its gap to a benchmark, or
list a second rank after a first with only its scope::

    比上年增长4.1%，增速高于全市1.2个百分点，居全市第3位 -> 地区生产总值增速全市排名
    增速居全国第6位、中部第1位                        -> …增速中部排名 (the first's, scope swapped)

The rank's own clause holds its verb and scope only (居全市第, 、中部第): the first rank
is of the growth the gap was said of, the second of what the rank before it ranked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_SCOPES = "全国|全省|全市|全区|全州|全县|中西部|西部|东部|中部|东北|内地|全球|世界"
_VERBS = "保持|稳居|位居|跃居|居于|位列|跃升至|上升至|提升至|升至|前移至|前移到|居|列"
# the text between the figure before and the rank: a separator, a verb, a scope, 第
_ALONE_RE = re.compile(rf"[，、,](?:{_VERBS})?(?P<scope>{_SCOPES})第")
_RANK_TAIL_RE = re.compile(rf"(?:{_SCOPES})?排名$")
# the gap's clause says it is the growth's (增速高于全市1.2个百分点)
_GROWTH_GAP_RE = re.compile(r"^(?:增速|增幅)(?:均)?(?:高于|快于|低于|慢于|领先)")


@needs("位", figures=2)
def rank_of_what_was_said(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a rank said alone after a growth's gap, or after another rank,
    named by what that ranks (see the module docstring)."""
    out: list[Named] = []
    for n in named:
        prev = out[-1] if out else None
        fig = n.figure
        alone = (
            _ALONE_RE.fullmatch(sentence, prev.figure.end, fig.num_start)
            if prev is not None and fig.unit == "位" and prev.figure.end <= fig.num_start
            else None
        )
        if alone and prev is not None:
            scope = alone["scope"]
            if prev.figure.unit == "位" and prev.indicator.endswith("排名"):
                base = _RANK_TAIL_RE.sub("", prev.indicator)
                if base:
                    n = replace(n, indicator=f"{base}{scope}排名")
            elif prev.figure.unit == "个百分点" and _GROWTH_GAP_RE.match(
                sentence[clause_start(sentence, prev.figure.start) : prev.figure.start]
            ):
                n = replace(n, indicator=f"{prev.indicator}增速{scope}排名")
        out.append(n)
    return out
