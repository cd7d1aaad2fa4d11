"""A figure said over a span of years: the level at the span's end, or a sum, a change or
an average over the span.

A level reached (达到, 提升至, a rank) is dated by the span's end; what was done over it
(新增, 累计建成, 推出12批…), a change since a base year (由2010年的…增加到…) and a yearly
average (年均增长) by the span itself. :class:`SpanOrEndMixin` holds the walker's methods
(mixed into :class:`bot.targets.periods.PeriodsMixin`); ``states_a_level`` and
``built_over_the_plan`` are read by ``periods`` too.
"""

from __future__ import annotations

import re

from bot.targets.kinds import PLAN
from bot.targets.naming import Named
from bot.targets.regex_gate import gated

# Verbs that state where something stands, not how much it moved.
_LEVEL_CHANGES = frozenset(
    {
        "达到",
        "突破",
        "增至",
        "升至",
        "增加到",
        "发展到",
        "提高到",
        "提升到",
        "超过",
        "居",
        "位居",
        "跃居",
        "稳居",
        "保持",
        # 迈上5000亿元新台阶, 跃上…台阶, 跨越…大关: the step a level has reached
        "迈上",
        "跃上",
        "跨越",
    }
)
DOUBLING = frozenset({"翻番", "倍增"})
# Steps crossed one after another (先后跨越5万亿元、6万亿元两个台阶, 相继迈上…台阶): crossed
# during the years reviewed, the first before their end (GOLD_GUIDELINES 6.8.34), not a level
# standing at the end.
_STEPS_IN_TURN_RE = re.compile(r"(?:先后|相继|依次|接连)(?:跨越|迈上|跃上|跨上|登上)")
# Leaving the poverty list (贫困村出列, 贫困县摘帽, 整村脱贫): counted as it happened, year by
# year, over a stretch, never a level reached at its end.
_LEFT_THE_LIST = frozenset({"摘帽", "出列", "退出", "脱贫"})
# Doing, not standing: a count after these was added up over the span.
_FLOW_VERB_RE = re.compile(
    r"新增|新建|新开|建成|构建|推出|实施|开工|培育|引进|承办|举办|补充|创建|开通|签约|发放|培训|淘汰"
    # 易地扶贫搬迁830万人 in a review of five years: the people moved over them
    r"|搬迁"
)
_ENDS_AT_RE = re.compile(r"[\u4e00-\u9fff][至到为](?:约|近|超过|超)?$")
# Verbs that count what was dealt with over a span (有效应对50个热带气旋, 接待…).
_DONE_VERB_RE = re.compile(r"应对|办理|受理|接待|举办|签约|审议|处置|化解|救助|帮扶|开展")
# A sentence that opens on what was done over the span (五年新增…, 累计建成…).
_SPAN_FLOW_LEAD_RE = re.compile(r"(?:[三五十]年|五年来|累计|共)(?:新增|新建|建成|完成|实施)")
# Words of a stock, not a flow (总数186家, 总里程): a level at the span's end.
_STOCK_WORD_RE = re.compile(r"总数|总量|总里程|保有量|拥有|现有|共有|达|居")
# The figures listed before this one (分别提升至95%左右、|96%以上): the verb is before them.
_LISTED_FIGURES_RE = gated(  # tried before every figure (regex_gate)
    re.compile(r"(?:[\d.]+(?:%|‰|个百分点)?(?:左右|以上|以下)?[、和])+$")
)


_RATE_END_RE = re.compile(r"(?:率|比重|占比|比例)$")  # a rate is a level, 新建 or not
# Quantities a plan adds as it adds things counted (新增智能算力8000PFlops, 新增城市绿地面积
# 300万平方米, 新增调水能力200亿立方米): what its tasks add is summed over its years, as a
# count built is (GOLD_GUIDELINES 6.6, 6.8.57); a level reached (达到) stays at the end.
_ADDED_QUANTITIES = frozenset({"area", "length", "power", "volume", "weight"})


# 突破 with the things broken through as its object (突破关键核心技术50项, 突破车规级芯片、
# 固态电池等关键核心技术30项): acts done and counted, not a level crossed (突破1000亿元).
_BROKE_THROUGH_THINGS_RE = re.compile(r"突破[^，,；;。：:\d]{2,}$")


def states_a_level(named: Named, before: str) -> bool:
    """Whether the figure's change word says where something stands (达到, 突破1000亿元),
    not what was done (突破关键核心技术50项); ``before``: its sentence up to the figure."""
    if named.change not in _LEVEL_CHANGES:
        return False
    return not (named.change == "突破" and _BROKE_THROUGH_THINGS_RE.search(before))


