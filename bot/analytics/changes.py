"""A report against the previous report of the same region: targets and key phrases.

**Targets.** A report's own targets (kind ``target`` whose period ends in the report's
year: the year's 主要预期目标) are matched with the previous report's by indicator
family, measure and unit kind (:mod:`bot.analytics.rules`: a growth rate is matched
with a growth rate, never with a level). Each pair is ``raised`` or ``lowered`` (the
figure as written, the middle of a range, magnitudes converted: ``下降3.1%`` to
``下降3.4%`` is raised), ``unchanged`` (same figure, range and qualifier) or
``reworded`` (same middle, another qualifier or range: ``5%左右`` to ``5%以上``);
``unclear`` when either figure is masked or has no number. A target with no partner
is ``new`` or ``dropped``.

**Key phrases (新提法).** Each text is cut into clauses at punctuation and segmented
with the project's tokenizer; the candidates are words of three or more characters
and pairs of adjacent words (four or more characters together), neither a boilerplate
word (:data:`BOILERPLATE`: 坚持, 推进, 加快, 今年 …) nor starting or ending with one,
and without digits. A phrase is new when the current report uses it at least
``min_count`` times and the previous one never; dropped the other way round. Phrases
inside a longer new phrase that is listed are not listed again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bot.analytics.linking import Sourced, period_end
from bot.analytics.rules import read
from bot.targets.indicators import IndicatorTable

ChangeKind = Literal["raised", "lowered", "unchanged", "reworded", "unclear", "new", "dropped"]
# in the order they are listed
CHANGE_KINDS: tuple[str, ...] = (
    "raised",
    "lowered",
    "new",
    "dropped",
    "reworded",
    "unchanged",
    "unclear",
)

# Words every work report uses whatever it says: verbs of effort, time words, the
# frame of the report. A phrase made of them, or starting or ending with one, is not a
# 提法.
BOILERPLATE = frozenset(
    """
    坚持 推进 推动 加快 加强 深入 深化 全面 进一步 持续 积极 大力 着力 不断 切实 扎实 努力
    实施 落实 完善 提高 提升 促进 支持 建设 发展 工作 开展 实现 做好 抓好 统筹 强化 优化
    健全 构建 打造 培育 扩大 增强 保持 确保 力争 继续 稳步 有效 重点 主要 各项 各类 相关
    今年 去年 明年 全年 当前 今后 过去 一年 五年 近年来 年来 以来 期间 目前 同时 其中 以及
    我们 大家 政府 人民 各位 代表 同志 全市 全省 全区 全县 全国 我市 我省 我区 我县 本届
    工作报告 报告 审议 意见 提出 要求 进行 已经 没有 这些 这个 一些 更加 更好 更大 很多
    方面 领域 水平 能力 体系 机制 质量 任务 目标 问题 成效 成绩 基础 作用 重要 主要 一批
    取得 完成 达到 增长 同比 累计 新增 比重 左右 以上 突破 亿元 万元 万人 个百分点
    下降 上升 减少 增加 降低 分别 上年 比上年 充分 发挥 表示 衷心 感谢 深入开展 认真
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_CLAUSE_RE = re.compile(r"[，。；：！？、,.;:!?\s（）()“”\"《》【】—…·]+")
_CJK_RE = re.compile(r"^[\u3400-\u9fff]+$")
# magnitudes and ordinals segmented as words (万公顷, 亿千瓦, 第一)
_COUNTED_RE = re.compile(r"^(?:[万亿千百]|第[一二三四五六七八九十])")
MIN_WORD = 3
MIN_PAIR = 4


@dataclass(frozen=True)
class TargetChange:
    """One indicator's target this year against last: ``kind`` and both records."""

    kind: ChangeKind
    indicator: str
    current: Sourced | None
    previous: Sourced | None

    def to_dict(self) -> dict[str, Any]:
        """``change``, ``indicator``, ``previous`` and ``current`` (each: change, value,
        value_max, unit, qualifier, year, doc; or null)."""
        return {
            "change": self.kind,
            "indicator": self.indicator,
            "previous": _figure(self.previous),
            "current": _figure(self.current),
        }


def _figure(item: Sourced | None) -> dict[str, Any] | None:
    if item is None:
        return None
    rec = item.record
    return {
        "change": rec.change,
        "value": rec.value,
        "value_max": rec.value_max,
        "unit": rec.unit,
        "qualifier": rec.qualifier,
        "masked": rec.masked,
        "year": rec.year,
        "doc": item.doc.filename,
    }


