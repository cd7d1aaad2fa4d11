"""A schedule's day mistyped in ``/subscribe`` (third user trial): a weekday word with a
number that is no weekday is refused, never taken as a keyword to filter on."""

from __future__ import annotations

import pytest

from bot.subscriptions.commands import parse_subscribe
from bot.subscriptions.schedule import ScheduleError


@pytest.mark.parametrize(
    "text", ["财政收入 周八 07:30", "财政收入 星期九 7:30", "财政收入 每周十", "财政收入 周八07:30"]
)
def test_a_weekday_that_does_not_exist_is_refused_not_filtered_on(text):
    """``周八 07:30`` subscribed daily at 07:30 with 周八 as a second keyword: a digest
    filtered on a word no document holds, and the day the user meant silently dropped."""
    with pytest.raises(ScheduleError) as caught:
        parse_subscribe(text, default_time="08:00")
    assert caught.value.code == "schedule.unknown_weekday"


@pytest.mark.parametrize(
    ("text", "words", "expr"),
    [
        ("周边 环境 07:30", "周边 环境", "07:30"),  # words that open like a weekday stay words
        ("资金周转 周五 07:30", "资金周转", "fri 07:30"),
        ("财政收入 星期七 7:30", "财政收入", "sun 07:30"),
    ],
)
def test_real_weekdays_and_words_that_open_like_one_are_unchanged(text, words, expr):
    request = parse_subscribe(text, default_time="08:00")
    assert request.filter_text == words and request.schedule.expr == expr
