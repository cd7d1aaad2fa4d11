"""One record per figure of a document: the rule every view of the records reads by.

A document may state one figure more than once. A statistical bulletin states it in a
sentence (全年实现地区生产总值20817.5亿元) and again in a table row (地区生产总值 |
20817.5); a work report gives a target (居民消费价格涨幅3%左右) and repeats it when it
explains it. The extractor reads every copy, as the gold asks (each is a figure of the
text), but a user asking for figures should see each once: ``/targets``, ``/compare``,
digests, ``/scorecard``, ``/changes``, charts, answer cards, the command line and the MCP
tools all read the records :class:`~bot.targets.store.TargetStore` serves, and the store
applies :func:`one_per_figure`, once, as it reads a document's records file.

The same figure: the same document (the rule sees one document's records at a time:
two documents stating one figure are two sources, each shown), indicator family,
signed value and upper end (下降0.9% and a column's -0.9 are one figure), unit, year,
region and kind; for two sentences, the same part of the year too (一季度 and 上半年
growth of one story are two figures, though their year is one). Which copy stays: a
sentence over a table row (it carries the words around the figure), then the first
statement. A copy is dropped only for one shown at
least as readily (confident, or the copy is not confident either), so a default view
never loses a figure to a hidden twin. Table rows repeating table rows are kept: rows of
one table or of two tables with the same name and value are, more often than not,
different things whose row names lost their headings (其中 rows, sub-tables).

Pure: the records of one document in, the records users see out, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord
from bot.targets.table_lines import is_table_row

FigureKey = tuple[str, float, float | None, str, str, str, str]

# a change that lowers the figure: its value is read as negative (下降0.9% is the -0.9 of
# a 上涨 column)
_FALL_RE = re.compile(r"降|减|跌|回落|缩小|下滑")


def _signed(value: float | None, change: str) -> float | None:
    if value is None:
        return None
    return -abs(value) if _FALL_RE.search(change or "") else value


def figure_key(record: TargetRecord, table: IndicatorTable) -> FigureKey | None:
    """What makes two records of a document the same figure; ``None`` for a figure
    without a number (a masked or comparative figure is never the same as another)."""
    value = _signed(record.value, record.change)
    if value is None:
        return None
    return (
        table.family(record.indicator),
        value,
        _signed(record.value_max, record.change),
        record.unit,
        record.year,
        record.region,
        record.kind,
    )


# 一季度, 上半年, 1—9月: the part of the year a sentence's figure is of, which its year does
# not say (一季度增长5.3% and 上半年增长5.3% of one story are two figures)
_PART_OF_YEAR_RE = re.compile(
    r"上半年|下半年|前三季度|前两季度|第?[一二三四]季度|\d{1,2}\s*[-—－–~～至]\s*\d{1,2}\s*月"
)


def _part_of_year(record: TargetRecord) -> str:
    """The last part of a year written before the figure in its sentence, or ``""``."""
    at = record.sentence.find(record.value_text) if record.value_text else -1
    found = _PART_OF_YEAR_RE.findall(record.sentence[: at if at >= 0 else None])
    return found[-1] if found else ""


def _may_repeat(records: list[TargetRecord]) -> bool:
    """Whether two of ``records`` may be one figure: :func:`figure_key` but the family."""
    seen: set[tuple] = set()
    for r in records:
        value = _signed(r.value, r.change)
        if value is None:
            continue
        loose = (value, _signed(r.value_max, r.change), r.unit, r.year, r.region, r.kind)
        if loose in seen:
            return True
        seen.add(loose)
    return False


def one_per_figure(
    records: Iterable[TargetRecord], table: IndicatorTable | Callable[[], IndicatorTable]
) -> list[TargetRecord]:
    """``records`` (of one document) with each figure stated more than once kept once:
    a table row whose figure a sentence states, and a sentence repeating an earlier
    sentence's figure, are dropped (see the module for the rule).

    ``table`` may be given as a function that loads it: a document none of whose figures
    share value, unit, year, region and kind has nothing to drop, and is served without
    the indicator table ever being read."""
    records = list(records)
    if not _may_repeat(records):
        return records
    if callable(table):
        table = table()
    # per figure, the sentences kept: [index, part of the year]; a sentence naming no part
    # (a headline's 增长5.8%) is the statement of the part a later twin names (前三季度…
    # 增长5.8%), and of that part only from then on
    kept: dict[FigureKey, list[list]] = {}
    dropped: set[int] = set()  # sentences repeating a kept one shown at least as readily
    for i, r in enumerate(records):
        if is_table_row(r.sentence) or (key := figure_key(r, table)) is None:
            continue
        part = _part_of_year(r)
        same = next((e for e in kept.setdefault(key, []) if part in (e[1], "") or not e[1]), None)
        if same is None:
            kept[key].append([i, part])
            continue
        same[1] = same[1] or part
        if r.confident and not records[same[0]].confident:
            dropped.add(same[0])  # a hidden statement gives way to a shown one
            same[0] = i
        else:
            dropped.add(i)
    if not kept:
        return records
    said: dict[FigureKey, bool] = {}  # figure -> whether a sentence of it is shown
    for key, entries in kept.items():
        said[key] = any(records[i].confident for i, _part in entries)
    out: list[TargetRecord] = []
    for i, r in enumerate(records):
        if i in dropped:
            continue
        # a table row: dropped when a sentence states it, unless the row is shown and no
        # sentence of it is
        if (
            is_table_row(r.sentence)
            and (key := figure_key(r, table)) in said
            and (said[key] or not r.confident)
        ):
            continue
        out.append(r)
    return out
