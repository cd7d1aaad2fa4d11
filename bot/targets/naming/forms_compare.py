"""Figures of comparison, rank, scale and multiple: ``高于全国平均水平``,
``居全国第5位``, ``百亿级产业集群``, ``翻一番`` (:class:`_CompareForms`, a mixin of the
sentence namer).
"""

from __future__ import annotations

import re

from bot.targets.indicators import name_class
from bot.targets.lexicon import TIME_RE
from bot.targets.naming.clauses import (
    _EACH_RE,
    _STAT_NOUN_RE,
    _URBAN_RURAL,
    _after_noun,
    _find_change,
    _owner_shared,
    _shared_tail_items,
    _split_items,
    clause_start,
)
from bot.targets.naming.clean import _QUOTE_TABLE, _strip_tail, clean_name, strip_noise
from bot.targets.naming.confidence import _RANK_SCOPES, _RANK_VERBS
from bot.targets.naming.resolve import _after_alias, _best_before, _resolve, lookup
from bot.targets.naming.words import _is_name
from bot.targets.numbers import Figure

# the base a doubling is measured against, left at the name's end when the base is a year
# in Chinese numerals, a plan period or a plan (居民人均收入比二〇二五年翻一番, 规模比“十三五”末
# 翻了一番, 比年度计划翻了一番): no part of the thing that doubled
_DOUBLING_BASE_RE = re.compile(
    r"(?:比|较)(?:[一二三四五六七八九〇零○\d]{4}年(?:末|底)?|上年|去年|同期"
    r"|[“\"]?[十][一二三四五六七八九]五[”\"]?(?:末|期末|时期)?|(?:年度|全年|年初)?(?:计划|目标|预期))$"
)
_SHARE_END_RE = re.compile(r"(?:占比|比重)$")
_VAGUE_SUBJECT_RE = re.compile(r"主要|指标|经济发展|各项|整体|总体")
# an adverb of steadiness before the verb goes with it (总量继续稳居…, 仍位居…)
_RANK_CLEAN_RE = re.compile(
    r"(?:继续|持续|始终|仍然|依然|仍)?"
    r"(位居|跃居|位列|排名|排在|稳居|保持|居于|跃升至|上升至|提升至|升至|前移至|前移到|居|列|排)$"
)
# the scope a rank is placed in said with 在 (在全国只排, 在全省的位次由第九位前移至, 在西部排)
_RANK_PLACED_IN_RE = re.compile(
    rf"在(?P<scope>{_RANK_SCOPES})(?:的)?(?:位次|排名|排位)?(?:由第[^，。；第]{{1,4}}位)?"
    r"(?:只|仅|才|还|也|继续|仍|已)?"
    rf"(?:{_RANK_VERBS}|排在|排名|排|前移至|前移到)?$"
)
# what a rank can be of, alone: a measure of something named before it
_BARE_RANKED_RE = re.compile(
    rf"(?:总规模|规模|总量|占比|比重|总额)(?:{_RANK_VERBS})?(?:{_RANK_SCOPES})?"
)


# the economy whose growth a comparison opens with (全市经济|增速高于…): the whole region
# said by its scope, or a part of it named as an area (中西部地区, 民族自治地方)
_ECONOMY_OF_RE = re.compile(
    r"(?:^|[，、：]|力争|确保|推动|保持|实现)(?:全年|今年|年内|五年来|过去五年)?"
    r"(?:全(?:国|省|市|区|县|州)|我(?:国|省|市|区|县)|本(?:省|市|区|县)"
    r"|(?P<part>[\u4e00-\u9fff]{2,8}?(?:地区|地方)))?(?P<avg>年均)?经济$"
)


# a measure a list's last item ends with, said once for every item ranked
_SHARED_MEASURE_RE = re.compile(
    r"(?:通车里程|里程|产量|产值|增加值|面积|人数|数量|总量|规模|增速|增幅|增量)$"
)


# a streak or a steadiness said between a measure and its rank (增速连续三年居…)
_STREAK = r"(?:连续[一二三四五六七八九十两\d]{1,2}年|多年|持续|继续|始终|稳定)?"
# the rank verb (and its scope) closing a list of the things ranked: 、…稳居全国
_SHARED_RANK_RE = re.compile(
    rf"(?<=[^、，])(?:{_STREAK})(?:位居|跃居|稳居|居|位列)(?:全(?:国|省|市|区|县))?$"
)


