"""A modal 要 before the verb a question asks with (要达到什么目标, 要怎么做) is how it
asks, not a word to find (user trial, issue 13): left beside 目标 it was joined to it as
要目标, a run found only inside 主要目标. A 要 that is part of a word (中医要 for 中医药,
数据要素) stays."""

from __future__ import annotations

from bot.search import asking
from tests.conftest import segmented


def test_a_modal_before_an_asking_verb_is_left_out():
    assert asking.content_words(segmented("要", "达到", "什么", "目标")) == ["目标"]
    assert asking.content_words(segmented("养老", "服务", "要", "怎么", "做")) == [
        "养老",
        "服务",
    ]


def test_a_lone_char_that_is_part_of_a_word_stays():
    assert asking.content_words(segmented("中医", "要", "振兴")) == ["中医", "要", "振兴"]
    assert asking.content_words(segmented("数据", "要", "素")) == ["数据", "要", "素"]
