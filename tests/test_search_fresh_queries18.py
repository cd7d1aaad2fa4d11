"""Behaviours added after the twenty-first batch of the real-document relevance set
(r1462-r1541, issue 13): questions that compare (农民收入涨得比城里快吗), whose 比 and
adjective are how they ask, and everyday names of the bulletins' statistics (农民收入 for
农村常住居民人均可支配收入, 贫困率 for 贫困发生率, 卖不出去 for 销难). Invented texts only."""

from __future__ import annotations

import pytest

from bot.search import asking
from bot.search.asking import ASKING_WORDS, content_words
from bot.search.comparing import comparison_words
from tests.conftest import engine_over, first_hit, segmented

# A county's bulletin and report in the documents' words; a distractor holding the
# question's other words (比, 快, 收入) before each answer (ties go to the earlier passage).
BULLETIN = (
    "某县2030年国民经济和社会发展统计公报\n"
    "全年邮政行业业务收入3.2亿元，比上年增长12.5%；快递业务收入1.1亿元，比上年增长30.1%。\n"
    "全县农村常住居民人均可支配收入18000元，比上年增长7.9%。\n"
    "全年蔬菜产量50万吨，比上年增长3.0%；食用菌产量2万吨，比上年下降5.0%。\n"
    "全县城镇常住居民人均可支配收入39000元，比上年增长4.1%。\n"
)
REPORT = (
    "某县2031年政府工作报告\n"
    "过去五年，脱贫攻坚取得决定性成就，农村面貌焕然一新。\n"
    "贫困发生率从8.5%下降到1.2%，易地搬迁群众稳定就业。\n"
    "推进奶业振兴，建设优质奶源基地。\n"
    "出台奶业纾困政策，生鲜乳价低销难问题得到缓解。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh18"), {"bulletin.txt": BULLETIN, "report.txt": REPORT}
    )


def test_the_words_of_a_comparison_frame_the_question():
    words = segmented("农民收入", "涨得", "比", "城里", "快", "吗")
    assert comparison_words(words, ASKING_WORDS) == {1, 2, 4}
    assert content_words(words) == ["农民收入", "城里"]
    # up to three words between 比 and its adjective
    assert comparison_words(segmented("收入", "比", "去年", "同期", "多", "吗"), ASKING_WORDS) == {
        1,
        4,
    }
    # a glued verb before an asking word (卖得怎么样) asks how it went
    assert comparison_words(segmented("房子", "卖得", "怎么样"), ASKING_WORDS) == {1}


def test_a_comparison_without_its_adjective_is_left_as_typed():
    # 比上年 增长 copies the documents' wording: nothing is a frame
    assert comparison_words(segmented("收入", "比", "上年", "增长"), ASKING_WORDS) == set()
    # 获得, 取得 are words of their own, not a verb glued to 得
    assert comparison_words(segmented("获得", "比", "去年", "多"), ASKING_WORDS) == {1, 3}
    assert comparison_words(segmented("取得", "怎么样"), ASKING_WORDS) == set()


def test_a_comparing_question_in_everyday_words_finds_the_statistic(engine):
    assert "农村常住居民人均可支配收入" in first_hit(engine, "农民收入涨得比城里快吗")


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("农民收入 有多少", "农村常住居民人均可支配收入"),
        ("城里人收入", "城镇常住居民人均可支配收入"),
        ("贫困率 降了多少", "贫困发生率"),
        ("奶业 卖不出去 怎么办", "价低销难"),
    ],
)
def test_everyday_names_of_statistics_find_the_documents_wording(engine, query, wanted):
    assert wanted in first_hit(engine, query), query


# A report whose review line names desert control as often as the task line and is
# shorter, so that by its words alone it ranks first; a question of how to do it puts the
# tasks first (``asks_how``), one of how it went must not.
DESERT_REPORT = (
    "2026年某省政府工作报告\n"
    "一、2025年工作回顾\n"
    "防沙治沙成效明显，完成防沙治沙任务80万亩。\n"
    "二、2026年重点工作\n"
    "实施防沙治沙重点工程，推广防沙治沙技术，建设林草植被和防护林带。\n"
)


def test_how_something_went_asks_about_what_was_done():
    for query in ("防沙治沙 做得怎么样", "就业工作干得如何", "改革落实得咋样", "做得怎樣"):
        assert asking.asks_past(query), query
        assert not asking.asks_how(query), query
    # 怎么样 with no verb and 得 before it asks how, as before
    assert not asking.asks_past("防沙治沙 怎么样")
    assert not asking.asks_past("如何 做好 防沙治沙")


def test_a_question_of_how_it_went_ranks_the_review_first(tmp_path):
    engine = engine_over(tmp_path, {"report_2026.txt": DESERT_REPORT})
    assert first_hit(engine, "防沙治沙 做得怎么样").startswith("防沙治沙成效明显")
    # a question of what to do keeps the tasks first
    assert first_hit(engine, "防沙治沙 怎么推进").startswith("实施防沙治沙重点工程")


# A report whose task line names the allowance more often than its review line, so that by
# its words alone the task line ranks first.
ALLOWANCE_REPORT = (
    "2026年某省政府工作报告\n"
    "一、2025年工作回顾\n"
    "发放育儿补贴惠及12万户家庭。\n"
    "二、2026年重点工作\n"
    "落实育儿补贴制度，提高育儿补贴标准。\n"
)


def test_a_verb_of_saying_with_le_is_no_cue_of_what_was_done():
    for query in ("哪几个省提到了育儿补贴", "报告提出了哪些目标", "哪些文件提及了 低空经济"):
        assert not asking.asks_past(query), query
    # the other cues stay: a verb of doing with 了, 去年
    assert asking.asks_past("哪几个省发了育儿补贴")
    assert asking.asks_past("去年 提出了哪些目标")


def test_which_places_mentioned_a_topic_keeps_the_order_of_its_words(tmp_path):
    engine = engine_over(tmp_path, {"report_2026.txt": ALLOWANCE_REPORT})
    assert first_hit(engine, "哪几个省提到了育儿补贴").startswith("落实育儿补贴制度")
