"""What `cards39` settled (issue 13, the direct answer card). Invented texts.

A place and a figure's name ask for that figure however the asker says the rest: a size asked
with 多大 or 多长 instead of 多少 (杨浦 科技创新策源区 面积多大), a price's change (周口 粮食类价格
涨幅 2023: 价格 ends a figure's name), the asker's own 我们 before the place (我们杨浦区 …); with no
year, the phrase's record answers wherever the place's documents state it, not only in the first
passage. An English question with a place and a year may name the thing counted rather than the
count (Chengdu motor vehicles 2022 -> 机动车): the glossary's term read whole asks its figure. A
past plan period's words (十四五, 期间) date the figure as a year's do, and name no record; a place,
a past period and a figure's name ask the period's result."""

from __future__ import annotations

import pytest

from bot.library.answers import names_a_figure
from tests.conftest import engine_over

# a zone plan: the whole zone's area first, each part's in a later passage
MINHANG_PLAN = (
    "闵行区科技创新示范区建设方案\n"
    "一、总体布局\n"
    "示范区覆盖闵行区全域，总规划面积约60.5平方公里，根据区域功能定位和发展目标，"
    "主要分为研发策源区、产业承载区和生态融合区三个功能区。\n"
    "二、功能分区\n"
    "研发策源区以大学城为核心，集聚高校院所和新型研发机构，打造原始创新高地，面积约9.2平方公里。\n"
    "产业承载区以滨江和园区为核心，承接研发成果转化项目，推动大中小企业融通创新，面积约25平方公里。\n"
)
LANZHOU_2023 = (
    "兰州市2023年国民经济和社会发展统计公报\n"
    "全年居民消费价格上涨0.3%。分类别看，食品烟酒类价格下降0.6%，其中，粮食类上涨2.3%，"
    "鲜菜类下降6.1%，畜肉类下降5.2%。\n"
    "年末全市机动车保有量150.2万辆，增长4.1%。\n"
)


# a work report's five-year review, with a count whose name holds 等级 in the same passage
QINGHAI_2026 = (
    "2026年青海省政府工作报告\n"
    "一、“十四五”时期工作回顾\n"
    "五年来，通高等级公路的乡镇达到78个，新增有效灌溉面积超120万亩。"
    "黄河流域水生生物完整性指数提升2个等级。\n"
    "二、2026年工作安排\n"
    "全年地区生产总值增长5%左右。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cards39"),
        {
            "district_minhang_2025_innovation-zone-plan.txt": MINHANG_PLAN,
            "city_lanzhou_2023_stat-bulletin.txt": LANZHOU_2023,
            "province_qinghai_2026_gwr.txt": QINGHAI_2026,
        },
    )


def test_a_size_asked_with_duoda_by_the_asker_of_the_place(engine):
    r = engine.search("我们闵行区产业承载区面积多大", page_size=3)
    assert r.answer is not None and r.answer.figure == "约25平方公里"


def test_a_size_asked_with_duoda(engine):
    r = engine.search("闵行 研发策源区 面积多大", page_size=3)
    assert r.answer is not None and r.answer.figure == "约9.2平方公里"


def test_a_prices_change_asked(engine):
    r = engine.search("兰州 粮食类价格 涨幅 2023", page_size=3)
    assert r.answer is not None and r.answer.figure == "2.3%"


def test_an_english_question_naming_the_thing_counted(engine):
    r = engine.search("Lanzhou motor vehicles 2023", page_size=3)
    assert r.answer is not None and r.answer.figure == "150.2万辆"


def test_the_periods_words_name_no_record(engine):
    # 十四五 and 期间 counted against the name had left 通高等级公路的乡镇 (its 等级) the best named
    r = engine.search("十四五期间青海省黄河流域水生生物完整性指数提升了几个等级", page_size=3)
    assert r.answer is not None and "完整性指数" in r.answer.indicator and r.answer.value == 2


def test_a_place_a_past_period_and_a_figures_name(engine):
    r = engine.search("青海十四五新增有效灌溉面积", page_size=3)
    assert r.answer is not None and r.answer.figure == "超120万亩"


@pytest.mark.parametrize(
    ("rest", "english", "counted", "names"),
    [
        ("产业承载区面积多大", False, False, True),
        ("高速公路通车里程有多长", False, False, True),
        # 线路 ends no figure's name: the length is not named
        ("地铁运营线路有多长", False, False, False),
        ("我们 产业承载区面积多大", False, False, True),
        ("粮食类价格涨幅", False, True, True),
        # a rate with no year stays a topic (甘肃 工业增加值 增速)
        ("粮食类价格涨幅", False, False, False),
        ("粮食类价格", False, False, True),
        # 多大 alone names nothing
        ("规模多大", False, False, False),
        # the thing counted, read whole from English, with a place and a year
        ("机动车", True, True, True),
        ("入境过夜游客 增长", True, True, True),
        ("入境过夜游客 增长", True, False, False),
        # without a place, or typed in Chinese, the bare term stays a topic
        ("机动车", True, False, False),
        ("机动车", False, True, False),
        # an English word left unread is no part of a known term
        ("nev 产量", True, True, False),
    ],
)
def test_names_a_figure(rest, english, counted, names):
    # ``counted`` here stands for a place and a year asked, as the year's path passes both
    assert names_a_figure(rest, english=english, counted=counted, dated=counted) is names
