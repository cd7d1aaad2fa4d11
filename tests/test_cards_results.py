"""What `cards-results` settled (issue 13, the direct answer card): a figure asked with no
year, no plan period and no word of a goal (云南完成适老化改造多少户, 成都国际班列连接了多少个
境外城市, 黔东南养老机构有多少张床位) is answered by a result the first passage states, named by
the query's words, when no target answers; a goal asked keeps to targets. Invented texts."""

from __future__ import annotations

import pytest

from bot.library.searching import _asks_reached
from bot.models import Understood
from tests.conftest import engine_over

# a review of five years in a work report, and a city's statistical bulletin
GANSU_2026 = (
    "2026年甘肃省政府工作报告\n"
    "一、“十四五”时期工作回顾\n"
    "五年来，全省累计完成农村危房适老化改造5.2万户，新建乡镇综合文化站310个。\n"
    "全年减税降费及退税超200亿元，净增经营主体42.8万户，其中企业7.5万户。\n"
    "二、2026年工作安排\n"
    "今年全省新增城镇就业30万人以上。\n"
)
LANZHOU_2023 = (
    "兰州市2023年国民经济和社会发展统计公报\n"
    "年末全市共有养老服务机构48所，有床位4120张。\n"
    "全年开行中欧班列260列，连接境外城市35个。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cards_results"),
        {
            "province_gansu_2026_gwr.txt": GANSU_2026,
            "city_lanzhou_2023_stat-bulletin.txt": LANZHOU_2023,
        },
    )


@pytest.mark.parametrize(
    ("query", "figure"),
    [
        ("甘肃完成适老化改造多少户", "5.2万户"),
        ("兰州养老机构有多少张床位", "4120张"),
        ("兰州中欧班列连接了多少个境外城市", "35个"),
    ],
)
def test_a_result_asked_with_no_year_is_answered_by_the_first_passage(engine, query, figure):
    r = engine.search(query, page_size=3)
    assert r.answer is not None and r.answer.figure == figure


def test_a_goal_asked_is_not_answered_by_a_result(engine):
    r = engine.search("甘肃适老化改造目标是多少户", page_size=3)
    assert r.answer is None or r.answer.figure != "5.2万户"


def test_a_bare_name_is_not_named_by_a_packed_results_sentence(engine):
    # 企业 7.5万户 shares its sentence with 减税降费: the sentence names every figure alike
    r = engine.search("甘肃 减税降费 规模", page_size=3)
    assert r.answer is None or r.answer.figure != "7.5万户"


@pytest.mark.parametrize(
    ("query", "understood", "reached"),
    [
        ("云南完成适老化改造多少户", Understood(region="云南"), True),
        ("有多少张床位", Understood(), True),
        ("适老化改造目标多少户", Understood(), False),
        ("今年要完成多少户", Understood(year=2026), False),
        ("2023年床位多少张", Understood(year=2023), False),
    ],
)
def test_asks_reached(query, understood, reached):
    assert _asks_reached(query, understood) is reached
