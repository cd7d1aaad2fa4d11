"""What cards34 settled (issue 13, the direct answer card): a figure asked of a past year
is answered by that year's result also when the table knows no indicator of that name
(工业增加值, 互联网普及率, 省重点项目完成投资: the query's words name the record); 降到 or
提高到 asks the level reached, not the change; 到 before a target year and a rate typed after
a named indicator (增速) keep a place + year + indicator question asking its figure; a share
of GDP asked of an indicator (R&D投入占GDP比重) is the table's share (研发经费投入强度).
Invented texts; past years are years before today's."""

from __future__ import annotations

import pytest

from bot.library.answers import CHANGE_ASKED_RE as _CHANGE_ASKED_RE
from bot.library.answers import names_only_indicator, share_of_gdp
from bot.targets.indicators import default_table
from bot.text.english import with_chinese_terms
from tests.conftest import engine_over

GANSU = (
    "2024年甘肃省政府工作报告\n"
    "一、2023年工作回顾\n"
    "全省工业增加值完成2800亿元，规模以上工业增加值增长7.6%。\n"
    "省重点项目完成投资2100亿元，新开工项目320个。\n"
    "全省互联网普及率达到78%，农村贫困发生率降至1.2%。\n"
    "二、2024年工作安排\n"
    "今年主要预期目标是：地区生产总值增长6%左右，规模以上工业增加值增长7%。\n"
    "到2030年，每万人口高价值发明专利拥有量达到4件，全社会研发经费投入占GDP的比重达2.5%。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("cards34"), {"province_gansu_2024_gwr.txt": GANSU})


@pytest.mark.parametrize(
    ("query", "figure"),
    [
        ("甘肃去年工业增加值多少亿元", "2800亿元"),
        ("甘肃2023年互联网普及率多少", "78%"),
        ("甘肃去年省重点项目完成投资多少亿元", "2100亿元"),
    ],
)
def test_a_past_years_result_named_by_the_querys_words(engine, query, figure):
    # the table knows no such indicator (or only a part of the name): no card before
    r = engine.search(query, page_size=3)
    assert r.answer is not None and r.answer.kind == "achievement"
    assert r.answer.figure == figure


def test_a_level_asked_with_jiang_dao_is_the_level_reached(engine):
    r = engine.search("甘肃2023年贫困发生率降到多少", page_size=3)
    assert r.answer is not None and r.answer.figure == "1.2%"


@pytest.mark.parametrize(
    ("query", "change"),
    [("贫困发生率降到多少", False), ("比重提高到多少", False), ("住宅投资降了多少", True),
     ("常住人口增加了多少", True)],
)  # fmt: skip
def test_a_change_asked(query, change):
    assert (_CHANGE_ASKED_RE.search(query) is not None) is change


def test_a_target_year_led_by_dao_with_no_asking_word(engine):
    r = engine.search("甘肃到2030年每万人口高价值发明专利拥有量", page_size=3)
    assert r.answer is not None and r.answer.figure == "4件"


def test_a_rate_typed_after_the_indicator_asks_the_years_figure(engine):
    r = engine.search("甘肃2023年规上工业增加值增速", page_size=3)
    assert r.answer is not None and r.answer.figure == "7.6%"


def test_a_rate_without_a_year_stays_a_topic(engine):
    # 海南 研发经费 增速: no year, no place-and-year figure asked
    assert engine.search("甘肃 工业增加值 增速", page_size=3).answer is None


@pytest.mark.parametrize(
    ("rest", "only"),
    [("到 粮食产量", True), ("规上工业增加值增速", True), ("GDP 增幅", True),
     ("到 粮食产量 招商", False), ("增速 排名", False)],
)  # fmt: skip
def test_names_only_indicator_reads_dao_and_a_rate(rest, only):
    assert names_only_indicator(rest, default_table()) is only


def test_a_share_of_gdp_asked_of_rd_spending(engine):
    r = engine.search("甘肃2030年R&D投入占GDP比重要达到多少", page_size=3)
    assert r.answer is not None and r.answer.figure == "2.5%"


@pytest.mark.parametrize(
    ("indicator", "query", "share"),
    [("研发经费支出", "R&D投入占GDP比重", "研发经费投入强度"),
     ("研发经费支出", "R&D 经费 占地区生产总值比重", "研发经费投入强度"),
     ("研发经费支出", "R&D投入增长多少", None), ("地区生产总值", "GDP 增长", None)],
)  # fmt: skip
def test_share_of_gdp(indicator, query, share):
    assert share_of_gdp(indicator, query, default_table()) == share


@pytest.mark.parametrize(
    ("english", "chinese"),
    [("Shenzhen 2022 inclusive small business loans target", "普惠小微企业贷款"),
     ("space information industry scale", "产业规模"),
     ("digital economy share of GDP by 2030", "占GDP比重")],
)  # fmt: skip
def test_english_words_of_loans_scale_and_a_share_of_gdp(english, chinese):
    assert chinese in with_chinese_terms(english)


def test_a_per_head_figure_is_no_total(engine_per_head):
    # the report sets only the per-head level for 2030: the total asked has no answer
    assert engine_per_head.search("青海2030年地区生产总值总量要达到多少亿元").answer is None
    r = engine_per_head.search("青海2030年人均地区生产总值要达到多少万元")
    assert r.answer is not None and r.answer.figure == "12万元以上"


QINGHAI = (
    "2026年青海省政府工作报告\n"
    "“十五五”时期主要目标：地区生产总值增速高于全国平均水平，"
    "到2030年人均地区生产总值达到12万元以上。\n"
    "今年主要预期目标：地区生产总值增长5%左右。\n"
)


@pytest.fixture(scope="module")
def engine_per_head(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cards34b"), {"province_qinghai_2026_gwr.txt": QINGHAI}
    )
