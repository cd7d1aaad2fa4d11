"""English names of zones, science cities and the IT trade (english41): read as the Chinese
terms the reports write, and the three names of a high-tech zone found by one another."""

from __future__ import annotations

import pytest

from bot.library import Engine
from bot.text.english import with_chinese_terms
from tests.conftest import engine_over


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Mianyang science city", "Mianyang 科技城"),
        ("Zhangjiang hi-tech zone", "Zhangjiang 高新区"),
        ("high tech zone Hefei", "高新区 Hefei"),
        ("hi-tech industrial development zones pilot", "高新技术产业开发区 pilot"),
        ("IT services growth", "信息技术服务 增长"),
        ("information technology services outsourcing", "信息技术服务 outsourcing"),
        ("software and IT services", "软件和信息技术服务业"),
        ("economic and technological development zone", "经济技术开发区"),
    ],
)
def test_zone_and_trade_names_read_as_the_reports_terms(typed: str, read: str) -> None:
    assert with_chinese_terms(typed) == read


# Invented lines, in the shapes the dev documents write them (a bulletin's new zones, a plan's
# zone named in full, a table row of an industry); each filler line shares one query word.
DOCS = {
    "city_demo_2024_stat-bulletin.txt": (
        "示范市2024年国民经济和社会发展统计公报\n"
        "全年新增省级高新技术开发区3家，省中试基地2家。\n"
        "全年新增省级专精特新企业40家，新增工业园区2个。\n"
    ),
    "city_demo_2024_investment.txt": (
        "示范市2024年分行业投资\n"
        "信息传输、软件和信息技术服务业投资增长21.5%。\n"
        "全年服务业投资增长3.2%。\n"
    ),
    "national_demo_2024_plan.txt": (
        "关于推动示范产业发展的实施意见\n"
        "结合国家高新技术产业开发区、新型工业化产业示范基地等，开展先行先试。\n"
        "推动园区开展先行先试，培育新兴产业。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("zones41"), DOCS)


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("high-tech zone pilot", "国家高新技术产业开发区"),
        ("IT services investment growth", "软件和信息技术服务业投资"),
    ],
)
def test_an_english_name_finds_the_line_writing_its_term_first(
    engine: Engine, query: str, written: str
) -> None:
    hits = engine.search(query).hits
    assert hits and written in hits[0].text


# 高新区, 高新技术产业开发区 and 高新技术开发区 are one synonym group: the zone asked in
# English by its short name finds the bulletin's 高新技术开发区 and the plan's full name.
def test_a_high_tech_zone_finds_its_other_names(engine: Engine) -> None:
    texts = [hit.text for hit in engine.search("high-tech zone").hits]
    assert any("省级高新技术开发区" in t for t in texts)
    assert any("国家高新技术产业开发区" in t for t in texts)
