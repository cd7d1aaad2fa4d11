"""Behaviours added after the fourteenth batch of the real-document relevance set (r929-r988,
issue 13), topics and paraphrases with the issue's mix: the everyday words people ask with
next to the documents' own (养娃 for 托育, 老房子 for 老旧小区, IDC for 数据中心). Invented
texts only."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.library.engine import Engine
from bot.search.query import join_known_terms
from bot.search.understand import understand
from tests.conftest import engine_over


def _texts(engine: Engine, query: str, n: int = 3) -> list[str]:
    return [h.text for h in engine.search(query, page_size=n).hits]


# A report with a childcare line, an old-housing line and a data-centre line, each in the
# documents' words, beside lines that share none of the everyday words asked.
REPORT = (
    "某市2025年政府工作报告\n"
    "一、民生实事\n"
    "完善养老服务体系，新建社区养老服务站30个。\n"
    "发展普惠托育服务，新增托位2000个，落实育儿补贴政策。\n"
    "开工改造城镇老旧小区120个，同步加装电梯300部。\n"
    "推进传统产业改造提升，实施技术改造项目80个。\n"
    "二、数字经济\n"
    "建设绿色数据中心，推进算力网络节点建设。\n"
    "推动工业互联网平台发展，培育数字化转型服务商。\n"
)


def test_raising_a_child_asked_as_yangwa_finds_childcare(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": REPORT})
    texts = _texts(engine, "养娃")
    assert texts and texts[0].startswith("发展普惠托育服务"), texts


def test_old_houses_asked_as_laofangzi_find_old_residential_compounds(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": REPORT})
    texts = _texts(engine, "老房子")
    assert texts and texts[0].startswith("开工改造城镇老旧小区"), texts


def test_idc_finds_data_centres(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": REPORT})
    texts = _texts(engine, "IDC")
    assert texts and texts[0].startswith("建设绿色数据中心"), texts


# -- questions typed without spaces ------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "rest"),
    [
        ("十九大中医药怎么发展", "中医药怎么发展"),
        ("党的二十大报告高质量发展", "高质量发展"),
    ],
)
def test_a_congress_typed_together_with_the_words_asked_names_its_report(query, rest):
    got = understand(query, gazetteer=default_gazetteer(), known_regions=set())
    assert got.facets.doc_type == "党代会报告", query
    assert got.facets.region == "全国"
    assert got.rest == rest


def test_a_word_opened_by_the_da_or_a_time_since_is_no_congress():
    for query in ("二十大型企业名单", "十九大以来成就", "学习贯彻二十大精神", "前二十大城市"):
        got = understand(query, gazetteer=default_gazetteer(), known_regions=set())
        assert got.facets.doc_type is None, query


# A report whose task line on jobs never writes 就业稳, and whose review line does.
JOBS = (
    "江西省政府工作报告\n"
    "一、工作回顾\n"
    "全年就业稳、物价稳，城镇新增就业12万人。\n"
    "二、今年工作安排\n"
    "实施就业优先政策，扩大就业容量，稳定重点群体就业。\n"
    "改造城中村1.2万户、老旧小区300个，帮扶困难家庭2000多户。\n"
    "地区生产总值增长6%左右，一般公共预算收入增长5%。\n"
)


def test_the_lone_verb_ending_a_question_typed_together_is_not_glued_to_the_topic(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": JOBS})
    glued = _texts(engine, "江西就业怎么稳")
    spaced = _texts(engine, "江西 就业 怎么稳")
    assert glued and glued[0].startswith("实施就业优先政策"), glued
    assert glued == spaced


def test_a_measure_word_after_duoshao_is_not_corrected(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": JOBS})
    resp = engine.search("城中村改造多少户", page_size=3)
    assert not resp.corrections, resp.corrections
    assert resp.hits and resp.hits[0].text.startswith("改造城中村"), resp.hits


def test_a_share_typed_after_letters_is_a_figure_of_its_own(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": JOBS})
    texts = _texts(engine, "GDP6%怎么实现")
    assert texts and texts[0].startswith("地区生产总值增长6%"), texts


def test_a_known_term_cut_inside_the_next_word_is_cut_there_instead():
    known = {"碳交易"}.__contains__
    text = "碳交易市场"
    words = [("碳", 0, 1), ("交易市场", 1, 5)]
    assert join_known_terms(text, words, known) == [("碳交易", 0, 3), ("市场", 3, 5)]
    # the rest must keep two characters: 碳|交易所 is not 碳交易 所
    assert join_known_terms("碳交易所", [("碳", 0, 1), ("交易所", 1, 4)], known) == [
        ("碳", 0, 1),
        ("交易所", 1, 4),
    ]


# A plan on carbon trading in the documents' words (碳排放权交易), beside other markets.
CARBON = (
    "某省碳达峰实施方案\n"
    "一、重点任务\n"
    "积极参与全国碳排放权交易市场建设，推动重点企业纳入碳排放权交易。\n"
    "完善用能权交易市场，探索排污权交易市场。\n"
    "培育绿色金融市场，发展绿色债券。\n"
)


def test_real_words_typed_together_are_not_corrected_away_from_a_known_term(tmp_path):
    engine = engine_over(tmp_path, {"plan.txt": CARBON})
    resp = engine.search("碳交易市场", page_size=3)
    assert not resp.corrections, resp.corrections
    assert resp.hits and resp.hits[0].text.startswith("积极参与全国碳排放权交易市场"), resp.hits


@pytest.mark.parametrize(
    ("query", "region", "rest"),
    [
        ("江西县域经济怎么发展", "江西", "县域经济怎么发展"),
        ("湖南县城建设", "湖南", "县城建设"),
        ("江西省县域经济", "江西", "县域经济"),  # the province's own suffix is still cut off
    ],
)
def test_a_suffix_a_place_never_takes_is_the_next_word(query, region, rest):
    got = understand(query, gazetteer=default_gazetteer(), known_regions=set())
    assert got.facets.region == region
    assert got.rest == rest


# A report whose task line writes 外贸 and 出口 apart, and whose review line writes the
# compound 外贸出口 that the segmenter keeps whole.
TRADE = (
    "江西省政府工作报告\n"
    "一、工作回顾\n"
    "全年外贸出口总额增长5.1%，实际使用外资增长3%。\n"
    "二、今年工作安排\n"
    "发展乡村外贸，稳步扩大茶叶、陶瓷等特色产品出口规模，鼓励企业开拓新兴市场。\n"
)


def test_a_compound_in_a_question_typed_as_one_run_is_also_found_apart(tmp_path):
    engine = engine_over(tmp_path, {"report.txt": TRADE})
    texts = _texts(engine, "江西外贸出口怎么扩大")
    assert texts and texts[0].startswith("发展乡村外贸"), texts
    # typed as a word of its own, the compound stays whole
    assert _texts(engine, "外贸出口")[0].startswith("全年外贸出口总额")


SPONGE = (
    "江州市2024年海绵城市建设实施意见\n"
    "一、工作目标\n"
    "到2030年底，全市建成区80%以上的面积达到海绵城市建设目标要求。\n"
)
CROPS = (
    "江州市2025年农业机械化实施意见\n"
    "一、主要目标\n"
    "到2025年，无人机飞防等高效植保年覆盖面积达到300万亩。\n"
)


def test_a_record_of_another_year_does_not_hide_the_card_of_the_year_asked(tmp_path):
    # the crop plan's record names more of the words asked (覆盖, 面积) but is of 2025;
    # the question asks 2030, which only the sponge-city target answers
    engine = engine_over(tmp_path, {"sponge.txt": SPONGE, "crops.txt": CROPS})
    resp = engine.search("江州海绵城市2030年要覆盖多少面积", page_size=10)
    assert {h.filename for h in resp.hits} == {"sponge.txt", "crops.txt"}
    assert resp.answer is not None and resp.answer.filename == "sponge.txt", resp.answer
    assert resp.answer.value_text == "80"
