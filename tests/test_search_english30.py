"""English questions read as the Chinese ones are (search-english30): a document's kind
typed in English (government work report, statistical bulletin) is the kind, as 政府工作报告
typed in Chinese is, never words to find; a place and its suffix word (Tianshui city) are
the place, not a place and the word 城市; the asker's years (this year) are years; grain
alone is the reports' 粮食. Invented texts."""

from __future__ import annotations

import pytest

from bot.text.english import with_chinese_terms
from tests.conftest import engine_over


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Gansu government work report 2031", "Gansu 政府工作报告 2031"),
        ("the work report", "the 政府工作报告"),
        ("statistical bulletin Tianshui", "统计公报 Tianshui"),
        ("statistical communique", "统计公报"),
        ("party congress report 2017", "党代会报告 2017"),
        ("five-year plan outline", "规划纲要"),
        ("budget report", "预算报告"),
        ("urbanization rate this year", "常住人口城镇化率 今年"),
        ("grain last year", "粮食 去年"),
        ("GDP growth target", "GDP 增长目标"),
        ("how much did they spend per person", "how much did they 居民人均消费支出"),
        ("rural per capita spending", "农村居民人均消费支出"),
        ("fixed asset investment over the past five years", "固定资产投资 过去五年"),
        ("new floor space", "new 面积"),
        ("commercial floor space", "商业 面积"),
        ("commercial space in Shanghai", "商业航天 in Shanghai"),
        # the longer forms still win over grain and five-year plan alone
        ("grain output", "粮食产量"),
        ("five-year plan", "五年规划"),
    ],
)
def test_kinds_years_and_grain_read_as_the_chinese_words(typed, read):
    assert with_chinese_terms(typed) == read


@pytest.mark.parametrize("typed", ["report", "reports 2030", "year 2030", "government"])
def test_a_word_of_a_kind_alone_stays(typed):
    # report alone read as 报告 was a required word (向大会报告政府工作 won)
    assert with_chinese_terms(typed) == typed


REPORT = (
    "2031年甘肃省政府工作报告\n"
    "一、过去一年工作回顾\n"
    "现在，我代表省人民政府，向大会报告政府工作，请予审议。\n"
    "政府工作要坚持稳中求进，报告各项工作进展，改进政府作风。\n"
    "二、今年工作安排\n"
    "稳定粮食生产，粮食总产量稳定在1200万吨以上，建设高标准农田300万亩。\n"
    "推进以人为本的新型城镇化，常住人口城镇化率提高到58%。\n"
)
BULLETIN = (
    "2030年天水市国民经济和社会发展统计公报\n"
    "一、农业\n"
    # 天水 in three passages: a frequent term, which the pinyin reading finds for Tianshui
    "天水农业生产总体平稳，特色农业加快发展。\n"
    "全年粮食总产量120万吨，比上年增长2.1%。\n"
    "谷物产量100万吨，谷物种植面积稳定。\n"
    "全市居民人均消费支出18000元，比上年增长5.2%。\n"
    "一般公共预算支出增长4%，民生支出占比80%，支出结构优化。\n"
    "二、社会保障\n"
    "天水社会保障持续加强，兜底保障有力。\n"
    "天水全年发放城市低保金1.2亿元，年末保障城市低保对象2万人，城市建设加快推进。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("english30"),
        {
            "province_gansu_2031_gwr.txt": REPORT,
            "city_tianshui_2030_stat-bulletin.txt": BULLETIN,
        },
    )


@pytest.mark.parametrize(
    ("query", "kind", "line"),
    [
        # word by word the kind was 政府 工作 汇报, required: the report's own
        # "向大会报告政府工作" came first
        ("Gansu government work report 2031 grain", "政府工作报告", "粮食总产量稳定在1200万吨"),
        ("grain in the government work report", "政府工作报告", "粮食总产量稳定在1200万吨"),
    ],
)
def test_a_kind_typed_in_english_is_the_kind(engine, query, kind, line):
    resp = engine.search(query, page_size=3)
    assert resp.understood is not None and resp.understood.doc_type == kind
    assert resp.hits and line in resp.hits[0].text
    # said once, as the kind, not again as an English reading
    assert all(read != (kind,) for _, read in resp.understood.english)


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("statistical bulletin grain output", "统计公报 粮食产量"),
        ("Gansu government work report grain", "甘肃 政府工作报告 粮食"),
        ("Tianshui city grain output 2030", "天水市 粮食产量 2030"),
    ],
)
def test_the_english_query_answers_as_the_chinese_one(engine, english, chinese):
    got, want = (engine.search(q, page_size=5) for q in (english, chinese))
    assert got.understood is not None and want.understood is not None
    assert (got.understood.region, got.understood.year, got.understood.doc_type) == (
        want.understood.region,
        want.understood.year,
        want.understood.doc_type,
    )
    assert [h.text for h in got.hits] == [h.text for h in want.hits]


@pytest.mark.parametrize(
    "query", ["Tianshui city grain output 2030", "grain output of Tianshui City"]
)
def test_a_place_with_its_suffix_word_is_the_place(engine, query):
    # read as a compound first, the place lost its suffix word, searched as 城市: the
    # bulletin's lines on urban subsistence allowances (城市低保) came first
    resp = engine.search(query, page_size=3)
    assert resp.understood is not None and resp.understood.region == "天水"
    assert resp.hits and "全年粮食总产量120万吨" in resp.hits[0].text
    assert all("城市" not in word for word, _ in resp.understood.english)


def test_grain_alone_is_the_reports_word(engine):
    resp = engine.search("Gansu grain 2031", page_size=3)
    assert resp.hits and "粮食总产量稳定在1200万吨" in resp.hits[0].text


def test_this_year_is_a_year(engine):
    # 今年 is said against the newest documents of the region asked, or today: as the
    # Chinese query's; the word 年度 (CC-CEDICT's year) was searched before
    resp = engine.search("Gansu urbanization rate this year", page_size=3)
    chinese = engine.search("甘肃 常住人口城镇化率 今年", page_size=3)
    assert resp.understood is not None and chinese.understood is not None
    assert resp.understood.year is not None
    assert resp.understood.year == chinese.understood.year
    assert all(word != "year" for word, _ in resp.understood.english)
    assert resp.hits and "城镇化率提高到58%" in resp.hits[0].text


def test_spending_per_person_is_the_consumption_indicator(engine):
    # word by word spend was 支出 and person 人士: the budget's 支出 lines came first
    resp = engine.search("How much did Tianshui residents spend per person in 2030?", page_size=3)
    assert resp.understood is not None and resp.understood.indicator == "居民人均消费支出"
    assert resp.hits and "居民人均消费支出18000元" in resp.hits[0].text


@pytest.mark.parametrize(
    ("query", "regions"),
    [
        # cooperation zone -> 合作区: another place's suffix after 合作 (Hezuo, a 市) is the
        # end of a word, no place written with its suffix
        ("合作区 建设", ()),
        ("四川 合作区 建设", ("四川",)),
        ("深度合作区 政策", ()),
        # the place's own suffix, or its full name, still names it
        ("合作市 旅游", ("合作",)),
        ("宜宾市 GDP", ("宜宾",)),
        ("黔东南州 GDP", ("黔东南",)),
    ],
)
def test_another_places_suffix_names_no_place(query, regions):
    from bot.corpus.gazetteer import default_gazetteer
    from bot.search.understand import understand

    facets = understand(
        query, gazetteer=default_gazetteer(), known_regions=["四川"], this_year=2031
    ).facets
    assert (facets.regions or ((facets.region,) if facets.region else ())) == regions
