"""The key-target extractor: :func:`extract_targets` turns a document into records.

It walks the document line by line (a line is a paragraph in the bundled formats),
cuts each line into sentences the way the gold guidelines do (after ``。！？；`` and
any closing quotes, and at every line break), finds the figures of each sentence
(:mod:`~bot.targets.numbers`), names them (:mod:`~bot.targets.naming`) and decides
kind and period from the section and the words around them (:mod:`~bot.targets.kinds`).

Pure: given a table, nothing is read from disk. Sections come from the document's
passages, so the extractor and the search index agree on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.corpus.gazetteer import default_gazetteer
from bot.models import Document, Passage
from bot.targets.doc_title import (
    _BY_YEAR_RE,
    FORWARD_TYPES,
    YEAR_REPORT_TYPES,
    _horizon,
    _own_subtitle,
    _own_title,
    _plan_span,
    _title_year,
)
from bot.targets.figure_filters import (
    _excluded,
    _names_no_figure,
    _without_standards_of_a_share,
)
from bot.targets.figure_record import FigureRecordMixin
from bot.targets.frames import Frame
from bot.targets.indicators import IndicatorTable, default_table
from bot.targets.item_labels import item_label, labelled
from bot.targets.kinds import (
    PLAN,
    REVIEW,
    Marks,
    cue_before,
    cue_marks,
    heading_year,
    is_bulletin,
    is_goal_lead,
    is_list_item,
    is_press_conference,
    opening_period,
    paragraph_period,
    period_before,
    period_marks,
    released_year,
    speaking_year,
    speaks_of_next_year,
)
from bot.targets.naming import (
    NamingContext,
    name_figures,
)
from bot.targets.naming.passes import AFTER_PAIRS, PASSES, Sentence, run_passes
from bot.targets.naming.respective import respective_pairs
from bot.targets.numbers import find_figures, gap_follows, may_have_figures
from bot.targets.periods import (
    _EVALUATION_RE,
    _HORIZON_RE,
    PeriodsMixin,
    _evaluated_year,
)
from bot.targets.place_clauses import (
    _NOW_LEAD_RE,
    RegionPartsMixin,
)
from bot.targets.plan_subject import owned_by_industry, plan_industry
from bot.targets.plan_years import ACTION_PLAN, TaskYears
from bot.targets.record_kinds import RecordKindsMixin
from bot.targets.record_names import RecordNamesMixin
from bot.targets.records import TargetRecord
from bot.targets.sections import (
    _UNENTERED,
    SectionsMixin,
    _SectionState,
)
from bot.targets.sentences import (
    _FULL_STOP,
    _goal_year,
    _review_year,
    read_opening,  # noqa: F401 (imported from here by its tests)
    split_sentences,
)
from bot.targets.tables import TableReader, is_prose_row, is_table_row

_YEAR_IN_HEADING_RE = re.compile(r"(?:19|20)\d\d\s*年")
_BREAKDOWN_RE = re.compile(r"\s*其中[，,：:]")  # 其中，政府投资575.5亿元: a part of the whole
_GLOSSARY_RE = re.compile(r"^(?:附[：:]?\s*)?(?:名词解释|名词注释|注释|术语解释)[：:]?$")
_FOOTNOTE_RE = re.compile(r"^(?:[\[［【]\d{1,2}[\]］】]|注[：:]|[①-⑳])")
_NOTES_RE = re.compile(r"^注[：:]")
# The next item of a note block written one item per line (注：1.…\n2.…\n3.…)
_NOTE_ITEM_RE = re.compile(r"^(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])")


def _opening_lines(text: str, n: int) -> list[str]:
    """The first ``n`` lines of ``text`` that hold anything but spaces."""
    out: list[str] = []
    for line in text.split("\n", 4 * n):
        if line.strip():
            out.append(line)
            if len(out) == n:
                break
    return out


def _holds_a_figure_sentence(heading: str) -> bool:
    """A heading line that is a whole sentence with a figure (（九）坚决守住18亿亩耕地红线。)."""
    return heading.endswith("。") and "。" not in heading[:-1] and bool(find_figures(heading))


class _Walker(
    RegionPartsMixin,
    PeriodsMixin,
    SectionsMixin,
    RecordNamesMixin,
    RecordKindsMixin,
    FigureRecordMixin,
):
    def __init__(
        self, doc: Document, table: IndicatorTable, until: Callable[[], bool] | None = None
    ) -> None:
        self.doc = doc
        self.until = until
        self.table = table
        self.doc_year = doc.meta.year
        # a press conference is a story told by the office itself: its figures are of
        # the time it speaks of, as a news story's are
        self.news = doc.meta.doc_type == "新闻" or is_press_conference(doc.meta.title)
        # the opening's first four lines with words (a web page's copy has a blank line
        # after each: 介绍2024年全省国民经济运行情况 in its host's line is still the opening's)
        released = released_year("\n".join(_opening_lines(doc.text, 4)))
        # the year a text given early in the next year speaks in: its 今年 (今年，我们将…力争)
        self.now_s = ""
        if self.news and released is not None and self.doc_year == released + 1:
            # 2024年1月新闻发布会…介绍2023年…情况: given early in a year on the year before;
            # its 全年 and its undated figures are of that year, which is over, but its 今年
            # is the year it is given in (the transport ministry's and a province's
            # January press conferences, the commerce ministry's: 今年…力争 is a goal of it)
            self.now_s = str(self.doc_year)
            self.doc_year = released
        self.doc_year_s = str(self.doc_year) if self.doc_year else ""
        # the year 今年 and 明年 count from: a year-end speech filed under the year it
        # plans says 明年 of it (kinds.speaking_year)
        self.own_title = _own_title(doc.text)
        # a title's second line over its date (…新闻发布会实录 / 2024年湖南省国民经济运行情况 /
        # （2025年1月24日）): part of the title, though a web copy's blank lines make it a heading
        self.subtitle = _own_subtitle(doc.text) if self.own_title else ""
        spoken = speaking_year(((self.path_of(p), p.text) for p in doc.passages), self.doc_year)
        self.spoken_s = str(spoken) if spoken else ""
        self.year_end = speaks_of_next_year(self.path_of(p) for p in doc.passages)
        self.region = doc.meta.region or ""
        self.bulletin = is_bulletin(doc.meta.title, doc.text)
        # a story on the released data of its own year: that year is over
        self.year_ended = self.news and self.doc_year is not None and released == self.doc_year
        if self.year_ended and not self.now_s and self.doc_year is not None:
            # 1月21日，省统计局发布2024年全省经济运行情况…今年全省将锚定…: a year's whole data
            # are out only once it is over, so the story is told in the year after it, and
            # its 今年 (明年) counts from there, as a press conference dated so does
            self.now_s = str(self.doc_year + 1)
        self.passages = sorted(doc.passages, key=lambda p: p.start)
        self.starts = [p.start for p in self.passages]
        self.records: list[TargetRecord] = []
        # no section entered yet: the first passage's, even with no heading over it (a
        # plan's preamble above its first heading), is entered, so it is read as a part
        # of its text (a forward text's part looks forward)
        self.section = _SectionState(path=_UNENTERED)
        self.goal_list = False
        self.goal_period = ""
        self.plan_period = ""  # the horizon of the latest goal list, for later plan parts
        self.top_periods: dict[str, str] = {}
        self.frame = Frame(table)
        self.gazetteer = default_gazetteer()
        # (sentence, name, part) of the last figure said of a part of the region
        self.last_part: tuple[str, str, str] = ("", "", "")
        self.review_year_before = ""  # the year the review paragraph before opened with
        # the place-by-place 。-sentence (its line and start) and the measure it gives
        self.breakdown: tuple[tuple[str, int], str] = (("", 0), "")
        self.plan_started = False
        self.forward_doc = doc.meta.doc_type in FORWARD_TYPES
        # a speech whose date line is of its own year: its undated figures are of that year
        self.dated_speech = (
            doc.meta.doc_type == "讲话"
            and bool(doc.meta.date)
            and str(doc.meta.date)[:4] == self.doc_year_s
        )
        # A party congress reviews up to its own autumn, one given in spring the years before
        # it (as a work report does); a work report the years before it.
        self.term_ahead = self._spring_congress(doc)
        congress = doc.meta.doc_type == "党代会报告" and not self.term_ahead
        self.backward = 0 if congress or self._late_speech(doc) else 1
        self.plan_span = _plan_span(doc) if doc.meta.doc_type == "规划纲要" else ""
        # 2026年民生实事项目, 2025年上半年工作总结, 2024年…乡村振兴工作情况报告: the one year the
        # title says the work is of
        self.title_year = _title_year(doc.meta.title)
        # the years a box row's 基期值 and 目标值 are of: the period the title names
        self.box_span = _plan_span(doc)
        self.task_years = (
            TaskYears(_plan_span(doc) or self.title_year)
            if doc.meta.doc_type == ACTION_PLAN
            else None
        )
        # 新能源汽车产业 of a plan for it: the owner of its bare 产业规模, 营业收入 …
        self.industry = (
            plan_industry(doc.meta.title) if doc.meta.doc_type in (ACTION_PLAN, "规划纲要") else ""
        )
        # a plan's evaluation (“十四五”…规划中期评估报告): the plan's years, which its restated
        # targets are of (plan_targets.is_restated_target)
        span = _plan_span(doc) if _EVALUATION_RE.search(doc.meta.title) else ""
        self.evaluated_span = span if "-" in span else ""
        self._result_years: dict[tuple[str, str], str] = {}
        self._named_years: dict[str, str] = {}
        # the last year it reviews (截至2022年底，, 2022年，), before the plan's end
        self.evaluated_year = (
            _evaluated_year(doc.text, self.evaluated_span, self.doc_year)
            if self.evaluated_span
            else ""
        )
        self.horizon = (
            _horizon(doc) if self.forward_doc or doc.meta.doc_type in YEAR_REPORT_TYPES else ""
        ) or self.title_year
        self.tables = TableReader(
            table,
            doc=doc.filename,
            doc_year=self.doc_year_s,
            region=self.region,
            bulletin=self.bulletin,
        )

    def run(self) -> list[TargetRecord]:
        pos = 0
        in_notes = False  # the lines after 注： that go on numbering its items
        # a numbered heading on a line of its own that is a sentence with a figure
        # (（九）坚决守住18亿亩耕地红线。, a Word export's run-in heading put apart): read
        # with the paragraph under it, as the same heading run into it is
        pending = ""
        for line in self.doc.text.split("\n"):
            line_start = pos
            pos += len(line) + 1
            stripped = line.strip()
            if not stripped:
                continue
            if self.until is not None and self.until():
                break  # out of time (the store's budget): the records found so far
            if _GLOSSARY_RE.match(stripped):
                break  # 名词解释: the rest of the document defines terms
            lead = len(line) - len(line.lstrip())
            passage = self.passage_at(line_start + lead)
            if passage is None:
                # a heading line: it only sets the section (and a short numbered note
                # item may look like one; a heading of another shape ends the notes)
                in_notes = in_notes and _NOTE_ITEM_RE.match(stripped) is not None
                pending = stripped if _holds_a_figure_sentence(stripped) else ""
                continue
            if pending:
                title = passage.section[-1] if passage.section else ""
                if title and pending.startswith(title) and not is_table_row(line):
                    line = pending + stripped
                pending = ""
            self.enter_section(self.path_of(passage))
            if _FOOTNOTE_RE.match(stripped):
                in_notes = _NOTES_RE.match(stripped) is not None
                continue  # ［4］固定资产投资统计口径为…: a definition, not a figure
            if in_notes and _NOTE_ITEM_RE.match(stripped):
                continue  # 2.固定资产投资统计起点为500万元: the notes' next item
            in_notes = False
            opened = paragraph_period(stripped)
            if opened is None and self.bulletin and _BULLETIN_YEAR_HEAD_RE.match(stripped):
                opened = ""  # 年末全市常住人口…, 全年居民消费价格…: the year's again
            if opened is not None:
                self.section.paragraph_period = opened
            if is_table_row(line):
                # the reader sees every row (a header may look like prose); rows whose
                # figures sit in prose cells are read as sentences too
                self.records.extend(
                    self.tables.row(
                        line,
                        section=passage.section_title,
                        section_class=self.section.section_class,
                    )
                )
                if not is_prose_row(line):
                    continue
            else:
                boxed = self.tables.box_row(
                    line,
                    section=passage.section_title,
                    section_class=self.section.section_class,
                    span=self.box_span,
                )
                if boxed:
                    # a 专栏 row written out (——指标（单位）：2020年a，2025年b，预期性): a table
                    # row in words, its figures the cells; the sentence reader has no verb
                    # to read them by
                    self.records.extend(boxed)
                    continue
                self.tables.text_line(line)
            marks = cue_marks(self.cue_text(line), self.doc_year, ended=self.year_ended)
            if opening := self._opening_goal_span(line):
                # 今后五年，全县发展的奋斗目标是：…。主要预期指标是：地区生产总值年均增长8.5%
                # 以上…: the goals' years hold for the paragraph's later 。-sentences too
                self.plan_period = opening
            self.paragraph(line, passage, marks)
            self.after_paragraph(line, marks)
        return [self.national_names(r) for r in self.records]

    def _spring_congress(self, doc: Document) -> bool:
        """A congress report dated before July of its own year (the city and county
        congresses of a round run from the autumn into the next spring: 2022年4月25日,
        2021年5月27日): its 过去五年 is the five years before it, its 今后五年 the term to the
        next congress, ``N+1``…``N+5`` (GOLD_GUIDELINES 6.8.56)."""
        date = str(doc.meta.date or "")
        return (
            doc.meta.doc_type == "党代会报告"
            and date[:4] == self.doc_year_s
            and date[5:7].isdigit()
            and int(date[5:7]) < 7
        )

    def _late_speech(self, doc: Document) -> bool:
        """A speech dated in the last quarter of its own year (an economic work conference
        in December): like a congress report in the autumn, it reviews that year (这一年,
        一年来) and plans from the next."""
        date = str(doc.meta.date or "")
        return self.dated_speech and len(date) >= 7 and date[5:7].isdigit() and int(date[5:7]) >= 10

    def after_paragraph(self, line: str, marks: Marks) -> None:
        state = self.section
        if state.first_paragraph:
            period = opening_period(line)
            if period and state.section_class == REVIEW:
                state.period = period
                if state.path:
                    self.top_periods[state.path[0]] = period
            state.first_paragraph = False
        cue = cue_before(marks, -1, len(line))
        if cue:
            state.cue = cue
        if state.section_class == PLAN and self.forward_doc and (goal := _goal_year(line)):
            # 二、主要目标 / 到2025年，扩大消费取得阶段性成效。/ 居民消费率…提高到56%左右 /
            # 到2035年，…: a goal year said alone at a paragraph's head holds for the
            # paragraphs after it in its section, until the next one (a plan's two
            # horizons; a plan of one horizon reads the same either way)
            state.plan_period = goal
        if is_goal_lead(line):
            self.goal_list = True
            m = _HORIZON_RE.search(line)
            self.goal_period = m.group().replace("今后", "未来") if m else ""
            if self.goal_period:
                self.plan_period = self.goal_period
        elif state.section_class == PLAN and (m := _HORIZON_RE.match(line.lstrip("— "))):
            # 今后五年，全市…主要目标是：…；… (the goals in one paragraph, no list): the years
            # the later plan parts are about too
            self.plan_period = m.group().replace("今后", "未来")

    def paragraph(self, line: str, passage: Passage, marks: Marks) -> None:
        self.frame.reset()
        if self.goal_list and not is_list_item(line):
            self.goal_list = False
        path = self.path_of(passage)
        region = self.region_for(path)
        section_title = passage.section_title
        h_year = heading_year(path, self.spoken_s)
        current_year = h_year or self.spoken_s
        if not h_year and self.now_s and _NOW_LEAD_RE.match(line):
            # 今年，我们将…，力争全年社会消费品零售总额增长5%以上: the answer's 全年 is the
            # year it opens on, the one it is given in
            current_year = self.now_s
        review_year = ""
        in_review = not h_year and not self.bulletin and self.section.section_class == REVIEW
        if in_review:
            # 2023年，全省…实现营业收入…。全省拥有…612家…。全年无人机飞行架次…: a review
            # paragraph that opens with its year is of that year to its end (its 全年 too)
            review_year = _review_year(line)
            if not review_year and _BREAKDOWN_RE.match(line):
                # 2023年，全省低空经济规模…。(new paragraph) 其中，深圳市…: the part of a whole
                # the paragraph before gave goes on in that paragraph's year
                review_year = self.review_year_before
            current_year = review_year or current_year
        self.review_year_before = review_year
        periods: list[tuple[int, str]] | None = None  # computed for lines with figures only
        dot_start = 0
        context = NamingContext(bulletin=self.bulletin, paragraph=line)
        # the context as next_sentence leaves it, given to no namer yet: a 。 then makes the
        # same one again (most 。-sentences have no figure), so it is kept as it is
        fresh = True
        label = item_label(line)  # 2．综合性消防救援应急物资：…8个中央级库
        whole: tuple[str, str] | None = None  # kind and year of the 。-sentence before
        dot_records = len(self.records)  # the first record of the 。-sentence being read
        last: tuple[str, str] | None = None  # … and of the one being read
        plain = ""  # the sentence before, when it gave no figure (a topic sentence?)
        for offset, sentence in split_sentences(line):
            if self.task_years is not None and _BY_YEAR_RE.search(sentence):
                # the part whose first 到2026年 this is holds the goals from that sentence
                # on: the measures said before it in its paragraph (对…给予补助100元。到2026年，
                # 全省…达到…) are no goals of that year (GOLD_GUIDELINES 6.6)
                self.task_years.note_horizon(path)
            if in_review and offset == dot_start and (opening := _review_year(sentence)):
                # 近年来，…。2023年，全市…。全市已建成…: a 。-sentence opening with a year
                # dates the paragraph's later ones
                review_year = self.review_year_before = opening
            if not may_have_figures(sentence):
                self.frame.without_figure(sentence)
                plain = sentence
                if sentence.rstrip("”’」』）")[-1:] in _FULL_STOP:
                    dot_start = offset + len(sentence)
                    if not fresh:
                        context, fresh = context.next_sentence(), True
                    if self.bulletin:
                        self._name_group_heads(dot_records)
                    dot_records = len(self.records)
                    whole, last = last or whole, None
                continue
            figures = [
                f
                for f in find_figures(sentence)
                if not _excluded(sentence, f)
                and not _names_no_figure(sentence, f)
                and not self._of_another_place(sentence, f)
            ]
            figures = _without_standards_of_a_share(sentence, figures)
            if figures:
                self.frame.among(sentence)
                if periods is None:
                    periods = period_marks(
                        self.cue_text(line),
                        self.spoken_s,
                        current_year,
                        now="" if h_year else self.now_s,
                    )
                named_figures = name_figures(sentence, figures, self.table, context)
                fresh = False
                said = Sentence(
                    sentence,
                    self.table,
                    plain,
                    section_title,
                    line[dot_start:offset],
                    # after: the 。-sentence's clauses past a ； too (硬化…，新修…；新建…)
                    (line[:dot_start], line[offset + len(sentence) :]),
                )
                named_figures = run_passes(PASSES, said, named_figures)
                # 分别: each rate's record takes its level's final name below
                respective = respective_pairs(sentence, named_figures)
                named_figures = run_passes(AFTER_PAIRS, said, named_figures)
                first_rec = len(self.records)
                gaps = [k for k, n in enumerate(named_figures) if gap_follows(sentence, n.figure)]
                for named in named_figures:
                    named = self.in_frame(named, sentence)
                    if label:
                        named = replace(named, indicator=labelled(named.indicator, label))
                    owned = owned_by_industry(named.indicator, self.industry)
                    if owned != named.indicator:
                        named = replace(named, indicator=owned)
                    rec = self.record(
                        named,
                        sentence,
                        line,
                        marks,
                        periods,
                        offset,
                        dot_start,
                        section_title,
                        region,
                        h_year,
                        review_year,
                    )
                    if (
                        whole is not None
                        and not self.bulletin
                        and _BREAKDOWN_RE.match(line, dot_start)
                        and period_before(periods, dot_start - 1, offset + named.figure.start)
                        is None
                    ):
                        # …2021年完成投资达596.3亿元。其中，交通运输…完成182.4亿元: a part
                        # of the whole just given, of its kind and year
                        rec = replace(rec, kind=whole[0], year=whole[1])
                    self.records.append(rec)
                    last = (rec.kind, rec.year)
                for rate, level in respective:
                    # the rate is the measure of its level as finally named (种植业产值)
                    lead = self.records[first_rec + level]
                    self.records[first_rec + rate] = replace(
                        self.records[first_rec + rate],
                        indicator=lead.indicator,
                        confidence=lead.confidence,
                    )
                for k in reversed(gaps):  # 高于…增速3.2个百分点: the gap is the record
                    del self.records[first_rec + k]
            plain = "" if figures else sentence
            if sentence.rstrip("”’」』）")[-1:] in _FULL_STOP:
                dot_start = offset + len(sentence)
                if not fresh:
                    context, fresh = context.next_sentence(), True
                self.frame.end_sentence()
                if self.bulletin:
                    self._name_group_heads(dot_records)
                dot_records = len(self.records)
                whole, last = last or whole, None


# A bulletin's paragraph that opens with its year's own words (全年…, 年末…) is about that
# year, after a paragraph on the five-year plan just ended (“十四五”时期，全市…年均增长…):
# the stretch ends there, as it ends at a paragraph opening with a year
_BULLETIN_YEAR_HEAD_RE = re.compile(r"^(?:全年|年末|年初|年内)")


# The version (bumped when extraction rules change) is kept in bot.targets.version, so
# that opening an index does not import the extractor; re-exported here for its readers.
from bot.targets.version import EXTRACTOR_VERSION  # noqa: E402, F401


def extract_targets(
    doc: Document,
    table: IndicatorTable | None = None,
    *,
    until: Callable[[], bool] | None = None,
) -> list[TargetRecord]:
    """Quantified targets, achievements and estimates of ``doc``, in reading order.

    ``table`` maps surface names to canonical indicators; without it the project's
    ``config/indicators.toml`` is loaded (once per process). With a table given, the
    function does no I/O. ``until`` (a time budget) is asked before each paragraph;
    once it answers True, the records found so far are returned.
    """
    return _Walker(doc, table if table is not None else default_table(), until).run()
