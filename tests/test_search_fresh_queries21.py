"""Behaviours added after the twenty-fourth batch of the real-document relevance set
(r1721-r1800, issue 13): a place written with an English possessive (Sichuan's GDP
target) is the place; English words as foreign readers type them (steel output, new
railway km, software investment) find the reports' terms; everyday words for a
bulletin's rows and a plan's terms (面粉 for 小麦粉, 坐火车 for 铁路, 种菜 for 蔬菜生产,
机器代替人工 for 机器换人, 辣椒酱 for 辣椒制品, 肉类总产量 for
猪牛羊禽肉产量). Invented texts only."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import latin_places, with_chinese_places
from bot.text.english import load_glossary
from bot.text.synonyms import Synonyms
from tests.conftest import PROJECT_ROOT, engine_over, first_hit


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("what is Sichuan's GDP target", "what is 四川 GDP target"),
        ("Chengdu’s car output", "成都 car output"),
        # an apostrophe inside a pinyin name is no possessive
        ("Xi'an GDP", "西安 GDP"),
    ],
)
def test_a_place_written_with_a_possessive_is_the_place(text, written):
    assert with_chinese_places(text) == written


def test_a_possessive_word_that_names_no_place_stays():
    assert latin_places("it's the plan's goal") == []


@pytest.fixture(scope="module")
def synonyms():
    return Synonyms.from_files([PROJECT_ROOT / "config" / "dictionaries" / "synonyms.txt"])


# Two provinces' reports: the line asked for after a distractor holding the query's other
# words (ties go to the earlier passage, so without the word's term the distractor is first).
PROVINCE_A = (
    "2031年甲省政府工作报告\n"
    "全年粮食产量保持稳定，生猪出栏持续增长。\n"
    "全年钢材产量1200万吨，比上年增长3.5%。\n"
    "公路网络持续加密，新增高速公路里程300公里。\n"
    "新增铁路里程420公里，城际列车开行班次增加。\n"
    "全年工业投资增长5.0%，服务业投资增长2.1%。\n"
    "全年软件和信息技术服务业投资增长18.0%。\n"
)
PROVINCE_B = (
    "2031年乙省政府工作报告\n"
    "全年粮食作物产量保持稳定，小麦收获面积稳中有增。\n"
    "全年小麦粉产量310万吨，比上年增长4.0%。\n"
    "公路旅客运输量510万人，比上年增长12.0%。\n"
    "铁路旅客运输量640万人，比上年增长30.0%。\n"
    "全年蔬菜批发市场交易量增长，农产品流通顺畅。\n"
    "推进蔬菜生产全程机械化，设施菜田机械化水平达到60%。\n"
    "推动纺织企业用工方式转变，提高生产效率。\n"
    "推动纺织企业机器换人，提高生产效率。\n"
    "全年蔬菜加工产量40万吨，比上年增长1.0%。\n"
    "全年辣椒制品产量2.1万吨，比上年增长9.0%。\n"
    "全年水产品总产量35万吨，比上年增长2.0%。\n"
    "全年猪牛羊禽肉产量52万吨，比上年增长4.7%。\n"
)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh21"),
        {"province_a_2031.txt": PROVINCE_A, "province_b_2031.txt": PROVINCE_B},
    )


@pytest.mark.parametrize(
    ("query", "start", "word", "term"),
    [
        ("steel output", "全年钢材产量1200万吨", "steel", "钢材"),
        ("new railway km", "新增铁路里程420公里", "railway", "铁路"),
        ("software investment growth", "全年软件和信息技术服务业投资", "software", "软件"),
    ],
)
def test_english_words_find_the_reports_terms(reports, query, start, word, term):
    # English is read in one place, the glossary (bot.text.english), not as synonym groups
    assert load_glossary()[word] == term
    assert start in first_hit(reports, query)


@pytest.mark.parametrize(
    ("query", "start", "word", "term"),
    [
        ("面粉 产量", "全年小麦粉产量310万吨", "面粉", "小麦粉"),
        ("坐火车的人 运输量", "铁路旅客运输量640万人", "坐火车", "铁路"),
        ("种菜 机械化", "推进蔬菜生产全程机械化", "种菜", "蔬菜生产"),
        ("纺织企业 机器代替人工", "推动纺织企业机器换人", "机器代替人工", "机器换人"),
        ("辣椒酱 产量", "全年辣椒制品产量2.1万吨", "辣椒酱", "辣椒制品"),
        ("肉类总产量 增长", "全年猪牛羊禽肉产量52万吨", "肉类总产量", "猪牛羊禽肉产量"),
    ],
)
def test_everyday_words_find_the_rows_terms(reports, synonyms, query, start, word, term):
    assert term in synonyms.expand(word)
    assert start in first_hit(reports, query)
