"""Behaviours added for what a journalist's trial left (issue 13, ``search-left29``): an
English phrase narrowing a glossary form (urban unemployment rate), provinces compared by
their own figures, and a province's own targets listed first. Invented texts only."""

from __future__ import annotations

import pytest

from bot.text.english import english_terms
from tests.conftest import engine_over

GLOSSARY = {
    "unemployment rate": "失业率",
    "surveyed urban unemployment rate": "城镇调查失业率",
    "registered urban unemployment rate": "城镇登记失业率",
    "urban renewal": "城市更新",
    "growth": "增长",
    "output": "产量",
    "grain output": "粮食产量",
}


def _terms(text: str) -> list[str]:
    return [term for _, _, term in english_terms(text, GLOSSARY)]


def test_a_word_narrowing_a_form_reads_the_narrower_entry():
    # no form is "urban unemployment rate": the longer forms holding its words in order
    # name terms holding 失业率; the one listed first (the usual sense) is read
    assert english_terms("urban unemployment rate", GLOSSARY) == [(0, 23, "城镇调查失业率")]
    assert _terms("urban unemployment rate Sichuan") == ["城镇调查失业率"]
    assert _terms("registered unemployment rate") == ["城镇登记失业率"]
    # the word after narrows too, the form keeps its place
    assert _terms("grain output growth") == ["粮食产量", "增长"]


def test_a_word_no_longer_form_holds_leaves_the_form_alone():
    # rural is in no form with 失业率: the form is read as it is, rural left to others
    assert english_terms("rural unemployment rate", GLOSSARY) == [(6, 23, "失业率")]
    # urban is in a form (urban renewal) whose term does not hold 失业率
    glossary = {k: v for k, v in GLOSSARY.items() if "urban unemployment" not in k}
    assert english_terms("urban unemployment rate", glossary) == [(6, 23, "失业率")]
    # a word that opens a form of its own is that form's
    assert _terms("unemployment rate growth") == ["失业率", "增长"]
    # a comma between them breaks the phrase
    assert english_terms("urban, unemployment rate", GLOSSARY) == [(7, 24, "失业率")]


def test_the_shipped_glossary_reads_urban_unemployment_rate():
    assert [t for _, _, t in english_terms("urban unemployment rate")] == ["城镇调查失业率"]


PROVINCE = (
    "{year}年{name}政府工作报告\n"
    "今年主要预期目标是：地区生产总值增长{gdp}%左右，城镇调查失业率5.5%左右。\n"
)

DOCS = {
    "city_mianyang_2031_gwr.txt": PROVINCE.format(year=2031, name="绵阳市", gdp=7),
    "province_sichuan_2031_gwr.txt": PROVINCE.format(year=2031, name="四川省", gdp=6),
    "province_yunnan_2031_gwr.txt": PROVINCE.format(year=2031, name="云南省", gdp=5),
    "city_zhoukou_2031_gwr.txt": PROVINCE.format(year=2031, name="周口市", gdp=8),
    # a city's news article listed before its province's report
    "city_shaoguan_2031_news.txt": (
        "韶关市召开经济工作会议\n会议提出，今年全市地区生产总值增长6.5%左右。\n"
    ),
    "province_guangdong_2031_gwr.txt": PROVINCE.format(year=2031, name="广东省", gdp=5),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("left29"), DOCS)


def _files(engine, rows) -> list[str]:
    names = {d.doc_id: d.filename for d in engine.documents()}
    return [names[r.doc_id] for r in rows]


def test_provinces_compared_side_by_side_keep_to_their_own_figures(engine):
    found = engine.lookup_condition("GDP 四川 云南", None).found
    assert set(_files(engine, found.rows)) == {
        "province_sichuan_2031_gwr.txt",
        "province_yunnan_2031_gwr.txt",
    }
    # a province named alone keeps its cities
    alone = _files(engine, engine.lookup_condition("GDP 四川", None).found.rows)
    assert "city_mianyang_2031_gwr.txt" in alone


def test_a_compared_place_without_a_document_of_its_own_keeps_its_places(engine):
    # 河南 has no report of its own here: 周口's figures are the only ones about it
    found = engine.lookup_condition("GDP 四川 河南", None).found
    assert set(_files(engine, found.rows)) == {
        "province_sichuan_2031_gwr.txt",
        "city_zhoukou_2031_gwr.txt",
    }


def test_an_english_narrowed_indicator_is_compared(engine):
    looked = engine.lookup_condition("urban unemployment rate 四川 云南", None)
    assert looked.indicator == "城镇调查失业率"
    assert set(_files(engine, looked.found.rows)) == {
        "province_sichuan_2031_gwr.txt",
        "province_yunnan_2031_gwr.txt",
    }


def test_a_provinces_own_targets_come_first(engine):
    rows = engine.lookup_region("广东").rows
    files = _files(engine, rows)
    assert files[0] == "province_guangdong_2031_gwr.txt"
    assert "city_shaoguan_2031_news.txt" in files
    # a city asked is its own records only, as before
    assert set(_files(engine, engine.lookup_region("韶关").rows)) == {"city_shaoguan_2031_news.txt"}


def test_several_places_typed_first_are_the_places_compared(engine):
    looked = engine.lookup_condition("四川 云南 GDP", None)
    assert (looked.indicator, looked.region) == ("GDP", "四川 云南")
    assert set(_files(engine, looked.found.rows)) == {
        "province_sichuan_2031_gwr.txt",
        "province_yunnan_2031_gwr.txt",
    }
    # the year's table keeps to them too
    table = engine.region_table("四川 云南 GDP", year=2031)
    assert sorted(row.region for row in table.rows) == ["云南", "四川"]
    # one place first, as before
    looked = engine.lookup_condition("云南 GDP", None)
    assert (looked.indicator, looked.region) == ("GDP", "云南")


def test_a_glossary_phrase_is_said_back_as_read(engine):
    from bot.library.understood import understood_line

    u = engine.search("urban unemployment rate 四川", page_size=3).understood
    assert ("urban unemployment rate", ("城镇调查失业率",)) in u.english
    # a topic the glossary reads that names no indicator is said back
    u = engine.search("people's livelihood 四川", page_size=3).understood
    assert u is not None and ("people's livelihood", ("民生",)) in u.english
    line = understood_line(u, "en")
    assert "people's livelihood read as 民生" in line


def test_the_indicator_the_line_names_is_not_said_a_second_time():
    from bot.library.understood import understood_line
    from bot.models import Understood

    english = (("grain output", ("粮食产量",)), ("harvest", ("收获", "丰收")))
    line = understood_line(Understood(indicator="粮食产量", english=english), "en")
    # named once, in English before the term read (english-trial18), never again as read
    assert line.count("grain output") == 1 and "indicator grain output (粮食产量)" in line
    assert "粮食产量" in line and "harvest read as 收获/丰收" in line
