"""Figures of a sentence that are not records: a standard a share meets (3—5年一遇), a
figure inside a name or a fixed phrase (之一, 的部分, 18-59岁), a count that only numbers
the items listed (两个市场、两种资源).

Asked by :mod:`~bot.targets.extract` before it names a figure.
"""

from __future__ import annotations

import re

from bot.targets.naming import clause_start as _clause_start
from bot.targets.naming import word_bounds
from bot.targets.numbers import Figure

_DELEGATES_RE = re.compile(r"应到|实到|出席|列席")
_RHETORIC_BEFORE = ("出现",)
# 3次亲临云南考察、4次回信: a leader's visits, letters and instructions, counted in 次
_LEADER_VISITS_RE = re.compile(r"亲临|视察|考察|回信|贺信|批示|重要讲话|重要指示")


def _without_standards_of_a_share(sentence: str, figures: list[Figure]) -> list[Figure]:
    """``全市城镇25%面积达到3—5年一遇雨水排水能力``: the return period qualifies the
    capacity the share meets, no figure of its own; a standard said as a level
    (``防洪标准提高到五十年一遇``) stays."""
    out: list[Figure] = []
    for k, f in enumerate(figures):
        # (the share before is looked for only for a return period: the rare unit first)
        if (
            f.unit == "年一遇"
            and any(
                g.unit == "%" and not _STOP_RE.search(sentence, g.end, f.start) for g in figures[:k]
            )
            and _CJK_AFTER_RE.match(sentence, f.end)
        ):
            continue
        if f.unit in ("米", "公里", "分钟") and _RADIUS_AFTER_RE.match(sentence, f.end):
            continue  # 公交站点500米覆盖率, 15分钟生活圈覆盖率: a radius in a rate's name
        out.append(f)
    return out


_CJK_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{2}")
_STOP_RE = re.compile(r"[，。；]")
_RADIUS_AFTER_RE = re.compile(r"(?:范围内|半径|内)?(?:[\u4e00-\u9fff]{0,4}圈)?覆盖率")


def _excluded(sentence: str, fig: Figure) -> bool:
    """Figures that are never targets: delegates at a meeting, rhetorical counts."""
    start, unit = fig.start, fig.unit
    if unit in ("名", "人") and _DELEGATES_RE.search(sentence):
        return True
    if unit == "次" and _LEADER_VISITS_RE.search(sentence[start : start + 12]):
        return True
    # (the ``in`` tests first: a C scan, where the lazy patterns try every length)
    if "之一" in sentence and _ONE_OF_RE.match(sentence, fig.num_end):
        # (looked for after the number: 约占全省的五分之一 is a share, its 之一 the fraction's)
        return True  # 5个国际商事仲裁中心建设试点地区之一: the others are counted, not this
    if fig.value_text.endswith("分之一") and sentence.startswith("的", fig.end):
        # 以占全国约十六分之一的耕地: a share of what follows it; left out until the
        # naming rules name the shared thing after the fraction (as before this rule)
        return True
    if unit in ("%", "成") and _EFFORT_SHARE_RE.match(sentence, fig.end):
        return True  # 把三分之一以上的时间用于调研: how effort is spent, a rule of work
    if "的部分" in sentence and _TAX_BAND_RE.match(sentence, start):
        return True  # 应纳税所得额不到100万元的部分: the band a rate applies to
    if unit == "岁" and _AGE_BAND_RE.match(sentence, start):
        return True  # 其中0-14岁42.1万人: the age band is a label of the people counted
    if unit.endswith("平方公里") and _ON_THE_LAND_RE.match(sentence, fig.end):
        # 在960万平方公里（的）土地上, 在这片一千多平方公里的热土上: where, the whole land
        # a speech stands on, not an area measured
        return sentence.rfind("在", max(0, start - 8), start) >= 0
    return sentence[max(0, start - 2) : start] in _RHETORIC_BEFORE


# a share of one's working time or effort (三分之一的时间, 一半以上精力)
_EFFORT_SHARE_RE = re.compile(r"的?(?:工作)?(?:时间|精力)")
_ON_THE_LAND_RE = re.compile(r"的?(?:广袤|辽阔)?(?:大地|土地|热土)上")
_ONE_OF_RE = re.compile(r"(?:(?!入选|成为|获评|列入)[^，。；]){1,30}?之一")
_TAX_BAND_RE = re.compile(r"[^，。；]{1,12}?(?:以下|以上|以内)?的部分")
_AGE_BAND_RE = re.compile(r"\d{1,2}\s*[-—～~至]\s*\d{1,2}\s*岁(?:人口)?\s*[\d.]")


_SMALL_CN_COUNT_RE = re.compile(r"[两二三四五六七八九十]")
_PAIRED_SLOGAN_RE = re.compile(r"[两二三四五六七八九十][个种项条][\u4e00-\u9fff]{1,4}、$")
# names of statistical categories that open with a count
_FIXED_COUNT_TERMS = ("十种有色金属", "三大粮食作物", "五大")
_ITEM_SEP_RE = re.compile(r"[、和与及]")


def _names_no_figure(sentence: str, fig: Figure) -> bool:
    """A small count in Chinese numerals that is not a figure: it counts the items
    listed just before it (生态保护红线、永久基本农田、城镇开发边界三条控制线; 发展和安全两件
    大事; “粤菜师傅”“广东技工”“南粤家政”三项工程), or it is part of a word (铁人三项).
    With 等 (哈克、团结、谢尔塔拉等三处) the count is the document's own figure."""
    vt = fig.value_text
    if fig.form != "rank" and sentence[_clause_start(sentence, fig.start) : fig.start] == "以上":
        return True  # 以上十四条，构成…: the items just listed, counted
    if fig.form == "rank" or not _SMALL_CN_COUNT_RE.fullmatch(vt) or not fig.value:
        return False
    if _PAIRED_SLOGAN_RE.search(sentence, max(0, fig.start - 8), fig.start):
        return True  # 用好两个市场、两种资源: a pair of slogans, no counts
    if fig.value > 10:
        return False
    if fig.num_start not in word_bounds(sentence):
        return True  # 铁人三项世界杯
    before = sentence[_clause_start(sentence, fig.num_start) : fig.num_start]
    if sentence.startswith(_FIXED_COUNT_TERMS, fig.start):
        return True  # 十种有色金属: a statistical category's name
    if not before or before[-1] in "、和与及等":
        return False  # 两个市场、两种资源: the count opens an item of its own
    items = [x for x in _ITEM_SEP_RE.split(before.replace("”“", "”、“")) if x.strip("“”")]
    return len(items) == int(fig.value) and len(items) > 1
