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
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.targets.indicators import IndicatorTable
from bot.targets.lexicon import things_counted
from bot.targets.numbers.units import unit_class
from bot.targets.records import Kind, TargetRecord
from bot.targets.table_lines import is_table_row
from bot.targets.tables.box_rows import box_row_cells
from bot.targets.tables.cells import (
    _DASHES,
    _LEAD_YEAR_RE,
    _SPACES_RE,
    _YEAR_CELL_RE,
    _Cell,
    _cell_class,
    _norm_unit,
    parse_cell,
)
from bot.targets.tables.columns import (
    _HEAD_GENERIC_RE,
    _HEAD_UNIT_RE,
    _INDEX_HEAD_RE,
    _Column,
    _columns,
)
from bot.targets.tables.headers import _Headers
from bot.targets.tables.labels import (
    _CAPTION_YEAR_RE,
    _CHANGE_SUFFIX_RE,
    _CHILD_MEASURE,
    _CURRENCY_RE,
    _GENERIC_LABELS,
    _HOLDER_RE,
    _LEAD_MARK_RE,
    _LEAD_VERB_RE,
    _LOAN_TERM_RE,
    _MAX_CAPTION,
    _MEASURE_RE,
    _OWNERSHIP_RE,
    _SCOPE_LEAD_RE,
    _SCOPE_WORDS,
    _TOPIC_TAIL_RE,
    _TOTAL_LABELS,
    _caption_period,
    _caption_subject,
    _clean_label,
    _is_caption,
    _join_measure,
    _label_unit,
    _looks_like_place,
    _measure,
    _new_prefix,
    _place_name,
    _strip_scope,
)
from bot.targets.tables.state import _Table

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
_ARABIC_NUMBERED_RE = re.compile(r"^(?:\d+\s*[．.、]|[（(]\d+[)）])")
_FOOTNOTE_RE = re.compile(r"^(?:注|说明|资料来源|数据来源|备注|[①-⑳]|\*)")


