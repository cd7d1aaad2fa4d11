"""Naming a table row's cells (:class:`_RowNames`, a mixin of the table reader): a
row's label made into what it measures, a sub-row completed from its parent or the
table's measure, a cell of a table whose rows are places or years, a column's measure.
"""

from __future__ import annotations

import re

from bot.targets.tables.cells import _LEAD_YEAR_RE, _SPACES_RE
from bot.targets.tables.columns import _HEAD_GENERIC_RE, _HEAD_UNIT_RE, _Column
from bot.targets.tables.labels import (
    _CHANGE_SUFFIX_RE,
    _CHILD_MEASURE,
    _CURRENCY_RE,
    _GENERIC_LABELS,
    _HOLDER_RE,
    _LEAD_MARK_RE,
    _LEAD_VERB_RE,
    _LOAN_TERM_RE,
    _MEASURE_RE,
    _OWNERSHIP_RE,
    _SCOPE_LEAD_RE,
    _SCOPE_WORDS,
    _TOPIC_TAIL_RE,
    _TOTAL_LABELS,
    _caption_subject,
    _clean_label,
    _join_measure,
    _label_unit,
    _measure,
    _new_prefix,
    _strip_scope,
)

_ARABIC_NUMBERED_RE = re.compile(r"^(?:\d+\s*[．.、]|[（(]\d+[)）])")


class _RowNames:
    """What a row measures, named from its label, its parent row, the caption and
    the column.

    A mixin of :class:`~bot.targets.tables.TableReader`: the methods use the reader's
    state (``self.state``, a :class:`~bot.targets.tables.state._Table`; ``self.table``,
    ``self.region``, ``self.doc_year``, ``self.bulletin``, ``self.prose``) and the other
    mixins' methods.
    """

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
            st.top_unit = _label_unit(raw)
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
            if _TOPIC_TAIL_RE.search(head) and self.table.canonical(label):
                # 生产总值增长（%） in “十四五”经济社会发展主要指标: a caption naming a set of
                # indicators owns none of them, and a measure the table knows alone is whole
                head = ""
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
            st.top_unit = _label_unit(raw)
            return label, 0.9, change
        if not own and not generic and not child and self.table.canonical(label):
            # 城镇新增就业（万人） below 固定资产投资增速（%）: a row that is an indicator of
            # its own, whatever its words, is not completed with the measure of the row above
            st.top, st.child_open, st.child_measure = label, False, ""
            st.top_unit = _label_unit(raw)
            return label, 0.9, change
        unit = _label_unit(raw)
        if st.top and st.top_unit and unit and unit != st.top_unit and not child:
            # 通用机场（个） below 低空制造业产值（亿元） in a plan's 主要指标: a row counted in
            # a unit of its own is no part of the row above, whose measure it would borrow
            return label, 0.75, change
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
