"""The years a key target answers for: the year asked (:func:`of_the_year`, with the
documents that set a target for it themselves, :func:`stating_the_year`), a record's own
years (:func:`record_years`) and a five-year plan period named (:func:`of_the_period`).
Split out of :mod:`bot.library.answers`, which ranks the records that pass.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from bot.models import DocumentInfo, Understood
from bot.search.understand import named_period
from bot.targets.records import TargetRecord
from bot.text.years import period_years


def of_the_year(
    info: DocumentInfo,
    record: TargetRecord,
    understood: Understood,
    stating: Collection[str] = (),
) -> bool:
    """Whether ``record`` may answer for the year asked: its own period is that year,
    or its document's year is and the record names no period, or the document (its id
    not in ``stating``) sets no target for that year itself (any record when no year
    was asked). A 2026 report's
    goals for 2030 do not answer for 2026: its targets for 2026 do; a 2024 action
    plan's goals for 2027 answer for 2024, the plan's year, as it has no others."""
    wanted = understood.year
    if wanted is None or record.year == str(wanted):
        return True
    # a record dated to no period of its own is of its document's year
    return info.year == wanted and (not record.year or info.doc_id not in stating)


def stating_the_year(
    rows: Iterable[tuple[DocumentInfo, TargetRecord]], understood: Understood
) -> frozenset[str]:
    """The documents among ``rows`` that set a confident target for the year asked."""
    wanted = understood.year
    if wanted is None:
        return frozenset()
    return frozenset(
        info.doc_id
        for info, record in rows
        if record.kind == "target" and record.confident and record.year == str(wanted)
    )


def record_years(info: DocumentInfo, record: TargetRecord) -> tuple[int, int] | None:
    """The years a target is for: its own period (2026-2030, 2030), else its
    document's year; ``None`` when neither is known."""
    years = period_years(record.year)
    if years is not None:
        return years
    return (info.year, info.year) if info.year else None


def of_the_period(
    rows: Iterable[tuple[DocumentInfo, TargetRecord]], query: str
) -> list[tuple[DocumentInfo, TargetRecord]]:
    """``rows`` that answer for the five-year plan period ``query`` names (十四五 GDP 目标):
    targets for the period itself (2021-2025), or for its last year set before that
    year (a 2021 plan's 到2025年 goal); not a 十五五 goal, nor one year's target inside
    the period (a 2023 report's 2023 target is that year's, not the plan's). Results
    likewise: of the period, or of its last year in a later document's review. All
    ``rows`` when no period is named."""
    rows = list(rows)
    period = named_period(query)
    if period is None:
        return rows
    last = period[1]

    def plans_the_period(info: DocumentInfo, record: TargetRecord) -> bool:
        years = record_years(info, record)
        if years == period:
            return True
        if record.kind == "achievement":
            # what the period reached, as a later report's review of it says of its last
            # year (海拉尔 2016's 标准化学校创建率93.5% of 2015, for 十二五期间)
            return years == (last, last) and info.year is not None and info.year > last
        return years == (last, last) and info.year is not None and info.year < last

    return [(i, r) for i, r in rows if plans_the_period(i, r)]
