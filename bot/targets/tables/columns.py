"""The columns of a table, read from its header row.

Each header cell is a role (sequence number, label, place, year, category, unit,
attribute) or a value column with what its values are: a year's level, a growth rate,
a share, a price index, a base-year result or a target, an average or a cumulative
figure, and the unit its header writes (``2022 年（亿元）``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.targets.tables.cells import (
    _LAST_YEAR_HEAD_RE,
    _LEAD_YEAR_RE,
    _SPACES_RE,
    _UNIT_WORD_RE,
    _norm_unit,
)

_SEQ_HEAD_RE = re.compile(r"^(?:序号|编号|序|No\.?)$", re.IGNORECASE)
_LABEL_HEAD_RE = re.compile(
    r"^(?:主要)?(?:指标|指标名称|名称|项目|产品名称|产品|类别|分类|分组|内容|行业|品种|类型|门类)$"
)
_PLACE_HEAD_RE = re.compile(
    r"^(?:地区|区域|地市|市州|市（州）|县（市、区）|县市区|区县|区（县）|城市|单位名称)$"
)
_YEAR_HEAD_RE = re.compile(r"^(?:年份|年度|年别|时间)$")
_CATEGORY_HEAD_RE = re.compile(r"^(?:类别|领域|方面|分类|维度|一级指标)$")
_UNIT_HEAD_RE = re.compile(r"^(?:单位|计量单位)$")
_ATTR_HEAD_RE = re.compile(r"^(?:属性|指标属性|性质|指标性质|备注|说明)$")
_GROWTH_HEAD_RE = re.compile(r"增长|增速|增减|涨跌|涨幅|比上年|同比|比上月|比年初|增幅|降幅")
_SHARE_HEAD_RE = re.compile(r"比重|占比|构成|比例")
_INDEX_HEAD_RE = re.compile(r"指数|上年\s*=\s*100|以上年为100")
_TARGET_HEAD_RE = re.compile(r"目标|预期|规划|计划")
_BASE_HEAD_RE = re.compile(r"基期|基数|现状|基准|完成|实际|实绩")
_AVERAGE_HEAD_RE = re.compile(r"年均|累计")
_HEAD_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年?")
_HEAD_UNIT_RE = re.compile(r"[（(]([^（）()]+)[)）]")
_HEAD_GENERIC_RE = re.compile(
    r"^(?:绝对数|绝对值|数值|数量|总量|总数|年末数|全年|本年|本期|实绩|完成|完成数|实际|金额|数据|合计"
    r"|预期值|目标值|指标值|现状值|基期值|规划值|\d{4}年?(?:末|底)?(?:目标|预期)?)$"
)


@dataclass(slots=True)
class _Column:
    role: str  # seq, label, place, year_label, category, unit, attr, value
    text: str = ""
    unit: str = ""
    year: str = ""
    change: str = ""
    share: str = ""  # 比重 / 占比 / 比例 for share columns
    index: bool = False
    target: bool | None = None  # True: a target column, False: a base or result column
    cumulative: bool = False  # 年均/累计
    measure: str = ""  # 产量 for 产量（万吨）


def _value_column(text: str) -> _Column:
    raw = _SPACES_RE.sub("", text)
    col = _Column("value", raw)
    for m in _HEAD_UNIT_RE.finditer(raw):
        inner = m.group(1)
        if _UNIT_WORD_RE.match(inner):
            col.unit = _norm_unit(inner)
    if not col.unit and raw.endswith(("%", "％")):
        col.unit = "%"
    m = _HEAD_YEAR_RE.search(raw)
    if m and not _INDEX_HEAD_RE.search(raw) and raw[m.start() - 1 : m.start()] != "比":
        col.year = m.group(1)  # not 比2020年增长: that year is the base
    elif _LAST_YEAR_HEAD_RE.match(raw):
        col.year = "-1"  # resolved against the document year
    if _INDEX_HEAD_RE.search(raw) and not _GROWTH_HEAD_RE.search(raw.replace("上年", "")):
        col.index = True
    elif _GROWTH_HEAD_RE.search(raw) and "比重" not in raw:
        if "涨跌" in raw or "涨幅" in raw or "上涨" in raw:
            col.change = "上涨"
        elif "年均" in raw:
            col.change = "年均增长"
        elif "降幅" in raw or "下降" in raw:
            col.change = "下降"
        elif "增减" in raw and not col.unit:
            col.change = "增加"  # an absolute change, in the row's unit
        else:
            col.change = "增长"
        if not col.unit and col.change != "增加":
            col.unit = "%"
    elif share := _SHARE_HEAD_RE.search(raw):
        col.share = "比重" if share.group() == "构成" else share.group()
        if not col.unit:
            col.unit = "%"
    if _AVERAGE_HEAD_RE.search(raw) and not col.change:
        col.cumulative = True
    if _TARGET_HEAD_RE.search(raw):
        col.target = True
    elif _BASE_HEAD_RE.search(raw):
        col.target = False
    bare = _HEAD_UNIT_RE.sub("", raw)
    bare = _LEAD_YEAR_RE.sub("", bare)
    plain = not (col.change or col.share or col.index or col.cumulative)
    if bare and plain and not _HEAD_GENERIC_RE.match(bare) and not _TARGET_HEAD_RE.search(bare):
        col.measure = bare
    return col


def _columns(cells: list[str]) -> list[_Column]:
    texts = [_SPACES_RE.sub("", c) for c in cells]
    cols: list[_Column] = []
    has_label = any(_LABEL_HEAD_RE.match(t) and not _CATEGORY_HEAD_RE.match(t) for t in texts)
    label_seen = False
    for i, t in enumerate(texts):
        if _SEQ_HEAD_RE.match(t):
            cols.append(_Column("seq", t))
        elif _CATEGORY_HEAD_RE.match(t) and has_label and not label_seen:
            cols.append(_Column("category", t))
        elif not label_seen and _PLACE_HEAD_RE.match(t):
            cols.append(_Column("place", t))
            label_seen = True
        elif not label_seen and _YEAR_HEAD_RE.match(t):
            cols.append(_Column("year_label", t))
            label_seen = True
        elif not label_seen and (_LABEL_HEAD_RE.match(t) or (i == 0 and not t)):
            cols.append(_Column("label", t))
            label_seen = True
        elif _UNIT_HEAD_RE.match(t):
            cols.append(_Column("unit", t))
        elif _ATTR_HEAD_RE.match(t):
            cols.append(_Column("attr", t))
        else:
            cols.append(_value_column(t))
    return cols