class TableReader(_Headers):
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
            self.state = _Table(caption=old.caption, unit=old.unit, top=old.top)
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

    # -- naming -----------------------------------------------------------------------

    def _canonical(self, name: str) -> str:
        known = self.table.canonical(name)
        if not known and name.endswith(("数", "数量")):
            # 高新技术企业数（家）: a row counting a known thing by 数 is the thing counted
            known = self.table.canonical(name.removesuffix("数量").removesuffix("数"))
        return known or name

    def _subject_name(self) -> str:
        return _caption_subject(self.state.caption, self.region) if self.state.caption else ""

    def _table_measure(self) -> str:
        """The measure the table gives rows without one: 产量 from the header or caption."""
        st = self.state
        for col in st.columns:
            if col.role == "value" and col.measure and _MEASURE_RE.search(col.measure):
                return _measure(col.measure)
        subject = self._subject_name()
        return _measure(subject)

    def _row_name(self, label_raw: str) -> tuple[str, float, str]:
        """``(name, confidence, change)`` of a row that names what it measures."""
        st = self.state
        raw = _SPACES_RE.sub("", label_raw)
        child = bool(_LEAD_MARK_RE.match(raw)) and not re.match(
            r"^(?:\d|[一二三四五六七八九十])", raw
        )
        label = _clean_label(raw)
        label = _LEAD_VERB_RE.sub("", label)
        change = ""
        m = _CHANGE_SUFFIX_RE.search(label)
        if m and len(label) > len(m.group()) + 1:
            change = {"增速": "增长", "增幅": "增长", "增长率": "增长", "涨幅": "上涨"}.get(
                m.group(), m.group()
            )
            change = "年均增长" if change == "年均增速" else change
            label = label[: m.start()]
        if not label:
            return "", 0.0, ""
        for _ in range(2):
            stripped = _SCOPE_LEAD_RE.sub("", label)
            if len(stripped) < 2 or stripped == label:
                break
            label = stripped
        if label in _TOTAL_LABELS:
            subject = self._subject_name()
            if not subject:
                return "", 0.0, ""
            st.top, st.child_open, st.child_measure = subject, False, ""
            return self._canonical(subject), 0.85, change
        own = _measure(label)
        generic = label in _GENERIC_LABELS or label.startswith(("其他", "其它"))
        holder = _HOLDER_RE.match(self._subject_name()) if label.startswith("各项") else None
        if own and holder:
            # 各项存款余额 in 金融机构本外币存贷款情况: all the deposits the caption's holder has
            label = holder.group("holder") + label
            own = _measure(label)
        if own and own == label:
            # a bare measure (投资额): the caption says of what
            subject = self._subject_name()
            head = re.split(r"[和及、与]", subject)[0] if subject else ""
            if head and label not in head:
                label = _join_measure(head, label)
                own = _measure(label)
        if own and not generic:
            parent = st.top
            if parent and (child or st.child_open) and self._is_sub_row(label, own, child):
                st.child_open = True
                st.child_measure = own
                return self._sub_name_with_measure(label, own, parent), 0.85, change
            st.top, st.child_open, st.child_measure = label, False, ""
            return label, 0.9, change
        if not own and not generic and not child and self.table.canonical(label):
            # 城镇新增就业（万人） below 固定资产投资增速（%）: a row that is an indicator of
            # its own, whatever its words, is not completed with the measure of the row above
            st.top, st.child_open, st.child_measure = label, False, ""
            return label, 0.9, change
        # a half name: complete it from the parent or the table
        if (st.independent or _ARABIC_NUMBERED_RE.match(raw)) and not child:
            st.independent = True
            return label, 0.75, change  # a plan table's indicator: named as written
        parent = st.top
        if child or parent:
            st.child_open = True
            st.child_measure = ""
        name = self._compose(label, parent)
        confidence = 0.5 if generic else (0.85 if name != label else 0.6)
        return name, confidence, change

    def _is_sub_row(self, label: str, own: str, marked: bool) -> bool:
        """Whether a row with a name of its own is a sub-row of the current parent."""
        st = self.state
        parent = st.top
        if marked:
            return True
        if not st.child_measure:
            return False  # after 住宅 (no measure), 商品房销售面积 starts a new group
        if own != st.child_measure:
            return False
        # 农村常住居民人均可支配收入 after 城镇…的 sub-rows is a new group
        k = 0
        while k < min(len(label), len(parent)) and label[-1 - k] == parent[-1 - k]:
            k += 1
        return k <= len(own)

    def _sub_name_with_measure(self, label: str, own: str, parent: str) -> str:
        """A sub-row that names its own measure: 工资性收入 under 城镇居民人均可支配收入."""
        canon = self.table.canonical(parent) or parent
        if "人均" in canon and "人均" not in label:
            return canon[: canon.index("人均") + 2] + label
        currency = _CURRENCY_RE.search(parent)
        if currency and not _CURRENCY_RE.search(label) and own in label:
            # #住户存款 under 金融机构人民币存款余额 is 住户人民币存款余额 (the 本外币 table
            # has a 住户存款 row too); 短期贷款 is 人民币短期贷款 (a term, not a holder)
            k = label.rfind(own)
            term = _LOAN_TERM_RE.match(label[:k])
            k = 0 if term else k
            label = label[:k] + currency.group() + label[k:]
        pm = _measure(parent)
        if pm and pm != own and pm.startswith(own) and not label.endswith(pm):
            return label + pm[len(own) :]  # 短期贷款 under 各项贷款余额
        prefix = _new_prefix(parent)
        if prefix and not label.startswith(prefix):
            return prefix + label
        return label

    def _compose(self, label: str, parent: str) -> str:
        """A row without a measure of its own, under ``parent`` (or the table)."""
        price = "价格" in parent or "价格" in self._subject_name()
        index = any(c.index for c in self.state.columns) or "指数" in self.state.caption
        if price and parent:
            if label in _SCOPE_WORDS:
                return label + _strip_scope(parent)
            cat = label if label.endswith("类") or not index else label + "类"
            if index and parent.endswith("价格"):
                return cat + parent  # 衣着 under 居民消费价格 (an index): 衣着类居民消费价格
            return cat + ("价格指数" if index else "价格")
        if not parent:
            measure = self._table_measure()
            if measure:
                return _join_measure(label, _CHILD_MEASURE.get(measure, measure))
            return label
        pm = _measure(parent)
        if label in _SCOPE_WORDS and not pm.endswith("人口"):
            return self._as_written(label, _strip_scope(parent))
        prefix = _new_prefix(parent)
        measure = _CHILD_MEASURE.get(pm, pm)
        if len(pm) == 1 and len(self._table_measure()) > 1:
            # 水泥 after a 发电量 row in a 产量 table: the table's measure, not 发电量's 量
            measure = self._table_measure()
        if not pm:
            measure = self._table_measure()
            measure = _CHILD_MEASURE.get(measure, measure)
        if (
            pm in ("增加值", "工业增加值")
            and "工业" in parent
            and not label.endswith(("业", "产业"))
        ):
            measure = "工业增加值"  # 国有企业 under 规模以上工业增加值
            if _OWNERSHIP_RE.fullmatch(label):
                label += "企业"  # 公有制 beside 国有企业, 集体企业: the firms of that ownership
        if measure.startswith("总") and len(measure) > 2 and label + measure not in self.prose:
            measure = measure[1:]  # a part is not a total, unless the paragraph says 种植业总产值
        name = _join_measure(label, measure)
        if prefix and not name.startswith(prefix):
            name = prefix + name
        return name

    def _as_written(self, label: str, whole: str) -> str:
        """``铁路`` under ``货物周转量``: ``铁路运输货物周转量`` when the paragraph before the
        table writes it so (the mode's own words between), else ``铁路货物周转量``."""
        if label + whole in self.prose or len(whole) < 3:
            return label + whole
        infix = r"([^\W\d和及与或、，。；]{1,2})"
        m = re.search(re.escape(label) + infix + re.escape(whole), self.prose)
        return label + m.group(1) + whole if m else label + whole

    def _by_row_name(
        self, subject: str, col: _Column, level_head: str, place: bool
    ) -> tuple[str, str]:
        """``(name, level name)`` of a cell in a table whose rows are places or years: the
        column says what is measured, the caption of what (its growth column follows it)."""
        head = _clean_label(col.text)
        head = _LEAD_YEAR_RE.sub("", head)
        if col.change or col.index:
            base = level_head or subject
            return base, level_head
        if not head or _HEAD_GENERIC_RE.match(head) or subject.endswith(head):
            base = subject
        elif place and _MEASURE_RE.search(head):
            base = head  # 地区生产总值（亿元） by county
        else:
            scope = _TOPIC_TAIL_RE.sub("", subject)
            base = scope + head if scope and not head.startswith(scope) else head
        if col.share and not base.endswith(col.share):
            base += col.share
        return base, (base if not col.share else level_head)

    def _column_name(self, name: str, col: _Column) -> str:
        """The row's name, made into what this column measures."""
        own = _measure(col.measure) if col.measure else ""
        first = self._table_measure()
        if own and first and own != first and name.endswith(first):
            # 指标 | 招生数 | 在校生数 | 毕业生数: each column a measure of the row's thing
            return name[: -len(first)] + own
        if col.share:
            base = re.sub(r"(?:总量|总数|数量)$", "", name)
            return base if base.endswith(col.share) else base + col.share
        scope = _HEAD_UNIT_RE.sub("", col.text)  # 城市(%): the scope, its unit aside
        if scope in _SCOPE_WORDS and not name.startswith(scope):
            return scope + _strip_scope(name)  # 居民消费价格指数 under 城市
        return name

    # -- period and kind --------------------------------------------------------------

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


# --- prose rows -------------------------------------------------------------------------

_DIGIT_RE = re.compile(r"[\d零〇一二两三四五六七八九十百千万]")


def is_prose_row(line: str) -> bool:
    """A table row whose figures are inside prose cells (``新建5G基站1万个``), not cells of
    their own: the sentence extractor reads such rows better than :class:`TableReader`."""
    cells = [c.strip() for c in line.strip().split("\t")]
    if any(parse_cell(c) is not None for c in cells[1:]):
        return False
    return any(len(c) >= 12 and _DIGIT_RE.search(c) for c in cells)
