"""Which document types state a region's targets, apart from the metadata inference of
:mod:`bot.corpus.meta` (re-exported there): the library's analytics and digests ask it of
every document, and importing the inference (its patterns) for that cost every command
about 30 ms."""

from __future__ import annotations

# The types whose documents state a region's targets for the year or years ahead, a set
# each year or period renews: the work report, the plan and budget reports delivered
# beside it, the party congress report and the plan outline. Not a bulletin (results), an
# action plan or opinion (one matter's goals, no region's whole set), a speech or news.
TARGET_STATING_TYPES = frozenset({"政府工作报告", "计划报告", "预算报告", "党代会报告", "规划纲要"})


def states_targets(doc_type: str | None) -> bool:
    """Whether documents of ``doc_type`` state a region's targets, renewed from one to
    the next of the type (:data:`TARGET_STATING_TYPES`): what ``/changes`` compares and
    a digest leads with."""
    return doc_type in TARGET_STATING_TYPES
