"""Figures written in Arabic numbers: ``10.9万人``, ``5%—6%``, ``1-2个``, ``x.x%``.

:func:`_number_figures` reads each number with its magnitude, measure word and hedges,
ranges, ``分别`` lists sharing one unit, rates (``842元/月``), ``2×66万千瓦``, and leaves
out the numbers that describe a class of what is counted (``30万吨/年以下煤矿``,
``100所海拔1500米以上农村中小学``).
"""

from __future__ import annotations

import re

from bot.targets.numbers.figure import _ARABIC, _MASK, Figure, _is_masked, _parse_arabic
from bot.targets.numbers.hedges import _POST_QUALIFIER_RE, _pre_qualifier
from bot.targets.numbers.not_figures import (
    _UNIT_AFTER_BLOCK_RE,
    _in_short_quote,
    _is_baseline,
    _is_threshold,
    _not_a_quantity,
)
from bot.targets.numbers.units import (
    _MAG_ALT,
    _MAGNITUDE_ONLY,
    _MAGNITUDES,
    _UNIT_ALT,
    _UNIT_TABLE,
    _unit_blocked,
    months_after_a_cut,
)
from bot.targets.numbers.unsaid_units import _PEOPLE_NOUN_RE, _unsaid_unit
from bot.targets.regex_gate import gated

_NUM = rf"(?:{_ARABIC}|{_MASK})"

# PDF text layers put a space between a number and its unit (20817.5 亿元, 4.9 %).
_GAP = r"[ \u00a0\u3000]?"
_FIGURE_RE = re.compile(
    rf"(?<![A-Za-z0-9.．+＋])(?P<sign>(?<![\d%％A-Za-z.])[-－−](?=\d))?(?P<num>{_NUM})"
    rf"(?P<approx0>多|余)?(?:{_GAP}(?P<mag>{_MAG_ALT}))?(?P<approx>多|余)?"
    rf"(?:{_GAP}(?P<unit>{_UNIT_ALT}))?"
    r"(?P<per>/(?:[百千万]?(?:平方公里|人|户|亩))|/(?:年|月|日|天|小时))?"
)
_RANGE_SEP = "-—–－~～至到"
# the measures a range may name once, after its second number (8至10款, 2至3个): counted
# things and money; 1至11月, 2021至2025年 are spans of dates, their units no measure here
_BARE_RANGE_CLASSES = frozenset({"count", "money"})


_STRUCTURAL_SETS_RE = re.compile(r"(重点)?(产业链|战线|主线)")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")


_CLASS_PRE = frozenset({"超过", "不足", "低于", "高于", "大于", "小于", "超", "不超过"})
_CLASS_AFTER_RE = re.compile(
    r"的|、[^，。；、的]{0,8}?(?:超过|不足|低于|高于|大于|小于)\d+(?:\.\d+)?[^，。；、的\d]{0,4}的"
)


# 2×66万千瓦: two units of 66 万千瓦 each.
_TIMES_BEFORE_RE = re.compile(r"(?<![\d.])(\d{1,2})\s*[×xX＊]\s*$")


# after a count of households or people and 以上: the groups of that size (50户以上农村木质
# 房屋连片村寨, 20万以上人口县, 100人以上企业)
_GROUP_AFTER_RE = re.compile(
    r"[^，。；、\d]{0,10}?(?:村寨|自然村|行政村|村|县|城市|镇|乡|企业|社区|小区|单位)(?![\u4e00-\u9fff]{0,1}[委长])"
)
# after a capacity and 以上/以下: the plants of that size (30万吨/年以下煤矿, 60万千瓦以上机组)
_CAPACITY_CLASSES = frozenset({"weight", "power", "volume"})
_PLANT_AFTER_RE = re.compile(
    r"(?:及以[上下])?[^，。；、\d的]{0,4}?(?:煤矿|矿井|矿山|机组|锅炉|电厂|电站|生产线|船舶|高炉|转炉|炉窑|装置)"
)
# after a threshold: the class it bounds, then that class's own figure
_MEASURED_CLASS_RE = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:达到|达|为|超过)?\d")
# …and the things that have it, after 的: the count is of those things
_DESCRIBED_AFTER_RE = re.compile(
    r"[\u4e00-\u9fff]{2,12}?(?:达到|达|为|超过|超)?[\d.]+(?:万亿|亿|万)?"
    r"[\u4e00-\u9fff%]{0,3}?(?:以上|以下)?的[\u4e00-\u9fff]"
)
# A count and a short attribute right before a figure: 100所|海拔 1500米以上…
_COUNT_THEN_ATTRIBUTE_RE = re.compile(
    r"[\d一二三四五六七八九十百千万]+(?:个|所|家|座|处|条|户|项|批)[\u4e00-\u9fff]{1,4}$"
)


