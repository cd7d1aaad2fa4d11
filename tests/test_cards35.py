"""What cards35 settled (issue 13, the direct answer card): 件 and 户 count a figure asked
(几件民生实事); a place, a year and one phrase naming a figure the table does not know, or
knows only a part of, seek the record the phrase's words name (遵义2023年茶叶产量, 限额以上
单位消费品零售额, 海绵城市建成区达标面积比例 到2025年底); across documents, the words a
title holds count for its document (上海食品科技 … 自主创新企业); English years of schooling
and resident population. Invented texts; past years are years before today's."""

from __future__ import annotations

import pytest

from bot.library.answers import asked_count, names_a_figure
from bot.text.english import with_chinese_terms
from tests.conftest import engine_over

ZUNYI = (
    "2023年遵义市国民经济和社会发展统计公报\n"
    "年末常住人口660.5万人，比上年末增加1.2万人。\n"
    "全年茶叶产量25.3万吨，比上年增长3.1%。\n"
    "全年社会消费品零售总额1500.8亿元，增长6.0%。"
    "全年限额以上单位消费品零售额500.2亿元，增长5.1%。\n"
)
GANSU = (
    "2024年甘肃省政府工作报告\n"
    "一、2023年工作回顾\n"
    "投入民生资金800多亿元，40件民生实事全面完成。\n"
    "二、2024年工作安排\n"
    "重点办好45件民生实事，进一步提升群众获得感。\n"
)
SPONGE = (
    "上海市人民政府办公厅关于本市系统化全域推进海绵城市建设的实施意见\n"
    "到2025年底，本市建成区40%以上的面积达到海绵城市建设目标要求。"
    "到2030年底，本市建成区80%以上的面积达到海绵城市建设目标要求。\n"
)
BCI = (
    "上海市脑机接口未来产业培育行动方案（2025-2030年）\n"
    "到2027年，引育6家以上具有脑机接口核心技术与产品研发能力的自主创新企业。\n"
)
FOOD = (
    "上海市加快食品科技创新赋能产业发展行动方案（2026—2030年）\n"
    "到2027年，引育5家以上具有食品创制核心技术与数智化制造能力的自主创新企业。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cards35"),
        {
            "city_zunyi_2023_stat-bulletin.txt": ZUNYI,
            "province_gansu_2024_gwr.txt": GANSU,
            "province_shanghai_2024_sponge-city-opinion.txt": SPONGE,
            "province_shanghai_2025_bci-action-plan.txt": BCI,
            "province_shanghai_2025_food-tech-action-plan.txt": FOOD,
        },
    )


@pytest.mark.parametrize(
    ("query", "figure"),
    [("甘肃2023年完成了几件民生实事", "40件"), ("甘肃2024年要办几件民生实事", "45件")],
)
def test_a_count_asked_in_jian(engine, query, figure):
    r = engine.search(query, page_size=3)
    assert r.answer is not None and r.answer.figure == figure


@pytest.mark.parametrize(("query", "counter"), [("几件民生实事", "件"), ("多少户首贷户", "户")])
def test_jian_and_hu_are_counters(query, counter):
    count = asked_count(query)
    assert count is not None and count[0] == counter


@pytest.mark.parametrize(
    ("query", "figure"),
    [
        ("遵义2023年茶叶产量", "25.3万吨"),
        # the table knows 消费品零售额 as 社会消费品零售总额: the phrase names the part
        ("限额以上单位消费品零售额 2023 遵义", "500.2亿元"),
        ("上海到2025年底海绵城市建成区达标面积比例", "40%以上"),
    ],
)
def test_a_place_a_year_and_a_phrase_naming_a_figure(engine, query, figure):
    r = engine.search(query, page_size=3)
    assert r.answer is not None and r.answer.figure == figure


def test_a_phrase_naming_a_topic_gets_no_card(engine):
    assert engine.search("遵义 2023 茶叶 产业 发展", page_size=3).answer is None


@pytest.mark.parametrize(
    ("rest", "figure"),
    [("茶叶产量", True), ("到 海绵城市建成区达标面积比例", True), ("常住人口 end of", True),
     ("南汇新城海绵城市达标面积比例达到", True), ("茶叶 产业 发展", False), ("旅游", False),
     ("营商环境", False), ("茶叶产量 招商", False)],
)  # fmt: skip
def test_names_a_figure(rest, figure):
    assert names_a_figure(rest) is figure


def test_the_title_named_tells_twin_records_apart(engine):
    r = engine.search("上海食品科技2027年培育几家自主创新企业", page_size=3)
    assert r.answer is not None and r.answer.figure == "5家以上"
    r = engine.search("上海脑机接口2027年培育几家自主创新企业", page_size=3)
    assert r.answer is not None and r.answer.figure == "6家以上"


@pytest.mark.parametrize(
    ("english", "chinese"),
    [("Ningxia average years of schooling target 2030", "受教育年限"),
     ("Chengdu resident population end of 2022", "常住人口")],
)  # fmt: skip
def test_english_years_of_schooling_and_resident_population(english, chinese):
    assert chinese in with_chinese_terms(english)
