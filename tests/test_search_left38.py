"""What ``query-invariance`` and ``corrector-left37`` left (issue 13, ``search-left38``): a
question whose words are typed with spaces between them is read as the question typed
together (how it asks, the measure it names, a word typed with a space inside it), while
its words stay apart for the search; and in a question, a character typed as a word of its
own before a word typed right (总|投资, 搞|技改) or a change said with 少了 is never
"corrected". Dev questions of the real relevance set over its corpus (built once per test
run, as the other real-corpus tests share it)."""

from __future__ import annotations

import pytest

from bot.library import Engine
from bot.search.query import fold_query, spaces_closed
from tests.conftest import REAL_DOCS, make_settings


@pytest.fixture(scope="module")
def engine(built_data) -> Engine:
    return Engine.open(make_settings(*built_data(REAL_DOCS)))


def _top(engine: Engine, query: str) -> tuple[str, str]:
    hits = engine.search(query, page_size=3).hits
    assert hits, query
    return hits[0].doc_id, hits[0].text


def _card(engine: Engine, query: str) -> tuple[str, str] | None:
    a = engine.search(query, page_size=3).answer
    return None if a is None else (a.doc_id, a.value_text)


@pytest.mark.parametrize(
    ("query", "spaced"),
    [
        # how it asks (是什么意思: a meaning asked), read across the spaces
        ("双高计划是什么意思", "双高 计划 是 什么 意思"),
        # a word typed with a space inside it (赤字 率), a year's 年 typed apart
        ("宁夏2026年赤字率目标", "宁夏 2026 年 赤字 率 目标"),
        # a word of the index typed apart from its last character
        ("贵州城镇化率提高了多少", "贵州 城镇化 率 提高 了 多少"),
    ],
)
def test_a_spaced_question_finds_what_the_question_finds(engine, query, spaced):
    assert _top(engine, spaced) == _top(engine, query)


@pytest.mark.parametrize(
    ("query", "spaced"),
    [
        ("云南去年工业增加值多少亿元", "云南 去年 工业 增加值 多少 亿元"),
        ("贵州2025年地区生产总值达到多少亿元", "贵州 2025 年 地区 生产总值 达到 多少 亿元"),
    ],
)
def test_a_spaced_question_gets_the_same_card(engine, query, spaced):
    card = _card(engine, query)
    assert card is not None
    assert _card(engine, spaced) == card


def test_words_typed_apart_are_joined_only_into_a_word(engine):
    searcher = engine.searcher
    assert searcher.spaced_words_joined("宁夏 赤字 率 目标") == "宁夏 赤字率 目标"
    assert searcher.spaced_words_joined("贵州 城镇化 率") == "贵州 城镇化率"
    # separate words stay separate (two words of two characters each too: 居民 收入 finds
    # what 居民收入, a term of the synonym groups, ranks lower), a quoted query as typed
    assert searcher.spaced_words_joined("广东 居民 收入") == "广东 居民 收入"
    assert searcher.spaced_words_joined("十九大 打老虎 拍苍蝇") == "十九大 打老虎 拍苍蝇"
    assert searcher.spaced_words_joined('"赤字 率"') == '"赤字 率"'


def test_spaces_closed_and_a_spaced_year():
    assert spaces_closed("双高 计划 是 什么 意思") == "双高计划是什么意思"
    assert spaces_closed("山东 GDP 增长 目标") == "山东 GDP 增长目标"
    assert fold_query("宁夏 2026 年 赤字率") == "宁夏 2026年 赤字率"
    assert fold_query("12026 年") == "12026 年"  # no year


@pytest.mark.parametrize(
    "query",
    [
        "上海海绵城市建设总投资多少亿元",  # 总 -> 新, 要求
        "深圳2022年重大项目总投资多少",  # 总 -> 共
        "广东要推动多少家工业企业搞技改？",  # 搞 -> 达, 开展
        "黔东南粮食播种面积比上年少了吗",  # 少 -> 末
    ],
)
def test_a_question_typed_right_is_not_corrected(engine, query):
    assert engine.search(query, page_size=3).corrections == ()


def test_typos_of_a_lone_character_are_still_corrected(engine):
    resp = engine.search("城镇新增就叶多少万人", page_size=3)
    assert [c.corrected for c in resp.corrections] == ["城镇新增就业多少万人"]
    resp = engine.search("中等收人群体比例", page_size=3)
    assert [c.corrected for c in resp.corrections] == ["中等收入群体比例"]
