"""Behaviours added after the twelfth batch of the real-document relevance set (r810-r869,
issue 13), topics and analysts' wording: the words people use next to the documents' own
(出海 for 走出去, 灾民 for 受灾群众, 边贸 for 边境贸易). Invented texts only."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.library.answers import named_in
from bot.library.engine import Engine
from bot.search.understand import understand
from tests.conftest import engine_over


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


# A report that words each idea the older way, beside paragraphs holding the query's
# other words (企业, 安置, 贸易) and a 多边贸易 line whose characters hold 边贸.
REPORT = (
    "某省2026年政府工作报告\n"
    "一、重点工作\n"
    "支持企业走出去，鼓励企业参与境外园区建设和国际产能合作，完善海外服务保障体系。\n"
    "支持企业技术改造，推动企业上市融资，扩大企业研发投入。\n"
    "妥善安置受灾群众，做好过渡期救助和倒损房屋重建，保障基本生活。\n"
    "安置退役军人就业，做好移民安置后续扶持。\n"
    "振兴边境贸易，建设边民互市贸易区，提升口岸通关效率。\n"
    "维护多边贸易体制，扩大高水平对外开放，深化区域经济合作。\n"
)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("企业出海 怎么支持", "支持企业走出去"),
        ("灾民 怎么安置", "妥善安置受灾群众"),
        ("边贸 怎么发展", "振兴边境贸易"),
    ],
)
def test_everyday_words_find_the_documents_older_wording(tmp_path, query, first):
    engine = engine_over(tmp_path, {"report.txt": REPORT})
    texts = _texts(engine, query)
    assert texts and texts[0].startswith(first), texts


def test_a_thing_typed_with_what_is_done_to_it_is_named_by_the_thing():
    # 城中村改造 asks for the record of 改造城中村和城市危旧房6000套, named by the thing
    assert named_in(["城中村改造"], "城中村和城市危旧房") == 3
    assert named_in(["老旧小区改造"], "城镇老旧小区") == 4
    # a verb that is not what the word ends with, or a thing the name does not hold
    assert named_in(["改造城中村"], "城中村和城市危旧房") == 0
    assert named_in(["棚户区改造"], "城中村和城市危旧房") == 0


PLAN = (
    "某省2026年政府工作报告\n"
    "一、2026年重点工作\n"
    "实施城市更新行动。改造城中村和城市危旧房5000套、老旧小区1.2万户，新建公共停车位3万个。\n"
    "加强保障性住房供给，筹集建设保障性住房2000套。\n"
)


def test_a_target_question_typed_with_the_verb_glued_gets_its_card(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": PLAN})
    resp = engine.search("某省 2026 城中村改造 多少套", page_size=3)
    assert resp.answer is not None and "5000" in resp.answer.figure, resp.answer


# A task that shares one verb between the things it lists (城中村和危旧房改造), lines
# holding the word's pieces apart, in other clauses, and a bulletin writing the word whole
# (so that it is a word of the index, as it is in a real corpus).
SHARED = (
    "某省2026年政府工作报告\n"
    "一、2026年重点工作\n"
    "推动房地产市场止跌回稳，加力实施城中村和危旧房改造，释放改善性住房需求。\n"
    "加强城中村治理，完善社区服务设施。开展老旧厂房改造，盘活闲置土地。\n"
    "实施老旧小区、背街小巷改造，加装电梯2000部。\n"
)
BULLETIN = "某市2025年统计公报\n全年完成城中村改造1.2万户。\n"


def _shared(root) -> Engine:
    return engine_over(root, {"report.txt": SHARED, "bulletin.txt": BULLETIN})


def test_a_word_is_found_with_its_tail_shared_by_a_coordination(tmp_path):
    engine = _shared(tmp_path)
    texts = _texts(engine, "城中村改造 怎么推进", n=5)
    assert any(t.startswith("推动房地产市场止跌回稳") for t in texts[:2]), texts
    # the pieces apart, in clauses of their own, are no coordination
    assert not any(t.startswith("加强城中村治理") for t in texts), texts
    texts = _texts(engine, "老旧小区改造", n=5)
    assert texts and texts[0].startswith("实施老旧小区、背街小巷改造"), texts


# A word the segmenter keeps whole alone (廉政建设) but cuts otherwise inside a longer
# phrase (党风|廉政|建设): the passage writing it whole is found though its postings miss it.
HIDDEN = (
    "某省2026年政府工作报告\n"
    "一、重点工作\n"
    "加强廉政建设，完善监督制度。\n"
    "深入推进党风廉政建设，严格落实中央八项规定精神。\n"
    "严格落实中央八项规定精神，持续纠治四风。\n"
)


def test_a_word_hidden_by_the_segmentation_of_a_longer_phrase_is_found(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": HIDDEN})
    texts = _texts(engine, "廉政建设 八项规定")
    assert texts and texts[0].startswith("深入推进党风廉政建设"), texts


@pytest.mark.parametrize(
    ("query", "region"),
    [
        # the place named first is asked about; 全国 after it is a comparison, however
        # it is written (a yardstick the rule knows, or not: 全国地一 typed for 全国第一)
        ("湖南 水电装机 全国地一", "湖南"),
        ("湖南 中央 财政 支持", "湖南"),
        # 全国 first stays the region asked (the first of each facet wins)
        ("全国 对口支援 湖南", "全国"),
        ("全国 CPI 目标", "全国"),
    ],
)
def test_the_region_named_first_wins_over_a_later_national_word(query, region):
    got = understand(query, gazetteer=default_gazetteer(), known_regions=set())
    assert got.facets.region == region, got


PLAN_PARTS = (
    "某省乡村振兴实施方案\n"
    "一、重点任务\n"
    "（一）发展乡村产业。培育乡村特色产业，促进农民增收。\n"
    "（二）加强乡村人才队伍建设。培养乡村振兴带头人。\n"
    "二、保障措施\n"
    "（一）强化投入保障。把农业农村作为一般公共预算优先保障领域，提高土地出让收益用于乡村振兴的比例。\n"
)


def test_where_the_money_comes_from_is_the_funding_part(tmp_path):
    engine = engine_over(tmp_path, {"plan.txt": PLAN_PARTS})
    texts = _texts(engine, "乡村振兴 钱从哪里来")
    assert texts and texts[0].startswith("（一）强化投入保障"), texts


# The year's own report, and a province's report of the next year reviewing it, whose
# task section (headed by the next year) holds one query word more.
NATIONAL_2025 = (
    "2025年国务院政府工作报告\n"
    "一、2024年工作回顾\n"
    "过去一年，经济运行总体平稳。\n"
    "二、2025年政府工作任务\n"
    "加强心理健康教育，关爱师生身心健康。\n"
)
PROVINCE_2026 = (
    "2026年某省政府工作报告\n"
    "一、2025年工作回顾\n"
    "过去一年，教育事业稳步发展。\n"
    "二、2026年重点工作\n"
    "加强学生心理健康服务，建设学生心理健康中心。\n"
)


def test_the_next_years_tasks_are_no_part_of_the_year_asked(tmp_path):
    engine = engine_over(tmp_path, {"national.txt": NATIONAL_2025, "province.txt": PROVINCE_2026})
    texts = _texts(engine, "2025 学生 心理健康")
    assert texts and texts[0].startswith("加强心理健康教育"), texts