def own_targets(records: Iterable[Sourced], year: int | None) -> list[Sourced]:
    """The report's targets for its own year (or a span ending in it); a document with
    none for its year (a plan outline, a congress report: their goals are for the end of
    their period, 到2025年) its targets for the later year most of them name."""
    targets = [r for r in records if r.record.kind == "target"]
    own = [r for r in targets if period_end(r.record.year) == year]
    if own or year is None:
        return own
    later = Counter(
        end for r in targets if (end := period_end(r.record.year)) is not None and end > year
    )
    if not later:
        return []
    horizon = max(later, key=lambda end: (later[end], -end))  # the nearest among equals
    return [r for r in targets if period_end(r.record.year) == horizon]


def _key(item: Sourced, table: IndicatorTable) -> tuple[str, str, str]:
    reading = read(item.record, table)
    return table.family(item.record.indicator), reading.measure, reading.base


def _firsts(items: Iterable[Sourced], table: IndicatorTable) -> dict[tuple, Sourced]:
    out: dict[tuple, Sourced] = {}
    for item in items:
        out.setdefault(_key(item, table), item)
    return out


def _middle(item: Sourced, table: IndicatorTable) -> float | None:
    reading = read(item.record, table)
    if reading.lo is None or reading.hi is None:
        return None
    return abs(reading.lo + reading.hi) / 2  # the figure as written (unsigned)


def _compare(cur: Sourced, prev: Sourced, table: IndicatorTable) -> ChangeKind:
    a, b = _middle(cur, table), _middle(prev, table)
    if a is None or b is None:
        return "unclear"
    if abs(a - b) > 1e-9 * max(1.0, abs(a)):
        return "raised" if a > b else "lowered"
    c, p = cur.record, prev.record
    same = (c.value_max, c.qualifier) == (p.value_max, p.qualifier)
    return "unchanged" if same else "reworded"


def compare_targets(
    current: Sequence[Sourced], previous: Sequence[Sourced], table: IndicatorTable
) -> list[TargetChange]:
    """The current report's targets against the previous one's (both already narrowed
    to their own year, :func:`own_targets`), by kind (:data:`CHANGE_KINDS` order), each
    kind in its report's order."""
    cur, prev = _firsts(current, table), _firsts(previous, table)
    out: list[TargetChange] = []
    for key, item in cur.items():
        before = prev.get(key)
        kind: ChangeKind = "new" if before is None else _compare(item, before, table)
        out.append(TargetChange(kind, item.record.indicator, item, before))
    for key, item in prev.items():
        if key not in cur:
            out.append(TargetChange("dropped", item.record.indicator, None, item))
    out.sort(key=lambda c: CHANGE_KINDS.index(c.kind))  # stable: document order kept
    return out


def phrase_counts(text: str, cut: Callable[[str], list[str]]) -> Counter[str]:
    """Candidate key phrases of ``text`` (see the module) and how often each occurs."""
    counts: Counter[str] = Counter()
    for clause in _CLAUSE_RE.split(text):
        if len(clause) < MIN_WORD:
            continue
        words = cut(clause)
        for i, word in enumerate(words):
            if not _CJK_RE.match(word) or word in BOILERPLATE or _COUNTED_RE.match(word):
                continue
            if len(word) >= MIN_WORD:
                counts[word] += 1
            if i + 1 < len(words):
                nxt = words[i + 1]
                pair = word + nxt
                if (
                    _CJK_RE.match(nxt)
                    and nxt not in BOILERPLATE
                    and not _COUNTED_RE.match(nxt)
                    and len(pair) >= MIN_PAIR
                    and len(word) > 1
                    and len(nxt) > 1
                ):
                    counts[pair] += 1
    return counts


def _listed(phrases: Iterable[tuple[str, int]], limit: int) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for phrase, count in phrases:
        if any(phrase in longer or longer in phrase for longer, _ in out):
            continue
        out.append((phrase, count))
        if len(out) >= limit:
            break
    return out


def new_phrases(
    current: Counter[str], previous: Counter[str], *, min_count: int = 2, limit: int = 15
) -> list[tuple[str, int]]:
    """Phrases of ``current`` (used at least ``min_count`` times) that ``previous`` never
    uses, most used first (longer first on ties), with their counts."""
    found = [(p, n) for p, n in current.items() if n >= min_count and p not in previous]
    found.sort(key=lambda pn: (-pn[1], -len(pn[0]), pn[0]))
    return _listed(found, limit)