def _listed_units(sentence: str, matches: list[re.Match[str]]) -> dict[int, re.Match[str]]:
    """Bare numbers of a ``分别`` list and the figure whose unit they share.

    ``分别增长8.9、8.5和7.7个百分点``, ``分别为12和15个``: the measure word is written
    once, after the last number. Only after ``分别`` (a few characters before the list), so
    that ``1、2号线`` or ``3和4`` in a name stay numbers of nothing.
    """
    out: dict[int, re.Match[str]] = {}
    i = 0
    while i < len(matches):
        j = i
        while (
            j + 1 < len(matches)
            and matches[j].group("unit") is None
            and sentence[matches[j].end() : matches[j + 1].start()] in _LIST_GAPS
        ):
            j += 1
        last = matches[j]
        if (
            j > i
            and last.group("unit") is not None
            and "分别" in sentence[max(0, matches[i].start() - 8) : matches[i].start()]
        ):
            for k in range(i, j):
                out[k] = last
        i = j + 1
    return out


_POINTS_LATER_RE = re.compile(r"\s*[、和及与]\s*\d+(?:\.\d+)?\s*个\s*百分点")
_LIST_GAPS = frozenset({"、", "和", "及", "与", "，"})


def _number_figures(sentence: str, quotes: list[tuple[int, int]]) -> list[Figure]:
    out: list[Figure] = []
    matches = list(_FIGURE_RE.finditer(sentence))
    listed = _listed_units(sentence, matches)
    skip_next = False
    for i, m in enumerate(matches):
        if skip_next:
            skip_next = False
            continue
        start, num = m.start(), m.group("num")
        sign = -1.0 if m.group("sign") else 1.0
        if start > 0 and sentence[start - 1] in "第":
            continue
        if _not_a_quantity(sentence, start, m.end()):
            continue
        mag, unit_s = m.group("mag") or "", m.group("unit")
        approx = m.group("approx") or m.group("approx0") or ""
        end = m.end()
        nxt = sentence[end : end + 1]
        if nxt and nxt in "+＋":
            continue
        # a range: 5%—6%, 5-6%, 1-2个, x~xx个
        value_max: float | None = None
        range_end_num = m.end("num")
        if nxt and nxt in _RANGE_SEP and i + 1 < len(matches) and matches[i + 1].start() == end + 1:
            m2 = matches[i + 1]
            unit2 = m2.group("unit")
            same_unit = unit_s is None or unit_s == unit2
            mag2 = m2.group("mag") or ""
            if unit2 is not None and unit_s is None and not mag and mag2 and nxt != "到":
                # 3000至5000亿元, 10-20万人: the magnitude said once, after the second
                mag = mag2
            if unit2 is not None and same_unit and mag2 == mag:
                if (
                    nxt in "至到"
                    and unit_s is None
                    and _UNIT_TABLE.get(unit2, ("", ""))[1] not in _BARE_RANGE_CLASSES
                    and not mag
                ):
                    pass  # 1至2: too ambiguous without a unit on the first number
                else:
                    skip_next = True
                    value_max = (
                        None if _is_masked(m2.group("num")) else _parse_arabic(m2.group("num"))
                    )
                    range_end_num = m2.end("num")
                    approx = m2.group("approx") or approx
                    unit_s = unit2
                    end = m2.end()
        if (
            unit_s is not None
            and mag in ("万", "亿")
            and end == m.end()
            and _unit_blocked(sentence, unit_s, end)
        ):
            # 76万群众: 群 starts 群众, so the people are what is counted
            unit_s, end = None, m.start("unit")
        if unit_s is None and i in listed:
            # 分别增长8.9、8.5和7.7个百分点: the unit written once, after the last number
            shared = listed[i]
            mag = mag or shared.group("mag") or ""
            unit_s = shared.group("unit")
        if unit_s is None:
            rest = sentence[end:]
            if mag in ("万", "亿") and _PEOPLE_NOUN_RE.match(rest):
                # 帮扶2万失业人员再就业: the people are the unit (万人)
                unit_s = "人"
                unit_norm, unit_class = "人", "count"
            elif unsaid := _unsaid_unit(sentence, start, end, mag):
                unit_s, unit_class = unsaid
                unit_norm = unit_s
            else:
                continue
        else:
            if _UNIT_AFTER_BLOCK_RE.match(sentence, end):
                continue
            if unit_s == "个" and months_after_a_cut(sentence, start, end):
                unit_s, end = "个月", end + 1  # 周期缩短至11个月: a time limit's level
            elif _unit_blocked(sentence, unit_s, end):
                continue
            if unit_s == "个" and _POINTS_LATER_RE.match(sentence, end):
                unit_s = "个百分点"  # 高于…16.4个、1.3个百分点: both are points
            if unit_s == "日" and "." not in m.group("num"):
                continue  # 12月29日, 3日: a day of the month; only 8.6日 is a number of days
            # (个月 is no unit of the table: only a cut's level is counted in months)
            unit_norm, unit_class = _UNIT_TABLE.get(unit_s, (unit_s, "days"))
            if unit_s == "个" and sentence.startswith(("方面", "月"), end):
                continue
            if unit_s in _MAGNITUDE_ONLY and not mag:
                continue  # 1000亿度, 2000亿方 are energy and gas; 20度, 三方 are not
            if unit_s == "岁" and re.match(
                r"(?:以下|以上|及以下|及以上)?[\u4e00-\u9fff]", sentence[end:]
            ):
                continue  # 3岁以下婴幼儿, 60岁及以上老年人: an age class
            if unit_s == "条" and _STRUCTURAL_SETS_RE.match(sentence, end):
                continue
        if _in_short_quote(start, quotes, sentence):
            continue
        if _is_baseline(sentence, start, end):
            continue
        masked = _is_masked(num)
        demonym = (
            unit_s == "人"
            and not mag
            and _CJK_RE.match(sentence, end)
            and not _POST_QUALIFIER_RE.match(sentence, end)
        )
        if masked and (unit_s == "台" or demonym):
            # 国家级创xx台 (a masked word), xx人一定要 (a masked city's people)
            continue
        mult, mag_unit = _MAGNITUDES.get(mag, (1, ""))
        if unit_class in ("percent", "points", "times"):
            if mag:
                continue  # 5万% is not a thing; likely a parsing accident
            mag_unit = ""
        times = _TIMES_BEFORE_RE.search(sentence, max(0, start - 6), start)
        factor = float(times.group(1)) if times else 1.0
        value = None if masked else sign * _parse_arabic(num) * mult * factor
        if value_max is not None:
            value_max *= mult
        unit = mag_unit + unit_norm if unit_class not in ("percent", "points") else unit_norm
        if m.group("per") and end == m.end():
            unit += m.group("per")  # 145.8万吨/年, 842元/月: a rate keeps its period
        if unit_class == "money" and _is_threshold(sentence, end):
            continue
        # a hedge after the unit
        post = ""
        pm2 = _POST_QUALIFIER_RE.match(sentence, end)
        if pm2 and not (pm2.group() == "多" and approx):
            post = pm2.group()
            end = pm2.end()
        if unit_class == "money" and post in ("以上", "以下") and _is_threshold(sentence, m.end()):
            continue
        if post in ("以上", "以下") and sentence.startswith("的", end) and unit_class != "percent":
            continue  # 规模面积200亩以上的示范园: the class of what is counted
        if (
            unit_class in _CAPACITY_CLASSES
            and (post in ("以上", "以下") or sentence.startswith(("及以上", "及以下"), end))
            and _PLANT_AFTER_RE.match(sentence, end)
        ):
            continue  # 关闭30万吨/年以下煤矿, 60万千瓦及以上机组: a size class of plants
        if (
            post in ("以上", "以下")
            and _CJK_RE.match(sentence, end)
            and (
                _COUNT_THEN_ATTRIBUTE_RE.search(sentence, max(0, start - 12), start)
                or (
                    _MEASURED_CLASS_RE.match(sentence, end)
                    # 10家以上年营业收入超10亿元的医疗器械企业: the firms counted, described
                    and not _DESCRIBED_AFTER_RE.match(sentence, end)
                )
                or (
                    unit_norm in ("户", "人", "万人", "名") and _GROUP_AFTER_RE.match(sentence, end)
                )
            )
        ):
            # 100所海拔1500米以上农村中小学: the class of the schools counted; 30户以上自然
            # 村寨覆盖率98.7%: the class of the villages the rate is about
            continue
        pre = _pre_qualifier(sentence, start)
        if pre in _CLASS_PRE and unit_class != "percent" and _CLASS_AFTER_RE.match(sentence, end):
            continue  # 入井人数超过30人、井深超过800米的矿山: the class of mines, not a figure
        qualifier = pre or post or approx
        value_text = sentence[start : m.end("mag") if m.group("mag") else m.end("num")]
        if value_max is not None or range_end_num != m.end("num"):
            value_text = sentence[start:range_end_num]
            if mag:
                value_text += mag if not value_text.endswith(mag) else ""
        num_end = start + len(value_text)
        if sentence[start:num_end] != value_text:  # range with a unit in the middle
            value_text = sentence[start:range_end_num]
            num_end = range_end_num
        out.append(
            Figure(
                start=start - len(pre),
                end=end,
                num_start=start,
                num_end=num_end,
                value=value,
                value_max=value_max if value is not None else None,
                value_text=value_text,
                unit=unit,
                unit_class=unit_class,
                qualifier=qualifier,
                masked=masked,
                pre=pre,
            )
        )
    return out


# Scanned over every sentence: gated by the characters their matches open with (see
# regex_gate).
_FIGURE_RE = gated(_FIGURE_RE)
_TIMES_BEFORE_RE = gated(_TIMES_BEFORE_RE)
