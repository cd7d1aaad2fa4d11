"""A part's bare share of the whole it was listed under: ``一般公共预算支出567.8亿元，其中
民生支出456.7亿元，所占比重80.4%``.

Bulletins and reports give a whole, then one of its parts after ``其中`` with its share
said bare (``比重为``, ``所占比重``). The share is of that whole: ``民生支出占一般公共预算支出
比重``. Said ``占比`` it is named as written, ``税收收入占比`` (GOLD_GUIDELINES 6.8.18: 19
probe and dev golds name it so).

The other way round, a part's share of *all* the things of its own kind (``占幼儿园总数的``)
names no whole a reader needs: it is the part's ``占比`` (:func:`share_within_its_kind`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

_BARE_SHARE_END_RE = re.compile(r"(?:占比|比重|所占比重)$")
_AMONG = "其中"
# a share of the count or quantity of things (占幼儿园总数的, 占汽车新车销售总量的)
_OF_ALL_OF_ITS_KIND_RE = re.compile(
    r"^(?P<part>.{2,}?)占(?P<kind>.{2,}?)(?:总数|总量)(?:比重|比例)$"
)


@needs(_AMONG)
def share_of_the_whole(sentence: str, named: list[Named]) -> list[Named]:
    """A part's bare share, after ``其中``, is its share of the whole named before."""
    if _AMONG not in sentence:
        return list(named)
    out: list[Named] = []
    for k, n in enumerate(named):
        fig = n.figure
        bare = _BARE_SHARE_END_RE.search(n.indicator)
        among = sentence.rfind(_AMONG, 0, fig.start)
        if (
            fig.unit == "%"
            and bare
            and bare.group() != "占比"  # said 占比 it is named so, X占比 (GOLD_GUIDELINES 6.8.18)
            and among > 0
            and "占" not in n.indicator[: bare.start()]
        ):
            part = n.indicator[: bare.start()]
            wholes = [m for m in named[:k] if m.figure.end <= among and m.figure.unit != "%"]
            parts = [m for m in named[:k] if m.figure.start > among and m.indicator == part]
            if wholes and parts and wholes[-1].indicator != part:
                name = part + "占" + wholes[-1].indicator + "比重"
                n = replace(n, indicator=name)
        out.append(n)
    return out


def _shared_word(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` have two characters in a row in common."""
    return any(a[i : i + 2] in b for i in range(len(a) - 1))


@needs("总数", "总量")
def share_within_its_kind(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """A part's share of all the things of its kind is its ``占比``: ``普惠性幼儿园…，占幼儿园
    总数的90%`` is ``普惠性幼儿园占比``, ``新能源汽车新车销量占汽车新车销售总量的比例`` is
    ``新能源汽车新车销量占比`` (the whole says no more than the part does); a whole of another
    kind keeps its name (``占全市进出口总额``), and so does a share the table names."""
    if "总数" not in sentence and "总量" not in sentence:
        return list(named)
    out: list[Named] = []
    for n in named:
        m = _OF_ALL_OF_ITS_KIND_RE.match(n.indicator) if n.figure.unit == "%" else None
        if m and _shared_word(m["part"], m["kind"]) and table.canonical(n.indicator) is None:
            n = replace(n, indicator=m["part"] + "占比")
        out.append(n)
    return out


# a share written inline with the text's own scope before its whole: 集聚区产值占全省低空制造业
# 比重, 园区产值占全市工业比重 (全国 is another whole and stays)
_SCOPED_WHOLE_RE = re.compile(
    r"^(?P<part>.{2,}?)占全(?:省|市|区|县|州|镇|乡)(?P<whole>[\u4e00-\u9fff]{2,}?)的?比重$"
)


def own_measure_again(table: IndicatorTable, part: str, whole: str) -> bool:
    """Whether ``part`` ends with the measure ``whole`` names, as written
    (``对东盟进出口总额`` / ``进出口总额``) or as the table files it (``对…国家进出口额``,
    ``对…沿线国家进出口`` / ``进出口总额``: one measure in three wordings): then the scope
    before the whole says which of them (GOLD_GUIDELINES 6.6)."""
    if part.endswith(whole):
        return True
    measure = table.canonical(whole)
    if not measure:
        return False
    return any(table.canonical(part[i:]) == measure for i in range(len(part) - 1))


def whole_without_own_scope(name: str, table: IndicatorTable) -> str:
    """``集聚区产值占全省低空制造业比重`` -> ``集聚区产值占低空制造业比重``: a share's whole
    drops the text's own scope word, as a share said after its part does
    (GOLD_GUIDELINES 6.6), unless the bare whole would be the part's own measure again
    (``园区规模工业总产值占全县规模工业总产值比重``, ``楼宇经济税收占全区税收比重``)."""
    m = _SCOPED_WHOLE_RE.match(name)
    if not m or own_measure_again(table, m["part"], m["whole"]):
        return name
    return f"{m['part']}占{m['whole']}比重"
