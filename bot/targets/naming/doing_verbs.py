"""A verb of doing at a name's head is the act, not the thing counted.

Plans and reports say what they will do to a thing, then how much of it::

    推广高效节能电机1.2亿千瓦             -> 高效节能电机 (change 推广)
    制修订节能降碳国家标准和行业标准150项  -> 节能降碳国家标准和行业标准 (change 制修订)
    评选示范街区20个                      -> 示范街区 (change 评选)
    发展林下中药材5万亩                   -> 林下中药材 (change 发展)
    在赤峰、通辽新建物流园区3个           -> 物流园区 (change 新建)

The figure measures the motors, the standards, the districts: a reader names the thing,
as the gold names such records (§6.3: never a verb). The verbs here are the plain verbs
of doing the verb table does not hold (it strips its own, 建设, 改造, 培育 …, when it
cleans a name); one opens a name only when the rest is a name of its own. A verb that is
the measure (新增, 新建 …) is not one of them, unless places the act is done in come
first (``在A、B建设…``): where is no part of what is counted, and the act goes with it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.corpus.gazetteer import default_gazetteer
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# verbs of choosing, drafting, spreading or growing things, then the things (two characters at
# least after them, not a verb of their own: 推广应用 is an act, not a thing)
_DOING_RE = re.compile(
    r"^(?P<verb>推广|遴选|评选|制修订|甄选|征集|发展)(?P<thing>[\u4e00-\u9fff“”]{2,})$"
)
_ACT_AFTER_RE = re.compile(r"^(?:应用|使用|实施|运用|落地|普及)")
# places the act is done in, then a verb of building (在鄂尔多斯市、包头市建设…)
_WHERE_RE = re.compile(
    r"^在(?P<where>[\u4e00-\u9fff]{2,8}(?:[、和][\u4e00-\u9fff]{2,8}){0,4})"
    r"(?P<verb>建设|建成|新建|布局|打造|培育|创建)(?P<thing>[\u4e00-\u9fff“”]{2,})$"
)


def _places(where: str) -> bool:
    """Whether ``where`` is only places listed (鄂尔多斯市、包头市)."""
    gazetteer = default_gazetteer()
    for item in re.split(r"[、和]", where):
        m = next(iter(gazetteer.mentions(item)), None)
        if m is None or m.start or item[m.end :].strip("省市区县州盟旗"):
            return False
    return True


def without_doing_verb(named: list[Named]) -> list[Named]:
    """``named`` with a verb of doing left out of a name's head (see the module
    docstring); the verb becomes the record's change when it has none."""
    out: list[Named] = []
    for n in named:
        m = _DOING_RE.match(n.indicator)
        if m and not _ACT_AFTER_RE.match(m["thing"]) and _is_name(m["thing"]):
            n = replace(n, indicator=m["thing"], change=n.change or m["verb"])
        where = _WHERE_RE.match(n.indicator) if n.indicator.startswith("在") else None
        if where and _places(where["where"]) and _is_name(where["thing"]):
            n = replace(n, indicator=where["thing"], change=n.change or where["verb"])
        out.append(n)
    return out
