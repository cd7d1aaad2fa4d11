"""What the twenty-eighth judged batch's first sight taught (search-quality28): the
country's English name asks the national documents, as 中国 and 我国 do. Invented texts."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over


@pytest.mark.parametrize(
    ("query", "region"),
    [
        ("How many 5G base stations has China built?", "全国"),
        ("China's GDP growth target", "全国"),
        ("china deficit ratio 2031", "全国"),
        ("the People's Republic of China grain output", "全国"),
        ("PRC special treasury bonds", "全国"),
        # a word that merely holds the name, and a national park, name no country
        ("Chinatown renovation", None),
        ("chinaware exports", None),
        ("giant panda national park", None),
    ],
)
def test_the_countrys_english_name_is_the_country(query, region):
    from bot.corpus.gazetteer import default_gazetteer
    from bot.search.understand import understand

    got = understand(query, gazetteer=default_gazetteer(), known_regions=set())
    assert got.facets.region == region
    if region is not None:
        assert "hina" not in got.rest and "PRC" not in got.rest


def test_a_place_named_beside_the_country_is_still_asked():
    from bot.corpus.gazetteer import default_gazetteer
    from bot.search.understand import understand

    got = understand("Sichuan GDP target", gazetteer=default_gazetteer(), known_regions=set())
    assert got.facets.region == "四川"


NATIONAL = (
    "2031年国务院政府工作报告\n国务院总理\n"
    "一、过去一年工作回顾\n"
    "信息基础设施加快建设，全国累计建成开通5G基站达310万个，千兆光网覆盖所有地级市。\n"
    "粮食产量再创新高，达到7100亿斤。\n"
)
PROVINCE = (
    "2031年青川省政府工作报告\n"
    "一、过去一年工作回顾\n"
    "新建5G基站2.1万个，累计建成5G基站15万个，5G网络覆盖所有乡镇。\n"
    "5G基站建设提速，5G应用场景不断丰富，建成5G基站数量居西部前列。\n"
)


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh25"),
        {"national_china_2031_gwr.txt": NATIONAL, "province_qingchuan_2031_gwr.txt": PROVINCE},
    )


@pytest.mark.parametrize(
    "query",
    ["How many 5G base stations has China built?", "China's 5G base stations"],
)
def test_an_english_question_about_china_finds_the_national_line_first(two_reports, query):
    hits = two_reports.search(query, page_size=3).hits
    assert hits, query
    assert "全国累计建成开通5G基站达310万个" in hits[0].text


# -- a query typed wholly in English keeps its dictionary readings required ----------------
PLAN = (
    "青川省应急体系建设规划\n"
    "一、现状\n"
    "应急管理体系不断健全。改革完善应急管理体制，组建应急管理厅，强化应急工作的综合管理，"
    "应急管理能力明显提升，应急管理责任全面压实。\n"
    "应急管理基础薄弱。基层应急管理力量不足，应急管理队伍有待加强，应急管理信息资源分散，"
    "应急管理机制仍需完善。\n"
    "二、主要任务\n"
    "（五）信息化\n"
    "推进应急管理信息化建设，集约建设信息基础设施和信息系统，推动跨部门互联互通。\n"
)
# 信息化 written often elsewhere: a reading as common as that adds little when soft
OTHER = "白河市2031年政府工作报告\n" + "".join(
    f"推进第{i}项教育信息化、医疗信息化和政务信息化工程，信息化水平提升。\n" for i in range(1, 13)
)


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("fresh25plan"),
        {"province_qingchuan_2031_plan.txt": PLAN, "city_baihe_2031_gwr.txt": OTHER},
    )


def test_an_english_query_keeps_the_dictionarys_reading_beside_the_glossarys(plan):
    # emergency management is the glossary's (应急管理), informatization the dictionary's
    # (信息化): typed wholly in English, the reading is all the query has of that word, so
    # the lines that only repeat 应急管理 do not rank above the one holding both
    hits = plan.search("emergency management informatization", page_size=3).hits
    assert hits and "应急管理信息化建设" in hits[0].text


def test_a_reading_beside_chinese_typed_words_stays_soft(plan):
    # typed beside Chinese, the Chinese words say what is asked: a line without the
    # reading is still found
    hits = plan.search("应急管理 informatization 队伍", page_size=5).hits
    assert any("应急管理队伍有待加强" in h.text for h in hits)
