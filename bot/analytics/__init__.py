"""Target analytics: targets linked with their results, met or missed, year over year.

Pure functions over extracted records (:class:`~bot.targets.records.TargetRecord`) and
document metadata (:class:`~bot.models.DocumentInfo`); no I/O. The library
(:mod:`bot.library.analytics`) reads the records and documents and calls them.

* :mod:`~bot.analytics.rules`: whether a result meets a target (the written rules);
* :mod:`~bot.analytics.linking`: targets linked with the results for their period
  across documents (the scorecard), and one row per region (side by side);
* :mod:`~bot.analytics.changes`: a report's targets and key phrases against the
  previous report of the same region.
"""

from bot.analytics.rules import Verdict, judge

__all__ = ["Verdict", "judge"]
