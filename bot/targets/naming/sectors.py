"""The sector of firms counted by what they have.

An action plan counts the firms it will bring in by the technology they master::

    引育5家以上具有脑机接口核心技术与产品研发能力的自主创新企业

The name is the head after ``的`` (``自主创新企业``), which alone does not say which firms
these are: the technology's field does (``脑机接口自主创新企业``). The field is what the
clause names before ``核心技术``/``关键技术``, without the activity words that may end it
(``食品创制核心技术`` -> ``食品``). A sentence that opens with its field
(``在空间信息领域，新增…创新平台5个以上``) gives it to the bodies it counts:
``空间信息领域创新平台``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# 以上具有脑机接口核心技术…: what follows the count, up to the technology
_HAVING_FIELD_RE = re.compile(
    r"^(?:以上|多|余)?(?:具有|具备|拥有|掌握)(?P<field>[\u4e00-\u9fffA-Za-z0-9]{2,12}?)"
    r"(?:核心|关键|共性|前沿|先进)技术"
)
# activity words that end a field (食品创制, 集成电路设计): the field is before them
_ACTIVITY_TAIL_RE = re.compile(r"(?:创制|研发|研制|制造|设计|生产|开发|原创|创新|应用|服务)$")
# heads that name firms or bodies by their role only
_ROLE_HEAD_RE = re.compile(r"(?:企业|机构|平台|团队|主体)$")


def field_of(after: str) -> str:
    """``以上具有食品创制核心技术…`` -> ``食品``; ``""`` when no technology is named."""
    m = _HAVING_FIELD_RE.match(after)
    if not m:
        return ""
    field = m.group("field")
    while len(field) > 2 and (tail := _ACTIVITY_TAIL_RE.search(field)) and tail.start() >= 2:
        field = field[: tail.start()]
    return field


# 在空间信息领域，新增…创新平台5个: the field the sentence is about
_FIELD_LEAD_RE = re.compile(
    r"^\s*(?:(?:到|至)?\d{4}年(?:底|末)?[，,])?在(?P<field>[\u4e00-\u9fffA-Za-z0-9]{2,10}领域)[，,]"
)


@needs("企业", "机构", "平台", "团队", "主体")
def with_field(sentence: str, named: list[Named]) -> list[Named]:
    """Counts of firms named by their role take the field of the technology they have,
    or the field the sentence opens with (``在空间信息领域，新增…创新平台5个以上``)."""
    lead = _FIELD_LEAD_RE.match(sentence)
    out: list[Named] = []
    for n in named:
        fig = n.figure
        if fig.unit_class == "count" and _ROLE_HEAD_RE.search(n.indicator):
            field = field_of(sentence[fig.end :]) or (lead.group("field") if lead else "")
            if field and field not in n.indicator:
                n = replace(n, indicator=field + n.indicator)
        out.append(n)
    return out
