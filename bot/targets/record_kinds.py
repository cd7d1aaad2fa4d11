"""The kind of a record (target, achievement or estimate) as the walker decides it.

The section and paragraph decide first (:func:`~bot.targets.kinds.settled_kind`); else the
words around the figure (:func:`~bot.targets.kinds.classify`): the clause's, the
sentence's, the paragraph's and the section's cues. A plan's figure that describes a
zone, a growth on the same period a year before, or a sentence that opens with a year
already over is an achievement. A method of :class:`RecordKindsMixin`, mixed into
:class:`bot.targets.extract._Walker`.
"""

from __future__ import annotations

import re

from bot.targets.kinds import (
    KindContext,
    Marks,
    classify,
    cue_before,
    is_estimate,
    is_holding,
    is_past_clause,
    is_population,
    is_status,
    settled_kind,
)
from bot.targets.naming import Named
from bot.targets.naming.zones import describes_zone
from bot.targets.sentences import _ended_lead

MAX_SENTENCE_CONTEXT = 600
_SAME_PERIOD_RE = re.compile(r"同比(?:增长|下降|提高|减少|增加|上升)")


class RecordKindsMixin:
    """The walker's deciding of a record's kind. Mixed into
    :class:`bot.targets.extract._Walker`, whose section, list and document state it reads."""

    def _record_kind(
        self,
        named: Named,
        sentence: str,
        line: str,
        marks: Marks,
        offset: int,
        dot_start: int,
        upto: int,
        clause: str,
        clause_start: int,
    ) -> tuple[str, bool]:
        """A record's kind, and whether its figure is a holding (拥有…, a population):
        ``(kind, holding)``."""
        fig = named.figure
        # the 。-sentence before the figure, bounded so that huge lines stay linear
        context_start = max(dot_start, upto - MAX_SENTENCE_CONTEXT)
        section_class = self.paragraph_class()
        estimate = is_estimate(line[context_start:upto])
        holding = is_holding(clause, named.change) or is_population(sentence, fig, named.change)
        # the words around the figure are read only when the place does not decide
        kind = settled_kind(estimate=estimate, bulletin=self.bulletin, section_class=section_class)
        if kind is None:
            kind = classify(
                KindContext(
                    bulletin=self.bulletin,
                    section_class=section_class,
                    estimate=estimate,
                    status=is_status(clause),
                    clause_cue=cue_before(marks, offset + clause_start - 1, upto),
                    sentence_cue=cue_before(marks, dot_start - 1, upto),
                    paragraph_cue=cue_before(marks, -1, upto),
                    section_cue=self.section.cue,
                    goal_list=self.goal_list,
                    change=named.change,
                    holding=holding,
                    past_clause=is_past_clause(clause),
                )
            )
        if kind == "target" and describes_zone(named.indicator, sentence, clause, named.change):
            kind = "achievement"  # 科技创新策源区以…，面积约8.5平方公里: what the zone is
        elif kind == "target" and self.forward_doc and "同比" in line:
            # 2023年，全市接待游客2.7亿人次，同比增长46%…。为…，制定以下措施: a growth on the
            # same period a year before is measured, never set: the 。-sentence reports
            dot_end = line.find("。", upto)
            dot_end = len(line) if dot_end < 0 else dot_end
            if _SAME_PERIOD_RE.search(line, dot_start, dot_end) and (
                # (its words only: the year it opens with is the one measured)
                cue_before((marks[0], []), dot_start - 1, dot_end) != "target"
            ):
                kind = "achievement"
        if (
            kind == "target"
            and self.forward_doc
            and self.doc_year
            and (lead := _ended_lead(line, dot_start))
            and lead < self.doc_year
            # (its words only: 2023年，…力争 is still a goal)
            and cue_before((marks[0], []), dot_start - 1, upto) != "target"
        ):
            # 2023年，全省货物贸易进出口额7650亿元 / 2021—2023年，全市累计改造…1286个 /
            # 截至2023年底，…: a plan's paragraph or sentence that opens with a year already
            # over reports where the plan starts from (its base), not a goal
            kind = "achievement"
        return kind, holding