class _CompareForms:
    """Comparison, rank, scale and multiple forms.

    A mixin of :class:`~bot.targets.naming.sentence._SentenceNamer`: the methods use the
    namer's state (``self.s``, ``self.figs``, ``self.table``, ``self.context``,
    ``self.out``, ``self.last_subject`` …) and its helpers (``before``, ``after``,
    ``change_for``, ``emit`` …), defined there.
    """

    def comparison(self, i: int) -> None:
        fig = self.figs[i]
        raw, _ = self.before(i)
        if _VAGUE_SUBJECT_RE.search(raw):
            return
        name = _best_before(self.table, raw, fig)
        economy = (
            _ECONOMY_OF_RE.search(raw)
            if name is None and self.s.startswith(("增速", "增长"), fig.start)
            else None
        )
        if economy:
            # 全市经济增速高于全省平均水平, 山区地方年均经济增速高于…: the comparison's own
            # 增速 ends the words 经济 opens (the economy's growth, its output's); a part of
            # the region keeps its name before the measure
            part = economy.group("part") or ""
            change = "年均增长" if economy.group("avg") else "增长"
            self.emit(fig, part + "地区生产总值", change, subject=False)
            return
        if name is None and not clean_name(raw).strip("、，, ") and self.last_subject:
            # 增长5.3%，超过全国平均水平: the figure just named is what is compared
            self.emit(fig, self.last_subject, "增长", subject=False)
            return
        each = _EACH_RE.search(raw)
        if name is None and each:
            # 城乡低保标准均超过全国平均水平, A、B增速均高于…: each of them is compared
            items = [clean_name(p) for p in _split_items(clean_name(raw[: each.start()]))]
            if len(items) == 1 and items[0].startswith(_URBAN_RURAL):
                items = ["城镇" + items[0][2:], "农村" + items[0][2:]]
            if len(items) > 1 and all(_is_name(p) and _STAT_NOUN_RE.search(p) for p in items):
                for item in items:
                    self.emit(fig, lookup(self.table, item, fig) or item, "增长", subject=False)
                return
        if name is None:
            cleaned = clean_name(raw)
            if not (_is_name(cleaned) and _STAT_NOUN_RE.search(cleaned)):
                return
            name = lookup(self.table, cleaned, fig) or cleaned
        self.emit(fig, name, "增长")

    def rank(self, i: int) -> None:
        fig = self.figs[i]
        raw, _ = self.before(i)
        after = self.after(i)
        scope = fig.scope
        change = _find_change(raw)
        if not scope and fig.form == "rank":
            # 从全国第13位升至第5位: the later rank has the scope of the earlier
            clause = self.s[clause_start(self.s, fig.start) : fig.start]
            earlier = re.search(
                r"[从由](?:(?:19|20)\d\d年(?:底|末)?的?)?(全(?:国|省|市|区|县|球))第", clause
            )
            scope = earlier.group(1) if earlier else ""
        if "分别" in raw and self.ranks_listed(i, scope, change):
            return
        subject = ""
        if after.startswith("的"):
            noun, _n = _after_noun(after[1:])
            subject = clean_name(noun)
        if not subject:
            # 居全国各省区第1位: the nation's ranking of its provinces, said as 全国
            text = re.sub(r"(?<=全国)各省(?:区市|市区|区|份|市)$", "", raw) if scope else raw
            # 居全国第1位: the scope written right before the rank is the rank's own
            said_before = bool(scope) and text.endswith(scope)
            if said_before:
                text = text[: -len(scope)]
            placed = _RANK_PLACED_IN_RE.search(text)
            if placed and not said_before:
                # 经济总量在全国只排第14位, 总量在全省的位次由第九位前移至第六位, 在西部排第5位:
                # the scope said with 在 before the rank (and its 位次, its verb) is the rank's
                text, scope, said_before = text[: placed.start()], placed["scope"], True
            text = _strip_tail(TIME_RE.sub("", text).strip(), _RANK_CLEAN_RE)
            own = re.sub(r"[从由]全(?:国|省|市|区|县|球)第[^，。；]*", "", text)
            if scope and scope in own and not own.endswith(scope) and not said_before:
                # 全国消费者满意度测评: the scope is already in the name (but 全国道德模范数量
                # 居全国第1位: a national title, then the rank's own scope)
                scope = ""
            alias = _best_before(self.table, raw, fig)
            if alias:
                self.emit(fig, alias, change, subject=False)
                return
            # 位居全省高质量发展综合绩效考核第2位: a leading scope stays in the name
            said = re.sub(r"^(我市|本市|我省|本省|该市|该县|我区|我县)", "", text)
            lead = re.sub(
                r"^(连续[^，。；]{1,3}年)?(位居|跃居|位列|排名|排在|稳居|居于|居|列|排)", "", said
            )
            if lead == said and scope:
                lead = ""  # 全市人均预期寿命居全省第1位: the subject's own area, not the list's
            subject = clean_name(text)
            only = re.fullmatch(
                rf"(?:{_RANK_VERBS})(?P<scope>{_RANK_SCOPES})?", text.strip("、，, ")
            )
            if only:
                # 挂牌运营、居西部第2位: a clause of the rank alone ranks the figure before
                subject, scope = "", scope or only["scope"] or ""
            m_scope = re.match(r"全(国|省|市|区|县)", lead)
            if m_scope and not subject.startswith(m_scope.group()):
                subject = m_scope.group() + subject
        if not _is_name(subject) and self.last_subject:
            # 进出口总额突破万亿元、增速居全国第5位: the rank is of the previous subject
            last = self.out[-1] if self.out else None
            grew = (
                last is not None
                and last.figure.unit_class == "percent"
                and last.change in ("增长", "提高", "下降", "增加")
                and self.s[last.figure.end : fig.start].count("，") <= 1
                and not re.search(r"总量|规模", raw)
            )  # 收入增长5.5%，居全国第五: the rank of that growth (总量居…: of the level)
            added = (
                last is not None
                and last.figure.unit_class != "percent"
                and last.change in ("增加", "净增")
                and self.s[last.figure.end : fig.start].count("，") <= 1
                and not re.search(r"总量|规模", raw)
            )  # 从业人员增加407.7万人、居全国第3位: the rank of the increment
            # 研发经费投入增速年均超20%，连续三年居全国第一: the growth said with its figure
            grew = grew or (
                last is not None
                and last.figure.unit_class == "percent"
                and self.s[last.figure.end : fig.start].count("，") <= 1
                and bool(
                    re.search(
                        r"(?:增速|增幅)[^，。；、]{0,4}$",
                        self.s[clause_start(self.s, last.figure.start) : last.figure.start],
                    )
                )
            )
            growth = "增速" if grew or re.search(r"增速|增幅|增长", raw) else ""
            growth = growth or ("增量" if added or "增量" in raw else "")
            # 一般公共预算收入增速全国排名: the whole name of what grew, then 增速
            subject = self.last_subject + growth
            if not growth:
                subject += self.number_said(self.last_subject, fig)
            scope = scope or (re.search(r"全(国|省|市|区|县)", raw) or re.match("", "")).group()
        if _BARE_RANKED_RE.fullmatch(subject) and self.last_subject:
            # 外商直接投资累计达到149.6亿美元、总规模居中西部第1位: the investment's total
            subject = self.last_subject + subject
        if not _is_name(subject):
            return
        if "均" in raw and self.ranks_each(fig, raw[: raw.rfind("均")], scope, change):
            return
        shared = _SHARED_RANK_RE.search(raw)
        if (
            shared
            and "均" not in raw
            and "等" not in raw[: shared.start()]
            and self.ranks_each(fig, raw[: shared.start()], scope, change)
        ):
            # 发明专利有效量、技术合同成交额稳居全国第一: one rank said once for the items
            # listed before it, which share it as they would with 均
            return
        if re.search(
            rf"(?:增速|增幅)(?:均)?{_STREAK}(?:位居|跃居|稳居|居|位列|排名|排在|保持)", raw
        ) and not (subject.endswith(("增速", "增幅"))):
            subject += "增速"  # 税收收入增速居全国第二: the rank of the growth, not the level
        elif re.search(
            rf"^(?:占比|比重){_STREAK}(?:位居|跃居|稳居|居|位列|排名|排在)", raw.lstrip("，、 ")
        ) and not subject.endswith(("占比", "比重")):
            subject += "占比"  # 保有量…、占比居全国第二: the rank of the share, not the stock
        elif re.search(
            r"增量(?:均)?(?:位居|跃居|稳居|居|位列|排名|排在|保持)", raw
        ) and not subject.endswith("增量"):
            subject += "增量"  # 人均预期寿命增量居全国第1位: the rank of the increment
        if subject.endswith("排名") and _is_name(subject[:-2]):
            subject = subject[:-2]  # 营商环境评价排名从全省第12位…: its 排名 comes after the scope
        for cand in (subject, subject + scope + "排名", subject + "排名"):
            canonical = self.table.canonical(cand)
            if canonical is not None and name_class(canonical) == "rank":
                self.emit(fig, canonical, change, subject=False)
                return
        self.emit(fig, self.ranked_measure(subject, scope) + scope + "排名", change, subject=False)

    def number_said(self, subject: str, fig: Figure) -> str:
        """``数`` or ``数量`` when the sentence ranks the number of ``subject`` in so many
        words (科技型中小企业数增长4.9倍、从全国第13位升至第5位; 新增境内上市公司62家，
        总数186家、从全国第9位升至第7位), else ``""``."""
        said = re.search(re.escape(subject) + r"(数量|数)(?![据字码])", self.s[: fig.start])
        if said:
            return said.group(1)
        last = self.out[-1] if self.out else None
        total = (
            last is not None
            and last.indicator == subject
            and last.figure.unit_class == "count"
            and self.s[clause_start(self.s, last.figure.start) : last.figure.start] == "总数"
        )
        return "数" if total else ""

    def ranked_measure(self, subject: str, scope: str) -> str:
        """``地方一般公共预算收入增速`` -> ``一般公共预算收入增速``, ``经济增长`` ->
        ``地区生产总值增速``: what is ranked, by the table's name when the words only add a
        lead to it or are the economy's growth."""
        growth = re.search(r"(?:增速|增幅)$", subject)
        base = subject[: growth.start()] if growth else subject
        canonical = self.table.canonical(base)
        if canonical is None and not growth and base.endswith("总量"):
            # 地区生产总值总量居全市第2位, (地区生产总值…，)总量继续位居…: a statistic's 总量 is
            # its level, as the figures' pass says (totals)
            stem = self.table.canonical(base[:-2])
            if stem is not None and name_class(stem) != "rank":
                return stem
        if canonical is None or name_class(canonical) == "rank":
            return subject
        if base in ("经济增长", "经济增速") and scope.startswith("全"):
            return canonical + "增速"  # the growth of the economy is the growth of its output
        if base == "经济总量" and not growth:
            return canonical  # the size of the economy is its output (经济总量居全市第二)
        if base.endswith(canonical):
            # 地方一般公共预算收入: the table's name without a lead it takes as the same
            return canonical + (growth.group() if growth else "")
        return subject  # 全社会研发投入强度: the document's words for another of its aliases

    def ranks_listed(self, i: int, scope: str, change: str) -> bool:
        """``一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九``:
        the ranks pair with the subjects just listed (of their growth, after growth)."""
        run = [i]
        while run[-1] + 1 < len(self.figs) and self.figs[run[-1] + 1].form == "rank":
            gap = self.s[self.figs[run[-1]].end : self.figs[run[-1] + 1].start]
            if gap not in ("、", "和"):
                break
            run.append(run[-1] + 1)
        subjects = self.list_subjects
        if len(run) < 2:
            return False
        if len(run) != len(subjects):
            # 争取A资金386亿元、B债券1460亿元，分别居全国第8位、第9位: no list said before
            # the verb, but one figure named just before for each rank, in order
            before = [n for n in self.out if n.figure.form != "rank"][-len(run) :]
            firsts = self.figs[max(0, run[0] - len(run)) : run[0]]
            if (
                len(before) != len(run)
                or [n.figure for n in before] != firsts
                or len({n.indicator for n in before}) != len(run)
                or any(mark in self.s[firsts[-1].end : self.figs[i].start] for mark in "；;。")
            ):
                return False
            subjects = [n.indicator for n in before]
        # the figures the list named last: their names as emitted (canonical), and whether
        # they were growth rates (then the ranks are of the growth)
        recent = [n for n in self.out if n.figure.form != "rank"][-len(subjects) :]
        named = len(recent) == len(subjects)
        if named:
            subjects = [n.indicator for n in recent]
        growth = "增速" if recent and recent[-1].figure.unit_class == "percent" else ""
        for k, subject in zip(run, subjects, strict=True):
            self.handled.add(k)
            if named:
                name = subject + growth
            else:
                name = self.entity_of(subject) + growth if growth else subject
            self.emit(self.figs[k], name + scope + "排名", change, subject=False)
        return True

    def ranks_each(self, fig: Figure, subject: str, scope: str, change: str) -> bool:
        """市场环境、创新环境…均居全国前三; 总量和增速均居全国第5位: a rank for each item."""
        items = [p for p in _split_items(strip_noise(subject).strip("，、 ")) if p]
        if len(items) < 2:
            return False
        rate = re.search(r"(增速|增幅)$", items[-1])
        if rate and not any(
            p.endswith(("增速", "增幅")) or p in ("总量", "规模") for p in items[:-1]
        ):
            # 房地产开发投资、商品房销售面积增速均居全国第4位: both are ranks of growth
            items = [p + rate.group() for p in items[:-1]] + [items[-1]]
        tail = _SHARED_MEASURE_RE.search(items[-1])
        if (
            tail
            and tail.start() >= 2
            and not any(_SHARED_MEASURE_RE.search(p) or p in ("总量", "规模") for p in items[:-1])
        ):
            # 高速公路、农村公路通车里程均居全国第2位: the measure said once, after the last
            items = [p + tail.group() for p in items[:-1]] + [items[-1]]
        base = self.entity_of(self.last_subject) if self.last_subject else ""
        names = []
        for item in items:
            if item in ("总量", "增速", "增幅", "规模") and base:
                item = base + ("" if item == "总量" else "增速")
            if not _is_name(item):
                return False
            names.append(item)
        for name in names:
            self.emit(fig, name + scope + "排名", change, subject=False)
        return True

    def scale(self, i: int) -> None:
        fig = self.figs[i]
        raw, _ = self.before(i)
        after = self.after(i)
        head_m = re.match(r"[^，。；、“”]{0,12}?(集群|产业规模|基地)", after)
        head = after[: head_m.end()] if head_m else ""
        consumed = fig.end + len(head)
        change = self.change_for(i, raw, "")
        covering = self.covering_alias(fig)
        if covering is not None and consumed - 1 <= covering.end <= consumed + 1:
            self.emit(fig, covering.canonical, change, consumed, subject=False)
            return
        # 洁净能源、生命健康、智能制造等百亿级产业集群: one record per item
        core = head.removeprefix("特色")
        if raw.endswith("等") and "、" in raw:
            items = [clean_name(p) for p in re.split(r"[、和]", raw[:-1])]
            items = [p for p in items if _is_name(p)]
            if len(items) >= 2:
                for item in items:
                    name = item + core
                    canonical = self.table.canonical(name) or self.table.canonical(name + "规模")
                    self.emit(fig, canonical or name + "规模", change, consumed, subject=False)
                return
        first, _any = _after_alias(self.table, head, fig)
        if first is None:
            first = self.table.canonical(head.translate(_QUOTE_TABLE))
        if first is not None:
            self.emit(fig, first, change, consumed, subject=False)
            return
        alias = _best_before(self.table, raw, fig)
        if alias is None:
            before_name = clean_name(raw)
            if _is_name(before_name):
                for cand in (before_name + core, before_name):
                    alias = self.table.canonical(cand)
                    if alias:
                        break
                else:
                    alias = before_name + core + ("" if core.endswith("规模") else "规模")
        if alias is None and _is_name(core):
            alias = core + ("" if core.endswith("规模") else "规模")
        if alias:
            self.emit(fig, alias, change, consumed, subject=False)

    def multiple(self, i: int) -> None:
        fig = self.figs[i]
        raw, _ = self.before(i)
        text = re.sub(r"(实现|力争|确保|将|基本|要|可|能)$", "", raw)
        change = "倍增" if fig.value_text == "倍增" else "翻番"
        based = _DOUBLING_BASE_RE.search(text)
        if based:
            text = text[: based.start()].lstrip("、，,")
            if not text and self.last_subject:
                # 新增高中学位8700多个、比年度计划翻了一番: the clause names only its base
                self.emit(fig, self.last_subject, change)
                return
            share = _SHARE_END_RE.search(self.last_subject or "")
            if text in ("规模", "总量", "数量") and share and share.start() >= 2:
                # 新能源装机占比达63%、规模比“十三五”末翻了一番: the size of what the share was of
                self.emit(fig, self.last_subject[: share.start()] + text, change)
                return
        cleaned = clean_name(text)
        items = [clean_name(p) for p in _shared_tail_items(cleaned)]
        items = _owner_shared(items) if len(items) >= 2 else items  # …立项数量和获资助额
        if len(items) >= 2 and all(_is_name(p) for p in items):
            # 经济总量和城乡居民人均收入…翻一番: each doubles
            for p in items:
                self.emit(fig, _resolve(self.table, p, fig, change) or p, change)
            return
        name = _resolve(self.table, text, fig, change)
        if name is None and self.last_subject:
            name = self.last_subject
        if name:
            self.emit(fig, name, change)
