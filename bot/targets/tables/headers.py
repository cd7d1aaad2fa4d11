"""Header rows and alignment (:class:`_Headers`, a mixin of the table reader): a
header row read into columns (a units row merged into it, a new table after a title), and
a data row's cells lined up with the header when cells are merged or split.
"""

from __future__ import annotations

import re

from bot.targets.tables.cells import _SPACES_RE, _UNIT_WORD_RE, _norm_unit, _split_unit
from bot.targets.tables.columns import _INDEX_HEAD_RE, _Column, _columns
from bot.targets.tables.labels import _PARENS_RE, _join_label_cells
from bot.targets.tables.state import _Table

_MAX_HEADER_CELL = 24
_HEADER_SPLIT_RE = re.compile(r"(?<=[)）%％])\s+(?=\S)")


class _Headers:
    """Header rows, and a data row's cells lined up with the header.

    A mixin of :class:`~bot.targets.tables.TableReader`: the methods use the reader's
    state (``self.state``, a :class:`~bot.targets.tables.state._Table`; ``self.table``,
    ``self.region``, ``self.doc_year``, ``self.bulletin``, ``self.prose``) and the other
    mixins' methods.
    """

    def _header_row(self, cells: list[str], classes: list[str]) -> None:
        st = self.state
        texts = [c for c in cells if c]
        if any(len(_PARENS_RE.sub("", _SPACES_RE.sub("", c))) > _MAX_HEADER_CELL for c in texts):
            return  # prose in cells (a task list): not a header, and no figures of its own
        if len(texts) <= 1:
            return  # a group label (经济发展) in a row of its own
        if st.header_open and st.header:
            # a units row under the header (比例（%） | 比例（%）): cell by cell
            merged = list(st.header)
            offset = len(merged) - len(cells)
            if offset >= 0:
                for i, c in enumerate(cells):
                    merged[i + offset] = merged[i + offset] + c
                st.header = merged
                st.columns = _columns(merged)
                return
        if st.rows and st.title:
            # a new header after a title line: a new table, the title its caption
            self.state = st = _Table(caption=st.title, unit=st.unit)
        st.header = list(cells)
        st.columns = _columns(cells)
        st.header_open = True
        st.top = ""
        st.child_open = False
        st.place_rows = any(c.role == "place" for c in st.columns)
        st.year_rows = any(c.role == "year_label" for c in st.columns)
        st.independent = any(c.role in ("seq", "category", "attr") for c in st.columns)
        st.index = bool(_INDEX_HEAD_RE.search(st.caption)) or any(c.index for c in st.columns)

    def _align(
        self, cells: list[str], classes: list[str]
    ) -> tuple[str, list[tuple[int, _Column]], list[str], str]:
        """``(label, value cells with their columns, cells, unit cell)`` of a data row whose
        cells may not line up with the header (merged or split cells)."""
        st = self.state
        cols = st.columns
        n, m = len(cols), len(cells)
        if m > n and st.header:
            # a header cell holding two columns: 2022 年末（亿元） 比上年末增长（%）
            split: list[str] = []
            for h in st.header:
                split.extend(p for p in _HEADER_SPLIT_RE.split(h) if p)
            if len(split) == m:
                st.header = split
                st.columns = cols = _columns(split)
                n = m
        label_idx = next(
            (i for i, c in enumerate(cols) if c.role in ("label", "place", "year_label")), -1
        )
        if m > n:
            first_num = classes.index("num")
            lead = first_num if label_idx >= 0 else 0
            if label_idx < 0 and m == n + 1 and classes[0] in ("text", "year"):
                # the header has no label column (年份 was on a line of its own)
                cols = [_Column("year_label" if classes[0] == "year" else "label"), *cols]
                st.columns = cols
                st.year_rows = classes[0] == "year"
                label_idx = 0
                n = len(cols)
            elif lead > label_idx >= 0 and m - n <= lead - label_idx:
                # a label spread over cells: 在总计中： | 轻工业, #粮 | 食
                extra = m - n
                head = cells[label_idx : label_idx + extra + 1]
                joined = _join_label_cells(head)
                cells = [*cells[:label_idx], joined, *cells[label_idx + extra + 1 :]]
                classes = [*classes[:label_idx], "text", *classes[label_idx + extra + 1 :]]
                m = len(cells)
        unit_cell = ""
        if m < n:
            unit_idx = next((i for i, c in enumerate(cols) if c.role == "unit"), -1)
            cat_idx = next((i for i, c in enumerate(cols) if c.role == "category"), -1)
            unit_next = label_idx + 1 < m and _UNIT_WORD_RE.match(_norm_unit(cells[label_idx + 1]))
            if (
                0 <= label_idx < unit_idx
                and m == n - 1
                and classes[label_idx] == "text"
                and not unit_next
                and _split_unit(cells[label_idx])[1]
            ):
                # label and unit in one cell: 纱吨 under 产品名称 | 单位
                label, unit_cell = _split_unit(cells[label_idx])
                cells = [*cells[: label_idx + 1], unit_cell, *cells[label_idx + 1 :]]
                cells[label_idx] = label
                classes = [*classes[: label_idx + 1], "text", *classes[label_idx + 1 :]]
                m = len(cells)
            elif 0 <= cat_idx < label_idx and m == n - 1:
                cells = ["", *cells]  # the category cell of a continued group
                classes = ["empty", *classes]
                m = len(cells)
            elif label_idx > 0 and classes[0] == "text" and m == n - 1:
                cells = ["", *cells]
                classes = ["empty", *classes]
                m = len(cells)
        if label_idx < 0:
            label_idx = 0
        label = cells[label_idx] if label_idx < m else ""
        if not label.strip():
            # no label where the header puts it: take the first text cell
            label = next((c for c, k in zip(cells, classes, strict=True) if k == "text"), "")
        out: list[tuple[int, _Column]] = []
        for i, col in enumerate(cols):
            if i >= m or i == label_idx:
                continue
            if col.role == "unit":
                unit_cell = cells[i]
            elif col.role == "value" and classes[i] == "num":
                out.append((i, col))
        return label, out, cells, unit_cell
