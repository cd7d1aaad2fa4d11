"""What a typo correction of a query may not touch (:mod:`bot.search.correction_guards`).

The guards are pure; these examples are the corrector's own (总投资多少, 搞技改, 粮食产量降了多少,
区总规划面积 -> 总规划面积约, 就叶 -> 就业), each checked on the side that lets a correction
through as well as the side that stops one, so that a guard removed or inverted fails here.
"""

from __future__ import annotations

from bot.search.correction_guards import (
    SENTENCE_CHARS,
    asking,
    asks,
    change_positions,
    kept_in,
    lone_replaced,
    shifted,
)


def test_asks_a_real_asking_word_or_a_count_asked_as_one_word() -> None:
    # 多久能得到救助 is no 多能得到救助, 多少万 no 多万
    assert all(asks(w) for w in ("多久", "多少", "怎么", "哪里", "几家", "第几个"))
    # one character alone (吗, 几) is no such word, nor a word of the topic
    assert not any(asks(w) for w in ("吗", "几", "投资", "就业"))


def test_asking_reads_a_measure_glued_to_the_question() -> None:
    assert all(asking(w) for w in ("多少倍", "有多长", "几家", "吗", "目标", "多久"))
    # 几字湾 is a name, not a count asked; 投资 asks nothing
    assert not asking("几字湾")
    assert not asking("投资")


def test_change_positions_are_verbs_of_change_said_to_have_happened() -> None:
    # 粮食产量降了多少: 降了 is the question, never a typo for the corpus's 粮食产量要
    assert change_positions([("粮食产量", 0, 4), ("降了", 4, 6), ("多少", 6, 8)]) == {1}
    # the verb cut apart from 了 or 到 by the segmenter
    assert change_positions([("降", 0, 1), ("了", 1, 2)]) == {0}
    assert change_positions([("增", 0, 1), ("到", 1, 2), ("100", 2, 5)]) == {0}
    # 少 of a colloquial question (比上年少了吗)
    assert change_positions([("比上年", 0, 3), ("少了", 3, 5), ("吗", 5, 6)]) == {1}


def test_change_positions_skip_words_that_say_no_change() -> None:
    assert change_positions([("降低", 0, 2)]) == set()  # a word of its own
    assert change_positions([("降", 0, 1)]) == set()  # nothing said to have happened
    assert change_positions([("要", 0, 1), ("了", 1, 2)]) == set()  # no verb of change


def test_sentence_chars_are_the_function_characters_and_to_than_before() -> None:
    assert {"要", "的", "了", "到", "比", "前"} <= SENTENCE_CHARS
    assert not {"投", "资", "总"} & SENTENCE_CHARS


_TOTAL = [("总", 0, 1), ("投资", 1, 3), ("多少", 3, 5)]


def test_lone_replaced_keeps_the_character_typed_as_a_word() -> None:
    # 总投资多少 is no 共投资多少: 总 is what is asked, not a slip
    assert lone_replaced(_TOTAL, [True, False, False], 0, 1, "共投资")
    # 搞技改 no 达技改, whether the span ends at the word after or at the character
    doing = [("搞", 0, 1), ("技改", 1, 3)]
    assert lone_replaced(doing, [True, False], 0, 1, "达技改")
    assert lone_replaced(doing, [True, False], 0, 0, "达")


def test_lone_replaced_lets_a_real_fix_through() -> None:
    # the character kept with the word after (总投资额), or at the end of the span
    assert not lone_replaced(_TOTAL, [True, False, False], 0, 1, "总投资额")
    assert not lone_replaced([("搞", 0, 1), ("技改", 1, 3)], [True, False], 0, 0, "搞")
    assert not lone_replaced([("搞", 0, 1), ("技改", 1, 3)], [True, False], 0, 0, "要搞")
    # a slip of sound keeps its place (总 -> 宗 sound alike)
    assert not lone_replaced(_TOTAL, [True, False, False], 0, 1, "宗投资")
    # the word after is itself suspicious (收人|群体 is 收入|群体): no word typed right
    assert not lone_replaced(_TOTAL, [True, True, False], 0, 1, "共投资")
    # the word after asks (总多少): nothing typed right to keep it against
    assert not lone_replaced([("总", 0, 1), ("多少", 1, 3)], [True, False], 0, 1, "共多少")
    # 就叶 -> 就业: the character after 就 is the slip itself, no word typed right
    assert not lone_replaced([("就", 0, 1), ("叶", 1, 2)], [False, True], 0, 1, "就业")


def test_shifted_is_a_window_moved_along_the_sentence() -> None:
    assert shifted("区总规划面积", "总规划面积约")  # dropped at the start, added at the end
    assert shifted("总规划面积约", "区总规划面积")  # and the other way
    # a fix in place, a word too short to move, and a mere cut are no shift
    assert not shifted("规划面基", "规划面积")
    assert not shifted("就叶", "就业")
    assert not shifted("区总规划面积", "总规划面积")


def test_kept_in_means_every_typed_character_in_order() -> None:
    assert kept_in("就业", "就业率")
    assert kept_in("", "就业")
    assert not kept_in("业就", "就业")  # out of order
    assert not kept_in("就叶", "就业")  # a character replaced
