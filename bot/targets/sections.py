"""The section a paragraph is in, as the walker follows a document's headings.

Which passage holds an offset, the heading path of a passage, what entering a section
sets (its class: review, goals or neutral; its cue; the period its opening names), the
class of the paragraph at hand and the text a heading cue is read from. The readers are
methods of :class:`SectionsMixin`, mixed into :class:`bot.targets.extract._Walker`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from bot.models import Passage
from bot.targets.kinds import (
    NEUTRAL,
    PLAN,
    REVIEW,
    classify_section,
    paragraph_period,
)

_UNENTERED = ("\0",)  # the section path before the first passage: never a real one


@dataclass(slots=True)
class _SectionState:
    path: tuple[str, ...] = ()
    section_class: str = NEUTRAL
    cue: str | None = None
    period: str = ""  # 过去五年 from the opening paragraph of a review section
    first_paragraph: bool = True
    paragraph_period: str = ""  # 回望“十四五”这五年…: in force until a paragraph opens with a year
    plan_period: str = ""  # “十五五”时期主要目标任务: the years a forward section is about


# the plan's target of a year as a noun, what results are set against: 完成2025年目标(值)
_PLAN_TARGET_NOUN_RE = re.compile(r"20\d{2}年(?:规划)?目标值?")


class SectionsMixin:
    """The walker's following of sections: the passage and heading path at an offset, the
    state a section sets on entry, the class of the paragraph at hand. Mixed into
    :class:`bot.targets.extract._Walker`, whose ``section`` state it keeps."""

    def passage_at(self, offset: int) -> Passage | None:
        k = bisect_right(self.starts, offset) - 1
        if k < 0:
            return None
        p = self.passages[k]
        return p if offset < p.start + len(p.text) else None

    def path_of(self, passage: Passage) -> tuple[str, ...]:
        """The headings ``passage`` is read under: its section without the document's own
        title. The title is read as the title (its year, its kind of text) whether or not
        a blank line under it made it a heading: a web page's copy puts one after every
        line, and a press conference's title (…2025年一季度工业和信息化发展情况新闻发布会
        文字实录) became the section of the whole text, its 2025 a plan's (35 of 43
        records turned targets), where the same text with the title over its first
        paragraph had no section at all."""
        path = passage.section
        if path and self.own_title and path[0] == self.own_title:
            path = path[1:]
        if path and self.subtitle and path[0] == self.subtitle:
            path = path[1:]
        return path

    def enter_section(self, path: tuple[str, ...]) -> None:
        if path == self.section.path:
            return
        top = path[0] if path else ""
        # a heading of a year that is over (2024年江州经济运行数据发布) says a result
        ended = self.doc_year + 1 if self.year_ended and self.doc_year else self.doc_year
        preamble = not path and self.forward_doc
        if preamble:
            # a forward text's preamble above its first heading (为…，打造万亿级汽车产业集群，
            # 制定本方案) is read as its title says (…行动方案（2023—2025年）: a plan), as it was
            # when a blank line under the title made the title its heading; not by the
            # text's type alone (a plenum's communiqué filed as a decision reviews 今年以来)
            title = (self.own_title,) if self.own_title else ()
            section_class = classify_section(title, ended, year_end=self.year_end)
        else:
            section_class = classify_section(path, ended, year_end=self.year_end)
        if section_class == PLAN and self.bulletin:
            section_class = NEUTRAL  # a bulletin has no plans (表2 2023年…, a caption)
        if section_class == PLAN:
            self.plan_started = True
        elif section_class == NEUTRAL and not preamble and (self.plan_started or self.forward_doc):
            # a work report's parts after its plan (政府自身建设, the 民生实事 annex), and
            # the task sections of a plan or an action plan, look forward
            section_class = PLAN
        heading_period = next((p for title in reversed(path) if (p := paragraph_period(title))), "")
        if (
            section_class == REVIEW
            and len(path) > 1
            and paragraph_period(path[-1]) is None
            and self.section.path[: len(path) - 1] == path[:-1]
        ):
            # 一、“十四五”时期和2025年工作回顾 … 刚刚过去的2025年… （一）经济运行…: a
            # subsection goes on in the stretch of years its part had reached
            heading_period = self.section.paragraph_period
        self.section = _SectionState(
            path=path,
            section_class=section_class,
            paragraph_period=heading_period if section_class == REVIEW else "",
            plan_period=heading_period if section_class == PLAN else "",
            period=self.top_periods.get(top, ""),
            first_paragraph=True,
        )
        self.goal_list = False

    def paragraph_class(self) -> str:
        """The section's class, unless the paragraph opened on a stretch of years that is
        over (“十三五”时期… in a part titled 发展成就和“十四五”主要目标): a review."""
        period = self.section.paragraph_period
        if period and self.doc_year_s:
            span = self._doc_period_years(period)
            end = span.split("-")[-1]
            if end.isdigit() and int(end) < int(self.doc_year_s):
                return REVIEW
        return self.section.section_class

    def cue_text(self, line: str) -> str:
        """``line`` as its tense and years are read: in a plan's evaluation the plan's
        target said as a noun (已提前完成2025年目标, 已完成或超过2025年目标值的有8项) is no goal
        of the figures around it, which are results (the openings of 福建's and 扬州's
        evaluations, 6.6); it is blanked, keeping every offset."""
        if not self.evaluated_span or "目标" not in line:
            return line
        return _PLAN_TARGET_NOUN_RE.sub(lambda m: "某" * len(m.group()), line)
