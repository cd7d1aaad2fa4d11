"""Behaviours fixed after the third batch of fresh dev queries of the real-document
relevance set (r205-r250, issue 13: synonyms, topical, phrase, footnote and traditional
queries): a synonym entry the segmenter cuts into pieces (新基建 → 新|基建) is one word
that finds its synonyms and is never "corrected" into another word (新建), and an
analyst's everyday words (网购, 物价, 二胎, 老龄化, 卡脖子, 污染治理, 外贸) find what the
documents word formally."""

from __future__ import annotations

import pytest

from bot.library.engine import Engine
from bot.search.query import join_known_terms
from bot.text.synonyms import Synonyms
from tests.conftest import engine_over, make_settings

REPORTS = {
    "national_2021.txt": (
        "2021年国务院政府工作报告\n国务院总理\n"
        "扩大有效投资。建设信息网络等新型基础设施，发展现代物流体系。\n"
        "新建改建农村公路一批，新开工改造城镇老旧小区5.3万个。\n"
        "加强污染防治和生态建设，持续改善环境质量。\n"
        "切实抓好全面放开两孩政策的落实。加快推进养老服务产业发展。\n"
    ),
    "digital_2022.txt": (
        "数字经济发展情况的报告\n"
        "全国网络零售市场规模连续9年居于世界首位。\n"
        "集中力量推进关键核心技术攻关，牢牢掌握数字经济发展自主权。\n"
        "健全数字经济市场规则，规范市场秩序。\n"
    ),
    "anhui_2026.txt": (
        "2026年安徽省政府工作报告\n安徽省人民政府\n"
        "主要预期目标是：城镇新增就业68万人左右，居民消费价格指数上涨2%左右。\n"
        "全年进出口总额增长17.3%。\n"
        "加强目标管理，确保完成全年各项目标任务。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("fresh2"), REPORTS)


def test_neighbouring_words_making_a_known_term_are_joined():
    text = "2021 新基建 投资"
    words = [("2021", 0, 4), ("新", 5, 6), ("基建", 6, 8), ("投资", 9, 11)]
    known = {"新基建"}.__contains__
    assert join_known_terms(text, words, known) == [
        ("2021", 0, 4),
        ("新基建", 5, 8),
        ("投资", 9, 11),
    ]
    # words typed apart (a space between) stay apart
    apart = [("新", 0, 1), ("基建", 2, 4)]
    assert join_known_terms("新 基建", apart, known) == apart


def test_synonyms_know_their_terms():
    syn = Synonyms([["新型基础设施", "新基建"]])
    assert "新基建" in syn and "基建" not in syn


def test_a_synonym_cut_into_pieces_finds_its_synonym_and_is_not_corrected(engine):
    resp = engine.search("2021 新基建", page_size=3)
    assert not resp.corrections
    assert resp.hits and "新型基础设施" in resp.hits[0].text


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("网购 市场规模", "网络零售市场规模"),
        ("物价 目标", "居民消费价格指数上涨2%左右"),
        ("二胎 政策", "两孩政策"),
        ("应对老龄化", "养老服务"),
        ("卡脖子技术 攻关", "关键核心技术攻关"),
        ("污染治理", "污染防治"),
        ("安徽 外贸 增长", "进出口总额增长17.3%"),
    ],
)
def test_an_analysts_everyday_word_finds_the_documents_wording(engine, query, wanted):
    resp = engine.search(query, page_size=3)
    assert resp.hits, query
    assert wanted in resp.hits[0].text, (query, [h.text for h in resp.hits])


def test_a_footnote_holding_one_more_word_ranks_behind_the_paragraph(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bulletin_2023.txt").write_text(
        "周口市2023年国民经济和社会发展统计公报\n周口市统计局\n"
        "全年全市发放城市低保金0.76亿元，年末共保障城市低保对象1.91万人。\n"
        "全年房地产开发投资下降24.4%。商品房销售面积增长8.4%，商品房销售额增长2.1%。\n"
        "表4：2023年房地产开发和销售主要指标\n"
        "指标\t单位\t比上年增长\n"
        "全年数字经济核心产业增加值增长8%，数据要素市场加快培育。\n"
        "政务数据共享平台建成运行，公共数据开放目录发布。\n"
        "注释：\n"
        "[1]资料来源：低保相关数据来自市民政局。\n",
        encoding="utf-8",
    )
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    first = engine.search("低保 数据", page_size=3).hits[0].text
    assert "城市低保金" in first and "资料来源" not in first, first


def test_a_synonym_entry_typed_in_words_without_synonyms_of_their_own_finds_its_synonyms(
    tmp_path,
):
    # 污染治理 is cut 污染|治理, neither word a synonym entry: searched as one word, it
    # finds 污染防治; 国有企业改革 (国有企业 has synonyms of its own: 国企) stays words
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text(
        "2021年政府工作报告\n"
        "加强农业面源污染治理，推进化肥农药减量。\n"
        "强化大气污染综合治理和联防联控。\n"
        "推进城市污水治理，减少水体污染。\n"
        "加快社会治理现代化，完善基层治理体系。\n"
        "严格环境执法，减少污染排放，提高治理能力。\n"
        "加强污染防治和生态建设，持续改善环境质量。\n",
        encoding="utf-8",
    )
    engine = Engine.open(make_settings(corpus, tmp_path / "data"))
    texts = [h.text for h in engine.search("污染治理", page_size=3).hits]
    assert any("污染防治" in t for t in texts), texts
