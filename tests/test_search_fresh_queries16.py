"""Behaviours added after the nineteenth batch of the real-document relevance set
(r1244-r1323, issue 13): questions across documents (哪个省份提出…, 两份报告里…) are not
searched as their framing, and a compound none of the documents the query points to holds
is looked for there as its words. Invented texts only."""

from __future__ import annotations

import numpy as np

from bot.search import apart, framing
from bot.search.asking import content_words, softened
from bot.search.concepts import Concept
from tests.conftest import engine_over, first_hit, segmented


def _soft(*ws: str) -> set[str]:
    words = segmented(*ws)
    concepts = [Concept(w, []) for w in content_words(words)]
    return {c.label for c in softened(concepts, words) if c.soft}


def test_which_place_and_the_verb_of_saying_are_how_it_asks():
    words = ("哪个", "省份", "提出", "发展", "沙漠", "经济")
    assert "哪个" not in content_words(segmented(*words))
    assert {"省份", "提出"} <= _soft(*words)
    assert {"提到"} <= _soft("哪几个", "省", "提到", "氢能")
    # without a question of which, 提出 and 提到 are words of the text (免征门槛 提到多少)
    assert "提到" not in _soft("免征", "门槛", "提到", "多少")
    assert "提出" not in _soft("十九大", "提出", "目标")


def test_what_in_a_chat_is_an_asking_word():
    assert content_words(segmented("对外开放", "有", "啥", "举措")) == ["对外开放", "举措"]


def test_the_documents_a_question_looks_in_are_left_out():
    assert content_words(segmented("两份", "报告", "里", "银发", "经济")) == ["银发", "经济"]
    assert content_words(segmented("这份", "文件", "中", "人才")) == ["人才"]
    # a report asked for itself stays (工作报告 目标)
    assert content_words(segmented("报告", "目标")) == ["报告", "目标"]
    assert framing.counts_documents("两份")
    assert not framing.counts_documents("年份")
    assert not framing.counts_documents("股份")


REPORTS = {
    "a.txt": (
        "2030年甲省政府工作报告\n"
        "一、今年重点工作\n"
        "扩大服务消费。支持演艺经济、赛事经济、沙漠经济、银发经济发展，培育消费新场景。\n"
        "坚持创新驱动。推动科技成果转化，培育新兴产业，壮大科技型企业队伍。\n"
    ),
    "b.txt": (
        "2030年数字合作报告\n"
        "各省份提出发展数字经济的举措，推动数字合作，各方积极响应。\n"
        "本报告里的数据截至年底，年份统计口径与上年一致，经济数据为初步核算数。\n"
        "深化数字经济国际合作，建设数字丝绸之路。\n"
    ),
}


def test_which_province_names_a_thing_finds_the_line_naming_it(tmp_path):
    engine = engine_over(tmp_path, REPORTS)
    assert "沙漠经济" in first_hit(engine, "哪个省份提出发展沙漠经济")


def test_two_reports_named_in_a_question_are_no_words_of_it(tmp_path):
    engine = engine_over(tmp_path, REPORTS)
    assert "银发经济" in first_hit(engine, "两份报告里 银发经济")


TALENT = {
    "gansu.txt": (
        "2030年甘肃省政府工作报告\n"
        "一、今年重点工作\n"
        "加大人才队伍支撑力度，加力培养和引进一批科技领军人才、卓越工程师、高技能人才，"
        "让各类人才在甘肃施展才干。\n"
        "稳定粮食生产，抓好高标准农田建设，保障粮食安全。\n"
    ),
    "qinghai.txt": (
        "2030年青海省政府工作报告\n"
        "一、今年重点工作\n"
        "实施引进人才计划，优化人才服务，建设人才发展平台。\n"
        "加强生态保护，推进国家公园建设。\n"
    ),
    "food.txt": (
        "丙市加快食品科技创新行动方案\n"
        "一、加快食品原料研发\n"
        "支持食品科技企业开展新食品原料研发，建设食品科技研发平台。\n"
        "二、加强人才引育\n"
        "鼓励高校开设食品科学专业，培养具备跨学科知识结构的复合型人才。\n"
    ),
    "space.txt": ("丁市航天产业行动计划\n加强航天领域人才培养，在人才培养等方面开展国际合作。\n"),
}


def test_a_compound_the_region_asked_never_writes_whole_is_found_apart(tmp_path):
    engine = engine_over(tmp_path, TALENT)
    assert "甘肃" in first_hit(engine, "甘肃 怎么引进人才")


def test_a_compound_the_other_words_documents_never_write_is_found_apart(tmp_path):
    engine = engine_over(tmp_path, TALENT)
    assert "复合型人才" in first_hit(engine, "食品科技 人才培养")
    # where the documents hold it whole, it is looked for whole
    assert "人才培养等方面" in first_hit(engine, "航天 人才培养")


def test_a_compound_is_written_apart_only_where_the_documents_pointed_to_lack_it():
    split = {
        "引进人才": ["引进", "人才"],
        "人均收入": ["人均", "收入"],
        "高质量": ["高", "质量"],
    }.get
    assert apart.compound_words("引进人才", split) == ["引进", "人才"]
    assert apart.compound_words("高质量", split) is None  # three characters
    assert apart.compound_words("人均收入水平", split) is None  # not split
    p_doc = np.array([0, 0, 1, 1, 2])
    own = apart.documents_of(np.array([4]), p_doc, 3)  # the compound: document 2 only
    region = np.array([0, 1])
    assert apart.written_apart(apart.pointed_to(region, [], 3), own)
    assert not apart.written_apart(apart.pointed_to(np.array([2]), [], 3), own)
    # the documents holding another word of the query narrow the region's
    other = apart.documents_of(np.array([2, 4]), p_doc, 3)
    assert apart.written_apart(apart.pointed_to(None, [other], 3), own) is False
    other = apart.documents_of(np.array([0]), p_doc, 3)
    assert apart.written_apart(apart.pointed_to(None, [other], 3), own)
    # nothing pointed to (no region, no other word; or no document left): as typed
    assert not apart.written_apart(apart.pointed_to(None, [], 3), own)
    assert not apart.written_apart(apart.pointed_to(np.array([0]), [own], 3), own)
