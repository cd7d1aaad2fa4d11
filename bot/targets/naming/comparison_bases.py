"""A difference from a base is the measure's, never the base's.

Documents follow a figure with how much it moved since a base, or how far it is from a
benchmark, in a clause whose words are only the comparison::

    企业达到1200家，比“十三五”末增加300家          -> 企业 300家 (not 末)
    …同比增长6.2%，增速比上月加快0.3个百分点       -> the growth's measure (not 增速比)
    …同比下降1.8%，降幅比上半年收窄2.5个百分点     -> the fall's measure (not 降幅比)
    …，比全省高0.4个百分点                          -> the same (not 高)
    合格率比全国平均水平低2个百分点                  -> 合格率 (the subject before 比)
    人均收入仅为全国平均水平的七成                    -> 人均收入

A base (初期, 五年前, 上年, 平均水平, 全国) names when, or against whom, not what: the
figure is the measure's. With no subject before 比 the measure is the figure's before it in
the sentence, of the same kind of unit; with none, the record is not confident.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# what a base is: a time before (上年, 五年前, “十四五”初期, 去年同期) or a benchmark
# (全国, 全省平均水平, 一季度, 上月)
_SCOPES = "全国|全省|全市|全区|全县|全州|全盟|全球|世界"
_BASE = (
    rf"(?:(?:{_SCOPES})(?:平均水平|平均|水平)?"
    r"|[^，,；：。比]{0,12}?(?:初期|初|末|期末|年前|上年|去年|前年|同期|上月|上季度|"
    r"季度|上半年|年初|全年|平均水平|平均|水平))"
)
_MOVE = (
    r"(?:增加|增长|提高|提升|上升|加快|回落|下降|减少|降低|放缓|扩大|缩小|收窄|缩短|延长|"
    r"多|少|高|低|快|慢)(?:了)?(?:约|近|超过|超|逾|达|达到)?"
)
# the whole clause before the figure is the comparison: 比<base><move>, 高于<base>
_BARE_CLAUSE_RE = re.compile(
    # 同比下降0.3%，降幅比上半年收窄2.5个百分点: a fall's size compared, as a growth's is
    rf"^(?:其中)?(?:增速|增幅|降幅|涨幅|总量|规模)?(?:比|较)[“”\"]?{_BASE}[“”\"]?"
    # two bases at once, each with its own figure: 比全国、全省分别高0.5个和0.3个百分点
    rf"(?:[、和与及]{_BASE}[“”\"]?)*(?:分别|均)?{_MOVE}$"
    rf"|^(?:增速|增幅|降幅|涨幅)?(?:高于|低于|快于|慢于)(?:{_SCOPES})?(?:平均水平|平均|水平)?"
    r"(?:约|近)?$"
    # a plan-execution report's base, the year's own target: 增长7.4%，高于年度目标0.4个百分点
    r"|^(?:增速|增幅)?(?:高于|低于|快于|慢于|超过|超出|超额完成)(?:年度|全年|年初|预期)(?:预期)?"
    # …务工规模达到254万人，超过年度目标任务14万人: the target's own word 任务 too
    r"(?:目标|计划)(?:任务)?(?:约|近)?$"
)
# a subject before the comparison in the figure's own name: 合格率比全国平均水平低
_SUBJECT_RE = re.compile(
    rf"^(?P<subject>.{{2,}}?)(?:(?:比|较){_BASE}{_MOVE}|(?:只有|仅为|仅有|相当于|为)"
    rf"{_BASE}的?|(?:高于|低于){_BASE})$"
)
# what joins the two figures of 分别高0.5个和0.3个百分点 (the first's unit said once)
_PAIRED_RE = re.compile(r"^(?:个|个百分点|%)?[和、与及]$")
_COMPARABLE = {
    "%": ("个百分点", "%"),
    "个百分点": ("个百分点", "%"),
}
NOT_CONFIDENT = 0.3


@needs("比", "较", "于", "只有", "目标", "计划")
def measure_of_the_difference(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with each difference from a base named by its measure (see the module
    docstring)."""
    # 较上年 as 比上年: the clause pattern reads both, so must the gate
    if not any(w in sentence for w in ("比", "较", "于", "只有", "目标", "计划")):
        return named
    out: list[Named] = []
    renamed: dict[str, Named] = {}  # a base's name -> what its first figure became
    for n in named:
        fig = n.figure
        first = renamed.get(n.indicator)
        if first is not None and _PAIRED_RE.match(sentence[first.figure.end : fig.start]):
            # the second figure of 分别高0.5个和0.3个: the same comparison, the same name
            out.append(replace(n, indicator=first.indicator, confidence=first.confidence))
            continue
        m = _SUBJECT_RE.match(n.indicator)
        if m and not _is_bare_base(m.group("subject")):
            out.append(replace(n, indicator=m.group("subject")))
            continue
        start = clause_start(sentence, fig.start)
        clause = sentence[start : fig.start].strip("，,、 ")
        if not _BARE_CLAUSE_RE.match(clause) or not _names_the_base(n.indicator, clause):
            out.append(n)
            continue
        before = _measure_before(out, n)
        if before is not None:
            out.append(replace(n, indicator=before.indicator))
            renamed[n.indicator] = out[-1]
        else:
            out.append(replace(n, confidence=min(n.confidence, NOT_CONFIDENT)))
    return out


def _names_the_base(name: str, clause: str) -> bool:
    """Whether ``name`` is a piece of the comparison (初期, 增速比) or a measure with its
    move glued on (地区生产总值高): a name of the measure itself (赤字规模 before
    比去年增加…) stays."""
    return bool(name) and (name in clause or name[-1] == clause[-1])


def _is_bare_base(subject: str) -> bool:
    """增速, 增幅, 降幅 or 涨幅 alone: the measure word of a change, no thing."""
    return subject in {"增速", "增幅", "降幅", "涨幅", "其中"}


def _measure_before(out: list[Named], n: Named) -> Named | None:
    """The nearest figure before ``n`` whose unit ``n``'s difference can be of."""
    kinds = _COMPARABLE.get(n.figure.unit, (n.figure.unit,))
    for before in reversed(out):
        if before.figure.unit in kinds:
            return before
    return None
