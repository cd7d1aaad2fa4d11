"""Chinese questions typed as whole sentences (issue 13, ``search-questions30``): a verb of
reaching a figure with 了 (完成了多少) is how the question asks, not a word the answer must
write; 是不是 asks yes or no as 是否 does, and checks a figure the key targets hold.
Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.asking import _done_verbs
from tests.conftest import engine_over

REPORT = (
    "2031年青海省政府工作报告\n"
    "一、过去一年工作回顾\n"
    "过去一年，全省城镇新增就业6.2万人，城镇调查失业率5.1%，固定资产投资增长4.3%。\n"
    "城镇新增就业服务体系不断健全，完成职业技能培训3.4万人次，完成人才招聘会120场。\n"
    "固定资产投资项目审批全面提速，完成项目审批改革试点15个。\n"
    "二、今年工作安排\n"
    "今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业6万人以上。\n"
)
NATIONAL = (
    "2031年政府工作报告\n"
    "今年发展主要预期目标是：国内生产总值增长4.5%左右；赤字率拟按3.5%左右安排。\n"
    "过去一年，赤字率3%，国内生产总值增长4.8%。\n"
)

DOCS = {
    "province_qinghai_2031_gwr.txt": REPORT,
    "national_china_2031_gwr.txt": NATIONAL,
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("questions30"), DOCS)


def _w(*words: str) -> list[tuple[str, int, int]]:
    out, at = [], 0
    for w in words:
        out.append((w, at, at + len(w)))
        at += len(w)
    return out


def test_a_verb_of_reaching_with_le_in_a_count_question_is_soft():
    assert _done_verbs(_w("城镇新增就业", "完成", "了", "多少")) == {"完成"}
    assert _done_verbs(_w("完成", "了", "多少", "固定资产投资")) == {"完成"}
    assert _done_verbs(_w("gdp", "实现", "了", "多少", "增长")) == {"实现"}
    assert _done_verbs(_w("实现", "了", "几", "个", "突破")) == {"实现"}


def test_a_verb_of_reaching_stays_a_word_without_le_or_a_count():
    # no count asked: 完成了 is what the passage is about (完成了哪些改革)
    assert _done_verbs(_w("完成", "了", "哪些", "改革")) == set()
    # no 了: 完成 is the topic's verb (完成多少投资 as a plan asks is left to the rules)
    assert _done_verbs(_w("完成", "多少", "投资")) == set()
    # another verb with 了 is no verb of reaching
    assert _done_verbs(_w("培训", "了", "多少", "人")) == set()


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("青海去年城镇新增就业完成了多少", "全省城镇新增就业6.2万人"),
        ("青海去年完成了多少固定资产投资", "固定资产投资增长4.3%"),
        ("青海2030年城镇新增就业完成了多少呢", "全省城镇新增就业6.2万人"),
    ],
)
def test_a_result_asked_with_wancheng_le_finds_the_line_without_the_verb(engine, query, line):
    # the decoys write 完成 beside the topic; the review's line gives the figure alone
    hits = engine.search(query, page_size=3).hits
    assert hits and line in hits[0].text, [h.text for h in hits]


def test_shi_bu_shi_is_no_word_to_find_and_checks_the_target(engine):
    r = engine.search("2031年赤字率是不是3.5%", page_size=3)
    assert r.hits and "拟按3.5%左右安排" in r.hits[0].text
    assert r.answer is not None
    assert (r.answer.indicator, r.answer.figure, r.answer.kind) == ("赤字率", "3.5%左右", "target")
    assert r.answer.year == "2031"


def test_shi_bu_shi_without_an_indicator_asks_no_card(engine):
    # 是不是 alone asks for no figure: a topic checked, no record
    r = engine.search("青海2031年是不是加快人才招聘", page_size=3)
    assert r.answer is None


PLAN_REVIEW = {
    "province_gansu_2031_gwr.txt": (
        "2031年甘肃省政府工作报告\n"
        "一、“十五五”时期工作回顾\n"
        "这五年，全省粮食产量达到1280万吨，农民人均可支配收入年均增长7.1%。\n"
        "二、今年工作安排\n"
        "抓好春耕关键时期粮食产量监测，做好农忙时期农资供应。\n"
    ),
}


@pytest.fixture(scope="module")
def review_engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("questions30b"), PLAN_REVIEW)


@pytest.mark.parametrize(
    "query", ["十五五时期粮食产量多少", "“十五五”期间粮食产量达到了多少", "十五五时期 粮食产量"]
)
def test_a_plan_periods_span_word_is_no_word_to_find(review_engine, query):
    # nothing else understood (no place, no year): 时期 and 期间 are still the period's
    # span, not a word the line giving the figure must write
    hits = review_engine.search(query, page_size=3).hits
    assert hits and "1280万吨" in hits[0].text, [h.text for h in hits]


def test_period_spans_named():
    from bot.search.understand import period_spans_named

    assert period_spans_named("十四五期间研发投入强度") == "十四五研发投入强度"
    assert period_spans_named("“十三五”时期 GDP") == "十三五 GDP"
    # no plan period before it: 时期 is a word of its own
    assert period_spans_named("特殊时期 防疫") == "特殊时期 防疫"
