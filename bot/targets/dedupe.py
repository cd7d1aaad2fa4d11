"""One record per figure of a document: a table row repeating a sentence's figure is dropped.

A statistical bulletin states a figure in a sentence (全年实现地区生产总值20817.5亿元) and
again in a table row (地区生产总值 | 20817.5). The extractor reads both, as the gold asks
(each is a figure of the text), but a user asking for the document's figures should see
it once: the sentence's record is kept, since it carries the words around the figure.

Pure: the records of one document in, the records users see out, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord
from bot.targets.tables import is_table_row

FigureKey = tuple[str, float, float | None, str, str, str, str]


def figure_key(record: TargetRecord, table: IndicatorTable) -> FigureKey | None:
    """What makes two records the same figure; ``None`` for a figure without a number
    (a masked or comparative figure is never the same as another)."""
    if record.value is None:
        return None
    return (
        table.family(record.indicator),
        record.value,
        record.value_max,
        record.unit,
        record.year,
        record.region,
        record.kind,
    )


def one_per_figure(records: Iterable[TargetRecord], table: IndicatorTable) -> list[TargetRecord]:
    """``records`` without the table rows whose figure a sentence of the same document
    states too.

    A table copy is dropped only when the sentence's record is shown at least as readily
    (confident, or the copy is not confident either): dropping a shown figure for a
    hidden one would lose it from the default views. Table rows repeating each other, or
    sentences repeating each other, are left alone: those are separate statements.
    """
    records = list(records)
    said: dict[FigureKey, bool] = {}  # key -> whether a sentence's record of it is confident
    for r in records:
        if not is_table_row(r.sentence) and (key := figure_key(r, table)) is not None:
            said[key] = said.get(key, False) or r.confident
    if not said:
        return records
    out: list[TargetRecord] = []
    for r in records:
        key = figure_key(r, table) if is_table_row(r.sentence) else None
        if key is not None and key in said and (said[key] or not r.confident):
            continue
        out.append(r)
    return out
