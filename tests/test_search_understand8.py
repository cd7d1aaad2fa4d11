"""Query understanding mistakes a new user hit (lane search-understand8): a word excluded
is never a facet of the query, and a place excluded excludes its documents. Invented
queries and texts only."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import chinese_place, default_gazetteer, latin_places
from bot.corpus.regions import region_key
from bot.digest.filters import parse_filter, record_in_region
from bot.search.query import excluded_spans, parse_query
from bot.search.understand import excludes_nation, is_no1_document, understand
from tests.conftest import engine_over
from tests.e2e import ask_text, running
from tests.factories import document_info, target_record


def facets(query: str, known=("杭州", "宁波")):
    return understand(
        query, gazetteer=default_gazetteer(), known_regions=set(known), this_year=2026
    )


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("数字经济 -浙江", ["-浙江"]),
        ('数字经济 -"浙江省"', ['-"浙江省"']),
        ("数字经济 -“浙江”", ["-“浙江”"]),
        ("-2024 数字经济", ["-2024"]),
        ("数字经济 －浙江 —江苏", ["－浙江", "—江苏"]),
        ('数字经济-"浙江"', ['-"浙江"']),  # glued to a quoted phrase, as parse_query reads it
        ("2021-2025 数字经济", []),  # a span of years
        ("浙江-江苏 合作", []),  # a dash inside a word
    ],
)
def test_excluded_words_are_found_as_the_parser_reads_them(text, spans):
    assert [text[lo:hi] for lo, hi in excluded_spans(text)] == spans
    parsed = parse_query(text, max_chars=200)
    assert len(parsed.negative) == len(spans)


@pytest.mark.parametrize(
    ("query", "region", "year", "doc_type", "rest"),
    [
        ("数字经济 -浙江", None, None, None, "数字经济 -浙江"),
        ('"数字经济" -"浙江省"', None, None, None, '"数字经济" -"浙江省"'),
        ("江苏 数字经济 -杭州", "江苏", None, None, "数字经济 -杭州"),
        ("数字经济 -2024", None, None, None, "数字经济 -2024"),
        ("2025 数字经济 -2024", None, 2025, None, "数字经济 -2024"),
        ("数字经济 -统计公报", None, None, None, "数字经济 -统计公报"),
        ("数字经济 -全国", None, None, None, "数字经济 -全国"),
        ("数字经济 浙江", "浙江", None, None, "数字经济"),  # not excluded: the region
    ],
)
def test_a_word_excluded_is_never_a_facet(query, region, year, doc_type, rest):
    got = facets(query)
    assert (got.facets.region, got.facets.year, got.facets.doc_type) == (region, year, doc_type)
    assert got.rest == rest


def test_only_facets_and_exclusions_keep_their_words():
    got = facets("2025 -浙江")
    assert got.facets.year == 2025 and got.facets.region is None
    assert got.rest == "2025 -浙江"


ZJ = "浙江省2025年政府工作报告\n一、工作回顾\n培育新质生产力，发展集成电路和人工智能产业。\n"
HZ = "杭州市2025年政府工作报告\n一、工作回顾\n因地制宜培育新质生产力，建设低空经济示范区。\n"
JS = "江苏省2025年政府工作报告\n一、工作回顾\n加快培育新质生产力，推动数字经济创新提质。\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    docs = {"zj.txt": ZJ, "hz.txt": HZ, "js.txt": JS}
    return engine_over(tmp_path_factory.mktemp("understand8"), docs)


@pytest.mark.parametrize(
    "query", ["新质生产力 -浙江", '"新质生产力" -"浙江省"', "新质生产力 －浙江"]
)
def test_a_place_excluded_excludes_its_documents_and_its_places(engine, query):
    response = engine.search(query, page_size=5)
    assert not response.understood or response.understood.region is None
    texts = [h.text for h in response.hits]
    # the province's report and its city's go, though neither line writes 浙江
    assert texts == ["加快培育新质生产力，推动数字经济创新提质。"]


def test_a_place_named_still_ranks_its_documents_first(engine):
    response = engine.search("新质生产力 浙江", page_size=5)
    assert response.understood.region == "浙江"
    assert len(response.hits) == 3
    assert response.hits[-1].text.startswith("加快培育新质生产力")


def test_an_excluded_word_that_is_no_place_excludes_its_passages_only(engine):
    texts = [h.text for h in engine.search("新质生产力 -人工智能", page_size=5).hits]
    assert len(texts) == 2 and not any("人工智能" in t for t in texts)


# A national report older than two provinces' newer ones, all setting growth targets.
NATION = (
    "2025年国务院政府工作报告\n一、2025年发展主要预期目标\n"
    "今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右。\n"
)
HILLS = (
    "甘肃省2026年政府工作报告\n一、2026年主要预期目标\n"
    "全省地区生产总值增长5.5%左右，城镇调查失业率控制在5.5%以内。\n"
)
RIVERS = (
    "湖南省2026年政府工作报告\n一、2026年主要预期目标\n"
    "全省地区生产总值增长6%左右，粮食产量稳定在3000万吨以上。\n"
)


@pytest.fixture(scope="module")
def targets_engine(tmp_path_factory):
    docs = {"nation.txt": NATION, "hills.txt": HILLS, "rivers.txt": RIVERS}
    return engine_over(tmp_path_factory.mktemp("understand8_targets"), docs)


@pytest.mark.parametrize("query", ["经济增长 目标", "GDP 目标", "经济增长目标是多少"])
def test_no_region_asked_the_national_target_answers(targets_engine, query):
    response = targets_engine.search(query, page_size=5)
    assert response.understood.region is None
    card = response.answer
    assert (card.region, card.indicator, card.value) == ("全国", "国内生产总值", 5.0)


def test_a_region_asked_still_gets_its_own_target(targets_engine):
    card = targets_engine.search("甘肃 经济增长 目标", page_size=5).answer
    assert (card.region, card.indicator, card.value) == ("甘肃", "地区生产总值", 5.5)


@pytest.mark.parametrize(
    "query", ["湖南2026年地区生产总值增长多少", "粮食产量有多少", "湖南 粮食产量 目标是什么"]
)
def test_a_question_whose_topic_words_were_all_found_gets_no_suggestions(targets_engine, query):
    response = targets_engine.search(query, page_size=5)
    assert response.hits
    assert response.suggestions == ()


def test_a_topic_word_not_found_still_gets_suggestions(targets_engine):
    # uncorrected, a topic word that no text holds is still offered its near terms
    response = targets_engine.search("失叶率 多少", page_size=5, correct=False)
    assert "失业率" in response.suggestions


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("GDP target Guizhou", ["贵州"]),
        ("guizhou province 2025", ["贵州"]),
        ("Inner Mongolia and Tibet", ["内蒙古", "西藏"]),
        ("Hong Kong SAR, Macau", ["香港", "澳门"]),
        ("Shaanxi vs Shanxi", ["陕西", "山西"]),  # the conventional spelling tells them apart
        ("Xizang Autonomous Region", ["西藏"]),
        ("Guangxi Ningxia Xinjiang", ["广西", "宁夏", "新疆"]),
        ("Kunming City", ["昆明市"]),  # a city's suffix written as 市
        ("kunming shi", ["昆明市"]),
        ("Xi'an", ["西安"]),
        ("Changzhi", ["长治"]),  # 长 read chang, not zhang
        ("Ali", ["阿里"]),
        ("ali prefecture", ["阿里地区"]),
    ],
)
def test_english_and_pinyin_place_names_are_read(text, places):
    assert [name for _, _, name in latin_places(text)] == places


@pytest.mark.parametrize(
    "text",
    [
        "GDP target",  # English words no place is called
        "ali baba",  # a reading that is an English word: only capitalised or suffixed
        "xian",
        "Suzhou",  # two cities read suzhou (苏州, 宿州): neither
        "CPI growth rate",
        "",
    ],
)
def test_words_that_name_no_single_place_are_left_alone(text):
    assert latin_places(text) == []


def test_a_name_wholly_a_place_is_its_chinese_name():
    assert chinese_place("Guizhou") == "贵州"
    assert chinese_place(" inner mongolia ") == "内蒙古"
    assert chinese_place("Guizhou GDP") is None
    assert region_key("Guizhou") == region_key("贵州省") == "贵州"
    assert [p.short for p in default_gazetteer().lookup("Kunming City")] == ["昆明"]
    assert default_gazetteer().covers("Yunnan", "昆明")


@pytest.mark.parametrize(
    ("query", "region", "year", "rest"),
    [
        ("GDP target Guizhou", "贵州", None, "gdp target"),
        ("Guangxi 2023 GDP", "广西", 2023, "gdp"),
        ("Kunming City 粮食产量", "昆明", None, "粮食产量"),
        ("新质生产力 -Guizhou", None, None, "新质生产力 -贵州"),
        ("GDP growth target", None, None, "gdp growth target"),
    ],
)
def test_a_query_names_places_in_english_or_pinyin(query, region, year, rest):
    got = facets(query)
    assert (got.facets.region, got.facets.year) == (region, year)
    assert got.rest == rest


def test_english_place_names_work_wherever_a_region_is_read(targets_engine):
    assert targets_engine.region_named("Gansu") == "甘肃"
    assert targets_engine.region_named("gansu province") == "甘肃"
    assert targets_engine.region_named("Gansu Hunan") == "甘肃 湖南"
    assert targets_engine.region_named("GDP") is None
    rows = targets_engine.lookup_region("Hunan").rows
    assert rows and {r.record.region for r in rows} == {"湖南"}
    found = targets_engine.lookup_indicator("GDP Gansu").found.rows
    assert [(r.record.region, r.record.value) for r in found] == [("甘肃", 5.5)]
    response = targets_engine.search("Hunan 2026 GDP 目标", page_size=3)
    assert response.understood.region == "湖南"
    assert (response.answer.region, response.answer.value) == ("湖南", 6.0)


def test_a_digest_filter_reads_an_english_region():
    record = target_record(region="甘肃")
    f = parse_filter("GDP region:Gansu")
    assert record_in_region(f.regions[0], record, None, default_gazetteer())
    assert not record_in_region("Hunan", record, None, default_gazetteer())


# The central No. 1 document and another national opinion (a ministry's) that writes the
# query's word more often: both are opinions of the country, one is the No. 1 document.
NO1 = (
    "新华社北京2月19日电\n"
    "中共中央 国务院\n"
    "关于深入推进农村改革促进农民增收的意见\n"
    "（2019年1月3日）\n"
    "做好农业农村工作，对稳住经济大盘具有重要意义。现就做好今年农村改革工作提出如下意见。\n"
    "一、保障粮食安全\n"
    "推进种业振兴行动，强化种子市场监管，保障国家粮食安全。\n"
    "二、推进乡村建设\n"
    "完善农村基础设施，提升农村公共服务水平，建设宜居宜业和美乡村。\n"
)
MINISTRY = (
    "科学技术部等五部门关于加快生物制造创新发展的实施意见\n"
    "科技部联〔2023〕8号\n"
    "各省、自治区、直辖市科技厅（委、局）：为加快生物制造创新发展，提出如下意见。\n"
    "一、加强技术攻关\n"
    "按照党中央部署和有关文件要求，种子技术、种子装备和种子数据平台建设加快推进。\n"
    "二、完善产业生态\n"
    "培育一批生物制造领军企业，建设生物制造产业集群。\n"
)
NO1_MEMO = (
    "中共中央办公厅 国务院办公厅关于加强新时代档案工作的意见\n"
    "（2021年2月1日）\n"
    "档案工作是党和国家事业的重要组成部分。现就加强新时代档案工作提出如下意见。\n"
    "一、推进档案数字化\n"
    "推动档案数字化转型，完善种子资源档案和种子数据档案。\n"
)


@pytest.mark.parametrize("query", ["中央一号文件 种子", "一号文件 种子", "2019年中央一号文件 种子"])
def test_the_no1_document_named_ranks_before_other_national_opinions(tmp_path, query):
    docs = {"no1.txt": NO1, "ministry.txt": MINISTRY, "memo.txt": NO1_MEMO}
    engine = engine_over(tmp_path, docs)
    response = engine.search(query, page_size=5)
    assert response.understood.doc_type == "中央一号文件"
    assert response.understood.region == "全国"
    assert response.hits[0].text.startswith("推进种业振兴行动")
    assert response.hits[0].title == "关于深入推进农村改革促进农民增收的意见"


def test_the_no1_document_is_known_by_issuer_type_and_topic():
    def doc(title, issuer, doc_type="实施意见/行动方案"):
        return document_info(title=title, issuer=issuer, doc_type=doc_type, region="全国")

    assert is_no1_document(doc("关于做好2023年全面推进乡村振兴重点工作的意见", "中共中央 国务院"))
    assert is_no1_document(doc("关于“三农”工作的若干意见", "中共中央、国务院"))
    # another issuer, another topic, another kind of document
    assert not is_no1_document(doc("关于推动未来产业创新发展的实施意见", "工业和信息化部等七部门"))
    assert not is_no1_document(doc("关于加强新时代档案工作的意见", "中共中央 国务院"))
    assert not is_no1_document(doc("乡村振兴战略规划", "中共中央 国务院", "规划纲要"))


def test_without_a_no1_document_any_national_opinion_answers(tmp_path):
    engine = engine_over(tmp_path, {"ministry.txt": MINISTRY})
    response = engine.search("一号文件 种子", page_size=5)
    assert response.hits and "种子技术" in response.hits[0].text


def test_the_national_target_answers_though_newer_provinces_fill_the_page(tmp_path):
    # seven provinces' 2026 reports, newer than the national 2025 one, and a page of one
    names = ["甘肃", "湖南", "江西", "青海", "河北", "吉林", "辽宁"]
    docs = {f"p{k}.txt": HILLS.replace("甘肃", name) for k, name in enumerate(names)}
    docs["nation.txt"] = NATION
    engine = engine_over(tmp_path, docs)
    response = engine.search("经济增长 目标", page_size=1)
    assert (response.answer.region, response.answer.value) == ("全国", 5.0)
    # the passage stating it leads the page
    assert response.hits[0].text.startswith("今年发展主要预期目标是")
    # a question about the provinces keeps a province's target
    asked = engine.search("哪些省份 经济增长 目标", page_size=1).answer
    assert asked is not None and asked.region != "全国"


@pytest.mark.parametrize("query", ["GDP target Gansu", "Gansu GDP goal"])
def test_an_english_question_for_a_target_gets_its_card(targets_engine, query):
    card = targets_engine.search(query, page_size=3).answer
    assert (card.region, card.value) == ("甘肃", 5.5)


async def test_targets_of_a_region_named_in_english_through_the_bot(server, targets_engine):
    user = server.add_user("Ann", language_code="en")
    async with running(server, targets_engine):
        # an English reader gets the places in English (english-trial18)
        said = await ask_text(server, user, user, "/targets Gansu")
        assert said.startswith("🎯 Region: Gansu")
        assert "5.5%" in said and "Hunan" not in said and "湖南" not in said
        said = await ask_text(server, user, user, "/targets GDP Hunan")
        assert "6%" in said and "Hunan" in said and "Gansu" not in said and "甘肃" not in said
        said = await ask_text(server, user, user, "GDP target Gansu")
        assert "甘肃" in said and "5.5%" in said


@pytest.mark.parametrize("query", ["经济增长 目标 -全国", '经济增长 目标 -"国家"'])
def test_the_country_excluded_gives_no_national_answer_nor_its_passages(targets_engine, query):
    response = targets_engine.search(query, page_size=5)
    assert response.hits and all(h.region != "全国" for h in response.hits)
    assert response.answer is not None and response.answer.region != "全国"


def test_excluding_the_country_is_read_from_the_words_excluded():
    assert excludes_nation("GDP 目标 -全国")
    assert excludes_nation('GDP 目标 -"中国"')
    assert not excludes_nation("全国 GDP 目标")
    assert not excludes_nation("GDP 目标 -全国性")  # a word of its own
