"""Behaviours added after the twenty-sixth batch of the real-document relevance set
(r1881-r1960, issue 13): a share asked as 占比 finds the line that writes 比重 (占…比重), not a
line holding 占比 of something else; English words for a bank's loans and deposits and for the
space industry read as the Chinese terms, so that an English query made only of them finds
its line instead of nothing; 农机化 finds 农业机械化. Invented texts only."""

from __future__ import annotations

import pytest

from bot.text.english import load_glossary
from bot.text.synonyms import Synonyms
from tests.conftest import PROJECT_ROOT, engine_over, first_hit


def test_a_share_and_its_proportion_are_one_measure():
    synonyms = Synonyms.from_files([PROJECT_ROOT / "config" / "dictionaries" / "synonyms.txt"])
    assert "比重" in synonyms.expand("占比") and "占比" in synonyms.expand("比重")


BULLETIN = (
    "2031年青川市国民经济和社会发展统计公报\n"
    "全市地表水监测断面水质优良占比为96.5%，比上年提高1.2个百分点。\n"
    "全年一般公共预算收入310.4亿元，增长4.1%。其中税收收入228.6亿元，增长3.3%，"
    "占一般公共预算收入比重达73.6%。\n"
    "年末金融机构本外币存款余额8120亿元，比上年末增长9.4%；"
    "金融机构本外币贷款余额7650亿元，比上年末增长11.2%。\n"
    "全年规模以上工业增加值比上年增长6.1%。\n"
)

PLAN = (
    "青川市促进商业航天发展行动方案（2031—2033年）\n"
    "一、总体要求\n"
    "到2033年，商业航天产业规模突破300亿元，卫星制造能力显著增强。\n"
    "二、保障措施\n"
    "加大市、区两级财政资金支持，向卫星组网、测控服务、发射保险等方面倾斜。\n"
    "加强人才引育，建设一批实训基地。\n"
)


@pytest.fixture(scope="module")
def qingchuan(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh23"),
        {"city_qingchuan_2031_stat-bulletin.txt": BULLETIN, "city_qingchuan_2031_plan.txt": PLAN},
    )


def test_a_share_asked_as_zhanbi_finds_the_line_writing_bizhong(qingchuan):
    assert "税收收入228.6亿元" in first_hit(qingchuan, "青川 税收收入占比")


def test_bank_and_space_words_read_as_their_chinese_terms():
    glossary = load_glossary()
    assert glossary["loan balance"] == "贷款余额" and glossary["deposit"] == "存款"
    assert glossary["commercial space"] == "商业航天" and glossary["insurance"] == "保险"


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("qingchuan loan balance 2031", "贷款余额7650亿元"),
        ("qingchuan deposits", "存款余额8120亿元"),
        ("qingchuan commercial space launch insurance", "发射保险"),
    ],
)
def test_an_english_query_of_these_words_finds_its_line(qingchuan, query, line):
    assert line in first_hit(qingchuan, query)


MECHANIZATION = (
    "青川市关于推进农业机械化高质量发展的实施意见\n"
    "一、主要任务\n"
    "推广节本增效农机化技术，加快淘汰老旧农机装备，建设一批全程机械化示范基地。\n"
    "二、保障措施\n"
    "各镇要结合实际开展农业机械化发展目标任务研究，分区域、分品种明确目标任务和政策举措。\n"
)


def test_mechanization_abbreviated_finds_the_full_word(tmp_path):
    engine = engine_over(tmp_path, {"city_qingchuan_2031_agri-opinion.txt": MECHANIZATION})
    assert "发展目标任务研究" in first_hit(engine, "青川 农机化 目标任务")
