"""A group of places written before the first of a list of measures is every measure's.

``民族地区地区生产总值、一般公共预算收入分别增长6%和5%`` and ``欠发达县域人均地区生产总值、
人均一般公共预算收入增速均高于全省平均水平`` say the figures of 民族地区 and 欠发达县域, each
measure of the list; read item by item, the second measure would be filed as the whole
region's. The group is a kind of area (…地区, …县域, …山区, a zone), not a place of the
gazetteer: a named part of the region takes its own region instead (``extract``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import _ITEM_SPLIT_RE
from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# kinds of area a report gives figures for as a group (脱贫地区, 欠发达县域, 革命老区, a zone)
_GROUP_RE = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:地区|县域|山区|牧区|林区|垦区|库区|老区|片区|区域|县市|市县"
    r"|园区|开发区|高新区|新区|示范区|试验区|经济带|经济圈|经济区|城市群|都市圈)"
)
# what a group's name holds (the words of _GROUP_RE, the 区 of the zones once): a name with
# none of them opens with no group
_GROUP_WORDS = ("区", "县域", "县市", "市县", "经济带", "经济圈", "城市群", "都市圈")
# what a statistic of an area measures (收入, 增加值, 比重 …): the list items it can share
_MEASURE_RE = re.compile(
    r"(?:收入|总值|增加值|产值|支出|投资|利润|税收|零售额|总额|产量|比重|占比|增速|人口|指数|规模|[^效]率)$"
)


def _is_measure(name: str, table: IndicatorTable) -> bool:
    return 2 <= len(name) <= 16 and bool(table.canonical(name) or _MEASURE_RE.search(name))


def _group_of(name: str, table: IndicatorTable) -> str:
    """The group a name opens with when the rest is a measure of the table, else ``""``
    (the shortest such group: 民族地区|地区生产总值, not 民族地区地区|生产总值)."""
    for end in range(3, min(len(name) - 1, 17)):
        rest = name[end:]
        if _GROUP_RE.fullmatch(name, 0, end) and _is_measure(rest, table):
            return name[:end]
    return ""


@needs(*_GROUP_WORDS, figures=2)
def group_shared(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """Measures listed right after a grouped first measure take the group."""
    if len(named) < 2:
        return list(named)  # no measure listed after the first
    out = list(named)
    for i, first in enumerate(out):
        group = _group_of(first.indicator, table)
        if not group:
            continue
        at = sentence.find(first.indicator)
        if at < 0:
            continue
        end = at + len(first.indicator)
        for j in range(i + 1, len(out)):
            n = out[j]
            if n.indicator.startswith(group) or not _is_measure(n.indicator, table):
                continue
            k = sentence.find(n.indicator, end)
            if k < 1 or not _ITEM_SPLIT_RE.fullmatch(sentence, k - 1, k):
                continue
            between = sentence[end : k - 1]
            if between and not _is_list_gap(between, table):
                continue
            out[j] = replace(n, indicator=group + n.indicator)
            end = k + len(n.indicator)
    return out


def _is_list_gap(text: str, table: IndicatorTable) -> bool:
    """Whether the words between two listed measures are more measures of the list."""
    return all(_is_measure(part, table) for part in _ITEM_SPLIT_RE.split(text))
