"""The word that says what of an activity a figure measures: an activity counted in
people, households, land or length gets ``人数``, ``户``, ``面积`` or ``里程``
(:meth:`_MeasureWords._with_measure_word`, a mixin of the sentence namer that
:meth:`~bot.targets.naming.emit._Emit.emit` calls).
"""

from __future__ import annotations

import re

from bot.targets.numbers import Figure

# What people and land are counted after (the activity's 人数, 面积).
# (就业, 创业, 培训 count people themselves, as 城镇新增就业 does: no 人数 after them)
_PEOPLE_ACTIVITY_END_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:伤亡|参保|参加基本医疗保险|资助|救助|安置|搬迁)$"
)
# What households are counted after (易地扶贫搬迁1230户4380人: the households moved, 易地扶贫
# 搬迁户, beside the people moved, 人数; five probe county reports count them, where dev names
# a disaster's 避险搬迁…户 by the act)
_HOUSEHOLD_ACTIVITY_END_RE = re.compile(r"扶贫搬迁$")
_AREA_WORD_RE = re.compile(r"(?:面积|规模|地|田|林|园|棚|塘|库|房|区|场|片|基地|草原|湿地)$")
_AREA_ACTIVITIES = (
    r"(?:综合)?(?:治理|改造|流转|绿化|硬化|整治|管护|补植|复垦|平整|还林|还草|休耕|轮作|防治|播种"
    r"|栽植|改良)"
)
_AREA_ACTIVITY_RE = re.compile(_AREA_ACTIVITIES)
_AREA_ACTIVITY_END_RE = re.compile(_AREA_ACTIVITIES + "$")


class _MeasureWords:
    """The measure word an activity's figure is named with.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the method uses the
    namer's state (``self.s``, ``self.table``).
    """

    def _with_measure_word(self, fig: Figure, name: str) -> str:
        """An activity measured in people or land says what of it is counted:
        ``以工代赈吸纳就业36万人`` -> ``…就业人数``; ``石漠化综合治理600平方公里``,
        ``大中型灌区现代化改造222.2万亩`` -> ``…治理面积``, ``…改造面积``."""
        people = fig.unit in ("人", "万人", "亿人")
        act = name.removesuffix("数").removesuffix("户")
        if people and act != name and _HOUSEHOLD_ACTIVITY_END_RE.search(act):
            return act + "人数"  # 1230户4380人: the people after the households
        if name in self.table:
            return name
        if fig.unit in ("人", "万人", "亿人") and _PEOPLE_ACTIVITY_END_RE.search(name):
            return name + "人数"
        if fig.unit in ("户", "万户") and _HOUSEHOLD_ACTIVITY_END_RE.search(name):
            return name + "户"  # the households moved, as 贫困户, 脱贫户 (GOLD_GUIDELINES 6.8.14)
        if fig.unit_class == "length" and _AREA_ACTIVITY_END_RE.search(name):
            return name + "里程"  # 完成街巷硬化134.6公里: the length of the work, 街巷硬化里程
        if fig.unit_class != "area" or _AREA_WORD_RE.search(name):
            return name
        if self.s.startswith(name, fig.end) and _AREA_ACTIVITY_END_RE.search(name):
            return name + "面积"  # 完成3000亩重点区域绿化: the area, written before the work
        before = self.s[: fig.start]
        at = before.rfind(name)
        if at < 0:
            return name  # a composed name: no words of the clause to read
        gap = before[at + len(name) :]
        if _AREA_ACTIVITY_RE.fullmatch(gap) or (not gap and _AREA_ACTIVITY_END_RE.search(name)):
            return name + gap + "面积"
        return name
