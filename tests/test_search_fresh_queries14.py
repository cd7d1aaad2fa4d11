"""Behaviours added after the seventeenth batch of the real-document relevance set
(r1093-r1163, issue 13): the words of how a question is put are not searched as its topic.
下一步 (cut 下|一步 by the segmenter, and 一步 is found in 迈出一步), 第几 (which a
correction turned into 第二), modal verbs (能覆盖多少人), the measure word of a count
(多少人), the verb opening a count (有多少), the 得 of 发展得怎么样 and what is asked of a
topic (成效如何) no longer make passages without them rank lower. Invented texts only."""

from __future__ import annotations

import pytest

from bot.library.answers import lead_with_answer
from bot.models import AnswerCard, SearchHit, SearchResponse
from bot.search import asking, framing
from bot.search import searcher as searcher_module
from bot.search.asking import content_words, softened
from bot.search.budget import Budget
from bot.search.query import parse_query
from tests.conftest import engine_over, first_hit, segmented
from tests.factories import answer_card, search_hit


def test_next_step_is_how_it_asks():
    assert content_words(segmented("文旅", "下", "一步", "怎么", "发展")) == ["文旅", "发展"]
    assert content_words(segmented("接下来", "养老", "服务")) == ["养老", "服务"]
    assert asking.asks_how("文旅 下一步 重点")
    # typed apart from each other, 下 and 一步 are words of their own
    assert content_words([("文旅", 0, 2), ("下", 3, 4), ("一步", 5, 7)]) == ["文旅", "下", "一步"]


# A report whose review says 迈出一步 beside the topic, and whose tasks name the topic.
REPORT = (
    "2026年某省政府工作报告\n"
    "一、2025年工作回顾\n"
    "茶产业迈出新的一步，茶叶产值增长12%，茶旅融合景区新增5个。\n"
    "二、2026年重点工作\n"
    "做强茶产业。推进茶园标准化改造，培育茶叶龙头企业，拓展茶叶出口市场。\n"
)


def test_a_question_about_the_next_step_finds_the_tasks(tmp_path):
    engine = engine_over(tmp_path, {"report_2026.txt": REPORT})
    assert first_hit(engine, "茶产业 下一步怎么发展").startswith("做强茶产业")


def test_which_place_is_asked_not_corrected(tmp_path):
    docs = {
        "a.txt": "某省报告\n网络零售规模连续多年居世界首位，带动快递业务快速增长。\n",
        "b.txt": "某市公报\n本市跨境电商交易额居世界第二，网络零售规模稳步扩大。\n",
        "c.txt": "某县公报\n全县网络零售额增长8%，世界第二大港口航线开通。\n",
    }
    engine = engine_over(tmp_path, docs)
    response = engine.search("网络零售 世界第几", page_size=3)
    assert not response.corrections
    assert content_words(segmented("全国", "排", "第几")) == ["全国"]


def test_modal_verbs_and_the_measure_of_a_count_are_how_it_asks():
    assert content_words(segmented("预警", "能", "覆盖", "多少", "人")) == [
        "预警",
        "覆盖",
        "多少",
        "人",
    ]
    soft = {
        c.label
        for c in softened(
            [searcher_module.Concept(w, []) for w in ("预警", "覆盖", "多少", "人")],
            segmented("预警", "覆盖", "多少", "人"),
        )
        if c.soft
    }
    assert soft == {"人"}


def test_the_verb_opening_a_count_is_how_it_asks():
    assert content_words(segmented("出生", "人口", "有", "多少")) == ["出生", "人口", "多少"]
    assert content_words(segmented("通关", "要", "多久")) == ["通关"]


def test_how_it_is_going_asks_of_the_topic():
    words = segmented("医疗", "旅游", "发展", "得", "怎么样")
    assert content_words(words) == ["医疗", "旅游", "发展"]
    concepts = [searcher_module.Concept(w, []) for w in ("医疗", "旅游", "发展")]
    assert {c.label for c in softened(concepts, words) if c.soft} == {"发展"}


def test_what_is_asked_of_a_topic_is_soft():
    words = segmented("治沙", "成效", "如何")
    concepts = [searcher_module.Concept(w, []) for w in ("治沙", "成效")]
    assert {c.label for c in softened(concepts, words) if c.soft} == {"成效"}
    # not as a topic of its own (成效 评估 标准)
    words = segmented("成效", "评估")
    concepts = [searcher_module.Concept(w, []) for w in ("成效", "评估")]
    assert not any(c.soft for c in softened(concepts, words))


