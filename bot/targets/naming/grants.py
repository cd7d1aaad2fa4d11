"""Money a higher level gives the report's own area is named by what it is, not by who
gives it and to whom.

Budget reports say the giver, the verb and the receiver (the report's own 我省, 我市)
before the money::

    财政部下达我市新增地方政府债务限额260亿元  -> 新增地方政府债务限额
    省财政厅核定我县新增专项债券额度9亿元      -> 新增专项债券额度
    中央对我省转移支付3150亿元                 -> 中央对地方转移支付
    省核定我市政府债务限额3860亿元             -> 政府债务限额

and the items a budget adds to its revenue are named without 加上 (``加上上级补助收入…``).

The giver and the verb are the clause's subject and act, never part of the name (as
:mod:`~bot.targets.naming.payers` leaves out a fund's payer). The central government's
grants keep their giver: 中央对地方转移支付 is the name the budgets give them; the
receiver, once the report's own area is dropped from the name (中央对转移支付), is 地方.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_OWN = r"(?:我省|我市|我区|我县|我州|本省|本市|本区|本县|全省|全市|全县)"
_GIVEN_RE = re.compile(
    r"^(?:财政部|国务院|中央财政|中央|上级|省财政厅|省政府|省财政|市财政局|市财政|省|市)"
    r"(?:批准|核定|核准|下达|分配|转贷|下发)+(?:给)?" + _OWN + r"?"
    r"(?P<money>.{2,}(?:限额|额度|债券|债券资金))$"
)
# 加上上级补助收入215亿元、调入资金180亿元…，收入总计…: the items added to the revenue;
# a national report's 加上调入资金及使用结转结余16638亿元 ends on what was carried over
_ADDED_RE = re.compile(r"^加上(?P<what>.{2,}(?:收入|资金|结转结余|结余))$")
# 中央对我省转移支付: the report's own area, once dropped, leaves 中央对转移支付
_CENTRAL_RE = re.compile(r"^中央(?:财政)?对" + _OWN + r"?(?P<what>转移支付(?:收入|资金)?)$")


@needs("批准", "核定", "核准", "下达", "分配", "转贷", "下发", "加上", "转移支付")
def given_from_above(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with money given by a higher level named by what it is (see the module
    docstring)."""
    out: list[Named] = []
    for n in named:
        m = _GIVEN_RE.match(n.indicator) or _ADDED_RE.match(n.indicator)
        if m:
            n = replace(n, indicator=m.group(m.lastgroup or 0))
        else:
            c = _CENTRAL_RE.match(n.indicator)
            if c:
                n = replace(n, indicator="中央对地方" + c.group("what"))
        out.append(n)
    return out
