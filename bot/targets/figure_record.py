"""One named figure made a record: :meth:`FigureRecordMixin.record` decides its kind
(:mod:`~bot.targets.record_kinds`) and year (:mod:`~bot.targets.periods`), takes a part of
the whole's years, settles its place and name (:mod:`~bot.targets.record_names`) and its
change (:func:`~bot.targets.changes.record_change`). Mixed into
:class:`bot.targets.extract._Walker`, whose document, section and record state it reads.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.targets.changes import record_change
from bot.targets.kinds import Marks
from bot.targets.naming import MAX_CLAUSE_LOOKBACK, Named
from bot.targets.records import TargetRecord
from bot.targets.sentences import _LAST_CLAUSE_MARK_RE

_WHERE_LEAD_RE = re.compile(
    r"在[^，。；在]{1,24}?(?:等领域|领域|中心|园区|地区|区域|城市)"
    r"(?P<verb>布局建设|新建|建设|建成|发布|开展|实施|推广|打造)"
)


class FigureRecordMixin:
    """The walker's making of a record from a named figure. Mixed into
    :class:`bot.targets.extract._Walker`."""

    # the change of a figure (:func:`record_change`), read by :meth:`record`
    _change = staticmethod(record_change)

    def record(
        self,
        named: Named,
        sentence: str,
        line: str,
        marks: Marks,
        periods: list[tuple[int, str]],
        offset: int,
        dot_start: int,
        section_title: str,
        region: str,
        h_year: str,
        review_year: str = "",
    ) -> TargetRecord:
        fig = named.figure
        if named.indicator.startswith("在") and (where := _WHERE_LEAD_RE.match(named.indicator)):
            # 在负荷中心布局建设独立共享储能电站, 在…等领域发布应用场景清单: where the work is
            # done is no part of what is counted, and its verb is the figure's change
            rest = named.indicator[where.end() :]
            if len(rest) >= 3:
                named = replace(named, indicator=rest, change=named.change or where["verb"])
        floor = max(0, fig.start - MAX_CLAUSE_LOOKBACK)
        last_mark = _LAST_CLAUSE_MARK_RE.match(sentence, floor, fig.start)
        clause_start = last_mark.end() if last_mark else floor
        clause = sentence[clause_start : fig.start]  # (read by most of the tests below)
        upto = offset + fig.start
        kind, holding = self._record_kind(
            named, sentence, line, marks, offset, dot_start, upto, clause, clause_start
        )
        year, kind = self._record_year(
            named,
            sentence,
            line,
            periods,
            offset,
            dot_start,
            upto,
            clause,
            clause_start,
            h_year,
            review_year,
            holding,
            kind,
        )
        if (
            not named.change
            and clause.startswith("其中")
            and self.records
            and self.records[-1].sentence == sentence
            and "-" in (whole := self.records[-1].year)
            and year == whole.rsplit("-", 1)[1]
        ):
            # 净增经营主体242.8万户，其中企业57.5万户; 建设…创新平台30个，其中国家级平台不少于5个:
            # a part said with no verb of its own is of the whole's years, summed as it is
            year = whole
        self._result_years[(named.indicator, fig.unit)] = year
        if kind == "achievement":
            self._named_years[named.indicator] = year  # a result, not its target said again
        if self.task_years is not None:
            self.task_years.note_goal(
                self.section.path, (named.indicator, fig.value, fig.unit), year, self.goal_list
            )
        if self.news and kind == "target" and year.isdigit() and year < self.doc_year_s:
            kind = "achievement"  # a story's 去年…共安排588个: what was done, not a goal
        named, indicator, region = self._part_and_name(
            named, sentence, clause, clause_start, region, (line, dot_start)
        )
        indicator = self._settled_name(named, indicator)
        return TargetRecord(
            doc=self.doc.filename,
            section=section_title,
            sentence=sentence,
            indicator=indicator,
            value=fig.value,
            value_text=fig.value_text,
            unit=fig.unit,
            qualifier=named.qualifier,
            change=self._change(named, fig, clause),
            year=year,
            region=region,
            kind=kind,
            masked=fig.masked,
            value_max=fig.value_max,
            confidence=self.confidence(named, indicator, sentence),
        )
