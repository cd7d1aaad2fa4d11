"""Pure: key-target records as a table to paste into a spreadsheet (``/targets … csv``).

A reporter wants the figures in a sheet, each with where it comes from: one row a
record, its source sentence last (the quote to check), the columns named as the command
line's ``targets --csv`` and ``/compare``'s export name theirs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.targets.records import TargetRecord

__all__ = ["RECORD_FIELDS", "record_rows"]

RECORD_FIELDS = (
    "region",
    "year",
    "kind",
    "indicator",
    "change",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "value_text",
    "doc_title",
    "doc_file",
    "section",
    "sentence",
)


def _number(value: float | None) -> float | int | str:
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value


def record_rows(items: Iterable[tuple[TargetRecord, str, str]]) -> list[dict[str, Any]]:
    """One row of :data:`RECORD_FIELDS` per (record, document title, file name)."""
    return [
        {
            "region": r.region,
            "year": r.year,
            "kind": r.kind,
            "indicator": r.indicator,
            "change": r.change,
            "value": _number(r.value),
            "value_max": _number(r.value_max),
            "unit": r.unit,
            "qualifier": r.qualifier,
            "value_text": r.value_text,
            "doc_title": title,
            "doc_file": filename,
            "section": r.section,
            "sentence": r.sentence,
        }
        for r, title, filename in items
    ]
