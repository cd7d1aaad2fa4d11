"""A how-question ranks the paragraph under a heading naming its topic (（四）加强低空经济人才
队伍建设) before one naming the words in passing under another topic's heading (（五）加强国际合
作: …人才培养等方面开展低空经济国际合作) (issue 13, lane search-how42). Invented texts only."""

from __future__ import annotations

import numpy as np
import pytest

from bot.library.engine import Engine
from bot.search import window
from bot.search.sentences import heading_shares
from tests.conftest import engine_over

# A plan whose talent paragraph writes neither 低空经济 nor the asking verb: its heading
# names the topic. The cooperation paragraph names 低空经济 twice and 人才 once in passing,
# so it scores higher by its words alone.
PLAN = (
    "某市推动低空经济高质量发展行动方案\n"
    "一、主要目标\n"
    "到2027年，低空经济产业规模突破500亿元，集聚一批领军企业。\n"
    "二、重点任务\n"
    "（一）做强低空制造\n"
    "1.发展无人机整机。支持企业研制工业级无人机，推动无人机整机产能提升，完善配套供应链。\n"
    "三、保障措施\n"
    "（四）加强低空经济人才队伍建设\n"
    "加强领军人才和高技能人才队伍建设，吸引国内外高端人才来本市发展，鼓励高等院校加快相关"
    "学科和专业建设，完善人才评价和激励机制。\n"
    "（五）加强国际合作\n"
    "立足开放枢纽门户功能，在运营服务、技术攻关、人才培养等方面开展低空经济国际合作，"
    "打造低空经济国际化窗口，引进国际先进企业。\n"
)
TALENT = "加强领军人才和高技能人才队伍建设"
COOPERATION = "立足开放枢纽门户功能"


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("how42"), {"plan_2025.txt": PLAN})


def _first(engine: Engine, query: str) -> str:
    return engine.search(query, page_size=3).hits[0].text


@pytest.mark.parametrize("query", ["低空经济 人才 怎么抓", "低空经济 人才 有哪些举措"])
def test_a_how_question_ranks_the_paragraph_under_its_topics_heading_first(engine, query):
    assert _first(engine, query).startswith(TALENT)


@pytest.mark.parametrize("query", ["低空经济 人才 怎么抓", "低空经济 人才 有哪些举措"])
def test_without_the_heading_share_the_paragraph_naming_the_words_in_passing_leads(
    engine, monkeypatch, query
):
    # the share is read at each search: the module engine serves
    monkeypatch.setattr(window, "HEADING_WEIGHT", 0.0)
    assert _first(engine, query).startswith(COOPERATION)


def test_heading_shares_count_each_word_once_whole_or_as_halves_in_order():
    words = (("低空经济",), ("人才",), ("引进",))
    headings = ["（四）加强低空经济人才队伍建设", "（五）加强国际合作", "", "低空领域经济人才"]
    got = heading_shares(headings, words)
    assert got.dtype == np.float32
    assert got.tolist() == pytest.approx([2 / 3, 0.0, 0.0, 2 / 3])
    assert heading_shares(["（四）加强人才建设"], ()).tolist() == [0.0]


def test_a_one_character_word_in_a_heading_counts_nothing():
    # 难 asked (上幼儿园难) is no topic a heading naming 困难群众 is about
    words = (("上幼儿园", "学前教育"), ("难",))
    got = heading_shares(["二、提高困难群众生活救助水平", "（三）发展学前教育"], words)
    assert got.tolist() == pytest.approx([0.0, 0.5])
