"""Behaviours added for what the twenty-seventh batch left (issue 13): English words typed
together read as the one Chinese compound the corpus writes (rural commercial bank ->
农村商业银行), which no dictionary holds as a phrase. Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.contractions import expansions
from bot.text.english_fallback import compound_readings, english_compounds, with_compounds
from tests.conftest import engine_over

# a reversed dictionary in the shape load_reversed gives (English key -> headwords)
ENTRIES = {
    "rural area": ("农村", "乡下"),
    "rural": ("乡间",),
    "commerce": ("商务", "商业"),
    "bank": ("银行", "堤岸"),
    "industry": ("工业", "产业"),
    "digitalize": ("数字化",),
    "harbor": ("港口",),
    "future": ("未来",),
    "industrial park": ("工业园区",),
}


def test_an_adjective_is_read_through_its_noun_and_its_two_word_senses():
    assert "商业" in compound_readings("commercial", ENTRIES)
    assert "产业" in compound_readings("industrial", ENTRIES)
    # rural has no sense of its own that is 农村: the dictionary's "rural area" is
    assert compound_readings("rural", ENTRIES)[0] == "乡间"
    assert "农村" in compound_readings("rural", ENTRIES)


def test_adjacent_words_read_as_the_compound_the_corpus_writes():
    corpus = {"农村商业银行", "农村商业", "产业数字化", "未来产业", "工业园区"}
    text = "qingchuan rural commercial bank loans"
    found = english_compounds(text, ENTRIES, corpus.__contains__)
    assert found == [(10, 31, "农村商业银行")]
    assert with_compounds("industrial digitalization", ENTRIES, corpus.__contains__) == (
        "产业数字化"
    )
    # the dictionary's own sense of the two words together
    assert with_compounds("industrial park", ENTRIES, corpus.__contains__) == "工业园区"
    # industries read by the glossary as 工业 alone: 未来产业 is found only as a compound
    glossed = [(7, 17, "工业")]
    assert with_compounds("future industries", ENTRIES, corpus.__contains__, glossed) == (
        "未来产业"
    )
    # the words' readings in the English order only
    glossed = [(0, 10, "工业")]
    assert with_compounds("industries future", ENTRIES, corpus.__contains__, glossed) == (
        "industries future"
    )


def test_a_compound_the_words_apart_find_is_left_to_them():
    # 未来 and 产业 are what future and industries are searched as apart: a passage
    # writing 未来产业 holds both, and the reply says how each word was read
    corpus = {"未来产业", "安全事故"}.__contains__
    assert with_compounds("future industries", ENTRIES, corpus) == "future industries"
    entries = {"safety": ("安全",), "accident": ("事故",)}
    assert with_compounds("safety accidents", entries, corpus) == "safety accidents"


def test_a_compound_the_corpus_lacks_leaves_the_words_alone():
    assert with_compounds("rural bank", ENTRIES, {"农村商业银行"}.__contains__) == "rural bank"
    # a function word or another sign between them breaks the run
    corpus = {"未来产业"}.__contains__
    assert with_compounds("future of industries", ENTRIES, corpus) == "future of industries"
    assert with_compounds("future, industries", ENTRIES, corpus) == "future, industries"


REPORT = (
    "2031年青川省国民经济和社会发展统计公报\n"
    "一、金融\n"
    "年末全省银行业金融机构本外币各项存款余额12000亿元，银行贷款余额9800亿元。\n"
    "全省农村商业银行各项存款余额2100亿元，比上年末增长8.2%。\n"
    "商务服务业增加值增长6.1%，商业银行网点新增35个。\n"
    "二、产业\n"
    "数字化改造覆盖规上工业企业，产业集群、产业链、产业园区协同发展，产业投资增长9%。\n"
    "产业数字化水平提升，新建智能工厂20家。\n"
)


@pytest.fixture(scope="module")
def qingchuan(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("left27"), {"province_qingchuan_2031_stat-bulletin.txt": REPORT}
    )


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("qingchuan rural commercial bank", "农村商业银行各项存款"),
        ("rural commercial bank growth", "农村商业银行各项存款"),
        ("industrial digitalization", "产业数字化水平提升"),
    ],
)
def test_an_english_phrase_finds_the_compound_first(qingchuan, query, line):
    hits = qingchuan.search(query, page_size=3).hits
    assert hits, query
    assert line in hits[0].text


def test_the_glossary_forms_keep_their_reading():
    entries = {**ENTRIES, "employment": ("就业",), "growth": ("增长",), "output": ("产量",)}
    corpus = {"就业增长", "产业数字化", "产量增长"}.__contains__
    # two words the glossary reads alone are left to it, word by word
    glossed = [(0, 10, "就业"), (11, 17, "增长")]
    assert with_compounds("employment growth", entries, corpus, glossed) == "employment growth"
    # a word the glossary reads alone joins a word it does not, its reading first
    glossed = [(0, 10, "工业")]
    assert with_compounds("industrial digitalization", entries, corpus, glossed) == "产业数字化"
    # a compound the words apart find (工业数字化: the glossary's 工业) gives way to one
    # they miss
    both = {"工业数字化", "产业数字化"}.__contains__
    assert with_compounds("industrial digitalization", entries, both, glossed) == "产业数字化"
    # a form of several glossary words is never cut into a compound
    glossed = [(0, 12, "粮食产量")]
    assert with_compounds("grain output growth", entries, corpus, glossed) == (
        "grain output growth"
    )


def test_a_contraction_is_found_in_the_longer_words_texts_write():
    texts = [
        "全年快递业务量12亿件，下降2%。快递业务收入80亿元。",
        "快递业务量增长较快，快递物流量平稳。",
        "快递网点覆盖全部乡镇。",
    ]
    assert expansions(["快递", "量"], texts) == ["快递业务量", "快递物流量"]
    # the head and the tail kept, at most two characters dropped between them
    assert expansions(["研发", "费"], ["研发经费投入增长，研发中心和人员经费增加"]) == ["研发经费"]
    assert expansions(["快递", "量"], ["快递网点和配送中心业务量"]) == []
    # a word the texts write as typed more often than longer is read as typed
    assert expansions(["快递", "量"], [*texts, "快递量增长", "快递量回升", "快递量"]) == []
    # one piece has nothing to contract
    assert expansions(["快递"], texts) == []


BULLETIN = (
    "2031年青川市国民经济和社会发展统计公报\n"
    "六、交通、邮电和旅游\n"
    "全年邮政业务总量95.3亿元，比上年增长3.2%。快递业务量7.6亿件，下降3.6%。\n"
    "全年商品房销售面积773.0万平方米，下降23.9%，其中住宅销售面积613.6万平方米，下降20.1%。\n"
    "全年发生各类生产安全事故21起，比上年下降20.2%；死亡人数19人，下降25.3%。\n"
    "全年旅客周转量35.0亿人公里，下降35.6%；货物周转量120.4亿吨公里，下降1.9%。\n"
)
OTHER = (
    "2031年白河市政府工作报告\n快递量持续增长，农村寄递物流体系加快完善，快递进村覆盖率达到95%。\n"
)

# the longer word is the corpus's usual one: written more often than the short one
THIRD = (
    "2031年红石县国民经济和社会发展统计公报\n"
    "全年快递业务量1.2亿件，增长8.1%；快递业务收入9.6亿元，增长6.0%。\n"
)


@pytest.fixture(scope="module")
def qingchuan_city(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("left27b"),
        {
            "city_qingchuan_2031_stat-bulletin.txt": BULLETIN,
            "city_baihe_2031_gwr.txt": OTHER,
            "county_hongshi_2031_stat-bulletin.txt": THIRD,
        },
    )


def test_the_readers_shorter_word_finds_the_documents_longer_one(qingchuan_city):
    hits = qingchuan_city.search("青川 2031 快递量 下降了多少", page_size=3).hits
    assert hits and "快递业务量7.6亿件" in hits[0].text
    # where a document writes the short word, it is found as written
    hits = qingchuan_city.search("白河 快递量", page_size=3).hits
    assert hits and "快递量持续增长" in hits[0].text


@pytest.mark.parametrize(
    ("query", "region", "rest"),
    [
        ("我国数字经济发展存在哪些问题", "全国", "数字经济发展存在哪些问题"),
        ("我国粮食产量多少", "全国", "粮食产量多少"),
        # inside a run, 我国 stays a word of the sentence; other country words as before
        ("推动我国数字经济发展", None, "推动我国数字经济发展"),
        ("中国式现代化", None, "中国式现代化"),
    ],
)
def test_our_country_opening_a_question_typed_as_one_run_is_the_country(query, region, rest):
    from bot.corpus.gazetteer import default_gazetteer
    from bot.search.understand import understand

    got = understand(query, gazetteer=default_gazetteer(), known_regions=set())
    assert (got.facets.region, got.rest) == (region, rest)
