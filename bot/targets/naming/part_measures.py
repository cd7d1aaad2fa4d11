"""A part listed after its whole without the whole's measure: ``医疗卫生机构总诊疗人次1.36亿
人次。其中，医院4980万人次，基层医疗卫生机构8210万人次``, ``社会消费品零售总额346.8亿元。按经营
地分，城镇279.2亿元…；乡村67.6亿元…``. A bulletin splits a total by kind or by place and
writes each part by its bare noun: the part's figure is the whole's measure of that part
(医院诊疗人次, 城镇消费品零售额), not a count of hospitals or an amount called 城镇."""

from __future__ import annotations

import re

from bot.targets.frames import measure_of
from bot.targets.indicators import IndicatorTable
from bot.targets.lexicon import VERB_RE
from bot.targets.naming.words import _one_word_tag, _segmenter, word_bounds
from bot.targets.numbers.units import without_magnitude

# what opens the listing of a whole's parts: 其中, 按经营地分, 按城乡分
PARTS_RE = re.compile(r"(?:^|[，。；：:])\s*(?:其中|按[^，。；：]{1,8}分)[，：:]?")
# measures a whole's parts share; a thing counted (机构, 企业) is the part itself, and a
# number of people (人数) is a programme's, whose parts are other people (参保职工)
_PART_MEASURES = (
    "诊疗人次",
    "门急诊人次",
    "入院人数",
    "出院人数",
    "床位",
    "卫生技术人员",
    "零售额",
    "销售额",
    "营业收入",
    "利润总额",
    "总产值",
    "产值",
    "增加值",
    "在校生",
    "招生",
    "毕业生",
    "专任教师",
)


def _same_measure_word(unit: str, other: str) -> bool:
    return bool(unit) and without_magnitude(unit) == without_magnitude(other)


def _measures_of(whole: str) -> list[str]:
    """The whole's name without its owner, longest first: each tail at a word bound,
    first without a leading 总 (总诊疗人次 -> 诊疗人次, 零售总额 -> 零售额)."""
    out: list[str] = []
    for b in sorted(word_bounds(whole)):
        tail = whole[b:]
        if b > 0 and len(tail) >= 2:
            # a part is no total: its measure without the 总 first (种植业产值, not 总产值)
            bare = tail.removeprefix("总").replace("总额", "额")
            if bare != tail and len(bare) >= 2:
                out.append(bare)
            out.append(tail)
    return list(dict.fromkeys(out))


def measure_of_the_whole(
    table: IndicatorTable, part: str, unit: str, whole: str, whole_unit: str
) -> str:
    """``part`` (a bare noun listed after the whole ``whole``, in the same measure word)
    with the whole's measure; ``part`` unchanged when it has a measure of its own."""
    if (
        not whole
        or len(part) < 2
        or not _same_measure_word(unit, whole_unit)
        or VERB_RE.search(part)
        or part in whole
        # 其中工业投资增长15.3%；社会消费品零售总额865.2亿元: a statistic the table knows
        # by a name that says its measure is no part's bare noun (the ； after 其中 may have
        # moved on to the next statistic of a review's enumeration); a thing the table
        # counts (基层医疗卫生机构) is still a part measured by the whole
        or measure_of(table.canonical(part) or "")
    ):
        return part
    words = _segmenter().cut(part, True)
    if not words or _one_word_tag(words[-1]) not in ("n", "ns", "nz", "nt", "s"):
        return part  # 出口1.28万亿元: an act, not a kind or a place of the whole
    measures = _measures_of(whole)
    for measure in measures:
        if part.endswith(measure) or part.removesuffix("数").endswith(measure):
            return part  # (医院、妇幼保健院床位数: its measure said, 数 and all)
    if any(part.endswith(m) and len(part) > len(m) for m in _PART_MEASURES):
        # 规模以上工业增加值…。其中，新产品产值…: a part that says a measure of its own
        # (产值, 营业收入, 零售额) is measured by it, not by the whole's (新产品产值增加值)
        return part
    for measure in measures:
        known = table.canonical(part + measure)
        if known:
            return known  # 城镇 + 消费品零售额
    for measure in measures:
        if measure in _PART_MEASURES:
            return part + measure
    return part
