"""A sentence of a document typed as the query (or half remembered, with a typo): its 今年
is the document's year, not the asker's. Read as the current year it put this year's
reports above the one holding the sentence word for word (``user-trial11``:
今年赤字率拟按4%左有安排). A question keeps 今年 as this year. Invented text only."""

from __future__ import annotations

from datetime import date

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.search.understand import quotes_a_sentence, understand
from tests.conftest import engine_over


def year_of(query: str) -> int | None:
    got = understand(query, gazetteer=default_gazetteer(), known_regions=set(), this_year=2030)
    return got.facets.year


@pytest.mark.parametrize(
    ("query", "year"),
    [
        ("今年财政赤字率拟按3.6%左右安排", None),  # a sentence quoted
        ("今年中央预算内投资拟安排8100亿元", None),
        ("明年将持续加大民生领域投入力度，稳步提高保障水平", None),  # a clause mark
        ("明年将持续加大民生领域投入力度", 2031),  # no figure, no clause mark: a phrase
        ("江州上一年社会消费品零售总额", 2029),  # a name asked, no sentence
        ("今年GDP目标", 2030),  # short: the asker's year
        ("今年 赤字率", 2030),
        ("今年赤字率拟按多少安排", 2030),  # asks: a question
        ("今年财政赤字率是否提高了呢", 2030),
        ("江州今年粮食产量要稳定在多少", 2030),
        ("今年经济社会发展主要预期目标", 2030),  # 目标: asked, as 今年 GDP 目标 is
        ("2029年财政赤字率拟按3.6%左右安排", 2029),  # a year written out stays
    ],
)
def test_a_quoted_sentence_keeps_its_relative_year_as_a_word(query, year) -> None:
    assert year_of(query) == year


def test_the_clause_after_the_year_word_must_be_long() -> None:
    text = "全省各地区各部门加快推进今年财政"
    assert not quotes_a_sentence(text, text.index("今年") + 2)  # two characters after
    assert quotes_a_sentence("今年财政赤字率拟按3%安排", 2)
    assert not quotes_a_sentence("今年财政赤字率拟按大致安排", 2)  # no figure, no clause


REPORT_2029 = """2029年国务院政府工作报告
——2029年3月5日在第十六届全国人民代表大会第五次会议上

二、2029年经济社会发展总体要求和政策取向
今年财政赤字率拟按3.6%左右安排、比上年提高0.4个百分点，赤字规模6.1万亿元。
"""
JIANGZHOU_2030 = """江州省2030年政府工作报告
——2030年1月20日在江州省第十五届人民代表大会第三次会议上

三、2030年重点工作
今年要用好财政赤字率提高带来的空间，按照统筹安排的原则，加力支持科技创新和民生。
今年全省财政收支安排保持平衡，赤字率不作单独安排。
"""
LINCHUAN_2030 = """临川省2030年政府工作报告
——2030年1月22日在临川省第十四届人民代表大会第六次会议上

三、2030年重点工作
今年全省继续落实国家提高赤字率的安排，财政支出按照今年预算安排有序推进。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    docs = {
        "national_2029_gwr.txt": REPORT_2029,
        "jiangzhou_2030_gwr.txt": JIANGZHOU_2030,
        "linchuan_2030_gwr.txt": LINCHUAN_2030,
    }
    engine = engine_over(tmp_path_factory.mktemp("quoted"), docs)
    engine.searcher.today = lambda: date(2030, 3, 10)
    return engine


@pytest.mark.parametrize(
    "query", ["今年财政赤字率拟按3.6%左右安排", "今年财政赤字率拟按3.6%左有安排"]
)
def test_the_report_holding_the_sentence_comes_first(engine, query) -> None:
    resp = engine.search(query)
    assert resp.hits and "拟按3.6%左右安排" in resp.hits[0].text
    assert resp.understood is None or resp.understood.year is None


def test_a_question_with_this_year_still_reads_the_year(engine) -> None:
    resp = engine.search("今年赤字率怎么安排")
    assert resp.understood is not None and resp.understood.year == 2030
