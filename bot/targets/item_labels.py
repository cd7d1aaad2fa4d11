"""The label of a list item, for the short names of the things it counts.

A plan's boxes (专栏) list what is built for each kind of thing, one numbered item per
kind, the kind first as a label::

    2．综合性消防救援应急物资：在北京、沈阳等地建设8个中央级库，…建设31个省级库，…

``中央级库`` alone does not say what is stored: the label does. A count named only by a
level and a one-character head (``中央级库``, ``省级库``, ``地市级库``) is the label's:
``综合性消防救援应急物资中央级库``; so is a store named only by its role (``12个综合仓库``
under ``防汛抗旱物资：``). Names that say what they are (``综合性国家储备基地``,
``中央生活类救灾物资储备库``, ``县级医院``) stand as written.
"""

from __future__ import annotations

import re

from bot.targets.regex_gate import gated

# 2．label：, 1. label:, （3）label： -- a label of plain words, no quotes, no figure
_LABEL_RE = re.compile(
    r"^\s*(?:\d{1,2}\s*[．.、]|[（(]\d{1,2}[）)])\s*([\u4e00-\u9fff]{2,16})[：:](?=\S)"
)
_LABEL_RE = gated(_LABEL_RE)  # tried on every paragraph (regex_gate)
# labels that head a part of the text, not a kind of thing
_NOT_A_KIND_RE = re.compile(r"目标|任务|要求|原则|思路|措施|举措|重点|内容|方向|路径|意义")
# a level and a one-character head: 中央级库, 省级库, 地市级库, 县级站
_BARE_LEVEL_RE = re.compile(r"(?:中央|国家|省|市|地市|州|县|区|乡镇|乡|村)级[\u4e00-\u9fff]")
# a store named only by its role, not by what it holds: 综合仓库, 区域性储备库, 前置仓
_BARE_STORE_RE = re.compile(r"(?:综合|区域性?|骨干|前置|备份|中转)(?:仓库|储备库|库|仓)")


def item_label(line: str) -> str:
    """The label a numbered list item opens with, ``""`` when it has none."""
    m = _LABEL_RE.match(line)
    if not m or _NOT_A_KIND_RE.search(m.group(1)):
        return ""
    return m.group(1)


def labelled(name: str, label: str) -> str:
    """``name`` of a count in an item labelled ``label`` (see the module docstring)."""
    if not label or not (_BARE_LEVEL_RE.fullmatch(name) or _BARE_STORE_RE.fullmatch(name)):
        return name
    return label + name
