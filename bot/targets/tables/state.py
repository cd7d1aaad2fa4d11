"""The state of the table being read (:class:`_Table`): its caption, header,
columns, the parent row of sub-rows, what its rows are (places, years, indicators of
their own), its unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.targets.tables.columns import _Column


@dataclass(slots=True)
class _Table:
    caption: str = ""
    header: list[str] = field(default_factory=list)
    columns: list[_Column] = field(default_factory=list)
    header_open: bool = False  # the last row was a header row (a units row may follow)
    rows: int = 0
    top: str = ""  # the latest row with a name of its own: the parent of sub-rows
    top_unit: str = ""  # the unit ``top``'s label writes in brackets (亿元), if any
    child_open: bool = False  # sub-rows of ``top`` are being read
    child_measure: str = ""  # the measure of the latest sub-row with a name of its own
    title: str = ""  # a short line between rows: a group label, or the next table's title
    place_rows: bool = False
    year_rows: bool = False
    independent: bool = False  # rows are indicators of their own (plan tables, numbered rows)
    index: bool = False  # a price-index table (上年=100)
    unit: str = ""  # 单位：亿元 above the table
