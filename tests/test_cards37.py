"""What `cards37` settled (issue 13, the direct answer card). Invented texts.

A card named by the part two names share (中欧班列 of 发送旅客 and 运输货物, 城乡居民 … 人数 of
养老保险 and 医疗保险) goes to the name holding more of the query's other words (运了多少货,
医保), in one passage even to a name the query's words name less (酒和饮料 工业增加值 is no
有色金属冶炼和压延加工业增加值, though 工业增加值 sits inside 加工业增加值); a share answers
only a share asked; 多少钱 asks an amount of money."""

from __future__ import annotations

import pytest

from bot.library.answers import asked_unit, covering, in_unit, names_a_figure
from tests.conftest import engine_over

# a five-year review in a work report
GANSU_2026 = (
    "2026年甘肃省政府工作报告\n"
    "一、“十四五”时期工作回顾\n"
    "口岸货运通关能力从1800万吨提升至3000万吨，中欧班列发展远超预期，累计发送旅客超120万人次、"
    "运输货物超860万吨。\n"
)
LANZHOU_2023 = (
    "兰州市2023年国民经济和社会发展统计公报\n"
    "年末参加城乡居民基本养老保险人数132.58万人，增加0.50万人。"
    "参加城乡居民基本医疗保险人数312.95万人，比上年减少4.31万人。\n"
    "全市31个工业行业大类中有18个实现正增长，其中，有色金属冶炼和压延加工业增加值比上年增长"
    "21.5%；酒、饮料和精制茶制造业增加值增长12.8%；电气机械和器材制造业增加值增长6.2%。\n"
    "年末移动电话用户总数达680万户，其中5G移动电话用户达260万户，5G移动电话用户占移动电话用户"
    "比重38.2%。\n"
    "年末全市公路总里程8300公里，其中：高速公路里程420公里，普通国道里程610公里。\n"
)
# an opinion setting shares of trade with the RCEP countries
GANSU_RCEP = (
    "甘肃省关于推动高质量实施RCEP的实施意见\n"
    "到2024年，全省与其他RCEP国家货物贸易、对外投资和实际利用外资分别占比达25%、15%和8%。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("cards37"),
        {
            "province_gansu_2026_gwr.txt": GANSU_2026,
            "city_lanzhou_2023_stat-bulletin.txt": LANZHOU_2023,
            "province_gansu_2022_rcep-implementation-opinion.txt": GANSU_RCEP,
        },
    )


@pytest.mark.parametrize(
    ("query", "figure"),
    [
        # 中欧班列 names both records; 运 and 货 only 运输货物
        ("甘肃 中欧班列 运了多少货", "超860万吨"),
        # 医保: 医疗保险's, not 养老保险's, which 城乡居民 and 人数 name as much
        ("兰州2023年参加城乡居民医保人数减少了多少", "4.31万人"),
        # 饮料 is only the 酒、饮料 row's; 工业增加值 inside 加工业增加值 is no sign
        ("兰州 酒和饮料 工业增加值 涨了多少", "12.8%"),
        # no share asked: the users, not their share
        ("兰州 5G 用户 有多少", "260万户"),
    ],
)
def test_the_name_holding_the_querys_other_words_answers(engine, query, figure):
    r = engine.search(query, page_size=3)
    assert r.answer is not None and r.answer.figure == figure


def test_a_share_asked_is_still_answered_by_the_share(engine):
    r = engine.search("兰州2023年5G移动电话用户占比多少", page_size=3)
    assert r.answer is not None and r.answer.figure == "38.2%"


def test_covering_counts_the_querys_characters_a_name_holds():
    words = ["中欧", "班列", "运了", "多少", "货"]
    assert covering(words, [], "中欧班列运输货物") > covering(words, [], "中欧班列发送旅客")
    # a facet word the name holds whole counts (苗族 of 黔东南苗族侗族自治州 and 苗族人口)
    assert covering(["人口"], ["苗族"], "苗族人口") > covering(["人口"], ["苗族"], "常住人口")
    # question words and joining characters count for nothing
    assert covering(["多少", "的", "了"], [], "多少的了") == 0


def test_how_much_money_asks_an_amount_in_yuan():
    assert asked_unit("商品房卖了多少钱") == "元"
    assert asked_unit("以旧换新补了多少钱") == "元"
    assert in_unit("亿元", "元") and not in_unit("万平方米", "元")


@pytest.mark.parametrize(
    ("query", "figure"),
    [
        # a place, a year and a phrase ending in 里程
        ("兰州2023年高速公路里程", "420公里"),
        # a Latin acronym inside the phrase
        ("甘肃到2024年与RCEP国家对外投资占比", "15%"),
    ],
)
def test_a_place_a_year_and_a_phrase_naming_a_figure(engine, query, figure):
    r = engine.search(query, page_size=3)
    assert r.answer is not None and r.answer.figure == figure


@pytest.mark.parametrize(
    ("rest", "names"),
    [
        ("高速公路里程", True),
        ("与RCEP国家对外投资占比", True),
        ("5G基站覆盖率", True),
        ("RCEP占比", False),  # too few Chinese characters to be a figure's name
        ("成都 旅游", False),
        ("茶叶 产业 发展", False),
    ],
)
def test_names_a_figure(rest, names):
    assert names_a_figure(rest) is names
