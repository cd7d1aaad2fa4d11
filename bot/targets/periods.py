"""The years and spans a record is about, read from the words around its figure.

A figure said over a stretch of years (2021—2023年累计…, 五年来…) or at its end, an average
over a plan's years (年均增长), a count of years ahead (五年内, 未来五年), and the year a
plan's evaluation reviews. The readers are methods of :class:`PeriodsMixin`, mixed into
:class:`bot.targets.extract._Walker`. Whether a figure said over a span is of the span or
its end is read in :mod:`bot.targets.span_or_end` (``SpanOrEndMixin``, a base of the mixin),
which written time dates it in :mod:`bot.targets.period_written_before`.
"""

from __future__ import annotations

import re

from bot.targets.kinds import PLAN, REVIEW, normalize_year, period_before
from bot.targets.naming import Named, clause_end
from bot.targets.naming.plan_targets import is_restated_target
from bot.targets.numbers import cn_to_number
from bot.targets.period_written_before import last_year_opening, period_past_stretches
from bot.targets.place_clauses import _NOW_LEAD_RE
from bot.targets.sentences import _opening_span
from bot.targets.span_or_end import AVERAGE_RATE_RE as _AVERAGE_RATE_RE
from bot.targets.span_or_end import CHANGES_SINCE as _CHANGES_SINCE
from bot.targets.span_or_end import DOUBLING as _DOUBLING
from bot.targets.span_or_end import YEARS_AHEAD_RE as _YEARS_AHEAD_RE
from bot.targets.span_or_end import SpanOrEndMixin, built_over_the_plan, states_a_level

_HORIZON_RE = re.compile(r"(未来|今后)[一二三四五六七八九十两\d]+年")


# the span a goals paragraph opens with (今后五年, 未来五年, “十四五”时期)
# a span of years written out (2024—2026年, 2024年至2026年)
_SPAN_WRITTEN_RE = re.compile(r"(20\d{2})年?\s*(?:—|–|-|－|~|至|到)\s*(20\d{2})年")
_GOAL_SPAN_RE = re.compile(
    r"(?:未来|今后)[一二三四五六七八九十两\d]+年$|“?十[一二三四五六七八九]五"
)
# A level held through a stretch of years, not reached at its end (GOLD_GUIDELINES 6.8.32).
_HELD_LEVEL = frozenset({"保持在", "控制在", "稳定在"})
# 五年内, 5年内: a time with no year, unless the part is about as many years ahead
_WITHIN_YEARS_RE = re.compile(r"[一二三四五六七八九十两\d]+年内")
_SUM_OR_AVERAGE_RE = re.compile(r"累计|共计|合计|总计|年均")
# a ；-clause ending between a 每年 and a figure: the 每年 is no longer the figure's
_YEARLY_CLAUSE_BEFORE_RE = re.compile(r"[；;]")
_PER_HEAD_YEAR_RE = re.compile(r"每[人户个]每年|每年每")


_REVIEWED_YEAR_RE = re.compile(r"(20\d{2})年(?:底|末)?[，,]")


def _evaluated_year(text: str, span: str, doc_year: int | None) -> str:
    """The last year an evaluation of the plan ``span`` reviews: the latest year that opens
    a clause (截至2022年底，, 2022年，) before the plan's end, ``""`` when none is written."""
    end = int(span.split("-")[1])
    years = [
        int(y)
        for y in _REVIEWED_YEAR_RE.findall(text)
        if int(y) < end and (doc_year is None or int(y) <= doc_year)
    ]
    return str(max(years)) if years else ""


# a plan's evaluation: 中期评估报告, 实施情况评估, 终期评估
_EVALUATION_RE = re.compile(r"(?:中期|终期|实施情况|实施)?评估")


