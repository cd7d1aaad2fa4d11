"""What cards33 settled (issue 13, the direct answer card): a figure asked of a past year
with no word of a goal (去年粮食产量是多少, 2023年社会消费品零售总额是多少) is answered by
what was reached that year; a bare magnitude asked (多少亿) by an amount counted in it, not
by a count; 拟 (拟安排) is a word of the sentence, never corrected into the indicator before
it. Invented texts; like ``test_search_questions31``, past years are years before today's."""

from __future__ import annotations

import pytest

from bot.library.answers import asked_unit, asks_goal, in_unit
from tests.conftest import engine_over

COUNTRY = (
    "2024年国务院政府工作报告\n"
    "一、2023年工作回顾\n"
    "过去一年，国内生产总值增长5.2%，粮食产量达到1.39万亿斤。\n"
    "二、2024年工作安排\n"
    "今年发展主要预期目标是：国内生产总值增长5%左右；粮食产量1.3万亿斤以上。\n"
    "今年拟安排财政赤字4.06万亿元，赤字率拟按3%安排。\n"
    "财政赤字率保持在合理水平。\n"
)
QINGHAI = (
    "2024年青海省政府工作报告\n"
    "一、2023年工作回顾\n"
    "全省粮食产量达到110.3万吨，接待游客突破5000万人次。城镇调查失业率5.1%。\n"
    "过去五年，全省地区生产总值突破3500亿元、年均增长5.6%。\n"
    "2023年，全省完成地区生产总值3799.1亿元、增长5.3%。\n"
    "二、2024年工作安排\n"
    "今年主要预期目标是：地区生产总值增长5%左右，粮食产量107万吨以上。\n"
    "实施重大项目800多个，完成投资1200亿元以上。\n"
)
BULLETIN = (
    "西宁市2023年国民经济和社会发展统计公报\n"
    "全年实现社会消费品零售总额612.5亿元，比上年增长6.1%。\n"
    "全市粮食播种面积95.2万亩，总产量21.4万吨。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cards33"),
        {
            "national_china_2024_gwr.txt": COUNTRY,
            "province_qinghai_2024_gwr.txt": QINGHAI,
            "city_xining_2023_stat-bulletin.txt": BULLETIN,
        },
    )


@pytest.mark.parametrize(
    ("query", "figure"),
    [
        ("青海去年粮食产量是多少", "110.3万吨"),
        ("2023年全国粮食产量是多少", "1.39万亿斤"),
        ("西宁2023年社会消费品零售总额是多少", "612.5亿元"),
        ("西宁2023年粮食总产量多少万吨", "21.4万吨"),
    ],
)
def test_a_figure_of_a_past_year_without_a_goal_word_is_the_result(engine, query, figure):
    # no 了多少: read as a target question, no target of that year answered, no card
    r = engine.search(query, page_size=3)
    assert r.answer is not None and r.answer.kind == "achievement"
    assert r.answer.figure == figure


@pytest.mark.parametrize("query", ["青海2023年粮食产量目标是多少", "2023年全国粮食产量预期目标"])
def test_a_goal_asked_of_a_past_year_gets_no_result(engine, query):
    # the texts set no 2023 target: a result would answer another question
    assert engine.search(query, page_size=3).answer is None


@pytest.mark.parametrize(
    ("query", "goal"),
    [("去年粮食产量是多少", False), ("粮食产量目标", True), ("失业率控制在多少", True)],
)
def test_a_word_of_a_goal(query, goal):
    assert asks_goal(query) is goal


@pytest.mark.parametrize(
    ("query", "unit"),
    [
        ("专项债多少亿", "亿"),
        ("完成投资几千亿", "亿"),
        ("财政赤字多少万亿", "亿"),
        ("多少亿元", "元"),
        ("新增就业多少万人", "人"),
        ("粮食产量是多少", None),
    ],
)
def test_a_bare_magnitude_asked(query, unit):
    assert asked_unit(query) == unit


@pytest.mark.parametrize(
    ("unit", "same"),
    [("亿元", True), ("万亿元", True), ("亿斤", True), ("个", False), ("%", False)],
)
def test_a_record_counted_in_the_magnitude(unit, same):
    assert in_unit(unit, "亿") is same


def test_an_amount_asked_in_a_bare_magnitude_is_not_a_count(engine):
    # 重大项目 names the count (800多个); 多少亿 asks the investment
    r = engine.search("青海重大项目完成投资多少亿", page_size=3)
    assert r.answer is not None and r.answer.figure.startswith("1200亿")


def test_ni_is_no_typo_of_the_indicator_before_it(engine):
    # 财政赤字拟安排 was corrected to 财政赤字率安排: the ratio answered a deficit asked
    r = engine.search("2024年财政赤字拟安排多少", page_size=3)
    assert r.corrected_query is None
    assert r.answer is not None and r.answer.value_text.startswith("4.06")


def test_a_place_a_past_year_and_an_indicator_alone_ask_the_result(engine):
    # no word asks a figure: read as 四川 2026 GDP reads, the figure of the year asked
    r = engine.search("青海 去年 城镇调查失业率", page_size=3)
    assert r.answer is not None and r.answer.kind == "achievement"
    assert r.answer.figure == "5.1%"


def test_a_result_is_the_figure_reached_before_a_mark_crossed(engine):
    # 突破3500亿元 is said of the same year, first; 3799.1亿元 is what the year reached
    r = engine.search("青海2023年地区生产总值是多少亿元", page_size=3)
    assert r.answer is not None and r.answer.figure.startswith("3799.1")
