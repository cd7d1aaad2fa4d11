"""What cards36 settled (issue 13, the direct answer card): a change asked (比2010年增加了
多少, 比上年增加多少) is answered by the change its sentence states, not the level beside it;
what a past plan period reached (十四五期间…达到多少, 十二五期间…创建率) by a result dated to
the period, or to its last year in a later report's review, the period's own before its last
year's. Invented texts; past years are years before today's."""

from __future__ import annotations

import pytest

from bot.library.answers import asks_change, states_change
from bot.targets.indicators import default_table
from bot.targets.records import TargetRecord
from tests.conftest import engine_over

GANSU_2016 = (
    "2016年甘肃省政府工作报告\n"
    "一、“十二五”时期工作回顾\n"
    "2015年城镇常住居民人均可支配收入完成23767元，比2010年增加10578元，年均递增12.5%。\n"
    "五年共有310所学校晋级标准化学校，创建率91.5%。\n"
)
GANSU_2026 = (
    "2026年甘肃省政府工作报告\n"
    "一、“十四五”时期工作回顾\n"
    "五年来，全省实现进出口总额3200亿元，实际使用外资年均增长12.5%。\n"
    "2025年，实际使用外资增长15.0%，地区生产总值增长5.5%。\n"
    "二、2026年工作安排\n"
    "今年全省新增政府专项债券规模900亿元、比上年增加120亿元。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cards36"),
        {"province_gansu_2016_gwr.txt": GANSU_2016, "province_gansu_2026_gwr.txt": GANSU_2026},
    )


@pytest.mark.parametrize(
    ("query", "figure"),
    [
        ("甘肃2015年城镇居民收入比2010年增加了多少", "10578元"),
        ("甘肃2026年新增政府专项债券比上年增加多少", "120亿元"),
    ],
)
def test_a_change_asked_is_answered_by_the_change(engine, query, figure):
    r = engine.search(query, page_size=3)
    assert r.answer is not None and r.answer.figure == figure


@pytest.mark.parametrize(
    ("query", "figure"),
    [("甘肃2015年城镇居民人均可支配收入", "23767元"),
     ("甘肃2026年新增政府专项债券规模", "900亿元")],
)  # fmt: skip
def test_a_level_asked_keeps_the_level(engine, query, figure):
    r = engine.search(query, page_size=3)
    assert r.answer is not None and r.answer.figure == figure


@pytest.mark.parametrize(
    ("query", "figure"),
    [
        ("甘肃十四五期间进出口总额达到多少", "3200亿元"),
        # the period's own (年均增长 of 2021-2025) before its last year's (增长15.0% of 2025)
        ("甘肃十四五期间外资年均增长多少", "12.5%"),
        # a later report's review of the period's last year
        ("甘肃十二五期间标准化学校创建率", "91.5%"),
    ],
)
def test_what_a_past_plan_period_reached(engine, query, figure):
    r = engine.search(query, page_size=3)
    assert r.answer is not None and r.answer.figure == figure


@pytest.mark.parametrize(
    ("query", "change"),
    [("比2010年增加了多少", True), ("比上年增加多少", True), ("降了多少", True),
     ("提高到多少", False), ("城镇新增就业多少人", False), ("GDP目标", False)],
)  # fmt: skip
def test_asks_change(query, change):
    assert asks_change(query, default_table()) is change


@pytest.mark.parametrize(
    ("verb", "change"),
    [("增加", True), ("比上年增加", True), ("下降", True), ("增加到", False), ("完成", False),
     ("", False), ("提高至", False)],
)  # fmt: skip
def test_states_change(verb, change):
    record = TargetRecord(
        doc="d", section="", sentence="", indicator="x", value=1.0, value_text="1", unit="元",
        qualifier="", year="2025", region="", kind="achievement", change=verb,
    )  # fmt: skip
    assert states_change(record) is change