def built_over_the_plan(named: Named, before: str) -> bool:
    """Whether a plan's figure with no year of its own counts what its years build or add:
    a count not stated as a level, or a quantity stated as added (``新增``)."""
    fig = named.figure
    if fig.unit_class == "count":
        return not states_a_level(named, before)
    return named.change == "新增" and fig.unit_class in _ADDED_QUANTITIES


# A rank of a change over the years a review covers (从业人员增速居全国第1位, 近5年人均预期
# 寿命增量居全国第1位): ranked as the change is, over the span (GOLD_GUIDELINES 6.8.34).
_CHANGE_RANK_RE = re.compile(r"(?:增速|增量|增幅)[^，,；;。]{0,6}排名$")
# Things counted, then the act that completed them over the span (5个国家区域医疗中心开诊运营,
# 3家海上风场并网发电, …光伏大基地建成投产): what the period did, not a level (6.8.34).
_COMPLETED_AFTER_RE = re.compile(
    r"^[^，,；;。]{0,30}?(?:开诊运营|建成投产|建成投用|建成运营|并网发电|投入运营|签约入驻)"
)
# So are the poor, the counties and the villages counted, then said all to have left poverty
# or met the standard (718.6万农村贫困人口全部脱贫, 821个经济薄弱村全部达标): one by one over
# the years; those left for the last year (剩余的19.9万贫困人口全部脱贫) left in it.
_ALL_LEFT_AFTER_RE = re.compile(
    r"^[^，,；;。]{0,30}?(?:全部|全面|整体)(?:实现)?(?:脱贫|摘帽|出列|达标)"
)
_REMAINING_RE = re.compile(r"剩余|剩下|最后")
# 累计达到, 五年共完成: a sum over the years, not the level at their end.
# a 、-list whose first item is summed (累计767万贫困人口脱贫、6920个贫困村出列)
_LISTED_SUM_RE = re.compile(r"(?:累计|累积|共计|合计|总计)[^，,；;。：:]{0,40}、[^、]{0,30}$")
_ACCUMULATED_RE = re.compile(r"(?:累计|累积|共计|合计|总计|[五三两十]年共)[^，,；;、]{0,4}$")
# 增加到2015年的287.9亿元, 降至: where it stands, though the verb is a change.
_REACHED_RE = re.compile(r"(?:到|至)(?:19|20)\d\d年(?:底|末)?的?$")
# a level said as a multiple of a base year's (是2010年的2.6倍, 为2020年底的2倍): where the
# level just named stands against the base, dated as that level (GOLD_GUIDELINES 6.8.38), not
# a change over the stretch since (增长2.7倍); a sum's multiple of an earlier period's
# (五年累计完成…，是上一个五年的2.3倍, 是“十一五”时期的2.7倍) stays the sum's span
_MULTIPLE_OF_BASE_RE = re.compile(r"(?:是|为|相当于)(?:19|20)\d\d年(?:底|末)?的$")
# 由2010年的…, 比2010年增加, 较2020年提高: the year a change is measured from.
_BASE_YEAR_RE = re.compile(r"(?:由|从|比|较|与|同)((?:19|20)\d\d)年")
# 2012年以来年均增速超过30%, 年均增幅达: a yearly average said as a noun.
AVERAGE_RATE_RE = re.compile(r"年均(?:增速|增幅)(?:达到?|为|超过?|在)?$")
# 从2012年的…, 由2016年的…: the base of a stretch of years.
FROM_BASE_RE = re.compile(r"(?:由|从)((?:19|20)\d\d)年")
# 增加到2021年预计的4250亿元: the stretch's end, a level however it is said.
_STRETCH_END_RE = re.compile(r"(?:到|至)(?:19|20)\d\d年[^，,；;。]{0,4}$")
# A change by an amount, not where it ends (增长2.7倍, 提升31.1个百分点, 增加13480元).
CHANGES_SINCE = frozenset({"增长", "增加", "提高", "提升", "上升", "上涨", "下降", "降低", "减少"})
YEARS_AHEAD_RE = re.compile(r"未来([一二三四五六七八九十两\d]+)年")
# a part said after 其中 in the ；-clause of a figure said 每年
_PART_OF_YEARLY_RE = re.compile(r"每年[^；;。]*其中[^；;。]*$")
# a sum over the five years a plan's end year closes (到2025年…五年累计下降13.5%)
_FIVE_YEAR_SUM_RE = re.compile(r"五年(?:来)?累计")
# 累计建成…, 累计培育…, 累计开展…: acts summed over a plan (not 累计达到, a level).
_SUMMED_ACT_RE = re.compile(
    r"累计(?:新增|新建|建成|建设|开展|培育|完成|引进|实施|纳入|打造|创建|认定|支持|推广|改造|获批)"
    r"[^，,；;。：:]{0,16}$"
)


