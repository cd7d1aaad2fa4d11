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
region and kind. Which copy stays: a sentence over a table row (it carries the words
around the figure), then the first statement. A copy is dropped only for one shown at
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
from bot.targets.tables import is_table_row

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
    # per figure, the sentence kept: the first confident one, else the first one
    kept: dict[FigureKey, int] = {}
    for i, r in enumerate(records):
        if is_table_row(r.sentence) or (key := figure_key(r, table)) is None:
            continue
        j = kept.get(key)
        if j is None or (r.confident and not records[j].confident):
            kept[key] = i
    if not kept:
        return records
    out: list[TargetRecord] = []
    for i, r in enumerate(records):
        key = figure_key(r, table)
        j = kept.get(key) if key is not None else None
        if j is not None and j != i and (records[j].confident or not r.confident):
            continue
        out.append(r)
    return out
