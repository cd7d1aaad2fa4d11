"""Behaviours added by ``search-left25`` (issue 13): a fall asked (下降了多少, 哪些减少)
finds the table row that states it as a signed figure, and the prose writing it as a
negative growth. Invented texts only."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over

CAPTION_LINE = "表5\t2033年青川市主要工业产品产量"
HEADER = "产品名称\t单位\t产量\t比上年增长（%）"
ROWS = "钢材\t万吨\t120.5\t-4.6\n水泥\t万吨\t88.0\t2.1\n平板玻璃\t万重量箱\t310.2\t0.7"

BULLETIN = (
    "2033年青川市国民经济和社会发展统计公报\n"
    "全年规模以上工业增加值比上年增长6.1%。\n"
    "全年钢材出口额比上年下降5.1%，钢材库存减少2.0%，钢材价格指数降低1.1%。\n"
    "全年粮食总产量90.2万吨，比上年增长1.2%。\n"
    f"{CAPTION_LINE}\n{HEADER}\n{ROWS}\n"
    "全年社会消费品零售总额比上年增长4.3%。\n"
    "全年生铁产量45.8万吨，比上年增长-3.9%。\n"
    "全市生铁产量占全省的比重为12.0%，生铁产量居全省第三位。\n"
    "全年民用汽车保有量比上年增长8.8%。\n"
)


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("left25"), {"city_qingchuan_2033.txt": BULLETIN})


@pytest.mark.parametrize(
    "query", ["钢材产量 下降了多少", "钢材 产量 减少多少", "钢材产量 降低了多少"]
)
def test_a_fall_asked_finds_the_row_with_a_signed_figure(bulletin, query):
    # the prose line holds 钢材 and the word of a fall of other measures; the row holds the output
    # and its fall written -4.6
    first = bulletin.search(query, page_size=3).hits[0]
    assert "钢材\t万吨\t120.5\t-4.6" in first.text, query


def test_a_negative_growth_in_prose_states_a_fall(bulletin):
    first = bulletin.search("生铁产量 下降多少", page_size=3).hits[0]
    assert "生铁产量45.8万吨" in first.text


def test_a_fall_alone_lists_no_table(bulletin):
    hits = bulletin.search("下降", page_size=10).hits
    assert hits and all("下降" in h.text for h in hits)
