"""Key targets in tables: tab-separated rows (statistical bulletins, plan indicator tables).

Real documents carry tables as tab-separated lines rebuilt from PDF or HTML. The walker
of :mod:`bot.targets.extract` hands every non-table line to :meth:`TableReader.text_line`
(a caption such as ``表1：2022 年地区生产总值及其增长速度`` names the table that follows)
and every table line to :meth:`TableReader.row`, which returns the records of that row.

One record per numeric cell of a data row (``GOLD_GUIDELINES.md`` §6.4): the sentence is
the whole line, the indicator the row's name made into what is measured, with the caption,
the header and the row's parent (``#住宅`` under ``商品房销售面积``) completing half names.
Header rows, units rows, captions, group labels and footnotes give no records.

Handled shapes:

* bulletin tables ``指标 | 2022 年（亿元） | 比上年增长（%）``, with a unit column
  (``产品名称 | 单位 | 产量 | 比上年增长``), share columns (``比重（%）``), price indices
  (``上年=100``), merged headers (``2022 年末（亿元） 比上年末增长（%）`` in one cell),
  merged label and unit (``纱吨`` under ``单位``), split labels (``#粮 | 食``), lead cells
  (``在总计中： | 轻工业``) and sub-rows (``#``, ``其中：``);
* plan indicator tables ``序号 | 指标 | 2020年 | 2025年 | 年均/累计 | 属性``: base-year
  columns are results, later or ``预期``/``目标`` columns targets; cells such as ``<1``,
  ``>90``, ``5.5左右``, ``下降15%``, ``[25]`` (cumulative) and ``高于GDP增长``;
* year-by-year tables (rows ``2018 年``) and tables by place (rows ``XX区``);
* a plan's box written as prose rows (``——指标（件）：2020年6.3，2025年12，预期性。``), read
  through :meth:`TableReader.box_row` as the row it stands for (:mod:`.box_rows`).

Pure string work, no I/O; a row costs a handful of regular-expression matches.

Here: :class:`TableReader`'s lines outside tables, its rows and the records of a data
row. Its other jobs are mixins of their own modules: :mod:`.headers` (header rows, a data
row's cells lined up with them), :mod:`.row_names` (what a row's cells measure) and
:mod:`.years_kinds` (a cell record's year and kind); the table being read is
:class:`~.state._Table`. Cells, columns and labels are read in :mod:`.cells`,
:mod:`.columns` and :mod:`.labels`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.targets.indicators import IndicatorTable
from bot.targets.lexicon import things_counted
from bot.targets.numbers.units import unit_class
from bot.targets.records import TargetRecord
from bot.targets.table_lines import is_table_row
from bot.targets.tables.box_rows import box_row_cells
from bot.targets.tables.cells import (
    _DASHES,
    _SPACES_RE,
    _YEAR_CELL_RE,
    _cell_class,
    _norm_unit,
    parse_cell,
)
from bot.targets.tables.columns import _INDEX_HEAD_RE, _columns
from bot.targets.tables.headers import _Headers
from bot.targets.tables.labels import (
    _MAX_CAPTION,
    _caption_period,
    _clean_label,
    _is_caption,
    _label_unit,
    _looks_like_place,
    _place_name,
)
from bot.targets.tables.row_names import _RowNames
from bot.targets.tables.state import _Table
from bot.targets.tables.years_kinds import _YearsAndKinds

__all__ = [
    "TableReader",
    "is_prose_row",
    "is_table_row",
    "parse_cell",
]


# --- the reader -------------------------------------------------------------------------

_UNIT_LINE_RE = re.compile(r"^[（(]?\s*(?:计量)?单位\s*[：:]\s*([^）)\s]{1,8})\s*[)）]?$")
_SENTENCE_END_RE = re.compile(r"[。；！？：:，,]\s*$|[。；！？]")
_MAX_TITLE = 40
_FOOTNOTE_RE = re.compile(r"^(?:注|说明|资料来源|数据来源|备注|[①-⑳]|\*)")


class TableReader(_Headers, _RowNames, _YearsAndKinds):
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
        self.state = _Table()
        # the last paragraph read (it often says in words what the table lists), kept as
        # read: its spaces are taken out only when a row asks (see :attr:`prose`)
        self._prose_line = ""
        self._prose: str | None = ""

    @property
    def prose(self) -> str:
        """The last paragraph read, without spaces. Made when a table row reads it, not
        for every paragraph: most paragraphs are followed by no table."""
        if self._prose is None:
            self._prose = _SPACES_RE.sub("", self._prose_line)
        return self._prose

    # -- lines outside tables ---------------------------------------------------------

    def text_line(self, line: str) -> None:
        """A line that is not part of a table (it may be the next table's caption)."""
        s = line.strip()
        if not s:
            return
        if len(s) > _MAX_CAPTION:  # a paragraph (the common case): it ends any table
            self._prose_line, self._prose = s, None
            if self.state.caption or self.state.columns:
                self.state = _Table()
            return
        m = _UNIT_LINE_RE.match(s)
        if m:
            self.state.unit = _norm_unit(m.group(1))
        elif _is_caption(s):
            self._caption(s)
        elif len(s) <= 12 and not any(c.isdigit() for c in s) and self.state.columns:
            if not self.state.header_open:
                self.state.title = s  # a group label (经济发展), or the next table's title
            return  # or a header fragment on a line of its own (年份)
        elif len(s) <= _MAX_TITLE and not _SENTENCE_END_RE.search(s):
            self.state = _Table(caption=s)  # a title line: the caption of a table to come
        elif self.state.caption or self.state.columns:
            self.state = _Table()

    def _caption(self, caption: str) -> None:
        if _SPACES_RE.sub("", caption).startswith("续表"):
            # the same table goes on (after a page break): its header comes again
            old = self.state
            self.state = _Table(
                caption=old.caption, unit=old.unit, top=old.top, top_unit=old.top_unit
            )
        else:
            self.state = _Table(caption=caption)

    # -- table lines ------------------------------------------------------------------

    def box_row(
        self, line: str, *, section: str, section_class: str, span: str = ""
    ) -> list[TargetRecord]:
        """The records of a box row written as prose (``——指标（件）：2020年6.3，2025年12，
        预期性。``), read as a row of a table of its own under the caption in force; an
        empty list for any other line (it is then a sentence). ``span`` (``2021-2025``,
        the plan's period) dates a row's 基期值 and 目标值."""
        parsed = box_row_cells(line, span=span)
        if parsed is None:
            return []
        header, cells = parsed
        saved = self.state
        caption = saved.caption if not saved.columns else ""
        if span and not _caption_period(caption):
            caption = f"{caption}（{span}年）"  # 五年累计〔200〕: a sum over the plan's period
        self.state = _Table(caption=caption, unit=saved.unit)
        try:
            self.row("\t".join(header), section=section, section_class=section_class)
            records = self.row("\t".join(cells), section=section, section_class=section_class)
        finally:
            self.state = saved
        return [replace(r, sentence=line) for r in records]

    def row(self, line: str, *, section: str, section_class: str) -> list[TargetRecord]:
        """The records of one table row (header rows give none)."""
        cells = [c.strip() for c in line.strip().split("\t")]
        st = self.state
        first = _SPACES_RE.sub("", cells[0]) if cells else ""
        if _is_caption(first) and not any(_cell_class(c) == "num" for c in cells[1:]):
            self._caption(" ".join(c for c in cells if c))
            return []
        if not st.caption and not st.columns and _is_caption(section):
            st.caption = section
        if _FOOTNOTE_RE.match(first) and len(first) > 1:
            return []
        classes = [_cell_class(c) for c in cells]
        if "num" not in classes and st.rows and st.columns and "dash" in classes[1:]:
            # 单位地区生产总值能耗降低 | — | — | 〔完成国家下达任务〕: a row of the table with no
            # figure, not the header of a new one (a header has no dashes)
            return []
        if "num" not in classes:
            self._header_row(cells, classes)
            return []
        if not st.columns:
            # no header: a label, then values of unknown meaning
            st.columns = _columns(["", *[""] * (len(cells) - 1)])
            for col in st.columns[1:]:
                col.role = "value"
            st.index = bool(_INDEX_HEAD_RE.search(st.caption))
        st.header_open = False
        st.title = ""
        st.rows += 1
        return self._data_row(line, cells, classes, section, section_class)

    # -- data rows --------------------------------------------------------------------

    def _data_row(
        self,
        line: str,
        cells: list[str],
        classes: list[str],
        section: str,
        section_class: str,
    ) -> list[TargetRecord]:
        st = self.state
        label_raw, values, cells, unit_cell = self._align(cells, classes)
        if not values:
            return []
        unit_cell = "" if unit_cell in _DASHES else _norm_unit(unit_cell)
        label_unit = _label_unit(label_raw)
        row_year = ""
        place = ""
        ym = _YEAR_CELL_RE.match(_SPACES_RE.sub("", label_raw))
        if ym and (st.year_rows or not _clean_label(label_raw).strip("年末底度")):
            row_year = f"{ym.group(1)}-{ym.group(2)}" if ym.group(2) else ym.group(1)
            name, confidence, label_change = self._subject_name(), 0.8, ""
        elif st.place_rows or (
            st.rows <= 1 and not st.top and not st.header and _looks_like_place(label_raw)
        ):
            st.place_rows = True
            place = _place_name(_clean_label(label_raw), self.region)
            name, confidence, label_change = self._subject_name(), 0.8, ""
        else:
            name, confidence, label_change = self._row_name(label_raw)
        if not name:
            return []
        region = place or self.region
        caption_period = _caption_period(st.caption)
        years = sorted({c.year for c in st.columns if c.year and c.year != "-1"})
        records: list[TargetRecord] = []
        level_head = ""
        for i, col in values:
            cell = parse_cell(cells[i])
            if cell is None:
                continue
            if place or row_year:
                col_name, level_head = self._by_row_name(name, col, level_head, bool(place))
            else:
                col_name = self._column_name(name, col)
            col_name = self._canonical(col_name)
            unit = cell.unit
            index = col.index or (st.index and not (col.change or col.share or col.unit))
            if index:
                unit = cell.unit
            elif col.change == "增加" and not col.unit:
                unit = cell.unit or unit_cell or label_unit or st.unit
            elif col.change or col.share:
                unit = cell.unit or col.unit or label_unit or "%"
            else:
                base = col.unit or unit_cell or label_unit or st.unit
                if (
                    cell.unit
                    and cell.unit[-1:] not in "%‰"
                    and base
                    and cell.unit
                    in (
                        "万亿",
                        "千亿",
                        "百亿",
                        "亿",
                        "千万",
                        "百万",
                        "万",
                        "千",
                    )
                ):
                    unit = cell.unit + base
                else:
                    unit = cell.unit or base
            change = cell.change or label_change or col.change
            if not cell.change and (col.cumulative or col.change == "年均增长"):
                if cell.value is None:
                    pass  # ［与经济增长同步］: the growth compared, no average
                elif change in ("", "增长"):
                    # 地区生产总值增长（%） | ［5左右］: brackets mark a growth row's figure as
                    # its five years' average; only a level's or a cut's (〔13.5〕) add up
                    change = "累计" if cell.cumulative and label_change != "增长" else "年均增长"
            elif not change and cell.cumulative:
                change = "累计"
            if cell.cumulative and change == "年均增长" and not (cell.change or label_change):
                change = "累计"  # 年均增长〔累计〕 | [4.8]: the brackets say which of the two
            if change == "累计" and cell.cumulative and not cell.unit and label_unit:
                unit = label_unit  # 〔4.8〕 of 每万人口…拥有量（件）: more of the row's own unit
            if not (change or col.share) and unit_class(unit) == "count":
                col_name = things_counted(col_name)  # 企业数量（家）: the firms (6.8.24)
            year = self._year(col, row_year, years, caption_period, cell, change)
            kind = self._kind(col, year, years, section_class, cell)
            qualifier = cell.qualifier
            records.append(
                TargetRecord(
                    doc=self.doc,
                    section=section if "\t" not in section else "",
                    sentence=line,
                    indicator=col_name,
                    value=cell.value,
                    value_text=cell.value_text,
                    unit=unit if cell.value is not None else "",
                    qualifier=qualifier,
                    change=change,
                    year=year,
                    region=region,
                    kind=kind,
                    value_max=cell.value_max,
                    confidence=confidence if (unit or index) else min(confidence, 0.55),
                )
            )
        return records


# --- prose rows -------------------------------------------------------------------------

_DIGIT_RE = re.compile(r"[\d零〇一二两三四五六七八九十百千万]")


def is_prose_row(line: str) -> bool:
    """A table row whose figures are inside prose cells (``新建5G基站1万个``), not cells of
    their own: the sentence extractor reads such rows better than :class:`TableReader`."""
    cells = [c.strip() for c in line.strip().split("\t")]
    if any(parse_cell(c) is not None for c in cells[1:]):
        return False
    return any(len(c) >= 12 and _DIGIT_RE.search(c) for c in cells)
