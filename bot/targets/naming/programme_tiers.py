"""A tier named only inside its programme keeps the programme's name.

``“小巨人”企业`` is the top tier of the 专精特新 programme for small and medium firms; a
report that counts them right after the programme's firms often drops the programme::

    新培育专精特新中小企业60家、“小巨人”企业5家   -> 专精特新小巨人企业
    新增国家级“小巨人”企业3家                     -> 国家级专精特新小巨人企业

Alone, ``小巨人企业`` says no programme, and no other programme has such a tier, so the
name is the programme's tier (the name the documents and the gold write in full:
``国家级专精特新“小巨人”企业``). Other modifiers said once before a 、-list of counts do
not carry over (``国家生态文明建设示范区23个、“两山”实践创新基地13个``: the gold names
the second bare), so this is a word of the programme's, not a rule of lists.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the tier with its level before it (国家级, 省级), not already inside its programme's name
_TIER_RE = re.compile(r"^(?P<level>(?:国家|省|市)级)?(?P<tier>小巨人企业)$")
_PROGRAMME = "专精特新"


@needs("小巨人企业")
def tier_with_its_programme(named: list[Named]) -> list[Named]:
    """``named`` with a bare programme tier given its programme (see the module docstring)."""
    out = list(named)
    for k, n in enumerate(out):
        m = _TIER_RE.match(n.indicator)
        if m:
            out[k] = replace(n, indicator=(m["level"] or "") + _PROGRAMME + m["tier"])
    return out
