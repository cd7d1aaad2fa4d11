"""The period of a figure in the tasks part of an action plan or an opinion.

An action plan (``行动方案``, ``实施意见``) states its goals in one part (``一、主要目标``,
``（二）目标任务``: ``到2025年，…``) and its tasks in the parts after it (``二、重点任务``).
A task figure that writes no year of its own is dated by what the document says about
its period (GOLD_GUIDELINES.md §6.6):

* the title names the period (``（2025-2030年）``, ``“十四五”…规划的实施意见``): a count of
  things built or brought in over it (``打造2-3个…基地``, ``构建…1000例病例的…数据集``)
  takes the span, any other figure the period's end;
* the title names no period, so the ``到2025年`` of the goals says nothing about the
  tasks (``推进34条滨水沿路生态廊道建设``, ``48小时内放行``, a zone's area in
  ``二、空间布局``): ``""``;
* a task figure that repeats a goal (``打造…蔬菜生产核心示范园8-10个`` under the tasks,
  after the goals' ``打造蔬菜生产核心示范园8-10个``) keeps the goal's year.
"""

from __future__ import annotations

from collections.abc import Sequence

ACTION_PLAN = "实施意见/行动方案"


def in_goal_part(path: Sequence[str]) -> bool:
    """Whether a section path lies in a plan's goals (``一、主要目标``, ``（二）目标任务``);
    a document without headings is all one part, goals included."""
    return not path or any("目标" in heading for heading in path)


GoalKey = tuple[str, float | None, str]


class TaskYears:
    """The years of an action plan's task figures (see the module docstring)."""

    def __init__(self, title_span: str) -> None:
        self.title_span = title_span  # "2021-2025", or "" when the title names no period
        self.goal_years: dict[GoalKey, str] = {}
        self.goal_top: tuple[str, ...] | None = None  # the part of the first 到2027年
        self.goal_part_dated = False  # a part headed as goals (二、发展目标) held a dated figure

    def note_horizon(self, path: Sequence[str]) -> None:
        """The first ``到2027年`` of the text is written in its goals part, whatever its
        heading says (``一、总体要求``); not when a part headed as goals already dated its
        figures (``二、发展目标`` of ``2024年，…`` / ``2026年，…`` milestone lines): a task's
        own ``到2026年`` then leaves the other tasks of its part dated as tasks are."""
        if self.goal_top is None and not self.goal_part_dated:
            self.goal_top = tuple(path[:1])

    def _in_goals(self, path: Sequence[str], goal_list: bool) -> bool:
        return (
            goal_list  # 实现以下主要目标：1.… 2.…: the list items under the lead
            or in_goal_part(path)
            or (self.goal_top is not None and tuple(path[:1]) == self.goal_top)
        )

    def note_goal(
        self, path: Sequence[str], key: GoalKey, year: str, goal_list: bool = False
    ) -> None:
        """Remember a dated figure of the goals part, for a task that repeats it."""
        if year and self._in_goals(path, goal_list):
            self.goal_years.setdefault(key, year)
            if path and in_goal_part(path):
                self.goal_part_dated = True

    def _goal_said_shorter(self, key: GoalKey) -> str:
        """The year of a goal figure the task repeats with more or fewer words
        (``…示范园8-10个`` under the goals, ``…200亩以上的…示范园8-10个`` under the tasks)."""
        name, value, unit = key
        for (goal, v, u), year in self.goal_years.items():
            if v == value and u == unit and goal and name and (goal in name or name in goal):
                return year
        return ""

    def year(
        self,
        path: Sequence[str],
        key: GoalKey,
        horizon: str,
        built_count: bool,
        goal_list: bool = False,
    ) -> str:
        """The year of a figure that fell back to the plan's ``horizon`` (no year of its
        own in its sentence or paragraph). ``built_count``: a count of things built,
        brought in or created, not a level reached; ``goal_list``: an item of a list of
        goals."""
        if self._in_goals(path, goal_list):
            return horizon
        repeated = self.goal_years.get(key) or self._goal_said_shorter(key)
        if repeated:
            return repeated
        if not self.title_span:
            return ""
        return self.title_span if built_count else horizon