# A report whose health line writes 得 and 有 apart and the tourism line the question wants.
HEALTH = (
    "2026年某省政府工作报告\n"
    "一、2025年工作回顾\n"
    "医疗旅游接待游客80万人次，收入60亿元。\n"
    "医疗服务能力有较大提升，旅游发展得到加强，基层医疗卫生机构实现全覆盖。\n"
)


def test_a_question_how_something_is_going_finds_its_line(tmp_path):
    engine = engine_over(tmp_path, {"report_2026.txt": HEALTH})
    assert first_hit(engine, "医疗旅游 发展得怎么样").startswith("医疗旅游接待游客")


def test_a_word_of_asking_left_beside_a_correction_is_not_searched():
    concepts = [searcher_module.Concept(w, []) for w in ("双创", "怎么", "推动")]
    assert [c.label for c in framing.drop_asking(concepts, searcher_module.ASKING_WORDS)] == [
        "双创",
        "推动",
    ]
    # a query of asking words only keeps them (nothing else says what it is about)
    alone = [searcher_module.Concept("怎么办", [])]
    assert framing.drop_asking(alone, searcher_module.ASKING_WORDS) == alone


# A county's review in its own words: 大众创业、万众创新 written apart, 社会应急力量 and 通关;
# beside them, lines writing 怎么推动 and 货物 海关 (what the queries would find without
# the groups, or with 怎么 searched).
COUNTY = (
    "某县2025年工作情况\n"
    "深入推动大众创业、万众创新，新登记市场主体增长12%。\n"
    "怎么推动创业服务做实，是群众关心的问题，县里开通服务热线。\n"
    "引导社会应急力量有序发展，登记备案救援组织15支。\n"
    "提升货物通关效率，进口货物平均放行时间压缩至6小时。\n"
    "进口货物海关监管场所完成改造，查验能力提升。\n"
    "加强新就业形态劳动者权益保障，建成暖心驿站20个。\n"
    "保障消费者权益，规范外卖平台经营，开展食品安全抽检。\n"
)


@pytest.mark.parametrize(
    ("query", "wording"),
    [
        ("双创 怎么推懂", "深入推动大众创业、万众创新"),
        ("民间救援队 怎么管", "引导社会应急力量有序发展"),
        ("货物 过海关 要多久", "提升货物通关效率"),
        ("外卖小哥 权益", "加强新就业形态劳动者权益保障"),
    ],
)
def test_everyday_words_of_the_seventeenth_batch_find_the_official_wording(
    tmp_path, query, wording
):
    engine = engine_over(tmp_path, {"county.txt": COUNTY})
    assert wording in first_hit(engine, query)


def test_a_verb_glued_before_its_thing_is_how_it_asks():
    words = segmented("治理", "沙漠")
    concepts = [searcher_module.Concept(w, []) for w in ("治理", "沙漠")]
    assert {c.label for c in softened(concepts, words) if c.soft} == {"治理"}
    # typed apart, a verb is a word of its own (数字经济 治理 短板)
    apart = [("治理", 0, 2), ("沙漠", 3, 5)]
    assert not any(c.soft for c in softened(concepts, apart))


# A review line on the desert in its own words, and lines writing 治理 about other things.
DESERT = (
    "某区2025年工作情况\n"
    "一、生态建设\n"
    "腾格里沙漠防风阻沙带全线贯通，流动沙丘全面固定，新增造林面积20万亩，生态环境持续改善。\n"
    "二、社会治理\n"
    "加强城市治理，推进基层治理和社会治理现代化，治理效能明显提升，群众满意度稳步提高。\n"
    "三、水利建设\n"
    "开展河湖综合治理，治理水土流失面积300平方公里，建成高效节水灌溉工程一批。\n"
)


def test_a_question_on_a_thing_done_finds_the_thing_without_the_verb(tmp_path):
    engine = engine_over(tmp_path, {"district.txt": DESERT})
    assert first_hit(engine, "治理沙漠 成效如何").startswith("腾格里沙漠")


def _hit(text: str, score: float) -> SearchHit:
    return search_hit(text, filename="opinion.txt", title="某省实施意见", score=score)


