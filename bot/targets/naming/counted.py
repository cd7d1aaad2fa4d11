"""What a count counts ends at the thing, before what the clause says of it.

A count is followed by its noun and, with no 的 or verb between them, by what is said
of those things, which the noun read after the figure runs into::

    提升47家中心卫生院服务能力                 -> 中心卫生院 (not …服务能力)
    22条重点入黄排水沟整治率达100%            -> 重点入黄排水沟
    推进50个重点帮扶县振兴发展                 -> 重点帮扶县
    将5所省市共建高校办学体制调整为省属         -> 省市共建高校

The counted thing is the last noun the measure word goes with (家 卫生院, 条 排水沟);
what follows it is a rate, a capacity or a change of those things, not part of them.

Who the things are opened to or serve, said with 面向 before the verb, is no part of
them either: ``49个体育场馆面向市民分类开放`` -> ``体育场馆`` (a name that opens with
面向, 面向东盟的合作平台, keeps it).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, word_bounds

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# the things each measure word counts, at the end of their name
_HEADS = {
    "个": r"(?:县域|县|区|市|村|镇|乡镇|断面|产业|园区|基地|平台|片区|城市|社区|集群)",
    "家": r"(?:卫生院|医院|企业|机构|银行|中心)",
    "所": r"(?:高校|学校|院校|医院|幼儿园|中小学|大学)",
    "条": r"(?:排水沟|河流|河道|道路|线路|航线|河湖)",
}
# what is said of the things: a rate or a share (水质优良比例), a capacity, a level, a
# change of them (not 质效: a count said to be of a quality is left to the confidence
# checks, counts_a_quality)
_SAID_OF_RE = re.compile(
    r"(?:率|比例|比重|能力|水平|发展|改革|攻坚|调整为[\u4e00-\u9fff]{2,4}|占[\u4e00-\u9fff]{2,16})$"
)


# 面向… after the thing and before the clause's verb (…面向市民分类): who it serves
_TOWARDS_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})面向[^的，,；;。]{1,12}$")


def _thing_end(name: str, unit: str) -> int:
    """Where the counted thing ends in ``name`` (``0`` when nothing is said after it)."""
    heads = _HEADS.get(unit.removeprefix("万").removeprefix("多"))
    if heads is None:
        return 0
    bounds = word_bounds(name)
    best = 0
    for m in re.finditer(heads, name):
        if m.end() in bounds and m.end() < len(name):
            best = m.end()
    return best


@needs("率", "比例", "比重", "能力", "水平", "发展", "改革", "攻坚", "调整为", "占", "面向")
def counted_thing(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with each count's noun cut before what is said of the things (see the
    module docstring)."""
    out: list[Named] = []
    for n in named:
        name = n.indicator
        fig = n.figure
        k = _thing_end(name, fig.unit) if fig.unit_class == "count" else 0
        if (
            k >= 2
            and not table.canonical(name)
            and _SAID_OF_RE.search(name[k:])
            and name[k - 2 : k] in sentence[fig.end : fig.end + 40]  # read after the figure
            and _is_name(name[:k])
        ):
            n = replace(n, indicator=name[:k])
        towards = _TOWARDS_RE.search(n.indicator) if fig.unit_class == "count" else None
        if towards and _is_name(n.indicator[: towards.start()]):
            n = replace(n, indicator=n.indicator[: towards.start()])
        out.append(n)
    return out
