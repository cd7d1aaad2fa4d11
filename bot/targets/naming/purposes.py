"""A bare fund is named by the purpose said right after its amount.

Budget reports (and the money lines of work reports) size a fund that has no name of its
own, then say what it is for::

    统筹资金46亿元支持先进制造业发展   -> 先进制造业发展资金 (not 资金)
    安排资金12亿元用于老旧小区改造     -> 老旧小区改造资金 (not 安排资金)
    安排专项资金5亿元支持文旅融合      -> 文旅融合专项资金

Only a fund with no name (资金, 专项资金, 财政资金, after the verb that raised it) takes
the purpose; a named fund (就业补助资金) keeps its name, and a purpose said in a clause
of its own (…，支持乡村振兴) may be the sentence's, not the fund's: left as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_BARE_FUND_RE = re.compile(
    r"^(?:统筹|安排|筹集|投入|下达|拨付|落实|争取|整合)?(?P<fund>(?:专项|财政|补助)?资金)$"
)
_PURPOSE_RE = re.compile(
    r"^(?:以上|左右)?(?:专项)?(?:支持|用于)(?P<purpose>[\u4e00-\u9fff、和]{2,16})(?=[，,；;。]|$)"
)
SURE = 0.75


@needs("资金")
def fund_for_its_purpose(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with each bare fund named by its purpose (see the module docstring)."""
    if "资金" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        f = _BARE_FUND_RE.match(n.indicator)
        p = _PURPOSE_RE.match(sentence[n.figure.end :]) if f else None
        if f and p:
            name = p.group("purpose") + f.group("fund")
            n = replace(n, indicator=name, confidence=max(n.confidence, SURE))
        out.append(n)
    return out
