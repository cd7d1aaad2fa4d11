"""An indicator's name alone, or with 全国 and nothing else (``全国 赤字率``,
``超长期特别国债``), asks for the figure as ``… 目标`` does: the answer card leads (before,
the user trial's journalist got passages only, the figure in a snippet). A province's
indicator alone (``江州 GDP``) stays a topic, as ``tests/test_search_understanding.py``
decided. Invented reports; words about more than the figure get no card."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over

NATIONAL = """2030年国务院政府工作报告
——2030年3月5日在第十七届全国人民代表大会第一次会议上

二、2030年经济社会发展总体要求和政策取向
今年发展主要预期目标是：国内生产总值增长4.5%左右；城镇调查失业率5.5%左右。
今年赤字率拟按3.8%左右安排，拟发行超长期特别国债1.6万亿元。

三、2030年政府工作任务
用好超长期特别国债，更大力度支持重大工程建设，赤字率的安排兼顾当前和长远。
"""
PROVINCE = """江州省2030年政府工作报告
——2030年1月20日在江州省第十五届人民代表大会第三次会议上

二、2030年主要目标
今年全省经济社会发展主要预期目标是：地区生产总值增长6.2%左右；居民消费价格涨幅2%左右。

三、重点工作
推动地区生产总值稳步提升，聚焦产业升级。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    docs = {"national_2030_gwr.txt": NATIONAL, "jiangzhou_2030_gwr.txt": PROVINCE}
    return engine_over(tmp_path_factory.mktemp("named"), docs)


@pytest.mark.parametrize(
    ("query", "indicator", "value"),
    [
        ("全国 赤字率", "赤字率", "3.8"),
        ("赤字率 全国", "赤字率", "3.8"),
        ("超长期特别国债", "超长期特别国债", "1.6万亿"),
        ("GDP", "国内生产总值", "4.5"),
    ],
)
def test_an_indicator_named_alone_or_with_a_place_gets_its_card(
    engine, query, indicator, value
) -> None:
    resp = engine.search(query)
    assert resp.answer is not None, query
    assert (resp.answer.indicator, resp.answer.value_text) == (indicator, value)
    assert resp.hits[0].doc_id == resp.answer.doc_id  # the passage stating it leads


@pytest.mark.parametrize(
    "query", ["超长期特别国债 重大工程", "江州 地区生产总值 产业升级", "江州 地区生产总值"]
)
def test_more_than_the_indicator_is_a_topic_without_a_card(engine, query) -> None:
    assert engine.search(query).answer is None
