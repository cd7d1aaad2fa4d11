"""Measure nouns: what a figure's name says it measures, and in which units.

``种植业产值`` measures 产值 (money, or a change of it); ``粮食总产量`` measures 总产量
(tonnes, a count …); ``居民消费价格`` is a whole indicator, never a part of another.
A group of industries stated without a measure (``五大主导产业增长18.4%``) takes the
measure its parts after it all take (``name_group_heads``). Read by
:class:`bot.targets.frames.Frame` and the naming passes. Pure: no I/O.
"""

from __future__ import annotations

import re

# Measure nouns, longest first, with the unit classes a figure of that measure can have
# (``percent`` covers growth rates and shares of it).
MONEY = frozenset({"money", "percent", "points"})
MEASURES: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        (
            "总产值", "产值", "增加值", "完成投资", "投资", "营业总收入", "营业收入", "总收入",
            "资产总额", "负债总额", "利税总额", "主营业务收入",
            "收入", "零售额",
            "销售额", "利润总额", "利润", "支出", "税收", "成交额", "营业额", "存款余额",
            "贷款余额", "余额", "保费收入", "赔付支出", "出口额", "进口额", "进出口额",
            "总额", "消费支出", "可支配收入", "直接经济损失",
        ),
        MONEY,
    ),
    **dict.fromkeys(
        ("总产量", "产量", "单产", "出栏", "存栏", "吞吐量", "周转量", "运输量", "客运量", "货运量",
         "发电量", "用电量", "装机容量", "业务量", "保有量", "拥有量", "藏量", "图书藏量",
         "专利授权", "专利申请", "授权量", "申请量"),
        frozenset({"weight", "count", "volume", "power", "percent", "points"}),
    ),
    **dict.fromkeys(
        ("播种面积", "种植面积", "施工面积", "竣工面积", "销售面积", "面积"),
        frozenset({"area", "percent", "points"}),
    ),
    **dict.fromkeys(
        ("里程", "总里程", "营业里程", "通车里程"), frozenset({"length", "percent", "points"})
    ),
    **dict.fromkeys(
        ("招生", "在校生", "在校学生", "毕业生", "毕结业生", "教职工", "专任教师", "在园幼儿",
         "人数", "死亡人数", "受伤人数", "死伤人数", "起数", "床位", "用户"),
        frozenset({"count", "percent", "points"}),
    ),
    **dict.fromkeys(("价格", "居民消费价格"), frozenset({"percent", "points"})),
}  # fmt: skip
# Measures that are whole indicators: they never take the entity of an earlier figure.
WHOLE = frozenset({"居民消费价格", "可支配收入", "消费支出", "专利授权", "专利申请", "图书藏量"})
_MEASURE_RE = re.compile("(" + "|".join(sorted(MEASURES, key=len, reverse=True)) + ")$")


def measure_of(name: str) -> str:
    """The measure noun ``name`` ends with (``种植业产值`` -> ``产值``), or ``""``."""
    m = _MEASURE_RE.search(name)
    return m.group(1) if m else ""


# A set of industries counted by a numeral (五大先进制造业, 四大主导产业): a group of parts.
_GROUP_RE = re.compile(
    r"^[二三四五六七八九十]{1,2}大[\u4e00-\u9fff]{1,10}(?:产业|制造业|行业|工业)$"
)


def _part_measure(name: str) -> str:
    return measure_of(name) or ("人口" if name.endswith("人口") and len(name) > 2 else "")


def name_group_heads(names: list[str], units: list[str], lists: list[bool]) -> list[str]:
    """``五大主导产业 增长18.4%，其中，特色食品增加值增长41.9%…``: a group's growth, stated
    without a measure, is of the measure its parts in the same sentence all take; so is
    the head of a 。-sentence that lists its parts (``lists``: a 其中 in its sentence):
    ``少数民族402.33万人，其中：苗族人口…，侗族人口…`` is 少数民族人口."""
    out = list(names)
    for i, name in enumerate(names):
        group = units[i] == "%" and _GROUP_RE.match(name)
        if not group and not (i == 0 and lists[i] and not _part_measure(name)):
            continue
        parts = [n for n, u in zip(names[i + 1 :], units[i + 1 :], strict=True) if u == units[i]]
        later = {_part_measure(n) for n in parts}
        m = later.pop() if len(later) == 1 else ""
        if (group or len(parts) >= 2) and m and m not in WHOLE and not name.endswith(m):
            out[i] = name + m
    return out
