"""Results that answer: what was achieved in the one past year asked
(:meth:`~ResultsMixin._result_of_the_year`) or in a past plan period
(:meth:`~ResultsMixin._result_of_the_period`), a record of kind achievement rather than a
target. Split out of :mod:`bot.library.searching`, whose ``SearchMixin`` inherits this
mixin.
"""

from __future__ import annotations

from bot.corpus.gazetteer import NATIONAL
from bot.library.answers import asks_change, asks_rate_a_year, states_change
from bot.models import DocumentInfo, SearchResponse, Understood
from bot.targets.records import TargetRecord

# A change asked of a result (增加了多少, 下降了多少, 涨了多少; answers.CHANGE_ASKED_RE): a
# record stating a level without one does not answer it. Followed by 到 or 至 the verb asks
# the level reached (贫困发生率降到多少, 加工转化率提高到多少了, 比重提高到多少): the level
# answers; a change stated to a level (增加到732万人, 提高到58%): the level, not the change
_REACHED_ENDS = ("到", "至")
# the kind of a statistical bulletin, whose results are of its own year
_BULLETIN = "统计公报"


class ResultsMixin:
    """:class:`~bot.library.searching.SearchMixin`'s result cards."""

    # _answer: AnswersMixin; indicator_table: TargetsMixin

    def _result_of_the_year(
        self, asked: str, understood: Understood, indicator: str | None, resp: SearchResponse
    ) -> tuple[DocumentInfo, TargetRecord] | None:
        """The result that answers what was done in the one past year asked: a record of
        kind achievement dated to that year (a report's review of it, or a bulletin of
        it); with no place named, only the country's (a province's result answers a
        question about that province)."""
        hits = [h.doc_id for h in resp.hits]
        found = self._answer(asked, understood, indicator, hits, strict=True, kind="achievement")
        if found is None and indicator:
            # the table's word is a part of the name asked (重点项目 of 省重点项目完成投资
            # 多少亿元): the result the query's words name answers, as when the table knows
            # no indicator
            found = self._answer(asked, understood, None, hits, kind="achievement")
        if found is None:
            return None
        info, record = found
        wanted = str(understood.year)
        dated = record.year == wanted or (
            not record.year and info.doc_type == _BULLETIN and str(info.year) == wanted
        )
        if not dated:
            return None  # the 2022 report's review is of 2021: no answer for 2022
        if understood.region is None and (record.region or info.region) != NATIONAL:
            return None
        if self._asks_change(asked) and (
            not record.change or record.change.endswith(_REACHED_ENDS)
        ):
            # 常住人口增加了多少: a level (增加到732万人) is not the change asked
            return None
        return found

    def _result_of_the_period(
        self, asked: str, understood: Understood, indicator: str | None, resp: SearchResponse
    ) -> tuple[DocumentInfo, TargetRecord] | None:
        """The result that answers what a past plan period reached: a record of kind
        achievement dated to the period or to its last year (:func:`of_the_period`), of
        the indicator asked, else named by the query's words; with no place named, only
        the country's."""
        hits = [h.doc_id for h in resp.hits]
        found = self._answer(asked, understood, indicator, hits, kind="achievement")
        if found is None and indicator:
            found = self._answer(asked, understood, None, hits, kind="achievement")
        if found is None:
            return None
        info, record = found
        if understood.region is None and (record.region or info.region) != NATIONAL:
            return None
        if self._asks_change(asked) and not states_change(record):
            return None  # 提高了多少: a level is not the change asked
        period = understood.period
        if (
            period is not None
            and record.year != f"{period.first}-{period.last}"
            and asks_rate_a_year(asked)
        ):
            return None  # 年均增长: the period's average, not its last year's rate
        return found

    def _asks_change(self, asked: str) -> bool:
        """Whether ``asked`` asks how much a figure changed (:func:`asks_change`)."""
        return asks_change(asked, self.indicator_table)