class SpanOrEndMixin:
    """The walker's reading of a figure said over a span: its end or the span. Mixed into
    :class:`bot.targets.periods.PeriodsMixin`, whose section, plan and year state it reads."""

    def _span_or_end(
        self, year: str, named: Named, before: str, clause_start: int, after: str = ""
    ) -> str:
        """A level reached over a span is dated by the span's end unless it is a sum
        (累计); a yearly average since a base year written before it (由2020年…年均增长)
        covers the years after the base."""
        fig = named.figure
        clause = before[clause_start:]
        # 累计获批一类创新药15个以上、三类医疗器械注册证200张: the 累计 of a list is each
        # item's (the 、-clause alone holds only the item)
        wide = before[max(before.rfind(m) for m in "，,；;。：:") + 1 :]
        summed_list = bool(_LISTED_SUM_RE.search(wide))
        level = (
            # 增长2.7倍: a change since, not a level; 是2010年的2.6倍 is the level's (6.8.38)
            (fig.unit != "倍" or bool(_MULTIPLE_OF_BASE_RE.search(before)))
            and (
                states_a_level(named, before)
                # a rank is where it stands, whatever verb the name took (有机产品认证证书数居
                # 全国第1位, 指数排名提升至第6位, 新建体育公园目标完成率全国第一: 6.8.34)
                or fig.form == "rank"
                # 提升至95%, 降至3.39%, 恢复至42只, 整合为47所: where it stands at the end
                or bool(_ENDS_AT_RE.search(_LISTED_FIGURES_RE.sub("", clause)))
                or (
                    not named.change
                    and not self._done_over_the_span(named, clause, before[:clause_start], after)
                )
                or bool(_REACHED_RE.search(clause))
            )
        )
        if "-" in year:
            if "每年" in clause or _PART_OF_YEARLY_RE.search(before):
                # 每年安排专项资金5亿元, 每年70%左右财政支出用于民生: the same figure in each
                # year of the span, not a level reached at its end (GOLD_GUIDELINES 6.8.5);
                # so are the parts of a yearly whole (每年稳定粮食播种面积4000万亩以上，其中
                # 玉米2000万亩: round22, round25 golds)
                return year
            if (
                level
                and fig.form != "comparison"
                # 出庭应诉率保持100%: a rate held through the years, as 保持在 is (6.8.34);
                # 保持全国第一 a rank where it stands at their end
                and not (named.change == "保持" and fig.form != "rank")
                and not _ACCUMULATED_RE.search(clause)
                and not summed_list
                and not _STEPS_IN_TURN_RE.search(wide)
                and not _CHANGE_RANK_RE.search(named.indicator)
                and not (
                    fig.form != "rank"
                    and not _RATE_END_RE.search(named.indicator)
                    and (
                        _COMPLETED_AFTER_RE.search(after)
                        or (_ALL_LEFT_AFTER_RE.search(after) and not _REMAINING_RE.search(clause))
                    )
                )
            ):
                return year.split("-")[1]  # 五年来…达到1.9万家: the level at the end
            return year  # 五年来…外商直接投资累计达到149.6亿美元: summed over the span
        if year.isdigit() and _FIVE_YEAR_SUM_RE.search(clause):
            return f"{int(year) - 4}-{year}"  # 到2025年…能耗五年累计下降13.5%: over the five
        if (
            year.isdigit()
            and not self.bulletin
            and (
                _SUMMED_ACT_RE.search(clause)
                or (summed_list and _SUMMED_ACT_RE.search(wide[: wide.rfind("、")]))
            )
        ):
            # 累计建成无人机起降场1000个, 2027年…累计培育省级智能工厂300家 in a plan for
            # 2025-2027: what is done over the plan, summed (GOLD_GUIDELINES 6.2, 6.8.6);
            # 累计达到1.2万家 is where the total stands at the year named
            span = self.task_years.title_span if self.task_years is not None else self.plan_span
            if span.endswith("-" + year):
                return span
        # 年均增速达16.1% (the rate said as a noun, its verb 达) is a yearly average too
        averaged = named.change.startswith("年均") or bool(AVERAGE_RATE_RE.search(clause))
        if (
            year.isdigit()
            and not self.bulletin
            and (
                named.change in CHANGES_SINCE
                # 由2012年底的329万人减少到2017年底的134万人，累计退出贫困村2960个，15个
                # 贫困县脱贫摘帽: what was summed or left the list over the stretch
                or named.change in _LEFT_THE_LIST
                or bool(_ACCUMULATED_RE.search(clause))
            )
            and fig.form != "comparison"
            and not _STRETCH_END_RE.search(clause)
        ):
            # the change over a stretch from a base year (从2012年的1479万公里增加到2021年的
            # 5481万公里，增长2.7倍) happened in the years after the base, as 过去五年 and
            # “十三五” do (GOLD_GUIDELINES 6.8.2); 比2015年下降 alone is left as it was (the
            # golds date such comparisons both ways)
            bases = [int(y) for y in FROM_BASE_RE.findall(before) if int(y) < int(year)]
            if bases:
                return f"{bases[-1] + 1}-{year}"
        # 到2030年…实现翻一番, 居民收入增长与经济增长同步: a change over the plan, like a
        # yearly average (a doubling is no level reached)
        over_the_plan = averaged or named.change in DOUBLING or fig.form == "comparison"
        if not over_the_plan or self.bulletin or not year.isdigit():
            return year
        if averaged:
            # 由2010年的162.4亿元增加到2015年的287.9亿元，年均增长12.1%: 2011-2015
            bases = [int(y) for y in _BASE_YEAR_RE.findall(before) if int(y) < int(year)]
            if bases:
                return f"{bases[-1] + 1}-{year}"
        span = self.task_years.title_span if self.task_years is not None else self.plan_span
        if span.endswith("-" + year):
            return span  # 到2027年…年均增长10%以上 in a plan for 2025-2027: over the plan
        if averaged and self._opens_a_five_year_plan(int(year)):
            # a 2021 report's 到2025年，全省生产总值年均增长6%左右: over the 十四五 plan
            return f"{int(year) - 4}-{year}"
        return year

    def _span_of_average(
        self, year: str, periods: list[tuple[int, str]], dot_start: int, upto: int
    ) -> str:
        """A yearly average is over years, never one: dated by a single year (a level's
        year in the clause before it: 五年来，…一般公共预算收入2017年达到1868亿元，年均增长
        4.8%; 城镇和农村居民人均可支配收入年均分别增长7.1%和8.2% after it), it is of the
        span the 。-sentence opened on when that span ends in the year (过去五年 in a
        report of 2018: 2013-2017); ``year`` otherwise."""
        for end, value in reversed(periods):
            if end > upto or end <= dot_start - 1:
                continue
            span = self._doc_period_years(
                value.removesuffix("末")  # “十三五”规划…年均增长: the plan's years, not its end
            )
            if "-" in span and span.endswith("-" + year):
                return span
        for end, value in reversed(periods):
            # 今后五年，…。主要目标是：到2022年，…年均增长8%: the years ahead the paragraph
            # opened on, when they end in the goal's year (a 。-sentence before this one)
            if end > dot_start or not YEARS_AHEAD_RE.fullmatch(value):
                continue
            span = self._doc_period_years(value)
            if "-" in span and span.endswith("-" + year):
                return span
        if self.section.paragraph_period:
            # 一、过去五年工作回顾 / 2016年预计全县地区生产总值达到168亿元，…，年均增长10.2%: the
            # stretch the part's heading (or the paragraph) reviews, when it ends in the year
            span = self._doc_period_years(self.section.paragraph_period)
            if "-" in span and span.endswith("-" + year):
                return span
        return year

    def _opens_a_five_year_plan(self, end: int) -> bool:
        """Whether ``end`` closes a five-year plan (2025, 2030) the document was written
        as it opened (the year before its first year, or its first) or reviews as it
        closed (the year after its end: a yearly average over one year is none)."""
        if end % 5 or not self.doc_year_s.isdigit():
            return False
        return end - 5 <= int(self.doc_year_s) <= end - 4 or int(self.doc_year_s) == end + 1

    def _done_over_the_span(
        self, named: Named, clause: str, before_clause: str, after: str
    ) -> bool:
        """No change word, yet what was done over the years, a sum: 推出12批1181项…,
        承办3届…, 有效应对50个热带气旋, 五年新增就业…，再就业15326人. Rates, shares, ranks,
        totals and standings (14种农产品产量居全国第1位) are levels all the same."""
        fig = named.figure
        if (
            _RATE_END_RE.search(named.indicator)
            or _STOCK_WORD_RE.search(clause)
            or fig.form == "rank"
            or "居" in after
        ):
            return False
        return bool(
            _FLOW_VERB_RE.search(clause)
            or self._listed_after_a_flow(before_clause)
            or (fig.unit_class == "count" and _DONE_VERB_RE.search(clause))
            # a plan's 带动就业2万人, 带动1.5万家中小企业上云: what its tasks bring along over
            # its years, summed (a review's 带动就业 after the year's 全年… stays the year's)
            or (self.section.section_class == PLAN and "带动" in clause)
        )

    @staticmethod
    def _listed_after_a_flow(before_clause: str) -> bool:
        """``五年新增就业3.25万人，再就业15326人``: a figure listed right after a clause
        that opens on what was done over the span, with no verb of its own, is a flow too."""
        prev = re.split(r"[，,；;。]", before_clause.rstrip("，,、 "))[-1]
        return bool(_SPAN_FLOW_LEAD_RE.match(prev) or _FLOW_VERB_RE.search(prev))