def _card(unit: str, sentence: str) -> AnswerCard:
    return answer_card(
        "货物贸易占比",
        figure="30%",
        value_text="30",
        unit=unit,
        qualifier="",
        change="",
        year="2025",
        region="某省",
        filename="opinion.txt",
        title="某省实施意见",
        section="一、主要目标",
        sentence=sentence,
    )


def test_a_question_how_long_gets_no_card_in_another_unit():
    share = "到2025年，全省与东盟国家货物贸易占比达到30%。"
    customs = "提升货物通关效率，货物抵达后快速放行。"
    hits = (_hit(customs, 9.0), _hit(share, 8.0))
    asked = SearchResponse("东盟 货物 通关 要多久", hits, 2, 1, 3)
    resp = lead_with_answer(asked, _card("%", share))
    assert resp.answer is None and resp.hits[0].text == customs
    # a card in a time unit answers it; a card in % answers a question without 多久
    hours = lead_with_answer(asked, _card("小时", share))
    assert hours.answer is not None and hours.hits[0].text == share
    plain = lead_with_answer(SearchResponse("东盟 货物贸易 占比", hits, 2, 1, 3), _card("%", share))
    assert plain.answer is not None and plain.hits[0].text == share


def test_a_corrected_compound_is_found_apart_too():
    split = {"足球联赛": ["足球", "联赛"], "老旧小区改造": ["老旧", "小区", "改造"]}.get
    assert framing.compound_pieces("足球联赛", split, lambda w: False) == ["足球", "联赛"]
    assert framing.compound_pieces("老旧小区改造", split, lambda w: False) == [
        "老旧",
        "小区",
        "改造",
    ]
    # an entry of the synonym groups, or short pieces, stay whole
    assert framing.compound_pieces("老旧小区改造", split, lambda w: True) is None
    assert framing.compound_pieces("足球联赛", lambda w: ["足", "球联赛"], lambda w: False) is None


# A county's lines: 改造 written before 城中村 with 危旧房, and 城中村改造 whole once.
HOUSING = (
    "某县2025年工作情况\n"
    "一、城市建设\n"
    "改造城中村和危旧房3000户，完成老旧管网更新50公里，群众居住条件明显改善。\n"
    "二、重点项目\n"
    "推进城中村改造项目前期工作，储备项目10个，争取专项债券资金支持。\n"
)


def test_a_typo_corrected_to_a_compound_finds_its_words_apart(tmp_path):
    engine = engine_over(tmp_path, {"county.txt": HOUSING})
    resp = engine.search("危旧房 城中村改照", page_size=3)
    assert resp.corrections, resp
    assert resp.hits[0].text.startswith("改造城中村和危旧房"), [h.text[:9] for h in resp.hits]
    # searched as its words, found apart too, with the compound whole as the optional run
    searcher = engine.searcher
    part = parse_query("城中村改照", max_chars=200).parts[0]
    concepts = searcher._plan_part(part, Budget(searcher.limits), correct=True)[0]
    assert [(c.label, c.optional) for c in concepts] == [
        ("城中村", False),
        ("改造", False),
        ("城中村改造", True),
    ]


# A plan writing 关键核心技术 as one word, and a line writing 技术 three times.
TECHNOLOGY = (
    "某省科技创新规划\n"
    "一、攻关\n"
    "实施关键核心技术攻关工程，补齐一批产业发展短板，形成一批自主可控成果。\n"
    "二、推广\n"
    "推广先进适用技术，突破技术推广瓶颈，加强农业技术培训和技术服务。\n"
)


def test_a_run_whose_word_is_in_its_own_group_is_searched_whole(tmp_path):
    # 卡脖子技术 (cut 卡脖子|技术) is an entry of the group of 卡脖子: searched apart, 技术
    # would be required of the line writing 关键核心技术
    engine = engine_over(tmp_path, {"plan.txt": TECHNOLOGY})
    assert first_hit(engine, "卡脖子技术 怎么突破").startswith("实施关键核心技术攻关工程")
    searcher = engine.searcher
    part = parse_query("卡脖子技术", max_chars=200).parts[0]
    concepts = searcher._plan_part(part, Budget(searcher.limits), correct=True)[0]
    assert [c.label for c in concepts] == ["卡脖子技术"]
    assert "关键核心技术" in {a.text for a in concepts[0].alternatives}
