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
