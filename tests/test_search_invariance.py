"""The same question written another way gets the same answer (issue 13,
``query-invariance``; measured over every dev query by ``bench/query_invariance.py``): a
few dev questions of the real relevance set over its corpus (built once per test run, as
the other real-corpus tests share it), each written in full-width letters and digits,
opened with 请问, its year in Chinese numerals, in traditional characters, with its place's
suffix and its place in pinyin."""

from __future__ import annotations

import pytest

from bot.library import Engine
from bot.search.query import fold_query, without_courtesy
from tests.conftest import REAL_DOCS, make_settings


@pytest.fixture(scope="module")
def engine(built_data) -> Engine:
    return Engine.open(make_settings(*built_data(REAL_DOCS)))


def _top(engine: Engine, query: str) -> tuple[str, str]:
    hits = engine.search(query, page_size=3).hits
    assert hits, query
    return hits[0].doc_id, hits[0].text


@pytest.mark.parametrize(
    ("query", "variant"),
    [
        # full-width letters, digits and spaces, as a phone's full-width keyboard types them
        ("yunnan fresh cut flowers", "ｙｕｎｎａｎ　ｆｒｅｓｈ　ｃｕｔ　ｆｌｏｗｅｒｓ"),
        (
            "hainan rural commercial bank",
            "ｈａｉｎａｎ　ｒｕｒａｌ　ｃｏｍｍｅｒｃｉａｌ　ｂａｎｋ",
        ),
        ("宁夏 2026 城中村改造 多少套", "宁夏 ２０２６ 城中村改造 多少套"),
        # a courtesy opening the question, glued to its first word
        ("宁夏 2026 城中村改造 多少套", "请问宁夏 2026 城中村改造 多少套？"),
        ("云南 鲜切花", "请问云南 鲜切花"),
        # a year in Chinese numerals, as party congress reports write one
        ("宁夏 2026年 城中村改造 多少套", "宁夏 二〇二六年 城中村改造 多少套"),
        ("宁夏 2026年 城中村改造 多少套", "宁夏 二零二六年 城中村改造 多少套"),
        # traditional characters, read as simplified by the readers of places and words
        ("深圳要开工几个百亿级重大工业项目", "深圳要開工幾個百億級重大工業項目"),
        ("海拉尔2015年旅游收人多少", "海拉爾2015年旅遊收人多少"),
        # kinds already read alike, pinned: traditional characters, a place's suffix, a
        # place in pinyin
        ("宁夏 2026 城中村改造 多少套", "寧夏 2026 城中村改造 多少套"),
        ("宁夏 2026 城中村改造 多少套", "宁夏回族自治区 2026 城中村改造 多少套"),
        ("海南 农商行", "Hainan 农商行"),
    ],
)
def test_a_variant_finds_what_the_question_finds(engine, query, variant):
    assert _top(engine, variant) == _top(engine, query)


@pytest.mark.parametrize(
    ("query", "left"),
    [
        ("请问宁夏 城中村改造", "宁夏 城中村改造"),
        ("请问一下，海南 农商行？", "海南 农商行？"),
        ("我想知道 云南鲜切花", "云南鲜切花"),
        ("请问", "请问"),  # nothing after it: the query as typed
        ("宁夏 请问", "宁夏 请问"),  # only a courtesy opening the query
    ],
)
def test_a_courtesy_opening_a_question_is_left_out(query, left):
    assert without_courtesy(query) == left


@pytest.mark.parametrize(
    ("query", "folded"),
    [
        ("请问 ＧＤＰ　２０２６ 目标", "GDP 2026 目标"),
        ("二〇二六年 城中村改造", "2026年 城中村改造"),
        ("請問 貴州 森林覆蓋率", "贵州 森林覆盖率"),
        ("二○三五年远景目标", "2035年远景目标"),
        ("二零二五年度 决算", "2025年度 决算"),
        ("十二〇二六年", "十二〇二六年"),  # no year: a figure goes on before it
        ("一二三四", "一二三四"),  # no 年: digits, not a year
        ("“二〇三五年远景目标”", "“二〇三五年远景目标”"),  # quoted: searched as written
    ],
)
def test_a_query_is_folded_to_one_form(query, folded):
    assert fold_query(query) == folded


@pytest.mark.parametrize(
    ("query", "value"),
    [
        # a correction that dropped (高) or swapped (总 -> 共) a character keeps the
        # measure typed whole
        ("深圳2022年重大项目总投资多少", "35674.8"),
        ("深圳2022年重大項目總投資多少", "35674.8"),
        ("深圳 国高企 新增多少家 2022", "500"),
    ],
)
def test_a_correction_keeps_the_measure_typed_whole(engine, query, value):
    answer = engine.search(query, page_size=3).answer
    assert answer is not None and value in answer.value_text
