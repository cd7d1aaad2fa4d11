"""Key targets in tables: tab-separated rows (statistical bulletins, plan indicator tables).

Placeholder: rows are recognised and skipped so that they do not reach the sentence
extractor; reading their figures is to come.
"""

from __future__ import annotations

from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord


def is_table_row(line: str) -> bool:
    """A line of a table rebuilt from PDF or HTML: cells separated by tabs."""
    return "\t" in line.strip()


class TableReader:
    """Reads the tables of one document, a line at a time, in reading order.

    Non-table lines go to :meth:`text_line` (a caption such as ``表1：2022年地区生产总值及其
    增长速度`` names the table that follows); table lines go to :meth:`row`, which
    returns the records of that row.
    """

    def __init__(
        self, table: IndicatorTable, *, doc: str, doc_year: str, region: str, bulletin: bool
    ) -> None:
        self.table = table
        self.doc = doc
        self.doc_year = doc_year
        self.region = region
        self.bulletin = bulletin

    def text_line(self, line: str) -> None:
        """A line that is not part of a table (it may be the next table's caption)."""

    def row(self, line: str, *, section: str, section_class: str) -> list[TargetRecord]:
        """The records of one table row (header rows give none)."""
        return []
