"""What `cards38` settled (issue 13, the direct answer card). Invented texts.

An English question's terms, read as Chinese words written apart (pork output -> 猪肉 产量), are
one phrase naming a figure, as the English words were; on the words path its function words (by,
of) name nothing, and a word the glossary left as typed counts by the dictionary's reading the
record's name holds (space information 产业规模 names 空间信息产业规模). A place and one phrase
naming a figure the table does not know, with no year (云南群众安全感满意率), ask for that figure as
with a year; a name the table knows alone (甘肃 地区生产总值) stays a topic."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.library.answering import read_as
from bot.library.answers import names_a_figure
from tests.conftest import engine_over

# a five-year review in a work report, and the year's tasks
GANSU_2026 = (
    "2026年甘肃省政府工作报告\n"
    "一、“十四五”时期工作回顾\n"
    "平安甘肃建设扎实推进，群众安全感满意率达98.6%，信访积案化解率达到92%。\n"
    "二、2026年工作安排\n"
    "全年地区生产总值增长5.5%左右，城镇调查失业率控制在5.5%以内。\n"
)
LANZHOU_2023 = (
    "兰州市2023年国民经济和社会发展统计公报\n"
    "全年生猪出栏量120.5万头，增长2.1%，猪肉产量9.32万吨，增长3.4%，禽蛋产量4.1万吨。\n"
)
# a plan with two industry scales of one year
GANSU_SPACE = (
    "甘肃省促进商业航天发展行动计划（2023—2025年）\n"
    "到2025年，培育卫星制造企业10家，卫星制造产业规模超100亿元，实现空间信息产业规模超500亿元。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cards38"),
        {
            "province_gansu_2026_gwr.txt": GANSU_2026,
            "city_lanzhou_2023_stat-bulletin.txt": LANZHOU_2023,
            "province_gansu_2023_commercial-space-action-plan.txt": GANSU_SPACE,
        },
    )


def test_an_english_questions_terms_are_one_phrase_naming_a_figure(engine):
    r = engine.search("Lanzhou pork output 2023", page_size=3)
    assert r.answer is not None and r.answer.figure == "9.32万吨"


def test_an_english_word_counts_by_the_reading_the_name_holds(engine):
    # 产业规模 names both scales; space and information (空间, 信息) only the 500亿元
    r = engine.search("Gansu space information industry scale target by 2025", page_size=3)
    assert r.answer is not None and r.answer.figure == "超500亿元"


def test_a_place_and_a_figures_name_with_no_year(engine):
    r = engine.search("甘肃群众安全感满意率", page_size=3)
    assert r.answer is not None and r.answer.figure == "98.6%"


def test_a_name_the_table_knows_alone_stays_a_topic(engine):
    r = engine.search("甘肃 地区生产总值", page_size=3)
    assert r.answer is None


@pytest.mark.parametrize(
    ("rest", "english", "names"),
    [
        ("猪肉 产量", True, True),
        ("数字经济 占 比重 by", True, True),
        # typed in Chinese, words apart stay words (茶叶 产业 发展 is a topic)
        ("猪肉 产量", False, False),
        # an English word left unread is no part of a known phrase
        ("inbound overnight 旅游 增长", True, False),
        # 托位数, 床位数: a count's name
        ("每千人口托位数", False, True),
    ],
)
def test_names_a_figure(rest, english, names):
    assert names_a_figure(rest, english=english) is names


def test_read_as_takes_the_reading_the_name_holds():
    record = SimpleNamespace(indicator="空间信息产业规模")  # read_as reads the name only
    readings = {"space": ("场地", "空间", "地方"), "information": ("信息", "资料")}
    assert read_as(["space", "information", "产业"], readings, record) == ["空间", "信息", "产业"]
    # no reading the name holds: the word stays, and counts against the name
    assert read_as(["bureau"], readings, record) == ["bureau"]
    assert read_as(["space"], {}, record) == ["space"]