# 累计建设…175个, 累计下降17.3%, 累计识别…: a sum, not where a running total stands (累计达到),
# said of the figure itself (not of a thing before it: 累计完成投资3.23亿元的…工程新接入…面积)
_SUMMED_IN_REVIEW_RE = re.compile(r"累计(?!达|超|突破|为|在)[^的，,；;。]*$")
# a paragraph opening on its own time (这一年，…累计发放补贴资金9.6亿元: the year's)
_TIMED_OPENING_RE = re.compile(r"(?:这一年|过去一年|一年来|今年|去年|全年|(?:19|20)\d\d年)")
# what an evaluated plan's years did (新改建…公路, 新建改建…发热门诊, 新增…能力, 完成总投资)
# (建成…个, 实现…全覆盖 is where the stock stands: the golds date it by the year reviewed)
_EVALUATED_FLOW_RE = re.compile(r"(?:新建|新改建|改建|新增|完成(?:总)?投资)[^，,；;。的]{0,20}$")
# a review's heading that names a year and a plan's years (一、2025年工作总结和“十四五”发展成就)
_DOUBLE_REVIEW_PLAN_RE = re.compile(r"十[一二三四五六七八九]五")


class PeriodsMixin(SpanOrEndMixin):
    """The walker's readings of a record's period: a stretch of years or its end, an average
    over a plan's years, years ahead counted, the year an evaluation reviews. Mixed into
    :class:`bot.targets.extract._Walker`, whose document, section and year state it reads."""

    def _doc_period_years(self, period: str) -> str:
        """The years ``period`` (十三五, 过去五年, 今后五年) stands for in this document, as
        its year, its review's reach back and a congress's term ahead date it: one reading
        for the walker's mixins (:class:`SpanOrEndMixin`, :class:`SectionsMixin` too)."""
        return normalize_year(
            period,
            doc_year=self.doc_year_s,
            current_year=self.doc_year_s,
            backward=self.backward,
            term_ahead=self.term_ahead,
        )

    def _double_review_span(self, year: str) -> str:
        """The plan's years a review part's heading names beside ``year``
        (``一、2025年工作总结和“十四五”发展成就`` gives ``2021-2025`` for 2025), ``""`` when
        the figure is not in such a part: a ``累计`` said in its one-year paragraphs with no
        time of its own sums more than that year, the five years the heading names
        (GOLD_GUIDELINES 6.8.61; dev ningxia and sichuan 2026, hailaer 2016)."""
        if self.section.section_class != REVIEW or not self.section.path:
            return ""
        head = self.section.path[0]
        plan = _DOUBLE_REVIEW_PLAN_RE.search(head)
        if plan is None or f"{year}年" not in head:
            return ""
        span = normalize_year(plan.group(0), doc_year=self.doc_year_s, current_year=self.doc_year_s)
        return span if span.endswith(f"-{year}") else ""

    def _within_years(self, within: str) -> str:
        """``五年内`` (a time with no year) in a part about as many years ahead: those years
        (五年内新增城镇就业25万人 after 今后五年 goals; 5年内 in a plan for 2016-2020);
        as written otherwise (no year: ``""``)."""
        if self.section.section_class != PLAN:
            return within
        n = within.removesuffix("年内")
        count = float(n) if n.isdigit() else cn_to_number(n)
        span = self.plan_span or (self.task_years.title_span if self.task_years else "")
        if span and "-" in span:
            first, end = span.split("-")
            return span if count == int(end) - int(first) + 1 else within
        m = _YEARS_AHEAD_RE.fullmatch(self.plan_period)
        ahead = m.group(1) if m else None
        if ahead and (float(ahead) if ahead.isdigit() else cn_to_number(ahead)) == count:
            return self.plan_period
        return within

    def _opening_goal_span(self, line: str) -> str:
        """``未来五年`` for a plan part's paragraph that opens on the years ahead (今后五年，
        …), else ``""``."""
        if self.section.section_class != PLAN:
            return ""
        m = _HORIZON_RE.match(line.lstrip("— "))
        return m.group().replace("今后", "未来") if m else ""

    def _evaluated_result_year(self, year: str, indicator: str, clause: str) -> str:
        """The year of a result an evaluation of a plan reports: an undated one is of the
        last year it reviews (a paragraph of 截至2022年底 results goes on without its year),
        a sum (累计完成…) and “十四五”以来 run from the plan's first year to it, and a
        completion rate is of what it completes (the golds of 徐州, 福建 and 扬州, 6.6)."""
        first = self.evaluated_span.split("-")[0]
        upto = self.evaluated_year
        for suffix in ("规划目标完成率", "完成率"):
            if indicator.endswith(suffix) and indicator != suffix:
                done = self._named_years.get(indicator.removesuffix(suffix))
                if done:
                    return done
        if not year:
            year = upto
        elif year == f"{first}-{first}":
            year = f"{first}-{upto}"  # “十四五”以来 in an evaluation: up to the year reviewed
        if year == upto and "累计" in clause and first < upto:
            year = f"{first}-{upto}"
        return year

    def _record_year(
        self,
        named: Named,
        sentence: str,
        line: str,
        periods: list[tuple[int, str]],
        offset: int,
        dot_start: int,
        upto: int,
        clause: str,
        clause_start: int,
        h_year: str,
        review_year: str,
        holding: bool,
        kind: str,
    ) -> tuple[str, str]:
        """A record's year or span, from the periods written before its figure, its
        paragraph's, section's or document's, normalised; and its kind, which a plan's
        target said again in an evaluation turns to ``target``: ``(year, kind)``."""
        fig = named.figure
        year = period_past_stretches(periods, line, dot_start - 1, offset, upto)
        yearly = max((p for p, t in periods if t == "每年" and p < upto), default=upto)
        if year == "每年" and _YEARLY_CLAUSE_BEFORE_RE.search(line, yearly, upto):
            # 每年安排专项资金20亿元；设立规模50亿元的…基金: the 每年 is its own ；-clause's, the
            # fund set up once is no yearly figure (round35 guangdong's and round36 henan's golds)
            periods = [(p, t) for p, t in periods if p != yearly]
            year = period_past_stretches(periods, line, dot_start - 1, offset, upto)
        dated_here = year is not None
        if (
            year is not None
            and year.isdigit()
            # (a comparison too: 城乡居民收入增长与经济增长同步 is a change over the span)
            and (
                named.change.startswith("年均")
                or fig.form == "comparison"
                # 今后五年…：…到2020年突破2200亿元；…；单位地区生产总值能耗下降15%: a
                # cut by a share over the goals' span, as a yearly average is
                or (named.change in _CHANGES_SINCE and fig.unit in ("%", "个百分点"))
                # …，到2026年力争突破…；…高新技术企业数量翻一番；森林覆盖率保持在60%以上: a
                # doubling or a level held through the goals' years, not reached in the year
                # an earlier ；-clause names (GOLD_GUIDELINES 6.8.32)
                or named.change in _DOUBLING
                or named.change in _HELD_LEVEL
            )
            and period_before(periods, offset - 1, upto) is None
        ):
            # 今后五年…：…年均增长7%，到2020年突破…；一般公共预算收入年均增长9%: a yearly
            # average over the goals' span, not the year a level is reached in a ；-clause
            # before it
            span = next(
                (t for p, t in periods if dot_start - 1 < p < offset and _GOAL_SPAN_RE.match(t)),
                None,
            ) or self._opening_goal_span(line)
            year = span or year
        if (
            year is not None
            and year.startswith("连续")
            and not h_year
            and self.section.section_class == REVIEW
            and self.section.period
            and self._doc_period_years(self.section.period).isdigit()
        ):
            # 连续14年居全球第一 in a speech's 过去一年 review: the streak says how long, the
            # part says until when, the year it reviews (as a work report's review heading
            # dates its streaks: GOLD_GUIDELINES 6.8.34)
            year = self.section.period
        if year is None and self.forward_doc and self.section.section_class == PLAN:
            # 到2027年，实现…。研制并获批3—5种…: a goal year holds for its paragraph
            year = period_before(periods, -1, upto)
        elif year is None and self.now_s and not h_year and _NOW_LEAD_RE.match(line):
            # 商务部负责同志：今年，我们将…。我们将支持100个左右城市…: an answer that opens on
            # the year it is given in (a January press conference on the year before) is
            # of that year to its end, as a review paragraph opening with its year is
            year = period_before(periods, -1, upto)
        elif (
            year is None
            and (self.news or self.dated_speech)
            and not h_year
            and (opened := last_year_opening(line, dot_start)) is not None
        ):
            # 去年，全市新签约项目312个…。全市地区生产总值达到3820亿元: a speech's or a
            # story's paragraph opening on last year is of that year to its end, as a review
            # paragraph opening with its year is (a speech in spring quotes last year's
            # results; GOLD_GUIDELINES 6.8.58)
            # (the 去年 as the sentence that opened on it read it)
            year = period_before(periods, opened[0] - 1, opened[1] + 1)
        elif year is None and review_year:
            # 2023年，…。全省拥有规模以上企业612家: the paragraph's year; but a sum in a
            # paragraph about a stretch (“十四五”期间…。截至2025年底，…。累计完成…) is the stretch's
            summed = self.section.paragraph_period and "累计" in sentence[: fig.start]
            year = None if summed else review_year
        if year == "每年" and (
            written := _SPAN_WRITTEN_RE.search(line, max(0, dot_start - 1), upto)
        ):
            # 2024—2026年，省级财政每年安排专项资金8亿元: each year of the span its sentence
            # opens with (GOLD_GUIDELINES 6.8.5), whatever the title or the paragraph say
            year = f"{written[1]}-{written[2]}"
        elif year == "每年" and self.section.paragraph_period:
            year = self.section.paragraph_period  # 这五年…每年新增就业60万人: each of the five
        elif year == "每年" and self.section.section_class == PLAN:
            # a plan's 每年新增高标准农田50万亩: each year of the period its title names
            span = self.plan_span or (self.task_years.title_span if self.task_years else "")
            if not span and self.plan_period:
                # a congress report's 今后五年 goals, then 每年新增…: each of those years
                span = self._doc_period_years(self.plan_period)
                span = span if "-" in span else ""
            # no period known: 每年 is no year (GOLD_GUIDELINES 6.8.5), not the document's;
            # a rate per head and year (每人每年320元, 每年每千人5批次) is the year's
            # (in a policy whose title names no period, a sum given per head and year,
            # 每人每年给予…补贴, is no year's either: the measures have none, GOLD_GUIDELINES
            # 6.6; a standard raised, 补助标准每人每年提高40元, is a change made in the year)
            given = not named.change.startswith(("提高", "上调", "增加"))
            undated_policy = self.task_years is not None and not self.task_years.title_span
            per_head = bool(_PER_HEAD_YEAR_RE.search(sentence)) and not (undated_policy and given)
            year = span or (year if per_head else "")
        if year is None:
            if self.section.paragraph_period:
                year = self.section.paragraph_period
            elif h_year:
                year = h_year
            elif self.goal_list and self.goal_period:
                year = self.goal_period
            elif self.section.section_class == REVIEW:
                # a story's (a press conference's) review part is of its own time, as its
                # other undated figures are (below)
                year = (
                    self.section.period
                    or self.title_year
                    or (self.doc_year_s if self.news and not self.bulletin else "")
                )
            elif self.section.section_class == PLAN:
                year = self.section.plan_period or self.plan_period or self.horizon
                if (
                    year == self.horizon
                    and self.plan_span
                    and built_over_the_plan(named, sentence[: fig.start])
                ):
                    # a five-year plan's 新增…3000个, 建设7个…: built over the plan (§6.6)
                    year = self.plan_span
                elif year == self.horizon and self.task_years is not None:
                    # an action plan's task with no year of its own (see plan_years)
                    year = self.task_years.year(
                        self.section.path,
                        (named.indicator, fig.value, fig.unit),
                        year,
                        built_over_the_plan(named, sentence[: fig.start]),
                        self.goal_list,
                    )
            elif self.bulletin or self.news or self.dated_speech:
                # a story, like a bulletin, is about its own time: an undated figure
                # (新增国家高新技术企业500家, 目前…比重在35%以上) is the year's; so is a
                # speech given on a date it writes (本次集中签约项目68个 on 2025年4月16日)
                year = self.doc_year_s
            else:
                year = self.title_year
        current = h_year or self.spoken_s
        if _WITHIN_YEARS_RE.fullmatch(year):
            year = self._within_years(year)
        if year.endswith("以来") and h_year:
            # “十三五”以来累计… under 一、关于今年工作: up to the year the part reviews
            year = normalize_year(year, doc_year=h_year, current_year=current, backward=0)
        elif year.endswith("以来") and (self.news or self.dated_speech):
            # “十四五”以来累计完成… told at a press conference, in a story or a dated speech:
            # up to the year it is told in, which it speaks of as its own
            year = normalize_year(year, doc_year=self.doc_year_s, current_year=current, backward=0)
        year = normalize_year(
            year,
            doc_year=self.doc_year_s,
            current_year=current,
            backward=self.backward,
            term_ahead=self.term_ahead,
        )
        rest = sentence[fig.end : clause_end(sentence, fig.end)]
        year = self._span_or_end(year, named, sentence[: fig.start], clause_start, rest)
        if (
            not dated_here
            and year.isdigit()
            and not _TIMED_OPENING_RE.match(line)
            and _SUMMED_IN_REVIEW_RE.search(clause)
        ):
            year = self._double_review_span(year) or year
        if (
            year.isdigit()
            and not self.bulletin
            and (named.change.startswith("年均") or bool(_AVERAGE_RATE_RE.search(clause)))
        ):
            year = self._span_of_average(year, periods, dot_start, upto)
        if year.isdigit() and (opened := _opening_span(sentence)):
            # 2021年至2023年，全区累计建成…42个，完成投资186亿元; 2021—2023年，…年均增长
            # 28.6%: a sum or a yearly average over the span the sentence opens with is of
            # the span (GOLD_GUIDELINES 6.2), a level reached in it (提升到35.5%) of its end
            first, end = opened
            if end == year and first < end and _SUM_OR_AVERAGE_RE.search(sentence, 0, fig.start):
                year = f"{first}-{end}"
        if holding and self.section.section_class == PLAN:
            year = ""  # 拥有…7000万劳动者 in a plan: what is there, of no goal year
        if self.evaluated_span and is_restated_target(sentence[: fig.start]):
            # an evaluation's 高速公路通车里程达到548公里，规划目标为620公里: the plan's target
            # said again, of the plan's end (a sum's, 累计完成…完成规划目标2000平方公里的53%,
            # over the plan's span), as the golds of 徐州, 福建 and 扬州 date it (6.6)
            kind = "target"
            result = self._result_years.get((named.indicator, fig.unit), "")
            first, end = self.evaluated_span.split("-")
            year = f"{first}-{end}" if "-" in result else end
        elif self.evaluated_year and kind == "achievement":
            year = self._evaluated_result_year(year, named.indicator, clause)
            first = self.evaluated_span.split("-")[0]
            if (
                # (截至2022年底，…；新改建…212公里: what was done up to it)
                (not dated_here or f"截至{year}年" in line[:offset])
                and year == self.evaluated_year
                and first < year
                and not states_a_level(named, sentence[: fig.start])
                and _EVALUATED_FLOW_RE.search(clause)
            ):
                # an evaluation's 新改建农村公路2860公里, 新增城镇污水处理能力48万吨/日, 完成总投资
                # 156亿元: what the plan's years so far did, summed over them (6.8.34), as its
                # 累计 is; its completion rate follows it (徐州, 扬州 and 福建's golds)
                year = f"{first}-{year}"
        return year, kind
