"""Behaviours added after the twenty-third batch of the real-document relevance set
(r1641-r1720, issue 13): the size typed after 多少 (多少万, 多少亿元), which the answer writes
as a number, is how the question asks and never makes 多少 a typo (多少万 is no 多万); 几处
asks a count as 几家 does; everyday words for the documents' (农民 for 农村居民,
蘑菇 for 食用菌, 民营投资, 土地出让金, 国保单位, 大项目, 下蛋 for 蛋鸡). Invented texts only."""

from __future__ import annotations

import pytest

from bot.search import framing
from bot.search.asking import ASKING_WORDS, content_words
from bot.text.synonyms import Synonyms
from tests.conftest import PROJECT_ROOT, engine_over, first_hit, segmented


@pytest.mark.parametrize("size", ["万", "亿", "万人", "亿元", "元"])
def test_the_size_after_how_many_is_how_the_question_asks(size):
    words = segmented("外出务工人员", "多少", size)
    assert size in framing.soft_words(words, ASKING_WORDS)
    # a word that is no size stays what the question is about
    assert "收入" not in framing.soft_words(segmented("多少", "收入"), ASKING_WORDS)


def test_a_count_of_places_asked_is_a_count_word():
    assert framing.asks_count("几处")
    assert content_words(segmented("文物保护单位", "有", "几处")) == ["文物保护单位"]


# A province's bulletin: the line giving the figure asked, and a line writing 多万 (十多万),
# which 多少万 was corrected to when 多少 counted as a typo.
BULLETIN = (
    "2030年某省国民经济和社会发展统计公报\n"
    "全年外出务工人员达到1860万人，比上年增加12万人。\n"
    "全年新增城镇就业岗位十多万个，各类招聘活动持续开展。\n"
)


def test_how_many_with_its_size_is_never_corrected(tmp_path):
    engine = engine_over(tmp_path, {"bulletin_2030.txt": BULLETIN})
    for query in ("外出务工人员 多少万", "外出务工人员 多少万人"):
        response = engine.search(query, page_size=3)
        assert not response.corrections, query
        assert "全年外出务工人员达到1860万人" in response.hits[0].text, query


# A city's bulletin: each everyday word's line after a distractor holding the query's other
# words (ties go to the earlier passage, so without the synonym the distractor is first).
CITY = (
    "2030年某市国民经济和社会发展统计公报\n"
    "农民合作社和家庭农场数量持续增加，带动农业生产方式转变。\n"
    "全年农村居民人均可支配收入26800元，比上年增长6.1%。\n"
    "全年水果产量80万吨，其中柑橘产量30万吨，增长1.5%。\n"
    "全年蔬菜产量150万吨，比上年增长2.0%；食用菌产量3.2万吨，下降5.1%。\n"
    "全年固定资产投资比上年增长4.0%，其中工业固定资产投资增长6.0%。\n"
    "民间投资占固定资产投资比重达到52%，比上年提高1个百分点。\n"
    "国有土地出让管理办法规定，土地整治资金用于农业农村基础设施建设。\n"
    "土地出让收入用于农业农村的比例提高到10%。\n"
    "全市机关单位、企事业单位和社会组织等各类单位积极参与公共文化服务。\n"
    "年末全市共有全国重点文物保护单位9处，省级文物保护单位40处。\n"
    "全年城市更新项目完成投资150亿元。\n"
    "全年实施重点项目120个，完成投资900亿元。\n"
    "建设现代农业示范基地和良种繁育基地，稳定农产品供给。\n"
    "建设百万羽蛋鸡养殖基地，稳定禽蛋供给。\n"
)


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("fresh20"), {"bulletin_2030.txt": CITY})


@pytest.fixture(scope="module")
def synonyms():
    return Synonyms.from_files([PROJECT_ROOT / "config" / "dictionaries" / "synonyms.txt"])


@pytest.mark.parametrize(
    ("query", "start", "word", "term"),
    [
        ("农民 一年挣多少", "全年农村居民人均可支配收入", "农民", "农村居民"),
        ("蘑菇 产量", "全年蔬菜产量150万吨", "蘑菇", "食用菌"),
        ("民营投资 固投", "民间投资占固定资产投资比重", "民营投资", "民间投资"),
        ("土地出让金 用于农业农村", "土地出让收入用于农业农村", "土地出让金", "土地出让收入"),
        ("国保单位 几处", "年末全市共有全国重点文物保护单位", "国保单位", "全国重点文物保护单位"),
        # through the group of 重大项目 and 重点项目
        ("大项目 完成投资", "全年实施重点项目120个", "大项目", "重点项目"),
        ("养鸡下蛋 基地", "建设百万羽蛋鸡养殖基地", "下蛋", "蛋鸡"),
    ],
)
def test_everyday_words_find_the_documents_terms(city, synonyms, query, start, word, term):
    assert term in synonyms.expand(word)
    assert start in first_hit(city, query)
