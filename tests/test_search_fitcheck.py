"""Behaviours added from the fit half of the real set's dev queries (issue 13, branch
`search-fitcheck`): a year typed without a place asks about the country, so a local
document of that very year comes after the country's documents of the year, as a local
report reviewing the year from the next one already did; 提高 finds 提升; a type word right
after a name with a plus sign (旅游+行动计划) is part of the name, quoted or not. Invented
texts only."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.library.engine import Engine
from bot.search import facets
from bot.search.correct import Corrector
from bot.search.understand import understand
from tests.conftest import engine_over

# The country's report of 2025 and a district's plan of 2025 whose line names the query's
# words more often, so that it scores higher by its words alone.
NATIONAL_2025 = (
    "2025年国务院政府工作报告\n"
    "一、2024年工作回顾\n"
    "过去一年，经济运行总体平稳。\n"
    "二、2025年经济社会发展总体要求和政策取向\n"
    "稳步推进老旧街区改造，完善社区养老托育设施，加强城市地下管网建设。\n"
)
DISTRICT_2025 = (
    "上海市徐汇区老旧街区改造三年行动方案（2025—2027年）\n"
    "（2025年3月）\n"
    "一、重点任务\n"
    "推进老旧街区改造，老旧街区改造与街区功能提升同步推进，老旧街区改造试点先行。\n"
    "完善公共服务设施，建设社区食堂10家。\n"
)
DOCS = {"national_2025.txt": NATIONAL_2025, "xuhui_2025.txt": DISTRICT_2025}


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("fitcheck"), DOCS)


def test_the_documents_are_read_as_the_year_and_places_the_rule_needs(engine):
    docs = {d.filename: d for d in engine.documents()}
    assert docs["national_2025.txt"].year == 2025
    assert docs["xuhui_2025.txt"].year == 2025
    assert docs["national_2025.txt"].region == "全国"
    assert docs["xuhui_2025.txt"].region != "全国"


def test_a_year_without_a_place_wants_the_countrys_document_of_the_year_first(engine):
    texts = _texts(engine, "2025 老旧街区改造 怎么推进")
    assert texts and texts[0].startswith("稳步推进老旧街区改造"), texts


def test_without_the_share_the_districts_plan_would_come_first(tmp_path, monkeypatch):
    # the case above is one the rule decides (a fresh engine: facets are memoised)
    monkeypatch.setattr(facets, "LOCAL_YEAR_SHARE", 1.0)
    texts = _texts(engine_over(tmp_path, DOCS), "2025 老旧街区改造 怎么推进")
    assert texts and texts[0].startswith("推进老旧街区改造"), texts


def test_a_place_asked_keeps_its_own_document_first(engine):
    texts = _texts(engine, "徐汇 2025 老旧街区改造")
    assert texts and texts[0].startswith("推进老旧街区改造"), texts


# A line giving how far a level was raised (提升至) and one naming the same level twice
# with no verb of raising: asked with 提高, the first answers.
RAISED = (
    "某省2026年政府工作报告\n"
    "零部件本地配套率统计口径调整，零部件本地配套率按季度发布。\n"
    "零部件本地配套率由30%提升至55%，整车企业带动作用增强。\n"
)


def test_raising_asked_with_one_verb_finds_the_line_written_with_the_other(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": RAISED})
    texts = _texts(engine, "零部件 本地配套率 提高到多少")
    assert texts and texts[0].startswith("零部件本地配套率由30%提升至55%"), texts
    texts = _texts(engine, "零部件 本地配套率 提升")
    assert texts and texts[0].startswith("零部件本地配套率由30%提升至55%"), texts


def test_without_the_synonyms_the_line_repeating_the_words_comes_first(tmp_path):
    # the case above is one the synonym group decides
    engine = engine_over(tmp_path, {"report.txt": RAISED}, synonym_paths=[])
    texts = _texts(engine, "零部件 本地配套率 提高")
    assert texts and "零部件本地配套率统计口径调整" in texts[0], texts


def _doc_type(query: str) -> str | None:
    got = understand(query, gazetteer=default_gazetteer(), known_regions=set())
    return got.facets.doc_type


@pytest.mark.parametrize(
    "query", ["旅游+行动计划", "旅游+ 行动计划", "旅游＋行动方案", "“旅游+”行动计划"]
)
def test_a_type_word_after_a_plus_sign_is_part_of_a_name(query):
    assert _doc_type(query) is None


@pytest.mark.parametrize("query", ["旅游 行动计划", "旅游行动计划", "增加 行动方案"])
def test_a_type_word_elsewhere_still_names_the_kind_of_document(query):
    assert _doc_type(query) == "实施意见/行动方案"


# A country's report whose line names the “旅游+” plan, and a province's plan on tourism
# (a 实施方案: of the kind 行动计划 names) whose lines say 旅游 more often: 旅游+行动计划
# asks for the plan the report names.
PLUS_REPORT = (
    "2019年国务院政府工作报告\n"
    "制定“旅游+”行动计划，推动旅游与文化、体育、康养融合发展。\n"
    "加强生态环境保护，打好污染防治攻坚战。\n"
)
TOURISM_PLAN = (
    "某省乡村旅游提质实施方案\n"
    "发展乡村旅游，乡村旅游线路串联旅游景区，旅游服务设施提档升级。\n"
    "完善旅游公共服务，建设旅游集散中心。\n"
)


def test_a_name_with_a_plus_sign_finds_the_line_naming_it(tmp_path):
    docs = {"report.txt": PLUS_REPORT, "plan.txt": TOURISM_PLAN}
    texts = _texts(engine_over(tmp_path, docs), "旅游+行动计划")
    assert texts and "制定“旅游+”行动计划" in texts[0], texts
    # read as the kind of document, the plan's lines would come first
    texts = _texts(engine_over(tmp_path / "b", docs), "旅游 行动计划")
    assert texts and "乡村旅游" in texts[0], texts


# A count of small firms in the report's wording, and a line naming 科技型 more often.
SMALL_FIRMS = (
    "某省2026年政府工作报告\n"
    "科技型企业培育体系不断完善，科技型人才加快集聚，科技型园区扩容提质。\n"
    "科技型中小企业达到2.9万家，高新技术企业达到1.9万家。\n"
)


@pytest.mark.parametrize("query", ["科技型 SME 数量", "科技型 SMEs 多少家"])
def test_the_english_abbreviation_of_small_firms_finds_the_reports_word(tmp_path, query):
    texts = _texts(engine_over(tmp_path, {"report.txt": SMALL_FIRMS}), query)
    assert texts and texts[0].startswith("科技型中小企业达到2.9万家"), texts


# A plan on trade with one country (对韩, a function character and a one-character name)
# and a line on exports in general (对外出口, the word a correction would make of it).
TRADE = (
    "某省2022年对外开放实施意见\n"
    "积极拓展对韩贸易，组织企业赴韩参展，用好关税减让承诺。\n"
    "稳定对外出口，扩大先进技术设备进口，优化贸易结构。\n"
    "深化对外出口品牌建设，培育对外出口龙头企业。\n"
)


def test_a_one_character_word_the_corpus_writes_after_a_function_character_is_meant(
    tmp_path,
):
    engine = engine_over(tmp_path, {"plan.txt": TRADE})
    response = engine.search("对韩出口 关税", page_size=3)
    assert not response.corrections, response.corrections
    assert response.hits and "积极拓展对韩贸易" in response.hits[0].text


def test_without_the_check_the_name_is_corrected_away(tmp_path, monkeypatch):
    # the case above is one the check decides
    monkeypatch.setattr(Corrector, "_written_with_function_char", lambda self, words, k: False)
    engine = engine_over(tmp_path, {"plan.txt": TRADE})
    response = engine.search("对韩出口 关税", page_size=3)
    assert response.corrections and "对外出口" in response.corrections[0].corrected
