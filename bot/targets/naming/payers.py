"""A fund said after who pays it and the verb of paying is named by the fund.

Plans say which budget pays, then the verb, then the fund::

    市级财政每年安排产业引导专项资金2亿元   -> 产业引导专项资金 (not 市级财政安排…)
    省财政下达专项补助资金3亿元             -> 专项补助资金
    省级安排以旧换新补贴资金50亿元          -> 以旧换新补贴资金
    省级财政将再安排以旧换新配套资金20亿元  -> 以旧换新配套资金

The payer is the subject of the clause and the verb what it does: neither is part of the
fund's name. A fund whose name holds its payer with no verb (省级财政资金,
中央财政衔接推进乡村振兴补助资金) is left as written, and so is a bare 资金, which would
name nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_PAID_RE = re.compile(
    r"^(?:(?:中央|自治区|省级|省|市级|市|州|县级|县|区级|区|各级)?财政|省级|市级|县级|区级)"
    # (a level alone pays too, 省级安排…资金; 将再安排, 每年安排: when, not what)
    r"(?:将)?(?:再)?(?:每年|年均|累计|共|再)?"
    # (统筹安排: one act of paying, the 安排 no part of the fund)
    r"(?:统筹(?:安排|拨付|下达|筹措)?|安排|拨付|下达|筹措)"
    # (…专项资金规模: the fund's size is the fund, as the table's 规模 is its measure)
    r"(?P<fund>.{2,}(?:资金|经费|基金|补助|补贴)(?:规模)?)$"
)
_PAYER_WORD_RE = re.compile(r"财政|[省市县区]级(?:将)?(?:再)?(?:每年)?安排")


@needs("财政", "级安排", "级将", "级再", "级每年")
def fund_without_its_payer(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with a fund's payer and verb of paying left out of its name (see the
    module docstring)."""
    if not _PAYER_WORD_RE.search(sentence):
        return named
    out: list[Named] = []
    for n in named:
        m = _PAID_RE.match(n.indicator)
        if m and m.group("fund") != "资金":
            n = replace(n, indicator=m.group("fund"))
        out.append(n)
    return out
