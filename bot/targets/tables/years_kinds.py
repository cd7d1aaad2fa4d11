"""The year and the kind of a table cell's record (:class:`_YearsAndKinds`, a mixin
of the table reader): from the row, the column, the caption's period and the
document's year.
"""

from __future__ import annotations

from bot.targets.records import Kind
from bot.targets.tables.cells import _Cell
from bot.targets.tables.columns import _Column
from bot.targets.tables.labels import _CAPTION_YEAR_RE, _caption_period


class _YearsAndKinds:
    """The year and the kind (target or achievement) of a cell's record.

    A mixin of :class:`~bot.targets.tables.TableReader`: the methods use the reader's
    state (``self.state``, a :class:`~bot.targets.tables.state._Table`; ``self.table``,
    ``self.region``, ``self.doc_year``, ``self.bulletin``, ``self.prose``) and the other
    mixins' methods.
    """

    def _year(
        self,
        col: _Column,
        row_year: str,
        years: list[str],
        caption_period: str,
        cell: _Cell,
        change: str,
    ) -> str:
        if row_year:
            return row_year
        if col.cumulative or cell.cumulative or col.change == "年均增长":
            if len(years) >= 2:
                return f"{int(years[0]) + 1}-{years[-1]}"
            return caption_period
        if col.year == "-1":
            return str(int(self.doc_year) - 1) if self.doc_year.isdigit() else ""
        if col.year and change == "年均增长" and years and col.year > years[0]:
            return f"{int(years[0]) + 1}-{col.year}"  # a rate over the plan period
        if col.year:
            return col.year
        if self.bulletin:
            return self.doc_year
        if caption_period:
            return caption_period
        m = _CAPTION_YEAR_RE.search(self.state.caption)
        return m.group(1) if m else ""

    def _kind(
        self, col: _Column, year: str, years: list[str], section_class: str, cell: _Cell
    ) -> Kind:
        if self.bulletin:
            return "achievement"
        if col.target is True:
            return "target"
        if col.target is False:
            return "achievement"
        if col.year == "-1":
            return "achievement"
        if col.year and self.doc_year.isdigit():
            if col.year != self.doc_year:
                return "target" if int(col.year) > int(self.doc_year) else "achievement"
            return "target" if len(years) >= 2 and col.year != years[0] else "achievement"
        if col.year and len(years) >= 2:
            return "achievement" if col.year == years[0] else "target"
        if col.cumulative or cell.cumulative:
            return "target" if section_class != "review" else "achievement"
        if section_class == "review":
            return "achievement"
        if section_class == "plan" or _caption_period(self.state.caption):
            return "target"
        return "achievement"
