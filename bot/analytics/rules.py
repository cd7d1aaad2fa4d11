"""Whether a result meets a target: the rules, written down.

A figure (a :class:`~bot.targets.records.TargetRecord`) is read as a *measure*, a
*unit* and a *signed value*:

* **Measure.** ``change``: the verb says by how much something moved (增长, 上涨,
  提高, 增加, 新增, 下降, 降低, 减少 …, not 提高到 or 增加到); ``average``: an
  average rate over years (年均增长); ``level``: everything else (达到 60%, 控制在
  5.5%以内, 突破 90万亿元, 完成 615亿元, a bare 3%). Two figures are compared only
  when their measures agree: a growth rate is never compared with a level. Two kinds
  of indicator have one measure whatever their verb: 居民消费价格 is a rate of change
  (``3%左右`` and ``上涨0.2%`` are the same measure), unemployment rates are levels.
  An indicator whose name starts with 新增 (新增城镇就业) is a level whatever its verb.
* **Unit.** ``%``, ``个百分点`` and every other unit are three worlds that never meet.
  Other units compare when their base agrees after the magnitude (万, 亿, 万亿 …):
  ``1.3万亿斤`` against ``6950亿斤`` is fine, ``万人`` against ``万元`` is not.
* **Signed value.** A decrease verb (下降, 降低, 减少, 回落, 压减, 下调) makes the value
  negative: ``下降3.1%`` is -3.1. Both target and result are read so.

Then the target is a bound on the signed value:

* **Floor qualifiers** (以上, 超过, 不少于, 不低于, 高于, 多, 余, 逾, 突破 …) bound the
  figure as written from below: met at or above it. Under a decrease verb the bound
  turns over: ``下降3.1%以上`` is met by any fall of 3.1% or more.
* **Ceiling qualifiers** (以内, 以下, 之内, 不超过, 不高于, 低于, 不足; the verb
  控制在) bound it from above: met at or below it (under a decrease verb: a fall of at
  most that much).
* **No qualifier, 左右 (上下, 约, 近) or a range** (``6.5%-7%``): the direction comes
  from the indicator. *Ceilings by convention* (居民消费价格, 城镇调查失业率 and
  城镇登记失业率, energy intensity 单位生产总值能耗) and decrease targets (减少1000万人)
  are met at or below the figure; everything else at or above it. A range is met from
  its lower end up (for a ceiling: up to its upper end); exceeding the target in the
  good direction counts as met (超额完成).
* **左右** allows a tolerance in the bad direction: 0.5 percentage point for figures in
  % or 个百分点 (growth rates, shares, rates), 2% of the target for levels in any other
  unit (``1.4万亿斤左右`` is met from 1.372万亿斤). So ``增长5%左右`` is met from 4.5%,
  ``居民消费价格3%左右`` up to 3.5%.
* **Unknown, never a guess:** a masked figure (x.x%), a figure with no number (同步,
  快于), no result for the period, or a result in another measure or unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord

Status = Literal["met", "missed", "unknown"]
STATUSES: tuple[str, ...] = ("met", "missed", "unknown")

# Families (as bot.targets.indicators names them) met at or below the figure.
CEILING_FAMILIES = frozenset(
    {"居民消费价格", "城镇调查失业率", "城镇登记失业率", "单位生产总值能耗"}
)
# Indicators that are rates of change whatever their verb says (3%左右 = 上涨3%左右).
RATE_FAMILIES = frozenset({"居民消费价格"})
# Indicators that are levels whatever their verb says (the rate itself, in %).
LEVEL_FAMILIES = frozenset({"城镇调查失业率", "城镇登记失业率"})

TOLERANCE_PP = 0.5
TOLERANCE_LEVEL = 0.02

_DECREASE = ("下降", "降低", "减少", "回落", "压减", "下调", "缩减", "缩小", "压降")
_INCREASE = ("增长", "上涨", "上升", "提高", "提升", "增加", "新增", "增", "扩大", "翻番")
_FLOOR = frozenset(
    {
        "以上",
        "之上",
        "超过",
        "超",
        "过",
        "逾",
        "不少于",
        "不低于",
        "高于",
        "多于",
        "大于",
        "多",
        "余",
    }
)
_CEILING = frozenset({"以内", "之内", "以下", "不超过", "不高于", "低于", "少于", "小于", "不足"})
_APPROX = frozenset({"左右", "上下", "约", "近"})
_SCALES = (("万亿", 1e12), ("千亿", 1e11), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4))
_LEVEL_VERB_RE = re.compile(r"(到|至|在|为)$")

PERCENT, POINTS = "%", "个百分点"


@dataclass(frozen=True)
class Reading:
    """A figure read for comparison: measure, base unit and scale, signed bounds."""

    measure: str  # change | average | level
    base: str  # % | 个百分点 | the unit without its magnitude (元, 人, 斤 …)
    scale: float
    lo: float | None
    hi: float | None
    sign: int


@dataclass(frozen=True)
class Verdict:
    """Met, missed or unknown, and why (a stable code for each rule).

    ``reason``: ``floor``, ``ceiling`` (the direction applied), or for unknown:
    ``masked``, ``no_value``, ``no_result``, ``result_masked``, ``not_comparable``.
    """

    status: Status
    reason: str


def _family(table: IndicatorTable, name: str) -> str:
    return table.family(name)


def is_decrease(change: str) -> bool:
    change = change.strip()
    return change.startswith(_DECREASE) and not _LEVEL_VERB_RE.search(change)


def _measure(record: TargetRecord, family: str) -> str:
    if family in RATE_FAMILIES:
        return "change"
    if family in LEVEL_FAMILIES or record.indicator.startswith("新增"):
        return "level"
    change = record.change.strip()
    if "年均" in change:
        return "average"
    if _LEVEL_VERB_RE.search(change):
        return "level"
    if change.startswith(_DECREASE) or change.startswith(_INCREASE):
        return "change"
    return "level"


def _unit(unit: str) -> tuple[str, float]:
    unit = unit.strip()
    if unit in (PERCENT, "％"):
        return PERCENT, 1.0
    if unit == POINTS or unit == "百分点":
        return POINTS, 1.0
    for prefix, scale in _SCALES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return unit[len(prefix) :], scale
    return unit, 1.0


def read(record: TargetRecord, table: IndicatorTable) -> Reading:
    """``record`` as a :class:`Reading` (bounds ``None`` when masked or missing)."""
    family = _family(table, record.indicator)
    measure = _measure(record, family)
    base, scale = _unit(record.unit)
    sign = -1 if is_decrease(record.change) else 1
    if record.masked or record.value is None:
        return Reading(measure, base, scale, None, None, sign)
    lo = record.value * scale
    hi = (record.value_max if record.value_max is not None else record.value) * scale
    if sign < 0:
        lo, hi = -hi, -lo
    return Reading(measure, base, scale, lo, hi, sign)


def comparable(a: Reading, b: Reading) -> bool:
    """Same measure and the same base unit (``%`` / ``个百分点`` / other)."""
    return a.measure == b.measure and a.base == b.base


def direction(target: TargetRecord, table: IndicatorTable) -> str:
    """``floor`` (met at or above) or ``ceiling`` (met at or below), on signed values."""
    qualifier = target.qualifier.strip()
    sign = -1 if is_decrease(target.change) else 1
    if qualifier in _FLOOR or target.change.strip() == "突破":
        return "floor" if sign > 0 else "ceiling"
    if qualifier in _CEILING or target.change.strip().startswith("控制"):
        return "ceiling" if sign > 0 else "floor"
    if _family(table, target.indicator) in CEILING_FAMILIES or sign < 0:
        return "ceiling"
    return "floor"


def tolerance(target: TargetRecord, reading: Reading) -> float:
    """How far a result may fall short of a 左右 target and still meet it."""
    if target.qualifier.strip() not in _APPROX:
        return 0.0
    if reading.base in (PERCENT, POINTS):
        return TOLERANCE_PP
    magnitude = max(abs(reading.lo or 0.0), abs(reading.hi or 0.0))
    return TOLERANCE_LEVEL * magnitude


def judge(target: TargetRecord, result: TargetRecord | None, table: IndicatorTable) -> Verdict:
    """Met, missed or unknown for ``result`` against ``target`` (see the module's rules)."""
    t = read(target, table)
    if target.masked:
        return Verdict("unknown", "masked")
    if t.lo is None or t.hi is None:
        return Verdict("unknown", "no_value")
    if result is None:
        return Verdict("unknown", "no_result")
    r = read(result, table)
    if result.masked or r.lo is None or r.hi is None:
        return Verdict("unknown", "result_masked" if result.masked else "no_value")
    if not comparable(t, r):
        return Verdict("unknown", "not_comparable")
    way = direction(target, table)
    tol = tolerance(target, t)
    # a result given as a range counts by its middle
    value = (r.lo + r.hi) / 2
    eps = 1e-9 * max(1.0, abs(value))
    met = value >= t.lo - tol - eps if way == "floor" else value <= t.hi + tol + eps
    return Verdict("met" if met else "missed", way)


def usable_result(target: TargetRecord, result: TargetRecord, table: IndicatorTable) -> bool:
    """Whether ``result`` measures what ``target`` does (same measure and unit base);
    masked results count (they give unknown, which is what the document says)."""
    return comparable(read(target, table), read(result, table))
