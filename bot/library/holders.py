"""Which documents set a target of each indicator, newest first: where an answer card is
looked for when a question names an indicator and neither a region nor a year
(國內生產總值 目標), across the whole library. Built once per index served, in one pass
over every document's key targets, not per question (reading every document's records
for one question would cost a second on a 10 MB corpus)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.models import DocumentInfo
from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord


@dataclass(frozen=True)
class TargetHolders:
    """Document ids by the indicator name of their confident targets (``by_name``) and by
    its family (``by_family``), the newest document first."""

    by_name: dict[str, tuple[str, ...]]
    by_family: dict[str, tuple[str, ...]]

    @classmethod
    def build(
        cls, rows: Iterable[tuple[DocumentInfo, TargetRecord]], table: IndicatorTable
    ) -> TargetHolders:
        """From (document, record) pairs: confident targets only (the only ones a card
        shows)."""
        years: dict[str, int] = {}
        names: dict[str, dict[str, None]] = {}
        families: dict[str, dict[str, None]] = {}
        for info, record in rows:
            if record.kind != "target" or not record.confident:
                continue
            years[info.doc_id] = info.year or 0
            names.setdefault(record.indicator, {})[info.doc_id] = None
            families.setdefault(table.family(record.indicator), {})[info.doc_id] = None

        def newest_first(groups: dict[str, dict[str, None]]) -> dict[str, tuple[str, ...]]:
            return {
                key: tuple(sorted(docs, key=lambda d: years[d], reverse=True))
                for key, docs in groups.items()
            }

        return cls(newest_first(names), newest_first(families))

    def holding(self, indicator: str, table: IndicatorTable) -> tuple[str, ...]:
        """The documents with a confident target named ``indicator``, else (none has one)
        of its family, newest first."""
        return self.by_name.get(indicator) or self.by_family.get(table.family(indicator), ())
