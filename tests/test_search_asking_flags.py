"""``Asking``: how a query asks, read once and handed to the ranked window."""

from __future__ import annotations

from bot.search.asking import Asking, asks_figure, asks_how, asks_past


def test_a_question_about_what_was_done_asks_no_title_and_may_ask_a_count() -> None:
    asking = Asking.of("去年粮食产量达到了多少")
    assert asking == Asking(how=False, past=True, titled=False, counted=True)


def test_a_how_question_asks_titles_and_no_count() -> None:
    asking = Asking.of("怎么推进乡村振兴")
    assert asking == Asking(how=True, past=False, titled=True, counted=False)


def test_the_flags_are_the_rules_read_one_by_one() -> None:
    for query in ("幾家企業", "今年 GDP 目标", "如何 做得怎么样", "哪几个省提到了", ""):
        asking = Asking.of(query)
        assert asking.how == asks_how(query)
        assert asking.past == asks_past(query)
        assert asking.titled == (not asks_past(query))
        assert asking.counted == asks_figure(query)


def test_the_default_asks_nothing() -> None:
    assert Asking() == Asking(how=False, past=False, titled=False, counted=False)
