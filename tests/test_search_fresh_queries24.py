"""Behaviours added after the twenty-seventh batch of the real-document relevance set
(r1961-r2038, issue 13): a question asking what a term means (稳链计划是什么意思, 什么是…,
…的含义) is answered by the note that defines the term, which otherwise ranks behind every
paragraph that only uses it; 意思 and 含义 are how such a question asks, not words to find.
Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.asking import Asking, asks_meaning, asks_past
from bot.search.window import defines
from bot.text.english_fallback import candidates
from tests.conftest import engine_over, first_hit

REPORT = (
    "2031年青川省政府工作报告\n"
    "一、过去一年工作回顾\n"
    "深入实施稳链计划，全省12家链主企业带动配套企业300家，稳链计划成效明显。\n"
    "产业链供应链韧性持续增强，稳链计划覆盖全部重点产业链，配套率提高5个百分点。\n"
    "二、今年重点工作\n"
    "继续实施稳链计划，推动链主企业与中小企业协同发展，稳链计划扩围至新兴产业。\n"
    "大力发展银发经济，完善养老服务体系。\n"
    "名词解释\n"
    "1.“稳链计划”：是指省里支持链主企业稳定上下游配套、保障产业链供应链安全的专项计划。\n"
    "2.“银发经济”：是指向老年人提供产品或服务，以及为老龄阶段做准备等一系列经济活动的总和。\n"
)


@pytest.fixture(scope="module")
def qingchuan(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh24"), {"province_qingchuan_2031_gwr.txt": REPORT}
    )


@pytest.mark.parametrize(
    "query",
    [
        "稳链计划是什么意思",
        "什么是银发经济",
        "稳链计划的含义",
        "穩鏈計劃是什麼意思",
        "what does silver economy mean",
        "稳链计划是指什么",
    ],
)
def test_a_question_of_meaning_is_read_as_one(query):
    assert asks_meaning(query)
    assert Asking.of(query).meaning


@pytest.mark.parametrize(
    "query", ["稳链计划的目标是什么", "青川 2031 稳链计划", "what is the grain output target"]
)
def test_other_questions_do_not_ask_a_meaning(query):
    assert not asks_meaning(query)


def test_a_note_defines_the_term_its_head_names():
    words = (("稳链",), ("计划",))
    assert defines("1.“稳链计划”:是指省里支持链主企业", words)
    assert defines("注1:稳链计划:是指", words)
    assert defines("①“稳链”:…", words)
    assert not defines("深入实施稳链计划,全省12家链主企业", words)
    assert not defines("2.“银发经济”:是指向老年人提供产品", words)


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("稳链计划是什么意思", "1.“稳链计划”：是指"),
        ("什么是银发经济", "2.“银发经济”：是指"),
        ("稳链计划的含义", "1.“稳链计划”：是指"),
    ],
)
def test_a_question_of_meaning_finds_the_note_defining_the_term(qingchuan, query, note):
    # without the rule the note, a footnote, ranks behind the paragraphs using the term
    assert note in first_hit(qingchuan, query).split("\n")[-1]


def test_the_term_asked_alone_still_finds_the_paragraphs_first(qingchuan):
    assert "是指" not in first_hit(qingchuan, "青川 稳链计划")


def test_a_noun_of_ization_is_read_through_its_verb():
    # the dictionary gives a verb's reading only (数字化 under digitalize)
    entries = {"digitalize": ("数字化",), "urbanise": ("城镇化",)}
    assert "数字化" in candidates("digitalization", entries)
    assert "数字化" in candidates("Digitalizations", entries)
    assert "城镇化" in candidates("urbanisation", entries)
    assert candidates("organization", entries) == ()


RANKED = (
    "2031年青川省政府工作报告\n"
    "一、过去一年工作回顾\n"
    "千方百计增加城乡居民收入，居民人均可支配收入增速居全国第6位，八成以上财政资金用于民生。\n"
    "二、今年主要预期目标\n"
    "经济社会发展的主要预期目标是：全省地区生产总值增长5%左右，全国领先的创新能力持续提升，"
    "城乡居民人均可支配收入增长与经济增长同步，居民收入增速保持全国前列。\n"
)


@pytest.fixture(scope="module")
def ranked(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh24rank"), {"province_qingchuan_2031_gwr.txt": RANKED}
    )


@pytest.mark.parametrize("query", ["青川居民收入增速在全国排第几", "青川 居民收入增速 全国位次"])
def test_a_rank_asked_is_asked_of_the_review(query):
    assert asks_past(query) and not Asking.of(query).titled


def test_a_rank_asked_finds_the_review_line_not_the_goals(ranked):
    # without the rule the goals paragraph (a title-like opening, goals prior) ranks first
    assert "居全国第6位" in first_hit(ranked, "青川居民收入增速在全国排第几")
